import { type ExecutionResult, headersForDisplay, maskUrlForDisplay, redirectsForDisplay, responseHeadersForDisplay, type RunExplanation, SOURCE_LABELS, textsForDisplay } from '../engine';

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
  const texts = textsForDisplay(result);
  const output = {
    outcome: result.outcome,
    ai: result.ai,
    request: maskedRequest(result.request),
    response: {
      status: result.response.status,
      headers: responseHeadersForDisplay(result.response.headers),
      bytes: result.response.bytes,
      tokens: result.response.tokens,
      timing: result.response.timing,
      ...(result.response.truncated ? { truncated: result.response.truncated } : {}),
    },
    visibleToContact: result.visibleToContact,
    notes: texts.notes,
    explanation,
    redirects: redirectsForDisplay(result.redirects),
    error: texts.error,
    differsFromOpenCX: result.differsFromOpenCX,
  };
  return JSON.stringify(output, null, 2) + '\n';
}

/** The transport's error for a timeout or network error; a refusal's reason is already the explanation. */
export function underlyingError(result: ExecutionResult): string | undefined {
  return result.error && (result.outcome === 'network-error' || result.outcome === 'timeout') ? result.error.message : undefined;
}

/** For a body longer than the cap: how much of it this run holds. */
function keptNote(result: ExecutionResult): string {
  const truncated = result.response.truncated;
  return truncated ? ` (the AI would receive all of them; the first ${truncated.keptBytes} are kept and shown)` : '';
}

/** Outcomes in words, as the run view says them (`--format json` keeps the codes). */
const OUTCOME_WORDS: Record<ExecutionResult['outcome'], string> = {
  success: 'answered', 'http-error': 'HTTP error', timeout: 'timed out', 'network-error': 'network error', refused: 'not sent',
};

/** Who the run was for, as `plan` says it. */
export interface RunScope {
  environment?: string;
  contact?: string;
}

/** The AI's view: its status line, the body in a box, and its size; for a request never sent, the reason instead. */
function aiLines(result: ExecutionResult, explanation: RunExplanation): string[] {
  if (result.outcome === 'refused' && result.ai.status === null && result.ai.body === '') {
    // Refused before sending ("Not sent"), or after a first hop (a redirect not followed): the headline says which.
    const reason = (explanation.details[0] ?? '').replace(/^Not sent:\s*/, '');
    return [`${explanation.headline}: ${reason}`, ...explanation.details.slice(1).map((d) => `  - ${d}`)];
  }
  const body = result.ai.body.length > TEXT_BODY_CAP
    ? `${result.ai.body.slice(0, TEXT_BODY_CAP)}\n… ${result.ai.body.length - TEXT_BODY_CAP} more characters (--format json prints all of them)`
    : result.ai.body;
  return [
    `What the AI receives: ${result.ai.status === null ? 'no status' : `status ${result.ai.status}`} (${OUTCOME_WORDS[result.outcome]})`,
    '─'.repeat(60),
    body,
    '─'.repeat(60),
    `${result.response.bytes} bytes${keptNote(result)} · ${result.response.tokens}${result.response.tokensEstimated ? ' (estimated)' : ''} tokens · ${Math.round(result.response.timing.totalMs)} ms`,
    ...(underlyingError(result) ? [`Underlying error (not given to the AI): ${underlyingError(result)}`] : []),
    '',
    explanation.headline,
    ...explanation.details.map((d) => `  - ${d}`),
  ];
}

/**
 * `run` in text: who it was for, the AI's view (or, when nothing was sent, the reason), then why, then the request
 * with each header's source.
 */
export function runText(result: ExecutionResult, explanation: RunExplanation, scope: RunScope = {}): string {
  result = { ...result, ...textsForDisplay(result) };
  const request = maskedRequest(result.request);
  const lines = [
    `Environment: ${scope.environment ?? '(top level)'} · Contact: ${scope.contact ?? '(anonymous visitor)'}`,
    ...aiLines(result, explanation),
    '',
    `Request${result.sent ? ' as sent' : ' (not sent)'}: ${request.method} ${request.url}`,
    ...request.headers.flatMap((h) => [
      `  ${h.name}: ${h.value}  (${SOURCE_LABELS[h.source]})`,
      ...h.shadowed.map((s) => `    ~~${s.value}~~ (shadowed: ${SOURCE_LABELS[s.source]})`),
    ]),
    ...(request.body !== null ? ['  Body:', ...request.body.split('\n').map((l) => `    ${l}`)] : []),
    ...redirectsForDisplay(result.redirects).map((r) => `  ↪ ${r.status} ${r.method} ${r.url} → ${r.to}`),
  ];
  if (!result.visibleToContact) lines.push('', 'Visible to contact: no: the AI would never be offered this action for this contact (sent anyway, as a test).');
  if (result.notes.length) lines.push('', 'Notes:', ...result.notes.map((n) => `  - ${n}`));
  return lines.join('\n') + '\n';
}
