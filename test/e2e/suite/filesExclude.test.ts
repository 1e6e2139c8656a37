import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { deleteWorkspaceFile, diagnosticsWhere, workspaceUri, writeWorkspaceFile } from './util';

/** A second action named like the example "Refund order": a duplicate name wherever it is checked. */
const PARTNER = `${JSON.stringify({
  name: 'Refund order',
  description: 'Refund part of an order for a customer and return the refund ID with the amount refunded.',
  endpoint: 'https://api.acme-shop.example/v1/orders/{order_id}/partial-refunds',
  method: 'POST',
  parameters: [{ name: 'order_id', in: 'path', description: 'Order number', required: true, schema: { type: 'string' } }],
  restrictedToSegments: ['customers'],
  channels: ['widget'],
}, null, 2)}\n`;

const EXCLUDED = 'excluded-by-settings/partner.action.json';
const VISIBLE = 'visible-copies/partner.action.json';

/** The URIs a duplicate-name finding on refund-order names, once it names `expected`. */
async function duplicatePartners(expected: vscode.Uri): Promise<string[]> {
  const uri = workspaceUri('actions/refund-order.action.json');
  const named = (d: vscode.Diagnostic) => (d.relatedInformation ?? []).map((r) => r.location.uri.toString());
  const duplicate = (d: vscode.Diagnostic) => (d.code as { value?: string } | undefined)?.value === 'duplicate-action-name';
  const diagnostics = await diagnosticsWhere(uri, (d) => duplicate(d) && named(d).includes(expected.toString()), 'the duplicate name on refund-order');
  return diagnostics.filter(duplicate).flatMap(named);
}

// Issue 13, item 5: the extension lists the workspace through workspace.findFiles and drops watcher events under
// files.exclude, so a file VS Code hides is not checked either: its duplicate name is reported nowhere.
describe('files.exclude', () => {
  const files = vscode.workspace.getConfiguration('files');
  before(async () => {
    await files.update('exclude', { ...files.inspect<Record<string, boolean>>('exclude')?.defaultValue, '**/excluded-by-settings': true }, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await deleteWorkspaceFile('excluded-by-settings');
    await deleteWorkspaceFile('visible-copies');
    await files.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('a duplicate-name partner in an excluded folder produces no finding; one in a visible folder does', async () => {
    const excluded = await writeWorkspaceFile(EXCLUDED, PARTNER);
    const visible = await writeWorkspaceFile(VISIBLE, PARTNER);
    assert.deepEqual(await duplicatePartners(visible), [visible.toString()]);
    // Give a late event for the excluded file time to arrive, then look again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(vscode.languages.getDiagnostics(excluded), [], 'the excluded file is not checked');
    assert.deepEqual(await duplicatePartners(visible), [visible.toString()], 'the excluded copy is named by no finding');
  });
});
