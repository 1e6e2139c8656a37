import zlib from 'node:zlib';
import type { ResponseHeader } from './execution';

/**
 * The body as the AI gets it: fetch's `response.text()`. Content codings the server applied are undone (fetch does
 * this for gzip, deflate and br), then the bytes are decoded as UTF-8 with invalid sequences replaced by U+FFFD and
 * a leading byte-order mark removed: exactly `new TextDecoder().decode(bytes)`. Binary bodies go the same way.
 */
export interface DecodedBody {
  text: string;
  /** Bytes after content decoding. */
  bytes: number;
  /** Set when a content coding was undone. */
  note?: string;
}

const gunzip = (b: Buffer) => zlib.gunzipSync(b, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
const DECODERS = new Map<string, (input: Buffer) => Buffer>([
  ['gzip', gunzip],
  ['x-gzip', gunzip],
  ['deflate', inflateEitherWay],
  ['br', (b) => zlib.brotliDecompressSync(b, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })],
]);

/**
 * Throws when the data of a known coding is corrupt: fetch fails the body then (a network error). When any coding
 * is unknown, fetch leaves the body as it is, and so does this.
 */
export function decodeBody(chunks: Buffer[], headers: ResponseHeader[]): DecodedBody {
  const wire = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  const codings = contentCodings(headers);
  if (!codings.length || !wire.length) return { text: utf8(wire), bytes: wire.length };
  const unknown = codings.filter((c) => !DECODERS.has(c));
  if (unknown.length) {
    return { text: utf8(wire), bytes: wire.length, note: `The body was sent with Content-Encoding ${codings.join(', ')}; fetch does not decode ${unknown.join(', ')}, so the AI gets the encoded bytes as text.` };
  }
  const bytes = codings.reduceRight((data, coding) => DECODERS.get(coding)!(data), wire);
  const note = `The body was sent with Content-Encoding ${codings.join(', ')} (${wire.length} bytes); it was decoded to ${bytes.length} bytes, as fetch does.`;
  return { text: utf8(bytes), bytes: bytes.length, note };
}

/** Stateless between calls: `decode` without `{ stream: true }` starts afresh each time. */
const UTF8 = new TextDecoder('utf-8');

export function utf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

function contentCodings(headers: ResponseHeader[]): string[] {
  return headers
    .filter((h) => h.name.toLowerCase() === 'content-encoding')
    .flatMap((h) => h.value.toLowerCase().split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
}

/** "deflate" is zlib-wrapped by the RFC, but servers also send raw deflate; fetch accepts both. */
function inflateEitherWay(bytes: Buffer): Buffer {
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  return (bytes[0] & 0x0f) === 0x08 ? zlib.inflateSync(bytes, options) : zlib.inflateRawSync(bytes, options);
}
