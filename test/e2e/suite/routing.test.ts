import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { RoutingResult } from '../../../client/src/routing/routingCommand';
import type { SuggestResult } from '../../../client/src/routing/suggestCommand';
import { FakeModel, type FakeAnswer } from '../../fakes/fakeModel';
import { extensionApi, waitFor, workspaceUri } from './util';

const KEY_CANARY = 'sk-canary-7f3a9c1e';
/** What must never reach the model: the config's headers and values, the actions' endpoints, secret references. */
const LEAK_CANARIES = ['acme-shop', 'X-Shop-Region', 'X-Customer-Tier', 'gold', '3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71', 'SHOP_API_TOKEN', 'secret:', 'https://', KEY_CANARY];

/** Deterministic picks for the examples: every utterance to its action, except "where is my order?" (to the help center). */
function route(body: { tools?: unknown; messages: { content: string }[] }): FakeAnswer {
  if (!body.tools) return { content: '```json\n["where is order 10452 right now", "Where is my order?", "track my parcel please", "did order 7 leave the warehouse"]\n```' };
  const text = body.messages[1].content;
  if (/refund|money back/.test(text)) return { call: 'refund_order', arguments: { order_id: 10452, reason: 'damaged' } };
  if (/moved|delivery address/.test(text)) return { call: 'change_shipping_address', arguments: { order_id: 10452 } };
  if (/gift|Austria|where is my order\?/.test(text)) return { call: 'search_help_center', arguments: { query: text } };
  return { call: 'look_up_order', arguments: { order_id: 10452 } };
}

async function configure(baseUrl: string | undefined, name: string | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('opencx.model');
  await config.update('baseUrl', baseUrl, vscode.ConfigurationTarget.Global);
  await config.update('name', name, vscode.ConfigurationTarget.Global);
}

