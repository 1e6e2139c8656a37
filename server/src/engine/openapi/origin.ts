import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { isJsonObject, type JsonObject } from '../document/json';

/** Fields the import never writes: editing them is not a hand edit, and a re-import keeps them. */
export const USER_FIELDS = ['origin', 'remote', 'lint', 'utterances'] as const;

/** Where an imported action came from, as recorded in its `origin`. */
export interface Origin {
  /** The spec: a path relative to the action's folder, or a URL. */
  spec: string;
  operationId: string;
  /** `sha256:` and the hex digest of the generated fields, in canonical form (see generatedHash). */
  hash: string;
}

/** JSON with object keys sorted at every level, so formatting and key order never count as an edit. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isJsonObject(value)) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The hash of an action's generated fields: everything but `origin`, `remote`, `lint` and `utterances`. */
export function generatedHash(action: JsonObject): string {
  const generated: JsonObject = {};
  for (const [k, v] of Object.entries(action)) if (!(USER_FIELDS as readonly string[]).includes(k)) generated[k] = v;
  return `sha256:${createHash('sha256').update(canonical(generated)).digest('hex')}`;
}

export function originOf(action: unknown): Origin | undefined {
  if (!isJsonObject(action) || !isJsonObject(action.origin)) return undefined;
  const { spec, operationId, hash } = action.origin;
  return typeof spec === 'string' && typeof operationId === 'string' && typeof hash === 'string' ? { spec, operationId, hash } : undefined;
}

const isUrl = (location: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(location);

/** `origin.spec` for an action file: the spec's path relative to the file's folder (a URL stays a URL). */
export function specReference(specLocation: string, actionId: string): string {
  if (isUrl(specLocation)) return specLocation;
  const relative = posix.relative(posix.dirname(actionId), specLocation);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Whether an action's `origin.spec` names this spec (resolved against the action's folder). */
export function refersToSpec(origin: Origin, actionId: string, specLocation: string): boolean {
  if (isUrl(origin.spec) || isUrl(specLocation)) return origin.spec === specLocation;
  return posix.normalize(posix.join(posix.dirname(actionId), origin.spec)) === posix.normalize(specLocation);
}
