import { isJsonObject, stringsOf, type JsonObject } from '../document/json';
import type { ParsedSpec } from './parse';
import type { SpecOperation } from './types';

/** Every method an OpenAPI path item may hold, in the order files usually list them. */
export const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The key that identifies an operation across imports: its operationId, else `METHOD /path`. */
export function operationKey(method: string, path: string, operationId: unknown): string {
  return typeof operationId === 'string' && operationId.trim() ? operationId.trim() : `${method.toUpperCase()} ${path}`;
}

/** A server object's URL with its `{variables}` replaced by their defaults. */
function serverUrl(server: unknown): string | undefined {
  if (!isJsonObject(server) || typeof server.url !== 'string') return undefined;
  const variables = isJsonObject(server.variables) ? server.variables : {};
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isJsonObject(variable) && variable.default !== undefined ? String(variable.default) : whole;
  });
}

function serversOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(serverUrl).filter((u): u is string => u !== undefined) : [];
}

/** Swagger 2.0's one server: `schemes` (https preferred), `host`, `basePath`. */
function swaggerServer(document: JsonObject): string[] {
  if (typeof document.host !== 'string' || !document.host) return [];
  const schemes = stringsOf(document.schemes);
  const scheme = schemes.length === 0 || schemes.includes('https') ? 'https' : schemes[0];
  const basePath = typeof document.basePath === 'string' ? document.basePath : '';
  return [`${scheme}://${document.host}${basePath}`];
}

/** Path-item parameters first, replaced by the operation's own of the same name and location. */
function mergedParameters(pathItem: JsonObject, operation: JsonObject): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const p of list) if (isJsonObject(p)) byKey.set(`${String(p.in)}:${String(p.name)}`, p);
  }
  return [...byKey.values()];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The operations of a parsed spec, in file order (path, then method). */
export function listOperations(spec: ParsedSpec): SpecOperation[] {
  const { document } = spec;
  const documentServers = spec.version === '2.0' ? swaggerServer(document) : serversOf(document.servers);
  const operations: SpecOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths as JsonObject)) {
    if (!isJsonObject(pathItem)) continue;
    const pathServers = serversOf(pathItem.servers);
    for (const method of OPENAPI_METHODS) {
      const raw = pathItem[method];
      if (!isJsonObject(raw)) continue;
      const ownServers = serversOf(raw.servers);
      operations.push({
        key: operationKey(method, path, raw.operationId),
        operationId: text(raw.operationId),
        method: method.toUpperCase(),
        path,
        tags: stringsOf(raw.tags),
        summary: text(raw.summary),
        description: text(raw.description),
        raw,
        parameters: mergedParameters(pathItem, raw),
        servers: ownServers.length ? ownServers : pathServers.length ? pathServers : documentServers,
      });
    }
  }
  return operations;
}

/** Whether one of `names` is the operation's key (operationId) or its `METHOD /path` (method in any case). */
export function namesOperation(operation: SpecOperation, names: string[]): boolean {
  const route = `${operation.method} ${operation.path}`;
  return names.some((name) => name === operation.key || name.replace(/^\S+/, (m) => m.toUpperCase()) === route);
}

/**
 * Whether an operation is picked by `--operation`/`--tag`: with no filter every operation is; otherwise those
 * named by an `--operation` (operationId or `METHOD /path`) plus those with one of the `--tag`s.
 */
export function isSelected(operation: SpecOperation, operations: string[], tags: string[]): boolean {
  if (!operations.length && !tags.length) return true;
  if (namesOperation(operation, operations)) return true;
  return operation.tags.some((t) => tags.includes(t));
}

/** What a picker shows of an operation. */
export interface OperationListing {
  key: string;
  method: string;
  path: string;
  summary?: string;
  tags: string[];
}

/** The operations of a parsed spec as a picker lists them. */
export function operationListings(spec: ParsedSpec): OperationListing[] {
  return listOperations(spec).map(({ key, method, path, summary, tags }) => ({ key, method, path, summary, tags }));
}
