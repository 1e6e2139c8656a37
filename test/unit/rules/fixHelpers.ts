// Applies one quick fix through the workspace and checks what every fix promises: the edits stay in the finding's
// file, the fixed text is the expected one, and re-linting it no longer has the finding and has no new error.
import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/engine/lint/findings';
import { fixesFor, type CodeFix } from '../../../server/src/engine/fixes';
import type { Workspace } from '../../../server/src/engine/workspace/workspace';
import { applyEdits, workspaceWith } from './workspaceHelpers';

/** The codes whose fixes a test has applied, so a test can check that every provider was exercised. */
export const exercisedCodes = new Set<string>();

/** The schema codes with a fix (tested in fixesSchema.test.ts); every other provider is a rule's (fixes.test.ts). */
export const SCHEMA_FIX_CODES: readonly string[] = ['insecure-endpoint', 'body-not-allowed', 'unknown-property', 'invalid-value'];

export interface FixRequest {
  files: Record<string, string>;
  /** The file with the finding. */
  id: string;
  code: string;
  /** Which finding of that code, when there are several (default: the first). */
  which?: (finding: Finding) => boolean;
  /** The fix's title (default: the preferred fix, or the only one). */
  title?: string;
}

export interface AppliedFix {
  workspace: Workspace;
  finding: Finding;
  fixes: CodeFix[];
  fix: CodeFix;
  fixed: string;
  /** The file's findings after the fix. */
  after: Finding[];
}

const key = (f: Finding) => `${f.code}|${f.message}`;

/** The fixes offered for the request's finding, and the workspace they came from. */
export function fixesOf(request: FixRequest): { workspace: Workspace; finding: Finding; fixes: CodeFix[] } {
  const workspace = workspaceWith(request.files);
  const candidates = workspace.findings(request.id).filter((f) => f.code === request.code && (!request.which || request.which(f)));
  assert.ok(candidates.length > 0, `test bug: no ${request.code} finding in ${request.id}`);
  const finding = candidates[0];
  return { workspace, finding, fixes: fixesFor(workspace, request.id, finding) };
}

/** Applies the requested fix and asserts the fixed text and that the file is left valid. */
export function applyFix(request: FixRequest, expected: string): AppliedFix {
  const { workspace, finding, fixes } = fixesOf(request);
  const fix = request.title !== undefined ? fixes.find((f) => f.title === request.title) : fixes.find((f) => f.isPreferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
  assert.ok(fix, `no fix ${JSON.stringify(request.title ?? 'preferred')} among ${JSON.stringify(fixes.map((f) => f.title))}`);
  assert.ok(fix.edits.length > 0, 'the fix has no edits');
  for (const edit of fix.edits) assert.equal(edit.file, request.id, 'a fix edits the file of its finding');
  const before = workspace.findings(request.id);
  const fixed = applyEdits(workspace.document(request.id)!.text, fix.edits);
  assert.equal(fixed, expected);
  workspace.set(request.id, fixed);
  const after = workspace.findings(request.id);
  assert.ok(!after.some((f) => key(f) === key(finding)), `the fix left its finding: ${finding.message}`);
  const newErrors = after.filter((f) => f.severity === 'error' && !before.some((b) => key(b) === key(f)));
  assert.deepEqual(newErrors.map(key), [], 'the fix introduced an error');
  exercisedCodes.add(request.code);
  return { workspace, finding, fixes, fix, fixed, after };
}
