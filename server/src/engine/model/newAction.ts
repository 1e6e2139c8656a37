// The text of a new action file ("OpenCX: New Action"): valid against the schema from the first keystroke, with
// the description left for the author to write, because it is the prompt text the AI chooses tools by.
import { ACTION_SCHEMA_ID } from '../schema/compile';
import type { HttpMethod } from './action';

export interface NewActionInput {
  name: string;
  method: HttpMethod;
  endpoint: string;
}

export interface NewActionText {
  text: string;
  /** Offsets of the description's placeholder text (inside the quotes), for the editor to select. */
  description: { start: number; end: number };
  /** Suggested file name: the name in kebab case, `.action.json`. */
  fileName: string;
}

const DESCRIPTION_PLACEHOLDER = 'Say what this action does, for which request, and what it returns (the AI reads this to pick it).';
const BODY_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH']);

/** `{order_id}` placeholders of an endpoint, in order, each once. */
export function pathPlaceholders(endpoint: string): string[] {
  return [...new Set([...endpoint.matchAll(/\{([^{}/]+)\}/g)].map((m) => m[1]))];
}

/** A file name for an action name: lower-case words joined by `-`, never empty. */
export function actionFileName(name: string): string {
  return `${fileStemOf(name) || 'new-action'}.action.json`;
}

/**
 * `Look up order` → `look-up-order`: lower-case ASCII words joined by `-` (accents dropped), at most 80 characters;
 * empty when the name has no letter or digit. New actions and pulled ones are named the same way.
 */
export function fileStemOf(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
}

/**
 * A new action: every path placeholder becomes a parameter the AI fills, a body schema for methods that send
 * one, an explicit empty segment list (offered to every contact: the author narrows it) and the widget channel,
 * which is where OpenCX enables a new action.
 */
export function newActionText(input: NewActionInput): NewActionText {
  const action = {
    $schema: ACTION_SCHEMA_ID,
    name: input.name,
    description: DESCRIPTION_PLACEHOLDER,
    method: input.method,
    endpoint: input.endpoint,
    headers: { Accept: 'application/json' },
    parameters: pathPlaceholders(input.endpoint).map((name) => ({
      name, in: 'path', description: `The ${name.replace(/[_-]+/g, ' ')} the customer gives`, required: true, schema: { type: 'string' },
    })),
    body: BODY_METHODS.has(input.method) ? { type: 'object', properties: {}, required: [] } : null,
    restrictedToSegments: [],
    channels: ['widget'],
  };
  const text = `${JSON.stringify(action, null, 2)}\n`;
  const start = text.indexOf(JSON.stringify(DESCRIPTION_PLACEHOLDER)) + 1;
  return { text, description: { start, end: start + DESCRIPTION_PLACEHOLDER.length }, fileName: actionFileName(input.name) };
}
