import type { ActionModel } from '../model/action';
import { settingLocation } from '../model/config';
import type { HeaderSource, PlannedHeader, SourceLocation } from '../model/plan';
import { magicSample, type MagicContext } from './magic';
import type { OrgInput, Selection } from './resolution';

/** One header as one layer writes it, before precedence is applied. */
export interface HeaderEntry {
  name: string;
  value: string;
  source: HeaderSource;
  location?: SourceLocation;
  magic?: string;
}

/** The value OpenCX sends as `User-Agent` unless a later source replaces it. */
export const OPENCX_USER_AGENT = 'OpenCX';

/** Header names the resolver itself writes, in the spelling it writes them. */
export const USER_AGENT = 'User-Agent';
export const CONTENT_TYPE = 'Content-Type';

/** Human names of the header sources, for notes, hovers and the CLI. */
export const SOURCE_LABELS: Readonly<Record<HeaderSource, string>> = {
  default: 'default',
  action: 'action header',
  globalVariable: 'global variable',
  contact: 'contact (widget) header',
  context: 'context header',
};

/** Header names compare case-insensitively (docs/assumptions.md, "Where OpenCX is silent"). */
export const sameHeader = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Applies precedence: `entries` come lowest first (in the order of docs/assumptions.md, "Where OpenCX is silent",
 * then file order within a layer). A later entry with the same name (case-insensitive) wins and keeps its own
 * spelling; the one it replaces, with everything that one had replaced, goes to its `shadowed` list, highest first.
 * Headers keep the place of their first appearance.
 */
export function mergeHeaderEntries(entries: readonly HeaderEntry[]): PlannedHeader[] {
  const byName = new Map<string, PlannedHeader>();
  for (const entry of entries) {
    const key = entry.name.toLowerCase();
    const previous = byName.get(key);
    const shadowed = previous
      ? [{ source: previous.source, name: previous.name, value: previous.value, ...(previous.location ? { location: previous.location } : {}) }, ...previous.shadowed]
      : [];
    byName.set(key, { ...entry, shadowed });
  }
  return [...byName.values()];
}

/** The action's own headers, in file order; a magic field shows its sample value. */
export function actionHeaderEntries(action: ActionModel, file: string, magic: MagicContext, notes: string[]): HeaderEntry[] {
  return action.headers.map(({ name, value }) => {
    const location = { file, path: ['headers', name] };
    if (typeof value === 'string') return { name, value, source: 'action' as const, location };
    const sample = magicSample(value.magic, `Header ${name}`, magic);
    notes.push(sample.note);
    return { name, value: sample.value, source: 'action' as const, location, magic: value.magic };
  });
}

/** The location in opencx.config.json of the effective value at `path` (environment overlay first). */
export function configLocation(org: OrgInput | undefined, environment: string | undefined, path: (string | number)[]): SourceLocation | undefined {
  if (!org) return undefined;
  const found = settingLocation(org.raw, environment, path);
  return found ? { file: org.file, path: found } : undefined;
}

/** Settings → Variables: each global variable is sent as a header, verbatim. */
export function globalVariableEntries(selection: Selection, org: OrgInput | undefined): HeaderEntry[] {
  return Object.entries(selection.settings.globalVariables).map(([name, value]) => {
    const location = configLocation(org, selection.environment, ['globalVariables', name]);
    return { name, value, source: 'globalVariable' as const, ...(location ? { location } : {}) };
  });
}

/** The headers the widget passes for the active contact (`http_action_overrides.headers`). */
export function contactHeaderEntries(selection: Selection, org: OrgInput | undefined): HeaderEntry[] {
  const { contactName } = selection;
  if (contactName === undefined) return [];
  return Object.entries(selection.contact.headers).map(([name, value]) => {
    const location = configLocation(org, selection.environment, ['contacts', contactName, 'headers', name]);
    return { name, value, source: 'contact' as const, ...(location ? { location } : {}) };
  });
}
