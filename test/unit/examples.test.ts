// Every file in examples/ lints exactly as examples/README.md says: only the deliberately broken one has a finding.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { documentKindOf } from '../../server/src/engine/document/documentKind';
import { lint } from './helpers';

/** The repository root: this file is bundled to out/test/unit/examples.test.js. */
const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');

function exampleFiles(): string[] {
  return fs
    .readdirSync(EXAMPLES, { recursive: true })
    .map(String)
    .filter((file) => documentKindOf(file) !== undefined)
    .sort();
}

describe('examples/', () => {
  test('holds the files the README describes', () => {
    assert.deepEqual(exampleFiles(), [
      'actions/change-shipping-address.action.json',
      'actions/look-up-order.action.json',
      'actions/refund-order.action.json',
      'actions/resend-invoice.action.json',
      'actions/search-help-center.action.json',
      'broken/track-parcel.action.json',
      'opencx.config.json',
    ]);
  });

  for (const file of exampleFiles().filter((f) => !f.startsWith('broken/'))) {
    test(`${file} has no findings`, () => {
      const kind = documentKindOf(file)!;
      assert.deepEqual(lint(kind, fs.readFileSync(path.join(EXAMPLES, file), 'utf8')), []);
    });
  }

  test('broken/track-parcel.action.json has one invalid-value on "FETCH" (line 5, characters 12-19)', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'broken/track-parcel.action.json'), 'utf8');
    assert.deepEqual(lint('action', text), [
      {
        code: 'invalid-value',
        severity: 'error',
        message: 'method must be one of GET, POST, PUT, PATCH, DELETE; got "FETCH"',
        range: { start: { line: 4, character: 12 }, end: { line: 4, character: 19 } },
      },
    ]);
  });
});
