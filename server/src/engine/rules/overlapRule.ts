import { overlapMessage, overlapRelatedMessage } from '../overlap/message';
import { valueRange } from './positions';
import type { ActionRule, RuleFinding } from './types';

/**
 * `description-overlap`: another action whose name and description are so close that the AI may pick the wrong
 * one. Warned on both files (each sees the other in related information); only information when the two are
 * offered together solely to contacts in two segments at once.
 */
export const overlapRule: ActionRule = {
  code: 'description-overlap',
  defaultSeverity: 'warning',
  summary: 'Another action the AI could confuse with this one: the names and descriptions share too much.',
  check({ id, document, workspace }) {
    return workspace.overlapsOf(id).flatMap((overlap): RuleFinding[] => {
      const other = workspace.actionEntry(overlap.otherId);
      return [{
        ...(overlap.visibility.kind === 'multi-segment' ? { severity: 'info' as const } : {}),
        message: overlapMessage(overlap),
        range: valueRange(document, document.nodeAt(['description']) ? ['description'] : ['name']),
        target: overlap.otherName,
        related: other ? [{ file: overlap.otherId, range: valueRange(other.document, ['name']), message: overlapRelatedMessage(overlap) }] : [],
        data: { other: overlap.otherId, score: Math.round(overlap.score * 100) / 100 },
      }];
    });
  },
};
