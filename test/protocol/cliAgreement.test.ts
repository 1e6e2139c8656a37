// The editor and the CLI agree: for every example and lint fixture, the diagnostics the server publishes are the
// findings `opencx-actions lint <file> --format json` prints (1-based lines and columns = 0-based + 1).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { CLI_JS, EXAMPLES_DIR, fileUri, LINT_FIXTURES_DIR, lintableFiles, messageOf, REPO_ROOT } from './testSupport';
import { withServer } from './withServer';

const run = promisify(execFile);

/** One finding in the shape both sides can be brought to. */
interface Comparable {
  severity: string;
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: { file: string; line: number; column: number; message: string }[];
}

interface CliFinding extends Comparable {
  file: string;
}

const SEVERITY_NAMES: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

function fromDiagnostic(d: Diagnostic): Comparable {
  return {
    severity: SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error],
    code: String(d.code),
    message: messageOf(d),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    related: (d.relatedInformation ?? []).map((r) => ({
      file: path.basename(decodeURIComponent(new URL(r.location.uri).pathname)),
      line: r.location.range.start.line + 1,
      column: r.location.range.start.character + 1,
      message: r.message,
    })),
  };
}

function fromCli(f: CliFinding): Comparable {
  const { severity, code, message, line, column, endLine, endColumn } = f;
  const related = (f.related ?? []).map((r) => ({ ...r, file: path.basename(r.file) }));
  return { severity, code, message, line, column, endLine, endColumn, related };
}

function sorted(findings: Comparable[]): Comparable[] {
  const key = (f: Comparable) => [f.line, f.column, f.endLine, f.endColumn].map((n) => String(n).padStart(6, '0')).join(':') + f.code + f.message;
  return [...findings].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The CLI's findings for one file; exit code 1 (errors found) is a normal outcome, not a failure. */
async function cliFindings(file: string): Promise<{ findings: CliFinding[]; exitCode: number }> {
  const args = [CLI_JS, 'lint', file, '--format', 'json'];
  const result = await run(process.execPath, args, { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, exitCode: 0 }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '', exitCode: error.code ?? -1 }),
  );
  try {
    if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error(`exit code ${result.exitCode}`);
    return { findings: JSON.parse(result.stdout) as CliFinding[], exitCode: result.exitCode };
  } catch (error) {
    throw new Error(`the CLI failed on ${file}: ${String(error)}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
}

const FILES = [...lintableFiles(EXAMPLES_DIR), ...lintableFiles(LINT_FIXTURES_DIR)];

describe('the editor and the CLI agree', () => {
  const codesSeen = new Set<string>();
  let cleanFiles = 0;
  const server = withServer({ folders: [EXAMPLES_DIR, LINT_FIXTURES_DIR] }, async () => {
    // The folders are open, as in VS Code: the server knows each file's organisation config as the CLI does.
  });

  it('there are examples and lint fixtures to compare', () => {
    assert.ok(FILES.filter((f) => f.startsWith(EXAMPLES_DIR)).length >= 5, FILES.join('\n'));
    assert.ok(FILES.filter((f) => f.startsWith(LINT_FIXTURES_DIR)).length >= 10, FILES.join('\n'));
  });

  for (const file of FILES) {
    it(path.relative(REPO_ROOT, file), async () => {
      const uri = fileUri(file);
      await server.client.open(uri, fs.readFileSync(file, 'utf8'));
      const published = await server.client.diagnosticsForCurrentVersion(uri);
      await server.client.close(uri);
      const cli = await cliFindings(file);
      for (const f of cli.findings) codesSeen.add(f.code);
      if (!cli.findings.length) cleanFiles++;

      for (const f of cli.findings) assert.equal(path.resolve(REPO_ROOT, f.file), file, 'the CLI reports the file it was given');
      assert.deepEqual(sorted(published.diagnostics.map(fromDiagnostic)), sorted(cli.findings.map(fromCli)));
      const hasError = cli.findings.some((f) => f.severity === 'error');
      assert.equal(cli.exitCode, hasError ? 1 : 0, 'exit code 1 exactly when there is an error');
    });
  }

  it('the comparison covered clean files and every kind of file-level finding', () => {
    assert.ok(cleanFiles >= 3, `clean files: ${cleanFiles}`);
    const expected = ['json-syntax', 'duplicate-key', 'missing-property', 'unknown-property', 'wrong-type', 'invalid-value',
      'too-short', 'invalid-format', 'invalid-endpoint', 'insecure-endpoint', 'body-not-allowed', 'duplicate-item'];
    assert.deepEqual(expected.filter((c) => !codesSeen.has(c)), [], `codes seen: ${[...codesSeen].join(', ')}`);
  });
});
