import pkg from '../../../package.json';
import type { CliContext } from './context';
import { lintCommand } from './lintCommand';
import { runCommand } from './runCommand';
import { planCommand } from './planCommand';
import { neighboursCommand } from './neighboursCommand';
import { EXIT, InputError, USAGE, UsageError } from './usage';

const COMMANDS: Record<string, (args: string[], context: CliContext) => number | Promise<number>> = {
  lint: lintCommand,
  run: runCommand,
  plan: planCommand,
  neighbours: neighboursCommand,
};

/** Runs one command line and returns the exit code; never throws. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? context.stderr : context.stdout).write(USAGE + '\n');
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '-v' || command === '--version') {
    context.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    if (rest.includes('-h') || rest.includes('--help')) {
      context.stdout.write(USAGE + '\n');
      return EXIT.ok;
    }
    return await run(rest, context);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      context.stderr.write(`opencx-actions: ${(error as Error).message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      context.stderr.write(`opencx-actions: ${error.message}\n`);
      return EXIT.usage;
    }
    context.stderr.write(`opencx-actions: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT.usage;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    tool: { name: 'opencx-actions', version: pkg.version, informationUri: pkg.repository.url },
  }).then((code) => {
    process.exitCode = code;
  });
}
