import type { BodyCapture } from './bodySink';

/**
 * The body as the AI gets it: fetch's `response.text()`. Content codings the server applied were undone as the body
 * arrived (BodySink: fetch does this for gzip, deflate and br); the bytes are decoded as UTF-8 with invalid
 * sequences replaced by U+FFFD and a leading byte-order mark removed: exactly `new TextDecoder().decode(bytes)`.
 * Binary bodies go the same way. A body cut at the cap loses an incomplete character at the cut, not a U+FFFD more.
 */
export interface DecodedBody {
  text: string;
  /** Bytes after content decoding: all of them, also those past the cap. */
  bytes: number;
  /** Sentences about the coding, for the human. */
  notes: string[];
}

/**
 * Throws the decoding error when the data of a known coding is corrupt: fetch fails the body then (a network
 * error). When any coding is unknown, fetch leaves the body as it is, and so does this.
 */
export function decodedBody(capture: BodyCapture): DecodedBody {
  if (capture.error !== undefined) throw capture.error;
  const text = utf8(capture.truncated ? withoutCutCharacter(capture.kept) : capture.kept);
  const { codings, unknownCodings } = capture;
  if (!codings.length || !capture.wireBytes) return { text, bytes: capture.bytes, notes: [] };
  if (unknownCodings.length) {
    return { text, bytes: capture.bytes, notes: [`The body was sent with Content-Encoding ${codings.join(', ')}; fetch does not decode ${unknownCodings.join(', ')}, so the AI gets the encoded bytes as text.`] };
  }
  return { text, bytes: capture.bytes, notes: [`The body was sent with Content-Encoding ${codings.join(', ')} (${capture.wireBytes} bytes); it was decoded to ${capture.bytes} bytes, as fetch does.`] };
}

/**
 * The bytes without a UTF-8 sequence cut short at their end (the cap fell inside a character). Not done with
 * TextDecoder's `stream` mode: that path makes a two-byte string, twice the memory of the one-shot decode.
 */
export function withoutCutCharacter(bytes: Buffer): Buffer {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const byte = bytes[i];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + length > bytes.length ? bytes.subarray(0, i) : bytes;
  }
  return bytes;
}

/** Stateless between calls: `decode` without `{ stream: true }` starts afresh each time. */
const UTF8 = new TextDecoder('utf-8');

export function utf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}
