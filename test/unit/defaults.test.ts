// Defaults are defined once, in the engine; package.json (which cannot import them) is held to the same values.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_TOKEN_BUDGET, isRuleLevel, OPENCX_TIMEOUT_MS, RULE_LEVELS, SEVERITIES } from '../../server/src/engine';
import { COMMAND_HELP } from '../../server/src/cli/usage';
import { normaliseSettings } from '../../server/src/lsp/settings';

const ROOT = path.resolve(__dirname, '../../..');
const SETTINGS = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;

describe('defaults defined once', () => {
  test('OpenCX\'s 60 s timeout: the engine\'s constant, the opencx.run.timeoutMs default and its description', () => {
    assert.equal(OPENCX_TIMEOUT_MS, 60_000);
    assert.equal(SETTINGS['opencx.run.timeoutMs'].default, OPENCX_TIMEOUT_MS);
    assert.ok(SETTINGS['opencx.run.timeoutMs'].markdownDescription.includes(`**${OPENCX_TIMEOUT_MS}**`));
    assert.ok(COMMAND_HELP.run.includes(`instead of OpenCX's ${OPENCX_TIMEOUT_MS} `), COMMAND_HELP.run);
  });

  test('the token budget: the engine\'s default is the opencx.run.tokenBudget default', () => {
    assert.equal(DEFAULT_TOKEN_BUDGET, 4000);
    assert.equal(SETTINGS['opencx.run.tokenBudget'].default, DEFAULT_TOKEN_BUDGET);
  });

  test('rule levels: the four severities and off, in the settings\' enum and the CLI usage', () => {
    assert.deepEqual(RULE_LEVELS, [...SEVERITIES, 'off']);
    assert.deepEqual(SETTINGS['opencx.rules'].additionalProperties.enum, RULE_LEVELS);
    assert.ok(COMMAND_HELP.lint.includes('error, warning, info, hint or off'), COMMAND_HELP.lint);
    for (const level of RULE_LEVELS) assert.equal(isRuleLevel(level), true, level);
    for (const other of ['Error', 'warn', 'none', '', 3, undefined, null]) assert.equal(isRuleLevel(other), false, String(other));
  });

  test('the server keeps the opencx.rules entries whose level is one of them, and drops the others', () => {
    const raw = { rules: { 'vague-description': 'off', 'header-shadowed': 'hint', 'description-overlap': 'warn', 'missing-segment-rule': 2 } };
    assert.deepEqual(normaliseSettings(raw), { rules: { 'vague-description': 'off', 'header-shadowed': 'hint' } });
    assert.deepEqual(normaliseSettings(null), { rules: {} });
  });
});
