import type { JsonPath } from '../jsonDocument';
import { isJsonObject, type JsonObject, stringsOf } from '../json';

/**
 * The typed view of opencx.config.json (spec B2): the organisation and the test contacts the AI talks to.
 * Tolerant like the action model: values of the wrong type are taken as absent.
 */

/** A query, path or body override value as the config may write it. */
export type ScalarParam = string | number | boolean;

/** A named test contact after reading: every map present (empty when not written). */
export interface ContactConfig {
  segments: string[];
  /** Absent: an anonymous contact (not identified yet). */
  externalId?: string;
  /** Sample identity, used for the magic fields `contact.email`, `contact.name` and `contact.phone`. */
  email?: string;
  name?: string;
  phone?: string;
  headers: Record<string, string>;
  queryParams: Record<string, ScalarParam>;
  pathParams: Record<string, ScalarParam>;
  bodyParams: Record<string, unknown>;
}

/** Whether support has enabled the `x-opencx-*` headers, and the organisation UUID they carry. */
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
  /**
   * Development only: connect to this `address:port` instead of resolving the host (like curl's --connect-to);
   * the URL, the Host header and the TLS name stay the host's. OpenCX always resolves the real host.
   */
  connectTo: Record<string, string>;
}

/** What an environment writes about one contact: only the keys present in the file. */
export type ContactOverlay = Partial<ContactConfig>;

/**
 * What one environment writes: only the keys present in the file, so an overlay never resets what it does not
 * mention (`"segments": []` written is an empty list; not written is `undefined`).
 */
export interface OrgOverlay {
  globalVariables?: Record<string, string>;
  contextHeaders?: Partial<ContextHeadersConfig>;
  segments?: string[];
  contacts?: Record<string, ContactOverlay>;
  connectTo?: Record<string, string>;
}

/** The whole config: top-level settings, the environment overlays, and the defaults for the active selection. */
export interface OrgConfig extends OrgSettings {
  environments: Record<string, OrgOverlay>;
  /**
   * Groups of segments a contact is in at most one of (`[["Business", "Personal"]]`): actions restricted to
   * different segments of one group are never offered to the same contact. Top level only: who can be in which
   * segment is a fact about the organisation, not about an environment.
   */
  exclusiveSegmentGroups: string[][];
  defaultEnvironment?: string;
  defaultContact?: string;
}

const has = (o: JsonObject, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isJsonObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

function scalarMap(v: unknown): Record<string, ScalarParam> {
  const out: Record<string, ScalarParam> = {};
  if (isJsonObject(v)) {
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[k] = x;
  }
  return out;
}

const IDENTITY_KEYS = ['externalId', 'email', 'name', 'phone'] as const;

/** The keys a contact object writes, each read tolerantly; keys of the wrong type count as not written. */
function contactOverlayOf(v: unknown): ContactOverlay {
  const c = isJsonObject(v) ? v : {};
  const out: ContactOverlay = {};
  if (Array.isArray(c.segments)) out.segments = stringsOf(c.segments);
  for (const key of IDENTITY_KEYS) {
    const value = c[key];
    if (typeof value === 'string' && value) out[key] = value;
  }
  if (isJsonObject(c.headers)) out.headers = stringMap(c.headers);
  if (isJsonObject(c.queryParams)) out.queryParams = scalarMap(c.queryParams);
  if (isJsonObject(c.pathParams)) out.pathParams = scalarMap(c.pathParams);
  if (isJsonObject(c.bodyParams)) out.bodyParams = { ...c.bodyParams };
  return out;
}

const EMPTY_CONTACT: ContactConfig = { segments: [], headers: {}, queryParams: {}, pathParams: {}, bodyParams: {} };

/** A complete contact: what is written, the rest empty. */
function completeContact(overlay: ContactOverlay): ContactConfig {
  return { ...EMPTY_CONTACT, ...overlay };
}

function contactsOf(v: unknown, complete: boolean): Record<string, ContactConfig | ContactOverlay> {
  const out: Record<string, ContactConfig | ContactOverlay> = {};
  if (isJsonObject(v)) for (const [name, c] of Object.entries(v)) out[name] = complete ? completeContact(contactOverlayOf(c)) : contactOverlayOf(c);
  return out;
}

function contextHeadersOverlayOf(v: unknown): Partial<ContextHeadersConfig> {
  const c = isJsonObject(v) ? v : {};
  return {
    ...(typeof c.enabled === 'boolean' ? { enabled: c.enabled } : {}),
    ...(typeof c.orgId === 'string' ? { orgId: c.orgId } : {}),
  };
}

/** Only the keys an environment actually writes, so an overlay never resets what it does not mention. */
function overlayOf(v: unknown): OrgOverlay {
  const e = isJsonObject(v) ? v : {};
  return {
    ...(has(e, 'globalVariables') ? { globalVariables: stringMap(e.globalVariables) } : {}),
    ...(has(e, 'contextHeaders') ? { contextHeaders: contextHeadersOverlayOf(e.contextHeaders) } : {}),
    ...(Array.isArray(e.segments) ? { segments: stringsOf(e.segments) } : {}),
    ...(has(e, 'contacts') ? { contacts: contactsOf(e.contacts, false) } : {}),
    ...(has(e, 'connectTo') ? { connectTo: stringMap(e.connectTo) } : {}),
  };
}

/** `exclusiveSegmentGroups` read tolerantly: lists of strings; a group of fewer than two segments excludes nothing. */
function exclusiveGroupsOf(v: unknown): string[][] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((group) => (Array.isArray(group) ? [[...new Set(stringsOf(group))]] : [])).filter((group) => group.length >= 2);
}

