import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, EXTENSION_ID, hoverText, openInEditor, positionOf, waitFor, workspaceUri } from './util';

describe('foundation: language, diagnostics, completion, hover', () => {
  before(async () => {
    await openInEditor('actions/look-up-order.action.json');
  });

  it('activates on an action file, which gets the OpenCX Action language', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await waitFor(() => (extension.isActive ? true : undefined), 'the extension to activate');
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.languageId, 'opencx-action');
    console.log(`    running in VS Code ${vscode.version} (${vscode.env.appHost})`);
  });

  it('gives opencx.config.json the OpenCX Config language', async () => {
    const editor = await openInEditor('opencx.config.json');
    assert.equal(editor.document.languageId, 'opencx-config');
  });

  it('puts the broken example\'s error on "FETCH", once, with its code and documentation link', async () => {
    const uri = workspaceUri('broken/track-parcel.action.json');
    await openInEditor('broken/track-parcel.action.json');
    const diagnostics = await diagnosticsWhere(uri, (d) => d.source === 'opencx', 'the diagnostic on the broken example');
    assert.equal(diagnostics.length, 1, `exactly one diagnostic (no duplicate from the built-in JSON support): ${JSON.stringify(diagnostics)}`);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.message, 'method must be one of GET, POST, PUT, PATCH, DELETE; got "FETCH"');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
      [4, 12, 4, 19],
    );
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'invalid-value');
    assert.match(code.target.toString(true), /docs\/rules\.md#invalid-value$/);
  });

  it('publishes no diagnostic for a valid example', async () => {
    const uri = workspaceUri('actions/refund-order.action.json');
    await openInEditor('actions/refund-order.action.json');
    // Wait until the server has answered for another file opened later, so "no diagnostics" is not just "not yet".
    const probe = workspaceUri('broken/track-parcel.action.json');
    await diagnosticsWhere(probe, (d) => d.source === 'opencx', 'the server to be answering');
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'opencx'), []);
  });

  it('offers the five methods when completing the value of "method"', async () => {
    const editor = await openInEditor('actions/look-up-order.action.json');
    const position = positionOf(editor.document, '"method": "GET"', '"method": "'.length);
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      const found = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return found.some((l) => l.includes('POST')) ? found : undefined;
    }, 'method completions');
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      assert.ok(labels.some((l) => l.replace(/"/g, '') === method), `completion offers ${method}: ${labels.join(', ')}`);
    }
  });

  it('shows a property\'s description on hover', async () => {
    const editor = await openInEditor('actions/look-up-order.action.json');
    const position = positionOf(editor.document, '"endpoint"', 2);
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      const t = hoverText(hovers);
      return t.includes('OpenCX never calls') ? t : undefined;
    }, 'the hover on "endpoint"');
    assert.match(text, /The full absolute URL OpenCX calls/);
  });
});
