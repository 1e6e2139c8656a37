import { isBodySchema, type ActionModel } from '../model/action';
import type { PlannedBody } from '../model/plan';
import { coerceValue, hasValue, recordMissing, schemaOfSample, type FillState } from './values';
import { isJsonObject, type JsonObject } from '../document/json';
import { markLiteralValue } from '../run/literalText';

/** The methods OpenCX sends a body with (docs/platform.md, "An action"). */
export const BODY_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH'];

/** Whether OpenCX sends a body for this action: a body-carrying method and a `body` object. */
export function sendsBody(action: ActionModel): boolean {
  return action.method !== undefined && BODY_METHODS.includes(action.method) && isJsonObject(action.body);
}

/** A JSON Schema body: each property is a field the AI extracts; a missing required one is recorded. */
function schemaFields(schema: JsonObject, state: FillState, notSent: string[]): JsonObject {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  const out: JsonObject = {};
  for (const [name, property] of Object.entries(properties)) {
    if (hasValue(state.selection.contact.bodyParams, name)) continue;
    if (hasValue(state.values, name)) out[name] = markLiteralValue(coerceValue(state.values[name], isJsonObject(property) ? property : undefined));
    else if (required.includes(name)) {
      const placeholder = recordMissing(state, name);
      if (placeholder !== undefined) out[name] = placeholder;
    } else notSent.push(name);
  }
  return out;
}

/**
 * A sample body: each key is a field the AI extracts, none known to be required (OpenCX infers the schema). A dry
 * run shows the sample's value for a field nobody gave, as a placeholder; a send leaves it out.
 */
function sampleFields(sample: JsonObject, state: FillState, notSent: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [name, example] of Object.entries(sample)) {
    if (hasValue(state.selection.contact.bodyParams, name)) continue;
    if (hasValue(state.values, name)) out[name] = markLiteralValue(coerceValue(state.values[name], schemaOfSample(example)));
    else if (state.mode === 'dryRun') {
      out[name] = example;
      if (!state.placeholders.includes(name)) state.placeholders.push(name);
    } else notSent.push(name);
  }
  return out;
}

/**
 * The body OpenCX would send: the fields from the given values (converted to their schema types), then the
 * contact's `bodyParams` laid over them (overrides win, and may add fields; a field a contact passes is never
 * missing). Contact values do not create a body
 * for an action that sends none.
 */
export function buildBody(action: ActionModel, state: FillState): PlannedBody | undefined {
  const body = action.body;
  const overrides = state.selection.contact.bodyParams;
  if (!sendsBody(action) || !isJsonObject(body)) {
    if (isJsonObject(body) && action.method !== undefined) state.notes.push(`The body is not sent: OpenCX sends a body only with POST, PUT or PATCH, not ${action.method}.`);
    if (Object.keys(overrides).length) state.notes.push(`Contact "${state.selection.contactName}" passes bodyParams, but this action sends no body: they are not used.`);
    return undefined;
  }
  const notSent: string[] = [];
  const fields = isBodySchema(body) ? schemaFields(body, state, notSent) : sampleFields(body, state, notSent);
  if (notSent.length) state.notes.push(`Optional body fields without a value are not sent: ${notSent.join(', ')}.`);
  const overridden = Object.keys(overrides);
  if (overridden.length) state.notes.push(`Body fields from contact "${state.selection.contactName}" (bodyParams), which win over AI-extracted values: ${overridden.join(', ')}.`);
  return { format: action.bodyFormat, value: { ...fields, ...overrides } };
}
