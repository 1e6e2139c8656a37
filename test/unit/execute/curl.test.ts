// toCurl: a masked curl command line, quoted for a POSIX shell. The quoting is checked by a real shell: the
// command, with `curl` swapped for printf, must give back every argument unchanged (secret references unexpanded).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { toCurl } from '../../../server/src/engine/execute';
import { shellQuote } from '../../../server/src/engine/execute/curl';
import { ACCEPT_JSON, header, planFor, USER_AGENT } from './harness';

/** The words a POSIX shell makes of `command` (its first word replaced by a printf of each argument). */
function shellWords(command: string): string[] {
  const run = spawnSync('sh', ['-c', command.replace(/^curl/, `printf '%s\\0'`)], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\0').slice(0, -1);
}

describe('toCurl', () => {
  test('a GET: OpenCX\'s redirect and time limits, one option per line', () => {
    assert.equal(toCurl(planFor('https://api.acme.com/orders/12345')), [
      'curl \\',
      '  --location --max-redirs 20 --max-time 60 \\',
      '  https://api.acme.com/orders/12345 \\',
      "  --header 'User-Agent: OpenCX' \\",
      "  --header 'Accept: application/json'",
    ].join('\n'));
  });

  test('a POST with a JSON body and a secret: the reference stays, quoted so the shell never expands it', () => {
    const plan = planFor('https://api.acme.com/refunds?reason=damaged&notify=true', {
      method: 'POST',
      headers: [USER_AGENT, header('Content-Type', 'application/json', 'default'), header('Authorization', 'Bearer ${secret:API_TOKEN}', 'globalVariable')],
      body: { format: 'json', value: { orderId: 12345, note: "it's \"broken\"\nagain" } },
    });
    const command = toCurl(plan);
    assert.ok(!command.includes('--request'), 'curl posts a --data-raw body by itself');
    assert.deepEqual(shellWords(command), [
      '--location', '--max-redirs', '20', '--max-time', '60',
      'https://api.acme.com/refunds?reason=damaged&notify=true',
      '--header', 'User-Agent: OpenCX',
      '--header', 'Content-Type: application/json',
      '--header', 'Authorization: Bearer ${secret:API_TOKEN}',
      '--data-raw', '{"orderId":12345,"note":"it\'s \\"broken\\"\\nagain"}',
    ]);
  });

  test('PUT, PATCH, DELETE and a POST without a body name their method', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      assert.deepEqual(shellWords(toCurl(planFor('https://api.acme.com/x', { method }))).slice(0, 2), ['--request', method]);
    }
  });

  test('a multipart body: --form-string fields, and curl writes the Content-Type with its boundary', () => {
    const plan = planFor('https://api.acme.com/upload', {
      method: 'POST',
      headers: [USER_AGENT, header('Content-Type', 'multipart/form-data', 'default'), ACCEPT_JSON],
      body: { format: 'multipart', value: { name: "O'Brien", count: 2, file: '@/etc/passwd' } },
    });
    assert.deepEqual(shellWords(toCurl(plan)).slice(6), [
      '--header', 'User-Agent: OpenCX',
      '--header', 'Accept: application/json',
      '--form-string', "name=O'Brien",
      '--form-string', 'count=2',
      '--form-string', 'file=@/etc/passwd',
    ]);
  });

  test('shell quoting', () => {
    assert.equal(shellQuote('https://a.example/x'), 'https://a.example/x');
    assert.equal(shellQuote(''), "''");
    assert.equal(shellQuote("it's"), "'it'\\''s'");
    const nasty = ["it's", '$(rm -rf ~)', '`id`', '${secret:X}', 'a\nb', '"', '\\', '!', '*', ' ', 'é€'];
    assert.deepEqual(shellWords(`curl ${nasty.map(shellQuote).join(' ')}`), nasty);
  });
});
