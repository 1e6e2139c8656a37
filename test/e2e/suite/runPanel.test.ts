// The Marketplace page's screenshots, made here rather than by hand: the header hover and the run view of the
// examples, in the real workbench, against the local demo API (`npm run screenshots` writes them to docs/images;
// a plain e2e run writes them to its temp dir). Before each, the visible text of the workbench and of every webview
// is checked for the secret. Then "Run again" is pressed in the real run panel, scrolled to its end.
// Files run in name order: this one after provenance.test.ts, whose request plan expects no remembered run values.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { RenderedSummary } from '../../../client/src/run/messages';
import { ResolveRequest, type ResolveResponse } from '../../../server/src/protocol';
import { startDemoApi, useLocalApi } from './demoApi';
import { inWebview, ui, uiAvailable } from './ui';
import { EXTENSION_ID, waitFor, workspaceUri } from './util';

const TOKEN = 'demo-token';
const RUN_TITLE = 'Run: Look up order';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** A screenshot of the whole workbench, after checking that no secret is visible anywhere in it. */
async function screenshot(name: string, mustShow: string[], waitForSelector?: string): Promise<string> {
  await vscode.commands.executeCommand('notifications.clearAll'); // "Secret … is set" toasts are not the subject
  const { text } = await ui<{ text: string }>('text');
  assert.ok(!text.includes(TOKEN), `the secret is visible before the ${name} screenshot`);
  for (const expected of mustShow) assert.ok(text.includes(expected), `"${expected}" is not visible for the ${name} screenshot:\n${text.slice(0, 2000)}`);
  const { file } = await ui<{ file: string }>('screenshot', { name, ...(waitForSelector ? { waitFor: waitForSelector } : {}) });
  const png = fs.readFileSync(file);
  assert.ok(png.subarray(0, 4).equals(PNG_SIGNATURE) && png.length > 20_000, `${file} is a real screenshot (${png.length} bytes)`);
  return file;
}

