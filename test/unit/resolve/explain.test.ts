// The Markdown the hovers show: one header's layers (winner, shadowed struck through, links, masked literals),
// all headers by source, who is offered an action, one segment, and a secret reference (never its value).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configModelOf, effectiveSettings } from '../../../server/src/engine/model/config';
import type { SourceLocation } from '../../../server/src/engine/model/plan';
import {
  explainHeader, fixedIds, PRECEDENCE_TEXT, renderAudience, renderHeaderExplanation, renderHeadersOverview, renderSecretExplanation,
  renderSegmentExplanation, resolveHeaders, type HeaderResolution,
} from '../../../server/src/engine/resolve';

const CONFIG = {
  globalVariables: { authorization: 'Bearer ${secret:TOKEN}' },
  contextHeaders: { enabled: true, orgId: '3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71' },
  segments: ['vip', 'customers'],
  contacts: { jane: { segments: ['vip'], externalId: 'cus_1', headers: { 'X-Tier': 'gold' } }, bob: { segments: ['customers'], externalId: 'c2' }, anon: {} },
  environments: { staging: { globalVariables: { 'X-Region': 'eu' } } },
  defaultContact: 'jane',
};
const ACTION = { method: 'GET', endpoint: 'https://x.test', headers: { Authorization: 'Bearer abc123', 'X-Email': { magic: 'contact.email' }, 'x-tier': 'silver' } };

function resolution(): HeaderResolution {
  const result = resolveHeaders({
    action: { file: 'file:///w/a.action.json', value: ACTION },
    org: { file: 'file:///w/opencx.config.json', config: configModelOf(CONFIG)!, raw: CONFIG },
    environment: 'staging',
    ids: fixedIds(),
  });
  assert.ok(result.ok);
  return result.value;
}

const link = (l: SourceLocation) => `${l.file}#${l.path.join('/')}`;

describe('one header', () => {
  test('the explanation: winner and shadowed layers with their spelling and location', () => {
    assert.deepEqual(explainHeader(resolution(), 'AUTHORIZATION'), {
      name: 'AUTHORIZATION',
      environment: 'staging',
      contact: 'jane',
      sent: { name: 'authorization', value: 'Bearer ${secret:TOKEN}', source: 'globalVariable', location: { file: 'file:///w/opencx.config.json', path: ['globalVariables', 'authorization'] } },
      shadowed: [{ source: 'action', name: 'Authorization', value: 'Bearer abc123', location: { file: 'file:///w/a.action.json', path: ['headers', 'Authorization'] } }],
    });
  });

  test('Markdown: the value sent, the shadowed value struck through and masked, links from linkFor', () => {
    assert.equal(renderHeaderExplanation(explainHeader(resolution(), 'AUTHORIZATION'), link), [
      '**Header `AUTHORIZATION`** · environment `staging`, contact `jane`',
      '',
      'Sent: `Bearer ${secret:TOKEN}` from the global variable `authorization` ([opencx.config.json › globalVariables.authorization](file:///w/opencx.config.json#globalVariables/authorization))',
      '',
      'Shadowed (written, never sent):',
      '- ~~`Bearer ••••••`~~ from the action header `Authorization` ([a.action.json › headers.Authorization](file:///w/a.action.json#headers/Authorization))',
      '',
      PRECEDENCE_TEXT,
    ].join('\n'));
  });

  test('the secret literal never appears', () => {
    assert.ok(!renderHeaderExplanation(explainHeader(resolution(), 'authorization'), link).includes('abc123'));
  });

  test('a magic field says OpenCX fills it; without linkFor the location is plain text', () => {
    assert.equal(
      renderHeaderExplanation(explainHeader(resolution(), 'x-email')).split('\n')[2],
      'Sent: `sample.contact@example.com` from the action header `X-Email`, the magic field `contact.email` filled by OpenCX from the conversation (sample value shown) (a.action.json › headers.X-Email)',
    );
  });

  test('a header no layer defines', () => {
    assert.equal(
      renderHeaderExplanation(explainHeader(resolution(), 'X-Nope')),
      `**Header \`X-Nope\`** · environment \`staging\`, contact \`jane\`\n\nNot sent: no header source defines it.\n\n${PRECEDENCE_TEXT}`,
    );
  });

  test('the precedence sentence states the assumption', () => {
    assert.equal(PRECEDENCE_TEXT, 'Precedence (our assumption; OpenCX does not document it): default < action header < global variable < contact (widget) header < context header. Names compare case-insensitively; the value sent keeps the spelling of its own layer.');
  });
});

