// What cannot be planned (typed errors, never a half-resolved plan) and the notes about the organisation.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionModelOf } from '../../../server/src/engine/model/action';
import { actionProblems, resolveRequest } from '../../../server/src/engine/resolve';
import { action, ACTION_FILE, org, plan, planError } from './support';

describe('actions that cannot be planned', () => {
  const cases: [Record<string, unknown>, { path: (string | number)[]; message: string }[]][] = [
    [{ method: undefined }, [{ path: ['method'], message: 'method is missing' }]],
    [{ method: 'FETCH' }, [{ path: ['method'], message: 'method "FETCH" is not one of GET, POST, PUT, PATCH, DELETE' }]],
    [{ endpoint: undefined }, [{ path: ['endpoint'], message: 'endpoint is missing' }]],
    [{ endpoint: '/orders/{id}' }, [{ path: ['endpoint'], message: 'endpoint must be a full absolute https:// URL such as "https://api.acme.com/orders/{order_id}"' }]],
    [{ endpoint: 'ftp://acme.com' }, [{ path: ['endpoint'], message: 'endpoint must be a full absolute https:// URL such as "https://api.acme.com/orders/{order_id}"' }]],
  ];
  for (const [changes, problems] of cases) {
    test(JSON.stringify(changes), () => {
      const error = planError(action(changes));
      assert.equal(error.code, 'invalid-action');
      assert.deepEqual(error.problems, problems);
      assert.equal(error.message, `the action cannot be planned: ${problems.map((p) => p.message).join('; ')}`);
    });
  }

  test('both method and endpoint at once', () => {
    assert.equal(actionProblems(actionModelOf(action({ method: 1, endpoint: '' }))!, action({ method: 1 })).length, 2);
  });

  test('a value that is not an object', () => {
    const result = resolveRequest({ action: { file: ACTION_FILE, value: [1] } });
    assert.deepEqual(result, { ok: false, error: { code: 'invalid-action', message: 'the action cannot be planned: the action file is not a JSON object', problems: [{ path: [], message: 'the action file is not a JSON object' }] } });
  });

  test('an http:// endpoint is planned, with a note that OpenCX never calls it (the executor refuses to send it)', () => {
    const planned = plan(action({ endpoint: 'http://api.acme.com/x' }));
    assert.equal(planned.url, 'http://api.acme.com/x');
    assert.ok(planned.notes.includes('The endpoint uses http://: OpenCX never calls http:// endpoints, so a run is refused (except to a loopback host when http is allowed for local development).'), planned.notes.join('\n'));
  });

  test('a https endpoint with placeholders in the host is fine', () => {
    const planned = plan(action({ endpoint: 'https://{tenant}.acme.com/x', parameters: [{ name: 'tenant', in: 'path', required: true }] }), { values: { tenant: 'eu' } });
    assert.equal(planned.url, 'https://eu.acme.com/x');
  });
});

describe('notes about the organisation', () => {
  test('without opencx.config.json', () => {
    assert.deepEqual(plan(action()).notes, [
      'No opencx.config.json found: planned without global variables, contacts or context headers.',
      'No contact chosen: planned for an anonymous visitor with no widget-passed values.',
    ]);
  });

  test('with the last valid config, the first note says so', () => {
    const result = resolveRequest({ action: { file: ACTION_FILE, value: action() }, org: org({ contacts: { a: {} }, defaultContact: 'a' }, { usingLastValid: true }) });
    assert.ok(result.ok);
    assert.deepEqual(result.value.notes, ['Using the last valid opencx.config.json: the current text has errors.']);
  });

  test('secrets: listed as references, and the unset ones named when the caller says which are set', () => {
    const config = { globalVariables: { Authorization: 'Bearer ${secret:TOKEN}', 'X-Key': '${secret:KEY}' }, contacts: { a: {} }, defaultContact: 'a' };
    assert.deepEqual(plan(action(), { config, isSecretSet: (name) => name === 'TOKEN' }).notes, [
      'Secrets stay references in this plan and are filled in only when the request is sent: TOKEN, KEY.',
      'Secret KEY is not set, so this request cannot be sent yet.',
    ]);
  });

  test('secrets in the URL and the body count too', () => {
    const config = { contacts: { a: { queryParams: { key: '${secret:Q}' }, bodyParams: { pin: '${secret:PIN}' } } }, defaultContact: 'a' };
    const planned = plan(action({ method: 'POST', body: { type: 'object', properties: {} } }), { config });
    assert.equal(planned.url, 'https://api.acme.com/orders?key=${secret:Q}');
    assert.ok(planned.notes.includes('Secrets stay references in this plan and are filled in only when the request is sent: Q, PIN.'));
  });
});

describe('names that are also Object.prototype properties', () => {
  test('a contact, environment or parameter named "constructor" or "toString" is an ordinary name', () => {
    const config = { contacts: { jane: {} }, environments: { staging: {} } };
    assert.equal(planError(action(), { config, contact: 'toString' }).code, 'unknown-contact');
    assert.equal(planError(action(), { config, environment: 'constructor' }).code, 'unknown-environment');
    const odd = action({ endpoint: 'https://a.test/{constructor}', parameters: [{ name: 'constructor', in: 'path', required: true }] });
    assert.equal(plan(odd, { config, contact: 'jane', mode: 'dryRun' }).url, 'https://a.test/{constructor}');
  });
});
