import { endpointPathParameters, isMagicField, type ActionModel, type ParameterModel } from '../model/action';
import { markLiteralText } from '../run/literalText';
import { magicSample } from './magic';
import type { JsonPath } from '../document/jsonDocument';
import { encodeForUrl, hasValue, recordMissing, textOf, type FillState } from './values';

type ParameterKind = 'path' | 'query';

const OVERRIDE_KEY: Readonly<Record<ParameterKind, 'pathParams' | 'queryParams'>> = { path: 'pathParams', query: 'queryParams' };

/** A parameter's value, and where it comes from, so a value that cannot be encoded can be named. */
interface SourcedValue {
  value: string;
  what: string;
  path?: JsonPath;
}

/**
 * The value of one path or query parameter. Precedence (our decision, as `http_action_overrides` work): the
 * contact's override wins over everything; then a static (or magic) `value` in the action; then the value the AI
 * extracted. A value given for a static parameter is ignored, since the AI is never asked for it.
 */
function parameterValue(kind: ParameterKind, name: string, parameter: ParameterModel | undefined, state: FillState): SourcedValue | undefined {
  const { selection, values } = state;
  const overrides = selection.contact[OVERRIDE_KEY[kind]];
  const override = hasValue(overrides, name) ? overrides[name] : undefined;
  const label = `${kind === 'path' ? 'Path' : 'Query'} parameter ${name}`;
  const lower = `${kind} parameter ${JSON.stringify(name)}`;
  if (override !== undefined) {
    state.notes.push(`${label} comes from contact "${selection.contactName}" (${OVERRIDE_KEY[kind]}), which wins over static and AI-extracted values.`);
    return { value: textOf(override), what: `the value of ${lower} from contact "${selection.contactName}" (${OVERRIDE_KEY[kind]})` };
  }
  const fixed = parameter?.value;
  if (fixed !== undefined) {
    if (hasValue(values, name)) state.notes.push(`${label} is static in the action: the given value is ignored (the AI is never asked for it).`);
    const path = ['parameters', parameter!.index, 'value'];
    if (!isMagicField(fixed)) return { value: textOf(fixed), what: `the static value of ${lower}`, path };
    const sample = magicSample(fixed.magic, label, state.magic);
    state.notes.push(sample.note);
    return { value: sample.value, what: `the value of ${lower} (magic ${fixed.magic}, from contact "${selection.contactName}")` };
  }
  // Typed text, sent as it is: a `${secret:NAME}` in it is not a reference (see markLiteralText).
  return hasValue(values, name) ? { value: markLiteralText(textOf(values[name])), what: `the value given for ${lower}` } : undefined;
}

function fillPath(endpoint: string, action: ActionModel, state: FillState): string {
  const filled = new Map<string, string>();
  for (const name of endpointPathParameters(endpoint)) {
    const parameter = action.parameters.find((p) => p.in === 'path' && p.name === name);
    const given = parameterValue('path', name, parameter, state);
    if (given !== undefined) filled.set(name, encodeForUrl(given.value, state, given.what, given.path));
    else filled.set(name, recordMissing(state, name) ?? '');
  }
  return endpoint.replace(/\{([^{}]*)\}/g, (whole, name: string) => filled.get(name) ?? whole);
}

function queryPairs(action: ActionModel, state: FillState): string[] {
  const pairs: string[] = [];
  const notSent: string[] = [];
  const encodedName = (name: string, path?: JsonPath) => encodeForUrl(name, state, `the name of query parameter ${JSON.stringify(name)}`, path);
  for (const parameter of action.parameters) {
    if (parameter.in !== 'query') continue;
    const name = encodedName(parameter.name, ['parameters', parameter.index, 'name']);
    const given = parameterValue('query', parameter.name, parameter, state);
    if (given !== undefined) pairs.push(`${name}=${encodeForUrl(given.value, state, given.what, given.path)}`);
    else if (parameter.required) {
      const placeholder = recordMissing(state, parameter.name);
      if (placeholder !== undefined) pairs.push(`${name}=${placeholder}`);
    } else notSent.push(parameter.name);
  }
  const declared = new Set(action.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const [name, value] of Object.entries(state.selection.contact.queryParams)) {
    if (declared.has(name)) continue;
    const what = `query parameter ${JSON.stringify(name)} from contact "${state.selection.contactName}" (queryParams)`;
    pairs.push(`${encodeForUrl(name, state, `the name of ${what}`)}=${encodeForUrl(textOf(value), state, `the value of ${what}`)}`);
    state.notes.push(`Query parameter ${name} is added by contact "${state.selection.contactName}" (queryParams); the action does not declare it.`);
  }
  if (notSent.length) state.notes.push(`Optional query parameters without a value are not sent: ${notSent.join(', ')}.`);
  return pairs;
}

/**
 * The final URL: `{name}` path parameters encoded with encodeURIComponent (docs/assumptions.md, "Where OpenCX is
 * silent"), then the query parameters (the endpoint's own, the action's in file order, then extra ones a contact
 * passes), before any `#fragment`.
 * A value nobody gave is `{name}`, unencoded, in a dry run, and a missing name when sending.
 */
export function buildUrl(action: ActionModel, state: FillState): string {
  const hash = action.endpoint.indexOf('#');
  const fragment = hash >= 0 ? action.endpoint.slice(hash) : '';
  const base = fillPath(hash >= 0 ? action.endpoint.slice(0, hash) : action.endpoint, action, state);
  const pairs = queryPairs(action, state);
  if (!pairs.length) return base + fragment;
  const joiner = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return base + joiner + pairs.join('&') + fragment;
}
