import { configLocation, type HeaderEntry } from './headers';
import type { OrgInput, Selection } from './resolution';

/** The reserved name prefix of OpenCX's context headers, and the four names (docs/platform.md, "One call"). */
export const CONTEXT_HEADER_PREFIX = 'x-opencx-';
export const ORG_ID_HEADER = 'x-opencx-org-id';
export const SESSION_ID_HEADER = 'x-opencx-session-id';
export const TICKET_NUMBER_HEADER = 'x-opencx-ticket-number';
export const EXTERNAL_USER_ID_HEADER = 'x-opencx-external-user-id';

/** Shown as `x-opencx-org-id` when the config enables context headers but has no `orgId`. */
export const PLACEHOLDER_ORG_ID = '00000000-0000-0000-0000-000000000000';

/** Whether a header name is in OpenCX's reserved `x-opencx-*` family. */
export function isContextHeaderName(name: string): boolean {
  return name.toLowerCase().startsWith(CONTEXT_HEADER_PREFIX);
}

/** The ids of one planned conversation. */
export interface ConversationIds {
  sessionId: string;
  ticketNumber: string;
}

/**
 * The `x-opencx-*` context headers, when support has enabled them for the organisation: with placeholder values,
 * as the dashboard's Test button sends them; `x-opencx-external-user-id` only for an identified contact.
 */
export function contextHeaderEntries(selection: Selection, org: OrgInput | undefined, ids: ConversationIds, notes: string[]): HeaderEntry[] {
  const { contextHeaders } = selection.settings;
  if (!contextHeaders.enabled) return [];
  const at = (path: (string | number)[]) => {
    const location = configLocation(org, selection.environment, path);
    return location ? { location } : {};
  };
  const entries: HeaderEntry[] = [
    { name: ORG_ID_HEADER, value: contextHeaders.orgId ?? PLACEHOLDER_ORG_ID, source: 'context', ...at(['contextHeaders', contextHeaders.orgId ? 'orgId' : 'enabled']) },
    { name: SESSION_ID_HEADER, value: ids.sessionId, source: 'context', ...at(['contextHeaders', 'enabled']) },
    { name: TICKET_NUMBER_HEADER, value: ids.ticketNumber, source: 'context', ...at(['contextHeaders', 'enabled']) },
  ];
  if (!contextHeaders.orgId) notes.push(`Context headers are enabled but contextHeaders.orgId is not set: ${ORG_ID_HEADER} shows a placeholder.`);
  const { externalId } = selection.contact;
  if (externalId !== undefined && selection.contactName !== undefined) {
    entries.push({ name: EXTERNAL_USER_ID_HEADER, value: externalId, source: 'context', ...at(['contacts', selection.contactName, 'externalId']) });
  }
  notes.push(`Context headers carry placeholder values, as the dashboard's Test button sends them: ${SESSION_ID_HEADER} and ${TICKET_NUMBER_HEADER} are generated for this plan${externalId === undefined ? `; no ${EXTERNAL_USER_ID_HEADER}, because the contact is anonymous` : ''}.`);
  return entries;
}
