// Helpers for the OpenAPI import tests: a small spec built in the test, planned into a fake output folder.
import assert from 'node:assert/strict';
import { planImport } from '../../../server/src/engine/openapi';
import type { ExistingFile, ImportOptions, ImportPlan } from '../../../server/src/engine/openapi/types';

export const OUT = '/work/project/actions';
export const SPEC_LOCATION = '/work/project/specs/api.json';

/** A 3.0 document with one server and the given paths (and components, if any). */
export function spec30(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.0.3', info: { title: 'Test', version: '1' }, servers: [{ url: 'https://api.example.com/v1' }], paths, ...extra };
}

/** Plans an import of `spec` (an object, written as JSON, or a text) found at SPEC_LOCATION. */
export function plan(spec: unknown, options: Partial<ImportOptions> = {}, existing: ExistingFile[] = [], location = SPEC_LOCATION): Promise<ImportPlan> {
  const text = typeof spec === 'string' ? spec : JSON.stringify(spec);
  return planImport({ text, location }, existing, { outDir: OUT, ...options });
}

/** The one action a plan wrote for `operation`, parsed. */
export function actionOf(result: ImportPlan, operation: string): Record<string, unknown> {
  const write = result.writes.find((w) => w.operation === operation);
  assert.ok(write, `no file written for ${operation}; errors: ${JSON.stringify(result.errors)}, skipped: ${JSON.stringify(result.skipped)}`);
  return JSON.parse(write.text) as Record<string, unknown>;
}

/** A plan with one operation: GET /things/{id} with the given operation fields. */
export function oneOperation(operation: Record<string, unknown>, method = 'get', path = '/things/{id}', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return spec30({ [path]: { [method]: { responses: { 200: { description: 'ok' } }, ...operation } } }, extra);
}

export function notesOf(result: ImportPlan, operation: string | null): string[] {
  return result.notes.filter((n) => n.operation === operation).map((n) => n.message);
}
