// Builders for the resolver tests: an action value, an organisation from a config value, and a plan that must
// resolve (a failed resolution is a test failure with the error's message).
import assert from 'node:assert/strict';
import { configModelOf } from '../../../server/src/engine/model/config';
import type { PlannedHeader, RequestPlan } from '../../../server/src/engine/model/plan';
import { fixedIds, resolveHeaders, resolveRequest, type HeaderResolution, type OrgInput, type ResolveError, type ResolveInput } from '../../../server/src/engine/resolve';

export const ACTION_FILE = '/w/actions/a.action.json';
export const CONFIG_FILE = '/w/opencx.config.json';
export const SESSION_ID = '11111111-2222-4333-8444-555555555555';
export const TICKET = '4242';
export const ORG_ID = '3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71';

/** A minimal valid GET action; `changes` are laid over it (undefined removes a key). */
export function action(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Look up order',
    description: 'Look up an order by its numeric order ID and return its shipping status.',
    method: 'GET',
    endpoint: 'https://api.acme.com/orders',
    ...changes,
  };
}

export function org(config: Record<string, unknown>, extra: Partial<OrgInput> = {}): OrgInput {
  const model = configModelOf(config);
  assert.ok(model, 'test bug: the config is not an object');
  return { file: CONFIG_FILE, config: model, raw: config, ...extra };
}

export type PlanOptions = Omit<ResolveInput, 'action' | 'org'> & { config?: Record<string, unknown> };

function input(actionValue: Record<string, unknown>, options: PlanOptions): ResolveInput {
  const { config, ...rest } = options;
  return { action: { file: ACTION_FILE, value: actionValue }, ...(config ? { org: org(config) } : {}), ids: fixedIds(SESSION_ID, TICKET), ...rest };
}

/** The plan of an action that must resolve. */
export function plan(actionValue: Record<string, unknown>, options: PlanOptions = {}): RequestPlan {
  const result = resolveRequest(input(actionValue, options));
  if (!result.ok) assert.fail(`expected a plan, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of an action that must not resolve. */
export function planError(actionValue: Record<string, unknown>, options: PlanOptions = {}): ResolveError {
  const result = resolveRequest(input(actionValue, options));
  if (result.ok) assert.fail(`expected an error, got a plan for ${result.value.url}`);
  return result.error;
}

export function headers(actionValue: Record<string, unknown>, options: PlanOptions = {}): HeaderResolution {
  const result = resolveHeaders(input(actionValue, options));
  if (!result.ok) assert.fail(`expected headers, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The planned header `name` (case-insensitive); a missing one is a test failure. */
export function header(planned: { headers: readonly PlannedHeader[] }, name: string): PlannedHeader {
  const found = planned.headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
  assert.ok(found, `no header ${name} in ${planned.headers.map((h) => h.name).join(', ')}`);
  return found;
}

export function hasHeader(planned: { headers: readonly PlannedHeader[] }, name: string): boolean {
  return planned.headers.some((h) => h.name.toLowerCase() === name.toLowerCase());
}

/** `name: value [source]` of every header, for whole-list comparisons. */
export function headerLines(planned: { headers: readonly PlannedHeader[] }): string[] {
  return planned.headers.map((h) => `${h.name}: ${h.value} [${h.source}]`);
}

/** A config with one identified contact `jane` (segment vip) as the default contact. */
export function configWithJane(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    segments: ['vip', 'customers'],
    contacts: { jane: { segments: ['vip'], externalId: 'cus_1' } },
    defaultContact: 'jane',
    ...extra,
  };
}

/** The LSP range of the `occurrence`-th `needle` in `text`, computed independently of the engine's LineIndex. */
export function rangeOfText(text: string, needle: string, occurrence = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  let offset = -1;
  for (let n = 0; n <= occurrence; n++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `test bug: occurrence ${occurrence} of ${JSON.stringify(needle)} is not in the text`);
  }
  const at = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: at(offset), end: at(offset + needle.length) };
}
