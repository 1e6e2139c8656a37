import { finished, pipeline, Transform, type TransformCallback, type Writable } from 'node:stream';
import zlib from 'node:zlib';
import type { ResponseHeader } from './execution';

/**
 * Where a response body goes as it arrives: content codings undone as a stream (gzip, deflate, br, as fetch does),
 * and the decoded bytes kept only up to a cap; past it they are counted, not kept. So a gzip bomb or an endless
 * body costs at most the cap (plus zlib's buffers), however long it runs, while the count still says how much
 * OpenCX's AI would have received.
 */

/** The default cap on the body a run keeps: 50 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 50 * 1024 * 1024;
/** The largest cap: the kept bytes must still fit in one JavaScript string once decoded (V8: 2^29 - 24 characters). */
export const MAX_BODY_BYTES_LIMIT = 500 * 1024 * 1024;

/** What a sink holds at a given moment (complete once `end()` has resolved). */
export interface BodyCapture {
  /** Up to the cap: the first decoded bytes. */
  kept: Buffer;
  /** Decoded bytes counted (all of them, kept or not). */
  bytes: number;
  /** Bytes as they came off the wire (before content decoding). */
  wireBytes: number;
  /** The content codings the server applied, in order (identity left out). */
  codings: string[];
  /** Codings fetch does not decode: then the body is kept as it came. */
  unknownCodings: string[];
  /** True when `bytes` is more than the cap, and `kept` the first `cap` of them. */
  truncated: boolean;
  /** Set when the data of a known coding is corrupt (fetch fails such a body). */
  error?: unknown;
}

const ZLIB_OPTIONS = { finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: 64 * 1024 };
const DECODERS = new Map<string, () => Transform>([
  ['gzip', () => zlib.createGunzip(ZLIB_OPTIONS)],
  ['x-gzip', () => zlib.createGunzip(ZLIB_OPTIONS)],
  ['deflate', () => new InflateEitherWay()],
  ['br', () => zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH, chunkSize: 64 * 1024 })],
]);

export class BodySink {
  /** Allocated at the cap on the first byte: only the pages written become resident, and nothing is copied twice. */
  private store: Buffer | undefined;
  private keptBytes = 0;
  private decodedBytes = 0;
  private wire = 0;
  private readonly codings: string[];
  private readonly unknown: string[];
  private head: Writable | undefined;
  private done: Promise<void> | undefined;
  private failure: unknown;

  constructor(headers: ResponseHeader[], private readonly cap: number) {
    this.codings = contentCodings(headers);
    this.unknown = this.codings.filter((c) => !DECODERS.has(c));
  }

  /** One chunk off the wire. Returns false when the decoder is busy: pause the source until `onDrain`. */
  write(chunk: Buffer): boolean {
    this.wire += chunk.length;
    if (!this.decodes()) {
      this.keep(chunk);
      return true;
    }
    const decoder = this.decoder();
    return decoder.destroyed ? true : decoder.write(chunk); // after a decoding error: counted, not decoded

  }

  /** Calls `resume` once the decoder can take more. */
  onDrain(resume: () => void): void {
    this.head?.once('drain', resume);
  }

  /** Resolves once every chunk is decoded (never rejects: a decoding error is in `capture().error`). */
  async end(): Promise<void> {
    if (!this.head) return;
    if (!this.head.destroyed) this.head.end();
    await this.done;
  }

  /** Stops decoding (a timeout or a failure): what was counted so far stays. */
  destroy(): void {
    this.head?.destroy();
  }

  capture(): BodyCapture {
    return {
      kept: this.store ? this.store.subarray(0, this.keptBytes) : Buffer.alloc(0),
      bytes: this.decodedBytes,
      wireBytes: this.wire,
      codings: this.codings,
      unknownCodings: this.unknown,
      truncated: this.decodedBytes > this.cap,
      ...(this.failure !== undefined ? { error: this.failure } : {}),
    };
  }

  private decodes(): boolean {
    return this.codings.length > 0 && this.unknown.length === 0;
  }

  /** The decoder chain, made on the first chunk: the last coding applied is undone first. */
  private decoder(): Writable {
    if (this.head) return this.head;
    const stages = [...this.codings].reverse().map((c) => DECODERS.get(c)!());
    const tail = stages[stages.length - 1];
    tail.on('data', (chunk: Buffer) => this.keep(chunk));
    const failed = (error: unknown) => {
      if (error) this.failure ??= error;
    };
    if (stages.length > 1) pipeline(stages, failed);
    // The tail's end (or its destruction, when a stage fails or the run stops) is the end of the body.
    this.done = new Promise((resolve) => finished(tail, (error) => {
      failed(error);
      resolve();
    }));
    this.head = stages[0];
    return this.head;
  }

  private keep(chunk: Buffer): void {
    this.decodedBytes += chunk.length;
    const room = this.cap - this.keptBytes;
    if (room <= 0) return;
    // Copied, not referenced: a chunk is often a slice of a larger buffer (zlib's output, a socket read).
    this.store ??= Buffer.allocUnsafeSlow(this.cap);
    this.keptBytes += chunk.copy(this.store, this.keptBytes, 0, Math.min(chunk.length, room));
  }
}

/** The content codings of a response, in the order they were applied; identity left out, names lower-cased. */
export function contentCodings(headers: ResponseHeader[]): string[] {
  return headers
    .filter((h) => h.name.toLowerCase() === 'content-encoding')
    .flatMap((h) => h.value.toLowerCase().split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
}

/** "deflate" is zlib-wrapped by the RFC, but servers also send raw deflate; fetch accepts both (told by the first byte). */
class InflateEitherWay extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inner) {
      this.inner = (chunk[0] & 0x0f) === 0x08 ? zlib.createInflate(ZLIB_OPTIONS) : zlib.createInflateRaw(ZLIB_OPTIONS);
      this.inner.on('data', (data: Buffer) => this.push(data));
      this.inner.on('error', (error) => this.destroy(error));
    }
    if (this.inner.write(chunk)) callback();
    else this.inner.once('drain', () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner) return callback();
    this.inner.once('end', () => callback());
    this.inner.end();
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}
