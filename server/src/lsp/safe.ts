import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

/**
 * Runs one request handler so that nothing it does can take the server down: a thrown error is logged to
 * the client's output channel and answered with `fallback`; a cancelled request is answered as cancelled.
 */
export async function runSafe<T>(
  connection: Connection,
  what: string,
  token: CancellationToken | undefined,
  fallback: T,
  handler: () => T | PromiseLike<T>,
): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await handler();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (error) {
    logError(connection, what, error);
    return fallback;
  }
}

/** The same protection for notifications and timers, which have no response. */
export function runSafeVoid(connection: Connection, what: string, handler: () => void | Promise<void>): void {
  try {
    const result = handler();
    if (result instanceof Promise) result.catch((error) => logError(connection, what, error));
  } catch (error) {
    logError(connection, what, error);
  }
}

export function logError(connection: Connection, what: string, error: unknown): void {
  const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  connection.console.error(`${what} failed: ${detail}`);
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
