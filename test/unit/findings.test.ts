// normaliseFindings (dedupe + sort) and the documentation link of each rule code.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareFindings, docsUrl, normaliseFindings, type Finding } from '../../server/src/engine/lint/findings';

function finding(code: string, line: number, character: number, message = 'm', endCharacter = character + 1): Finding {
  return { code, severity: 'error', message, range: { start: { line, character }, end: { line, character: endCharacter } } };
}

describe('normaliseFindings', () => {
  test('sorts by start line, start character, end, code, then message', () => {
    const input = [
      finding('b', 2, 0),
      finding('a', 0, 5),
      finding('a', 0, 1, 'm', 4),
      finding('a', 0, 1, 'm', 2),
      finding('z', 0, 1, 'm', 2),
      finding('z', 0, 1, 'a', 2),
    ];
    assert.deepEqual(normaliseFindings(input).map((f) => `${f.code} ${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`), [
      'a 0:1-2 m',
      'z 0:1-2 a',
      'z 0:1-2 m',
      'a 0:1-4 m',
      'a 0:5-6 m',
      'b 2:0-1 m',
    ]);
  });

  test('removes findings with the same code, range and message, keeping the first', () => {
    const first = { ...finding('wrong-type', 3, 4), data: { path: ['a'] } };
    const again = { ...finding('wrong-type', 3, 4), data: { path: ['b'] } };
    const out = normaliseFindings([first, again, finding('wrong-type', 3, 4, 'other')]);
    assert.equal(out.length, 2);
    assert.equal(out[0], first);
    assert.equal(out[1].message, 'other');
  });

  test('keeps findings that differ only in code or in range end', () => {
    const out = normaliseFindings([finding('a', 1, 1), finding('b', 1, 1), finding('a', 1, 1, 'm', 9)]);
    assert.equal(out.length, 3);
  });

  test('an empty list stays empty', () => {
    assert.deepEqual(normaliseFindings([]), []);
  });

  test('compareFindings is zero only for the same position, code and message', () => {
    assert.equal(compareFindings(finding('a', 1, 1), finding('a', 1, 1)), 0);
    assert.ok(compareFindings(finding('a', 1, 1), finding('a', 1, 2)) < 0);
    assert.ok(compareFindings(finding('b', 1, 1), finding('a', 1, 1)) > 0);
  });
});

test('docsUrl points at the rule anchor in docs/rules.md', () => {
  assert.equal(docsUrl('invalid-endpoint'), 'https://github.com/opencx/opencx-actions-vscode/blob/main/docs/rules.md#invalid-endpoint');
});
