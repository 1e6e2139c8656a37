import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TOKEN_BUDGET, executePlan, explainRun, JsonDocument, lintDocument, resolveRequest, secretsUsedBy } from '../engine';
import type { CliContext } from './context';
import { envSecretSource, secretVariableNames } from './envSecrets';
import { parseMaxBodyBytes } from './maxBodyBytes';
import { ACTION_OPTIONS, actionFileAndFormat, checkParams, loadOrg, parseParams, readNamedFile } from './planInputs';
import { runJson, runText } from './runOutput';
import { EXIT, InputError, OptionValueError, UsageError } from './usage';

/** `run`'s exit codes: 0 sent and answered (any status), 1 timeout, network error or refusal, 2 bad usage. */
const ANSWERED = new Set(['success', 'http-error']);

function parseRunArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...ACTION_OPTIONS,
      'timeout-ms': { type: 'string' },
      'allow-http': { type: 'boolean', default: false },
      ca: { type: 'string', multiple: true, default: [] },
      'max-body-bytes': { type: 'string' },
    },
  });
  const { file } = actionFileAndFormat('run', positionals, values.format);
  return { file, values, timeoutMs: parseTimeout(values['timeout-ms']), maxBodyBytes: parseMaxBodyBytes(values['max-body-bytes']) };
}

/** The largest delay Node's timers take (2^31 - 1 ms, about 24.8 days); a larger one would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** `--timeout-ms N`: a whole number of milliseconds from 1 to 2147483647 (one line and exit 2 otherwise). */
function parseTimeout(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= MAX_TIMEOUT_MS)) {
    throw new OptionValueError(`--timeout-ms must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}; got "${raw}"`);
  }
  return value;
}

function readCas(paths: readonly string[], cwd: string): string[] {
  return paths.map((p) => {
    try {
      return fs.readFileSync(path.resolve(cwd, p), 'utf8');
    } catch {
      throw new InputError(`cannot read the CA certificate ${p}`);
    }
  });
}

/**
 * `opencx-actions run FILE [--param name=value]… [--env NAME] [--contact NAME] [--config PATH] [--timeout-ms N]
 * [--allow-http] [--ca PEM]… [--max-body-bytes N] [--format text|json]`: sends the request exactly as OpenCX would (secrets from
 * OPENCX_SECRET_<NAME>) and prints what the AI receives, then the request with each header's source.
 */
export async function runCommand(args: string[], context: CliContext): Promise<number> {
  const { file: given, values, timeoutMs, maxBodyBytes } = parseRunArgs(args);
  const file = readNamedFile(given, context.cwd);
  const document = new JsonDocument(file.text);
  if (!document.wellFormed) {
    const first = lintDocument({ kind: 'action', text: file.text }).findings[0];
    context.stderr.write(`opencx-actions: ${file.display} cannot be run: it is not valid JSON${first ? ` (${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message})` : ''}\n`);
    return EXIT.findings;
  }
  const loaded = loadOrg(values.config, file, context.cwd);
  const params = parseParams(values.param ?? [], (m) => new UsageError(m));
  checkParams(document.value, params);
  const resolved = resolveRequest({
    action: { file: file.display, value: document.value },
    ...(loaded ? { org: loaded.org } : {}),
    environment: values.env,
    contact: values.contact,
    values: params,
    mode: 'send',
  });
  if (!resolved.ok) {
    if (resolved.error.code === 'invalid-action') {
      context.stderr.write(`opencx-actions: ${file.display} cannot be run: ${(resolved.error.problems ?? []).map((p) => p.message).join('; ')}\n`);
      return EXIT.findings;
    }
    throw resolved.error.code === 'missing-values' ? new UsageError(`${resolved.error.message} (--param name=value)`) : new InputError(resolved.error.message);
  }
  const plan = { ...resolved.value, notes: [...(loaded?.notes ?? []), ...resolved.value.notes] };
  const secrets = envSecretSource(context.env);
  const result = await executePlan(plan, {
    secrets,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
    allowHttp: values['allow-http'] === true,
    caCertificates: readCas(values.ca ?? [], context.cwd),
  });
  const explanation = explainRun(result, DEFAULT_TOKEN_BUDGET);
  const missing = result.error?.code === 'MISSING_SECRET' ? secretsUsedBy(plan).filter((name) => !secrets.isSet(name)) : [];
  if (missing.length) explanation.details.push(`In a terminal, secrets come from environment variables: ${missing.map((name) => secretVariableNames(name).at(-1)).join(', ')}.`);
  context.stdout.write(values.format === 'json' ? runJson(result, explanation) : runText(result, explanation, { environment: plan.environment, contact: plan.contact }));
  return ANSWERED.has(result.outcome) ? EXIT.ok : EXIT.findings;
}
