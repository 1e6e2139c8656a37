import { distinguishingOf, roundScore, type Neighbour, type NeighbourWords } from '../../engine';

/** One neighbour as the CLI prints it: the file as other commands show it, the rounded score, the words. */
export interface CliNeighbour {
  file: string;
  neighbour: Neighbour;
  words: NeighbourWords;
}

/** One action and its nearest actions. */
export interface CliNeighbours {
  file: string;
  name: string;
  neighbours: CliNeighbour[];
}

/** `neighbours --format json`: exactly the documented shape. */
export function neighboursJson(actions: readonly CliNeighbours[]): string {
  const out = actions.map(({ file, name, neighbours }) => ({
    file,
    name,
    neighbours: neighbours.map((n) => ({
      file: n.file,
      name: n.neighbour.otherName,
      score: roundScore(n.neighbour.score),
      shared: n.words.shared,
      distinguishing: distinguishingOf(n.words),
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

const quoted = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(', ');

function neighbourLines(n: CliNeighbour): string[] {
  const { neighbour, words } = n;
  const lines = [`  ${roundScore(neighbour.score).toFixed(2)}  "${neighbour.otherName}"  ${n.file}`];
  if (words.shared.length) lines.push(`        both say ${quoted(words.shared)}`);
  const apart = [
    ...(words.onlyThis.length ? [`only this one says ${quoted(words.onlyThis)}`] : []),
    ...(words.onlyOther.length ? [`only "${neighbour.otherName}" says ${quoted(words.onlyOther)}`] : []),
  ];
  lines.push(`        ${apart.length ? apart.join('; ') : 'nothing in either name or description tells them apart'}`);
  return lines;
}

/** `neighbours --format text`: each action, then its nearest actions with the score and the words. */
export function neighboursText(actions: readonly CliNeighbours[], threshold: number, contact: string | undefined): string {
  const audience = contact === undefined ? 'the same contacts' : `contact "${contact}"`;
  const lines = [
    `Nearest actions offered to ${audience} (description-overlap warns from ${threshold.toFixed(2)}; below that, judge for yourself):`,
    '',
  ];
  for (const action of actions) {
    lines.push(`${action.file}  "${action.name}"`);
    if (!action.neighbours.length) lines.push(`  no other action offered to ${audience} says anything this one says`);
    for (const n of action.neighbours) lines.push(...neighbourLines(n));
    lines.push('');
  }
  if (!actions.length) lines.push(contact === undefined ? 'No action found.' : `No action is offered to contact "${contact}".`);
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}
