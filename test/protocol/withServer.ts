// The protocol tests' one set-up: a language server started before the tests of a describe block and stopped after
// them, with the check every block makes at the end: no handler failed (the server logged no error) and the server
// is still running. That check is an after() hook, not a test: it guards the tests around it.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { LspClient, type StartOptions } from './lspClient';
import { waitForIndex } from './requests';
import { TempWorkspace } from './tempWorkspace';

export interface ServerOptions {
  /**
   * A workspace folder in a temp directory, opened in the server: a copy of test/fixtures/protocol/<name>, or an
   * empty folder for `true`. Without it (and without `folders`) the server starts with no folder open.
   */
  workspace?: string | true;
  /** Folders to open instead (absolute paths), used as they are. */
  folders?: string[];
  /** The server's environment (default: this process's). */
  env?: StartOptions['env'];
  /** Wait until the server has indexed the open folders before the tests start. */
  waitForIndex?: boolean;
}

export interface Server {
  readonly client: LspClient;
  /** The temp workspace folder; only with the `workspace` option. */
  readonly workspace: TempWorkspace;
}

/**
 * Registers before() and after() hooks for the enclosing describe block and returns the server they start. `ready`
 * runs once the server is up (and indexed, with `waitForIndex`): open documents there, say.
 */
export function withServer(options: ServerOptions = {}, ready?: (server: Server) => Promise<void>): Server {
  let client: LspClient | undefined;
  let workspace: TempWorkspace | undefined;
  const server: Server = {
    get client() {
      assert.ok(client, 'test bug: the server is used before its before() hook ran');
      return client;
    },
    get workspace() {
      assert.ok(workspace, 'test bug: withServer() was given no workspace option');
      return workspace;
    },
  };

  before(async () => {
    if (options.workspace !== undefined) workspace = TempWorkspace.create(options.workspace === true ? undefined : options.workspace);
    const folders = options.folders ?? (workspace ? [workspace.folder] : []);
    client = await LspClient.start(folders, options.env ? { env: options.env } : {});
    if (options.waitForIndex) await waitForIndex(client);
    await ready?.(server);
  });

  after(async () => {
    const errors = client?.errorLogs ?? [];
    const alive = client?.alive ?? false;
    await client?.stop();
    workspace?.dispose();
    assert.deepEqual(errors, [], 'no handler failed');
    assert.ok(alive, 'the server was still running at the end');
  });

  return server;
}
