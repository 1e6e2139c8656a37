import { OPENCX_TIMEOUT_MS, RULE_LEVELS } from '../engine';

/** Bad command line: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

/** An option with a value out of its range: the CLI prints this one line (no usage) and exits 2. */
export class OptionValueError extends Error {}

/** Input that cannot be read (missing file, permission): the CLI prints the message and exits 2. */
export class InputError extends Error {}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** `--format` checked against the command's formats: every command's one check and one message. */
export function parseFormat<F extends string>(given: string | undefined, formats: readonly F[]): F {
  if (!formats.includes(given as F)) throw new UsageError(`--format must be one of ${formats.join(', ')}; got "${given}"`);
  return given as F;
}

/** Each command's help: `opencx-actions COMMAND --help` prints it; a usage error points to it. */
export const COMMAND_HELP: Record<string, string> = {
  lint: `Usage: opencx-actions lint [paths...] [options]

Check *.action.json and opencx.config.json files (default: the current folder, recursively).

Options:
  --format <name>     stylish (default), json, sarif or gitlab (a GitLab Code Quality report)
  --max-warnings <n>  exit 1 when there are more than n warnings
  --rule <code=level> set a rule's severity: ${RULE_LEVELS.slice(0, -1).join(', ')} or ${RULE_LEVELS.at(-1)} (repeatable; codes in docs/rules.md)
  --env <name>        environment for header checks (default: the config's defaultEnvironment)
  --contact <name>    test contact for header checks (default: the config's defaultContact)

Exit codes: 0 no error; 1 errors or too many warnings; 2 bad usage or unreadable input.`,
  plan: `Usage: opencx-actions plan FILE [options]

Show the request OpenCX would send for one action (a dry run: nothing is sent).

Options:
  --param <name=value>  a value the AI would extract (repeatable); missing ones show as {name}
  --env <name>          environment from opencx.config.json (default: its defaultEnvironment)
  --contact <name>      test contact from opencx.config.json (default: its defaultContact)
  --config <path>       opencx.config.json to use (default: the nearest one at or above FILE)
  --format <name>       text (default) or json; secrets are never printed

Exit codes: 0 planned; 1 the action cannot be planned; 2 bad usage, unreadable input, or an unknown environment or contact.`,
  run: `Usage: opencx-actions run FILE [options]

Send one action exactly as OpenCX would, and show what the AI receives.

Options:
  --param <name=value>  a value the AI would extract (repeatable; every required one must be given)
  --env <name>          environment from opencx.config.json (default: its defaultEnvironment)
  --contact <name>      test contact from opencx.config.json (default: its defaultContact)
  --config <path>       opencx.config.json to use (default: the nearest one at or above FILE)
  --timeout-ms <n>      a development timeout instead of OpenCX's ${OPENCX_TIMEOUT_MS} (the result then differs from OpenCX)
  --allow-http          send http:// to loopback hosts (OpenCX never calls http://)
  --ca <file>           trust an extra CA certificate (PEM), repeatable
  --max-body-bytes <n>  keep at most n bytes of the body (default 52428800); past them it is counted, not kept
  --format <name>       text (default) or json; secrets are read from OPENCX_SECRET_<NAME> and never printed

Exit codes: 0 the request was sent and answered, whatever its status; 1 timeout, network error or refused;
2 bad usage, unreadable input, a missing or invalid --param, or an unknown environment or contact.`,
  import: `Usage: opencx-actions import SPEC [options]

Turn an OpenAPI 2.0/3.0/3.1 spec (JSON or YAML) into action files, then lint them.

Options:
  --out <dir>           where the action files go (default: the current folder); earlier imports found there
                        are replaced while unedited, kept when edited by hand; hand-made actions are never touched
  --server <url>        the API's base URL instead of the spec's servers[0].url (Swagger 2.0: host/basePath)
  --operation <id>      import only this operation: its operationId, or "METHOD /path" (repeatable)
  --tag <name>          import only operations with this OpenAPI tag (repeatable; adds to --operation)
  --dry-run             write nothing; report what would happen
  --format <name>       text (default) or json

Exit codes: 0 every selected operation imported (skipped ones, e.g. HEAD, do not count); 1 some were rejected
(invalid_tool_schema, cannot_determine_api_endpoint); 2 bad usage, an unreadable file or failed_to_parse_spec.`,
  pull: `Usage: opencx-actions pull [options]

Write the OpenCX organisation's actions into files (DIR/actions), linked by remote.id.

The organisation: api.baseUrl and api.key of the nearest opencx.config.json at or above DIR; the key from
OPENCX_SECRET_<NAME>, or OPENCX_API_KEY without api.key; no config: https://api.open.cx.

Options:
  --out <dir>           the project folder (default: the current folder); actions go to <dir>/actions
  --env <name>          the environment whose api settings apply
  --force               overwrite files changed here since the last pull (otherwise: conflicts, exit 1)
  --format <name>       text (default) or json

Exit codes: 0 done; 1 conflicts; 2 bad usage or an API failure (401/403 say which scope the key needs).`,
  push: `Usage: opencx-actions push [paths...] [options]

Plan (or, with --apply, send) the creates and updates that bring OpenCX to the files.

The organisation and key as for pull, from the config above the first path.

Options:
  --env <name>          the environment whose api settings apply
  --apply               send the plan (refused on conflicts or lint errors); without it nothing is sent
  --format <name>       text (default), json or markdown (a pull-request comment)

Exit codes: 0 done or nothing to do; 1 conflicts or lint errors; 2 bad usage or an API failure.`,
  tools: `Usage: opencx-actions tools [paths...] [options]

The tool list the AI is offered for one contact on one channel, as a model receives it, and its tokens.

Options:
  --contact <name>    the contact (default: the config's defaultContact, else the anonymous visitor)
  --channel <name>    widget (default), email, sms, whatsapp, phone or slack
  --env <name>        environment from opencx.config.json (default: its defaultEnvironment)
  --config <path>     opencx.config.json to use (default: the one at or above the actions)
  --format <name>     text (default) or json

Exit codes: 0 listed; 1 an action file could not be read (not JSON); 2 bad usage.`,
  coverage: `Usage: opencx-actions coverage [paths...] [options]

Which contact is offered which action on one channel; actions nobody reaches; contacts offered nothing.

Options:
  --channel <name>    widget (default), email, sms, whatsapp, phone or slack
  --env <name>        environment from opencx.config.json (default: its defaultEnvironment)
  --config <path>     opencx.config.json to use (default: the one at or above the actions)
  --format <name>     text (default), json or markdown (a table for a pull request)

Exit codes: 0 listed; 1 an action file could not be read (not JSON); 2 bad usage.`,
  neighbours: `Usage: opencx-actions neighbours [paths...] [options]

Each action's three nearest actions offered to the same contacts, with what they share and what tells them apart.

Scored as description-overlap scores a pair, below its warning threshold too: near-misses for you to judge, never
findings. Actions are compared within one organisation (the nearest opencx.config.json, else one per path).

Options:
  --contact <name>    only actions offered to this test contact (from opencx.config.json), and neighbours offered to it too
  --format <name>     text (default) or json: [{ "file", "name", "neighbours": [{ "file", "name", "score", "shared", "distinguishing" }] }]

Exit codes: 0 listed (whatever the neighbours); 2 bad usage, unreadable input or an unknown contact.`,
  route: `Usage: opencx-actions route [paths...] --model NAME [options]

Send each action's utterances to a model with the tools OpenCX would offer; report wrong picks.

Options (and --contact, --channel, --env, --config as for tools):
  --model <name>        the model the chat-completions endpoint serves (required)
  --base-url <url>      the endpoint (default https://api.openai.com/v1; Ollama: http://127.0.0.1:11434/v1)
  --runs <n>            ask each utterance n times, to see how stable the pick is (default 1)
  --min-accuracy <x>    exit 1 below this share of right picks (default 0.9)
  --max-requests <n>    refuse runs that would send more requests (default 200)
  --dry-run             print the requests, send nothing
  --format <name>       text (default), json or junit
  The API key is read from OPENCX_MODEL_API_KEY; only names, descriptions, parameter schemas and utterances are sent.

Exit codes: 0 accuracy at or above --min-accuracy; 1 below it; 2 bad usage or the model endpoint failing.`,
};

/** One line per command for the overview: the first sentence of its help. */
function overview(): string {
  return Object.values(COMMAND_HELP).map((help) => {
    const synopsis = help.split('\n')[0].replace('Usage: opencx-actions ', '').replace(/ \[options\]$/, '');
    const what = help.split('\n')[2];
    return `  ${synopsis.padEnd(19)} ${what}`;
  }).join('\n');
}

export const USAGE = `Usage: opencx-actions <command> [options]

Commands:
${overview()}

Common options:
  --debug             print the stack of an internal error (a bug: please report it)
  -h, --help          show this help (COMMAND --help: that command's options)
  -v, --version       show the version

Exit codes: 0 success; 1 findings or a failed run (see COMMAND --help); 2 bad usage or unreadable input.`;

/** The one line printed after a usage error, instead of the whole help. */
export function helpHint(command: string | undefined): string {
  return command && COMMAND_HELP[command] ? `see opencx-actions ${command} --help` : 'see opencx-actions --help';
}
