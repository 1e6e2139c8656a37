import { MAX_BODY_BYTES_LIMIT } from '../engine';
import { UsageError } from './usage';

/**
 * `run --max-body-bytes N`: the decoded body bytes a run keeps (default 50 MiB); past them the body is counted, not
 * kept. A whole number from 1 to MAX_BODY_BYTES_LIMIT, written in digits only; anything else is a usage error.
 */
export function parseMaxBodyBytes(given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  const value = /^[1-9]\d{0,9}$/.test(given) ? Number(given) : NaN;
  if (!(value <= MAX_BODY_BYTES_LIMIT)) throw new UsageError(`--max-body-bytes must be a whole number of bytes from 1 to ${MAX_BODY_BYTES_LIMIT}; got "${given}"`);
  return value;
}