describe('all headers', () => {
  test('grouped by source, with User-Agent, global variables, contact and context headers, shadowed struck through', () => {
    assert.equal(renderHeadersOverview(resolution(), link), [
      '**Headers this action is sent with** · environment `staging`, contact `jane`',
      '',
      '9 headers sent; `authorization` from the global variable and `X-Tier` from the contact (widget) header win over a lower layer. Higher wins: default < action header < global variable < contact (widget) header < context header.',
      '',
      '**default**',
      '- `User-Agent: OpenCX`',
      '',
      '**action header**',
      '- `X-Email: sample.contact@example.com`, magic field `contact.email` ([a.action.json › headers.X-Email](file:///w/a.action.json#headers/X-Email))',
      '',
      '**global variable**',
      '- `authorization: Bearer ${secret:TOKEN}` ([opencx.config.json › globalVariables.authorization](file:///w/opencx.config.json#globalVariables/authorization)); replaces ~~`Bearer ••••••`~~ (action header)',
      '- `X-Region: eu` ([opencx.config.json › environments.staging.globalVariables.X-Region](file:///w/opencx.config.json#environments/staging/globalVariables/X-Region))',
      '',
      '**contact (widget) header**',
      '- `X-Tier: gold` ([opencx.config.json › contacts.jane.headers.X-Tier](file:///w/opencx.config.json#contacts/jane/headers/X-Tier)); replaces ~~`silver`~~ (action header)',
      '',
      '**context header**',
      '- `x-opencx-org-id: 3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71` ([opencx.config.json › contextHeaders.orgId](file:///w/opencx.config.json#contextHeaders/orgId))',
      '- `x-opencx-session-id: 00000000-0000-4000-8000-000000000000` ([opencx.config.json › contextHeaders.enabled](file:///w/opencx.config.json#contextHeaders/enabled))',
      '- `x-opencx-ticket-number: 1234` ([opencx.config.json › contextHeaders.enabled](file:///w/opencx.config.json#contextHeaders/enabled))',
      '- `x-opencx-external-user-id: cus_1` ([opencx.config.json › contacts.jane.externalId](file:///w/opencx.config.json#contacts/jane/externalId))',
      '',
      PRECEDENCE_TEXT,
    ].join('\n'));
  });

  test('values with backticks get a longer fence; a link target with parentheses is escaped', () => {
    const view = { headers: [{ name: 'X-Q', value: 'a`b', source: 'action' as const, shadowed: [], location: { file: '/w/a (1).action.json', path: ['headers', 'X-Q'] } }] };
    const text = renderHeadersOverview(view, (l) => `file://${l.file}`);
    assert.ok(text.includes('- ``X-Q: a`b`` ([a (1).action.json › headers.X-Q](file:///w/a%20%281%29.action.json))'), text);
    assert.ok(text.startsWith('**Headers this action is sent with** · top-level settings, an anonymous visitor'));
  });
});

describe('segments', () => {
  const settings = effectiveSettings(configModelOf(CONFIG)!, 'staging');

  test('who is offered a restricted action', () => {
    assert.equal(renderAudience(['vip'], settings, 'staging'), [
      '**Who is offered this action** · environment `staging`',
      '',
      'Restricted to `vip`: a contact must be in at least one of them, and anonymous contacts (no `externalId`) only get unrestricted actions.',
      '',
      '- `jane` sees it: in vip',
      '- `bob` does **not** see it: only in customers',
      '- `anon` does **not** see it: anonymous (no externalId), so only unrestricted actions',
    ].join('\n'));
  });

  test('an empty or absent restriction: everyone', () => {
    const text = renderAudience([], settings);
    assert.ok(text.includes('`restrictedToSegments` is empty: every contact is offered this action, anonymous visitors included.'));
    assert.ok(text.includes('- `anon` sees it: every contact sees unrestricted actions'));
    assert.ok(renderAudience(undefined, settings).includes('No `restrictedToSegments`: every contact is offered this action'));
  });

  test('one segment name: defined or not, its contacts, then who sees the action', () => {
    assert.equal(renderSegmentExplanation('vip', ['vip', 'staff'], settings).split('\n').slice(0, 3).join('\n'), [
      '**Segment `vip`**',
      '',
      'Defined in opencx.config.json `segments`. Test contacts in it: `jane`.',
    ].join('\n'));
    assert.equal(renderSegmentExplanation('staff', ['staff'], settings).split('\n')[2], '**Not** among the segments in opencx.config.json (`vip`, `customers`). Test contacts in it: none.');
    const noList = effectiveSettings(configModelOf({ contacts: {} })!, undefined);
    assert.equal(renderSegmentExplanation('vip', ['vip'], noList).split('\n')[2], 'opencx.config.json lists no `segments`, so the name cannot be checked. Test contacts in it: none.');
    assert.equal(renderSegmentExplanation('vip', ['vip'], noList).split('\n').at(-1), 'No test contacts in opencx.config.json.');
  });
});

describe('secrets', () => {
  test('set: says so, never the value', () => {
    assert.equal(renderSecretExplanation('TOKEN', true), '**Secret `TOKEN`**: set. The value is never shown; it is filled in only when the request is sent.\n\nChange it with *OpenCX: Set Secret* in VS Code, or the environment variable `OPENCX_SECRET_TOKEN` in a terminal.');
  });

  test('not set: says how to set it', () => {
    assert.equal(renderSecretExplanation('TOKEN', false), '**Secret `TOKEN`**: **not set**. A plan shows the reference, but the request cannot be sent until it has a value.\n\nSet it with *OpenCX: Set Secret* in VS Code, or the environment variable `OPENCX_SECRET_TOKEN` in a terminal.');
  });
});
