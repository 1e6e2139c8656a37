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
    const others = workspace.sameName(id);
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
