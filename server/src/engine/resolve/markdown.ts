import type { SourceLocation } from '../model/plan';
import { locationLabel } from './display';

/** Turns a location into a link target (a `command:` or file URI with a position); undefined: no link. */
export type LinkFor = (location: SourceLocation) => string | undefined;

/** Inline code that survives backticks in the text: the fence is longer than any run of backticks inside. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Struck-through inline code, for a value that is written but never sent. */
export function struck(text: string): string {
  return `~~${code(text)}~~`;
}

const ESCAPED = /[\\`*_[\]<>~|]/g;

/** Text escaped for Markdown outside code. */
export function escapeMarkdown(text: string): string {
  return text.replace(ESCAPED, (c) => `\\${c}`);
}

/** A location as a Markdown link (label `file › path`), or as plain text when `linkFor` gives no target. */
export function locationLink(location: SourceLocation | undefined, linkFor: LinkFor | undefined): string {
  if (!location) return '';
  const label = escapeMarkdown(locationLabel(location));
  const target = linkFor?.(location);
  return target ? `[${label}](${escapeLinkTarget(target)})` : label;
}

/** A link target that cannot end the Markdown link early: parentheses and white space percent-encoded. */
function escapeLinkTarget(target: string): string {
  return target.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** ` (link)` after an item, or nothing when the location is unknown. */
export function whereSuffix(location: SourceLocation | undefined, linkFor: LinkFor | undefined): string {
  return location ? ` (${locationLink(location, linkFor)})` : '';
}

/** `environment \`staging\`, contact \`jane-vip\``: for whom a hover's answer holds. */
export function scopeText(environment: string | undefined, contact: string | undefined): string {
  const env = environment !== undefined ? `environment ${code(environment)}` : 'top-level settings';
  const who = contact !== undefined ? `contact ${code(contact)}` : 'an anonymous visitor';
  return `${env}, ${who}`;
}
