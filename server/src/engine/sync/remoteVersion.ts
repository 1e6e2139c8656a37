import { applyEdits, modify } from 'jsonc-parser';
import { isJsonObject, type JsonObject } from '../document/json';
import { canonical, localFieldsOf, SYNCED_FIELDS } from './mapping';
import { merged, parseAction } from './pull';
import type { RemoteAction, RemoteLink } from './types';

/** The indentation of a JSON text: its first indented line's, else two spaces. */
function indentOf(text: string): { insertSpaces: boolean; tabSize: number } {
  const first = /\n([ \t]+)\S/.exec(text)?.[1];
  if (first?.startsWith('\t')) return { insertSpaces: false, tabSize: 1 };
  return { insertSpaces: true, tabSize: first?.length || 2 };
}

/**
 * What OpenCX has for an action, written as our file: the local text with each synced field replaced by the
 * remote's value as a pull would write it (and `remote.updatedAt` by the remote's), keeping the local file's order,
 * formatting and local-only fields, so a diff against the local file shows only what push would change (or what a
 * pull would bring). Without a local file (a remote-only action): the file a pull would create.
 */
export function remoteVersionText(localText: string | undefined, remote: RemoteAction): string {
  const pulled = localFieldsOf(remote);
  const local = localText !== undefined ? parseAction(localText) : undefined;
  if (localText === undefined || !local) return JSON.stringify(merged(undefined, pulled, remote, true), null, 2) + '\n';
  const link = isJsonObject(local.remote) ? (local.remote as unknown as RemoteLink) : undefined;
  const next: JsonObject = merged(local, pulled, remote, link?.segmentsUnknown === true);
  const formattingOptions = indentOf(localText);
  let text = localText;
  for (const key of SYNCED_FIELDS) {
    if (canonical(next[key]) === canonical(local[key])) continue;
    text = applyEdits(text, modify(text, [key], next[key], { formattingOptions }));
  }
  if (link && remote.updated_at !== undefined && link.updatedAt !== remote.updated_at) {
    text = applyEdits(text, modify(text, ['remote', 'updatedAt'], remote.updated_at, { formattingOptions }));
  }
  return text;
}
