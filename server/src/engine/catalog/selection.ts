import { CHANNELS, type Channel } from '../model/action';
import { effectiveSettings } from '../model/config';
import { selectOrganisation, type OrgInput, type Resolved } from '../resolve';
import { ANONYMOUS_CONTACT } from '../resolve/organisation';
import type { CatalogContact } from './types';

/** The channel a catalog is for when none is given: where OpenCX puts a new action. */
export const DEFAULT_CATALOG_CHANNEL: Channel = 'widget';

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

/**
 * The contact a tool list is for, chosen as `plan` chooses it: the named contact, else the config's
 * `defaultContact`, else the anonymous visitor. Unknown names are the resolver's typed error (with the names
 * that exist).
 */
export function catalogContact(org: OrgInput | undefined, environment: string | undefined, contact: string | undefined): Resolved<CatalogContact> {
  const selected = selectOrganisation(org, environment, contact);
  if (!selected.ok) return selected;
  const { contactName, contact: config } = selected.value;
  return { ok: true, value: contactName !== undefined ? { name: contactName, contact: config } : { contact: config } };
}

/** Every contact coverage reports on: the config's named contacts (in its environment) and the anonymous visitor, last. */
export function coverageContacts(org: OrgInput | undefined, environment: string | undefined): Resolved<{ contacts: CatalogContact[]; segments: string[] | undefined }> {
  const selected = selectOrganisation(org, environment, undefined);
  // An unknown defaultContact does not matter to coverage, which lists every contact; only the environment must exist.
  if (!selected.ok && selected.error.code !== 'unknown-contact') return selected;
  const settings = org ? effectiveSettings(org.config, selected.ok ? selected.value.environment : environment) : undefined;
  const named = Object.entries(settings?.contacts ?? {}).map(([name, contact]): CatalogContact => ({ name, contact }));
  return { ok: true, value: { contacts: [...named, { contact: ANONYMOUS_CONTACT }], segments: settings?.segments } };
}
