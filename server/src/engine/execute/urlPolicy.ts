import { isIPv4 } from 'node:net';
import type { ExecutionError } from './execution';

/**
 * Which URLs a run may call. OpenCX only calls https:// endpoints (docs/platform.md, "An action"), so an http://
 * URL is refused the way OpenCX refuses it: nothing is sent. For local development, `allowHttp` lets an http:// URL
 * through when its host is loopback, and the result says OpenCX would not call it.
 */
export type UrlVerdict =
  | { kind: 'send'; differences: string[] }
  | { kind: 'refused'; error: ExecutionError };

export const HTTPS_ONLY_MESSAGE = 'OpenCX only calls https:// endpoints';

export function checkUrl(url: string, allowHttp: boolean): UrlVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused('INVALID_URL', `Not sent: "${url}" is not an absolute URL.`);
  }
  if (parsed.protocol === 'https:') return { kind: 'send', differences: [] };
  if (parsed.protocol !== 'http:') {
    return refused('HTTP_NOT_ALLOWED', `Not sent: ${HTTPS_ONLY_MESSAGE}; this URL uses ${parsed.protocol}`);
  }
  if (!allowHttp) {
    return refused('HTTP_NOT_ALLOWED', `Not sent: ${HTTPS_ONLY_MESSAGE}, and this URL is http://. Use https://, or allow http for a loopback test server.`);
  }
  if (!isLoopbackHost(parsed.hostname)) {
    return refused('HTTP_NOT_ALLOWED', `Not sent: ${HTTPS_ONLY_MESSAGE}; http:// is allowed for development only on a loopback host (127.0.0.0/8, ::1, localhost), not ${parsed.hostname}.`);
  }
  return { kind: 'send', differences: [`OpenCX would not call this endpoint: it only calls https:// URLs. Sent because http is allowed for the loopback host ${parsed.hostname}.`] };
}

/** 127.0.0.0/8, ::1 and localhost. `hostname` is as the URL parser gives it (IPv4 normalised, IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]') return true;
  return isIPv4(host) && host.startsWith('127.');
}

function refused(code: string, message: string): UrlVerdict {
  return { kind: 'refused', error: { code, message } };
}
