import { isJsonObject } from '../document/json';
import { isBodySchema, isMagicField, type ActionModel } from '../model/action';
import type { ContactConfig } from '../model/config';
import { runInputs, type RunInput } from '../run/inputs';
import type { ToolParameters } from './types';

/** The tool's parameters and the sentences that explain what shaped them. */
export interface ToolParametersResult {
  parameters: ToolParameters;
  notes: string[];
}

type Schema = Record<string, unknown>;

/**
 * The schema OpenCX would infer from a sample body value (an assumption: it is not documented). Deeper than the
 * run inputs' (which only need a type to check what a person types): arrays get `items` from their first
 * element and objects their `properties`, so the model sees the shape the sample shows.
 */
export function schemaOfSampleValue(sample: unknown): Schema {
  if (typeof sample === 'string') return { type: 'string' };
  if (typeof sample === 'number') return { type: Number.isInteger(sample) ? 'integer' : 'number' };
  if (typeof sample === 'boolean') return { type: 'boolean' };
  if (Array.isArray(sample)) return sample.length ? { type: 'array', items: schemaOfSampleValue(sample[0]) } : { type: 'array' };
  if (isJsonObject(sample)) {
    const properties: Record<string, Schema> = {};
    for (const [key, value] of Object.entries(sample)) properties[key] = schemaOfSampleValue(value);
    return { type: 'object', properties };
  }
  return {};
}

/** The property the model reads for one input: its schema, with the author's description. */
function propertyOf(input: RunInput, action: ActionModel): Schema | undefined {
  if (input.in === 'body' && isJsonObject(action.body) && !isBodySchema(action.body) && Object.prototype.hasOwnProperty.call(action.body, input.name)) {
    const sample = action.body[input.name];
    if (isMagicField(sample)) return undefined; // filled by OpenCX, never by the AI
    return schemaOfSampleValue(sample); // a sample's value is an example, not a description: none is invented
  }
  const schema: Schema = input.schema ? { ...input.schema } : { type: 'string' };
  if (input.in !== 'body' && input.description) schema.description = input.description;
  return schema;
}

const WHERE = { path: 'path parameter', query: 'query parameter', body: 'body field' } as const;

/** The names of the contact's widget overrides (`http_action_overrides`) for each kind of input. */
function overridesOf(contact: ContactConfig | undefined): Record<RunInput['in'], Record<string, unknown>> {
  return { path: contact?.pathParams ?? {}, query: contact?.queryParams ?? {}, body: contact?.bodyParams ?? {} };
}

/**
 * What the AI fills for one action, as one JSON Schema object: path and query parameters without a static or
 * magic value, then the body's fields (from the body schema, or inferred from a sample body), all side by side
 * in `properties`. Headers, URLs, static values and magic fields never appear. Names share one namespace (the
 * AI's call has one object): on a clash the first definition (path, then query, then body) keeps the property,
 * the value fills both, and the property is required when either is. A contact's widget overrides do not hide a
 * field (the tool is built from the action); they are noted, since the AI's value is then replaced.
 */
export function toolParameters(action: ActionModel, contact?: ContactConfig, contactName?: string): ToolParametersResult {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const origin = new Map<string, RunInput['in']>();
  const notes: string[] = [];
  const overrides = overridesOf(contact);
  for (const input of runInputs(action)) {
    const property = propertyOf(input, action);
    if (!property) continue;
    const first = origin.get(input.name);
    if (first) notes.push(`"${input.name}" is both a ${WHERE[first]} and a ${WHERE[input.in]}: the model sees one property (the ${WHERE[first]}'s), and its value fills both.`);
    else {
      properties[input.name] = property;
      origin.set(input.name, input.in);
    }
    if (input.required && !required.includes(input.name)) required.push(input.name);
    if (Object.prototype.hasOwnProperty.call(overrides[input.in], input.name)) {
      const key = { path: 'pathParams', query: 'queryParams', body: 'bodyParams' }[input.in];
      notes.push(`"${input.name}" is still offered to the model, but contact "${contactName ?? 'anonymous'}" passes it (${key}), which replaces the AI's value when OpenCX calls the action.`);
    }
  }
  return { parameters: { type: 'object', properties, required }, notes };
}
