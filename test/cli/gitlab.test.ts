// --format gitlab: a GitLab Code Quality report (the fields GitLab requires, per its documented format), one issue
// per finding of the JSON output, with fingerprints that survive a finding moving to another line.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES, fixtureText, runPlain, tempFolder, writeFile } from './cliHarness';

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; positions: { begin: { line: number; column: number } } };
}

const lint = (format: string, cwd: string) => runPlain(['lint', '--format', format], cwd);

describe('gitlab code quality', () => {
  test('one issue per finding, with the required fields, a GitLab severity and the same places as --format json', () => {
    const cwd = path.join(FIXTURES, 'mixed');
    const report = lint('gitlab', cwd);
    const json = lint('json', cwd);
    assert.equal(report.status, json.status, 'the same exit code as the other formats');
    const issues = JSON.parse(report.stdout) as CodeQualityIssue[];
    const findings = JSON.parse(json.stdout) as { file: string; line: number; code: string; message: string; severity: string }[];
    assert.ok(findings.length >= 2, 'the fixture has findings');
    assert.equal(issues.length, findings.length);
    issues.forEach((issue, i) => {
      assert.equal(issue.check_name, findings[i].code);
      assert.equal(issue.description, findings[i].message);
      assert.equal(issue.location.path, findings[i].file);
      assert.equal(issue.location.positions.begin.line, findings[i].line);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity), issue.severity);
      assert.equal(issue.severity, { error: 'critical', warning: 'major', info: 'minor', hint: 'info' }[findings[i].severity]);
      assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
    });
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
  });

  test('a finding that moves down a line keeps its fingerprint', (t) => {
    const folder = tempFolder(t);
    const text = fixtureText('clean/get-invoice.action.json').replace(/"method": "GET"/, '"method": "FETCH"');
    writeFile(folder, 'a.action.json', text);
    const before = JSON.parse(lint('gitlab', folder).stdout) as CodeQualityIssue[];
    writeFile(folder, 'a.action.json', `\n${text}`);
    const after = JSON.parse(lint('gitlab', folder).stdout) as CodeQualityIssue[];
    assert.equal(after[0].location.positions.begin.line, before[0].location.positions.begin.line + 1);
    assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
  });
});
