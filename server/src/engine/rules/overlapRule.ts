import { overlapMessage, overlapRelatedMessage, unknownSegmentsText } from '../overlap/message';
import { valueRange } from './positions';
import type { ActionRule, RuleFinding } from './rule';

/**
 * `description-overlap`: another action whose name and description are so close that the AI may pick the wrong
 * one. Warned on both files (each sees the other in related information); only information when the two are
 * offered together solely to contacts in two segments at once.
 */
export const overlapRule: ActionRule = {
  code: 'description-overlap',
  defaultSeverity: 'warning',
  summary: 'Another action the AI could confuse with this one: the names and descriptions share too much.',
  check({ id, document, action, workspace }) {
    return workspace.overlapsOf(id).flatMap((overlap): RuleFinding[] => {
      const other = workspace.actionEntry(overlap.otherId);
      // A pulled action's segments are unknown: counted as offered to everyone, and the message says so.
      const unknown = unknownSegmentsText([...(action.segmentsUnknown ? [overlap.name] : []), ...(other?.action.segmentsUnknown ? [overlap.otherName] : [])]);
      return [{
        ...(overlap.visibility.kind === 'multi-segment' ? { severity: 'info' as const } : {}),
        message: overlapMessage(overlap) + unknown,
        range: valueRange(document, document.nodeAt(['description']) ? ['description'] : ['name']),
        target: overlap.otherName,
        related: other ? [{ file: overlap.otherId, range: valueRange(other.document, ['name']), message: overlapRelatedMessage(overlap) + (other.action.segmentsUnknown ? `.${unknownSegmentsText([overlap.otherName])}` : '') }] : [],
        data: { other: overlap.otherId, score: Math.round(overlap.score * 100) / 100 },
      }];
    });
  },
};
