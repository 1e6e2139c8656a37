// The official SARIF 2.1.0 JSON schema (vendored, see test/fixtures/cli/README.md), compiled with the project's ajv.
import assert from 'node:assert/strict';
import Ajv, { type ValidateFunction } from 'ajv';
import { fixtureText } from './cliHarness';

/** The vendored schema is draft-04; of its keywords only `id` changed name by draft-07, which ajv 8 speaks. */
function compileSarifSchema(): ValidateFunction {
  const schema = JSON.parse(fixtureText('sarif-2.1.0-rtm.5.json')) as Record<string, unknown>;
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }); // one of its patterns is not valid with the u flag
  ajv.addFormat('uri', (text: string) => canParseUrl(text));
  ajv.addFormat('uri-reference', (text: string) => !/\s/.test(text) && canParseUrl(text, 'file:///base/'));
  ajv.addFormat('date-time', (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(text) && !Number.isNaN(Date.parse(text)));
  return ajv.compile(schema);
}

function canParseUrl(text: string, base?: string): boolean {
  try {
    new URL(text, base);
    return true;
  } catch {
    return false;
  }
}

export const validateSarif = compileSarifSchema();

export function assertValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  assert.ok(valid, `not valid SARIF 2.1.0:\n${JSON.stringify(validateSarif.errors, null, 2)}`);
}
