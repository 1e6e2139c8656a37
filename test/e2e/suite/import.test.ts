import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ImportResult } from '../../../client/src/import/importCommand';
import { deleteWorkspaceFile, diagnosticsWhere, extensionApi, waitFor, workspaceUri, writeWorkspaceFile } from './util';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const PETSTORE = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/openapi/petstore-3.0.yaml'), 'utf8');

async function runImport(spec: vscode.Uri, operations: string[]): Promise<ImportResult> {
  const result = await vscode.commands.executeCommand<ImportResult | undefined>('opencx.importOpenApi', spec, { operations, folder: workspaceUri('imported') });
  assert.ok(result, 'the import ran');
  return result;
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const read = async (relative: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));

describe('Import from OpenAPI (issue 12)', function () {
  this.timeout(90_000);
  let spec: vscode.Uri;

  before(async () => {
    await extensionApi();
    spec = await writeWorkspaceFile('specs/petstore.yaml', PETSTORE);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteWorkspaceFile('imported');
    await deleteWorkspaceFile('specs');
  });

  it('is a command of the palette', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('opencx.importOpenApi'));
  });

  it('writes one action per picked operation, shows the summary with links, and the server lints the files', async () => {
    const { summary, document } = await runImport(spec, ['listPets', 'createPets']);
    assert.deepEqual(summary.created, ['imported/list-pets.action.json', 'imported/create-pets.action.json']);
    assert.deepEqual(summary.errors, []);
    const listPets = JSON.parse(await read('imported/list-pets.action.json'));
    assert.equal(listPets.name, 'List all pets');
    assert.equal(listPets.endpoint, 'https://petstore.swagger.io/v1/pets');
    assert.equal(listPets.origin.spec, '../specs/petstore.yaml');

    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    assert.match(text, /^# Import from OpenAPI: specs\/petstore\.yaml\n/);
    assert.ok(text.includes(`[imported/list-pets.action.json](${workspaceUri('imported/list-pets.action.json').toString()})`), text);
    assert.match(text, /## Lint: fix these first/);
    assert.ok(summary.lint.some((f) => f.code === 'missing-segment-rule' && f.file === 'imported/create-pets.action.json'));
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === document), 'the summary is shown');

    // The language server sees the new files as well, with the same findings as the summary.
    const created = workspaceUri('imported/create-pets.action.json');
    await vscode.workspace.openTextDocument(created);
    const diagnostics = await diagnosticsWhere(created, (d) => codeOf(d) === 'missing-segment-rule', 'missing-segment-rule on the imported file');
    assert.ok(!diagnostics.some((d) => ['unknown-property', 'invalid-endpoint', 'too-short'].includes(codeOf(d))), diagnostics.map(codeOf).join(', '));
  });

  it('re-imports safely: unchanged files stay, a hand-edited one is kept, new picks are created', async () => {
    const edited = workspaceUri('imported/list-pets.action.json');
    const before = await read('imported/list-pets.action.json');
    const changed = before.replace('"List all pets (GET /pets)."', '"List every pet of the shop with its name and tag."');
    assert.notEqual(changed, before);
    await vscode.workspace.fs.writeFile(edited, new TextEncoder().encode(changed));

    const { summary, document } = await runImport(spec, ['listPets', 'createPets', 'showPetById']);
    assert.deepEqual(summary.created, ['imported/show-pet-by-id.action.json']);
    assert.deepEqual(summary.unchanged, ['imported/create-pets.action.json']);
    assert.deepEqual(summary.kept, ['imported/list-pets.action.json']);
    assert.equal(await read('imported/list-pets.action.json'), changed);
    assert.match(document.getText(), /## Kept: edited by hand, or their operation left the spec \(1\)/);
    await waitFor(() => (vscode.workspace.textDocuments.some((d) => d === document) ? true : undefined), 'the second summary');
  });

  it('asks for the operations in a multi-select with every operation picked at first', async () => {
    const state: { finished: boolean; result?: ImportResult } = { finished: false };
    const running = Promise.resolve(vscode.commands.executeCommand<ImportResult | undefined>('opencx.importOpenApi', spec, { folder: workspaceUri('imported-all') })).then((r) => {
      state.result = r;
      state.finished = true;
    });
    // Accept the picker as a user pressing Enter would, once it is up (polled, never a fixed sleep).
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return state.finished ? true : undefined;
    }, 'the operation picker to be accepted');
    await running;
    const result = state.result;
    assert.ok(result, 'the import ran');
    assert.deepEqual(result.summary.created, ['imported-all/list-pets.action.json', 'imported-all/create-pets.action.json', 'imported-all/show-pet-by-id.action.json']);
    await deleteWorkspaceFile('imported-all');
  });

  it('reports a spec it cannot parse, and writes nothing', async () => {
    const broken = await writeWorkspaceFile('specs/broken.json', 'openapi: 3.0.0\n');
    const result = await vscode.commands.executeCommand<ImportResult | undefined>('opencx.importOpenApi', broken, { operations: ['x'], folder: workspaceUri('imported-broken') });
    assert.equal(result, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceUri('imported-broken'))));
  });
});
