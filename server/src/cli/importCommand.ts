import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type * as OpenApi from '../engine/openapi';
import type { CliContext } from './context';
import { collectFiles, displayPath, findNearestConfig, readInput, toId } from './files';
import { EXIT, InputError, parseFormat, UsageError } from './usage';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface ImportArgs {
  spec: string;
  out: string;
  server?: string;
  operations: string[];
  tags: string[];
  dryRun: boolean;
  format: Format;
}

function parseImportArgs(args: string[], cwd: string): ImportArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      server: { type: 'string' },
      operation: { type: 'string', multiple: true, default: [] },
      tag: { type: 'string', multiple: true, default: [] },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`import takes one SPEC file; got ${positionals.length === 0 ? 'none' : positionals.length}`);
  const format = parseFormat(values.format, FORMATS);
  if (values.server !== undefined && !/^https?:\/\/[^\s/?#]+/i.test(values.server)) {
    throw new UsageError(`--server must be an absolute https:// URL such as https://api.example.com/v1; got "${values.server}"`);
  }
  return {
    spec: positionals[0],
    out: path.resolve(cwd, values.out ?? '.'),
    server: values.server,
    operations: values.operation ?? [],
    tags: values.tag ?? [],
    dryRun: values['dry-run'] === true,
    format,
  };
}

/** dist/openapi.js: the parser and the import engine, loaded only by this command (never by `lint`). */
function loadImporter(): typeof OpenApi {
  return require(path.join(__dirname, 'openapi.js')) as typeof OpenApi;
}

/** Every action and config file under the output folder, and the nearest config above it (for lint context). */
function workspaceFiles(out: string, cwd: string): OpenApi.WorkspaceFile[] {
  const files = fs.existsSync(out) ? collectFiles([out], cwd).map((f) => ({ id: f.id, text: readInput(f), kind: f.kind })) : [];
  const config = findNearestConfig(fs.existsSync(out) ? out : path.dirname(out));
  if (config && !files.some((f) => f.id === toId(config))) {
    files.push({ id: toId(config), text: readInput({ absolute: config, id: toId(config), kind: 'config', display: displayPath(config, cwd) }), kind: 'config' });
  }
  return files;
}

function writeFiles(writes: OpenApi.FileToWrite[]): void {
  for (const write of writes) {
    const absolute = write.id.split('/').join(path.sep);
    try {
      fs.mkdirSync(path.dirname(absolute), { recursive: true });
      fs.writeFileSync(absolute, write.text);
    } catch (error) {
      throw new InputError(`cannot write ${absolute}: ${(error as Error).message}`);
    }
  }
}

/**
 * `opencx-actions import SPEC [--out DIR] [--server URL] [--operation ID]… [--tag NAME]… [--dry-run]
 * [--format text|json]`: one action file per operation, re-imported safely (see engine/openapi), then linted.
 * Exit 0 when every selected operation was imported, 1 when some were rejected, 2 bad usage or an unparsable spec.
 */
export async function importCommand(args: string[], context: CliContext): Promise<number> {
  const options = parseImportArgs(args, context.cwd);
  const specPath = path.resolve(context.cwd, options.spec);
  const specText = readInput({ absolute: specPath, id: toId(specPath), kind: 'action', display: options.spec });
  const importer = loadImporter();
  const current = workspaceFiles(options.out, context.cwd);
  const plan = await importer.planImport(
    { text: specText, location: toId(specPath) },
    current.filter((f) => f.kind === 'action'),
    { outDir: toId(options.out), server: options.server, operations: options.operations, tags: options.tags },
  );
  const unmatched = [...plan.unmatched.operations.map((o) => `--operation ${o}`), ...plan.unmatched.tags.map((t) => `--tag ${t}`)];
  if (unmatched.length) throw new UsageError(`not in ${options.spec}: ${unmatched.join(', ')}`);
  const unparsable = plan.errors.some((e) => e.code === 'failed_to_parse_spec');
  if (!options.dryRun && !unparsable) writeFiles(plan.writes);
  const lint = unparsable ? [] : importer.lintAfterImport(plan, current);
  const display = (id: string) => displayPath(id.split('/').join(path.sep), context.cwd);
  const summary = importer.summarise(displayPath(specPath, context.cwd), plan, lint, display);
  context.stdout.write(options.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : importer.formatSummaryText(summary, options.dryRun));
  if (unparsable) return EXIT.usage;
  return plan.errors.length ? EXIT.findings : EXIT.ok;
}
