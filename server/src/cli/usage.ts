/** Bad command line: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

/** Input that cannot be read (missing file, permission): the CLI prints the message and exits 2. */
export class InputError extends Error {}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export const USAGE = `Usage: opencx-actions <command> [options]

Commands:
  lint [paths...]     Check *.action.json and opencx.config.json files (default: the current folder, recursively)
  plan FILE           Show the request OpenCX would send for one action (a dry run: nothing is sent)
  run FILE            Send it exactly as OpenCX would, and show what the AI receives
  neighbours [paths...]  Each action's three nearest actions offered to the same contacts (not findings)

Options for lint:
  --format <name>     stylish (default), json or sarif
  --max-warnings <n>  exit 1 when there are more than n warnings
  --rule <code=level> set a rule's severity: error, warning, info, hint or off (repeatable)
  --env <name>        environment for header checks (default: the config's defaultEnvironment)
  --contact <name>    test contact for header checks (default: the config's defaultContact)

Options for neighbours:
  --contact <name>    only actions this test contact is offered
  --format <name>     text (default) or json

Options for plan:
  --param <name=value>  a value the AI would extract (repeatable); missing ones show as {name}
  --env <name>          environment from opencx.config.json (default: its defaultEnvironment)
  --contact <name>      test contact from opencx.config.json (default: its defaultContact)
  --config <path>       opencx.config.json to use (default: the nearest one at or above FILE)
  --format <name>       text (default) or json; secrets are never printed

Options for run (and --param, --env, --contact, --config as for plan):
  --timeout-ms <n>      a development timeout instead of OpenCX's 60000 (the result then differs from OpenCX)
  --allow-http          send http:// to loopback hosts (OpenCX never calls http://)
  --ca <file>           trust an extra CA certificate (PEM), repeatable
  --format <name>       text (default) or json; secrets are read from OPENCX_SECRET_<NAME> and never printed

Common options:
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 no error (run: the request was sent and answered, whatever its status); 1 errors (lint: or too
many warnings; plan: the action cannot be planned; run: timeout, network error or refused); 2 bad usage,
unreadable input, a missing --param, or an unknown environment or contact.`;
