import type { DocumentKind } from '../document/documentKind';
import { normaliseFindings, type Finding } from './findings';
import { JsonDocument } from '../document/jsonDocument';
import { schemaValidators, type SchemaValidators } from '../schema/compile';
import { schemaFindings } from '../schema/validate';
import { duplicateKeyFindings, syntaxFindings } from './syntax';

export interface LintInput {
  kind: DocumentKind;
  text: string;
}

export interface DocumentLint {
  document: JsonDocument;
  findings: Finding[];
}

/**
 * Everything that can be said about one file on its own: JSON syntax, duplicate keys, then the schema.
 * A malformed file gets only its syntax errors: schema messages about a half-typed object would be noise.
 */
export function lintDocument(input: LintInput, validators: SchemaValidators = schemaValidators()): DocumentLint {
  const document = new JsonDocument(input.text);
  if (!document.wellFormed) return { document, findings: syntaxFindings(document) };
  const findings = [...duplicateKeyFindings(document), ...schemaFindings(document, validators, input.kind)];
  return { document, findings: findings.length > 1 ? normaliseFindings(findings) : findings };
}
