import { baseName } from '../workspace/paths';
import { valueRange } from './positions';
import type { ActionRule } from './rule';

/**
 * `duplicate-action-name`: two actions with the same name. The AI is handed tools by name, so two tools with one
 * name cannot be told apart (and tool-calling APIs reject duplicate names).
 */
export const duplicateNameRule: ActionRule = {
  code: 'duplicate-action-name',
  defaultSeverity: 'error',
  summary: 'Another action in the workspace has the same name.',
  check({ document, action, id, workspace }) {
    const others = [...workspace.sameName(id)].sort(byShownName);
    if (!others.length) return [];
    const where = others.map((o) => baseName(o.id)).join(', ');
    return [{
      message: `another action is also named "${action.name.trim()}" (${where}); the AI picks tools by name, so give each action a distinct one`,
      range: valueRange(document, ['name']),
      target: action.name.trim(),
      related: others.map((o) => ({ file: o.id, range: valueRange(o.document, ['name']), message: `also named "${o.action.name.trim()}"` })),
      data: { others: others.map((o) => o.id) },
    }];
  },
};

/**
 * The files in the order they are listed: by the name shown (the last segment), then by folder. The workspace
 * knows them in the order they were added, which differs between the editor and the CLI; sorted, both print the
 * same text. URIs (editor) and paths (CLI) compare by their decoded path, so both sort alike.
 */
function byShownName(a: { id: string }, b: { id: string }): number {
  return compare(baseName(a.id), baseName(b.id)) || compare(decodedPath(a.id), decodedPath(b.id));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function decodedPath(id: string): string {
  if (!id.startsWith('file://')) return id;
  try {
    return decodeURIComponent(id.slice('file://'.length));
  } catch {
    return id;
  }
}
