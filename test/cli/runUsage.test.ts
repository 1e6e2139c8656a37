// `opencx-actions run` with a bad command line: exit 2, a message that names the problem, and nothing sent (the
// examples' local-demo environment points at a server here that counts connections).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { selfSignedCertificate } from '../unit/execute/certificate';
import { startServer, type TestServer } from '../unit/execute/harness';
import { demoWorkspace, makeTempFolder, runCliAsync, TOKEN_ENV } from './runHarness';

const LOOK_UP = 'actions/look-up-order.action.json';

describe('run: bad usage exits 2 and sends nothing', () => {
  const temp = makeTempFolder();
  let server: TestServer;
  let workspace: string;

  before(async () => {
    server = await startServer((_req, res) => res.end('counted'), selfSignedCertificate());
    workspace = demoWorkspace(path.join(temp.path, 'workspace'), server.port);
  });
  after(async () => {
    await server?.close();
    temp.remove();
  });

  const cases: { name: string; args: string[]; message: RegExp }[] = [
    { name: 'no file', args: [], message: /^opencx-actions: run needs an action file\n/ },
    { name: 'two files', args: [LOOK_UP, 'actions/refund-order.action.json', '--param', 'order_id=1'], message: /^opencx-actions: run takes one action file; got 2\n/ },
    { name: 'a missing required --param', args: [LOOK_UP], message: /^opencx-actions: no value for order_id: .*\(--param name=value\)\n/ },
    { name: 'a --param without =', args: [LOOK_UP, '--param', 'order_id'], message: /^opencx-actions: --param must be name=value; got "order_id"\n/ },
    { name: '--timeout-ms abc', args: [LOOK_UP, '--param', 'order_id=1', '--timeout-ms', 'abc'], message: /^opencx-actions: --timeout-ms must be a whole number of milliseconds from 1 to 2147483647; got "abc"\n$/ },
    // Past 2^31 - 1 Node's timers fire at once (a RangeError or an instant timeout): one line, no usage, no stack.
    { name: '--timeout-ms 2147483648', args: [LOOK_UP, '--param', 'order_id=1', '--timeout-ms', '2147483648'], message: /^opencx-actions: --timeout-ms must be a whole number of milliseconds from 1 to 2147483647; got "2147483648"\n$/ },
    { name: '--timeout-ms 99999999999999999999', args: [LOOK_UP, '--param', 'order_id=1', '--timeout-ms', '99999999999999999999'], message: /^opencx-actions: --timeout-ms must be .*got "99999999999999999999"\n$/ },
    { name: '--timeout-ms -5', args: [LOOK_UP, '--param', 'order_id=1', '--timeout-ms=-5'], message: /^opencx-actions: --timeout-ms must be .*got "-5"\n$/ },
    { name: '--timeout-ms 0', args: [LOOK_UP, '--param', 'order_id=1', '--timeout-ms', '0'], message: /--timeout-ms must be a whole number .*got "0"/ },
    { name: '--timeout-ms 1.5', args: [LOOK_UP, '--param', 'order_id=1', '--timeout-ms', '1.5'], message: /--timeout-ms must be a whole number .*got "1\.5"/ },
    { name: '--format xml', args: [LOOK_UP, '--param', 'order_id=1', '--format', 'xml'], message: /^opencx-actions: --format must be one of text, json; got "xml"\n/ },
    { name: 'an unknown --env', args: [LOOK_UP, '--param', 'order_id=1', '--env', 'prod'], message: /^opencx-actions: unknown environment "prod": .*available: .*"local-demo".*\n/ },
    { name: 'an unknown --contact', args: [LOOK_UP, '--param', 'order_id=1', '--contact', 'nobody'], message: /^opencx-actions: unknown contact "nobody": .*available: .*"jane-vip".*\n/ },
    { name: 'an unknown option', args: [LOOK_UP, '--param', 'order_id=1', '--retries', '3'], message: /^opencx-actions: Unknown option '--retries'/ },
    { name: 'a file that does not exist', args: ['actions/nope.action.json'], message: /^opencx-actions: cannot read actions\/nope\.action\.json: no such file\n$/ },
    { name: 'a --ca file that does not exist', args: [LOOK_UP, '--param', 'order_id=1', '--ca', 'missing.pem'], message: /^opencx-actions: cannot read the CA certificate missing\.pem\n$/ },
  ];

  for (const { name, args, message } of cases) {
    test(name, async () => {
      const connections = server.connections;
      const result = await runCliAsync(['run', ...args], workspace, TOKEN_ENV);
      assert.equal(result.status, 2, `exit ${result.status}\n${result.stdout}\n${result.stderr}`);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
      assert.equal(server.connections, connections, 'a connection was made');
    });
  }

  test('the control: the same workspace with valid arguments does connect (so the checks above can fail)', async () => {
    const connections = server.connections;
    const result = await runCliAsync(['run', LOOK_UP, '--param', 'order_id=1', '--format', 'json'], workspace, TOKEN_ENV);
    // The test server's certificate is not for the demo host and not trusted: a network error, after connecting.
    assert.equal(result.status, 1, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { outcome: string }).outcome, 'network-error');
    assert.ok(server.connections > connections, 'no connection was made');
  });
});
