// Values encodeURIComponent rejects (a lone surrogate, "\ud800"): planning ends with a typed error that names the
// field, never a URIError, and `unencodable-value` reports the same value where it is written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasLoneSurrogate } from '../../../server/src/engine/resolve/unencodable';
import { findingsOf, pretty, workspaceWith, ACTION_ID, CONFIG_ID, cleanAction } from '../rules/workspaceHelpers';
import { rangeOfText } from '../helpers';
import { action, planError, plan } from './support';

const LONE = '\ud800';

describe('hasLoneSurrogate', () => {
  for (const [text, expected] of [['a\ud800b', true], ['\udc00', true], ['x\ud800', true], ['\udc00\ud800', true], ['😀', false], ['café', false], ['', false]] as const) {
    test(JSON.stringify(text), () => assert.equal(hasLoneSurrogate(text), expected));
  }
});

describe('planning a value the URL encoder rejects', () => {
  const pathAction = (parameter: Record<string, unknown>) => action({ endpoint: 'https://api.acme.com/orders/{id}', parameters: [{ name: 'id', in: 'path', required: true, ...parameter }] });

  test('a static path value: invalid-action at the value, naming it', () => {
    const error = planError(pathAction({ value: `a${LONE}b` }));
    assert.equal(error.code, 'invalid-action');
    assert.equal(error.problems?.length, 1);
    assert.deepEqual(error.problems![0].path, ['parameters', 0, 'value']);
    assert.match(error.problems![0].message, /^the static value of path parameter "id" holds a lone surrogate \(\\ud800\), which has no UTF-8 form: encodeURIComponent rejects it, so the request can never be sent; remove it or write the whole character$/);
  });

  test('a static query value and a query name, each once, in a dry run too', () => {
    const value = action({ parameters: [{ name: 'q', in: 'query', value: LONE }, { name: `n${LONE}`, in: 'query', value: 'x' }] });
    for (const mode of ['send', 'dryRun'] as const) {
      const error = planError(value, { mode });
      assert.deepEqual(error.problems?.map((p) => p.path), [['parameters', 0, 'value'], ['parameters', 1, 'name']]);
      assert.match(error.problems![0].message, /^the static value of query parameter "q" holds a lone surrogate \(\\ud800\)/);
      assert.match(error.problems![1].message, /^the name of query parameter "n\\ud800" /);
    }
  });

  test('the endpoint itself', () => {
    const error = planError(action({ endpoint: `https://api.acme.com/${LONE}` }));
    assert.deepEqual(error.problems?.map((p) => p.path), [['endpoint']]);
    assert.match(error.problems![0].message, /^endpoint holds a lone surrogate/);
  });

  test('a value given for the AI (not in the file): named, with no place in the file', () => {
    const error = planError(pathAction({}), { values: { id: `1${LONE}` } });
    assert.deepEqual(error.problems, [{ path: [], message: error.problems![0].message }]);
    assert.match(error.problems![0].message, /^the value given for path parameter "id" holds a lone surrogate/);
  });

  test("a contact's override and an extra query parameter, and a magic field filled from the contact", () => {
    const config = { contacts: { jane: { email: `j${LONE}@x.com`, pathParams: { id: LONE }, queryParams: { extra: `e${LONE}` } } }, defaultContact: 'jane' };
    const error = planError(action({
      endpoint: 'https://api.acme.com/orders/{id}',
      parameters: [{ name: 'id', in: 'path', required: true }, { name: 'who', in: 'query', value: { magic: 'contact.email' } }],
    }), { config });
    assert.deepEqual(error.problems?.map((p) => p.message.split(' holds')[0]), [
      'the value of path parameter "id" from contact "jane" (pathParams)',
      'the value of query parameter "who" (magic contact.email, from contact "jane")',
      'the value of query parameter "extra" from contact "jane" (queryParams)',
    ]);
  });

  test('a whole surrogate pair is fine (an emoji is encoded)', () => {
    assert.equal(plan(pathAction({ value: '😀' })).url, 'https://api.acme.com/orders/%F0%9F%98%80');
  });
});

describe('unencodable-value', () => {
  test('at the static value, the query name and the endpoint of an action', () => {
    const text = cleanAction({
      endpoint: `https://api.acme.com/orders/{order_id}?x=${LONE}`,
      parameters: [
        { name: 'order_id', in: 'path', description: 'Numeric order ID', required: true, value: `1${LONE}` },
        { name: `q${LONE}`, in: 'query', description: 'Query', value: 'x' },
      ],
    });
    const found = findingsOf(workspaceWith({ [ACTION_ID]: text }), ACTION_ID, 'unencodable-value');
    assert.deepEqual(found.map((f) => [f.severity, f.range]), [
      ['error', rangeOfText(text, '"https://api.acme.com/orders/{order_id}?x=\\ud800"')],
      ['error', rangeOfText(text, '"1\\ud800"')],
      ['error', rangeOfText(text, '"q\\ud800"')],
    ]);
    assert.match(found[1].message, /^the static value of path parameter "order_id" holds a lone surrogate \(\\ud800\)/);
  });

  test("at a contact's override (the name on its key) and identity field in opencx.config.json, environments included", () => {
    const text = pretty({ contacts: { jane: { email: `j${LONE}`, queryParams: { [`k${LONE}`]: 'v' } } }, environments: { dev: { contacts: { bob: { pathParams: { id: LONE } } } } } });
    const found = findingsOf(workspaceWith({ [CONFIG_ID]: text }), CONFIG_ID, 'unencodable-value');
    assert.deepEqual(found.map((f) => f.range), [rangeOfText(text, '"j\\ud800"'), rangeOfText(text, '"k\\ud800"'), rangeOfText(text, '"\\ud800"')]);
  });

  test('nothing on a clean action', () => {
    assert.deepEqual(findingsOf(workspaceWith({ [ACTION_ID]: cleanAction() }), ACTION_ID, 'unencodable-value'), []);
  });
});
