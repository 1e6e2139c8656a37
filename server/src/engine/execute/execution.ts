import type { Dispatcher } from 'undici';
import type { HeaderSource, SecretSource } from '../model/plan';

/** OpenCX's hard timeout for one call, in milliseconds (docs/platform.md, "What the AI receives"). */
export const OPENCX_TIMEOUT_MS = 60_000;

/** The status OpenCX gives the AI when a call times out (docs/platform.md, "What the AI receives"). */
export const TIMEOUT_STATUS = 408;

/**
 * The whole text OpenCX gives the AI for any network error: DNS, refused, reset, TLS (docs/platform.md, "What the
 * AI receives").
 */
export const NETWORK_ERROR_TEXT = 'Something went wrong';

/** fetch follows at most 20 redirects; the 21st is a network error (fetch spec, HTTP-redirect fetch step 7). */
export const MAX_REDIRECTS = 20;

/** The text OpenCX gives the AI when a call takes longer than `timeoutMs`. */
export function timeoutText(timeoutMs: number): string {
  return `Request timed out after ${timeoutMs}ms`;
}

/**
 * How one run ended:
 * - `success`: a 2xx response;
 * - `http-error`: a 4xx or 5xx response, or a 3xx that was not followed (no `Location`);
 * - `timeout`: no complete response (headers and body) within the timeout;
 * - `network-error`: DNS, refused, reset (also in the middle of the body), TLS, an unusable redirect;
 * - `refused`: nothing was sent: OpenCX would not call the URL (not https://), a secret has no value, or the plan
 *   is a dry run with placeholders.
 */
export type ExecutionOutcome = 'success' | 'http-error' | 'timeout' | 'network-error' | 'refused';

/** A monotonic clock in milliseconds (`performance.now()` in production; tests pass their own). */
export interface Clock {
  now(): number;
}

/** What a run may touch in the world, and the two development switches. Everything is optional. */
export interface ExecuteOptions {
  /** Where `${secret:NAME}` values come from, read at send time only. Default: no secrets (each reference is missing). */
  secrets?: SecretSource;
  /** Default: `performance.now`. */
  clock?: Clock;
  /** The undici dispatcher that sends the request (e.g. an `Agent` with its own TLS options). Default: undici's global one. */
  dispatcher?: Dispatcher;
  /**
   * Extra trusted CA certificates (PEM) for this run, e.g. a company CA; the system roots stay trusted. Used (with
   * the plan's `connectTo`) only when no `dispatcher` is given.
   */
  caCertificates?: readonly string[];
  /**
   * A development timeout in milliseconds instead of OpenCX's 60000. The AI text then names this number and the
   * result is marked as differing from OpenCX.
   */
  timeoutMs?: number;
  /** Send `http://` URLs whose host is loopback (127.0.0.0/8, ::1, localhost). OpenCX never calls `http://`. */
  allowHttp?: boolean;
}

/** Exactly what OpenCX hands the AI for this call: the status (null for a network error) and the body text. */
export interface AiView {
  status: number | null;
  body: string;
}

/** A value of a header that a higher layer replaced (as in the plan; secret references unexpanded). */
export interface EchoedShadowedValue {
  source: HeaderSource;
  /** The name as that layer spells it, when the plan says (names compare case-insensitively). */
  name?: string;
  value: string;
}

/** One header of the request as sent, in the plan's shape. Secret values are masked: the `${secret:NAME}` reference stays. */
export interface EchoedHeader {
  name: string;
  value: string;
  source: HeaderSource;
  shadowed: EchoedShadowedValue[];
}

/** The request as it went out on the last hop (after any redirect), with every secret masked. */
export interface SentRequest {
  method: string;
  url: string;
  headers: EchoedHeader[];
  /** The body text as sent (secret references kept), or null when none was sent. */
  body: string | null;
}

/** A response header as received, in order; repeated headers (`set-cookie`) appear once per value. */
export interface ResponseHeader {
  name: string;
  value: string;
}

/**
 * Milliseconds from the moment the request was handed to the transport (secrets already read), measured with the
 * injected clock. The connect time comes from the dispatcher's `connect` event (see ConnectionWatch).
 */
export interface ExecutionTiming {
  /** When the first hop's connection was ready (TCP, and TLS for https); null when none was made or one was reused. */
  connectMs: number | null;
  /** When the headers of the last response arrived; null when none arrived. */
  firstByteMs: number | null;
  /** When the outcome was known: the body fully read, an error, or the timeout. */
  totalMs: number;
  /** True when the first hop went over a keep-alive connection opened before this run. */
  connectionReused: boolean;
}

/** The last response, for the human. Fields stay present (null, empty) when no response arrived. */
export interface ResponseRecord {
  status: number | null;
  statusText: string;
  headers: ResponseHeader[];
  /** Bytes of body received (after content decoding); for a failure, what arrived before it. */
  bytes: number;
  /** Tokens of the AI's text (`ai.body`) with the o200k_base tokenizer. */
  tokens: number;
  /** True when the body was too long to tokenize whole and `tokens` was extrapolated from samples. */
  tokensEstimated: boolean;
  timing: ExecutionTiming;
}

/** One redirect that was followed: the request that got it and where it led. */
export interface RedirectHop {
  method: string;
  url: string;
  status: number;
  /** The `Location` header as the server sent it. */
  location: string;
  /** The absolute URL that was requested next. */
  to: string;
}

/** Why a run failed or was refused, for the human: `message` is shown next to the AI's text. */
export interface ExecutionError {
  /**
   * A stable code: a Node/OpenSSL/undici error code (`ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `UND_ERR_SOCKET`)
   * or ours: `TIMEOUT`, `HTTP_NOT_ALLOWED`, `INVALID_URL`, `INVALID_CONNECT_TO`, `MISSING_SECRET`, `PLACEHOLDERS`, `REDIRECT_LIMIT`,
   * `REDIRECT_BAD_SCHEME`, `REDIRECT_INVALID_LOCATION`.
   */
  code: string;
  /** One line, e.g. `ECONNREFUSED 127.0.0.1:8443`, `ENOTFOUND nope.invalid`, `DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate`. */
  message: string;
}

/**
 * The result of one run: what the AI receives, and everything the human needs to understand it. Plain JSON (the
 * CLI prints it as is), and it never contains a secret's value: references stay as `${secret:NAME}`, and any
 * occurrence of a value in the response (an echoing server) is replaced by its reference, with a note.
 */
export interface ExecutionResult {
  outcome: ExecutionOutcome;
  /** What OpenCX hands the AI. For `refused` nothing was sent: status null and an empty body. */
  ai: AiView;
  request: SentRequest;
  response: ResponseRecord;
  /** Redirects followed, in order (empty when none). */
  redirects: RedirectHop[];
  /** Set for `timeout`, `network-error` and `refused`; null otherwise. */
  error: ExecutionError | null;
  /** Whether a request left this machine. */
  sent: boolean;
  /** The timeout that applied, in milliseconds. */
  timeoutMs: number;
  /** From the plan: whether OpenCX would offer this action to the active contact at all. */
  visibleToContact: boolean;
  /** True when this run did something OpenCX would not (development timeout, http on loopback, hidden action). */
  differsFromOpenCX: boolean;
  /** The plan's notes, then sentences about this run. */
  notes: string[];
}
