import type { ContactConfig } from '../model/config';
import { isAnonymous, isUnrestricted, offersTo, sharedSegments } from '../model/visibility';

/** Whether OpenCX's server-side segment filter offers an action to a contact, and why (docs/platform.md, "An action"). */
export interface Visibility {
  visible: boolean;
  /** One sentence: why the contact sees the action or not. */
  reason: string;
  /** The segments the contact shares with the restriction (empty when unrestricted or not visible). */
  sharedSegments: string[];
}

const list = (names: readonly string[]): string => names.join(', ');

/**
 * The segment filter (model/visibility.ts decides; this says why): an absent or empty `restrictedToSegments` means
 * every contact; otherwise the contact must be in at least one listed segment, and an anonymous contact (no
 * externalId) only gets unrestricted actions. Segment names compare exactly (case-sensitive), as names in the dashboard.
 */
export function segmentVisibility(restrictedToSegments: readonly string[] | undefined, contact: ContactConfig, contactName?: string): Visibility {
  const who = contactName !== undefined ? `contact "${contactName}"` : 'an anonymous visitor';
  if (isUnrestricted(restrictedToSegments)) {
    const reason = restrictedToSegments === undefined ? 'The action has no restrictedToSegments, so every contact sees it.' : 'restrictedToSegments is empty, so every contact sees it.';
    return { visible: true, reason, sharedSegments: [] };
  }
  const restricted = restrictedToSegments!;
  if (isAnonymous(contact)) {
    return {
      visible: false,
      reason: contactName !== undefined
        ? `Contact "${contactName}" is anonymous (no externalId), and anonymous contacts only get unrestricted actions; this one is restricted to ${list(restricted)}.`
        : `Anonymous visitors only get unrestricted actions; this one is restricted to ${list(restricted)}.`,
      sharedSegments: [],
    };
  }
  if (offersTo(restricted, contact)) {
    const shared = sharedSegments(restricted, contact);
    return { visible: true, reason: `${capitalise(who)} is in ${list(shared)}.`, sharedSegments: shared };
  }
  const memberOf = contact.segments.length ? `is only in ${list(contact.segments)}` : 'is in no segment';
  return { visible: false, reason: `The action is restricted to ${list(restricted)}; ${who} ${memberOf}.`, sharedSegments: [] };
}

/** The plan note for an action the contact is not offered. */
export function notVisibleNote(visibility: Visibility, contactName?: string): string {
  const who = contactName !== undefined ? `contact "${contactName}"` : 'this contact';
  return `Not offered to ${who}. ${visibility.reason} OpenCX filters actions before the AI sees any tool, so the AI could not call this action in this conversation.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
