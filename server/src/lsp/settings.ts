import { isRuleLevel, type RuleLevel, type RuleSettings } from '../engine';

/** The server's view of the `opencx.*` settings, normalised in this one place (defaults live here). */
export interface ServerSettings {
  rules: RuleSettings;
}

export const DEFAULT_SETTINGS: ServerSettings = { rules: {} };

/** Turns whatever the client sent for the `opencx` section into ServerSettings, dropping invalid entries. */
export function normaliseSettings(raw: unknown): ServerSettings {
  const section = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules: Record<string, RuleLevel> = {};
  const given = section.rules;
  if (given !== null && typeof given === 'object') {
    for (const [code, level] of Object.entries(given)) {
      if (isRuleLevel(level)) rules[code] = level;
    }
  }
  return { rules };
}
