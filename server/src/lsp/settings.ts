import { type RuleLevel, type RuleSettings, SEVERITIES } from '../engine';

/** The server's view of the `opencx.*` settings, normalised in this one place (defaults live here). */
export interface ServerSettings {
  rules: RuleSettings;
}

export const DEFAULT_SETTINGS: ServerSettings = { rules: {} };

const LEVELS: readonly string[] = [...SEVERITIES, 'off'];

/** Turns whatever the client sent for the `opencx` section into ServerSettings, dropping invalid entries. */
export function normaliseSettings(raw: unknown): ServerSettings {
  const section = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules: Record<string, RuleLevel> = {};
  const given = section.rules;
  if (given !== null && typeof given === 'object') {
    for (const [code, level] of Object.entries(given)) {
      if (typeof level === 'string' && LEVELS.includes(level)) rules[code] = level as RuleLevel;
    }
  }
  return { rules };
}
