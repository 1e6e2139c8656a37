// A canary secret, echoed back by the server in every encoding (body, response headers, a redirect's Location),
// must appear in no output of the CLI: run (text, JSON), plan (text, JSON), lint (stylish, JSON, SARIF), also when
// a redirect to another origin is refused. The webview model and the history are checked in test/unit/run/canary.test.ts.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from '../unit/execute/harness';
import { findForm, secretForms } from '../unit/execute/secretForms';
import type { CliRun } from './cliHarness';
import { writeFile } from './cliHarness';
import { makeTempFolder, parseRun, runCliAsync } from './runHarness';

/** ASCII (it travels in a header), with every character an encoding treats apart: / + = " \ and letters. */
const CANARY = `cAnArY/${randomUUID().slice(0, 8)}+q="x\\z`;

/** Echoes whatever X-Api-Key it got, in every form: in the body, in headers, and in a same-origin redirect. */
function echo(req: http.IncomingMessage, res: http.ServerResponse): void {
  const got = String(req.headers['x-api-key'] ?? '');
  const forms = secretForms(got);
  if (req.url?.startsWith('/start')) {
    const urlSafe = forms.filter(([, form]) => /^[\w%.~-]+$/.test(form)).map(([, form]) => form);
    res.writeHead(302, { Location: `/echo?${urlSafe.map((f, i) => `f${i}=${f}`).join('&')}` }).end();
    return;
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  forms.forEach(([, form], i) => { headers[`X-Echo-${i}`] = form; });
  res.writeHead(200, headers);
  res.end(`{"echo":${JSON.stringify(Object.fromEntries(forms))},"raw":[${forms.map(([, f]) => `"${f}"`).join(',')}]}`);
}

describe('canary: a secret value in no CLI output, in any encoding', () => {
  const temp = makeTempFolder();
  let server: TestServer;
  let other: TestServer;
  let folder: string;

  before(async () => {
    server = await startServer((req, res) => (req.url?.startsWith('/away') ? res.writeHead(307, { Location: `${other.origin}/landing?k=${encodeURIComponent(String(req.headers['x-api-key']))}` }).end() : echo(req, res)));
    other = await startServer(echo, undefined, '127.0.0.2');
    folder = path.join(temp.path, 'canary');
    writeFile(folder, 'opencx.config.json', '{}\n');
    const action = (name: string, pathname: string) => JSON.stringify({
      name, description: `Echo a canary secret back from the local development API (${name}).`, method: 'GET',
      endpoint: `http://127.0.0.1:${server.port}${pathname}`,
      headers: { 'X-Api-Key': '${secret:CANARY}' },
      parameters: [{ name: 'key', in: 'query', value: '${secret:CANARY}' }],
    }, null, 2);
    writeFile(folder, 'echo.action.json', action('Echo', '/start'));
    writeFile(folder, 'away.action.json', action('Away', '/away'));
  });
  after(async () => {
    await server?.close();
    await other?.close();
    temp.remove();
  });

  function assertClean(run: CliRun, what: string): void {
    for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]]) {
      const form = findForm(text, CANARY);
      assert.equal(form, undefined, `${what}: ${stream} holds the canary (${form}):\n${text}`);
    }
  }

  const ENV = { OPENCX_SECRET_CANARY: CANARY };

  test('run: text and JSON, after the server echoed it in every form', async () => {
    for (const format of ['text', 'json']) {
      const run = await runCliAsync(['run', 'echo.action.json', '--allow-http', '--format', format], folder, ENV);
      assert.equal(run.status, 0, run.stderr);
      assertClean(run, `run --format ${format}`);
      if (format === 'json') {
        const result = parseRun(run);
        assert.equal(result.outcome, 'success');
        assert.ok(result.ai.body.includes('${secret:CANARY}'), 'the echo was not masked as the reference');
        assert.ok(server.requests.some((r) => r.headers.some(([n, v]) => n === 'X-Api-Key' && v === CANARY)), 'the server did not get the canary: the test proves nothing');
      }
    }
  });

  test('run: a redirect to another origin refused, the Location holding the value', async () => {
    for (const format of ['text', 'json']) {
      const run = await runCliAsync(['run', 'away.action.json', '--allow-http', '--format', format], folder, ENV);
      assert.equal(run.status, 1, run.stderr);
      assertClean(run, `run --format ${format} (refused redirect)`);
    }
    assert.equal(other.requests.length, 0, 'the other origin got a request');
  });

  test('plan (text, JSON) and lint (stylish, JSON, SARIF)', async () => {
    const runs: [string, string[]][] = [
      ['plan text', ['plan', 'echo.action.json']],
      ['plan json', ['plan', 'echo.action.json', '--format', 'json']],
      ['lint stylish', ['lint', '.']],
      ['lint json', ['lint', '.', '--format', 'json']],
      ['lint sarif', ['lint', '.', '--format', 'sarif']],
    ];
    for (const [what, args] of runs) {
      const run = await runCliAsync(args, folder, ENV);
      assert.ok(run.status === 0 || run.status === 1, `${what}: exit ${run.status}\n${run.stderr}`);
      assertClean(run, what);
    }
  });
});
