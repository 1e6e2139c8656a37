// A server that echoes a secret back in another encoding must not get it printed: each form has a case, on a real
// server (body, response header and a same-origin redirect's Location), and the pure patterns on their own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { executePlan } from '../../../server/src/engine/execute';
import { base64Forms } from '../../../server/src/engine/execute/secretPattern';
import { planFor, secretsOf, startServer, trustedTls } from './harness';

const tls = trustedTls();

/** Slash, quote, backslash, non-ASCII, an astral character, and URL delimiters: every escape has work to do. */
const VALUE = 'Cn4ry/"q\\Ω😀+k=1&z-7f3e';
const REFERENCE = '${secret:API_KEY}';

const unicodeEscapes = (text: string, upper = false) => [...Array(text.length).keys()]
  .map((i) => `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`)
  .map((e) => (upper ? e.toUpperCase().replace('\\U', '\\u') : e)).join('');
const lowerPercent = (text: string) => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
const percentEveryByte = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);
/** As Python's json.dumps or PHP's json_encode write it: non-ASCII as \uXXXX, `/` as `\/`. */
const asciiJson = (text: string) => jsonEscaped(text).replace(/\//g, '\\/').replace(/[^\x20-\x7e]/g, (c) => unicodeEscapes(c));
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const FORMS: [string, string][] = [
  ['verbatim', VALUE],
  ['JSON-escaped', jsonEscaped(VALUE)],
  ['JSON with \\/ escaped slashes', jsonEscaped(VALUE).replace(/\//g, '\\/')],
  ['\\uXXXX escapes of every character', unicodeEscapes(VALUE)],
  ['\\uXXXX escapes in upper-case hex', unicodeEscapes(VALUE, true)],
  ['ASCII-only JSON (non-ASCII escaped, slashes escaped)', asciiJson(VALUE)],
  ['upper-case percent-encoding', encodeURIComponent(VALUE)],
  ['lower-case percent-encoding', lowerPercent(VALUE)],
  ['every byte percent-encoded', percentEveryByte(VALUE)],
  ['base64', base64(VALUE)],
  ['base64 without padding', base64(VALUE).replace(/=+$/, '')],
  ['base64url', base64(VALUE).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')],
];

function assertNoForm(text: string, where: string): void {
  for (const [name, form] of FORMS) assert.ok(!text.includes(form), `${where} holds the ${name} form`);
}

describe('masking: every form a server may echo a secret in', () => {
  for (const [name, form] of FORMS) {
    test(`${name}: in the body, a response header and a redirect's Location`, async () => {
      const server = await startServer((req, res) => {
        // The forms a URL can hold as they are go in the Location; the others are percent-encoded by the server.
        if (req.url?.startsWith('/start')) {
          res.writeHead(302, { Location: `/echo?v=${/^[\w%.~-]+$/.test(form) ? form : encodeURIComponent(form)}` }).end();
          return;
        }
        res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Echo': Buffer.from(form, 'utf8').toString('latin1') });
        res.end(`before<${form}>after`);
      }, tls.certificate);
      try {
        // In the query: a header cannot carry the value's non-ASCII characters.
        const plan = planFor(`${server.origin}/start?k=\${secret:API_KEY}`);
        const result = await executePlan(plan, { dispatcher: tls.agent, secrets: secretsOf({ API_KEY: VALUE }) });
        assert.equal(result.outcome, 'success', JSON.stringify(result.error));
        assert.equal(result.ai.body, `before<${REFERENCE}>after`);
        assert.ok(result.notes.includes('The response contains the value of a secret; it is shown here as its ${secret:NAME} reference (the AI receives the value).'));
        assertNoForm(JSON.stringify(result), 'the result');
        if (/^[\w%.~-]+$/.test(form)) assert.equal(result.redirects[0].location, `/echo?v=${REFERENCE}`);
      } finally {
        await server.close();
      }
    });
  }

  test('base64 of a longer text holding the value (Basic user:value): the value\'s part is masked', async () => {
    const basic = base64(`jane:${VALUE}`);
    const server = await startServer((_req, res) => res.end(`Authorization: Basic ${basic}`), tls.certificate);
    try {
      const plan = planFor(`${server.origin}/x?k=\${secret:API_KEY}`);
      const result = await executePlan(plan, { dispatcher: tls.agent, secrets: secretsOf({ API_KEY: VALUE }) });
      assert.ok(result.ai.body.includes(REFERENCE), result.ai.body);
      assert.ok(!result.ai.body.includes(basic));
      // What is left is "jane:" (and a character that mixes it with the value's first bits), and at most the
      // value's last byte and padding.
      const [before, after, ...rest] = result.ai.body.replace('Authorization: Basic ', '').split(REFERENCE);
      assert.deepEqual(rest, []);
      assert.ok(before.length <= Math.ceil((5 * 8) / 6) && base64('jane:').startsWith(before.slice(0, 6)), before);
      assert.ok(after.length <= 4, after);
    } finally {
      await server.close();
    }
  });

  test('base64Forms: whole values padded and not, base64url, and the aligned cores for offsets 1 and 2', () => {
    const forms = base64Forms('abcdefghijkl');
    assert.ok(forms.includes('YWJjZGVmZ2hpamts'));
    for (const prefix of ['x', 'xy', 'xyz']) {
      const encoded = base64(`${prefix}abcdefghijkl!`);
      assert.ok(forms.some((form) => encoded.includes(form) && form.length >= 12), `${prefix}: ${encoded}`);
    }
  });

  test('text that only looks like part of a value is left alone', async () => {
    const server = await startServer((_req, res) => res.end('Cn4ry is a bird; k=1&z'), tls.certificate);
    try {
      const plan = planFor(`${server.origin}/x?k=\${secret:API_KEY}`);
      const result = await executePlan(plan, { dispatcher: tls.agent, secrets: secretsOf({ API_KEY: VALUE }) });
      assert.equal(result.ai.body, 'Cn4ry is a bird; k=1&z');
    } finally {
      await server.close();
    }
  });
});
