import Ajv, { type ValidateFunction } from 'ajv';
import type { ActionModel } from '../model/action';
import { coerceValue, isBodySchema, sendsBody } from '../resolve';
import { schemaOfSample } from '../resolve/values';
import { isJsonObject } from '../document/json';

/** One value the AI would extract from the conversation, which a person supplies for a test run. */
export interface RunInput {
  name: string;
  in: 'path' | 'query' | 'body';
  description?: string;
  required: boolean;
  /** JSON Schema of the value (from the parameter, the body schema's property, or the sample's type). */
  schema?: Record<string, unknown>;
}

/**
 * The values a run needs, in the order the AI would fill them: path parameters, query parameters without a
 * static value, then body fields (from the body schema, or the keys of a sample body). Magic and static values
 * are not asked for: OpenCX fills them.
 */
export function runInputs(action: ActionModel): RunInput[] {
  const inputs: RunInput[] = [];
  for (const p of action.parameters) {
    if (p.value !== undefined || !p.in) continue;
    inputs.push({ name: p.name, in: p.in, required: p.required || p.in === 'path', ...(p.description ? { description: p.description } : {}), ...(p.schema ? { schema: p.schema } : {}) });
  }
  const body = action.body;
  if (sendsBody(action) && isJsonObject(body)) {
    if (isBodySchema(body)) {
      const required = Array.isArray(body.required) ? body.required : [];
      for (const [name, property] of Object.entries(isJsonObject(body.properties) ? body.properties : {})) {
        const schema = isJsonObject(property) ? property : undefined;
        inputs.push({ name, in: 'body', required: required.includes(name), ...(typeof schema?.description === 'string' ? { description: schema.description } : {}), ...(schema ? { schema } : {}) });
      }
    } else {
      for (const [name, sample] of Object.entries(body)) {
        const schema = schemaOfSample(sample);
        inputs.push({ name, in: 'body', required: false, description: `sample: ${JSON.stringify(sample)}`, ...(schema ? { schema } : {}) });
      }
    }
  }
  return inputs;
}

/** User schemas are whatever an action file holds: compile them leniently, once each. */
const lenientAjv = new Ajv({ strict: false, allErrors: false, allowUnionTypes: true });
const compiled = new WeakMap<object, ValidateFunction | null>();

function validatorFor(schema: Record<string, unknown>): ValidateFunction | undefined {
  if (!compiled.has(schema)) {
    try {
      compiled.set(schema, lenientAjv.compile(schema));
    } catch {
      compiled.set(schema, null); // a schema ajv cannot compile is reported by the lint rules, not here
    }
  }
  return compiled.get(schema) ?? undefined;
}

/**
 * A typed value from what a person typed, checked against the input's schema before anything is sent:
 * `"5"` becomes 5 for an integer; an empty optional input is left out.
 */
export function parseInput(input: RunInput, text: string): { ok: true; value: unknown; omitted: boolean } | { ok: false; message: string } {
  if (text === '') {
    return input.required ? { ok: false, message: `${input.name} is required` } : { ok: true, value: undefined, omitted: true };
  }
  const value = coerceValue(text, input.schema);
  const validate = input.schema ? validatorFor(input.schema) : undefined;
  if (validate && !validate(value)) {
    const error = validate.errors?.[0];
    const allowed = error?.keyword === 'enum' ? `: one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}` : '';
    return { ok: false, message: `${input.name} ${error?.message ?? 'is invalid'}${allowed}` };
  }
  return { ok: true, value, omitted: false };
}

/** Every input has a valid value in `values`: each required one given, each given one passing its schema. */
export function inputsComplete(inputs: readonly RunInput[], values: Readonly<Record<string, unknown>>): boolean {
  return inputs.every((input) => {
    const value = values[input.name];
    if (value === undefined) return !input.required;
    return parseInput(input, typeof value === 'string' ? value : JSON.stringify(value)).ok;
  });
}
