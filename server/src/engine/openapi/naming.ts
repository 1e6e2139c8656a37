import type { SpecOperation } from './types';

/** OpenCX's minimum lengths (part A1 of the platform notes). */
export const MIN_NAME_LENGTH = 5;
export const MIN_DESCRIPTION_LENGTH = 20;
/** Longer descriptions get the `long-description` hint; the import cuts at a sentence before it. */
const MAX_DESCRIPTION_LENGTH = 1000;
/** A name is a short verb phrase; a longer summary is cut at a word. */
const MAX_NAME_LENGTH = 80;

/** What the import wrote into the name and description, and whether the user should improve them. */
export interface NameAndDescription {
  name: string;
  description: string;
  /** Synthesised from operationId, method and path (no usable summary/description): the user should rewrite. */
  synthesised: { name: boolean; description: boolean };
}

/** Markdown and HTML taken down to plain sentences: the AI reads this as prompt text. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `listPets`, `get-board`, `Create_Brand` → "List pets", "Get board", "Create brand". */
export function wordsOf(identifier: string): string {
  const words = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => (/^[A-Z0-9]+$/.test(w) && w.length > 1 ? w : w.toLowerCase()));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** `GET /pets/{petId}/toys` → "Get pets pet id toys". */
function wordsOfRoute(method: string, path: string): string {
  return wordsOf(`${method.toLowerCase()} ${path.replace(/[{}]/g, ' ')}`);
}

function cutAt(text: string, max: number, boundary: RegExp): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  let cut = -1;
  for (const m of head.matchAll(boundary)) cut = m.index + m[0].length;
  return (cut > max / 2 ? head.slice(0, cut) : head).trim();
}

/**
 * The name from the summary (one line, no closing period, cut at a word after 80 characters); without a usable
 * summary, from the operationId's words, else from the method and path. The description from the description
 * (plain text, cut at a sentence before 1,000 characters); a short one is completed with the route, and without
 * any, one is written from the name and the route and marked `TODO` for the user.
 */
export function nameAndDescription(operation: SpecOperation): NameAndDescription {
  const route = `${operation.method} ${operation.path}`;
  const summary = operation.summary ? plainText(operation.summary).replace(/\.$/, '') : '';
  const hasName = summary.length >= MIN_NAME_LENGTH;
  const name = hasName ? cutAt(summary, MAX_NAME_LENGTH, /\s+/g) : operation.operationId ? wordsOf(operation.operationId) : wordsOfRoute(operation.method, operation.path);
  const paddedName = name.length >= MIN_NAME_LENGTH ? name : `${name} (${route})`;

  const given = operation.description ? cutAt(plainText(operation.description), MAX_DESCRIPTION_LENGTH, /[.!?](\s|$)/g) : '';
  const text = given || (summary ? `${summary}.` : '');
  let description: string;
  if (text.length >= MIN_DESCRIPTION_LENGTH) description = text;
  else if (text) description = `${text.replace(/\.$/, '')} (${route}).`;
  else description = `TODO: say what this does and returns, for the AI. ${paddedName}: ${route}.`;
  return { name: paddedName, description, synthesised: { name: !hasName, description: !text } };
}

/** A file name from the operationId, else the method and path: lower-case words joined by `-`. */
export function fileBaseName(operation: SpecOperation): string {
  const source = operation.operationId ?? `${operation.method} ${operation.path.replace(/[{}]/g, ' ')}`;
  const words = wordsOf(source).toLowerCase().split(' ').filter(Boolean);
  return words.join('-').slice(0, 100).replace(/-+$/, '') || 'operation';
}
