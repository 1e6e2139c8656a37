import { getLocation } from 'jsonc-parser';
import type { CodeLens, Hover, Location, Position as LspPosition } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { escapeMarkdown, type Neighbour, type NeighbourWords, OVERLAP_THRESHOLD, type Position, roundScore, type Workspace } from '../engine';
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../protocol';
import { markdownOf } from './shape';

/**
 * Neighbours in the editor (issue 9, item 4): the hover on an action's `name` and the "Nearest" code lens. Both are
 * computed when asked (a hover, a lens being resolved), never on a lint. How a file is referred to depends on the
 * client: VS Code follows `#L<line>` links, other Markdown clients the plain file URI, plain-text clients read a
 * path and line (`/path/file.action.json:2`, which Neovim's `gF` and terminals open).
 */
export type FileLinkStyle = 'vscode' | 'markdown' | 'plain';

interface NeighbourView {
  neighbour: Neighbour;
  words: NeighbourWords | undefined;
  line: number | undefined;
}

/** A path for messages: the file system path of a file URI, the URI otherwise. */
function displayPath(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}

function viewsOf(workspace: Workspace, uri: string): NeighbourView[] {
  return workspace.neighboursOf(uri).map((neighbour) => ({
    neighbour,
    words: workspace.neighbourWords(uri, neighbour.otherId),
    line: workspace.document(neighbour.otherId)?.keyRangeAt(['name'])?.start.line,
  }));
}

/** Where the neighbour is written, in the form the client can follow. */
function fileReference(view: NeighbourView, style: FileLinkStyle): string {
  const uri = view.neighbour.otherId;
  const line = view.line === undefined ? '' : `:${view.line + 1}`;
  if (style === 'plain') return escapeMarkdown(`${displayPath(uri)}${line}`);
  const label = escapeMarkdown(uri.slice(uri.lastIndexOf('/') + 1));
  const target = style === 'vscode' && view.line !== undefined ? `${uri}#L${view.line + 1}` : uri;
  // Parentheses and white space would end the link early: percent-encoded, as the header hovers' links are.
  return `[${label}](${target.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

type Escape = (text: string) => string;
const asIs: Escape = (text) => text;

/** What they share and what tells them apart, as one sentence (`escape`: for Markdown, or plain text as it is). */
function wordsText(view: NeighbourView, escape: Escape): string {
  const words = view.words;
  if (!words) return '';
  const quoted = (list: readonly string[]): string => list.map((w) => `"${escape(w)}"`).join(', ');
  const other = `"${escape(view.neighbour.otherName)}"`;
  const parts = [
    ...(words.shared.length ? [`both say ${quoted(words.shared)}`] : []),
    ...(words.onlyThis.length ? [`only this one says ${quoted(words.onlyThis)}`] : []),
    ...(words.onlyOther.length ? [`only ${other} says ${quoted(words.onlyOther)}`] : []),
  ];
  if (!words.onlyThis.length && !words.onlyOther.length) parts.push('nothing in either name or description tells them apart');
  return parts.join('; ');
}

/** The neighbours section of the hover on an action's name, in Markdown (shapeHover makes it plain text where needed). */
export function neighboursMarkdown(workspace: Workspace, uri: string, style: FileLinkStyle): string {
  const views = viewsOf(workspace, uri);
  const head = `**Nearest actions** offered to the same contacts (description-overlap warns from ${OVERLAP_THRESHOLD.toFixed(2)}; below that, they are for you to judge)`;
  if (!views.length) return `${head}: none; no other action offered to the same contacts says anything this one says.`;
  const items = views.map((view) => {
    const { neighbour } = view;
    const words = wordsText(view, escapeMarkdown);
    return `- **${escapeMarkdown(neighbour.otherName)}** · ${roundScore(neighbour.score).toFixed(2)} · ${fileReference(view, style)}${words ? `  \n  ${words}` : ''}`;
  });
  return [`${head}:`, '', ...items].join('\n');
}

/** Whether `position` is on the action's top-level `name` (its key or its value). */
export function isOnName(workspace: Workspace, uri: string, position: Position): boolean {
  const document = workspace.document(uri);
  if (!document?.wellFormed || !workspace.action(uri)) return false;
  const { path } = getLocation(document.text, document.lines.offsetAt(position));
  return path.length === 1 && path[0] === 'name';
}

/** The hover on the name: what the schema says of `name` (if anything), then the neighbours. */
export function withNeighbours(hover: Hover | null | undefined, section: string): Hover {
  const before = hover ? markdownOf(hover.contents) : '';
  const value = before ? `${before}\n\n---\n\n${section}` : section;
  return { contents: { kind: 'markdown', value }, ...(hover?.range ? { range: hover.range } : {}) };
}

/** The lens title: the nearest action and its score, and how many more the peek shows. */
function lensTitle(neighbours: readonly Neighbour[]): string {
  if (!neighbours.length) return 'Nearest actions: none';
  const [first] = neighbours;
  const more = neighbours.length > 1 ? ` and ${neighbours.length - 1} more` : '';
  return `Nearest: "${first.otherName}" (${roundScore(first.score).toFixed(2)})${more}`;
}

/**
 * Fills the neighbours lens on `codeLens/resolve`: in VS Code, a peek on the neighbours' names with the peek
 * command the extension has; in any other client (and with no neighbour to peek), the server command that lists
 * them in a message.
 */
export function resolveNeighboursLens(workspace: Workspace, lens: CodeLens, uri: string, clientCommands: boolean): CodeLens {
  const neighbours = workspace.neighboursOf(uri);
  const title = lensTitle(neighbours);
  if (!clientCommands || !neighbours.length) return { ...lens, command: { title, command: SERVER_COMMANDS.showNeighbours, arguments: [uri] } };
  const locations: Location[] = neighbours.flatMap((n) => {
    const other = workspace.document(n.otherId);
    const node = other?.nodeAt(['name']);
    return other && node ? [{ uri: n.otherId, range: other.rangeOfNode(node) }] : [];
  });
  const start: LspPosition = lens.range.start;
  return { ...lens, command: { title, command: CLIENT_COMMANDS.peekLocations, arguments: [uri, start, locations] } };
}

/** The message of `opencx.server.showNeighbours`: each neighbour with its score, file and line, and its words. */
export function neighboursMessage(workspace: Workspace, uri: string): string {
  const name = workspace.action(uri)?.name ?? displayPath(uri);
  const views = viewsOf(workspace, uri);
  if (!views.length) return `"${name}": no other action offered to the same contacts says anything this one says.`;
  const lines = views.map((view) => {
    const words = wordsText(view, asIs);
    return `${roundScore(view.neighbour.score).toFixed(2)} "${view.neighbour.otherName}" (${displayPath(view.neighbour.otherId)}${view.line === undefined ? '' : `:${view.line + 1}`})${words ? `: ${words}` : ''}`;
  });
  return `Nearest actions to "${name}" (description-overlap warns from ${OVERLAP_THRESHOLD.toFixed(2)}):\n${lines.join('\n')}`;
}