/** The config model of a parsed value, or undefined when the value is not an object. */
export function configModelOf(value: unknown): OrgConfig | undefined {
  if (!isJsonObject(value)) return undefined;
  const environments: Record<string, OrgOverlay> = {};
  if (isJsonObject(value.environments)) for (const [name, e] of Object.entries(value.environments)) environments[name] = overlayOf(e);
  return {
    globalVariables: stringMap(value.globalVariables),
    contextHeaders: { enabled: false, ...contextHeadersOverlayOf(value.contextHeaders) },
    segments: Array.isArray(value.segments) ? stringsOf(value.segments) : undefined,
    contacts: contactsOf(value.contacts, true) as Record<string, ContactConfig>,
    connectTo: {},
    environments,
    exclusiveSegmentGroups: exclusiveGroupsOf(value.exclusiveSegmentGroups),
    ...(typeof value.defaultEnvironment === 'string' ? { defaultEnvironment: value.defaultEnvironment } : {}),
    ...(typeof value.defaultContact === 'string' ? { defaultContact: value.defaultContact } : {}),
  };
}

/** The raw JSON value of an environment's overlay, for provenance: which layer wrote a given setting. */
export function rawEnvironment(rawConfig: unknown, environment: string): JsonObject | undefined {
  if (!isJsonObject(rawConfig) || !isJsonObject(rawConfig.environments)) return undefined;
  const e = has(rawConfig.environments, environment) ? rawConfig.environments[environment] : undefined;
  return isJsonObject(e) ? e : undefined;
}

/**
 * Where in opencx.config.json the effective value at `settingPath` (e.g. ['globalVariables', 'Authorization'])
 * comes from: the active environment's overlay when it writes that leaf, otherwise the top level.
 * Undefined when neither writes it.
 */
export function settingLocation(rawConfig: unknown, environment: string | undefined, settingPath: JsonPath): JsonPath | undefined {
  const writes = (root: unknown, path: JsonPath): boolean => {
    let current = root;
    for (const segment of path) {
      if (!isJsonObject(current) || !has(current, String(segment))) return false;
      current = current[String(segment)];
    }
    return true;
  };
  if (environment !== undefined && writes(rawEnvironment(rawConfig, environment), settingPath)) {
    return ['environments', environment, ...settingPath];
  }
  return writes(rawConfig, settingPath) ? settingPath : undefined;
}

/**
 * Header maps merge key by key with names compared case-insensitively: the overlay's `authorization` replaces the
 * top level's `Authorization` (and keeps its own spelling), as HTTP would treat them as one header anyway.
 */
export function mergeHeaderMaps(base: Record<string, string>, overlay: Record<string, string> | undefined): Record<string, string> {
  if (!overlay) return { ...base };
  const replaced = new Set(Object.keys(overlay).map((k) => k.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (!replaced.has(k.toLowerCase())) out[k] = v;
  return Object.assign(out, overlay);
}

/** One contact after its environment overlay: maps merge, lists and scalars replace, unwritten keys stay. */
function overlayContact(base: ContactConfig | undefined, overlay: ContactOverlay): ContactConfig {
  if (!base) return completeContact(overlay);
  return {
    ...base,
    ...overlay,
    headers: mergeHeaderMaps(base.headers, overlay.headers),
    queryParams: { ...base.queryParams, ...overlay.queryParams },
    pathParams: { ...base.pathParams, ...overlay.pathParams },
    bodyParams: { ...base.bodyParams, ...overlay.bodyParams },
  };
}

/**
 * The settings in effect in one environment: the environment's overlay laid over the top level.
 * Maps merge key by key (a contact's maps too; header names case-insensitively); lists and scalars replace;
 * a key the environment does not write keeps the top-level value. An unknown environment overlays nothing.
 */
export function effectiveSettings(config: OrgConfig, environment: string | undefined): OrgSettings {
  const overlay: OrgOverlay = environment !== undefined && has(config.environments, environment) ? config.environments[environment] : {};
  const contacts: Record<string, ContactConfig> = { ...config.contacts };
  for (const [name, c] of Object.entries(overlay.contacts ?? {})) contacts[name] = overlayContact(has(config.contacts, name) ? config.contacts[name] : undefined, c);
  return {
    globalVariables: mergeHeaderMaps(config.globalVariables, overlay.globalVariables),
    contextHeaders: { ...config.contextHeaders, ...overlay.contextHeaders },
    segments: overlay.segments ?? config.segments,
    contacts,
    connectTo: { ...config.connectTo, ...overlay.connectTo },
  };
}

/**
 * The environment and contact names configs define, in file order: top-level contacts first, then contacts written
 * only inside an environment.
 */
export function organisationNames(configs: Iterable<OrgConfig>): { environments: string[]; contacts: string[] } {
  const environments = new Set<string>();
  const contacts = new Set<string>();
  for (const config of configs) {
    for (const contact of Object.keys(config.contacts)) contacts.add(contact);
    for (const [name, overlay] of Object.entries(config.environments)) {
      environments.add(name);
      for (const contact of Object.keys(overlay.contacts ?? {})) contacts.add(contact);
    }
  }
  return { environments: [...environments], contacts: [...contacts] };
}
