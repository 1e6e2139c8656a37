import type { JsonPath } from '../jsonDocument';

/**
 * The typed view of opencx.config.json (spec B2): the organisation and the test contacts the AI talks to.
 * Tolerant like the action model: values of the wrong type are taken as absent.
 */

export type ScalarParam = string | number | boolean;

export interface ContactConfig {
  segments: string[];
  /** Absent: an anonymous contact (not identified yet). */
  externalId?: string;
  headers: Record<string, string>;
  queryParams: Record<string, ScalarParam>;
  pathParams: Record<string, ScalarParam>;
  bodyParams: Record<string, unknown>;
}

export interface ContextHeadersConfig {
  enabled: boolean;
  orgId?: string;
}

/** The settings an environment can overlay. */
export interface OrgSettings {
  globalVariables: Record<string, string>;
  contextHeaders: ContextHeadersConfig;
  /** Undefined when the config does not list segments (then segment names cannot be checked). */
  segments: string[] | undefined;
  contacts: Record<string, ContactConfig>;
}

export interface OrgConfig extends OrgSettings {
  environments: Record<string, Partial<OrgSettings>>;
  defaultEnvironment?: string;
  defaultContact?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

function scalarMap(v: unknown): Record<string, ScalarParam> {
  const out: Record<string, ScalarParam> = {};
  if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[k] = x;
  }
  return out;
}

function contactOf(v: unknown): ContactConfig {
  const c = isObject(v) ? v : {};
  return {
    segments: strings(c.segments),
    ...(typeof c.externalId === 'string' && c.externalId ? { externalId: c.externalId } : {}),
    headers: stringMap(c.headers),
    queryParams: scalarMap(c.queryParams),
    pathParams: scalarMap(c.pathParams),
    bodyParams: isObject(c.bodyParams) ? { ...c.bodyParams } : {},
  };
}

function contactsOf(v: unknown): Record<string, ContactConfig> {
  const out: Record<string, ContactConfig> = {};
  if (isObject(v)) for (const [name, c] of Object.entries(v)) out[name] = contactOf(c);
  return out;
}

function contextHeadersOf(v: unknown): ContextHeadersConfig {
  const c = isObject(v) ? v : {};
  return { enabled: c.enabled === true, ...(typeof c.orgId === 'string' ? { orgId: c.orgId } : {}) };
}

/** Only the keys an environment actually writes, so an overlay never resets what it does not mention. */
function overlayOf(v: unknown): Partial<OrgSettings> {
  const e = isObject(v) ? v : {};
  return {
    ...(e.globalVariables !== undefined ? { globalVariables: stringMap(e.globalVariables) } : {}),
    ...(e.contextHeaders !== undefined ? { contextHeaders: contextHeadersOf(e.contextHeaders) } : {}),
    ...(Array.isArray(e.segments) ? { segments: strings(e.segments) } : {}),
    ...(e.contacts !== undefined ? { contacts: contactsOf(e.contacts) } : {}),
  };
}

/** The config model of a parsed value, or undefined when the value is not an object. */
export function configModelOf(value: unknown): OrgConfig | undefined {
  if (!isObject(value)) return undefined;
  const environments: Record<string, Partial<OrgSettings>> = {};
  if (isObject(value.environments)) for (const [name, e] of Object.entries(value.environments)) environments[name] = overlayOf(e);
  return {
    globalVariables: stringMap(value.globalVariables),
    contextHeaders: contextHeadersOf(value.contextHeaders),
    segments: Array.isArray(value.segments) ? strings(value.segments) : undefined,
    contacts: contactsOf(value.contacts),
    environments,
    ...(typeof value.defaultEnvironment === 'string' ? { defaultEnvironment: value.defaultEnvironment } : {}),
    ...(typeof value.defaultContact === 'string' ? { defaultContact: value.defaultContact } : {}),
  };
}

/** The raw JSON value of an environment's overlay, for provenance: which layer wrote a given setting. */
export function rawEnvironment(rawConfig: unknown, environment: string): Json | undefined {
  if (!isObject(rawConfig) || !isObject(rawConfig.environments)) return undefined;
  const e = rawConfig.environments[environment];
  return isObject(e) ? e : undefined;
}

/**
 * Where in opencx.config.json the effective value at `settingPath` (e.g. ['globalVariables', 'Authorization'])
 * comes from: the active environment's overlay when it writes that leaf, otherwise the top level.
 * Undefined when neither writes it.
 */
export function settingLocation(rawConfig: unknown, environment: string | undefined, settingPath: JsonPath): JsonPath | undefined {
  const has = (root: unknown, path: JsonPath): boolean => {
    let current = root;
    for (const segment of path) {
      if (!isObject(current) || !(String(segment) in current)) return false;
      current = current[String(segment)];
    }
    return true;
  };
  if (environment !== undefined && has(rawEnvironment(rawConfig, environment), settingPath)) {
    return ['environments', environment, ...settingPath];
  }
  return has(rawConfig, settingPath) ? settingPath : undefined;
}

/**
 * The settings in effect in one environment: the environment's overlay laid over the top level.
 * Maps merge key by key (a contact's maps too); lists and scalars replace.
 */
export function effectiveSettings(config: OrgConfig, environment: string | undefined): OrgSettings {
  const overlay = environment !== undefined ? config.environments[environment] ?? {} : {};
  const contacts: Record<string, ContactConfig> = { ...config.contacts };
  for (const [name, c] of Object.entries(overlay.contacts ?? {})) {
    const base = config.contacts[name];
    contacts[name] = base
      ? {
          segments: c.segments.length || !base.segments.length ? c.segments : base.segments,
          ...(c.externalId ?? base.externalId ? { externalId: c.externalId ?? base.externalId } : {}),
          headers: { ...base.headers, ...c.headers },
          queryParams: { ...base.queryParams, ...c.queryParams },
          pathParams: { ...base.pathParams, ...c.pathParams },
          bodyParams: { ...base.bodyParams, ...c.bodyParams },
        }
      : c;
  }
  return {
    globalVariables: { ...config.globalVariables, ...overlay.globalVariables },
    contextHeaders: { ...config.contextHeaders, ...overlay.contextHeaders },
    segments: overlay.segments ?? config.segments,
    contacts,
  };
}
