import {
  type ExecutionResult, headersForDisplay, maskUrlForDisplay, type RunExplanation, SOURCE_LABELS,
} from '../engine';

/** Terminals get the AI's text up to this many characters; `--format json` always has all of it. */
const TEXT_BODY_CAP = 64 * 1024;

/** The request as the result shows it, with literal credentials masked too (secret references stay). */
function maskedRequest(request: ExecutionResult['request']) {
  return {
    method: request.method,
    url: maskUrlForDisplay(request.url),
    headers: headersForDisplay(request.headers),
    body: request.body,
  };
}

/**
 * `run --format json`: the issue's shape (outcome, ai, request, response, visibleToContact, notes), plus the
 * explanation, redirects, the underlying error and whether the run differed from OpenCX. Secrets masked.
 */
export function runJson(result: ExecutionResult, explanation: RunExplanation): string {
  const output = {
    outcome: result.outcome,
    ai: result.ai,
    request: maskedRequest(result.request),
    response: {
      status: result.response.status,
      headers: result.response.headers,
      bytes: result.response.bytes,
      tokens: result.response.tokens,
      timing: result.response.timing,
    },
    visibleToContact: result.visibleToContact,
    notes: result.notes,
    explanation,
    redirects: result.redirects,
    error: result.error,
    differsFromOpenCX: result.differsFromOpenCX,
  };
  return JSON.stringify(output, null, 2) + '\n';
}

/** The transport's error for a timeout or network error; a refusal's reason is already the explanation. */
export function underlyingError(result: ExecutionResult): string | undefined {
  return result.error && (result.outcome === 'network-error' || result.outcome === 'timeout') ? result.error.message : undefined;
}

/** `run` in text: the AI's view first, then why, then the request as sent with each header's source. */
export function runText(result: ExecutionResult, explanation: RunExplanation): string {
  const body = result.ai.body.length > TEXT_BODY_CAP
    ? `${result.ai.body.slice(0, TEXT_BODY_CAP)}\n… ${result.ai.body.length - TEXT_BODY_CAP} more characters (--format json prints all of them)`
    : result.ai.body;
  const request = maskedRequest(result.request);
  const lines = [
    `What the AI receives: ${result.ai.status === null ? 'no status' : `status ${result.ai.status}`} (${result.outcome})`,
    '─'.repeat(60),
    body,
    '─'.repeat(60),
    `${result.response.bytes} bytes · ${result.response.tokens}${result.response.tokensEstimated ? ' (estimated)' : ''} tokens · ${Math.round(result.response.timing.totalMs)} ms`,
    ...(underlyingError(result) ? [`Underlying error (not given to the AI): ${underlyingError(result)}`] : []),
    '',
    explanation.headline,
    ...explanation.details.map((d) => `  - ${d}`),
    '',
    `Request${result.sent ? ' as sent' : ' (not sent)'}: ${request.method} ${request.url}`,
    ...request.headers.flatMap((h) => [
      `  ${h.name}: ${h.value}  (${SOURCE_LABELS[h.source]})`,
      ...h.shadowed.map((s) => `    ~~${s.value}~~ (shadowed: ${SOURCE_LABELS[s.source]})`),
    ]),
    ...(request.body !== null ? ['  Body:', ...request.body.split('\n').map((l) => `    ${l}`)] : []),
    ...result.redirects.map((r) => `  ↪ ${r.status} ${r.method} ${r.url} → ${r.to}`),
  ];
  if (!result.visibleToContact) lines.push('', 'Visible to contact: no: the AI would never be offered this action for this contact (sent anyway, as a test).');
  if (result.notes.length) lines.push('', 'Notes:', ...result.notes.map((n) => `  - ${n}`));
  return lines.join('\n') + '\n';
}
