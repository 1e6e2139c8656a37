// Issue 3 end to end: the workspace index reacts to files written into the (temporary copy of the) workspace; the
// description-overlap rule warns on both actions with related information; the language status data counts the
// findings; quick fixes applied through the real code action API remove their diagnostics; code lenses.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkspaceStatus } from '../../../server/src/protocol';
import { deleteWorkspaceFile, extensionApi, hoverWhere, rangeTuple, waitFor, workspaceUri, writeWorkspaceFile } from './util';

// In the existing actions/ folder: VS Code's watcher can miss a file written right after its folder is created
// (seen about once in 20 files), so a new folder would make the index test flaky for a reason outside the extension.
const FOLDER = 'actions';
const action = (fields: Record<string, unknown>): string => JSON.stringify(fields, null, 2) + '\n';

/** Two actions the AI could confuse (synonyms: "loyalty points" / "rewards"), offered to the same segment. */
const LOYALTY = {
  path: `${FOLDER}/e2e-check-loyalty-points.action.json`,
  name: 'Check loyalty points balance',
  text: action({
    name: 'Check loyalty points balance',
    description: 'Check how many loyalty points a customer has collected and when they expire.',
    method: 'GET',
    endpoint: 'https://api.acme-shop.example/v1/loyalty/points',
    restrictedToSegments: ['customers'],
    channels: ['widget'],
  }),
};
const REWARDS = {
  path: `${FOLDER}/e2e-get-rewards-balance.action.json`,
  name: 'Get rewards balance',
  text: action({
    name: 'Get rewards balance',
    description: "Get the customer's rewards balance: how many reward points they have and their expiry date.",
    method: 'GET',
    endpoint: 'https://api.acme-shop.example/v1/rewards/balance',
    restrictedToSegments: ['customers'],
    channels: ['widget'],
  }),
};
/** `{invoice_id}` in the endpoint, no path parameter: one path-parameter-mismatch error, nothing else. */
const INVOICE = {
  path: `${FOLDER}/e2e-download-invoice.action.json`,
  text: action({
    name: 'Download invoice PDF',
    description: 'Download the PDF invoice of a paid purchase by its invoice number.',
    method: 'GET',
    endpoint: 'https://api.acme-shop.example/v1/invoices/{invoice_id}/pdf',
    restrictedToSegments: ['customers'],
    channels: ['widget'],
  }),
};
/** No restrictedToSegments key: one missing-segment-rule warning, nothing else. */
const STORES = {
  path: `${FOLDER}/e2e-find-nearby-stores.action.json`,
  text: action({
    name: 'Find nearby stores',
    description: 'Find physical stores near a postal code, with opening hours and address.',
    method: 'GET',
    endpoint: 'https://api.acme-shop.example/v1/stores',
    parameters: [{ name: 'near', in: 'query', description: 'Postal code to search around', required: true, schema: { type: 'string' } }],
    channels: ['widget'],
  }),
};
const CREATED = [LOYALTY, REWARDS, INVOICE, STORES];

const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'opencx');
const codeOf = (d: vscode.Diagnostic): string | undefined => (typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code));
const withCode = (uri: vscode.Uri, code: string): vscode.Diagnostic[] => ours(uri).filter((d) => codeOf(d) === code);
const describeDiagnostics = (uri: vscode.Uri): string => JSON.stringify(ours(uri).map((d) => `${codeOf(d)}: ${d.message}`));

/** The range of the first occurrence of `needle` in `text` (a file we wrote and never opened, so no TextDocument). */
function rangeInText(text: string, needle: string): vscode.Range {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" occurs in the fixture`);
  const at = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return new vscode.Position(before.length - 1, before[before.length - 1].length);
  };
  return new vscode.Range(at(offset), at(offset + needle.length));
}

