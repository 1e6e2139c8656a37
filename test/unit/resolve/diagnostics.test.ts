// The model diagnostics: header-shadowed, unknown-secret and context-header-conflict, with exact ranges and
// related locations into opencx.config.json.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JsonDocument } from '../../../server/src/engine/document/jsonDocument';
import { configModelOf, settingLocation } from '../../../server/src/engine/model/config';
import {
  contextHeaderConflictFindings, fixedIds, headerShadowedFindings, resolveHeaders, unknownSecretFindings, type DiagnosticFile,
} from '../../../server/src/engine/resolve';
import { rangeOfText } from './support';

const ACTION_FILE = '/w/a.action.json';
const CONFIG_FILE = '/w/opencx.config.json';

const ACTION_TEXT = `{
  "name": "Look up order",
  "method": "GET",
  "endpoint": "https://api.acme.com/orders",
  "headers": {
    "Authorization": "Bearer \${secret:ACTION_TOKEN}",
    "X-Tier": "bronze",
    "accept": "text/html",
    "Accept": "application/json",
    "X-OpenCX-Org-Id": "mine"
  }
}`;

const CONFIG_TEXT = `{
  "globalVariables": { "authorization": "Bearer \${secret:TOKEN}" },
  "contextHeaders": { "enabled": true, "orgId": "3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71" },
  "contacts": { "jane": { "externalId": "c1", "headers": { "x-tier": "gold" } } },
  "environments": { "staging": { "contextHeaders": { "enabled": false } } },
  "defaultContact": "jane"
}`;

const action: DiagnosticFile = { file: ACTION_FILE, document: new JsonDocument(ACTION_TEXT) };
const config: DiagnosticFile = { file: CONFIG_FILE, document: new JsonDocument(CONFIG_TEXT) };

function resolvedHeaders(environment?: string) {
  const raw = config.document.value;
  const result = resolveHeaders({
    action: { file: ACTION_FILE, value: action.document.value },
    org: { file: CONFIG_FILE, config: configModelOf(raw)!, raw },
    environment,
    ids: fixedIds(),
  });
  assert.ok(result.ok);
  return result.value;
}

describe('header-shadowed', () => {
  const findings = headerShadowedFindings(action, resolvedHeaders().headers, config, 'jane');

  test('one warning per action header that is never sent, on its key, in file order', () => {
    assert.deepEqual(findings.map((f) => ({ code: f.code, severity: f.severity, range: f.range, message: f.message })), [
      {
        code: 'header-shadowed', severity: 'warning', range: rangeOfText(ACTION_TEXT, '"Authorization"'),
        message: 'header "Authorization" is never sent as written: the global variable "authorization" (opencx.config.json › globalVariables.authorization) replaces it; header names compare case-insensitively',
      },
      {
        code: 'header-shadowed', severity: 'warning', range: rangeOfText(ACTION_TEXT, '"X-Tier"'),
        message: 'header "X-Tier" is never sent as written: the contact (widget) header "x-tier" that contact "jane" passes (opencx.config.json › contacts.jane.headers.x-tier) replaces it; header names compare case-insensitively',
      },
      {
        code: 'header-shadowed', severity: 'warning', range: rangeOfText(ACTION_TEXT, '"accept"'),
        message: 'header "accept" is never sent as written: the action header "Accept" (a.action.json › headers.Accept) replaces it; header names compare case-insensitively',
      },
    ]);
    assert.equal(findings.length, 3, 'the x-opencx-* header is left to context-header-conflict');
  });

  test('related: the winner, in opencx.config.json or in the action itself', () => {
    const byHeader = Object.fromEntries(findings.map((f) => [(f.data as { header: string }).header, f.related]));
    assert.deepEqual(byHeader.Authorization, [{ file: CONFIG_FILE, range: rangeOfText(CONFIG_TEXT, '"authorization"'), message: 'global variable "authorization" sent instead' }]);
    assert.deepEqual(byHeader['X-Tier'], [{ file: CONFIG_FILE, range: rangeOfText(CONFIG_TEXT, '"x-tier"'), message: 'contact (widget) header "x-tier" sent instead' }]);
    assert.deepEqual(byHeader.accept, [{ file: ACTION_FILE, range: rangeOfText(ACTION_TEXT, '"Accept"'), message: 'action header "Accept" sent instead' }]);
  });

  test('data names the header and the winner for a quick fix', () => {
    const auth = findings.find((f) => (f.data as { header: string }).header === 'Authorization')!;
    assert.deepEqual(auth.data, { header: 'Authorization', winner: { source: 'globalVariable', name: 'authorization', location: { file: CONFIG_FILE, path: ['globalVariables', 'authorization'] } } });
  });

  test('no related location without the config document; nothing when nothing is shadowed', () => {
    const withoutConfig = headerShadowedFindings(action, resolvedHeaders().headers);
    assert.deepEqual(withoutConfig.find((f) => (f.data as { header: string }).header === 'Authorization')?.related, []);
    const clean = `{ "method": "GET", "endpoint": "https://a.test", "headers": { "Accept": "a" } }`;
    const result = resolveHeaders({ action: { file: ACTION_FILE, value: JSON.parse(clean) } });
    assert.ok(result.ok);
    assert.deepEqual(headerShadowedFindings({ file: ACTION_FILE, document: new JsonDocument(clean) }, result.value.headers), []);
  });
});

