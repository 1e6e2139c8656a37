import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, waitFor, workspaceUri } from './util';

describe('first hour: status bar, New Action, walkthrough', () => {
  it('the status bar names the environment and contact in force (the config\'s defaults), not "default env"', async () => {
    const api = await extensionApi();
    const texts = await waitFor(() => {
      const t = api.selectionTexts();
      return t.environment.includes('local-demo') ? t : undefined;
    }, 'the status bar to show the config default');
    assert.equal(texts.environment, '$(server-environment) local-demo');
    assert.equal(texts.contact, '$(person) jane-vip');
  });

  it('OpenCX: New Action writes a valid file into actions/, opens it with the description selected, and never overwrites', async () => {
    const args = { name: 'Track a return', method: 'GET', endpoint: 'https://api.acme-shop.example/v1/returns/{return_id}' };
    const uri = await vscode.commands.executeCommand<vscode.Uri>('opencx.newAction', args);
    assert.equal(uri?.toString(), workspaceUri('actions/track-a-return.action.json').toString());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor.document.languageId, 'opencx-action');
    const selected = editor.document.getText(editor.selection);
    assert.equal(selected, JSON.parse(editor.document.getText()).description, 'the description placeholder is selected');
    assert.deepEqual(JSON.parse(editor.document.getText()).parameters.map((p: { name: string }) => p.name), ['return_id']);
    // No error from the server: wait for it to have seen the file (a warning about the placeholder may come).
    await waitFor(async () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'opencx');
      return diagnostics.every((d) => d.severity !== vscode.DiagnosticSeverity.Error) ? true : undefined;
    }, 'no error on the new file');
    const second = await vscode.commands.executeCommand<vscode.Uri>('opencx.newAction', args);
    assert.equal(second?.toString(), workspaceUri('actions/track-a-return-2.action.json').toString());
  });

  it('contributes a walkthrough whose steps name commands that exist', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const walkthroughs = extension?.packageJSON.contributes.walkthroughs as { steps: { description: string }[] }[];
    assert.ok(walkthroughs?.length, 'a walkthrough is contributed');
    const commands = new Set(await vscode.commands.getCommands(true));
    const linked = walkthroughs.flatMap((w) => w.steps.flatMap((s) => [...s.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1])));
    assert.ok(linked.length >= 5);
    assert.deepEqual(linked.filter((c) => !commands.has(c)), [], 'every command a step links to is registered');
  });
});
