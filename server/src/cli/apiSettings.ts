import fs from 'node:fs';
import path from 'node:path';
import { API_BASE_URL_VARIABLE, API_KEY_VARIABLE, apiTargetOf, isJsonObject, type JsonObject, minimalConfigText } from '../engine';
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

function readConfig(file: string): JsonObject {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (!isJsonObject(value)) throw new Error('its top level is not an object');
    return value;
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * The API settings for a folder: the nearest opencx.config.json at or above it (`api.baseUrl`, `api.key` as a
 * `${secret:NAME}` read from OPENCX_SECRET_NAME, both overlaid by `--env`; engine/sync/apiTarget.ts), else
 * OPENCX_API_BASE_URL, else OpenCX's base URL; without a configured key, OPENCX_API_KEY. A missing key is bad
 * usage (exit 2), never a prompt.
 */
export function apiSettings(folder: string, environment: string | undefined, env: NodeJS.ProcessEnv): ApiSettings {
  const configFile = findNearestConfig(folder);
  const config = configFile ? readConfig(configFile) : undefined;
  const resolved = apiTargetOf(config, environment, configFile, env[API_BASE_URL_VARIABLE]);
  if (!resolved.ok) throw new UsageError(configFile ? resolved.message : `${resolved.message} at or above ${folder}`);
  const { baseUrl, keySecret } = resolved.target;
  let key: string | undefined;
  if (keySecret !== undefined) {
    key = envSecretSource(env).isSet(keySecret) ? secretVariableNames(keySecret).map((v) => env[v]).find((v) => v) : undefined;
    if (!key) throw new UsageError(`the API key \${secret:${keySecret}} is not set: export ${secretVariableNames(keySecret)[0]}`);
  } else {
    key = env[API_KEY_VARIABLE] || undefined;
    if (!key) throw new UsageError(`no API key: export ${API_KEY_VARIABLE}, or set api.key to a \${secret:NAME} in opencx.config.json`);
  }
  return { baseUrl, key, configFile };
}

/** With no config above the folder, `pull` writes a minimal one (the base URL it used) so later commands find the organisation. */
export function writeMinimalConfig(folder: string, baseUrl: string): string {
  const file = path.join(folder, 'opencx.config.json');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(file, minimalConfigText(baseUrl));
  return file;
}
