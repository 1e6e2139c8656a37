import { parseArgs } from 'node:util';
import { buildCatalog, catalogContact, catalogTokens } from '../engine';
import { CATALOG_OPTIONS, parseChannel, readCatalogInputs } from './catalogInputs';
import { parseFormat } from './usage';
import type { CliContext } from './context';
import { toolsJson, toolsText } from './formats/catalog';
import { EXIT, InputError } from './usage';

/**
 * `opencx-actions tools [paths…] [--contact NAME] [--channel NAME] [--env NAME] [--config FILE] [--format text|json]`:
 * the tool list the AI is offered for one contact on one channel. Exit 0; 1 when an action file is not JSON (the
 * list is still printed, without it); 2 bad usage, unreadable input, an unknown environment or contact.
 */
export async function toolsCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { ...CATALOG_OPTIONS, contact: { type: 'string' } } });
  const channel = parseChannel(values.channel);
  const format = parseFormat(values.format, ['text', 'json'] as const);
  const inputs = readCatalogInputs(positionals, values.config, context.cwd);
  if (!inputs.org && values.contact !== undefined) throw new InputError('--contact needs an opencx.config.json: none found for these actions (use --config PATH)');
  const who = catalogContact(inputs.org, values.env, values.contact);
  if (!who.ok) throw new InputError(who.error.message);
  const catalog = buildCatalog(inputs.entries, who.value, channel);
  const tokens = await catalogTokens(catalog.tools);
  context.stdout.write(format === 'json' ? toolsJson(catalog, tokens.tokens) : toolsText(catalog, tokens, inputs.notes));
  for (const file of inputs.unreadable) context.stderr.write(`opencx-actions: ${file} could not be read: it is not valid JSON (run opencx-actions lint ${file})\n`);
  return inputs.unreadable.length ? EXIT.findings : EXIT.ok;
}
