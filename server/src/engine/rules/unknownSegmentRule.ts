import type { OrgConfig } from '../model/config';
import { closestMatch } from '../lint/similar';
import { baseName } from '../workspace/paths';
import { valueRange } from './positions';
import type { ActionRule, RuleFinding } from './rule';

/**
 * Every segment name the organisation has in some environment: the top-level list and each environment's own.
 * Undefined when no list exists anywhere (then names cannot be checked).
 */
export function knownSegments(config: OrgConfig): string[] | undefined {
  const lists = [config.segments, ...Object.values(config.environments).map((e) => e.segments)].filter((l): l is string[] => l !== undefined);
  return lists.length ? [...new Set(lists.flat())] : undefined;
}

/**
 * `unknown-segment`: a name in `restrictedToSegments` that opencx.config.json does not list. No contact can be in
 * a segment that does not exist, so the restriction silently hides the action from everyone it names.
 * Silent when there is no config file, or the config lists no segments.
 */
export const unknownSegmentRule: ActionRule = {
  code: 'unknown-segment',
  defaultSeverity: 'warning',
  summary: 'A segment in restrictedToSegments is not listed in opencx.config.json.',
  check({ document, action, org }) {
    const known = org?.model ? knownSegments(org.model) : undefined;
    if (!known || !action.restrictedToSegments) return [];
    const findings: RuleFinding[] = [];
    const items = document.nodeAt(['restrictedToSegments'])?.children ?? [];
    items.forEach((item, index) => {
      if (typeof item.value !== 'string' || known.includes(item.value)) return;
      const suggestion = closestMatch(item.value, known);
      const hint = suggestion ? `did you mean "${suggestion}"?` : `known segments: ${known.join(', ') || '(none)'}`;
      findings.push({
        message: `segment "${item.value}" is not listed in ${baseName(org!.id)}, so no contact can match it; ${hint}`,
        range: valueRange(document, ['restrictedToSegments', index]),
        target: item.value,
        data: { segment: item.value, index, ...(suggestion ? { suggestion } : {}), known },
      });
    });
    return findings;
  },
};
