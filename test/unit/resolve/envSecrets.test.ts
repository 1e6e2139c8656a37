// The terminal's SecretSource: OPENCX_SECRET_<NAME>, exact or in a portable spelling; existence without the value.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { envSecretSource, secretVariableNames } from '../../../server/src/cli/envSecrets';

describe('envSecretSource', () => {
  test('variable names: exact first, then upper-cased with other characters as _', () => {
    assert.deepEqual(secretVariableNames('SHOP_TOKEN'), ['OPENCX_SECRET_SHOP_TOKEN']);
    assert.deepEqual(secretVariableNames('shop.token-2'), ['OPENCX_SECRET_shop.token-2', 'OPENCX_SECRET_SHOP_TOKEN_2']);
  });

  test('get, has and isSet; an empty value counts as not set', async () => {
    const source = envSecretSource({ OPENCX_SECRET_A: 'x', OPENCX_SECRET_SHOP_TOKEN: 'y', OPENCX_SECRET_EMPTY: '' });
    assert.equal(await source.get('A'), 'x');
    assert.equal(await source.get('shop.token'), 'y');
    assert.equal(await source.has('B'), false);
    assert.equal(source.isSet('A'), true);
    assert.equal(source.isSet('EMPTY'), false);
    assert.equal(await source.get('EMPTY'), undefined);
  });
});
