// Settings from every kind of client (issue 13, items 2 and 5): initializationOptions and pushed
// didChangeConfiguration for a client that cannot pull; pulls per folder (scopeUri) for one that can; dynamic
// registration only when the client offers it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification, type ConfigurationItem, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { waitForIndex } from './requests';
import { actionText, TempWorkspace } from './tempWorkspace';

/** An action that no channel can reach: one `no-channel` warning with default settings. */
const NO_CHANNEL = actionText({
  name: 'Look up order',
  description: 'Look up one order by its numeric order ID and return its status and total.',
  endpoint: 'https://api.acme-shop.example/v1/orders',
  channels: [],
});
const NO_CHANNEL_OFF = { rules: { 'no-channel': 'off' } };
const hasNoChannel = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'no-channel');

describe('settings from any client', () => {
  let workspace: TempWorkspace;
  let uri: string;
  const clients: LspClient[] = [];
  before(() => {
    workspace = TempWorkspace.create();
    uri = workspace.write('a/look-up.action.json', NO_CHANNEL);
    workspace.write('b/look-up-too.action.json', NO_CHANNEL.replace('Look up order', 'Look up an order'));
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    workspace.dispose();
  });

  async function start(...args: Parameters<typeof LspClient.start>): Promise<LspClient> {
    const client = await LspClient.start(...args);
    clients.push(client);
    await waitForIndex(client);
    return client;
  }

  it('a bare client without settings gets the default: a no-channel warning', async () => {
    const client = await start([workspace.folder], { mode: 'minimal' });
    await client.waitForDiagnostics(uri, hasNoChannel);
  });

  it('initializationOptions.opencx apply from the first publication on', async () => {
    const client = await start([workspace.folder], { mode: 'minimal', initializationOptions: { opencx: NO_CHANNEL_OFF } });
    const first = client.publicationsFor(uri)[0];
    assert.ok(first, 'published at index time');
    assert.equal(hasNoChannel(first), false, JSON.stringify(first.diagnostics));
  });

  it('settings pushed in didChangeConfiguration apply to a client that cannot pull, and are asked for nothing', async () => {
    const client = await start([workspace.folder], { mode: 'minimal' });
    await client.waitForDiagnostics(uri, hasNoChannel);
    client.mark(uri);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { opencx: NO_CHANNEL_OFF } });
    await client.waitForDiagnostics(uri, (p) => !hasNoChannel(p));
    client.mark(uri);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { opencx: { rules: {} } } });
    await client.waitForDiagnostics(uri, hasNoChannel);
    assert.deepEqual(client.serverRequests.map((r) => r.method).filter((m) => m !== 'window/workDoneProgress/create'), [], 'no pull, no registration');
  });

  it('a client that can pull but offers no dynamic registration is pulled from, never asked to register', async () => {
    const client = await start([workspace.folder], { mode: 'minimal', capabilities: { workspace: { configuration: true } }, configuration: () => NO_CHANNEL_OFF });
    assert.ok(client.requestsOf('workspace/configuration').length > 0, 'pulled');
    await client.waitForDiagnostics(uri, (p) => !hasNoChannel(p));
    assert.deepEqual(client.requestsOf('client/registerCapability'), []);
  });

  it('a client that offers dynamic registration is asked for configuration changes', async () => {
    const client = await start([workspace.folder]);
    const registrations = client.requestsOf('client/registerCapability') as { registrations: { method: string }[] }[];
    assert.ok(registrations.flatMap((r) => r.registrations).some((r) => r.method === 'workspace/didChangeConfiguration'), JSON.stringify(registrations));
  });

  it('folder settings: each workspace folder is pulled with its scopeUri, and its files follow its own settings', async () => {
    const folderA = workspace.uri('a');
    const scopes: (string | undefined)[] = [];
    const configuration = (item: ConfigurationItem) => {
      scopes.push(item.scopeUri);
      return item.scopeUri === folderA ? NO_CHANNEL_OFF : { rules: {} };
    };
    const client = await start([workspace.path('a'), workspace.path('b')], { capabilities: { workspace: { configuration: true } }, configuration });
    assert.ok(scopes.includes(folderA) && scopes.includes(workspace.uri('b')), `pulled per folder: ${JSON.stringify(scopes)}`);
    const other = workspace.uri('b/look-up-too.action.json');
    await client.waitForDiagnostics(other, hasNoChannel);
    await client.waitForDiagnostics(uri, (p) => !hasNoChannel(p));
    assert.equal(hasNoChannel(client.publicationsFor(uri).at(-1)!), false, 'folder a keeps its own settings');
  });

  it('when the client says settings changed, every folder is pulled again', async () => {
    let off = false;
    const client = await start([workspace.path('a')], { configuration: () => (off ? NO_CHANNEL_OFF : { rules: {} }) });
    await client.waitForDiagnostics(uri, hasNoChannel);
    const pulls = client.requestsOf('workspace/configuration').length;
    off = true;
    client.mark(uri);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitForDiagnostics(uri, (p) => !hasNoChannel(p));
    assert.ok(client.requestsOf('workspace/configuration').length > pulls, 'pulled again');
  });

  it('no handler failed', () => {
    assert.deepEqual(clients.flatMap((c) => c.errorLogs), []);
  });
});