describe('the routing test in VS Code (issue 11)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let fake: FakeModel;
  let answer: (body: any) => FakeAnswer = route;
  let consents: string[] = [];

  before(async function () {
    if (!vscode.workspace.isTrusted) this.skip(); // the Restricted Mode suite below covers that case
    api = await extensionApi();
    fake = await FakeModel.start((body) => answer(body));
    api.routing.prompts.consent = async (baseUrl, detail) => {
      consents.push(`${baseUrl}\n${detail}`);
      return true;
    };
  });
  after(async () => {
    await fake?.stop();
    if (vscode.workspace.isTrusted) {
      await configure(undefined, undefined);
      await vscode.commands.executeCommand('opencx.setModelApiKey', ''); // '' clears without the confirmation dialog
    }
  });

  it('refuses without a configured model, and sends nothing', async () => {
    const result = await vscode.commands.executeCommand<RoutingResult>('opencx.runRoutingTest', { channel: 'widget' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'no-model');
    assert.match(!result.ok ? result.message : '', /opencx\.model\.baseUrl/);
    assert.equal(fake.requests.length, 0);
  });

  it('runs against the fake: the panel shows accuracy and the confusion table, the misrouted action gets an info diagnostic; consent is asked once; nothing secret is sent', async () => {
    await configure(fake.baseUrl, 'fake-model');
    assert.equal(await vscode.commands.executeCommand('opencx.setModelApiKey', KEY_CANARY), true);
    const result = await vscode.commands.executeCommand<RoutingResult>('opencx.runRoutingTest', { channel: 'widget' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(fake.requests.length, 9, 'one request per utterance of the actions jane-vip is offered on the widget');
    assert.equal(consents.length, 1);
    assert.match(consents[0], new RegExp(`^${fake.baseUrl.replace(/[.]/g, '\\.')}\\n9 requests \\(9 utterances × 1 run\\) will be sent`));
    assert.match(consents[0], /names, descriptions and parameter schemas/);
    assert.match(consents[0], /Never headers, secrets, endpoints or response bodies/);
    assert.equal(result.report.accuracy, 8 / 9);
    assert.deepEqual(result.report.confusions, [{ expected: 'Look up order', picked: 'Search help center', count: 1 }]);

    const summary = await waitFor(() => api.routing.renderedSummaries().at(-1), 'the routing panel to render');
    assert.match(summary.status, /^Accuracy 88\.9% · argument accuracy \d+(\.\d)?% · 8 of 9 utterances always routed right$/);
    assert.match(summary.heading, /Model fake-model at http:\/\/127\.0\.0\.1:\d+\/v1 · contact jane-vip · channel widget/);
    assert.deepEqual(summary.confusions, ['Look up order|Search help center|1']);
    assert.equal(summary.cases.length, 9);
    assert.deepEqual(summary.cases.find((row) => row[1] === 'where is my order?'), ['Look up order', 'where is my order?', 'Search help center', '✗ wrong', '—']);
    assert.ok(summary.links.includes('Look up order') && summary.links.includes('Search help center'));
    assert.equal(summary.tablesWithoutCaption, 0);

    const look = workspaceUri('actions/look-up-order.action.json');
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(look).filter((d) => d.source === 'opencx-routing');
      return found.length ? found : undefined;
    }, 'the routing diagnostic');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnostics[0].message, /^The model sent 1 of 3 utterances of this action to "Search help center": "where is my order\?"/);
    const document = await vscode.workspace.openTextDocument(look);
    assert.equal(document.getText(diagnostics[0].range), '"Look up order"');
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceUri('actions/refund-order.action.json')).filter((d) => d.source === 'opencx-routing'), []);

    for (const request of fake.requests) {
      assert.equal(request.headers.authorization, `Bearer ${KEY_CANARY}`, 'the stored key is the bearer token, and only there');
      for (const canary of LEAK_CANARIES) assert.ok(!request.raw.includes(canary), `the body holds ${canary}`);
      assert.deepEqual(request.body.messages.map((m: { role: string }) => m.role), ['system', 'user']);
      assert.equal(request.body.tool_choice, 'auto');
    }

    const again = await vscode.commands.executeCommand<RoutingResult>('opencx.runRoutingTest', { channel: 'widget' });
    assert.ok(again.ok);
    assert.equal(consents.length, 1, 'consent is remembered for the base URL');
  });

  it('Suggest Utterances inserts the ticked suggestions marked as generated, and the edit clears the routing diagnostic', async () => {
    const look = workspaceUri('actions/look-up-order.action.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(look));
    let offered: string[] = [];
    api.routing.prompts.pickSuggestions = async (_name, suggestions) => {
      offered = suggestions;
      return suggestions.slice(1);
    };
    const before = fake.requests.length;
    const result = await vscode.commands.executeCommand<SuggestResult>('opencx.suggestUtterances');
    assert.ok(result.ok, JSON.stringify(result));
    const request = fake.requests[before];
    assert.equal(request.body.tools, undefined);
    assert.deepEqual(Object.keys(JSON.parse(request.body.messages[1].content)).sort(), ['description', 'name', 'parameters']);
    assert.deepEqual(offered, ['where is order 10452 right now', 'track my parcel please', 'did order 7 leave the warehouse'], 'an utterance already in the file is not offered again');
    const text = vscode.window.activeTextEditor!.document.getText();
    const utterances = JSON.parse(text).utterances as unknown[];
    assert.deepEqual(utterances.slice(-2), [{ text: 'track my parcel please', generated: true }, { text: 'did order 7 leave the warehouse', generated: true }]);
    await waitFor(() => (vscode.languages.getDiagnostics(look).some((d) => d.source === 'opencx-routing') ? undefined : true), 'the routing diagnostic to clear after the edit');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('an endpoint error (401) is a clear message in the panel, never a stack', async () => {
    answer = () => ({ status: 401, body: JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }) });
    const count = api.routing.renderedSummaries().length;
    const result = await vscode.commands.executeCommand<RoutingResult>('opencx.runRoutingTest', { channel: 'widget' });
    answer = route;
    assert.equal(result.ok, false);
    const message = !result.ok ? result.message : '';
    assert.match(message, /answered 401/);
    assert.doesNotMatch(message, /\n\s+at /);
    const summary = await waitFor(() => api.routing.renderedSummaries().slice(count).at(-1), 'the error to render');
    assert.match(summary.status, /^The routing test failed: .*answered 401/);
  });
});

describe('the routing test in Restricted Mode (issue 11)', () => {
  // Run by `npm test` in a second pass with E2E_WORKSPACE_TRUST=1 (the folder opens untrusted).
  it('Restricted Mode: the routing test and suggestions refuse, nothing is sent', async function () {
    if (vscode.workspace.isTrusted) this.skip();
    await extensionApi();
    const result = await vscode.commands.executeCommand<RoutingResult>('opencx.runRoutingTest', { channel: 'widget' });
    assert.equal(!result.ok && result.reason, 'restricted');
    const suggested = await vscode.commands.executeCommand<SuggestResult>('opencx.suggestUtterances', workspaceUri('actions/look-up-order.action.json'));
    assert.equal(suggested.ok, false);
  });
});