describe('marketplace screenshots and the real run panel (issue 14)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let demo: Awaited<ReturnType<typeof startDemoApi>>;
  let configText: Uint8Array | undefined;
  const lookUp = () => workspaceUri('actions/look-up-order.action.json');

  before(async function () {
    if (!uiAvailable() || !vscode.workspace.isTrusted) this.skip(); // needs scripts/run-vscode-tests.mjs and a trusted folder
    api = await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.activate();
    configText = await vscode.workspace.fs.readFile(workspaceUri('opencx.config.json'));
    demo = await startDemoApi();
    // The newcomer's own environment, local-demo, pointed at this run's port (the examples say 127.0.0.1:8443).
    await useLocalApi(demo.port, demo.caFile, 'local-demo');
    await vscode.commands.executeCommand('opencx.setSecret', 'SHOP_API_TOKEN', TOKEN);
    await waitFor(async () => {
      const resolved = await api.client.sendRequest<ResolveResponse>(ResolveRequest.method, { uri: lookUp().toString(), selection: { environment: 'local-demo', contact: 'jane-vip' }, values: {}, mode: 'dryRun' });
      return resolved.ok && resolved.plan.connectTo?.address === `127.0.0.1:${demo.port}` ? true : undefined;
    }, 'the server to read the local-demo environment with this port');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  // The suites after this one start from the examples as they were: no secret, no selection, the config unchanged.
  after(async () => {
    demo?.process.kill();
    if (!configText) return;
    await vscode.commands.executeCommand('opencx.clearSecret', 'SHOP_API_TOKEN');
    await vscode.commands.executeCommand('opencx.selectContact', '');
    await vscode.commands.executeCommand('opencx.selectEnvironment', '');
    await vscode.workspace.getConfiguration('opencx.run').update('caCertificates', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.writeFile(workspaceUri('opencx.config.json'), configText);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('docs/images/header-hover.png: the "headers" hover of an example, who wins for jane-vip, no secret', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(lookUp()));
    const offset = editor.document.getText().indexOf('"headers"') + 2;
    const position = editor.document.positionAt(offset);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.showHover');
    await waitFor(async () => ((await ui<{ text: string }>('text')).text.includes('X-Shop-Region') ? true : undefined), 'the hover to show the headers');
    await screenshot('header-hover', ['X-Shop-Region', 'Authorization', 'SHOP_API_TOKEN'], '.monaco-hover');
  });

  it('docs/images/run-view.png: a run of an example against the local demo API, the secret masked', async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor'); // the hover goes with its editor
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(lookUp()));
    assert.equal(await vscode.commands.executeCommand('opencx.runAction', lookUp(), { order_id: 10452 }), true);
    const { outcome, panel } = api.lastRun()!;
    assert.equal(outcome.result.ai.status, 200);
    await waitFor(() => panel.renderedSummaries().find((s) => s.aiText === outcome.result.ai.body), 'the run view to render');
    const status = await waitFor(async () => (await inWebview<string | null>(RUN_TITLE, 'return document.getElementById("ai-status")?.textContent ?? null')) ?? undefined, 'the real panel to show the status');
    assert.equal(status, 'status 200');
    await screenshot('run-view', ['What the AI receives', 'status 200', 'Bearer ${secret:SHOP_API_TOKEN}', 'local-demo', 'jane-vip']);
  });

  it('Run again in the real panel, scrolled to its end: the page is back at the top, the status in view, focus on Run again', async () => {
    assert.equal(await vscode.commands.executeCommand('opencx.runAction', lookUp(), { order_id: 10452 }), true);
    const { outcome, panel } = api.lastRun()!;
    await waitFor(() => panel.renderedSummaries().find((s) => s.aiText === outcome.result.ai.body), 'the run view to render');
    await waitFor(async () => ((await inWebview<string | null>(RUN_TITLE, 'return document.getElementById("ai-status")?.textContent ?? null')) === 'status 200' ? true : undefined), 'the real panel to show the status');
    const scrolled = await inWebview<number>(RUN_TITLE, 'window.scrollTo(0, document.documentElement.scrollHeight); return window.scrollY;');
    assert.ok(scrolled > 100, `the run view scrolls in this panel (scrollY ${scrolled})`);
    const last = panel.renderedSummaries().at(-1);
    await ui('press', { frameTitle: RUN_TITLE, selector: '#btn-rerun', key: 'Enter' });
    const rerendered = await waitFor<RenderedSummary>(() => (panel.renderedSummaries().at(-1) !== last ? panel.renderedSummaries().at(-1) : undefined), 'the re-run to render in the same panel');
    assert.equal(rerendered.status, 'status 200');
    assert.equal(rerendered.focused, 'btn-rerun');
    const after = await inWebview<{ scrollY: number; top: number; bottom: number; height: number; focused: string }>(RUN_TITLE,
      'const r = document.getElementById("ai-status").getBoundingClientRect(); return { scrollY: window.scrollY, top: r.top, bottom: r.bottom, height: window.innerHeight, focused: document.activeElement ? document.activeElement.id : "" };');
    assert.equal(after.scrollY, 0, 'scrolled back to the top');
    assert.ok(after.top >= 0 && after.bottom <= after.height, `the new status is in view (${after.top}–${after.bottom} of ${after.height})`);
    assert.equal(after.focused, 'btn-rerun', 'focus stays on Run again');
  });

  it('after Run, the values picker says what it is; a complete sample runs as it is, without asking for each field', async () => {
    const ran = vscode.commands.executeCommand<boolean>('opencx.runAction', lookUp()); // no values: the picker asks
    await waitFor(async () => ((await ui<{ text: string }>('text')).text.includes('which values would the AI extract?') ? true : undefined), 'the values picker');
    const { text } = await ui<{ text: string }>('text');
    assert.ok(text.includes('found (200)') && text.includes('run with these values'), 'the samples are offered to run as they are');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // the first sample, "found (200)"
    // Walking through the fields would open an input box and leave the command waiting: no answer in time is a failure.
    const finished = await Promise.race([ran, new Promise<'asked'>((resolve) => setTimeout(() => resolve('asked'), 20_000))]);
    if (finished === 'asked') await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(finished, true, 'the sample ran without asking for each field');
    assert.deepEqual(api.lastRun()!.outcome.result.ai.status, 200);
  });
});
