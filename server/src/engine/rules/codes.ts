// Every diagnostic code the engine can report, derived from where each is defined: the rules' registry, the schema
// codes by ajv keyword, the schemas' own `x-code` annotations, and the syntax codes. `--rule code=level` and the
// settings check names against it; docs/rules.md has a section for each (test/unit/rules/catalogue.test.ts).
import actionSchema from '../../../../schemas/action.schema.json';
import configSchema from '../../../../schemas/opencx.config.schema.json';
import { SCHEMA_KEYWORD_CODES } from '../schema/messages';
import { DUPLICATE_KEY_CODE, SYNTAX_CODE } from '../lint/syntax';
import { ACTION_RULES, CONFIG_RULES } from './registry';

/** Codes that validation sets itself rather than through a schema keyword or annotation. */
const VALIDATION_CODES = ['invalid-value', 'insecure-endpoint'];

function annotatedCodes(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) annotatedCodes(item, into);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-code' && typeof value === 'string') into.add(value);
      else annotatedCodes(value, into);
    }
  }
  return into;
}

let known: readonly string[] | undefined;

/** Every code, sorted. */
export function knownCodes(): readonly string[] {
  known ??= [...new Set([
    SYNTAX_CODE, DUPLICATE_KEY_CODE, ...VALIDATION_CODES, ...SCHEMA_KEYWORD_CODES,
    ...annotatedCodes(actionSchema, new Set()), ...annotatedCodes(configSchema, new Set()),
    ...[...ACTION_RULES, ...CONFIG_RULES].map((rule) => rule.code),
  ])].sort();
  return known;
}
