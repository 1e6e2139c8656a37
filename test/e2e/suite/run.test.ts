import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import { DescribeActionRequest, type ActionDescription } from '../../../server/src/protocol';
import { startDemoApi, useLocalApi } from './demoApi';
import { EXTENSION_ID, waitFor, workspaceUri } from './util';

const TOKEN = 'demo-token';

describe('run: what the AI receives (issue 5)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let demo: Awaited<ReturnType<typeof startDemoApi>>;
  const lookUp = () => workspaceUri('actions/look-up-order.action.json');

  before(async function () {
    if (!vscode.workspace.isTrusted) this.skip(); // the restricted-mode suite below covers that case
    api = await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.activate();
    demo = await startDemoApi();
    await useLocalApi(demo.port, demo.caFile);
    await vscode.commands.executeCommand('opencx.setSecret', 'SHOP_API_TOKEN', TOKEN);
  });

  after(() => demo?.process.kill());

  it('runs an example action against the local API; the webview shows the status and the AI text', async () => {
    // The config was just rewritten on disk: wait until the language server has indexed the new environment.
    await waitFor(async () => {
      // By method name: the client's protocol classes are not this bundle's copies.
      const description = await api.client.sendRequest<ActionDescription | null>(DescribeActionRequest.method, { uri: lookUp().toString() });
      return description?.config?.environments.includes('e2e') ? true : undefined;
    }, 'the server to see the e2e environment');
    assert.equal(await vscode.commands.executeCommand('opencx.runAction', lookUp(), { order_id: 10452 }), true);
    const { outcome, panel } = api.lastRun()!;
    assert.equal(outcome.result.ai.status, 200);
    assert.equal(outcome.result.ai.body, '{"id":10452,"status":"shipped","carrier":"DHL","tracking_number":"JD014600006281234567"}');
    const rendered = await waitFor(() => panel.renderedSummaries().find((s) => s.aiText === outcome.result.ai.body), 'the webview to render the run');
    assert.equal(rendered.status, 'status 200');
    assert.ok(rendered.headerRows >= 8, `the headers table lists every header (${rendered.headerRows})`);
    const authorization = outcome.view.request.headers.find((h) => h.name === 'Authorization');
    assert.equal(authorization?.value, 'Bearer ${secret:SHOP_API_TOKEN}', 'the secret stays a reference in what is shown');
    assert.ok(!JSON.stringify(outcome.view).includes(TOKEN), 'the secret value appears nowhere in the view');
  });

  it('shows a 404 with the short body the AI gets', async () => {
    assert.equal(await vscode.commands.executeCommand('opencx.runAction', lookUp(), { order_id: 999 }), true);
    const { outcome, panel } = api.lastRun()!;
    assert.deepEqual(outcome.result.ai, { status: 404, body: 'order 999 not found' });
    await waitFor(() => panel.renderedSummaries().find((s) => s.aiText === 'order 999 not found'), 'the 404 to render');
  });

  it('renders an HTML error page with <script> and <img onerror> as text: nothing runs', async () => {
    assert.equal(await vscode.commands.executeCommand('opencx.runAction', lookUp(), { order_id: 500 }), true);
    const { outcome, panel } = api.lastRun()!;
    assert.equal(outcome.result.ai.status, 500);
    assert.match(outcome.result.ai.body, /<script>document.title = "pwned"<\/script><img src="x" onerror=/);
    const rendered = await waitFor(() => panel.renderedSummaries().find((s) => s.aiText === outcome.result.ai.body), 'the HTML body to render as text');
    assert.equal(rendered.elementsInBody, 0, 'the body is text: no element was created from it');
    assert.equal(rendered.title, 'Run: Look up order', 'no script from the body changed the page');
    assert.match(outcome.view.explanation.details.join(' '), /HTML page/);
  });

  it('records every run in the history, without the secret', async () => {
    const storage = api.historyFolder();
    const index = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(storage, 'index.json')))) as { outcome: string; status: number }[];
    assert.deepEqual(index.slice(0, 3).map((e) => e.status), [500, 404, 200]);
    for (const [name] of await vscode.workspace.fs.readDirectory(storage)) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(storage, name)));
      assert.ok(!text.includes(TOKEN), `${name} does not contain the secret`);
    }
  });
});

describe('run in Restricted Mode (issue 5)', () => {
  // Run by `npm test` in a second pass with E2E_WORKSPACE_TRUST=1 (the folder opens untrusted).
  it('refuses to run in an untrusted workspace and sends nothing, while linting and hovers keep working', async function () {
    if (vscode.workspace.isTrusted) this.skip();
    const api = await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.activate();
    const ran = await vscode.commands.executeCommand('opencx.runAction', workspaceUri('actions/look-up-order.action.json'), { order_id: 10452 });
    assert.equal(ran, false);
    assert.equal(api.lastRun(), undefined);
    const broken = workspaceUri('broken/track-parcel.action.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(broken));
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(broken).filter((d) => d.source === 'opencx');
      return found.length ? found : undefined;
    }, 'diagnostics in Restricted Mode');
    assert.equal(diagnostics[0].message, 'method must be one of GET, POST, PUT, PATCH, DELETE; got "FETCH"');
  });
});
