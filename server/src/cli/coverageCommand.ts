import { parseArgs } from 'node:util';
import { buildCoverage, coverageContacts } from '../engine';
import { CATALOG_OPTIONS, parseChannel, readCatalogInputs } from './catalogInputs';
import { parseFormat } from './usage';
import type { CliContext } from './context';
import { coverageJson, coverageMarkdown, coverageText } from './formats/catalog';
import { EXIT, InputError } from './usage';

/**
 * `opencx-actions coverage [paths…] [--channel NAME] [--env NAME] [--config FILE] [--format text|json|markdown]`:
 * which contact (the config's, plus "(anonymous)") is offered which action on one channel. Exit 0; 1 when an
 * action file is not JSON; 2 bad usage, unreadable input or an unknown environment.
 */
export function coverageCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: CATALOG_OPTIONS });
  const channel = parseChannel(values.channel);
  const format = parseFormat(values.format, ['text', 'json', 'markdown'] as const);
  const inputs = readCatalogInputs(positionals, values.config, context.cwd);
  const contacts = coverageContacts(inputs.org, values.env);
  if (!contacts.ok) throw new InputError(contacts.error.message);
  const coverage = buildCoverage(inputs.entries, contacts.value.contacts, contacts.value.segments, channel);
  context.stdout.write(format === 'json' ? coverageJson(coverage) : format === 'markdown' ? coverageMarkdown(coverage) : coverageText(coverage, inputs.notes));
  for (const file of inputs.unreadable) context.stderr.write(`opencx-actions: ${file} could not be read: it is not valid JSON (run opencx-actions lint ${file})\n`);
  return inputs.unreadable.length ? EXIT.findings : EXIT.ok;
}
