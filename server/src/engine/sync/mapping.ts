import { createHash } from 'node:crypto';
import { isJsonObject, stringsOf, type JsonObject } from '../document/json';
import { CHANNELS, HTTP_METHODS } from '../model/action';
import type { RemoteAction } from './types';

/** The API's channel names ↔ ours: the docs' example says `"web"` for what the dashboard calls the widget. */
const CHANNEL_TO_LOCAL: Record<string, string> = { web: 'widget', widget: 'widget' };
const CHANNEL_TO_REMOTE: Record<string, string> = { widget: 'web' };

/** The local fields the public API carries; everything else in a file is local only (see docs/sync.md). */
export const SYNCED_FIELDS = ['name', 'description', 'method', 'endpoint', 'parameters', 'body', 'bodyFormat', 'channels', 'tags', 'pinned', 'requireFormSubmission', 'operationId'] as const;

/** A remote action's synced fields in our format (absent fields are left out, never invented). */
export function localFieldsOf(remote: RemoteAction, notes: string[] = []): JsonObject {
  const out: JsonObject = { name: remote.name, description: remote.description ?? '' };
  const method = String(remote.request_type ?? remote.payload?.method ?? 'GET').toUpperCase();
  out.method = (HTTP_METHODS as readonly string[]).includes(method) ? method : 'GET';
  if (out.method !== method) notes.push(`request_type "${method}" is not one of ${HTTP_METHODS.join(', ')}; GET was written`);
  out.endpoint = remote.api_endpoint;
  const parameters = (remote.payload?.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query').map((p) => ({
    name: p.name,
    in: p.in,
    ...(p.description ? { description: p.description } : {}),
    required: p.in === 'path' ? true : p.required === true,
    ...(isJsonObject(p.schema) ? { schema: p.schema } : {}),
  }));
  if (parameters.length) out.parameters = parameters;
  const content = remote.payload?.requestBody?.content ?? {};
  const json = Object.keys(content).find((m) => /json/i.test(m));
  const multipart = Object.keys(content).find((m) => /^multipart\/form-data/i.test(m));
  const media = json ?? multipart;
  if (media && ['POST', 'PUT', 'PATCH'].includes(out.method as string)) {
    out.body = content[media].schema ?? { type: 'object' };
    out.bodyFormat = media === json ? 'json' : 'multipart';
  }
  const channels = stringsOf(remote.enabled_on_channel?.channels).map((c) => CHANNEL_TO_LOCAL[c.toLowerCase()] ?? c.toLowerCase());
  const known = channels.filter((c) => (CHANNELS as readonly string[]).includes(c));
  if (known.length !== channels.length) notes.push(`channels ${channels.filter((c) => !known.includes(c)).join(', ')} are not known here and were left out`);
  out.channels = [...new Set(known)];
  if (Array.isArray(remote.tags) && remote.tags.length) out.tags = stringsOf(remote.tags);
  if (typeof remote.pinned === 'boolean') out.pinned = remote.pinned;
  if (typeof remote.require_form_submission === 'boolean') out.requireFormSubmission = remote.require_form_submission;
  if (typeof remote.operation_id === 'string' && remote.operation_id) out.operationId = remote.operation_id;
  return out;
}

/** Our channel name as the API writes it. */
export function remoteChannel(channel: string): string {
  return CHANNEL_TO_REMOTE[channel] ?? channel;
}

/** JSON with sorted keys: equal values give equal strings (how synced fields are compared and hashed). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isJsonObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** The hash of an action's synced fields (canonical JSON), recorded as `remote.hash`. */
export function syncedHash(action: JsonObject): string {
  const synced: JsonObject = {};
  for (const key of SYNCED_FIELDS) if (action[key] !== undefined) synced[key] = action[key];
  return `sha256:${createHash('sha256').update(canonical(synced)).digest('hex')}`;
}
