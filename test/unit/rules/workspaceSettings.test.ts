// What turns findings down or off: `lint.allow` in an action and the rule settings (`workspace.configure`); a rule
// that throws; and files no rule should choke on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JsonDocument } from '../../../server/src/engine/document/jsonDocument';
import { actionModelOf } from '../../../server/src/engine/model/action';
import { fixesFor } from '../../../server/src/engine/fixes';
import { checkAction } from '../../../server/src/engine/workspace/checks';
import { rangeOfText, toRange } from '../helpers';
import { ACTION_ID, CONFIG_ID, OTHER_ID, cleanAction, findingsOf, pretty, workspaceWith } from './workspaceHelpers';

const CONFIG = pretty({ segments: ['vip', 'staff'] });
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('lint.allow', () => {
  test('a bare code silences the rule for this action', () => {
    const workspace = workspaceWith({ [ACTION_ID]: cleanAction({ restrictedToSegments: undefined, method: 'DELETE', lint: { allow: ['missing-segment-rule'] } }) });
    assert.deepEqual(findingsOf(workspace, ACTION_ID), []);
  });

  test('"code:target" silences one finding, the target compared case-insensitively; the others stay', () => {
    const text = cleanAction({ restrictedToSegments: ['vpi', 'zzz'], lint: { allow: ['unknown-segment:VPI'] } });
    const workspace = workspaceWith({ [CONFIG_ID]: CONFIG, [ACTION_ID]: text });
    assert.deepEqual(findingsOf(workspace, ACTION_ID).map((f) => f.range), [rangeOfText(text, '"zzz"')]);
  });

  test('a target that matches nothing keeps the finding', () => {
    const text = cleanAction({ restrictedToSegments: ['vpi'], lint: { allow: ['unknown-segment:vip'] } });
    const workspace = workspaceWith({ [CONFIG_ID]: CONFIG, [ACTION_ID]: text });
    assert.deepEqual(codes(findingsOf(workspace, ACTION_ID)), ['unknown-segment']);
  });

  test('a target on a finding without one (a whole-action rule) keeps the finding', () => {
    const text = cleanAction({ channels: [], lint: { allow: ['no-channel:widget'] } });
    assert.deepEqual(codes(findingsOf(workspaceWith({ [ACTION_ID]: text }), ACTION_ID)), ['no-channel']);
  });

  test('it silences the finding on its own action only: the other duplicate keeps its findings', () => {
    // Two copies of one action share a name and a description: both cross-file rules fire, and both are allowed here.
    const allow = ['duplicate-action-name:look up ORDER', 'description-overlap:Look Up Order'];
    const workspace = workspaceWith({ [ACTION_ID]: cleanAction({ lint: { allow } }), [OTHER_ID]: cleanAction() });
    assert.deepEqual(findingsOf(workspace, ACTION_ID), []);
    assert.deepEqual(codes(findingsOf(workspace, OTHER_ID)), ['duplicate-action-name', 'description-overlap']);
  });

  test('the path parameter name is the target of path-parameter-mismatch', () => {
    const text = cleanAction({ endpoint: 'https://api.acme.com/orders/{order_id}/items/{item_id}/{line}', lint: { allow: ['path-parameter-mismatch:Item_Id'] } });
    const findings = findingsOf(workspaceWith({ [ACTION_ID]: text }), ACTION_ID);
    assert.deepEqual(findings.map((f) => f.range), [rangeOfText(text, '{line}')]);
  });

  test('syntax errors cannot be silenced', () => {
    const workspace = workspaceWith({ [ACTION_ID]: '{ "lint": { "allow": ["json-syntax"] }, "name": ' });
    assert.ok(findingsOf(workspace, ACTION_ID).length > 0);
    assert.ok(codes(findingsOf(workspace, ACTION_ID)).every((c) => c === 'json-syntax'));
  });
});

