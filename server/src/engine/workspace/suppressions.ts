/**
 * The suppressions an action declares for itself:
 *   "lint": { "allow": ["missing-segment-rule", "description-overlap:Get shipping status"] }
 * A bare code silences that rule for this action; `code:target` silences one finding (the target is what the
 * finding is about: the other action's name for an overlap or a duplicate name, the header or segment name…).
 * Targets compare case-insensitively.
 */
export function suppressionsOf(value: unknown): Set<string> {
  const allowed = new Set<string>();
  if (value === null || typeof value !== 'object') return allowed;
  const lint = (value as Record<string, unknown>).lint;
  if (lint === null || typeof lint !== 'object') return allowed;
  const allow = (lint as Record<string, unknown>).allow;
  if (!Array.isArray(allow)) return allowed;
  for (const entry of allow) {
    if (typeof entry !== 'string') continue;
    const colon = entry.indexOf(':');
    allowed.add(colon < 0 ? entry.trim() : `${entry.slice(0, colon).trim()}:${entry.slice(colon + 1).trim().toLowerCase()}`);
  }
  return allowed;
}
