// Suggest Utterances' pure parts: the request (name, description, parameters only; no tools) and the parsing of
// what a model answers (a JSON array, fenced or in prose, else one per line), without duplicates of what exists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_SUGGESTIONS, parseSuggestions, suggestRequest } from '../../../server/src/engine/route';

const subject = { name: 'Look up order', description: 'Look up one order by its ID.', parameters: { type: 'object' as const, properties: { order_id: { type: 'integer' } }, required: ['order_id'] } };

describe('suggestRequest', () => {
  test('two messages: a fixed system message, then exactly the name, description and parameters as JSON; no tools', () => {
    const request = suggestRequest('m', subject);
    assert.equal(request.model, 'm');
    assert.deepEqual(Object.keys(request).sort(), ['messages', 'model']);
    assert.equal(request.messages[0].role, 'system');
    assert.match(request.messages[0].content, /JSON array of strings/);
    assert.doesNotMatch(request.messages[0].content, /https?:/);
    assert.deepEqual(JSON.parse(request.messages[1].content), subject);
  });
});

describe('parseSuggestions', () => {
  test('a JSON array of strings', () => {
    assert.deepEqual(parseSuggestions('["where is 10452?", "has my order shipped"]'), ['where is 10452?', 'has my order shipped']);
  });
  test('an array in a ``` fence with prose around it, and objects with text', () => {
    assert.deepEqual(parseSuggestions('Sure! Here they are:\n```json\n[{"text": "track order 5"}, "is it on its way"]\n```\nHope it helps [really].'), ['track order 5', 'is it on its way']);
  });
  test('without JSON: one per line, list markers and quotes removed', () => {
    assert.deepEqual(parseSuggestions('1. "where is my parcel"\n- has it shipped\n\n* track 10452'), ['where is my parcel', 'has it shipped', 'track 10452']);
  });
  test('drops empty items, duplicates and utterances the file already has (case-insensitive), keeps at most the maximum', () => {
    const many = JSON.stringify(['a', 'A', ' ', 'Where is my order?', 'b', 'c', 'd', 'e', 'f', 'g']);
    assert.deepEqual(parseSuggestions(many, ['where is my order?']), ['a', 'b', 'c', 'd', 'e'].slice(0, MAX_SUGGESTIONS));
  });
  test('an answer with nothing usable gives none', () => {
    assert.deepEqual(parseSuggestions(''), []);
    assert.deepEqual(parseSuggestions('[1, 2, null]'), []);
  });
});
