import fs from 'node:fs';
import path from 'node:path';
import { actionModelOf, configModelOf, lintDocument, parseInput, runInputs, type OrgInput } from '../engine';
import { displayPath, findNearestConfig } from './files';
import { InputError, OptionValueError, parseFormat, UsageError } from './usage';

/** A file read for `plan`: its text and the path shown to the user (and used in locations). */
export interface ReadFile {
  absolute: string;
  display: string;
  text: string;
}

/** Reads one file named on the command line; anything but a readable regular file is an InputError (exit 2). */
export function readNamedFile(given: string, cwd: string): ReadFile {
  const absolute = path.resolve(cwd, given);
  const display = displayPath(absolute, cwd);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new InputError(`cannot read ${given}: no such file`);
  }
  if (!stat.isFile()) throw new InputError(`cannot read ${given}: not a regular file`);
  try {
    return { absolute, display, text: fs.readFileSync(absolute, 'utf8') };
  } catch (error) {
    throw new InputError(`cannot read ${given}: ${(error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
}


/** The organisation for the CLI, with a note when the config has errors (its readable part is used). */
export interface LoadedOrg {
  org: OrgInput;
  notes: string[];
}

/**
 * Reads the organisation: `--config` when given, else the nearest opencx.config.json above the action. A config
 * that is not valid JSON cannot be used (InputError, exit 2); one with schema errors is used as far as it can be
 * read, with a note.
 */
export function loadOrg(configOption: string | undefined, actionFile: ReadFile, cwd: string): LoadedOrg | undefined {
  const found = configOption ?? findNearestConfig(path.dirname(actionFile.absolute));
  if (found === undefined) return undefined;
  const file = readNamedFile(found, cwd);
  const { document, findings } = lintDocument({ kind: 'config', text: file.text });
  const config = document.wellFormed ? configModelOf(document.value) : undefined;
  if (!config) {
    const first = findings[0];
    const where = first ? ` (${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message})` : '';
    throw new InputError(`cannot use ${file.display}: it is not a valid JSON object${where}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const notes = errors
    ? [`${file.display} has ${errors} error${errors === 1 ? '' : 's'} (run opencx-actions lint ${file.display}); planned from what could be read.`]
    : [];
  return { org: { file: file.display, config, raw: document.value }, notes };
}

/**
 * `--param` values checked against the schema of the value the AI would extract, as the editor checks them while
 * they are typed: `--param order_id=abc` for an integer is refused with one line (exit 2), never sent.
 */
export function checkParams(actionValue: unknown, params: Readonly<Record<string, string>>): void {
  const action = actionModelOf(actionValue);
  if (!action) return;
  for (const input of runInputs(action)) {
    const text = params[input.name];
    if (text === undefined) continue;
    const parsed = parseInput(input, text);
    if (!parsed.ok) throw new OptionValueError(`--param ${input.name}=${text}: ${parsed.message}`);
  }
}

/** `--param name=value` options as values by name (the last one wins). */
export function parseParams(params: readonly string[], fail: (message: string) => Error): Record<string, string> {
  const values: Record<string, string> = {};
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq <= 0) throw fail(`--param must be name=value; got "${param}"`);
    values[param.slice(0, eq)] = param.slice(eq + 1);
  }
  return values;
}

/** The options `plan` and `run` share: the AI's values, the organisation and who the request is for, the format. */
export const ACTION_OPTIONS = {
  param: { type: 'string', multiple: true, default: [] as string[] },
  env: { type: 'string' },
  contact: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string', default: 'text' },
} as const;

/** The one action file a command takes, and a checked `--format text|json`. */
export function actionFileAndFormat(command: string, positionals: string[], format: string | undefined): { file: string; format: 'text' | 'json' } {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `${command} takes one action file; got ${positionals.length}` : `${command} needs an action file`);
  return { file: positionals[0], format: parseFormat(format, ['text', 'json'] as const) };
}
