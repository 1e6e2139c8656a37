import type { JsonObject } from '../document/json';
import type { OpenCxApiClient } from './apiClient';
import { syncedHash } from './mapping';
import type { PushPlan } from './push';
import type { RemoteAction, RemoteLink } from './types';

/** A file rewritten after a push: its `remote` now names the action and its new `updated_at`. */
export interface PushedFile {
  id: string;
  text: string;
  remoteId: string;
  kind: 'created' | 'updated';
}

function linked(action: JsonObject, remote: RemoteAction, previous: RemoteLink | undefined): JsonObject {
  const link: RemoteLink = { ...(previous ?? {}), id: remote.id, ...(remote.updated_at ? { updatedAt: remote.updated_at } : {}), hash: syncedHash(action) };
  const { remote: _old, ...rest } = action;
  void _old;
  return { ...rest, remote: link };
}

/**
 * Sends a push plan: the creates (`POST /actions`), then the partial updates (`PATCH /actions/{id}` with only the
 * changed fields), one at a time under the client's rate limit, and returns each file with its new `remote`. The
 * caller refuses to apply a plan with conflicts or lint errors, and writes the files. `record` is awaited after
 * each answer, before the next request: when a later call fails or is cancelled, the files already sent have
 * recorded their ids, so the next push does not create them twice.
 */
export async function applyPush(plan: PushPlan, actions: Map<string, JsonObject>, client: OpenCxApiClient, record?: (file: PushedFile) => Promise<void> | void): Promise<PushedFile[]> {
  const done: PushedFile[] = [];
  const keep = async (file: PushedFile) => {
    done.push(file);
    await record?.(file);
  };
  for (const create of plan.create) {
    const remote = await client.createAction(create.body);
    const action = actions.get(create.file)!;
    await keep({ id: create.file, remoteId: remote.id, kind: 'created', text: JSON.stringify(linked(action, remote, undefined), null, 2) + '\n' });
  }
  for (const update of plan.update) {
    const remote = await client.updateAction(update.id, update.body);
    const action = actions.get(update.file)!;
    await keep({ id: update.file, remoteId: remote.id, kind: 'updated', text: JSON.stringify(linked(action, remote, action.remote as RemoteLink | undefined), null, 2) + '\n' });
  }
  return done;
}
