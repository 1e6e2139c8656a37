import type { CodeLens } from 'vscode-languageserver';
import { documentKindOf } from '../engine/documentKind';
import type { Workspace } from '../engine/workspace/workspace';
import { CLIENT_COMMANDS } from '../protocol';


/**
 * Lenses above an action's `name`: run it, show its request plan, (when it overlaps others) how many actions the AI
 * could confuse it with, and its nearest actions with their scores; the last two peek them.
 */
export function codeLensesFor(workspace: Workspace, uri: string): CodeLens[] {
  const document = workspace.document(uri);
  if (documentKindOf(uri) !== 'action' || !document?.wellFormed) return [];
  const nameNode = document.nodeAt(['name']);
  const anchor = nameNode ? document.keyOf(nameNode) ?? nameNode : document.tree;
  if (!anchor) return [];
  const range = document.rangeOfNode(anchor);
  const lenses: CodeLens[] = [
    { range, command: { title: '$(play) Run', command: CLIENT_COMMANDS.runAction, arguments: [uri] } },
    { range, command: { title: 'Request plan', command: CLIENT_COMMANDS.showRequestPlan, arguments: [uri] } },
  ];
  const overlaps = workspace.overlapsOf(uri);
  if (overlaps.length) {
    const locations = overlaps.flatMap((o) => {
      const other = workspace.document(o.otherId);
      const node = other?.nodeAt(['name']);
      return other && node ? [{ uri: o.otherId, range: other.rangeOfNode(node) }] : [];
    });
    const title = `$(warning) Overlaps ${overlaps.length} action${overlaps.length === 1 ? '' : 's'}: ${overlaps.slice(0, 2).map((o) => `"${o.otherName}"`).join(', ')}${overlaps.length > 2 ? '…' : ''}`;
    lenses.push({ range, command: { title, command: CLIENT_COMMANDS.peekLocations, arguments: [uri, range.start, locations] } });
  }
  // Issue 9: the nearest actions, warned or not, peeked like the overlaps. Not a finding: no warning icon.
  const neighbours = workspace.neighboursOf(uri);
  if (neighbours.length) {
    const locations = neighbours.flatMap((n) => {
      const other = workspace.document(n.id);
      const node = other?.nodeAt(['name']);
      return other && node ? [{ uri: n.id, range: other.rangeOfNode(node) }] : [];
    });
    const title = `Nearest: ${neighbours.map((n) => `"${n.name}" ${n.score.toFixed(2)}`).join(', ')}`;
    lenses.push({ range, command: { title, command: CLIENT_COMMANDS.peekLocations, arguments: [uri, range.start, locations] } });
  }
  return lenses;
}
