import type { ExecutionResult, RedirectHop, ResponseHeader } from '../execute';
import { maskKnownTokens, maskUrlForDisplay } from '../resolve/mask';

/**
 * The parts of a run's result that quote URLs and texts a server or a file chose, as they may be shown or stored
 * (CLI output, the run view, the history): a literal credential in them (a query parameter named like one, a
 * well-known token shape) is masked, as it is in the request line. Secret values are already references
 * (execute/mask.ts); this is for credentials written literally in a file, which `credential-in-file` flags.
 */

/** Redirect hops with their URLs masked. */
export function redirectsForDisplay(redirects: readonly RedirectHop[]): RedirectHop[] {
  return redirects.map((hop) => ({ ...hop, url: maskUrlForDisplay(hop.url), location: maskUrlForDisplay(hop.location), to: maskUrlForDisplay(hop.to) }));
}

const URL_HEADERS = new Set(['location', 'content-location']);

/** Response headers with the URL ones (Location) masked like URLs. */
export function responseHeadersForDisplay(headers: readonly ResponseHeader[]): ResponseHeader[] {
  return headers.map((h) => (URL_HEADERS.has(h.name.toLowerCase()) ? { name: h.name, value: maskUrlForDisplay(h.value) } : h));
}

/** A URL with a query inside a sentence: absolute (`https://…?…`, `ftp://…?…`) or a path (`/orders?…`). */
const URL_WITH_QUERY = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\/)[^\s"'<>?]*\?[^\s"'<>]*/gi;

/** A sentence as it may be shown: the URLs it quotes masked as URLs, and well-known token shapes anywhere. */
export function maskText(text: string): string {
  return maskKnownTokens(text.includes('?') ? text.replace(URL_WITH_QUERY, (url) => maskUrlForDisplay(url)) : text);
}

/** Notes and the error's message, which may quote a URL (an invalid redirect's Location, say). */
export function textsForDisplay(result: Pick<ExecutionResult, 'notes' | 'error'>): Pick<ExecutionResult, 'notes' | 'error'> {
  return {
    notes: result.notes.map(maskText),
    error: result.error && { code: result.error.code, message: maskText(result.error.message) },
  };
}
