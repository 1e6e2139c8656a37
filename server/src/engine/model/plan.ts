import type { JsonPath } from '../document/jsonDocument';
import type { HttpMethod } from './action';

/**
 * The request plan: what OpenCX would send for one action, before anything is sent. Produced by the resolver
 * (engine/resolve), shown by hovers, "Show Request Plan" and `opencx-actions plan`, and sent by the executor.
 *
 * A plan never holds a secret's value: `${secret:NAME}` references stay as written and are filled in by the
 * executor at send time only. So a plan can be shown, logged and stored as it is.
 */

/** Where a header comes from at call time, in increasing precedence (docs/assumptions.md, "Where OpenCX is silent"). */
export type HeaderSource = 'default' | 'action' | 'globalVariable' | 'contact' | 'context';

export const HEADER_SOURCE_ORDER: readonly HeaderSource[] = ['default', 'action', 'globalVariable', 'contact', 'context'];

/** A place in a file that supplied a value: the action file or opencx.config.json, and the JSON path in it. */
export interface SourceLocation {
  file: string;
  path: JsonPath;
}

export interface ShadowedValue {
  source: HeaderSource;
  /** The name as this layer spells it (names compare case-insensitively). */
  name?: string;
  /** The value as written (secret references unexpanded). */
  value: string;
  location?: SourceLocation;
}

export interface PlannedHeader {
  /** The name as the winning layer spells it. */
  name: string;
  /** The value as written (secret references unexpanded); for a magic field, the sample value. */
  value: string;
  source: HeaderSource;
  location?: SourceLocation;
  /** Values of the same header (case-insensitive) from lower layers, which this one replaces. Highest first. */
  shadowed: ShadowedValue[];
  /** Set when the value is a magic field filled by OpenCX from the conversation. */
  magic?: string;
}

export interface PlannedBody {
  format: 'json' | 'multipart';
  value: unknown;
}

export interface RequestPlan {
  method: HttpMethod;
  /** The final URL: path parameters encoded, query parameters added (secret references unexpanded). */
  url: string;
  headers: PlannedHeader[];
  body?: PlannedBody;
  /** Whether the active contact would be offered this action at all (segment filter). */
  visibleToContact: boolean;
  /** One sentence: why the contact is (or is not) offered the action. */
  visibilityReason?: string;
  /** Plain sentences about assumptions and surprises the user should know. */
  notes: string[];
  /** The environment the plan was resolved for; undefined: the top-level settings only. */
  environment?: string;
  /** The test contact the plan was resolved for; undefined: an implicit anonymous visitor. */
  contact?: string;
  /**
   * Dry runs only: names of parameters and body fields that had no value and show a placeholder (`{name}` in the
   * URL, `"{name}"` or the sample value in the body). A plan with placeholders must never be sent.
   */
  placeholders?: string[];
  /**
   * Development only (an environment's `connectTo`): the executor connects to `address` (host:port) instead of
   * resolving `host`; the URL, the Host header and the TLS server name stay `host`'s.
   */
  connectTo?: { host: string; address: string };
}

/**
 * `${secret:NAME}` references in a value. Global, for matchAll and replace; never call test() or exec() on it
 * (they leave lastIndex behind a match for the next caller): use hasSecretReference.
 */
export const SECRET_REFERENCE = /\$\{secret:([A-Za-z0-9_.-]+)\}/g;
const ONE_SECRET_REFERENCE = new RegExp(SECRET_REFERENCE.source);

/** Whether a value holds a `${secret:NAME}` reference. */
export function hasSecretReference(value: string): boolean {
  return ONE_SECRET_REFERENCE.test(value);
}

export function secretReferences(value: string): string[] {
  return [...value.matchAll(SECRET_REFERENCE)].map((m) => m[1]);
}

/** Where secret values come from at send time: VS Code's SecretStorage, or OPENCX_SECRET_<NAME> in a terminal. */
export interface SecretSource {
  get(name: string): Promise<string | undefined>;
  /** Whether a value exists, without handing it out (for `unknown-secret` and plan notes); optional. */
  has?(name: string): Promise<boolean>;
}
