/**
 * Whether two actions can be offered in the same conversation (spec A1/A2).
 *
 * Channel: the AI only sees the actions of the conversation's channel, so two actions without a common channel are
 * never offered together.
 * Segments: an action with no list (or []) is offered to every contact; with a list, to contacts in at least one
 * listed segment. A contact may be in several segments, so two restricted actions with disjoint lists are still
 * offered together to a contact who is in one segment of each, unless the config says those segments exclude each
 * other. Co-visibility is therefore only ruled out by channels or by known-exclusive segments; every other pair is
 * reported, saying who sees both.
 */
import { CHANNELS, type Channel } from '../model/action';
import type { CoVisibility, OverlapContext, OverlapEntry } from './types';

type Segments = readonly string[] | undefined;

const isOpen = (s: Segments): boolean => !s || s.length === 0;

function sharedChannels(a: readonly Channel[], b: readonly Channel[]): { channels: Channel[]; allChannels: boolean } {
  const channels = CHANNELS.filter((c) => a.includes(c) && b.includes(c));
  const allChannels = channels.length === new Set(a).size && channels.length === new Set(b).size;
  return { channels, allChannels };
}

/**
 * Whether a contact can be in segment `x` and segment `y` at once, given the config's exclusiveSegmentGroups. The one
 * place the overlap check reasons about segments meeting (with audienceIncludes below): repoint these two when the
 * engine's model gets a shared contact-visibility predicate.
 */
export function canShareContact(x: string, y: string, context: OverlapContext): boolean {
  if (x === y) return true;
  return !(context.exclusiveSegmentGroups ?? []).some((group) => group.includes(x) && group.includes(y));
}

/** Whether a contact in `contactSegments` is offered an action restricted to `segments` (spec A2). */
export function audienceIncludes(segments: Segments, contactSegments: readonly string[]): boolean {
  return isOpen(segments) || segments!.some((s) => contactSegments.includes(s));
}

/** The config's test contacts that are offered both actions, or undefined when the config lists none. */
function testContactsSeeingBoth(a: Segments, b: Segments, context: OverlapContext): string[] | undefined {
  const contacts = Object.entries(context.contacts ?? {});
  if (!contacts.length) return undefined;
  return contacts.filter(([, c]) => audienceIncludes(a, c.segments) && audienceIncludes(b, c.segments)).map(([name]) => name).sort();
}

/** Who is offered both actions in one conversation, or undefined when no one is. */
export function coVisibility(a: OverlapEntry, b: OverlapEntry, context: OverlapContext = {}): CoVisibility | undefined {
  const channels = sharedChannels(a.channels, b.channels);
  if (!channels.channels.length) return undefined;
  const sa = a.restrictedToSegments;
  const sb = b.restrictedToSegments;
  if (isOpen(sa) && isOpen(sb)) return { kind: 'everyone', ...channels };
  if (isOpen(sa) || isOpen(sb)) return { kind: 'segments', segments: [...new Set(isOpen(sa) ? sb : sa)], ...channels };
  const common = [...new Set(sa!.filter((s) => sb!.includes(s)))];
  if (common.length) return { kind: 'segments', segments: common, ...channels };
  const segments = sa!.filter((x) => sb!.some((y) => canShareContact(x, y, context)));
  const otherSegments = sb!.filter((y) => sa!.some((x) => canShareContact(x, y, context)));
  if (!segments.length) return undefined;
  return { kind: 'multi-segment', segments, otherSegments, testContacts: testContactsSeeingBoth(sa, sb, context), ...channels };
}
