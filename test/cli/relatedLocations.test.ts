// Cross-file findings (two actions with one name) carry related locations in every format, with the other
// file's path shown as the user would type it.
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { fixtureText, parseJsonOutput, runPlain, tempFolder, writeFile } from './cliHarness';
import { assertValidSarif } from './sarifSchema';

/** Two copies of one valid action, so each is reported with the other as its related location. */
function twoActionsWithOneName(t: TestContext): string {
  const folder = tempFolder(t);
  const text = fixtureText('clean/get-invoice.action.json');
  writeFile(folder, 'get-invoice.action.json', text);
  writeFile(folder, 'billing/invoice-copy.action.json', text);
  return folder;
}

/** Two copies of one action also overlap; these tests look at duplicate-action-name's related locations alone. */
const ONLY_NAMES = ['--rule', 'description-overlap=off'];

describe('related locations', () => {
  test('json: each finding names the other file, 1-based, relative to the current folder', (t) => {
    const run = runPlain(['lint', '--format', 'json', ...ONLY_NAMES], twoActionsWithOneName(t));
    assert.equal(run.status, 1);
    const findings = parseJsonOutput(run);
    assert.deepEqual(findings.map((f) => [f.file, f.line, f.column, f.code]), [
      ['billing/invoice-copy.action.json', 2, 11, 'duplicate-action-name'],
      ['get-invoice.action.json', 2, 11, 'duplicate-action-name'],
    ]);
    assert.deepEqual(findings.map((f) => f.related), [
      [{ file: 'get-invoice.action.json', line: 2, column: 11, message: 'also named "Get invoice"' }],
      [{ file: 'billing/invoice-copy.action.json', line: 2, column: 11, message: 'also named "Get invoice"' }],
    ]);
  });

  test('stylish: an arrow line under the finding points at the other file', (t) => {
    const run = runPlain(['lint', ...ONLY_NAMES], twoActionsWithOneName(t));
    const lines = run.stdout.split('\n');
    const arrow = `${' '.repeat(2 + '2:11'.length + 11)}↳ get-invoice.action.json:2:11 also named "Get invoice"`;
    assert.equal(lines[0], 'billing/invoice-copy.action.json');
    assert.match(lines[1], /^ {2}2:11 {2}error {4}.+ {2}duplicate-action-name$/);
    assert.equal(lines[2], arrow);
  });

  test('sarif: relatedLocations with the same relative URIs, valid against the schema', (t) => {
    const run = runPlain(['lint', '--format', 'sarif', ...ONLY_NAMES], twoActionsWithOneName(t));
    const log = JSON.parse(run.stdout);
    assertValidSarif(log);
    const related = log.runs[0].results.map((r: { relatedLocations: unknown[] }) => r.relatedLocations);
    assert.deepEqual(related[0], [{
      id: 0,
      message: { text: 'also named "Get invoice"' },
      physicalLocation: { artifactLocation: { uri: 'get-invoice.action.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 11 } },
    }]);
    assert.equal(related[1][0].physicalLocation.artifactLocation.uri, 'billing/invoice-copy.action.json');
  });
});