/** What every published diagnostic of the workspace adds up to, in the status item's terms. */
function countsFromDiagnostics(): Pick<WorkspaceStatus, 'errors' | 'warnings' | 'infos'> {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics.filter((x) => x.source === 'opencx')) {
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else counts.infos++;
    }
  }
  return counts;
}

/** The status notification is sent this long after a change settles (STATUS_DELAY_MS in the server), plus margin. */
const STATUS_QUIET_MS = 1_000;

/**
 * The status data once it has not changed for STATUS_QUIET_MS and its finding counts agree with the published
 * diagnostics (and `extra` holds), so a count read right after a change is the settled one, not the last one sent.
 */
async function settledStatus(status: () => WorkspaceStatus | undefined, what: string, extra: (s: WorkspaceStatus) => boolean = () => true): Promise<WorkspaceStatus> {
  let last = '';
  let seen = '';
  let since = Date.now();
  try {
    return await waitFor(async () => {
      const s = status();
      const expected = countsFromDiagnostics();
      last = `status ${JSON.stringify(s)}; from the published diagnostics ${JSON.stringify(expected)}`;
      if (JSON.stringify(s) !== seen) {
        seen = JSON.stringify(s);
        since = Date.now();
      }
      if (!s || s.indexing || Date.now() - since < STATUS_QUIET_MS) return undefined;
      const agrees = s.errors === expected.errors && s.warnings === expected.warnings && s.infos === expected.infos;
      return agrees && extra(s) ? s : undefined;
    }, what);
  } catch (err) {
    throw new Error(`${(err as Error).message}; ${last}`);
  }
}

