import pkg from '../../../package.json';
import type { CliContext } from './context';
import { lintCommand } from './lintCommand';
import { runCommand } from './runCommand';
import { planCommand } from './planCommand';
import { importCommand } from './importCommand';
import { pullCommand } from './pullCommand';
import { pushCommand } from './pushCommand';
import { toolsCommand } from './toolsCommand';
import { coverageCommand } from './coverageCommand';
import { routeCommand } from './routeCommand';
import { neighboursCommand } from './neighboursCommand';
import { COMMAND_HELP, EXIT, helpHint, InputError, OptionValueError, USAGE, UsageError } from './usage';

const COMMANDS: Record<string, (args: string[], context: CliContext) => number | Promise<number>> = {
  lint: lintCommand,
  run: runCommand,
  plan: planCommand,
  import: importCommand,
  pull: pullCommand,
  push: pushCommand,
  tools: toolsCommand,
  coverage: coverageCommand,
  route: routeCommand,
  neighbours: neighboursCommand,
};

/** `--debug`, anywhere on the command line: an internal error prints its stack. */
const DEBUG_FLAG = '--debug';

/** Runs one command line and returns the exit code; never throws. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const debug = argv.includes(DEBUG_FLAG);
  const [command, ...rest] = argv.filter((arg) => arg !== DEBUG_FLAG);
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? context.stderr : context.stdout).write(USAGE + '\n');
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '-v' || command === '--version') {
    context.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    if (rest.includes('-h') || rest.includes('--help')) {
      context.stdout.write((COMMAND_HELP[command] ?? USAGE) + '\n');
      return EXIT.ok;
    }
    return await run(rest, context);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      context.stderr.write(`opencx-actions: ${(error as Error).message}\n${helpHint(run === undefined ? undefined : command)}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError || error instanceof OptionValueError) {
      context.stderr.write(`opencx-actions: ${error.message}\n`);
      return EXIT.usage;
    }
    context.stderr.write(internalErrorText(error, debug));
    return EXIT.usage;
  }
}

/** A bug: one line (the first line of its message) and how to see more, or the whole stack with --debug. */
function internalErrorText(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (debug) return `opencx-actions: internal error: ${error instanceof Error && error.stack ? error.stack : message}\n`;
  return `opencx-actions: internal error: ${message.split(/\r?\n/)[0]} (run with --debug for the stack)\n`;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
