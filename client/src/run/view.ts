import {
  type ExecutionResult, explainRun, headersForDisplay, locationLabel, maskUrlForDisplay, redirectsForDisplay, type RequestPlan, responseHeadersForDisplay, type RunExplanation, SOURCE_LABELS, textsForDisplay,
} from '../../../server/src/engine';

/** Bodies above this many characters are shown cut in the webview, with a way to open the whole body in an editor. */
export const DISPLAY_CAP_CHARS = 1_000_000;

/** Everything the run webview shows. Plain data: the page renders every value as text. */
export interface RunView {
  actionName: string;
  environment?: string;
  contact?: string;
  ranAt: string;
  outcome: ExecutionResult['outcome'];
  explanation: RunExplanation;
  /**
   * `bytes`: what the AI receives (all of the body, also past the run's cap). `heldBytes`: set when the body was
   * longer than the cap (`opencx.run.maxBodyBytes`): the run holds only that many first bytes, and `body` is theirs.
   * `truncated`: `body` is further cut at DISPLAY_CAP_CHARS for the page.
   */
  ai: { status: number | null; body: string; truncated: boolean; bytes: number; heldBytes?: number; tokens: number; tokensEstimated: boolean; tokenBudget: number };
  /** The body as pretty-printed JSON, when the AI's text is JSON (a second view only). */
  prettyJson?: string;
  request: ExecutionResult['request'] & {
    /** Per header, in order: its source as people read it, with the file and JSON path when known (as the hover shows). */
    sources: string[];
    /** Per header, the sources of the values it shadowed, as people read them. */
    shadowedSources: string[][];
  };
  curl: string;
  response: ExecutionResult['response'];
  redirects: ExecutionResult['redirects'];
  error: ExecutionResult['error'];
  notes: string[];
  visibleToContact: boolean;
  /** When the contact is not offered the action: why, said once (the banner), not repeated in the notes. */
  visibility?: string;
  differsFromOpenCX: boolean;
}

/** What the run was about, besides the result. */
export interface RunMeta {
  actionName: string;
  environment?: string;
  contact?: string;
  ranAt: Date;
  curl: string;
  tokenBudget: number;
  /** The plan that was sent: where each header came from (files and JSON paths). */
  plan?: Pick<RequestPlan, 'headers'>;
}

/** "global variable · opencx.config.json › environments.local-demo.globalVariables.X-Shop-Region" */
function sourceTexts(request: ExecutionResult['request'], plan: RunMeta['plan']): string[] {
  return request.headers.map((h) => {
    const planned = plan?.headers.find((p) => p.name.toLowerCase() === h.name.toLowerCase() && p.source === h.source);
    const label = SOURCE_LABELS[h.source] ?? h.source;
    return planned?.location ? `${label} · ${locationLabel(planned.location)}` : label;
  });
}

/** The executor's note for an action the contact is not offered (see engine/execute: differencesOf). */
const NOT_OFFERED_NOTE = /^OpenCX would not offer this action/;

/** The banner says "not offered" once: the note that says it too is left out of the notes. */
function withoutNotOfferedNote<T extends { notes: string[] }>(texts: T): T {
  return { ...texts, notes: texts.notes.filter((n) => !NOT_OFFERED_NOTE.test(n)) };
}

function prettyJsonOf(body: string): string | undefined {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return undefined;
  }
}

/**
 * The request with literal credentials masked too (and, below, the redirects, the Location header, notes and the
 * error, which may quote URLs): the executor already keeps secret references, but a token
 * written literally in a file (which the lint rules flag) must not be shown or stored either.
 */
function maskedRequest(request: ExecutionResult['request'], plan: RunMeta['plan']): RunView['request'] {
  return {
    ...request,
    url: maskUrlForDisplay(request.url),
    headers: headersForDisplay(request.headers),
    sources: sourceTexts(request, plan),
    shadowedSources: request.headers.map((h) => h.shadowed.map((s) => SOURCE_LABELS[s.source] ?? s.source)),
  };
}

/** The view of one run, with the body cut at DISPLAY_CAP_CHARS so a 100 MB response cannot freeze the page. */
export function toRunView(result: ExecutionResult, meta: RunMeta): RunView {
  const truncated = result.ai.body.length > DISPLAY_CAP_CHARS;
  const body = truncated ? result.ai.body.slice(0, DISPLAY_CAP_CHARS) : result.ai.body;
  const prettyJson = truncated ? undefined : prettyJsonOf(body);
  return {
    actionName: meta.actionName,
    ...(meta.environment ? { environment: meta.environment } : {}),
    ...(meta.contact ? { contact: meta.contact } : {}),
    ranAt: meta.ranAt.toISOString(),
    outcome: result.outcome,
    explanation: explainRun(result, meta.tokenBudget),
    ai: {
      status: result.ai.status,
      body,
      truncated,
      bytes: result.response.truncated ? result.response.bytes : Buffer.byteLength(result.ai.body, 'utf8'),
      ...(result.response.truncated ? { heldBytes: result.response.truncated.keptBytes } : {}),
      tokens: result.response.tokens,
      tokensEstimated: result.response.tokensEstimated,
      tokenBudget: meta.tokenBudget,
    },
    ...(prettyJson !== undefined && prettyJson !== body ? { prettyJson } : {}),
    request: maskedRequest(result.request, meta.plan),
    curl: meta.curl,
    response: { ...result.response, headers: responseHeadersForDisplay(result.response.headers) },
    redirects: redirectsForDisplay(result.redirects),
    ...withoutNotOfferedNote(textsForDisplay(result)),
    visibleToContact: result.visibleToContact,
    ...(result.visibleToContact ? {} : { visibility: textsForDisplay(result).notes.find((n) => NOT_OFFERED_NOTE.test(n)) ?? 'OpenCX would not offer this action to this contact (segment filter); sent anyway, as a test.' }),
    differsFromOpenCX: result.differsFromOpenCX,
  };
}