/** `resolveCount`: how many unresolved lenses VS Code resolves first (none by default: they come without a command). */
async function codeLensesOf(uri: vscode.Uri, predicate: (lenses: vscode.CodeLens[]) => boolean, what: string, resolveCount?: number): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(uri); // the provider commands need the document loaded in the workbench
  let last = '';
  try {
    return await waitFor(async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, ...(resolveCount === undefined ? [] : [resolveCount]))) ?? [];
      last = JSON.stringify(lenses.map((l) => l.command?.title));
      return predicate(lenses) ? lenses : undefined;
    }, what);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last lenses: ${last}`);
  }
}

/** Asks the code action provider for fixes at the diagnostic, applies the one titled `title`, returns it. */
async function applyQuickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string, preferred?: boolean): Promise<vscode.CodeAction> {
  await vscode.workspace.openTextDocument(uri); // the provider commands need the document loaded in the workbench
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'diagnostics' in a);
  const fix = fixes.find((a) => a.title === title);
  assert.ok(fix, `a quick fix titled ${JSON.stringify(title)}; offered: ${JSON.stringify(fixes.map((a) => a.title))}`);
  assert.ok(fix.edit, `the fix ${JSON.stringify(title)} carries a workspace edit`);
  // (vscode.executeCodeActionProvider does not convert a code action's `diagnostics`, so they cannot be checked here.)
  if (preferred !== undefined) assert.equal(fix.isPreferred === true, preferred, `the fix ${JSON.stringify(title)} is${preferred ? '' : ' not'} the preferred one`);
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'the workspace edit applies');
  return fix;
}

describe('rules: overlap, status, quick fixes and code lenses (issue 3)', function () {
  let api: Awaited<ReturnType<typeof extensionApi>>;
  let baseline: WorkspaceStatus;

  before(async () => {
    api = await extensionApi();
    baseline = await settledStatus(api.status, 'the status before the test files exist');
    for (const file of CREATED) await writeWorkspaceFile(file.path, file.text);
  });

  after(async () => {
    for (const uri of CREATED.map((f) => workspaceUri(f.path))) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open?.isDirty) await open.save();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of CREATED) await deleteWorkspaceFile(file.path);
  });

  it('warns about the overlap on both actions, each pointing at the other with related information', async () => {
    const pair = [
      { self: LOYALTY, other: REWARDS },
      { self: REWARDS, other: LOYALTY },
    ];
    for (const { self, other } of pair) {
      const uri = workspaceUri(self.path);
      const otherUri = workspaceUri(other.path);
      const overlaps = await waitFor(() => {
        const found = withCode(uri, 'description-overlap');
        return found.length ? found : undefined;
      }, `the description-overlap warning on ${self.path}`).catch((err: Error) => {
        throw new Error(`${err.message}; diagnostics there: ${describeDiagnostics(uri)}`);
      });
      assert.equal(overlaps.length, 1, `one overlap on ${self.path} (with ${other.name} only): ${describeDiagnostics(uri)}`);
      const [diagnostic] = overlaps;
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.ok(diagnostic.message.includes(`"${other.name}"`), `the message names the other action: ${diagnostic.message}`);
      assert.match(diagnostic.message, /both say .*"balance"/, 'the message says what they share');
      assert.match(diagnostic.message, /segment "customers"/, 'the message says who is offered both');
      // On this file's description value.
      const description = JSON.parse(self.text).description as string;
      assert.deepEqual(rangeTuple(diagnostic.range), rangeTuple(rangeInText(self.text, JSON.stringify(description))));
      // Related information: the other file, on its name value.
      const related = diagnostic.relatedInformation ?? [];
      assert.equal(related.length, 1, `one related location: ${JSON.stringify(related)}`);
      assert.equal(related[0].location.uri.toString(), otherUri.toString());
      assert.deepEqual(rangeTuple(related[0].location.range), rangeTuple(rangeInText(other.text, JSON.stringify(other.name))));
      assert.match(related[0].message, new RegExp(`"${other.name}" has a similar name and description`));
    }
  });

  it('counts the new actions and their findings in the language status data', async () => {
    // The four files add 4 actions, 3 warnings (the overlap twice, the missing segment rule) and 1 error.
    const counted = await settledStatus(api.status, 'the status to count the new files', (s) => s.actions === baseline.actions + 4);
    assert.deepEqual(
      { actions: counted.actions - baseline.actions, errors: counted.errors - baseline.errors, warnings: counted.warnings - baseline.warnings, infos: counted.infos - baseline.infos },
      { actions: 4, errors: 1, warnings: 3, infos: 0 },
      `before ${JSON.stringify(baseline)}, after ${JSON.stringify(counted)}`,
    );
    assert.equal(typeof counted.lastFullCheckMs, 'number');
    assert.ok(counted.lastFullCheckMs >= 0, `the last full check took a measured time: ${counted.lastFullCheckMs}`);
  });

  it('adds the missing path parameter with its quick fix, which removes the diagnostic', async () => {
    const uri = workspaceUri(INVOICE.path);
    const [diagnostic] = await waitFor(() => {
      const found = withCode(uri, 'path-parameter-mismatch');
      return found.length ? found : undefined;
    }, 'the path-parameter-mismatch error');
    assert.deepEqual(ours(uri).map(codeOf), ['path-parameter-mismatch'], `nothing else on the file: ${describeDiagnostics(uri)}`);
    assert.deepEqual(rangeTuple(diagnostic.range), rangeTuple(rangeInText(INVOICE.text, '{invoice_id}')));
    await applyQuickFix(uri, diagnostic, 'Add path parameter "invoice_id"', true);
    const document = await vscode.workspace.openTextDocument(uri);
    const fixed = JSON.parse(document.getText()) as { parameters?: { name: string; in: string; required?: boolean }[] };
    assert.deepEqual(fixed.parameters?.map((p) => [p.name, p.in, p.required]), [['invoice_id', 'path', true]], document.getText());
    await waitFor(() => (ours(uri).length === 0 ? true : undefined), `no diagnostic left on the fixed file (had ${describeDiagnostics(uri)})`);
    assert.equal(await document.save(), true, 'the fixed file saves');
  });

  it('adds restrictedToSegments with its quick fix, which removes the missing-segment-rule warning', async () => {
    const uri = workspaceUri(STORES.path);
    const [diagnostic] = await waitFor(() => {
      const found = withCode(uri, 'missing-segment-rule');
      return found.length ? found : undefined;
    }, 'the missing-segment-rule warning');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(ours(uri).map(codeOf), ['missing-segment-rule'], `nothing else on the file: ${describeDiagnostics(uri)}`);
    await applyQuickFix(uri, diagnostic, 'Restrict to segment "customers"');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.deepEqual((JSON.parse(document.getText()) as { restrictedToSegments?: string[] }).restrictedToSegments, ['customers'], document.getText());
    await waitFor(() => (ours(uri).length === 0 ? true : undefined), `no diagnostic left on the fixed file (had ${describeDiagnostics(uri)})`);
    assert.equal(await document.save(), true, 'the fixed file saves');
  });

  it('shows Run, Request plan and Overlaps code lenses on an overlapping action, and no Overlaps lens elsewhere', async () => {
    const uri = workspaceUri(LOYALTY.path);
    const all = await codeLensesOf(uri, (ls) => ls.some((l) => l.command?.title.includes('Overlaps')), 'the Overlaps code lens');
    // The "Nearest" lens (neighbours) has no command until it is resolved: see the neighbours test below.
    assert.equal(all.filter((l) => !l.command).length, 1, 'one lens waits for resolve');
    const lenses = all.filter((l) => l.command);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.equal(lenses.length, 3, `three lenses: ${JSON.stringify(titles)}`);
    assert.ok(titles.some((t) => /\bRun\b/.test(t)), `a Run lens: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Request plan'), `a Request plan lens: ${JSON.stringify(titles)}`);
    const overlapLens = lenses.find((l) => l.command?.title.includes('Overlaps'));
    assert.equal(overlapLens?.command?.title, `$(warning) Overlaps 1 action: "${REWARDS.name}"`);
    // Above the name; the Run and plan lenses carry the action's URI, the Overlaps lens the peek locations.
    const nameKey = rangeInText(LOYALTY.text, '"name"');
    for (const lens of lenses) assert.deepEqual(rangeTuple(lens.range), rangeTuple(nameKey), `lens ${lens.command?.title} sits on "name"`);
    const run = lenses.find((l) => l.command?.command === 'opencx.runAction');
    assert.equal(String(run?.command?.arguments?.[0]), uri.toString());
    const plan = lenses.find((l) => l.command?.command === 'opencx.showRequestPlan');
    assert.equal(String(plan?.command?.arguments?.[0]), uri.toString());
    const locations = overlapLens?.command?.arguments?.[2] as { uri: string }[] | undefined;
    assert.deepEqual(locations?.map((l) => l.uri), [workspaceUri(REWARDS.path).toString()]);

    const invoiceLenses = await codeLensesOf(workspaceUri(INVOICE.path), (ls) => ls.length > 0, 'the lenses of a non-overlapping action');
    assert.deepEqual(invoiceLenses.filter((l) => l.command).map((l) => l.command?.command), ['opencx.runAction', 'opencx.showRequestPlan']);
  });

  it('neighbours: the hover on the name lists the nearest actions with #L links, and the Nearest lens resolves to a peek', async () => {
    const uri = workspaceUri(LOYALTY.path);
    const rewards = workspaceUri(REWARDS.path).toString();
    const onName = rangeInText(LOYALTY.text, '"name"').start.translate(0, 2);
    const text = await hoverWhere(uri, onName, (t) => t.includes('Nearest actions'), 'the neighbours in the hover on the name');
    assert.match(text, new RegExp(`- \\*\\*${REWARDS.name}\\*\\* · 0\\.\\d\\d · \\[e2e-get-rewards-balance\\.action\\.json\\]\\(`), text);
    assert.ok(text.includes('#L2)'), text);
    const resolved = await codeLensesOf(uri, (ls) => ls.some((l) => l.command?.title.startsWith('Nearest')), 'the resolved Nearest lens', 10);
    const nearest = resolved.find((l) => l.command?.title.startsWith('Nearest'));
    assert.match(nearest?.command?.title ?? '', new RegExp(`^Nearest: "${REWARDS.name}" \\(0\\.\\d\\d\\)`));
    assert.equal(nearest?.command?.command, 'opencx.peekLocations');
    const locations = nearest?.command?.arguments?.[2] as { uri: string }[] | undefined;
    assert.equal(locations?.[0]?.uri, rewards);
  });

  it('drops the overlap from the other action when one of the pair is deleted', async () => {
    const uri = workspaceUri(LOYALTY.path);
    await waitFor(() => (withCode(uri, 'description-overlap').length ? true : undefined), 'the overlap before the deletion');
    const beforeDeletion = await settledStatus(api.status, 'the status before the deletion');
    await vscode.workspace.fs.delete(workspaceUri(REWARDS.path), { useTrash: false });
    await waitFor(() => (withCode(uri, 'description-overlap').length === 0 ? true : undefined),
      `the overlap warning to leave ${LOYALTY.path} (has ${describeDiagnostics(uri)})`);
    assert.deepEqual(ours(uri), [], `nothing left on ${LOYALTY.path}: ${describeDiagnostics(uri)}`);
    await codeLensesOf(uri, (ls) => ls.filter((l) => l.command).length === 2 && !ls.some((l) => l.command?.title.includes('Overlaps')), 'the Overlaps lens to go');
    const afterDeletion = await settledStatus(api.status, 'the status after the deletion', (s) => s.actions === beforeDeletion.actions - 1);
    assert.equal(afterDeletion.warnings, beforeDeletion.warnings - 2, `both overlap warnings are gone from the count: ${JSON.stringify({ beforeDeletion, afterDeletion })}`);
  });

  // VS Code reports a folder deleted outside its own file operations (a terminal `rm -rf`, a `git checkout`) as one
  // event for the folder, none for the files in it: the index must still drop every action under it.
  it('drops the actions of a folder deleted outside VS Code, and their overlaps on other files', async () => {
    const folder = 'e2e-deleted-folder';
    const loyalty = workspaceUri(LOYALTY.path);
    const start = await settledStatus(api.status, 'the status before the folder exists');
    assert.deepEqual(withCode(loyalty, 'description-overlap'), [], 'no overlap on the loyalty action to start with');
    await writeWorkspaceFile(`${folder}/${REWARDS.path.split('/').pop()}`, REWARDS.text);
    await writeWorkspaceFile(`${folder}/download-credit-note.action.json`, action({
      ...JSON.parse(INVOICE.text),
      name: 'Download credit note PDF',
      description: 'Download the PDF credit note issued for a returned purchase, by its credit note number.',
      endpoint: 'https://api.acme-shop.example/v1/credit-notes/{credit_note_id}/pdf',
      parameters: [{ name: 'credit_note_id', in: 'path', description: 'Credit note number', required: true, schema: { type: 'string' } }],
    }));
    const related = await waitFor(() => withCode(loyalty, 'description-overlap')[0]?.relatedInformation?.[0], 'the overlap with the action in the new folder');
    assert.equal(related.location.uri.toString(), workspaceUri(`${folder}/${REWARDS.path.split('/').pop()}`).toString());
    await settledStatus(api.status, 'the folder\'s actions to be counted', (s) => s.actions === start.actions + 2);

    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true, useTrash: false });
    await waitFor(() => (withCode(loyalty, 'description-overlap').length === 0 ? true : undefined),
      `the overlap with the deleted folder's action to go (has ${describeDiagnostics(loyalty)})`);
    const end = await settledStatus(api.status, 'the folder\'s actions to leave the count', (s) => s.actions === start.actions);
    assert.deepEqual({ errors: end.errors, warnings: end.warnings, infos: end.infos }, { errors: start.errors, warnings: start.warnings, infos: start.infos });
  });
});
