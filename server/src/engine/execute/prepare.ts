import { randomBytes } from 'node:crypto';
import type { PlannedHeader, RequestPlan } from '../model/plan';
import { encodeBody, multipartContentType } from './requestBody';
import { withoutLiteralMarks } from '../run/literalText';
import { fillRaw, fillJsonText, fillUrl, type SecretValues } from './secrets';
import type { EchoedHeader, SentRequest } from './execution';

/**
 * One request ready for the wire, kept next to its masked echo: every header and the body exist twice, filled
 * (sent) and with the secret references (shown). Redirects edit both at once, so the echo is always what was sent.
 */
export interface OutgoingHeader {
  echo: EchoedHeader;
  /** The value with its secrets filled. Never put in a result. */
  value: string;
}

export interface HopRequest {
  method: string;
  /** The URL with its secrets filled. Never put in a result. */
  url: URL;
  /** The URL as shown: the plan's, or a redirect's target. */
  echoUrl: string;
  headers: OutgoingHeader[];
  body: { bytes: Buffer; echo: string } | null;
}

export interface PreparedRequest {
  request: HopRequest;
  notes: string[];
}

/** The first request of a run, from the plan and the secret values. The plan's URL must be absolute (see checkUrl). */
export function prepareRequest(plan: RequestPlan, secrets: SecretValues): PreparedRequest {
  const { headers, body, notes } = headersAndBody(plan, secrets);
  const request: HopRequest = { method: plan.method, url: new URL(fillUrl(plan.url, secrets)), echoUrl: withoutLiteralMarks(plan.url), headers, body };
  return { request, notes };
}

/** The masked view of a request: what a result shows as `request`. */
export function sentRequestOf(request: HopRequest): SentRequest {
  return { method: request.method, url: request.echoUrl, headers: request.headers.map((h) => h.echo), body: request.body?.echo ?? null };
}

/** The masked view of the request a plan would send, for a run that sends nothing (its URL may not even parse). */
export function unsentRequestOf(plan: RequestPlan): SentRequest {
  const { headers, body } = headersAndBody(plan, new Map());
  return { method: plan.method, url: withoutLiteralMarks(plan.url), headers: headers.map((h) => h.echo), body: body?.echo ?? null };
}

function headersAndBody(plan: RequestPlan, secrets: SecretValues): Pick<HopRequest, 'headers' | 'body'> & { notes: string[] } {
  const headers = plan.headers.map((h): OutgoingHeader => ({ echo: echoOf(h), value: fillRaw(h.value, secrets) }));
  const notes: string[] = [];
  if (plan.body === undefined) return { headers, body: null, notes };
  const encoded = encodeBody(plan.body, `----OpenCXFormBoundary${randomBytes(12).toString('hex')}`);
  const filled = encoded.format === 'json' ? fillJsonText(encoded.text, secrets) : fillRaw(encoded.text, secrets);
  if (encoded.boundary !== undefined) setMultipartContentType(headers, encoded.boundary, notes);
  else if (!headers.some((h) => isContentType(h.echo.name))) notes.push('The body is sent without a Content-Type header.');
  return { headers, body: { bytes: Buffer.from(filled, 'utf8'), echo: withoutLiteralMarks(encoded.text) }, notes };
}

/** undici's flat header list: name, value, name, value… (keeps the plan's spelling and order). */
export function wireHeaders(request: HopRequest): string[] {
  return request.headers.flatMap((h) => [h.echo.name, h.value]);
}

function echoOf(header: PlannedHeader): EchoedHeader {
  return {
    name: header.name,
    value: header.value,
    source: header.source,
    shadowed: header.shadowed.map((s) => ({ source: s.source, ...(s.name !== undefined ? { name: s.name } : {}), value: s.value })),
  };
}

const isContentType = (name: string) => name.toLowerCase() === 'content-type';

/** A multipart body needs its boundary in the Content-Type: added to the planned value, or a default header. */
function setMultipartContentType(headers: OutgoingHeader[], boundary: string, notes: string[]): void {
  const planned = headers.find((h) => isContentType(h.echo.name));
  if (planned) {
    planned.echo = { ...planned.echo, value: multipartContentType(planned.echo.value, boundary) };
    planned.value = multipartContentType(planned.value, boundary);
  } else {
    const value = multipartContentType(undefined, boundary);
    headers.push({ echo: { name: 'Content-Type', value, source: 'default', shadowed: [] }, value });
  }
  notes.push('The multipart boundary is generated for this run and added to the Content-Type.');
}
