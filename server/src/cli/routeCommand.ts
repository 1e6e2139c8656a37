import { parseArgs } from 'node:util';
import { buildCatalog, catalogContact, chatRequest, collectPicks, DEFAULT_CONCURRENCY, DEFAULT_MODEL_TIMEOUT_MS, DEFAULT_SYSTEM_PROMPT, ModelEndpointError, routeCases, routeReport, utterancesOf } from '../engine';
import { CATALOG_OPTIONS, parseChannel, readCatalogInputs } from './catalogInputs';
import { parseFormat } from './usage';
import type { CliContext } from './context';
import { routeJson, routeJunit, routeText } from './formats/route';
import { EXIT, InputError, UsageError } from './usage';

const DEFAULT_MAX_REQUESTS = 200;
const DEFAULT_MIN_ACCURACY = 0.9;
const RETRIES_429 = 3;

function wholeNumber(flag: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`${flag} must be a whole number of ${min} or more; got "${raw}"`);
  return Number(raw);
}

function accuracyOption(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MIN_ACCURACY;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(`--min-accuracy must be a number from 0 to 1; got "${raw}"`);
  return value;
}

function baseUrlOption(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
  } catch {
    throw new UsageError(`--base-url must be an http(s) URL such as http://127.0.0.1:11434/v1; got "${raw}"`);
  }
  return raw;
}

/**
 * `opencx-actions route [paths…] --model NAME [--base-url URL] [--contact NAME] [--channel NAME] [--runs N]
 * [--min-accuracy X] [--max-requests N] [--dry-run] [--env NAME] [--config FILE] [--format text|json|junit]`: sends
 * each utterance of each offered action to a chat-completions model with exactly the catalog's tools, and reports
 * where it picks another action. Exit 0 accuracy ≥ --min-accuracy; 1 below; 2 bad usage or the endpoint failing.
 * Only names, descriptions, parameter schemas and utterances leave the machine; the API key is OPENCX_MODEL_API_KEY.
 */
export async function routeCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...CATALOG_OPTIONS,
      contact: { type: 'string' },
      model: { type: 'string' },
      'base-url': { type: 'string' },
      runs: { type: 'string' },
      'min-accuracy': { type: 'string' },
      'max-requests': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.model) throw new UsageError('route needs --model NAME (the model the endpoint serves, e.g. gpt-4o-mini or llama3.1)');
  const channel = parseChannel(values.channel);
  const format = parseFormat(values.format, ['text', 'json', 'junit'] as const);
  const runs = wholeNumber('--runs', values.runs, 1, 1);
  const maxRequests = wholeNumber('--max-requests', values['max-requests'], DEFAULT_MAX_REQUESTS, 1);
  const minAccuracy = accuracyOption(values['min-accuracy']);
  const baseUrl = baseUrlOption(values['base-url']);
  const timeoutMs = wholeNumber('OPENCX_MODEL_TIMEOUT_MS', context.env.OPENCX_MODEL_TIMEOUT_MS, DEFAULT_MODEL_TIMEOUT_MS, 1);

  const inputs = readCatalogInputs(positionals, values.config, context.cwd);
  if (!inputs.org && values.contact !== undefined) throw new InputError('--contact needs an opencx.config.json: none found for these actions (use --config PATH)');
  const who = catalogContact(inputs.org, values.env, values.contact);
  if (!who.ok) throw new InputError(who.error.message);
  const catalog = buildCatalog(inputs.entries, who.value, channel);
  const cases = routeCases(catalog, (file) => utterancesOf(inputs.values.get(file)));
  const requests = cases.map((c) => chatRequest(values.model!, DEFAULT_SYSTEM_PROMPT, catalog, c.utterance.text));
  const total = requests.length * runs;
  if (total > maxRequests) throw new UsageError(`this run would make ${total} requests (${requests.length} utterances × ${runs} runs), above --max-requests ${maxRequests}`);
  if (!cases.length) context.stderr.write('opencx-actions: no utterances in the actions offered to this contact on this channel: nothing to test (add "utterances" to the actions)\n');
  if (values['dry-run']) {
    context.stdout.write(JSON.stringify({ requests: total, runs, endpoint: baseUrl ?? 'https://api.openai.com/v1', bodies: requests }, null, 2) + '\n');
    return EXIT.ok;
  }
  if (total) context.stderr.write(`opencx-actions: sending ${total} request${total === 1 ? '' : 's'} to ${baseUrl ?? 'https://api.openai.com/v1'} (model ${values.model})\n`);
  let picks;
  try {
    picks = await collectPicks({ ...(baseUrl ? { baseUrl } : {}), apiKey: context.env.OPENCX_MODEL_API_KEY, timeoutMs, concurrency: DEFAULT_CONCURRENCY, retries429: RETRIES_429 }, requests, runs);
  } catch (error) {
    if (error instanceof ModelEndpointError) throw new InputError(error.message);
    throw error;
  }
  const report = routeReport(values.model, catalog, cases, picks);
  context.stdout.write(format === 'json' ? routeJson(report) : format === 'junit' ? routeJunit(report) : routeText(report, minAccuracy));
  return report.accuracy >= minAccuracy ? EXIT.ok : EXIT.findings;
}