describe('header-shadowed per environment', () => {
  test('where context headers are off, the action\'s x-opencx-* header is sent and is not shadowed', () => {
    const staging = resolvedHeaders('staging');
    const org = staging.headers.find((h) => h.name.toLowerCase() === 'x-opencx-org-id');
    assert.equal(org?.source, 'action');
    assert.equal(headerShadowedFindings(action, staging.headers, config, 'jane').length, 3);
  });
});

describe('context-header-conflict', () => {
  test('enabled: OpenCX sends its own value; related: where the config enables them', () => {
    const enabledAt = { file: CONFIG_FILE, path: settingLocation(config.document.value, undefined, ['contextHeaders', 'enabled'])! };
    assert.deepEqual(contextHeaderConflictFindings(action, true, config, enabledAt), [{
      code: 'context-header-conflict',
      severity: 'warning',
      message: '"X-OpenCX-Org-Id" is an OpenCX context header: context headers are enabled, so OpenCX sends its own value and this one is never sent; remove it',
      range: rangeOfText(ACTION_TEXT, '"X-OpenCX-Org-Id"'),
      related: [{ file: CONFIG_FILE, range: rangeOfText(CONFIG_TEXT, '"enabled"'), message: 'context headers are enabled here' }],
      data: { header: 'X-OpenCX-Org-Id', contextHeadersEnabled: true },
    }]);
  });

  test('disabled: reserved, it collides once support enables them', () => {
    const [finding] = contextHeaderConflictFindings(action, false);
    assert.equal(finding.message, '"X-OpenCX-Org-Id" is reserved for OpenCX\'s context headers: once support enables them, OpenCX\'s value replaces this one; use another header name');
    assert.deepEqual(finding.related, []);
  });

  test('no headers object, or no x-opencx-* header: nothing', () => {
    assert.deepEqual(contextHeaderConflictFindings({ file: ACTION_FILE, document: new JsonDocument('{ "headers": [] }') }, true), []);
    assert.deepEqual(contextHeaderConflictFindings({ file: ACTION_FILE, document: new JsonDocument('{ "headers": { "x-opencx": "a" } }') }, true), []);
  });
});

describe('unknown-secret', () => {
  test('an info on the reference itself, in an action and in the config', () => {
    assert.deepEqual(unknownSecretFindings(action.document, () => false), [{
      code: 'unknown-secret',
      severity: 'info',
      message: 'secret "ACTION_TOKEN" is not set: set it with OpenCX: Set Secret (in a terminal: OPENCX_SECRET_ACTION_TOKEN); until then a run cannot send headers.Authorization',
      range: rangeOfText(ACTION_TEXT, '${secret:ACTION_TOKEN}'),
      data: { secret: 'ACTION_TOKEN' },
    }]);
    assert.deepEqual(unknownSecretFindings(config.document, (n) => n !== 'TOKEN').map((f) => f.range), [rangeOfText(CONFIG_TEXT, '${secret:TOKEN}')]);
  });

  test('known secrets, keys and other text give nothing', () => {
    assert.deepEqual(unknownSecretFindings(action.document, () => true), []);
    assert.deepEqual(unknownSecretFindings(new JsonDocument('{ "${secret:K}": "x", "a": ["$secret:K", "{secret:K}"] }'), () => false), []);
  });

  test('several references in one string and in arrays; escapes before a reference keep the range exact', () => {
    const text = '{ "a": ["x\\"y ${secret:ONE}-${secret:TWO}"] }';
    const findings = unknownSecretFindings(new JsonDocument(text), () => false);
    assert.deepEqual(findings.map((f) => f.range), [rangeOfText(text, '${secret:ONE}'), rangeOfText(text, '${secret:TWO}')]);
    assert.match(findings[0].message, /until then a run cannot send a\[0\]$/);
  });
});
