import { SOURCE_LABELS } from '../resolve/headers';
import { OPENCX_TIMEOUT_MS, type ExecutionResult } from '../execute/execution';
import { maskText } from './display';

/**
 * Tokens of AI-facing text above which a run warns (`opencx.run.tokenBudget`, the CLI's `run`): the AI reads the
 * whole body on that turn. The default of both, and of the setting in package.json (a test keeps them equal).
 */
export const DEFAULT_TOKEN_BUDGET = 4000;

/** A plain explanation of a run for the human, next to the exact text the AI receives. */
export interface RunExplanation {
  level: 'ok' | 'warning' | 'error';
  headline: string;
  details: string[];
}

const header = (result: ExecutionResult, name: string) =>
  result.response.headers.find((h) => h.name.toLowerCase() === name)?.value ?? '';

function looksLikeHtml(result: ExecutionResult): boolean {
  return /text\/html/i.test(header(result, 'content-type')) || /^\s*(<!doctype html|<html)/i.test(result.ai.body.slice(0, 200));
}

function networkDetails(code: string): string[] {
  if (code === 'ECONNREFUSED') return ['Nothing accepted the connection: the server is down, or the host or port is wrong.'];
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return ['The host name does not resolve (DNS). Check the endpoint\'s host; OpenCX resolves it from the public internet.'];
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code)) {
    return ['The TLS certificate was not accepted. OpenCX verifies certificates like any HTTPS client: a self-signed, expired or wrongly named certificate fails in production too.'];
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return ['The connection was dropped before the whole response arrived (reset). OpenCX does not retry.'];
  return [];
}

function authorizationHints(result: ExecutionResult): string[] {
  const hints = ['Documented causes when the dashboard\'s Test works but production fails: the customer\'s firewall blocks the real x-opencx-* context headers, or the Authorization global variable lacks its scheme.'];
  const authorization = result.request.headers.find((h) => h.name.toLowerCase() === 'authorization');
  if (!authorization) hints.push('No Authorization header was sent: is a global variable or contact header missing for this environment?');
  else if (!/^[A-Za-z][\w.-]*\s+\S/.test(authorization.value)) hints.push(`The Authorization header (from the ${SOURCE_LABELS[authorization.source]}) has no "Bearer " scheme: OpenCX sends values verbatim.`);
  else hints.push('Check that the token is valid for this environment, and not expired.');
  return hints;
}

function httpError(result: ExecutionResult): RunExplanation {
  const status = result.response.status ?? 0;
  const details: string[] = [`OpenCX hands the AI status ${status} and the body verbatim; the AI decides what to tell the customer.`];
  // For a contact the action is not offered to, that verdict is the answer: production never makes this call.
  if ((status === 401 || status === 403) && !result.visibleToContact) {
    details.push('This contact is not offered the action (segment filter), so in production OpenCX\'s AI never makes this call: your API refused a contact it was never meant to serve. Pick a contact the action is offered to before looking for an authorization problem.');
  } else if (status === 401 || status === 403) details.push(...authorizationHints(result));
  if (status === 404) details.push(`Check the final URL and its path parameters: ${result.request.url}. A short body such as "order 12345 not found" lets the AI explain the failure.`);
  if (status === 429) details.push('Rate limited: OpenCX does not retry, so the AI gets this response as it is.');
  if (status >= 500) details.push('A server error. Stack traces and long pages in the body cost the AI context and confuse it: return a short, human-readable message.');
  if (looksLikeHtml(result)) details.push('The body is an HTML page: the AI reads it as raw text and cannot use it. Return plain text or JSON errors from the API.');
  return { level: 'error', headline: `HTTP ${status}${result.response.statusText ? ` ${result.response.statusText}` : ''}`, details };
}

/** A redirect this run did not follow although OpenCX's fetch would (see execute/redirectPolicy.ts). */
function redirectRefused(result: ExecutionResult): RunExplanation {
  return {
    level: 'error',
    headline: `Redirect ${result.response.status ?? ''} not followed`.replace('  ', ' '),
    details: [
      maskText(result.error?.message ?? 'A redirect was not followed.'),
      'OpenCX would have followed it: what its AI then gets is the other location\'s answer, which this run does not ask for, so that your credentials stay where you sent them.',
    ],
  };
}

/** What happened and what to fix, in words, for every outcome. */
export function explainRun(result: ExecutionResult, tokenBudget?: number): RunExplanation {
  let explanation: RunExplanation;
  switch (result.outcome) {
    case 'refused':
      explanation = result.sent ? redirectRefused(result) : { level: 'error', headline: 'Not sent', details: [maskText(result.error?.message ?? 'OpenCX would not send this request.')] };
      break;
    case 'timeout':
      explanation = {
        level: 'error',
        headline: `Timed out after ${result.timeoutMs} ms`,
        details: [
          `No complete response within ${result.timeoutMs} ms. OpenCX does not retry: the AI gets status 408 and "${result.ai.body}".`,
          `For work that takes longer than ${OPENCX_TIMEOUT_MS / 1000} s, let the action start it and return a reference ID, and poll with a second action.`,
        ],
      };
      break;
    case 'network-error':
      explanation = {
        level: 'error',
        headline: `Network error${result.error ? ` (${result.error.code})` : ''}`,
        details: ['The AI only gets the text "Something went wrong", with no status.', ...networkDetails(result.error?.code ?? '')],
      };
      break;
    case 'http-error':
      explanation = httpError(result);
      break;
    default:
      explanation = { level: 'ok', headline: `HTTP ${result.response.status ?? ''} ${result.response.statusText}`.trim(), details: [`The AI receives status ${result.ai.status} and the body shown under "What the AI receives", verbatim.`] };
  }
  const cut = result.response.truncated;
  if (cut && result.ai.status !== null) {
    explanation.details.push(`The body is ${result.response.bytes} bytes, and OpenCX's AI would receive all of them (about ${result.response.tokens} tokens). This run holds only the first ${cut.keptBytes} bytes (the cap, opencx.run.maxBodyBytes or --max-body-bytes): the text shown is theirs.`);
    if (explanation.level === 'ok') explanation.level = 'warning';
  }
  if (tokenBudget !== undefined && result.response.tokens > tokenBudget) {
    explanation.details.push(`The body is ${result.response.tokens} tokens, above the budget of ${tokenBudget}: the AI reads all of it on this turn. Paginate or summarise on the server (the three most recent orders, not the whole history).`);
    if (explanation.level === 'ok') explanation.level = 'warning';
  }
  return explanation;
}
