// How an action's name becomes the function name a model calls, and how collisions stay unique.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FUNCTION_NAME_PATTERN, functionNameOf, uniqueFunctionNames } from '../../../server/src/engine/catalog';

describe('function names', () => {
  test('snake_case, accents dropped, other characters one underscore, trimmed', () => {
    assert.equal(functionNameOf('Look up order'), 'look_up_order');
    assert.equal(functionNameOf('  Créer une réclamation (v2)!  '), 'creer_une_reclamation_v2');
    assert.equal(functionNameOf('refund-order_fast'), 'refund-order_fast');
    assert.equal(functionNameOf('Track   parcel / status'), 'track_parcel_status');
  });

  test('a name with no usable character becomes "action"', () => {
    assert.equal(functionNameOf(''), 'action');
    assert.equal(functionNameOf('出荷を追跡'), 'action');
    assert.equal(functionNameOf('!!!'), 'action');
  });

  test('at most 64 characters, never ending in an underscore', () => {
    const name = functionNameOf(`${'a'.repeat(63)} b`);
    assert.equal(name, 'a'.repeat(63));
    assert.match(functionNameOf('word '.repeat(40)), FUNCTION_NAME_PATTERN);
    assert.ok(functionNameOf('word '.repeat(40)).length <= 64);
  });

  test('collisions get _2, _3 in order, compared case-insensitively, and still fit in 64', () => {
    assert.deepEqual(uniqueFunctionNames(['Look up order', 'look up ORDER', 'Look-up order', 'Look up order!', 'look_up_order_2']), [
      'look_up_order', 'look_up_order_2', 'look-up_order', 'look_up_order_3', 'look_up_order_2_2',
    ]);
    const long = 'x'.repeat(70);
    const [first, second] = uniqueFunctionNames([long, long]);
    assert.equal(first, 'x'.repeat(64));
    assert.equal(second, `${'x'.repeat(62)}_2`);
    assert.match(second, FUNCTION_NAME_PATTERN);
  });

  test('every name matches the pattern OpenAI-compatible APIs accept', () => {
    for (const name of uniqueFunctionNames(['a', 'a', '', '', 'Ω', 'Ω', '—'])) assert.match(name, FUNCTION_NAME_PATTERN);
  });
});
