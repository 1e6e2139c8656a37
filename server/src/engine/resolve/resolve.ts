import type { JsonPath } from '../document/jsonDocument';
import { actionModelOf, endpointPathParameters, type ActionModel, type HttpMethod } from '../model/action';
import { secretReferences, type PlannedBody, type PlannedHeader, type RequestPlan } from '../model/plan';
import { buildBody, sendsBody } from './body';
import { contextHeaderEntries, type ConversationIds } from './contextHeaders';
import {
  actionHeaderEntries, contactHeaderEntries, CONTENT_TYPE, globalVariableEntries, mergeHeaderEntries, OPENCX_USER_AGENT,
  sameHeader, SOURCE_LABELS, USER_AGENT, type HeaderEntry,
} from './headers';
import { randomIds } from './ids';
import { selectOrganisation } from './organisation';
import { locationLabel } from './display';
import { maskForDisplay } from './mask';
import type { HeaderResolution, Resolved, ResolveError, ResolveInput, ResolveResult, Selection } from './resolution';
import { hasLoneSurrogate, unencodableMessage } from './unencodable';
import { buildUrl } from './url';
import { type FillState } from './values';
import { notVisibleNote, segmentVisibility } from './visibility';

type Problem = { path: JsonPath; message: string };

/**
 * What prevents planning at all: a method OpenCX does not know, or an endpoint that is not an absolute URL. An
 * `http://` endpoint can be planned (so a plan shows it, with a note), but the executor refuses to send it the way
 * OpenCX refuses it, unless loopback http is allowed for development.
 */
export function actionProblems(action: ActionModel, raw: unknown): Problem[] {
  const problems: Problem[] = [];
  const rawMethod = (raw as Record<string, unknown> | undefined)?.method;
  if (action.method === undefined) {
    problems.push({ path: ['method'], message: rawMethod === undefined ? 'method is missing' : `method ${JSON.stringify(rawMethod)} is not one of GET, POST, PUT, PATCH, DELETE` });
  }
  const endpoint = action.endpoint.trim();
  if (!endpoint) problems.push({ path: ['endpoint'], message: 'endpoint is missing' });
  else if (hasLoneSurrogate(endpoint)) problems.push({ path: ['endpoint'], message: unencodableMessage('endpoint', endpoint) });
  else if (!isAbsoluteHttpUrl(endpoint)) problems.push({ path: ['endpoint'], message: 'endpoint must be a full absolute https:// URL such as "https://api.acme.com/orders/{order_id}"' });
  return problems;
}

