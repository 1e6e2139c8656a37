// The pure pieces behind the executor, on their own: error lines for the human, content decoding, token counts.
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { describe, test } from 'node:test';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describeFailure } from '../../../server/src/engine/execute/failure';
import { BodySink, DEFAULT_MAX_BODY_BYTES } from '../../../server/src/engine/execute/bodySink';
import { decodedBody, type DecodedBody } from '../../../server/src/engine/execute/responseText';
import type { ResponseHeader } from '../../../server/src/engine/execute/execution';
import { countAiTokens, EXACT_TOKEN_LIMIT } from '../../../server/src/engine/execute/tokens';

const systemError = (code: string, syscall: string, message: string) => Object.assign(new Error(message), { code, syscall });

describe('describeFailure', () => {
  test('system errors lose the syscall; TLS and undici errors keep code and message', () => {
    assert.deepEqual(describeFailure(systemError('ECONNREFUSED', 'connect', 'connect ECONNREFUSED 127.0.0.1:8443')), { code: 'ECONNREFUSED', message: 'ECONNREFUSED 127.0.0.1:8443' });
    assert.deepEqual(describeFailure(systemError('ENOTFOUND', 'getaddrinfo', 'getaddrinfo ENOTFOUND nope.invalid')), { code: 'ENOTFOUND', message: 'ENOTFOUND nope.invalid' });
    assert.deepEqual(describeFailure(systemError('ECONNRESET', 'read', 'read ECONNRESET')), { code: 'ECONNRESET', message: 'ECONNRESET' });
    assert.deepEqual(describeFailure(Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' })), { code: 'CERT_HAS_EXPIRED', message: 'CERT_HAS_EXPIRED: certificate has expired' });
  });

  test('happy eyeballs: an AggregateError is described by its first error', () => {
    const aggregate = Object.assign(new AggregateError([systemError('ECONNREFUSED', 'connect', 'connect ECONNREFUSED ::1:8443'), systemError('ECONNREFUSED', 'connect', 'connect ECONNREFUSED 127.0.0.1:8443')], ''), { code: 'ECONNREFUSED' });
    assert.deepEqual(describeFailure(aggregate), { code: 'ECONNREFUSED', message: 'ECONNREFUSED ::1:8443' });
  });

  test('a wrapper without a code is described by its cause; anything else by its name', () => {
    assert.deepEqual(describeFailure(new TypeError('fetch failed', { cause: systemError('EHOSTUNREACH', 'connect', 'connect EHOSTUNREACH 10.0.0.9:443') })), { code: 'EHOSTUNREACH', message: 'EHOSTUNREACH 10.0.0.9:443' });
    assert.deepEqual(describeFailure(new RangeError('bad')), { code: 'RangeError', message: 'bad' });
    assert.deepEqual(describeFailure('text'), { code: 'UNKNOWN', message: 'text' });
  });
});

/** A body through the sink, chunk by chunk, as the transport feeds it; then the text the AI gets. */
async function decodeBody(chunks: Buffer[], headers: ResponseHeader[], cap = DEFAULT_MAX_BODY_BYTES): Promise<DecodedBody & { note?: string }> {
  const sink = new BodySink(headers, cap);
  for (const chunk of chunks) sink.write(chunk);
  await sink.end();
  const decoded = decodedBody(sink.capture());
  return { ...decoded, ...(decoded.notes.length ? { note: decoded.notes[0] } : {}) };
}

describe('decodeBody: as fetch reads a body', () => {
  const json = '{"ok":true,"items":["a","b"]}';
  const contentEncoding = (value: string) => [{ name: 'Content-Encoding', value }];

  test('deflate with and without the zlib wrapper, br, and gzip then br', async () => {
    assert.equal((await decodeBody([zlib.deflateSync(json)], contentEncoding('deflate'))).text, json);
    assert.equal((await decodeBody([zlib.deflateRawSync(json)], contentEncoding('deflate'))).text, json);
    assert.equal((await decodeBody([zlib.brotliCompressSync(json)], contentEncoding('br'))).text, json);
    const twice = zlib.brotliCompressSync(zlib.gzipSync(json));
    const decoded = await decodeBody([twice], contentEncoding('gzip, br'));
    assert.deepEqual({ text: decoded.text, bytes: decoded.bytes }, { text: json, bytes: json.length });
  });

  test('an unknown coding leaves the bytes as they are (fetch does not decode them), with a note', async () => {
    const decoded = await decodeBody([Buffer.from(json)], contentEncoding('zstd'));
    assert.equal(decoded.text, json);
    assert.equal(decoded.note, 'The body was sent with Content-Encoding zstd; fetch does not decode zstd, so the AI gets the encoded bytes as text.');
  });

  test('chunks are joined before decoding, so a character split across chunks survives', async () => {
    const euro = Buffer.from('12 €');
    assert.equal((await decodeBody([euro.subarray(0, 4), euro.subarray(4)], [])).text, '12 €');
  });

  test('a compressed body split anywhere, in many small chunks, decodes the same', async () => {
    const gz = zlib.gzipSync(json.repeat(50));
    const chunks = Array.from({ length: Math.ceil(gz.length / 7) }, (_, i) => gz.subarray(i * 7, i * 7 + 7));
    for (const encoding of ['gzip', 'x-gzip']) assert.equal((await decodeBody(chunks, contentEncoding(encoding))).text, json.repeat(50));
  });

  test('past the cap the bytes are counted, not kept; a character cut at the cap is dropped, not replaced', async () => {
    const text = '€'.repeat(1000); // 3 bytes each
    const plain = await decodeBody([Buffer.from(text)], [], 1000);
    assert.deepEqual({ chars: plain.text.length, bytes: plain.bytes }, { chars: 333, bytes: 3000 });
    assert.ok(!plain.text.includes('\uFFFD'));
    for (const [coding, compress] of [['gzip', zlib.gzipSync], ['deflate', zlib.deflateSync], ['br', zlib.brotliCompressSync]] as const) {
      const decoded = await decodeBody([compress(Buffer.from(text))], contentEncoding(coding), 1000);
      assert.deepEqual({ text: decoded.text, bytes: decoded.bytes }, { text: plain.text, bytes: 3000 }, coding);
    }
  });

  test('corrupt data of a known coding is an error (fetch fails the body); the wire bytes are still counted', async () => {
    const sink = new BodySink(contentEncoding('gzip'), 1000);
    sink.write(Buffer.from('this is not gzip at all'));
    await sink.end();
    const capture = sink.capture();
    assert.ok(capture.error instanceof Error);
    assert.equal(capture.wireBytes, 23);
    assert.throws(() => decodedBody(capture));
  });
});

describe('countAiTokens', () => {
  test('exact up to the limit, with o200k_base', async () => {
    assert.deepEqual(await countAiTokens(''), { tokens: 0, estimated: false });
    assert.deepEqual(await countAiTokens('Something went wrong'), { tokens: 3, estimated: false });
    const text = 'order 12345 not found. '.repeat(Math.floor(EXACT_TOKEN_LIMIT / 23));
    assert.deepEqual(await countAiTokens(text), { tokens: countTokens(text), estimated: false });
  });
});
