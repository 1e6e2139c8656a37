import { fileStemOf } from '../model/newAction';
import { isJsonObject, type JsonObject } from '../document/json';
import { localFieldsOf, SYNCED_FIELDS, syncedHash } from './mapping';
import type { RemoteAction, RemoteLink } from './types';

/** An action file that exists under the pull's folder. */
export interface LocalFile {
  id: string;
  text: string;
}

export interface PullOptions {
  /** Where new files go (absolute, `/` separators): `--out`/actions. */
  actionsDir: string;
  /** Overwrite local changes. */
  force: boolean;
}

/** What a pull decided, before anything is written; ids are absolute paths with `/`. */
export interface PullPlan {
  created: string[];
  updated: string[];
  unchanged: string[];
  conflicts: string[];
  writes: { id: string; text: string }[];
  notes: { id: string; message: string }[];
}

export function parseAction(text: string): JsonObject | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function remoteOf(action: JsonObject): RemoteLink | undefined {
  const r = action.remote;
  return isJsonObject(r) && typeof r.id === 'string' ? (r as unknown as RemoteLink) : undefined;
}

/** `Look up order` → `look-up-order`: a file name from the action's name, as New Action names files. */
export function fileNameOf(name: string): string {
  return fileStemOf(name) || 'action';
}

/** The file's new content: its local-only fields kept, the synced ones from the remote, `remote` updated. */
export function merged(existing: JsonObject | undefined, pulledFields: JsonObject, remote: RemoteAction, segmentsUnknown: boolean): JsonObject {
  let fields = pulledFields;
  const out: JsonObject = {};
  const local = existing ?? {};
  for (const [k, v] of Object.entries(local)) if (!(SYNCED_FIELDS as readonly string[]).includes(k) && k !== 'remote') out[k] = v;
  // Static and magic parameter values are not in the API: a file keeps them (after the remote's parameters).
  const localParameters = Array.isArray(local.parameters) ? local.parameters.filter((p) => isJsonObject(p) && p.value !== undefined) : [];
  if (localParameters.length) fields = { ...fields, parameters: [...(Array.isArray(fields.parameters) ? fields.parameters : []), ...localParameters] };
  const link: RemoteLink = { id: remote.id, ...(remote.updated_at ? { updatedAt: remote.updated_at } : {}), hash: syncedHash(fields) };
  if (segmentsUnknown) link.segmentsUnknown = true;
  return { ...fields, ...out, remote: link };
}

/**
 * Plans a pull: one file per remote action, linked by `remote.id`. A linked file whose synced fields still have
 * the recorded hash takes the remote's (updated, or unchanged when equal); one edited since is a conflict (left
 * as it is) unless `force`. Fields the API does not carry (segments, headers, magic values, lint…) stay as they
 * are in existing files; a new file records that its segments are unknown.
 */
export function planPull(remotes: RemoteAction[], existing: LocalFile[], options: PullOptions): PullPlan {
  const plan: PullPlan = { created: [], updated: [], unchanged: [], conflicts: [], writes: [], notes: [] };
  const byRemoteId = new Map<string, { file: LocalFile; action: JsonObject; link: RemoteLink }>();
  for (const file of existing) {
    const action = parseAction(file.text);
    const link = action && remoteOf(action);
    if (action && link && !byRemoteId.has(link.id)) byRemoteId.set(link.id, { file, action, link });
  }
  const taken = new Set(existing.map((f) => f.id.toLowerCase()));
  for (const remote of [...remotes].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))) {
    const notes: string[] = [];
    const fields = localFieldsOf(remote, notes);
    const linked = byRemoteId.get(remote.id);
    if (!linked) {
      const id = freeId(options.actionsDir, fileNameOf(remote.name), taken);
      plan.created.push(id);
      plan.writes.push({ id, text: JSON.stringify(merged(undefined, fields, remote, true), null, 2) + '\n' });
      plan.notes.push(...notes.map((message) => ({ id, message })));
      continue;
    }
    const { file, action, link } = linked;
    const localHash = syncedHash(action);
    const next = merged(action, fields, remote, link.segmentsUnknown === true);
    const remoteHash = syncedHash(next);
    const editedLocally = link.hash !== undefined && localHash !== link.hash;
    if (localHash === remoteHash && link.updatedAt === remote.updated_at) plan.unchanged.push(file.id);
    else if (editedLocally && localHash !== remoteHash && !options.force) plan.conflicts.push(file.id);
    else {
      plan.updated.push(file.id);
      plan.writes.push({ id: file.id, text: JSON.stringify(next, null, 2) + '\n' });
      plan.notes.push(...notes.map((message) => ({ id: file.id, message })));
    }
  }
  return plan;
}

function freeId(folder: string, base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `${folder.replace(/\/+$/, '')}/${base}${n === 1 ? '' : `-${n}`}.action.json`;
    if (!taken.has(id.toLowerCase())) {
      taken.add(id.toLowerCase());
      return id;
    }
  }
}