function isAbsoluteHttpUrl(endpoint: string): boolean {
  let sample = endpoint;
  for (const name of endpointPathParameters(endpoint)) sample = sample.split(`{${name}}`).join('x');
  try {
    return /^https?:$/.test(new URL(sample).protocol) && /^https?:\/\/[^\s/?#]+/i.test(endpoint);
  } catch {
    return false;
  }
}

const modelOf = (input: ResolveInput): ActionModel | undefined => input.action.model ?? actionModelOf(input.action.value);

/** The header layers, lowest precedence first; the Content-Type default is added when a JSON body is sent. */
function headerEntries(action: ActionModel, input: ResolveInput, selection: Selection, ids: ConversationIds, notes: string[]): HeaderEntry[] {
  const magic = { contact: selection.contact, contactName: selection.contactName, sessionId: ids.sessionId };
  const upper = [
    ...actionHeaderEntries(action, input.action.file, magic, notes),
    ...globalVariableEntries(selection, input.org),
    ...contactHeaderEntries(selection, input.org),
    ...contextHeaderEntries(selection, input.org, ids, notes),
  ];
  const defaults: HeaderEntry[] = [{ name: USER_AGENT, value: OPENCX_USER_AGENT, source: 'default' }];
  if (sendsBody(action) && !upper.some((e) => sameHeader(e.name, CONTENT_TYPE))) {
    const multipart = action.bodyFormat === 'multipart';
    defaults.push({ name: CONTENT_TYPE, value: multipart ? 'multipart/form-data' : 'application/json', source: 'default' });
    notes.push(multipart
      ? 'Content-Type multipart/form-data is the default for a multipart body; the boundary is added when the request is sent.'
      : 'Content-Type application/json is added by default, since a JSON body is sent and no header sets it (an assumption: OpenCX does not document it).');
  }
  return [...defaults, ...upper];
}

/** Spec C: a later source may override User-Agent, and the override is flagged. */
function userAgentNote(headers: PlannedHeader[]): string | undefined {
  const ua = headers.find((h) => sameHeader(h.name, USER_AGENT));
  if (!ua || ua.source === 'default') return undefined;
  const where = ua.location ? ` (${locationLabel(ua.location)})` : '';
  return `User-Agent: ${OPENCX_USER_AGENT} is replaced by "${maskForDisplay(ua.name, ua.value)}" from the ${SOURCE_LABELS[ua.source]}${where}; we assume a later header source may override it (OpenCX does not document this).`;
}

function secretNotes(headers: PlannedHeader[], url: string, body: PlannedBody | undefined, isSet: ((name: string) => boolean) | undefined): string[] {
  const bodyText = body ? JSON.stringify(body.value) ?? '' : '';
  const names = new Set([...headers.flatMap((h) => secretReferences(h.value)), ...secretReferences(url), ...secretReferences(bodyText)]);
  if (!names.size) return [];
  const notes = [`Secrets stay references in this plan and are filled in only when the request is sent: ${[...names].join(', ')}.`];
  if (isSet) for (const name of names) if (!isSet(name)) notes.push(`Secret ${name} is not set, so this request cannot be sent yet.`);
  return notes;
}

function headersFor(action: ActionModel, input: ResolveInput, selection: Selection, ids: ConversationIds, notes: string[]): PlannedHeader[] {
  const headers = mergeHeaderEntries(headerEntries(action, input, selection, ids, notes));
  const ua = userAgentNote(headers);
  if (ua) notes.push(ua);
  return headers;
}

const invalidAction = (problems: Problem[]): ResolveError => ({
  code: 'invalid-action',
  message: `the action cannot be planned: ${problems.map((p) => p.message).join('; ')}`,
  problems,
});

/**
 * The headers an action is sent with for the active environment and contact, with provenance and shadowing;
 * needs no valid URL, so hovers and diagnostics work while the endpoint is being typed.
 */
export function resolveHeaders(input: Omit<ResolveInput, 'values' | 'mode'>): Resolved<HeaderResolution> {
  const action = modelOf(input);
  if (!action) return { ok: false, error: invalidAction([{ path: [], message: 'the action file is not a JSON object' }]) };
  const selected = selectOrganisation(input.org, input.environment, input.contact);
  if (!selected.ok) return selected;
  const notes = [...selected.value.notes];
  const ids = input.ids ?? randomIds;
  const headers = headersFor(action, input, selected.value, { sessionId: ids.sessionId(), ticketNumber: ids.ticketNumber() }, notes);
  return { ok: true, value: { headers, notes, environment: selected.value.environment, contact: selected.value.contactName } };
}

interface Prepared {
  action: ActionModel;
  method: HttpMethod;
  selection: Selection;
  ids: ConversationIds;
}

/** Everything that must hold before planning: a known environment and contact, an action that can be planned. */
function prepare(input: ResolveInput): Resolved<Prepared> {
  const action = modelOf(input);
  const selected = selectOrganisation(input.org, input.environment, input.contact);
  if (!selected.ok) return selected;
  if (!action) return { ok: false, error: invalidAction([{ path: [], message: 'the action file is not a JSON object' }]) };
  const problems = actionProblems(action, input.action.value);
  if (problems.length || action.method === undefined) return { ok: false, error: invalidAction(problems) };
  const idSource = input.ids ?? randomIds;
  return { ok: true, value: { action, method: action.method, selection: selected.value, ids: { sessionId: idSource.sessionId(), ticketNumber: idSource.ticketNumber() } } };
}

function missingValues(missing: string[]): ResolveError {
  const one = missing.length === 1;
  return {
    code: 'missing-values',
    message: `no value for ${missing.join(', ')}: the AI would extract ${one ? 'it' : 'them'} from the conversation; give ${one ? 'a value' : 'values'} to send the request`,
    missing,
  };
}

/**
 * The request plan: what OpenCX would send for one action in one environment to one contact, with every header's
 * source, location and shadowed values, and notes on assumptions. Secrets stay references. Unknown environment or
 * contact, an action that cannot be planned, and (when sending) missing required values are typed errors.
 */
export function resolveRequest(input: ResolveInput): ResolveResult {
  const prepared = prepare(input);
  if (!prepared.ok) return prepared;
  const { action, method, selection, ids } = prepared.value;
  const state: FillState = {
    mode: input.mode ?? 'send', values: input.values ?? {}, selection, placeholders: [], missing: [], notes: [], unencodable: [],
    magic: { contact: selection.contact, contactName: selection.contactName, sessionId: ids.sessionId },
  };
  const visibility = segmentVisibility(action.restrictedToSegments, selection.contact, selection.contactName);
  const notes = [...selection.notes, ...(visibility.visible ? [] : [notVisibleNote(visibility, selection.contactName)])];
  const headers = headersFor(action, input, selection, ids, notes);
  const url = buildUrl(action, state);
  const body = buildBody(action, state);
  if (state.unencodable.length) return { ok: false, error: invalidAction(state.unencodable.map((u) => ({ path: u.path ?? [], message: u.message }))) };
  if (state.missing.length) return { ok: false, error: missingValues(state.missing) };
  notes.push(...state.notes);
  if (state.placeholders.length) notes.push(`Dry run: no value given for ${state.placeholders.join(', ')}, so the plan shows placeholders; the AI extracts these from the conversation.`);
  notes.push(...secretNotes(headers, url, body, input.isSecretSet));
  const connectTo = connectToFor(url, selection);
  if (/^http:\/\//i.test(url)) notes.push('The endpoint uses http://: OpenCX never calls http:// endpoints, so a run is refused (except to a loopback host when http is allowed for local development).');
  return {
    ok: true,
    value: {
      method, url, headers, visibleToContact: visibility.visible, visibilityReason: visibility.reason, notes,
      ...(body ? { body } : {}),
      ...(selection.environment !== undefined ? { environment: selection.environment } : {}),
      ...(selection.contactName !== undefined ? { contact: selection.contactName } : {}),
      ...(state.placeholders.length ? { placeholders: state.placeholders } : {}),
      ...(connectTo ? { connectTo } : {}),
    },
  };
}

/** The environment's `connectTo` entry for the URL's host, if any. */
function connectToFor(url: string, selection: Selection): RequestPlan['connectTo'] {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  // The URL parser lower-cases the host; a key may be written in any case (host names are case-insensitive).
  const entry = Object.entries(selection.settings.connectTo).find(([name]) => name.toLowerCase() === host);
  return entry?.[1] ? { host, address: entry[1] } : undefined;
}
