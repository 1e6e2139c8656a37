import type { Hover } from 'vscode-languageserver';
import { getLocation } from 'jsonc-parser';
import { documentKindOf } from '../engine/documentKind';
import { renderNeighbours } from '../engine/overlap/neighbourText';
import type { Workspace } from '../engine/workspace/workspace';
import type { Position } from '../engine/text';

/**
 * On an action's `name`: its nearest actions (issue 9), after whatever the schema hover says. Undefined elsewhere,
 * so the caller's hover stands.
 */
export function neighbourHover(workspace: Workspace, uri: string, position: Position, base: Hover | null | undefined): Hover | undefined {
  const document = workspace.document(uri);
  if (documentKindOf(uri) !== 'action' || !document?.wellFormed) return undefined;
  const location = getLocation(document.text, document.lines.offsetAt(position));
  if (location.path.length !== 1 || location.path[0] !== 'name') return undefined;
  const section = renderNeighbours(workspace.neighboursOf(uri), (n) => n.id);
  const before = base ? markdownOf(base.contents) : '';
  return { contents: { kind: 'markdown', value: before ? `${before}\n\n---\n\n${section}` : section }, ...(base?.range ? { range: base.range } : {}) };
}

function markdownOf(contents: Hover['contents']): string {
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n');
  return contents.value;
}
