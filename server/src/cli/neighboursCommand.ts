import { parseArgs } from 'node:util';
import { effectiveSettings, organisationNames } from '../engine/model/config';
import { neighbourLine } from '../engine/overlap/neighbourText';
import { audienceIncludes } from '../engine/overlap/visibility';
import { Workspace } from '../engine/workspace/workspace';
import type { CliContext } from './context';
import { collectFiles, loadWorkspace, rootsOf } from './files';
import { UsageError, EXIT } from './usage';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** The JSON shape of issue 9, exactly. */
interface NeighboursJson {
  file: string;
  name: string;
  neighbours: { file: string; name: string; score: number; shared: string[]; distinguishing: string[] }[];
}

/**
 * `opencx-actions neighbours [paths…] [--contact NAME] [--format text|json]`: each action's three nearest actions
 * in its organisation that are offered to the same contacts (to NAME, with --contact), with the score, what they
 * share and what tells them apart. Never findings: the exit code is 0 whatever the scores.
 */
export function neighboursCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', default: 'text' }, contact: { type: 'string' } },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}"`);
  const paths = positionals.length ? positionals : ['.'];
  const files = collectFiles(paths, context.cwd);
  const workspace = new Workspace();
  workspace.setRoots(rootsOf(paths, context.cwd));
  const displayOf = loadWorkspace(workspace, files, context.cwd);
  if (values.contact !== undefined) {
    const known = organisationNames(workspace.configModels()).contacts;
    if (!known.includes(values.contact)) {
      throw new UsageError(`--contact "${values.contact}" is not defined in any opencx.config.json${known.length ? `; available: ${known.join(', ')}` : ''}`);
    }
  }
  const out: NeighboursJson[] = [];
  for (const file of files) {
    const action = workspace.action(file.id);
    if (file.kind !== 'action' || !action) continue;
    const segments = values.contact === undefined ? undefined : contactSegments(workspace, file.id, values.contact);
    // With --contact, only the actions that contact is offered (one its organisation does not define sees none).
    if (values.contact !== undefined && (segments === undefined || !audienceIncludes(action.restrictedToSegments, segments))) continue;
    const neighbours = workspace.neighboursOf(file.id, segments);
    out.push({
      file: file.display,
      name: action.name ?? '',
      neighbours: neighbours.map((n) => ({ file: displayOf(n.id), name: n.name, score: n.score, shared: n.shared, distinguishing: n.distinguishing })),
    });
    if (format === 'text') {
      context.stdout.write(`${file.display}  "${action.name ?? ''}"\n`);
      if (!neighbours.length) context.stdout.write('  (no action offered to the same contacts says anything alike)\n');
      for (const n of neighbours) context.stdout.write(`  ${neighbourLine(n)}  ${displayOf(n.id)}\n`);
    }
  }
  if (format === 'json') context.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return EXIT.ok;
}

/**
 * The segments of a test contact in the action's organisation (its defaultEnvironment's view), or undefined when
 * that organisation does not define the contact. An anonymous contact (no externalId) is only offered unrestricted
 * actions (spec A2), so it counts as in no segment.
 */
function contactSegments(workspace: Workspace, id: string, contact: string): string[] | undefined {
  const config = workspace.orgFor(id)?.model;
  if (!config) return undefined;
  const settings = effectiveSettings(config, config.defaultEnvironment);
  const found = settings.contacts[contact];
  if (!found) return undefined;
  return found.externalId === undefined ? [] : found.segments;
}
