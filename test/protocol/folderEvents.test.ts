// Folder events over the protocol: VS Code reports a deleted, moved or renamed folder as ONE event for the folder,
// none for the files in it (microsoft/vscode#109754, vscode-languageserver-node#141). The index must drop the files
// under a deleted folder and read the files under a created one, or their findings outlive them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { describeAction, fileEvents, FileChangeType, waitForIndex, waitForStatus } from './requests';
import { actionText, TempWorkspace } from './tempWorkspace';
import { withServer } from './withServer';

const ACCOUNT = 'account/cancel-subscription.action.json';
const BILLING = 'billing/cancel-subscription.action.json';
const duplicates = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'duplicate-action-name').length;

describe('folder events', () => {
  const uri = (relative: string) => server.workspace.uri(relative);
  const server = withServer({ workspace: 'index' }, async () => {
    assert.equal(duplicates(await server.client.waitForDiagnostics(uri(BILLING))), 1, 'indexed: "Cancel subscription" twice');
  });

  it('a deleted folder: the files under it are dropped (empty publications) and their partners lose the finding', async () => {
    const from = server.client.notifications.length;
    server.client.mark(uri(ACCOUNT));
    server.client.mark(uri(BILLING));
    fs.rmSync(server.workspace.path('account'), { recursive: true });
    await fileEvents(server.client, [{ uri: uri('account'), type: FileChangeType.Deleted }]);
    assert.deepEqual((await server.client.waitForDiagnostics(uri(ACCOUNT))).diagnostics, []);
    await server.client.waitForDiagnostics(uri(BILLING), (p) => duplicates(p) === 0);
    assert.equal(await describeAction(server.client, uri(ACCOUNT)), null, 'no longer indexed');
    assert.equal((await waitForStatus(server.client, (s) => s.actions === 2, from)).errors, 0);
  });

  it('a folder moved in (one Created event): the files under it are read and checked', async () => {
    const text = TempWorkspace.fixtureText('index', ACCOUNT);
    server.workspace.write('archive/old/cancel-subscription.action.json', text);
    server.client.mark(uri(BILLING));
    await fileEvents(server.client, [{ uri: uri('archive'), type: FileChangeType.Created }]);
    const moved = await server.client.waitForDiagnostics(uri('archive/old/cancel-subscription.action.json'));
    assert.equal(duplicates(moved), 1);
    assert.deepEqual(moved.diagnostics[0].relatedInformation?.map((r) => r.location.uri), [uri(BILLING)]);
    await server.client.waitForDiagnostics(uri(BILLING), (p) => duplicates(p) === 1);
  });

  it('a renamed folder (Deleted old, Created new): the old files are cleared, the new ones published', async () => {
    const old = uri('archive/old/cancel-subscription.action.json');
    const renamed = uri('archive2/old/cancel-subscription.action.json');
    server.client.mark(old);
    fs.renameSync(server.workspace.path('archive'), server.workspace.path('archive2'));
    await fileEvents(server.client, [{ uri: uri('archive'), type: FileChangeType.Deleted }, { uri: uri('archive2'), type: FileChangeType.Created }]);
    assert.deepEqual((await server.client.waitForDiagnostics(old)).diagnostics, []);
    assert.equal(duplicates(await server.client.waitForDiagnostics(renamed)), 1);
    assert.equal(await describeAction(server.client, old), null);
  });

  it('an open file under a deleted folder stays (the editor wins) until it is closed', async () => {
    const open = uri('archive2/old/cancel-subscription.action.json');
    const text = TempWorkspace.fixtureText('index', ACCOUNT);
    await server.client.open(open, text);
    await server.client.diagnosticsForCurrentVersion(open);
    fs.rmSync(server.workspace.path('archive2'), { recursive: true });
    server.client.mark(uri(BILLING));
    await fileEvents(server.client, [{ uri: uri('archive2'), type: FileChangeType.Deleted }]);
    assert.equal((await describeAction(server.client, open))?.actionName, 'Cancel subscription', 'still indexed while open');
    await server.client.close(open);
    assert.deepEqual((await server.client.waitForDiagnostics(open)).diagnostics, []);
    await server.client.waitForDiagnostics(uri(BILLING), (p) => duplicates(p) === 0);
  });

  it('files under dist/ and out/ (skipped by the first index) are not indexed from file events either', async () => {
    const restart = await LspClient.start([server.workspace.folder]);
    try {
      const copy = server.workspace.write('dist/actions/cancel-subscription.action.json', TempWorkspace.fixtureText('index', BILLING));
      await waitForIndex(restart);
      assert.equal(await describeAction(restart, copy), null, 'the first index skips dist/');
      server.workspace.write('out/cancel-subscription.action.json', TempWorkspace.fixtureText('index', BILLING));
      // A build writes into dist/ and out/: the events must not add what a restart would not see. The last event of
      // the batch is the barrier: once it is published, the others have been handled.
      const barrier = server.workspace.write('barrier.action.json', actionText({ name: 'Barrier', description: 'Print a test label for a warehouse shelf.', endpoint: 'https://api.acme-shop.example/v1/labels' }));
      await fileEvents(restart, [
        { uri: copy, type: FileChangeType.Changed },
        { uri: uri('out'), type: FileChangeType.Created },
        { uri: barrier, type: FileChangeType.Created },
      ]);
      await restart.waitForDiagnostics(barrier);
      assert.equal(await describeAction(restart, copy), null, 'dist/ copy');
      assert.equal(await describeAction(restart, uri('out/cancel-subscription.action.json')), null, 'out/ copy');
      assert.deepEqual(restart.publicationsFor(copy), []);
      assert.deepEqual(restart.errorLogs, []);
    } finally {
      await restart.stop();
    }
  });
});
