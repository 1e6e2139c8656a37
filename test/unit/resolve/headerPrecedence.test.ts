// The header matrix: every pair of layers that can write the same header, in different case. The higher layer
// (docs/assumptions.md: default < action < global variable < contact < context) wins, keeps its own spelling, and
// lists the lower one as shadowed with its value, source, spelling and location.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HeaderSource, SourceLocation } from '../../../server/src/engine/model/plan';
import { ACTION_FILE, action, CONFIG_FILE, header, headerLines, headers, ORG_ID, plan } from './support';

type Layer = HeaderSource;

interface Written {
  actionHeaders: Record<string, string>;
  config: Record<string, unknown>;
}

const empty = (): Written => ({
  actionHeaders: {},
  config: { contacts: { jane: { segments: [], externalId: 'cus_1', headers: {} } }, defaultContact: 'jane', globalVariables: {} },
});

/** Writes `name: value` in one layer and returns where that layer's value lives. */
function write(w: Written, layer: Layer, name: string, value: string): SourceLocation | undefined {
  const config = w.config as { globalVariables: Record<string, string>; contacts: { jane: { headers: Record<string, string> } } };
  switch (layer) {
    case 'default': return undefined; // User-Agent: OpenCX is always there
    case 'action': w.actionHeaders[name] = value; return { file: ACTION_FILE, path: ['headers', name] };
    case 'globalVariable': config.globalVariables[name] = value; return { file: CONFIG_FILE, path: ['globalVariables', name] };
    case 'contact': config.contacts.jane.headers[name] = value; return { file: CONFIG_FILE, path: ['contacts', 'jane', 'headers', name] };
    case 'context': w.config.contextHeaders = { enabled: true, orgId: ORG_ID }; return { file: CONFIG_FILE, path: ['contextHeaders', 'orgId'] };
  }
}

/** The header both layers write, spelled differently by each; fixed names for the two fixed layers. */
function spellings(low: Layer, high: Layer): { low: string; high: string; lowValue: string; highValue: string } {
  if (low === 'default') return { low: 'User-Agent', high: 'user-agent', lowValue: 'OpenCX', highValue: `ua-from-${high}` };
  if (high === 'context') return { low: 'X-OpenCX-Org-Id', high: 'x-opencx-org-id', lowValue: `org-from-${low}`, highValue: ORG_ID };
  return { low: 'x-shared', high: 'X-SHARED', lowValue: `from-${low}`, highValue: `from-${high}` };
}

const PAIRS: [Layer, Layer][] = [
  ['default', 'action'], ['default', 'globalVariable'], ['default', 'contact'],
  ['action', 'globalVariable'], ['action', 'contact'], ['action', 'context'],
  ['globalVariable', 'contact'], ['globalVariable', 'context'],
  ['contact', 'context'],
];

describe('header precedence: each pair of layers, different case', () => {
  for (const [low, high] of PAIRS) {
    test(`${high} wins over ${low}`, () => {
      const w = empty();
      const names = spellings(low, high);
      const lowAt = write(w, low, names.low, names.lowValue);
      const highAt = write(w, high, names.high, names.highValue);
      const planned = plan(action({ headers: w.actionHeaders }), { config: w.config });
      const sent = header(planned, names.high);
      assert.equal(sent.name, names.high, 'the winner keeps its own spelling');
      assert.equal(sent.value, names.highValue);
      assert.equal(sent.source, high);
      assert.deepEqual(sent.location, highAt);
      assert.deepEqual(sent.shadowed, [{ source: low, name: names.low, value: names.lowValue, ...(lowAt ? { location: lowAt } : {}) }]);
      assert.equal(planned.headers.filter((h) => h.name.toLowerCase() === names.high.toLowerCase()).length, 1, 'one header per name');
    });
  }

  test('three layers: shadowed values are listed highest first', () => {
    const w = empty();
    write(w, 'action', 'Authorization', 'Bearer from-action');
    write(w, 'globalVariable', 'AUTHORIZATION', 'Bearer ${secret:TOKEN}');
    write(w, 'contact', 'authorization', 'Bearer from-widget');
    const sent = header(plan(action({ headers: w.actionHeaders }), { config: w.config }), 'authorization');
    assert.equal(sent.name, 'authorization');
    assert.deepEqual(sent.shadowed.map((s) => `${s.source}:${s.name}:${s.value}`), [
      'globalVariable:AUTHORIZATION:Bearer ${secret:TOKEN}',
      'action:Authorization:Bearer from-action',
    ]);
  });

  test('the same header twice in one layer in different case: the later one wins, the earlier is shadowed', () => {
    const sent = header(plan(action({ headers: { Accept: 'text/html', accept: 'application/json' } })), 'accept');
    assert.equal(sent.name, 'accept');
    assert.deepEqual(sent.shadowed, [{ source: 'action', name: 'Accept', value: 'text/html', location: { file: ACTION_FILE, path: ['headers', 'Accept'] } }]);
  });

  test('headers keep the place of their first appearance, User-Agent first', () => {
    const w = empty();
    write(w, 'action', 'Accept', 'application/json');
    write(w, 'action', 'X-Trace', 'on');
    write(w, 'globalVariable', 'accept', 'text/plain');
    assert.deepEqual(headerLines(plan(action({ headers: w.actionHeaders }), { config: w.config })), [
      'User-Agent: OpenCX [default]',
      'accept: text/plain [globalVariable]',
      'X-Trace: on [action]',
    ]);
  });

  test('secret references stay references in winners and shadowed values', () => {
    const w = empty();
    write(w, 'action', 'X-Api-Key', '${secret:OLD_KEY}');
    write(w, 'globalVariable', 'x-api-key', '${secret:NEW_KEY}');
    const sent = header(plan(action({ headers: w.actionHeaders }), { config: w.config }), 'x-api-key');
    assert.equal(sent.value, '${secret:NEW_KEY}');
    assert.equal(sent.shadowed[0].value, '${secret:OLD_KEY}');
  });
});

describe('User-Agent', () => {
  test('OpenCX by default, with no location and no note', () => {
    const planned = plan(action());
    assert.deepEqual(header(planned, 'User-Agent'), { name: 'User-Agent', value: 'OpenCX', source: 'default', shadowed: [] });
    assert.ok(!planned.notes.some((n) => n.includes('User-Agent')));
  });

  test('an override is flagged in the notes, naming the layer and its location', () => {
    const planned = plan(action(), { config: { globalVariables: { 'user-agent': 'AcmeBot/1.0' } } });
    assert.ok(planned.notes.includes(
      'User-Agent: OpenCX is replaced by "AcmeBot/1.0" from the global variable (opencx.config.json › globalVariables.user-agent); we assume a later header source may override it (OpenCX does not document this).',
    ), planned.notes.join('\n'));
  });

  test('context headers never touch User-Agent', () => {
    const planned = plan(action(), { config: { contextHeaders: { enabled: true, orgId: ORG_ID } } });
    assert.equal(header(planned, 'User-Agent').source, 'default');
  });
});

describe('resolveHeaders', () => {
  test('gives the same headers as the plan, without needing a valid endpoint', () => {
    const resolution = headers(action({ endpoint: 'not a url', headers: { Accept: 'application/json' } }), { config: { globalVariables: { Accept: 'text/plain' } } });
    assert.deepEqual(headerLines(resolution), ['User-Agent: OpenCX [default]', 'Accept: text/plain [globalVariable]']);
    assert.equal(resolution.environment, undefined);
    assert.equal(resolution.contact, undefined);
  });
});
