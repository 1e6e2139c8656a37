/**
 * Who OpenCX offers an action to: the one segment filter every part of the engine applies (the plan's
 * `visibleToContact`, the hovers on `restrictedToSegments`, and who sees both actions of a description overlap).
 *
 * OpenCX filters actions on the server before the AI sees any tool (docs/assumptions.md, "Decisions we made"):
 * - an action with no `restrictedToSegments`, or an empty list, is offered to every contact, anonymous ones included;
 * - a restricted action is offered only to an identified contact (one with an `externalId`) in at least one of
 *   the listed segments: an anonymous contact only gets unrestricted actions, whatever segments it is given;
 * - segment names compare exactly (case-sensitive), as names in the dashboard.
 */

/** What the filter reads of a contact: the fields of the same name in ContactConfig. */
export interface SegmentMember {
  externalId?: string;
  segments: readonly string[];
}

/** Whether an action's `restrictedToSegments` leaves it open to every contact (absent or empty). */
export function isUnrestricted(restrictedToSegments: readonly string[] | undefined): boolean {
  return !restrictedToSegments || restrictedToSegments.length === 0;
}

/** Whether a contact is anonymous to OpenCX, and so only ever offered unrestricted actions. */
export function isAnonymous(contact: SegmentMember): boolean {
  return contact.externalId === undefined;
}

/** The listed segments the contact is in: why a restricted action is offered to it (empty when it is not). */
export function sharedSegments(restrictedToSegments: readonly string[], contact: SegmentMember): string[] {
  return restrictedToSegments.filter((s) => contact.segments.includes(s));
}

/** Whether OpenCX offers an action restricted to `restrictedToSegments` to `contact`. */
export function offersTo(restrictedToSegments: readonly string[] | undefined, contact: SegmentMember): boolean {
  if (isUnrestricted(restrictedToSegments)) return true;
  return !isAnonymous(contact) && sharedSegments(restrictedToSegments!, contact).length > 0;
}
