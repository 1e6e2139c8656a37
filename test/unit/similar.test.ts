// editDistance and closestMatch: the "did you mean" suggestions of unknown properties and enum values.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { closestMatch, editDistance } from '../../server/src/engine/lint/similar';

describe('editDistance', () => {
  test('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('methd', 'method'), 1);
    assert.equal(editDistance('method', 'methd'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('flaw', 'lawn'), 2);
  });

  test('equal strings, empty strings', () => {
    assert.equal(editDistance('endpoint', 'endpoint'), 0);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abcd', ''), 4);
    assert.equal(editDistance('', ''), 0);
  });

  test('is case-sensitive', () => {
    assert.equal(editDistance('GET', 'get'), 3);
  });
});

describe('closestMatch', () => {
  const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

  test('a case-insensitive match wins outright', () => {
    assert.equal(closestMatch('get', METHODS), 'GET');
    assert.equal(closestMatch('Patch', METHODS), 'PATCH');
  });

  test('a typo within a third of the longer word', () => {
    assert.equal(closestMatch('methd', ['name', 'method', 'endpoint']), 'method');
    assert.equal(closestMatch('descripton', ['name', 'description']), 'description');
    assert.equal(closestMatch('DELET', METHODS), 'DELETE');
  });

  test('nothing close enough', () => {
    assert.equal(closestMatch('FETCH', METHODS), undefined);
    assert.equal(closestMatch('zzzzzz', ['name', 'method']), undefined);
    assert.equal(closestMatch('x', []), undefined);
  });

  test('short words allow one edit, never two', () => {
    assert.equal(closestMatch('nme', ['name', 'in']), 'name');
    assert.equal(closestMatch('ab', ['cd']), undefined);
  });

  test('the first of equally close candidates', () => {
    assert.equal(closestMatch('pat', ['put', 'pet']), 'put');
  });
});