describe('rule settings (workspace.configure)', () => {
  const MISSING = cleanAction({ restrictedToSegments: undefined, description: 'Order stuff for the customers' });

  test('"off" drops the findings of that rule', () => {
    const workspace = workspaceWith({ [ACTION_ID]: MISSING });
    assert.deepEqual(codes(findingsOf(workspace, ACTION_ID)), ['missing-segment-rule', 'vague-description']);
    workspace.configure({ 'missing-segment-rule': 'off' });
    assert.deepEqual(codes(findingsOf(workspace, ACTION_ID)), ['vague-description']);
  });

  test('a level replaces the default severity, and the per-finding escalation too', () => {
    const workspace = workspaceWith({ [ACTION_ID]: MISSING, [OTHER_ID]: cleanAction({ name: 'Cancel order', restrictedToSegments: undefined }) });
    workspace.configure({ 'vague-description': 'warning', 'missing-segment-rule': 'info', 'description-overlap': 'off' });
    assert.deepEqual(findingsOf(workspace, ACTION_ID).map((f) => [f.code, f.severity]), [['missing-segment-rule', 'info'], ['vague-description', 'warning']]);
    assert.deepEqual(findingsOf(workspace, OTHER_ID).map((f) => [f.code, f.severity]), [['missing-segment-rule', 'info']]);
  });

  test('schema codes can be changed too', () => {
    const workspace = workspaceWith({ [ACTION_ID]: cleanAction({ name: 'Look' }) });
    assert.deepEqual(findingsOf(workspace, ACTION_ID).map((f) => [f.code, f.severity]), [['too-short', 'error']]);
    workspace.configure({ 'too-short': 'hint' });
    assert.deepEqual(findingsOf(workspace, ACTION_ID).map((f) => [f.code, f.severity]), [['too-short', 'hint']]);
  });

  test('json-syntax cannot be turned off', () => {
    const workspace = workspaceWith({ [ACTION_ID]: '{ "name": ' });
    workspace.configure({ 'json-syntax': 'off' });
    assert.ok(codes(findingsOf(workspace, ACTION_ID)).includes('json-syntax'));
  });

  test('configure replaces the previous settings and drops cached results', () => {
    const workspace = workspaceWith({ [ACTION_ID]: MISSING });
    workspace.configure({ 'missing-segment-rule': 'off' });
    assert.deepEqual(codes(findingsOf(workspace, ACTION_ID)), ['vague-description']);
    workspace.configure({});
    assert.deepEqual(codes(findingsOf(workspace, ACTION_ID)), ['missing-segment-rule', 'vague-description']);
  });
});

describe('a rule that throws', () => {
  test('becomes an internal-error finding on the first character, and the other rules still run', () => {
    // The workspace queries are injected; one that fails stands for any bug a rule can hit.
    const document = new JsonDocument(cleanAction({ restrictedToSegments: undefined }));
    const failing = {
      sameName(): never {
        throw new Error('index unavailable');
      },
      actionEntry: () => undefined,
      overlapsOf: () => [],
    };
    const findings = checkAction({ id: ACTION_ID, document, action: actionModelOf(document.value)!, org: undefined, workspace: failing, context: {} });
    assert.deepEqual(findings.map((f) => f.code), ['missing-segment-rule', 'internal-error']);
    const internal = findings[1];
    assert.deepEqual(
      { severity: internal.severity, message: internal.message, range: internal.range },
      { severity: 'warning', message: 'the duplicate-action-name rule failed on this file (please report it): index unavailable', range: toRange(document.text, 0, 1) },
    );
  });
});

describe('bad input', () => {
  test('a half-typed action gets syntax errors only, and no quick fix', () => {
    const text = '{\n  "name": "Look up order",\n  "description": "Look up an order by its';
    const workspace = workspaceWith({ [ACTION_ID]: text });
    const findings = workspace.findings(ACTION_ID);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.code === 'json-syntax'));
    assert.deepEqual(findings.flatMap((f) => fixesFor(workspace, ACTION_ID, f)), []);
  });

  test('a file that is not JSON gets syntax errors only', () => {
    const workspace = workspaceWith({ [ACTION_ID]: 'name: Look up order\nmethod: GET\n' });
    assert.ok(workspace.findings(ACTION_ID).length > 0);
    assert.ok(workspace.findings(ACTION_ID).every((f) => f.code === 'json-syntax'));
  });

  test('an empty file gets one finding that says so', () => {
    const workspace = workspaceWith({ [ACTION_ID]: '' });
    assert.deepEqual(findingsOf(workspace, ACTION_ID), [{
      code: 'json-syntax',
      severity: 'error',
      message: 'the file is empty: it must hold one JSON object (ask for completion here, Ctrl+Space, to insert a template)',
      range: toRange('', 0, 0),
    }]);
  });

  test('JSON that is not an object gets the schema\'s error and no rule runs', () => {
    const workspace = workspaceWith({ [ACTION_ID]: '[]', [CONFIG_ID]: '"config"' });
    assert.deepEqual(codes(findingsOf(workspace, ACTION_ID)), ['wrong-type']);
    assert.deepEqual(codes(findingsOf(workspace, CONFIG_ID)), ['wrong-type']);
  });

  test('a 5 MB action is checked whole', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 50_000; i++) properties[`field_${i}`] = { type: 'string', description: `Free text the customer gives for field number ${i}.` };
    properties.field_49999 = { type: 'text' };
    const text = cleanAction({ method: 'POST', restrictedToSegments: ['vip'], body: { type: 'object', properties } });
    assert.ok(text.length > 5_000_000, `the file has ${text.length} characters`);
    const workspace = workspaceWith({ [CONFIG_ID]: CONFIG, [ACTION_ID]: text });
    assert.deepEqual(findingsOf(workspace, ACTION_ID).map((f) => [f.code, f.range]), [['invalid-tool-schema', rangeOfText(text, '"text"')]]);
  });

  test('a file of no kind is ignored', () => {
    const workspace = workspaceWith({});
    assert.deepEqual([...workspace.set('/ws/readme.json', '{}').affected], []);
    assert.equal(workspace.has('/ws/readme.json'), false);
  });
});
