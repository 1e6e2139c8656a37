// The catalogue stays in step with the code: every rule and schema code has a section in docs/rules.md (the
// diagnostics link to it) and every rule a severity setting in package.json, with the same default severity.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { knownCodes } from '../../../server/src/engine/rules/codes';
import { ACTION_RULES, CONFIG_RULES } from '../../../server/src/engine/rules/registry';

const ROOT = path.resolve(__dirname, '../../../..');
const DOCS = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const SCHEMA_CODES = [
  'json-syntax', 'duplicate-key', 'missing-property', 'unknown-property', 'wrong-type', 'invalid-value',
  'too-short', 'invalid-format', 'invalid-endpoint', 'insecure-endpoint', 'body-not-allowed', 'duplicate-item',
];
const LEVELS = ['error', 'warning', 'info', 'hint', 'off'];

const RULES = [...ACTION_RULES, ...CONFIG_RULES];

test('knownCodes() (what --rule accepts) is exactly the rule codes and the schema codes', () => {
  assert.deepEqual([...knownCodes()], [...new Set([...RULES.map((r) => r.code), ...SCHEMA_CODES])].sort());
});
const RULE_CODES = [...new Set(RULES.map((r) => r.code))];

/** The text of the `### code` section, up to the next heading. */
function section(code: string): string | undefined {
  const match = new RegExp(`^### ${code.replace(/[-]/g, '\\-')}\\s*$([\\s\\S]*?)(?=^#{2,3} |(?![\\s\\S]))`, 'm').exec(DOCS);
  return match?.[1];
}

const ruleSettings = () => PACKAGE.contributes.configuration.properties['opencx.rules'];

describe('docs/rules.md', () => {
  for (const code of [...RULE_CODES, ...SCHEMA_CODES]) {
    test(`has a section for ${code}`, () => {
      assert.ok(section(code)?.trim(), `docs/rules.md has no "### ${code}" section`);
    });
  }

  for (const code of RULE_CODES) {
    test(`the ${code} section gives the default severity, a bad and a good example`, () => {
      const text = section(code) ?? '';
      const severity = RULES.find((r) => r.code === code)!.defaultSeverity;
      assert.ok(text.includes(`Default severity: **${severity}**`), `the ${code} section does not say "Default severity: **${severity}**"`);
      assert.match(text, /Bad:/);
      assert.match(text, /Good:/);
    });
  }

  test('no code has two sections', () => {
    const headings = [...DOCS.matchAll(/^### (\S+)\s*$/gm)].map((m) => m[1]);
    assert.deepEqual(headings.filter((h, i) => headings.indexOf(h) !== i), []);
  });
});

describe('package.json opencx.rules', () => {
  test('is a resource-scoped object whose other keys take the same levels (schema codes too)', () => {
    const setting = ruleSettings();
    assert.equal(setting.type, 'object');
    assert.equal(setting.scope, 'resource');
    assert.equal(typeof setting.markdownDescription, 'string');
    assert.deepEqual(setting.additionalProperties, { type: 'string', enum: LEVELS });
  });

  for (const code of RULE_CODES) {
    test(`has an entry for ${code} that names its default`, () => {
      const entry = ruleSettings().properties?.[code];
      assert.ok(entry, `no opencx.rules entry for ${code}`);
      assert.equal(entry.type, 'string');
      assert.deepEqual(entry.enum, LEVELS);
      const severity = RULES.find((r) => r.code === code)!.defaultSeverity;
      assert.ok(String(entry.markdownDescription).endsWith(`default: \`${severity}\``), `the ${code} entry does not end with "default: \`${severity}\`"`);
    });
  }

  test('a code checked in both actions and the config has one default severity', () => {
    for (const rule of CONFIG_RULES) {
      const twin = ACTION_RULES.find((r) => r.code === rule.code);
      if (twin) assert.equal(twin.defaultSeverity, rule.defaultSeverity, rule.code);
    }
  });

  test('opencx.trace.server is still there', () => {
    assert.deepEqual(PACKAGE.contributes.configuration.properties['opencx.trace.server'].enum, ['off', 'messages', 'verbose']);
  });
});
