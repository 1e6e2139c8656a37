import { effectiveSettings, type ContactConfig, type OrgSettings } from '../model/config';
import type { OrgInput, Resolved, ResolveError, Selection } from './resolution';

const NO_SETTINGS: OrgSettings = { globalVariables: {}, contextHeaders: { enabled: false }, segments: undefined, contacts: {}, connectTo: {} };

/** The implicit contact when none is chosen: anonymous, no segments, no widget values. */
export const ANONYMOUS_CONTACT: ContactConfig = { segments: [], headers: {}, queryParams: {}, pathParams: {}, bodyParams: {} };

const quoteList = (names: string[]): string => (names.length ? names.map((n) => `"${n}"`).join(', ') : 'none');

function unknownName(kind: 'environment' | 'contact', name: string, available: string[], viaDefault: boolean, environment?: string): ResolveError {
  const given = viaDefault ? `default${kind === 'environment' ? 'Environment' : 'Contact'} "${name}"` : `${kind} "${name}"`;
  const where = environment === undefined ? 'opencx.config.json' : `opencx.config.json (environment "${environment}")`;
  return {
    code: kind === 'environment' ? 'unknown-environment' : 'unknown-contact',
    message: `unknown ${given}: ${where} has no such ${kind}; available: ${quoteList(available)}`,
    available,
  };
}

function pickEnvironment(org: OrgInput | undefined, requested: string | undefined): Resolved<string | undefined> {
  const available = Object.keys(org?.config.environments ?? {});
  const name = requested ?? org?.config.defaultEnvironment;
  if (name === undefined) return { ok: true, value: undefined };
  if (!available.includes(name)) return { ok: false, error: unknownName('environment', name, available, requested === undefined) };
  return { ok: true, value: name };
}

/**
 * The environment and contact in effect. Unknown names (given, or a config default that names nothing) are a
 * typed error listing the names that exist. No contact at all means an implicit anonymous visitor, with a note.
 */
export function selectOrganisation(org: OrgInput | undefined, environment?: string, contact?: string): Resolved<Selection> {
  const env = pickEnvironment(org, environment);
  if (!env.ok) return env;
  const settings = org ? effectiveSettings(org.config, env.value) : NO_SETTINGS;
  const notes: string[] = [];
  if (!org) notes.push('No opencx.config.json found: planned without global variables, contacts or context headers.');
  else if (org.usingLastValid) notes.push('Using the last valid opencx.config.json: the current text has errors.');
  const contactName = contact ?? org?.config.defaultContact;
  if (contactName === undefined) {
    notes.push('No contact chosen: planned for an anonymous visitor with no widget-passed values.');
    return { ok: true, value: { environment: env.value, contact: ANONYMOUS_CONTACT, settings, notes } };
  }
  const chosen = Object.prototype.hasOwnProperty.call(settings.contacts, contactName) ? settings.contacts[contactName] : undefined;
  if (!chosen) return { ok: false, error: unknownName('contact', contactName, Object.keys(settings.contacts), contact === undefined, env.value) };
  return { ok: true, value: { environment: env.value, contactName, contact: chosen, settings, notes } };
}
