import { isJsonObject, type JsonObject } from '../document/json';

/** OpenCX's documented base URL. */
export const DEFAULT_API_BASE_URL = 'https://api.open.cx';

/** The environment variable that overrides the default base URL when no config names one (a test server, a proxy). */
export const API_BASE_URL_VARIABLE = 'OPENCX_API_BASE_URL';

/** The key used when the config names none (the CLI's environment; VS Code: after the key set with "Set API Key"). */
export const API_KEY_VARIABLE = 'OPENCX_API_KEY';

/** Where to send and which key to use, before the key's value is looked up (the adapters own secret storage). */
export interface ApiTarget {
  baseUrl: string;
  /** The secret named by `api.key` (`${secret:NAME}`), or undefined when the config names no key. */
  keySecret?: string;
  /** The environment whose `api` was laid over the config's (the given one, else `defaultEnvironment`). */
  environment?: string;
}

export type ApiTargetResult = { ok: true; target: ApiTarget } | { ok: false; message: string; usage: boolean };

const SECRET_REFERENCE = /^\$\{secret:([A-Za-z0-9_.-]+)\}$/;

/**
 * The API target of an organisation: its config's `api` (`baseUrl`, `key` as a `${secret:NAME}` reference), with
 * the environment's `api` laid over it key by key (the given environment, else the config's `defaultEnvironment`),
 * so a staging organisation never gets the production key. Without a configured base URL: `fallbackBaseUrl`
 * (OPENCX_API_BASE_URL where the adapter reads it), else OpenCX's. `configFile` only names the file in messages.
 */
export function apiTargetOf(config: JsonObject | undefined, environment: string | undefined, configFile: string | undefined, fallbackBaseUrl?: string): ApiTargetResult {
  if (!config && environment !== undefined) return { ok: false, usage: true, message: `--env "${environment}" needs an opencx.config.json` };
  const chosen = environment ?? (config && typeof config.defaultEnvironment === 'string' ? config.defaultEnvironment : undefined);
  let api: JsonObject = config && isJsonObject(config.api) ? config.api : {};
  if (config && chosen !== undefined) {
    const environments = isJsonObject(config.environments) ? config.environments : {};
    const overlay = environments[chosen];
    if (!isJsonObject(overlay)) {
      const names = Object.keys(environments);
      return { ok: false, usage: true, message: `--env "${chosen}" is not defined in ${configFile ?? 'opencx.config.json'}${names.length ? `; available: ${names.join(', ')}` : ''}` };
    }
    api = { ...api, ...(isJsonObject(overlay.api) ? overlay.api : {}) };
  }
  const baseUrl = typeof api.baseUrl === 'string' ? api.baseUrl : fallbackBaseUrl || DEFAULT_API_BASE_URL;
  if (!/^https:\/\//.test(baseUrl)) return { ok: false, usage: true, message: `api.baseUrl must be https://; got "${baseUrl}"` };
  const target: ApiTarget = { baseUrl, ...(chosen !== undefined && config ? { environment: chosen } : {}) };
  if (api.key === undefined) return { ok: true, target };
  const name = typeof api.key === 'string' ? SECRET_REFERENCE.exec(api.key)?.[1] : undefined;
  if (!name) return { ok: false, usage: true, message: `api.key in ${configFile ?? 'opencx.config.json'} must be a \${secret:NAME} reference, never the key itself` };
  return { ok: true, target: { ...target, keySecret: name } };
}

/** The minimal config `pull` writes where none was found, so later commands find the organisation. */
export function minimalConfigText(baseUrl: string): string {
  return JSON.stringify({ api: { baseUrl } }, null, 2) + '\n';
}
