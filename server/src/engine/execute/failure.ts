import type { ExecutionError } from './execution';

/**
 * The underlying error of a network failure in one line, shown to the human next to the AI's
 * `Something went wrong`:
 * - system errors lose their syscall prefix: `ECONNREFUSED 127.0.0.1:8443`, `ENOTFOUND nope.invalid`, `ECONNRESET`;
 * - TLS and undici errors keep code and message: `DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate`,
 *   `UND_ERR_SOCKET: other side closed`;
 * - an AggregateError (happy eyeballs tried several addresses) is described by its first error.
 */
export function describeFailure(error: unknown): ExecutionError {
  const e = innermost(error);
  if (!(e instanceof Error)) return { code: 'UNKNOWN', message: String(e) };
  const { code, syscall } = e as NodeJS.ErrnoException;
  if (typeof code !== 'string') return { code: e.name || 'Error', message: e.message || e.name };
  if (typeof syscall === 'string') return { code, message: withoutSyscall(e.message, syscall) || code };
  return { code, message: e.message && e.message !== code ? `${code}: ${e.message}` : code };
}

/** The timeout, for the human: the AI text says the same. */
export function timeoutFailure(timeoutMs: number): ExecutionError {
  return { code: 'TIMEOUT', message: `No complete response within ${timeoutMs} ms; the request was aborted.` };
}

/** The error that says most: an AggregateError's first error, or the cause of a wrapper without a code. */
function innermost(error: unknown): unknown {
  let e = error;
  for (let depth = 0; depth < 5; depth++) {
    if (e instanceof AggregateError && e.errors.length && !e.message) e = e.errors[0];
    else if (e instanceof Error && (e as NodeJS.ErrnoException).code === undefined && e.cause !== undefined) e = e.cause;
    else break;
  }
  return e;
}

function withoutSyscall(message: string, syscall: string): string {
  return message.startsWith(`${syscall} `) ? message.slice(syscall.length + 1) : message;
}
