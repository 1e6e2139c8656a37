import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_API_BASE_URL, isJsonObject, type JsonObject } from '../engine';
import { envSecretSource, secretVariableNames } from './envSecrets';
import { findNearestConfig } from './files';
import { InputError, UsageError } from './usage';

/** Where and with which key the CLI talks to OpenCX's API. */
export interface ApiSettings {
  baseUrl: string;
  key: string;
  /** The config that gave them, or undefined (then the defaults were used). */
  configFile?: string;
}

const SECRET_REFERENCE = /^\$\{secret:([A-Za-z0-9_]+)\}$/;

function readConfig(file: string): JsonObject {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (!isJsonObject(value)) throw new Error('its top level is not an object');
    return value;
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** The config's `api`, with the environment's `api` laid over it key by key. */
function apiSection(config: JsonObject, environment: string | undefined, file: string): JsonObject {
  const base = isJsonObject(config.api) ? config.api : {};
  if (environment === undefined) return base;
  const environments = isJsonObject(config.environments) ? config.environments : {};
  const overlay = environments[environment];
  if (!isJsonObject(overlay)) throw new UsageError(`--env "${environment}" is not defined in ${file}${Object.keys(environments).length ? `; available: ${Object.keys(environments).join(', ')}` : ''}`);
  return { ...base, ...(isJsonObject(overlay.api) ? overlay.api : {}) };
}

/**
 * The API settings for a folder: the nearest opencx.config.json at or above it (`api.baseUrl`, `api.key` as a
 * `${secret:NAME}` read from OPENCX_SECRET_NAME, both overlaid by `--env`), else OpenCX's base URL; without a
 * configured key, OPENCX_API_KEY. A missing key is bad usage (exit 2), never a prompt.
 */
export function apiSettings(folder: string, environment: string | undefined, env: NodeJS.ProcessEnv): ApiSettings {
  const configFile = findNearestConfig(folder);
  const config = configFile ? readConfig(configFile) : {};
  const environmentName = environment ?? (typeof config.defaultEnvironment === 'string' ? config.defaultEnvironment : undefined);
  if (!configFile && environment !== undefined) throw new UsageError(`--env "${environment}" needs an opencx.config.json at or above ${folder}`);
  const api = configFile ? apiSection(config, environmentName, configFile) : {};
  const baseUrl = typeof api.baseUrl === 'string' ? api.baseUrl : DEFAULT_API_BASE_URL;
  if (!/^https:\/\//.test(baseUrl)) throw new UsageError(`api.baseUrl must be https://; got "${baseUrl}"`);
  let key: string | undefined;
  if (typeof api.key === 'string') {
    const name = SECRET_REFERENCE.exec(api.key)?.[1];
    if (!name) throw new UsageError(`api.key in ${configFile} must be a \${secret:NAME} reference, never the key itself`);
    key = (() => {
      const source = envSecretSource(env);
      return source.isSet(name) ? secretVariableNames(name).map((v) => env[v]).find((v) => v) : undefined;
    })();
    if (!key) throw new UsageError(`the API key \${secret:${name}} is not set: export ${secretVariableNames(name)[0]}`);
  } else {
    key = env.OPENCX_API_KEY || undefined;
    if (!key) throw new UsageError('no API key: export OPENCX_API_KEY, or set api.key to a ${secret:NAME} in opencx.config.json');
  }
  return { baseUrl, key, configFile };
}

/** With no config above the folder, `pull` writes this minimal one so later commands find the organisation. */
export function writeMinimalConfig(folder: string): string {
  const file = path.join(folder, 'opencx.config.json');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ api: { baseUrl: DEFAULT_API_BASE_URL } }, null, 2) + '\n');
  return file;
}
