// Context headers (on/off, placeholder values from the injected id generator, locations) and magic fields.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KNOWN_MAGIC_FIELDS } from '../../../server/src/engine/resolve';
import { action, CONFIG_FILE, hasHeader, header, headerLines, ORG_ID, plan, SESSION_ID, TICKET } from './support';

const ON = { contextHeaders: { enabled: true, orgId: ORG_ID }, contacts: { jane: { externalId: 'cus_1', email: 'jane@acme.test' }, anon: {} }, defaultContact: 'jane' };

describe('context headers', () => {
  test('enabled: org id from the config, generated session id and ticket number, external user id; highest precedence', () => {
    assert.deepEqual(headerLines(plan(action(), { config: ON })), [
      'User-Agent: OpenCX [default]',
      `x-opencx-org-id: ${ORG_ID} [context]`,
      `x-opencx-session-id: ${SESSION_ID} [context]`,
      `x-opencx-ticket-number: ${TICKET} [context]`,
      'x-opencx-external-user-id: cus_1 [context]',
    ]);
  });

  test('locations: orgId, enabled, and the contact externalId', () => {
    const planned = plan(action(), { config: ON });
    assert.deepEqual(header(planned, 'x-opencx-org-id').location, { file: CONFIG_FILE, path: ['contextHeaders', 'orgId'] });
    assert.deepEqual(header(planned, 'x-opencx-session-id').location, { file: CONFIG_FILE, path: ['contextHeaders', 'enabled'] });
    assert.deepEqual(header(planned, 'x-opencx-external-user-id').location, { file: CONFIG_FILE, path: ['contacts', 'jane', 'externalId'] });
  });

  test('the note says the values are placeholders, as the Test button sends them', () => {
    assert.ok(plan(action(), { config: ON }).notes.includes(
      "Context headers carry placeholder values, as the dashboard's Test button sends them: x-opencx-session-id and x-opencx-ticket-number are generated for this plan.",
    ));
  });

  test('disabled or absent: none, and no note', () => {
    for (const config of [{ ...ON, contextHeaders: { enabled: false, orgId: ORG_ID } }, { contacts: ON.contacts }]) {
      const planned = plan(action(), { config, contact: 'jane' });
      assert.ok(!planned.headers.some((h) => h.name.startsWith('x-opencx-')));
      assert.ok(!planned.notes.some((n) => n.includes('Context headers')));
    }
  });

  test('enabled without orgId: a placeholder org id, with a note', () => {
    const planned = plan(action(), { config: { contextHeaders: { enabled: true } } });
    assert.equal(header(planned, 'x-opencx-org-id').value, '00000000-0000-0000-0000-000000000000');
    assert.ok(planned.notes.includes('Context headers are enabled but contextHeaders.orgId is not set: x-opencx-org-id shows a placeholder.'));
  });

  test('a fresh generator gives fresh ids (no fixed ids in production)', () => {
    const a = plan(action(), { config: ON, ids: undefined });
    const b = plan(action(), { config: ON, ids: undefined });
    assert.match(header(a, 'x-opencx-session-id').value, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(header(a, 'x-opencx-ticket-number').value, /^\d+$/);
    assert.notEqual(header(a, 'x-opencx-session-id').value, header(b, 'x-opencx-session-id').value);
  });
});

describe('magic fields', () => {
  const MAGIC = action({
    headers: { 'X-Email': { magic: 'contact.email' }, 'X-Name': { magic: 'contact.name' }, 'X-Conv': { magic: 'conversation.id' }, 'X-Odd': { magic: 'contact.shoeSize' } },
    parameters: [{ name: 'lang', in: 'query', value: { magic: 'conversation.language' } }, { name: 'who', in: 'query', value: { magic: 'contact.externalId' } }],
  });

  test('header values: the contact value when the config has one, else the sample; the magic name is kept', () => {
    const planned = plan(MAGIC, { config: ON });
    assert.deepEqual(header(planned, 'X-Email'), { name: 'X-Email', value: 'jane@acme.test', source: 'action', shadowed: [], magic: 'contact.email', location: { file: '/w/actions/a.action.json', path: ['headers', 'X-Email'] } });
    assert.equal(header(planned, 'X-Name').value, 'Sample Contact', 'a sample that names nobody in particular');
    assert.equal(header(planned, 'X-Conv').value, SESSION_ID, 'conversation.id is the session id of the plan');
  });

  test('notes say OpenCX fills them from the conversation and what the plan shows', () => {
    const notes = plan(MAGIC, { config: ON }).notes;
    assert.ok(notes.includes('Header X-Email is the magic field "contact.email" (the contact\'s e-mail address), filled by OpenCX from the conversation; the plan shows the email of contact "jane".'));
    assert.ok(notes.includes('Header X-Name is the magic field "contact.name" (the contact\'s name), filled by OpenCX from the conversation; the plan shows a sample value.'));
  });

  test('an unknown magic field gets a clear placeholder and a note', () => {
    const planned = plan(MAGIC, { config: ON });
    assert.equal(header(planned, 'X-Odd').value, '<magic:contact.shoeSize>');
    assert.ok(planned.notes.includes('Header X-Odd is the magic field "contact.shoeSize", which this extension does not know: OpenCX fills it from the conversation if it exists; the plan shows a placeholder.'));
  });

  test('parameter values: magic query parameters are filled; contact.externalId is empty for an anonymous contact', () => {
    assert.equal(plan(MAGIC, { config: ON }).url, 'https://api.acme.com/orders?lang=en&who=cus_1');
    const anon = plan(MAGIC, { config: ON, contact: 'anon' });
    assert.equal(anon.url, 'https://api.acme.com/orders?lang=en&who=');
    assert.ok(anon.notes.includes('Query parameter who is the magic field "contact.externalId" (the contact\'s external ID), filled by OpenCX from the conversation; the plan shows nothing: the contact is anonymous, so OpenCX has no external ID to fill in.'));
  });

  test('the table of known fields', () => {
    assert.deepEqual(Object.keys(KNOWN_MAGIC_FIELDS), ['contact.email', 'contact.name', 'contact.phone', 'contact.externalId', 'conversation.id', 'conversation.language']);
  });

  test('a magic header shadowed by a global variable: the winner is not magic', () => {
    const planned = plan(MAGIC, { config: { ...ON, globalVariables: { 'x-email': 'fixed@acme.test' } } });
    assert.equal(header(planned, 'x-email').magic, undefined);
    assert.equal(header(planned, 'x-email').shadowed[0].value, 'jane@acme.test');
    assert.ok(!hasHeader(plan(action(), { config: ON }), 'X-Email'));
  });
});
