// One file set everywhere (issue 14): the language server checks the files `opencx-actions lint` checks in the same
// folder (.gitignore, nested ones too, .opencxignore, node_modules and build folders left out; a linked file counted
// once), so the cross-file findings agree: the same duplicate-name findings, naming the same partners. Whether the
// server walks the folder itself or the client lists it (VS Code, where the listing knows nothing of .gitignore).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CHECKED, LEFT_OUT, LINKS, writeFileSetTree } from '../cli/fileSetTree';
import { LspClient } from './lspClient';
import { waitForStatus } from './requests';
import { CLI_JS, fileUri } from './testSupport';

const DUPLICATE = 'duplicate-action-name';

/** Per checked file, the partners its duplicate-name finding names, as paths relative to the root. */
type Partners = Record<string, string[]>;

function cliPartners(root: string): Partners {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [CLI_JS, 'lint', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    stdout = (error as { stdout: string }).stdout; // exit 1: errors found
  }
  const findings = JSON.parse(stdout) as { file: string; code: string; related: { file: string }[] }[];
  return Object.fromEntries(findings.filter((f) => f.code === DUPLICATE).map((f) => [f.file, f.related.map((r) => r.file).sort()]));
}

function serverPartners(root: string, publications: readonly PublishDiagnosticsParams[]): Partners {
  const relative = (uri: string) => path.relative(root, decodeURIComponent(new URL(uri).pathname)).split(path.sep).join('/');
  const latest = new Map(publications.map((p) => [p.uri, p]));
  const partners: Partners = {};
  for (const [uri, p] of latest) {
    for (const d of p.diagnostics.filter((x) => x.code === DUPLICATE)) partners[relative(uri)] = (d.relatedInformation ?? []).map((r) => relative(r.location.uri)).sort();
  }
  return partners;
}

/** What a VS Code-like client lists: every action and config file, links included, nothing of .gitignore known. */
function everyFile(folderUri: string): string[] {
  const folder = decodeURIComponent(new URL(folderUri).pathname);
  return fs.readdirSync(folder, { recursive: true }).map(String)
    .filter((f) => f.endsWith('.action.json') || f.endsWith('opencx.config.json'))
    .map((f) => fileUri(path.join(folder, f)));
}

for (const lister of ['the server walks the folder', 'the client lists every file'] as const) {
  describe(`one file set: ${lister}`, () => {
    let root: string;
    let client: LspClient;
    before(async () => {
      root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-fileset-')));
      writeFileSetTree(root);
      client = await LspClient.start([root], lister === 'the client lists every file' ? { listFiles: everyFile } : {});
    });
    after(async () => {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('indexes exactly the files the CLI checks, and reports the same duplicate names with the same partners', async () => {
      const status = await waitForStatus(client, (s) => !s.indexing && s.actions > 0);
      assert.equal(status.actions, CHECKED.length, 'the files left out and the links were not indexed');
      await Promise.all(CHECKED.map((file) => client.waitForDiagnostics(fileUri(path.join(root, file)), (p) => p.diagnostics.some((d) => d.code === DUPLICATE))));
      const expected = cliPartners(root);
      assert.deepEqual(Object.keys(expected).sort(), CHECKED, 'the CLI checks the tree\'s kept files');
      assert.deepEqual(serverPartners(root, client.publications), expected);
      const published = new Set(client.publications.map((p) => p.uri));
      for (const file of [...Object.keys(LEFT_OUT), ...Object.keys(LINKS)]) assert.ok(!published.has(fileUri(path.join(root, file))), `${file} is not published`);
      if (lister === 'the client lists every file') assert.ok(client.requestsOf('opencx/listWorkspaceFiles').length > 0, 'the server asked the client');
      assert.deepEqual(client.errorLogs, []);
    });
  });
}
