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
  pull                Write the OpenCX organisation's actions into files (DIR/actions), linked by remote.id
  push [paths...]     Plan (or, with --apply, send) the creates and updates that bring OpenCX to the files
  import SPEC         Turn an OpenAPI 2.0/3.0/3.1 spec (JSON or YAML) into action files, then lint them

Options for lint:
  --format <name>     stylish (default), json or sarif
  --max-warnings <n>  exit 1 when there are more than n warnings
  --rule <code=level> set a rule's severity: error, warning, info, hint or off (repeatable)
  --env <name>        environment for header checks (default: the config's defaultEnvironment)
  --contact <name>    test contact for header checks (default: the config's defaultContact)

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

Options for import:
  --out <dir>           where the action files go (default: the current folder); earlier imports found there
                        are replaced while unedited, kept when edited by hand; hand-made actions are never touched
  --server <url>        the API's base URL instead of the spec's servers[0].url (Swagger 2.0: host/basePath)
  --operation <id>      import only this operation: its operationId, or "METHOD /path" (repeatable)
  --tag <name>          import only operations with this OpenAPI tag (repeatable; adds to --operation)
  --dry-run             write nothing; report what would happen
  --format <name>       text (default) or json

Options for pull (the organisation: api.baseUrl and api.key of the nearest opencx.config.json at or above DIR;
the key from OPENCX_SECRET_<NAME>, or OPENCX_API_KEY without api.key; no config: https://api.open.cx):
  --out <dir>           the project folder (default: the current folder); actions go to <dir>/actions
  --env <name>          the environment whose api settings apply
  --force               overwrite files changed here since the last pull (otherwise: conflicts, exit 1)
  --format <name>       text (default) or json

Options for push (the organisation and key as for pull, from the config above the first path):
  --env <name>          the environment whose api settings apply
  --apply               send the plan (refused on conflicts or lint errors); without it nothing is sent
  --format <name>       text (default), json or markdown (a pull-request comment)

Common options:
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 no error (run: the request was sent and answered, whatever its status); 1 errors (lint: or too
many warnings; plan: the action cannot be planned; run: timeout, network error or refused); 2 bad usage,
unreadable input, a missing --param, or an unknown environment or contact. import: 0 every selected operation
imported (skipped ones, e.g. HEAD, do not count); 1 some were rejected (invalid_tool_schema,
cannot_determine_api_endpoint); 2 bad usage, an unreadable file or failed_to_parse_spec. pull: 0; 1 conflicts;
2 bad usage or an API failure (401/403 say which scope the key needs). push: 0 done or nothing to do;
1 conflicts or lint errors; 2 bad usage or an API failure.`;
