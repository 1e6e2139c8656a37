import SwaggerParser from '@apidevtools/swagger-parser';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isJsonObject, type JsonObject } from '../document/json';
import type { ImportError, SpecSource } from './types';

/** A spec that parsed: the dereferenced document and its major version. */
export interface ParsedSpec {
  document: JsonObject;
  version: '2.0' | '3.0' | '3.1';
}

export type ParseOutcome = { ok: true; spec: ParsedSpec } | { ok: false; error: ImportError };

const fail = (message: string): ParseOutcome => ({ ok: false, error: { code: 'failed_to_parse_spec', operation: null, message } });

/** JSON or YAML, from the file's extension (as OpenCX decides); a URL or other name tries JSON, then YAML. */
function formatOf(location: string): 'json' | 'yaml' | 'either' {
  const name = location.replace(/[?#].*$/, '').toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  return 'either';
}

function parseText(text: string, format: 'json' | 'yaml' | 'either'): { value: unknown } | { problem: string } {
  const asJson = () => {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch (error) {
      return { problem: `not valid JSON: ${(error as Error).message}` };
    }
  };
  const asYaml = () => {
    try {
      // The core schema: YAML 1.2 scalars as JSON has them (no timestamps turned into Dates). js-yaml is the
      // parser swagger-parser itself uses, and parses large specs several times faster than `yaml`.
      return { value: loadYaml(text, { schema: CORE_SCHEMA }) as unknown };
    } catch (error) {
      return { problem: `not valid YAML: ${(error as Error).message.split('\n')[0]}` };
    }
  };
  if (format === 'json') return asJson();
  if (format === 'yaml') return asYaml();
  const json = asJson();
  return 'value' in json ? json : asYaml();
}

/** The version a document declares, or why it is not OpenAPI 2.0, 3.0 or 3.1. */
function versionOf(value: JsonObject): ParsedSpec['version'] | string {
  if (value.swagger !== undefined) return value.swagger === '2.0' ? '2.0' : `unsupported Swagger version ${JSON.stringify(value.swagger)} (2.0 is supported)`;
  if (typeof value.openapi === 'string') {
    if (/^3\.0\.\d+$/.test(value.openapi)) return '3.0';
    if (/^3\.1\.\d+$/.test(value.openapi)) return '3.1';
    return `unsupported OpenAPI version "${value.openapi}" (2.0, 3.0 and 3.1 are supported)`;
  }
  if (value.openapi !== undefined) return `"openapi" must be a version string such as "3.0.3"; got ${JSON.stringify(value.openapi)}`;
  return 'no "openapi" or "swagger" field: this is not an OpenAPI document';
}

/**
 * Parses a spec's text as its extension says (JSON or YAML), checks that it is OpenAPI 2.0/3.0/3.1 with `paths`,
 * and resolves its local `$ref`s with swagger-parser. Circular references stay as `{ "$ref": … }` objects, so
 * the operations that reach one can be rejected alone; references to other files are not followed (the import
 * reads one document), and stay as they are too.
 */
export async function parseSpec(source: SpecSource): Promise<ParseOutcome> {
  const format = formatOf(source.location);
  const parsed = parseText(source.text, format);
  if ('problem' in parsed) return fail(`${source.location} is ${parsed.problem}`);
  if (!isJsonObject(parsed.value)) return fail(`${source.location} is not an OpenAPI document: its top level is not an object`);
  const version = versionOf(parsed.value);
  if (version !== '2.0' && version !== '3.0' && version !== '3.1') return fail(`${source.location}: ${version}`);
  if (!isJsonObject(parsed.value.paths)) return fail(`${source.location}: no "paths" object, so there is no operation to import`);
  try {
    const document = (await new SwaggerParser().dereference(parsed.value as never, {
      resolve: { external: false },
      dereference: { circular: 'ignore' },
    })) as unknown as JsonObject;
    return { ok: true, spec: { document, version } };
  } catch (error) {
    return fail(`${source.location}: ${(error as Error).message}`);
  }
}
