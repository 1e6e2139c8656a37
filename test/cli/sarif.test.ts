// --format sarif: checked against the official SARIF 2.1.0 JSON schema, then field by field.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { formatSarif } from '../../server/src/cli/formats/sarif';
import type { CliFinding } from '../../server/src/cli/report';
import { FIXTURES, ROOT, fixtureText, packageVersion, parseJsonOutput, runPlain, tempFolder, writeFile } from './cliHarness';
import { assertValidSarif, validateSarif } from './sarifSchema';

const DOCS_URL = 'https://github.com/opencx/opencx-actions-vscode/blob/main/docs/rules.md';

// A SARIF log is read field by field once the schema has checked it.
type SarifLog = any;

function sarifOf(args: string[], cwd: string): SarifLog {
  const run = runPlain(['lint', '--format', 'sarif', ...args], cwd);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout);
}

describe('sarif', () => {
  test('the schema check has teeth: it rejects a log with a bad level and no version', () => {
    const log = sarifOf([], path.join(FIXTURES, 'mixed'));
    assertValidSarif(log);
    log.runs[0].results[0].level = 'fatal';
    delete log.version;
    assert.equal(validateSarif(log), false);
  });

  test('one run, the tool and its rules with a helpUri into docs/rules.md', () => {
    const log = sarifOf([], path.join(FIXTURES, 'mixed'));
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'opencx-actions');
    assert.equal(driver.version, packageVersion());
    assert.equal(driver.informationUri, 'https://github.com/opencx/opencx-actions-vscode');
    const ids = ['body-not-allowed', 'duplicate-key', 'insecure-endpoint', 'too-short', 'unknown-property', 'wrong-type'];
    assert.deepEqual(driver.rules.map((r: SarifLog) => r.id), ids);
    const rulesDoc = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    for (const rule of driver.rules) {
      assert.equal(rule.helpUri, `${DOCS_URL}#${rule.id}`);
      assert.ok(rulesDoc.includes(`\n### ${rule.id}\n`), `docs/rules.md has no section for ${rule.id}`);
    }
  });

  /** SARIF has three levels: information and hints are both "note" (not "error", as this test once assumed). */
  const EXPECTED_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

  test('each result matches the json finding: rule, level, message, 1-based region, file', () => {
    const cwd = path.join(FIXTURES, 'mixed');
    const log = sarifOf([], cwd);
    const findings = parseJsonOutput(runPlain(['lint', '--format', 'json'], cwd));
    const { results, tool } = log.runs[0];
    assert.equal(results.length, findings.length);
    assert.equal(findings.length, 6);
    results.forEach((result: SarifLog, i: number) => {
      const f = findings[i];
      assert.equal(result.ruleId, f.code);
      assert.equal(tool.driver.rules[result.ruleIndex].id, f.code, 'ruleIndex points at the rule');
      assert.equal(result.level, EXPECTED_LEVEL[f.severity], `${f.severity} becomes ${EXPECTED_LEVEL[f.severity]}`);
      assert.equal(result.message.text, f.message);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: f.file, uriBaseId: '%SRCROOT%' });
      assert.deepEqual(region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
    });
    assert.deepEqual(results.map((r: SarifLog) => r.level), ['error', 'error', 'error', 'error', 'error', 'warning']);
    assert.deepEqual(results[0].locations[0].physicalLocation.region, { startLine: 3, startColumn: 18, endLine: 3, endColumn: 39 });
  });

  test('the examples: one error on "FETCH", with its path from the current folder', () => {
    const log = sarifOf(['examples'], ROOT);
    assertValidSarif(log);
    const [result] = log.runs[0].results;
    assert.equal(log.runs[0].results.length, 1);
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'examples/broken/track-parcel.action.json');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 5, startColumn: 13, endLine: 5, endColumn: 20 });
  });

  test('a clean folder is a valid log with no results and no rules', () => {
    const log = sarifOf([], path.join(FIXTURES, 'clean'));
    assertValidSarif(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(log.runs[0].tool.driver.rules, []);
  });

  test('a path with a space is percent-encoded in the artifact URI', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'my actions/broken.action.json', fixtureText('syntax/trailing-comma.action.json'));
    const log = sarifOf([], folder);
    assertValidSarif(log);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'my%20actions/broken.action.json');
  });

  test('information findings become level "note"', () => {
    const cwd = path.join(FIXTURES, 'info');
    const log = sarifOf([], cwd);
    assertValidSarif(log);
    const severities = parseJsonOutput(runPlain(['lint', '--format', 'json'], cwd)).map((f) => f.severity);
    assert.deepEqual(severities, ['info']);
    assert.deepEqual(log.runs[0].results.map((r: SarifLog) => r.level), ['note']);
  });

  test('info and hint findings with related locations, straight through the formatter', () => {
    const finding = (severity: CliFinding['severity'], code: string): CliFinding => ({
      file: 'a.action.json', line: 2, column: 3, endLine: 2, endColumn: 9, severity, code, message: `${severity} finding`,
      related: [{ file: 'b.action.json', line: 4, column: 1, message: 'defined here' }],
    });
    const log = JSON.parse(formatSarif([finding('info', 'long-description'), finding('hint', 'vague-name')], {
      name: 'opencx-actions', version: '9.9.9', informationUri: 'https://example.test/opencx',
    }));
    assertValidSarif(log);
    const { results } = log.runs[0];
    assert.deepEqual(results.map((r: SarifLog) => r.level), ['note', 'note']);
    assert.deepEqual(results[0].relatedLocations[0].physicalLocation.region, { startLine: 4, startColumn: 1 });
    assert.equal(results[0].relatedLocations[0].message.text, 'defined here');
  });
});
