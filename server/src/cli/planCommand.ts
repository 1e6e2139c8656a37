import { parseArgs } from 'node:util';
import { formatPlanText, JsonDocument, lintDocument, planForDisplay, type ResolveError, resolveRequest } from '../engine';
import type { CliContext } from './context';
import { envSecretSource } from './envSecrets';
import { ACTION_OPTIONS, actionFileAndFormat, checkParams, loadOrg, parseParams, readNamedFile, type ReadFile } from './planInputs';
import { EXIT, InputError, UsageError } from './usage';

type Format = 'text' | 'json';

interface PlanOptions {
  file: string;
  values: Record<string, string>;
  environment?: string;
  contact?: string;
  config?: string;
  format: Format;
}

function parsePlanArgs(args: string[]): PlanOptions {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: ACTION_OPTIONS });
  const { file, format } = actionFileAndFormat('plan', positionals, values.format);
  return {
    file,
    values: parseParams(values.param ?? [], (m) => new UsageError(m)),
    format,
    ...(values.env !== undefined ? { environment: values.env } : {}),
    ...(values.contact !== undefined ? { contact: values.contact } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

/** `file:line:col: message` lines for what prevents planning. */
function problemLines(file: ReadFile, document: JsonDocument, error: ResolveError): string[] {
  return (error.problems ?? []).map((p) => {
    const node = document.nodeAt(p.path);
    const start = node ? document.rangeOfNode(node).start : { line: 0, character: 0 };
    return `  ${file.display}:${start.line + 1}:${start.character + 1}: ${p.message}`;
  });
}

/** Syntax errors: the file cannot be read as an action at all (exit 1, with each error). */
function syntaxErrors(file: ReadFile, context: CliContext): number | undefined {
  const { document, findings } = lintDocument({ kind: 'action', text: file.text });
  if (document.wellFormed) return undefined;
  context.stderr.write(`opencx-actions: ${file.display} cannot be planned: it is not valid JSON\n`);
  for (const f of findings) context.stderr.write(`  ${file.display}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message}\n`);
  return EXIT.findings;
}

function otherErrorsNote(file: ReadFile): string[] {
  const errors = lintDocument({ kind: 'action', text: file.text }).findings.filter((f) => f.severity === 'error').length;
  return errors ? [`${file.display} has ${errors} error${errors === 1 ? '' : 's'} (run opencx-actions lint ${file.display}); planned from what could be read.`] : [];
}

/**
 * `opencx-actions plan FILE [--param name=value]… [--env NAME] [--contact NAME] [--config PATH] [--format text|json]`:
 * a dry run with no network. Exit 0 with the plan; 2 for bad usage, an unreadable file, an unknown environment
 * or contact; 1 when the action file has errors that prevent planning (each is listed).
 */
export function planCommand(args: string[], context: CliContext): number {
  const options = parsePlanArgs(args);
  const file = readNamedFile(options.file, context.cwd);
  const invalid = syntaxErrors(file, context);
  if (invalid !== undefined) return invalid;
  const document = new JsonDocument(file.text);
  checkParams(document.value, options.values);
  const loaded = loadOrg(options.config, file, context.cwd);
  if (!loaded && (options.environment !== undefined || options.contact !== undefined)) {
    throw new InputError(`${options.environment !== undefined ? '--env' : '--contact'} needs an opencx.config.json: none found at or above ${file.display} (use --config PATH)`);
  }
  const secrets = envSecretSource(context.env);
  const result = resolveRequest({
    action: { file: file.display, value: document.value },
    ...(loaded ? { org: loaded.org } : {}),
    environment: options.environment,
    contact: options.contact,
    values: options.values,
    mode: 'dryRun',
    isSecretSet: (name) => secrets.isSet(name),
  });
  if (!result.ok) {
    if (result.error.code !== 'invalid-action') throw new InputError(result.error.message);
    context.stderr.write(`opencx-actions: ${file.display} cannot be planned:\n${problemLines(file, document, result.error).join('\n')}\n`);
    return EXIT.findings;
  }
  const plan = { ...result.value, notes: [...(loaded?.notes ?? []), ...otherErrorsNote(file), ...result.value.notes] };
  context.stdout.write(options.format === 'json' ? JSON.stringify(planForDisplay(plan), null, 2) + '\n' : formatPlanText(plan));
  return EXIT.ok;
}
