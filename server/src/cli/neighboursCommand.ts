import { parseArgs } from 'node:util';
import { OVERLAP_THRESHOLD, organisationNames, Workspace } from '../engine';
import { collectFiles, loadWorkspace, rootsOf, type InputFile } from './files';
import { neighboursJson, neighboursText, type CliNeighbours } from './formats/neighbours';
import { EXIT, parseFormat, UsageError } from './usage';
import type { CliContext } from './context';

/**
 * `opencx-actions neighbours [paths…] [--contact NAME] [--format text|json]`: each action's three nearest actions
 * offered to the same contacts (issue 9, item 4), with the score, what they share and what tells them apart, below
 * the warning threshold too. Neighbours are not findings: exit 0 whatever they are; 2 bad usage or unreadable input.
 */
export function neighboursCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { contact: { type: 'string' }, format: { type: 'string', default: 'text' } },
  });
  const format = parseFormat(values.format, ['text', 'json'] as const);
  const paths = positionals.length ? positionals : ['.'];
  const files = collectFiles(paths, context.cwd);
  const workspace = new Workspace();
  // The same groups as lint: one organisation per opencx.config.json, else one per path argument.
  workspace.setRoots(rootsOf(paths, context.cwd));
  const displayOf = loadWorkspace(workspace, files, context.cwd);
  const contact = values.contact;
  if (contact !== undefined) checkContact(workspace, contact);
  const actions = files.flatMap((file) => neighboursOfFile(workspace, file, contact, displayOf, context));
  context.stdout.write(format === 'json' ? neighboursJson(actions) : neighboursText(actions, OVERLAP_THRESHOLD, contact));
  return EXIT.ok;
}

/** An action file's entry, or none: not an action, not readable as one, or not offered to `contact`. */
function neighboursOfFile(workspace: Workspace, file: InputFile, contact: string | undefined, displayOf: (id: string) => string, context: CliContext): CliNeighbours[] {
  if (file.kind !== 'action') return [];
  const action = workspace.action(file.id);
  if (!action || !workspace.document(file.id)?.wellFormed) {
    context.stderr.write(`opencx-actions: ${file.display} is left out: it is not valid JSON (run opencx-actions lint ${file.display})\n`);
    return [];
  }
  if (contact !== undefined && !workspace.isOfferedTo(file.id, contact)) return [];
  const neighbours = workspace.neighboursOf(file.id, { contact }).flatMap((neighbour) => {
    const words = workspace.neighbourWords(file.id, neighbour.otherId);
    return words ? [{ file: displayOf(neighbour.otherId), neighbour, words }] : [];
  });
  return [{ file: file.display, name: action.name, neighbours }];
}

/** `--contact` must name a test contact some opencx.config.json defines (as lint and plan require). */
function checkContact(workspace: Workspace, contact: string): void {
  const known = organisationNames(workspace.configModels()).contacts;
  if (!known.includes(contact)) {
    throw new UsageError(`--contact "${contact}" is not defined in any opencx.config.json${known.length ? `; available: ${known.join(', ')}` : ''}`);
  }
}
