// opencx/routeInputs and opencx/suggestSubject (the VS Code routing test's data), over the real protocol with the
// bundled server on a copy of examples/. The cases and tools are the CLI's `route --dry-run` requests.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { RouteInputsRequest, SuggestSubjectRequest } from '../../server/src/protocol';
import { LspClient } from './lspClient';
import { waitForIndex } from './requests';
import { TempWorkspace } from './tempWorkspace';
import { CLI_JS, EXAMPLES_DIR } from './testSupport';

const run = promisify(execFile);

describe('opencx/routeInputs and opencx/suggestSubject', () => {
  let workspace: TempWorkspace;
  let client: LspClient;

  before(async () => {
    workspace = TempWorkspace.create();
    fs.cpSync(EXAMPLES_DIR, workspace.folder, { recursive: true });
    client = await LspClient.start([workspace.folder]);
    await waitForIndex(client);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('the default contact on the widget: one case per utterance of each offered action, the same tools as the CLI sends', async () => {
    const view = await client.connection.sendRequest(RouteInputsRequest.type, {});
    assert.ok(view);
    assert.equal(view.catalog.contact, 'jane-vip');
    assert.equal(view.catalog.channel, 'widget');
    assert.deepEqual([...new Set(view.cases.map((c) => c.action))], ['Change shipping address', 'Look up order', 'Refund order', 'Search help center']);
    assert.equal(view.cases.length, 9);
    assert.deepEqual(view.cases.find((c) => c.utterance.text === 'has order 10452 shipped yet')?.utterance.expect, { order_id: 10452 });
    const { stdout } = await run(process.execPath, [CLI_JS, 'route', workspace.folder, '--model', 'm', '--contact', 'jane-vip', '--dry-run']);
    const dry = JSON.parse(stdout) as { bodies: { tools: unknown; messages: { content: string }[] }[] };
    assert.deepEqual(view.cases.map((c) => c.utterance.text), dry.bodies.map((b) => b.messages[1].content));
    assert.deepEqual(view.catalog.tools.map((t) => t.function), (dry.bodies[0].tools as { function: { name: string } }[]).map((t) => t.function.name));
    const look = workspace.uri('actions/look-up-order.action.json');
    const text = fs.readFileSync(new URL(look), 'utf8').split('\n');
    const range = view.nameRanges[look];
    assert.equal(text[range.start.line].slice(range.start.character, range.end.character), '"Look up order"');
  });

  it('another contact and channel; an unknown contact falls back to the default and says so', async () => {
    const bob = await client.connection.sendRequest(RouteInputsRequest.type, { contact: 'bob-customer', channel: 'email' });
    assert.ok(bob?.cases.some((c) => c.action === 'Resend invoice'));
    assert.ok(!bob?.cases.some((c) => c.action === 'Refund order'));
    const unknown = await client.connection.sendRequest(RouteInputsRequest.type, { contact: 'nobody' });
    assert.match(unknown?.error ?? '', /nobody/);
    assert.equal(unknown?.catalog.contact, 'jane-vip');
  });

  it('suggestSubject: the name, description and parameters as the model sees them, and the texts already there', async () => {
    const subject = await client.connection.sendRequest(SuggestSubjectRequest.type, { uri: workspace.uri('actions/look-up-order.action.json') });
    assert.ok(subject);
    assert.equal(subject.name, 'Look up order');
    assert.deepEqual(Object.keys(subject.parameters.properties), ['order_id']);
    assert.ok(subject.existing.includes('where is my order?'));
    assert.equal(await client.connection.sendRequest(SuggestSubjectRequest.type, { uri: workspace.uri('opencx.config.json') }), null);
  });
});
