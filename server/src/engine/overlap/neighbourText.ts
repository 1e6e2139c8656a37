/**
 * Neighbours as people read them (issue 9): in the hover on an action's name, and in the CLI's text output. They are
 * not findings: the words say "nearest", never "conflict".
 */
import type { Neighbour } from './types';

const quoted = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(', ');

/** One neighbour on one line: `0.71 "Track my package" — shares "parcel/package", "carrier"; differs "location", "now"`. */
export function neighbourLine(n: Neighbour, name = `"${n.name}"`): string {
  const shared = n.shared.length ? `shares ${quoted(n.shared.slice(0, 4))}` : 'shares no word';
  const differs = n.distinguishing.length ? `; differs ${quoted(n.distinguishing)}` : '; nothing tells them apart';
  return `${n.score.toFixed(2)} ${name}${n.warned ? ' (description-overlap)' : ''} — ${shared}${differs}`;
}

/** The hover section: the nearest actions, each linked to its file. */
export function renderNeighbours(neighbours: readonly Neighbour[], linkOf: (n: Neighbour) => string | undefined): string {
  if (!neighbours.length) return '**Nearest actions**: none offered to the same contacts says anything alike.';
  const lines = neighbours.map((n) => {
    const link = linkOf(n);
    return `- ${neighbourLine(n, link ? `[${n.name}](${link})` : `"${n.name}"`)}`;
  });
  return [
    '**Nearest actions** offered to the same contacts (how alike the AI may find them, 0–1; only pairs marked description-overlap are warnings):',
    '',
    ...lines,
  ].join('\n');
}
