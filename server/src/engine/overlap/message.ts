/**
 * The words of a description-overlap finding, written for the action's author: what the two actions share, what
 * would tell them apart, and who is offered both.
 */
import type { CoVisibility, Overlap, SharedTerm } from './types';

/** At most this many shared terms are quoted. */
const SHARED_LIMIT = 4;

const quote = (s: string): string => `"${s}"`;

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function quotedList(words: readonly string[], conjunction = 'and'): string {
  const q = words.map(quote);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}

/** One shared term as both wrote it: `"delivery/shipping"`, or `"order"` when they used the same word. */
export function sharedTermLabel(term: SharedTerm): string {
  const words = [...new Set([...term.words.slice(0, 1), ...term.otherWords.slice(0, 1)])];
  return words.join('/');
}

/** The shared verbs and terms as labels, the verb first: `["track/get", "delivery/shipping", "order"]`. */
export function sharedLabels(overlap: Overlap): string[] {
  const labels: string[] = [];
  const intent = overlap.sharedIntent;
  if (intent) labels.push(intent.word === intent.otherWord ? intent.word : `${intent.word}/${intent.otherWord}`);
  for (const term of overlap.shared) {
    const label = sharedTermLabel(term);
    if (!labels.includes(label)) labels.push(label);
  }
  return labels.slice(0, SHARED_LIMIT + (intent ? 1 : 0));
}

function channelClause(v: CoVisibility): string {
  if (v.allChannels && v.channels.length === 1 && v.channels[0] === 'widget') return '';
  const list = v.channels.join(', ');
  return v.allChannels ? ` on ${list}` : ` on ${list} (the channels they have in common)`;
}

/** What the author can write in opencx.config.json when the two audiences never meet. */
function exclusiveAdvice(segments: readonly string[], otherSegments: readonly string[]): string {
  const group = `["${segments[0]}", "${otherSegments[0]}"]`;
  if (segments.length === 1 && otherSegments.length === 1) {
    return `if no contact can be in both, add ${group} to "exclusiveSegmentGroups" in opencx.config.json.`;
  }
  return `if those segments never share a contact, add each pair that cannot meet (such as ${group}) to "exclusiveSegmentGroups" in opencx.config.json.`;
}

/** Who is offered both, as a sentence. */
export function visibilityText(v: CoVisibility): string {
  const channels = channelClause(v);
  switch (v.kind) {
    case 'everyone':
      return `Both are offered to every contact${channels}.`;
    case 'segments':
      return `Both are offered to every contact in ${v.segments.length > 1 ? 'segments' : 'segment'} ${quotedList(v.segments, 'or')}${channels}.`;
    case 'multi-segment': {
      const who = `contacts who are in ${quotedList(v.segments, 'or')} and also in ${quotedList(v.otherSegments, 'or')}`;
      const tests =
        v.testContacts === undefined
          ? ''
          : v.testContacts.length
            ? ` (test ${v.testContacts.length > 1 ? 'contacts' : 'contact'} ${quotedList(v.testContacts)})`
            : ' (none of the test contacts in opencx.config.json is)';
      return `Both are offered only to ${who}${tests}${channels}; ${exclusiveAdvice(v.segments, v.otherSegments)}`;
    }
  }
}

/** What would tell them apart, or what to add when nothing does. */
export function distinguishingText(overlap: Overlap): string {
  const other = quote(overlap.otherName);
  if (!overlap.onlyThis.length && !overlap.onlyOther.length) {
    return `Nothing in either name or description tells them apart: say in this one what it does that ${other} does not (the input it needs, the cases it covers, what it returns).`;
  }
  if (!overlap.onlyThis.length) {
    return `Nothing here tells it apart from ${other}, which also says ${quotedList(overlap.onlyOther)}: say what this one does that ${other} does not.`;
  }
  const mine = `Only this one says ${quotedList(overlap.onlyThis)}`;
  return overlap.onlyOther.length ? `${mine}; only ${other} says ${quotedList(overlap.onlyOther)}.` : `${mine}; ${other} says nothing this one does not.`;
}

/** The diagnostic message for the action `overlap.id`, pointing at `overlap.otherId`. */
export function overlapMessage(overlap: Overlap): string {
  const shared = sharedLabels(overlap);
  const head = `The AI may hesitate between this action and ${quote(overlap.otherName)}`;
  const sharedText = shared.length ? `: both say ${quotedList(shared)}.` : '.';
  return `${head}${sharedText} ${distinguishingText(overlap)} ${visibilityText(overlap.visibility)}`;
}

/** The message of the related-information entry on the other action. */
export function overlapRelatedMessage(overlap: Overlap): string {
  return `${quote(overlap.otherName)} has a similar name and description`;
}

/**
 * The note added when one of the two was pulled from OpenCX with its segments unknown: who sees both was worked
 * out as if it were offered to every contact, which the dashboard may not do.
 */
export function unknownSegmentsText(names: readonly string[]): string {
  if (!names.length) return '';
  const one = names.length === 1;
  return ` ${quotedList(names)} ${one ? 'was' : 'were'} pulled from OpenCX, whose API does not carry segment restrictions: ${one ? 'it is' : 'they are'} counted as offered to every contact here, but the dashboard may restrict ${one ? 'it' : 'them'} (write restrictedToSegments to check).`;
}
