// Shared helpers for the engine unit tests: build a text, compute the exact range a finding must have (from a
// substring, an offset or ⟦markers⟧), and compare whole findings (code, severity, message, range).
import assert from 'node:assert/strict';
import type { DocumentKind } from '../../server/src/engine/document/documentKind';
import type { Finding, Severity } from '../../server/src/engine/lint/findings';
import { lintDocument } from '../../server/src/engine/lint/lint';
import type { Position, Range } from '../../server/src/engine/document/text';

/** What a test asserts about one finding: everything but `data` and `related`. */
export interface ExpectedFinding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
}

/**
 * The line/character of an offset, computed here and not with the engine's LineIndex, so that a bug there cannot
 * hide itself. `\r\n`, `\n` and `\r` each end a line; characters are UTF-16 code units, as in LSP.
 */
export function positionAt(text: string, offset: number): Position {
  assert.ok(offset >= 0 && offset <= text.length, `test bug: offset ${offset} outside a text of ${text.length}`);
  // Between the \r and the \n of a CRLF is no place on a line: it is the end of the line, before the \r.
  if (text[offset - 1] === '\r' && text[offset] === '\n') offset--;
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Like vscode-json-languageservice's test helper: the range of `length` characters from `offset`. */
export function toRange(text: string, offset: number, length: number): Range {
  return { start: positionAt(text, offset), end: positionAt(text, offset + length) };
}

/** The range of the `occurrence`-th (0-based) `needle` in `text`; a missing needle is a test bug. */
export function rangeOfText(text: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let n = 0; n <= occurrence; n++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `test bug: occurrence ${occurrence} of ${JSON.stringify(needle)} is not in the text`);
  }
  return toRange(text, offset, needle.length);
}

/** The range of `needle` where it directly follows `prefix` (`rangeAfter(text, '"pinned": ', '0')`). */
export function rangeAfter(text: string, prefix: string, needle: string): Range {
  const offset = text.indexOf(prefix + needle);
  assert.ok(offset >= 0, `test bug: ${JSON.stringify(prefix + needle)} is not in the text`);
  return toRange(text, offset + prefix.length, needle.length);
}

const OPEN = '⟦';
const CLOSE = '⟧';

/** `'{ "method": ⟦"FETCH"⟧ }'` → the text without the markers, and the ranges they enclosed, in order. */
export function marked(source: string): { text: string; ranges: Range[] } {
  let text = '';
  const spans: { offset: number; length: number }[] = [];
  let openedAt: number | undefined;
  for (const ch of source) {
    if (ch === OPEN) {
      assert.equal(openedAt, undefined, 'test bug: nested markers');
      openedAt = text.length;
    } else if (ch === CLOSE) {
      assert.notEqual(openedAt, undefined, 'test bug: a closing marker without an opening one');
      spans.push({ offset: openedAt!, length: text.length - openedAt! });
      openedAt = undefined;
    } else {
      text += ch;
    }
  }
  assert.equal(openedAt, undefined, 'test bug: an opening marker is not closed');
  return { text, ranges: spans.map((s) => toRange(text, s.offset, s.length)) };
}

export function error(code: string, range: Range, message: string): ExpectedFinding {
  return { code, severity: 'error', message, range };
}

export function warning(code: string, range: Range, message: string): ExpectedFinding {
  return { code, severity: 'warning', message, range };
}

/** The findings as a test compares them, in the engine's order. */
export function comparable(findings: readonly Finding[]): ExpectedFinding[] {
  return findings.map(({ code, severity, message, range }) => ({ code, severity, message, range }));
}

export function lint(kind: DocumentKind, text: string): ExpectedFinding[] {
  return comparable(lintDocument({ kind, text }).findings);
}

/** Lints `text` and asserts the exact list of findings (order included: the engine sorts by position). */
export function assertFindings(kind: DocumentKind, text: string, expected: ExpectedFinding[]): void {
  assert.deepEqual(lint(kind, text), expected);
}

/** A complete, valid action: every test changes one thing in it. */
export const VALID_ACTION: Readonly<Record<string, unknown>> = {
  name: 'Look up order',
  description: 'Look up an order by its numeric order ID and return its shipping status.',
  method: 'GET',
  endpoint: 'https://api.acme.com/orders/{order_id}',
};

/**
 * The valid action with `changes` applied, pretty-printed with two spaces. A change to `undefined` removes the
 * property (JSON.stringify leaves it out); changed properties keep their place, new ones come last.
 */
export function actionText(changes: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...VALID_ACTION, ...changes }, null, 2);
}

/** A config pretty-printed with two spaces. */
export function configText(config: Record<string, unknown>): string {
  return JSON.stringify(config, null, 2);
}
