// `--param note='${secret:X}'`: a value the AI would extract is text, sent exactly as typed (OpenCX sends what the
// AI extracted), never filled from the secret store, even when the action itself uses that secret.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from '../unit/execute/harness';
import { runPlain, writeFile } from './cliHarness';
import { makeTempFolder, parseRun, runCliAsync } from './runHarness';

const SECRET = 'tok-live-5f4e3d2c1b0a';
const TYPED = '${secret:API_TOKEN}';

describe('run: typed values are literal text', () => {
  const temp = makeTempFolder();
  let server: TestServer;
  let folder: string;

  before(async () => {
    server = await startServer((_req, res) => res.end('{"ok":true}'));
    folder = path.join(temp.path, 'ws');
    writeFile(folder, 'opencx.config.json', '{}\n');
    writeFile(folder, 'a.action.json', JSON.stringify({
      name: 'Add note', description: 'Add a note to the customer ticket and return the saved note.', method: 'POST',
      endpoint: `http://127.0.0.1:${server.port}/notes/{ticket}`,
      headers: { 'X-Api-Key': '${secret:API_TOKEN}' },
      parameters: [{ name: 'ticket', in: 'path', required: true }, { name: 'q', in: 'query' }],
      body: { type: 'object', properties: { note: { type: 'string' }, tags: { type: 'array' } }, required: ['note'] },
      restrictedToSegments: [],
    }, null, 2));
  });
  after(async () => {
    await server?.close();
    temp.remove();
  });

  test('in the path, the query and the body (a string and inside a JSON value): sent as typed, the header still filled', async () => {
    const requests = server.requests.length;
    const run = await runCliAsync(['run', 'a.action.json', '--allow-http', '--format', 'json',
      '--param', `ticket=${TYPED}`, '--param', `q=${TYPED}`, '--param', `note=${TYPED}`, '--param', `tags=["${TYPED}"]`], folder, { OPENCX_SECRET_API_TOKEN: SECRET });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.equal(server.requests.length, requests + 1);
    const received = server.requests.at(-1)!;
    const encoded = encodeURIComponent(TYPED);
    assert.equal(received.url, `/notes/${encoded}?q=${encoded}`, 'encodeURIComponent of the typed text, as OpenCX sends it');
    assert.equal(received.body.toString('utf8'), JSON.stringify({ note: TYPED, tags: [TYPED] }));
    assert.equal(received.headers.find(([name]) => name.toLowerCase() === 'x-api-key')?.[1], SECRET, 'a reference written in the action is still filled');
    assert.ok(!run.stdout.includes('\u2060') && !run.stdout.includes('%E2%81%A0'), 'no mark in the output');
    const result = parseRun(run);
    assert.equal(result.request.url, `http://127.0.0.1:${server.port}/notes/${encoded}?q=${encoded}`);
  });

  test('the plan shows the typed text as it is, and asks for no secret because of it', () => {
    const run = runPlain(['plan', 'a.action.json', '--param', `ticket=${TYPED}`, '--param', `note=${TYPED}`], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`/notes/${encodeURIComponent(TYPED).replace(/[$]/g, '\\$')}`));
    assert.match(run.stdout, /"note": "\$\{secret:API_TOKEN\}"/);
    assert.ok(!run.stdout.includes('\u2060') && !run.stdout.includes('%E2%81%A0'), 'no mark in the output');
  });
});
