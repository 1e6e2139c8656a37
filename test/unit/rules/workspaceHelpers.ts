// Helpers for the rule and quick-fix tests: a workspace built from texts, a clean action every test changes one
// thing in, the findings of one code as the tests compare them, and range edits applied to a text.
import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/engine/lint/findings';
import type { FileEdit } from '../../../server/src/engine/fixes';
import { LineIndex } from '../../../server/src/engine/document/text';
import { Workspace } from '../../../server/src/engine/workspace/workspace';
import { comparable, type ExpectedFinding } from '../helpers';

export const ACTION_ID = '/ws/actions/a.action.json';
export const OTHER_ID = '/ws/actions/b.action.json';
export const CONFIG_ID = '/ws/opencx.config.json';

/** An action that no rule and no schema check has anything to say about. */
export const CLEAN_ACTION: Readonly<Record<string, unknown>> = {
  name: 'Look up order',
  description: 'Look up an order by its numeric order ID and return its shipping status.',
  method: 'GET',
  endpoint: 'https://api.acme.com/orders/{order_id}',
  parameters: [{ name: 'order_id', in: 'path', description: 'Numeric order ID', required: true, schema: { type: 'integer' } }],
  restrictedToSegments: [],
};

/** The clean action with `changes` applied (undefined removes a key), pretty-printed with two spaces. */
export function cleanAction(changes: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...CLEAN_ACTION, ...changes }, null, 2);
}

/** A value pretty-printed with two spaces, as the tests write config files. */
export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A workspace holding `files` (id → text), added in order. */
export function workspaceWith(files: Record<string, string>): Workspace {
  const workspace = new Workspace();
  for (const [id, text] of Object.entries(files)) workspace.set(id, text);
  return workspace;
}

/** The findings of one file, optionally of one code only, as the tests compare them. */
export function findingsOf(workspace: Workspace, id: string, code?: string): ExpectedFinding[] {
  return comparable(workspace.findings(id).filter((f) => code === undefined || f.code === code));
}

/** The raw findings (with data and related) of one code. */
export function rawFindings(workspace: Workspace, id: string, code: string): Finding[] {
  return workspace.findings(id).filter((f) => f.code === code);
}

/** Lints one action text (with an optional config beside it) and returns the findings of `code`. */
export function lintAction(text: string, code: string, config?: string): ExpectedFinding[] {
  const files: Record<string, string> = config === undefined ? {} : { [CONFIG_ID]: config };
  files[ACTION_ID] = text;
  return findingsOf(workspaceWith(files), ACTION_ID, code);
}

/** Lints one config text and returns the findings of `code`. */
export function lintConfig(text: string, code: string): ExpectedFinding[] {
  return findingsOf(workspaceWith({ [CONFIG_ID]: text }), CONFIG_ID, code);
}

/**
 * Applies range edits to a text as an editor would: every range refers to the original text, so the edits are
 * applied from the last to the first. Overlapping edits are a bug in the fix.
 */
export function applyEdits(text: string, edits: readonly Pick<FileEdit, 'range' | 'newText'>[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].end <= spans[i - 1].start, 'the fix has overlapping edits');
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}
