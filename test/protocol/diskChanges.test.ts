// Files changed on disk in any editor (issue 13, item 4): a client that offers dynamic registration is asked to
// watch action and config files; a client that does not is served by the server's own watcher, so a `git pull`
// updates diagnostics in Neovim, Helix or a bare client too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lspClient';
import { waitForIndex } from './requests';
import { actionText, TempWorkspace } from './tempWorkspace';

const BROKEN = actionText({ name: 'Look up order', description: 'Look up one order by its numeric order ID and return its status and total.', endpoint: 'https://api.acme-shop.example/v1/orders', method: 'FETCH' });
const WATCH_WAIT_MS = 10_000;

describe('files changed on disk', () => {
  let workspace: TempWorkspace;
  let minimal: LspClient;
  before(async () => {
    workspace = TempWorkspace.create('index');
    minimal = await LspClient.start([workspace.folder], { mode: 'minimal' });
    await waitForIndex(minimal);
  });
  after(async () => {
    await minimal.stop();
    workspace.dispose();
  });

  it('a client that offers dynamic registration is asked to watch **/*.action.json and **/opencx.config.json', async () => {
    const client = await LspClient.start([workspace.folder]);
    try {
      await waitForIndex(client);
      const registrations = (client.requestsOf('client/registerCapability') as { registrations: { method: string; registerOptions?: { watchers: { globPattern: string }[] } }[] }[]).flatMap((r) => r.registrations);
      const watched = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.deepEqual(watched?.registerOptions?.watchers.map((w) => w.globPattern).sort(), ['**/*.action.json', '**/opencx.config.json']);
    } finally {
      await client.stop();
    }
  });

  it('a bare client is never asked to register anything', () => {
    assert.deepEqual(minimal.requestsOf('client/registerCapability'), []);
  });

  it('a file created on disk is checked, with no event from the client', async () => {
    const uri = workspace.uri('new/broken.action.json');
    minimal.mark(uri);
    workspace.write('new/broken.action.json', BROKEN);
    const { diagnostics } = await minimal.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, WATCH_WAIT_MS);
    assert.ok(diagnostics.some((d) => String(d.message).startsWith('method must be one of')), JSON.stringify(diagnostics));
  });

  it('a file changed on disk is checked again', async () => {
    const uri = workspace.uri('new/broken.action.json');
    minimal.mark(uri);
    workspace.write('new/broken.action.json', BROKEN.replace('FETCH', 'GET'));
    await minimal.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => String(d.message).startsWith('method must be one of')), WATCH_WAIT_MS);
  });

  it('a config changed on disk changes the findings of the actions it governs', async () => {
    const uri = workspace.uri('track-delivery.action.json');
    const config = JSON.parse(workspace.read('opencx.config.json')) as { segments: string[] };
    minimal.mark(uri);
    workspace.write('opencx.config.json', JSON.stringify({ ...config, segments: ['nobody'] }, null, 2));
    await minimal.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-segment'), WATCH_WAIT_MS);
  });

  it('a file deleted on disk loses its diagnostics', async () => {
    const uri = workspace.uri('new/broken.action.json');
    minimal.mark(uri);
    workspace.remove('new/broken.action.json');
    await minimal.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, WATCH_WAIT_MS);
  });

  it('no handler failed', () => {
    assert.deepEqual(minimal.errorLogs, []);
  });
});
