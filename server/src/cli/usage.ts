/** Bad command line: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

/** Input that cannot be read (missing file, permission): the CLI prints the message and exits 2. */
export class InputError extends Error {}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export const USAGE = `Usage: opencx-actions <command> [options]

Commands:
  lint [paths...]     Check *.action.json and opencx.config.json files (default: the current folder, recursively)

Options for lint:
  --format <name>     stylish (default), json or sarif
  --max-warnings <n>  exit 1 when there are more than n warnings
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 no error, 1 errors (or too many warnings), 2 bad usage or unreadable input.`;
