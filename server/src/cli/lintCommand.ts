import { parseArgs } from 'node:util';
import { Workspace } from '../engine/workspace/workspace';
import { collectFiles, loadWorkspace } from './files';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { coloursFor, formatStylish } from './formats/stylish';
import { summarise, toCliFinding, type CliFinding } from './report';
import { EXIT, UsageError } from './usage';
import type { CliContext } from './context';

const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** `opencx-actions lint [paths…] [--format stylish|json|sarif] [--max-warnings N]` */
export function lintCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', default: 'stylish' }, 'max-warnings': { type: 'string' } },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}"`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);

  const files = collectFiles(positionals.length ? positionals : ['.'], context.cwd);
  const workspace = new Workspace();
  const displayOf = loadWorkspace(workspace, files, context.cwd);
  const findings: CliFinding[] = [];
  for (const file of files) {
    for (const finding of workspace.findings(file.id)) findings.push(toCliFinding(file.display, finding, displayOf));
  }
  const summary = summarise(findings, files.length);

  if (format === 'json') context.stdout.write(formatJson(findings));
  else if (format === 'sarif') context.stdout.write(formatSarif(findings, context.tool));
  else context.stdout.write(formatStylish(findings, summary, coloursFor(context.stdout, context.env)));

  if (files.length === 0 && format === 'stylish') context.stderr.write('note: no *.action.json or opencx.config.json file found\n');
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && format === 'stylish') context.stderr.write(`${summary.warnings} warning${summary.warnings === 1 ? ' exceeds' : 's exceed'} --max-warnings ${maxWarnings}\n`);
  return summary.errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

function parseMaxWarnings(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings must be a whole number of 0 or more; got "${raw}"`);
  return Number(raw);
}
