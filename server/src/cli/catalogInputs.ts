import path from 'node:path';
import { actionModelOf, type CatalogEntry, type Channel, CHANNELS, isChannel, lintDocument, type OrgInput } from '../engine';
import { collectFiles, displayPath, findNearestConfig, readInput, type InputFile } from './files';
import { loadOrg, type ReadFile } from './planInputs';
import { InputError, UsageError } from './usage';

/** The options `tools` and `coverage` share. */
export const CATALOG_OPTIONS = {
  channel: { type: 'string' },
  env: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string', default: 'text' },
} as const;

/** What the catalog commands read: the actions (in path order), the files that are not JSON, the organisation. */
export interface CatalogInputs {
  entries: CatalogEntry[];
  /** Display paths of action files that are not valid JSON (exit 1). */
  unreadable: string[];
  /** The parsed value of each well-formed action file, by its display path (for what the model does not see: utterances). */
  values: Map<string, unknown>;
  org?: OrgInput;
  notes: string[];
}

/** `--channel` checked against OpenCX's channels (default widget). */
export function parseChannel(given: string | undefined): Channel {
  if (given === undefined) return 'widget';
  if (!isChannel(given)) throw new UsageError(`--channel must be one of ${CHANNELS.join(', ')}; got "${given}"`);
  return given;
}


function entryOf(file: InputFile, unreadable: string[], values: Map<string, unknown>): CatalogEntry {
  const { document, findings } = lintDocument({ kind: 'action', text: readInput(file) });
  if (!document.wellFormed) unreadable.push(file.display);
  else values.set(file.display, document.value);
  return { file: file.display, action: document.wellFormed ? actionModelOf(document.value) : undefined, invalid: findings.some((f) => f.severity === 'error') };
}

/**
 * The one organisation the actions belong to: `--config`, else the opencx.config.json files among the paths and
 * above each action. Actions of two organisations cannot share one tool list: that is an InputError (exit 2).
 */
function organisationOf(configOption: string | undefined, files: InputFile[], cwd: string): { org?: OrgInput; notes: string[] } {
  const candidates = new Set<string>();
  if (configOption === undefined) {
    for (const file of files) {
      const found = file.kind === 'config' ? file.absolute : findNearestConfig(path.dirname(file.absolute));
      if (found) candidates.add(found);
    }
    if (candidates.size > 1) {
      const names = [...candidates].map((c) => displayPath(c, cwd)).sort();
      throw new InputError(`the actions belong to ${names.length} organisations (${names.join(', ')}): name one with --config, or give narrower paths`);
    }
  }
  const chosen = configOption ?? [...candidates][0];
  if (chosen === undefined) return { notes: ['No opencx.config.json found: the anonymous visitor only, without contacts.'] };
  const anchor: ReadFile = { absolute: path.resolve(cwd, chosen), display: chosen, text: '' };
  const loaded = loadOrg(path.resolve(cwd, chosen), anchor, cwd);
  return loaded ? { org: loaded.org, notes: loaded.notes } : { notes: [] };
}

/** Reads every action under the paths (the current folder by default) and their organisation. */
export function readCatalogInputs(paths: string[], configOption: string | undefined, cwd: string): CatalogInputs {
  const files = collectFiles(paths.length ? paths : ['.'], cwd);
  const unreadable: string[] = [];
  const values = new Map<string, unknown>();
  const entries = files.filter((f) => f.kind === 'action').map((f) => entryOf(f, unreadable, values));
  const { org, notes } = organisationOf(configOption, files, cwd);
  return { entries, unreadable, values, ...(org ? { org } : {}), notes };
}
