import { isJsonObject, type JsonObject } from '../document/json';
import { isMagicField } from '../model/action';
import { canonical, localFieldsOf, remoteChannel, SYNCED_FIELDS } from './mapping';
import type { RemoteAction, RemoteLink } from './types';

/** Our synced field → the API's top-level field that carries it (the unit of change of a partial update). */
const API_FIELD: Record<(typeof SYNCED_FIELDS)[number], string> = {
  name: 'name',
  description: 'description',
  method: 'request_type',
  endpoint: 'api_endpoint',
  parameters: 'payload',
  body: 'payload',
  bodyFormat: 'payload',
  channels: 'enabled_on_channel',
  tags: 'tags',
  pinned: 'pinned',
  requireFormSubmission: 'require_form_submission',
  operationId: 'operation_id',
};

export interface PushFile {
  id: string;
  action: JsonObject;
}

/** What `push` would do, before anything is sent. */
export interface PushPlan {
  create: { file: string; body: JsonObject }[];
  update: { file: string; id: string; fields: string[]; body: JsonObject }[];
  unchanged: string[];
  /** The remote changed since the file's `remote.updatedAt`, or the linked action is gone. */
  conflicts: { file: string; reason: string }[];
  notSent: { file: string; fields: string[] }[];
  remoteOnly: { id: string; name: string }[];
}

const linkOf = (action: JsonObject): RemoteLink | undefined => (isJsonObject(action.remote) && typeof action.remote.id === 'string' ? (action.remote as unknown as RemoteLink) : undefined);

/** The parameters the API carries: per-call path and query ones (static and magic values are not in the API). */
function apiParameters(action: JsonObject): JsonObject[] {
  const list = Array.isArray(action.parameters) ? action.parameters.filter(isJsonObject) : [];
  return list.filter((p) => p.value === undefined && (p.in === 'path' || p.in === 'query')).map((p) => ({
    name: p.name, in: p.in, ...(typeof p.description === 'string' ? { description: p.description } : {}), required: p.in === 'path' ? true : p.required === true, ...(isJsonObject(p.schema) ? { schema: p.schema } : {}),
  }));
}

/** `payload`: ours laid over the remote's, so keys we do not model (header parameters, responses…) survive. */
function payloadOf(action: JsonObject, remote: RemoteAction | undefined): JsonObject {
  const base: JsonObject = isJsonObject(remote?.payload) ? { ...remote!.payload } : {};
  const kept = Array.isArray(base.parameters) ? base.parameters.filter((p) => isJsonObject(p) && p.in !== 'path' && p.in !== 'query') : [];
  const payload: JsonObject = { ...base, method: action.method, parameters: [...kept, ...apiParameters(action)] };
  if (isJsonObject(action.body) && ['POST', 'PUT', 'PATCH'].includes(String(action.method))) {
    const media = action.bodyFormat === 'multipart' ? 'multipart/form-data' : 'application/json';
    payload.requestBody = { ...(isJsonObject(base.requestBody) ? base.requestBody : {}), content: { [media]: { schema: action.body } } };
  } else delete payload.requestBody;
  return payload;
}

/** The API value of one top-level field, from the file. */
function apiValue(field: string, action: JsonObject, remote: RemoteAction | undefined): unknown {
  switch (field) {
    case 'request_type': return action.method;
    case 'api_endpoint': return action.endpoint;
    case 'payload': return payloadOf(action, remote);
    case 'enabled_on_channel': return { channels: (Array.isArray(action.channels) ? action.channels : ['widget']).map((c) => remoteChannel(String(c))) };
    case 'require_form_submission': return action.requireFormSubmission;
    case 'operation_id': return action.operationId;
    default: return action[field];
  }
}

/** The file's synced fields as the API can carry them (static and magic parameters left out), to compare with a pull's. */
function apiView(action: JsonObject): JsonObject {
  const view: JsonObject = { ...action };
  const parameters = apiParameters(action);
  if (parameters.length) view.parameters = parameters;
  else delete view.parameters;
  if (!['POST', 'PUT', 'PATCH'].includes(String(action.method))) {
    delete view.body;
    delete view.bodyFormat;
  }
  return view;
}

/** Local fields the API cannot carry: set them in the dashboard. */
function notSentFields(action: JsonObject): string[] {
  const fields: string[] = [];
  if (Array.isArray(action.restrictedToSegments) && action.restrictedToSegments.length) fields.push('restrictedToSegments');
  if (isJsonObject(action.headers) && Object.keys(action.headers).length) fields.push('headers');
  const parameters = Array.isArray(action.parameters) ? action.parameters.filter(isJsonObject) : [];
  for (const p of parameters) if (p.value !== undefined) fields.push(`parameters.${String(p.name)} (${isMagicField(p.value) ? 'magic field' : 'static value'})`);
  return fields;
}

/**
 * Plans a push: a file without `remote` is a create with every mapped field; a linked file is compared with the
 * remote as a pull would write it, field by field, and only the API fields that really changed are listed (a
 * freshly pulled file is never PATCHed); `payload` goes whole, merged over the remote's. A remote changed since the
 * file's `remote.updatedAt` is a conflict. Nothing is ever deleted; remote actions without a file are listed.
 */
export function planPush(files: PushFile[], remotes: RemoteAction[]): PushPlan {
  const plan: PushPlan = { create: [], update: [], unchanged: [], conflicts: [], notSent: [], remoteOnly: [] };
  const byId = new Map(remotes.map((r) => [r.id, r]));
  const linked = new Set<string>();
  for (const { id: file, action } of files) {
    const notSent = notSentFields(action);
    if (notSent.length) plan.notSent.push({ file, fields: notSent });
    const link = linkOf(action);
    if (!link) {
      const body: JsonObject = {};
      for (const field of new Set(SYNCED_FIELDS.map((f) => API_FIELD[f]))) {
        const value = apiValue(field, action, undefined);
        if (value !== undefined) body[field] = value;
      }
      plan.create.push({ file, body });
      continue;
    }
    linked.add(link.id);
    const remote = byId.get(link.id);
    if (!remote) {
      plan.conflicts.push({ file, reason: `the remote action ${link.id} no longer exists` });
      continue;
    }
    if (link.updatedAt !== undefined && remote.updated_at !== undefined && remote.updated_at !== link.updatedAt) {
      plan.conflicts.push({ file, reason: `changed in OpenCX at ${remote.updated_at}, after this file's ${link.updatedAt}: pull first` });
      continue;
    }
    const pulled = localFieldsOf(remote);
    const ours = apiView(action);
    const changed = new Set<string>();
    for (const field of SYNCED_FIELDS) {
      if (action[field] === undefined) continue; // not set here: the remote's value stands
      if (canonical(ours[field]) !== canonical(pulled[field])) changed.add(API_FIELD[field]);
    }
    if (!changed.size) {
      plan.unchanged.push(file);
      continue;
    }
    const fields = [...changed].sort();
    plan.update.push({ file, id: link.id, fields, body: Object.fromEntries(fields.map((f) => [f, apiValue(f, action, remote)])) });
  }
  for (const remote of remotes) if (!linked.has(remote.id)) plan.remoteOnly.push({ id: remote.id, name: remote.name });
  return plan;
}
