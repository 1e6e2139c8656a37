// Schema-driven completion over the protocol: values, property names and snippets where an author needs them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-protocol';
import { positionIn, virtualUri } from './testSupport';
import { withServer } from './withServer';

/** Labels without the quotes the JSON service puts around string values. */
function labels(items: CompletionItem[] | null): string[] {
  assert.ok(items, 'the server answered null');
  return items.map((i) => i.label.replace(/^"(.*)"$/, '$1'));
}

describe('completion', () => {
  let counter = 0;
  const server = withServer();

  /** Opens `text` as a new action file and asks for completion at `position`. */
  async function completeIn(text: string, position: (text: string) => Position, name = `complete-${++counter}.action.json`) {
    const uri = virtualUri(name);
    await server.client.open(uri, text);
    return server.client.completion(uri, position(text));
  }

  it('a "method" value offers exactly GET, POST, PUT, PATCH and DELETE', async () => {
    const text = '{\n  "name": "Look up order",\n  "method": ""\n}';
    const items = await completeIn(text, (t) => positionIn(t, '"method": "'));
    assert.deepEqual(labels(items).sort(), ['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
  });

  it('a new property offers the action\'s property names, except those already there', async () => {
    const text = '{\n  "method": "GET",\n  \n}';
    const items = await completeIn(text, () => ({ line: 2, character: 2 }));
    const offered = labels(items);
    for (const name of ['name', 'description', 'endpoint', 'headers', 'parameters', 'body', 'restrictedToSegments', 'channels']) {
      assert.ok(offered.includes(name), `${name} is offered: ${offered.join(', ')}`);
    }
    assert.ok(!offered.includes('method'), 'method is already there');
    const endpoint = items?.find((i) => i.label === 'endpoint');
    assert.equal(endpoint?.insertTextFormat, InsertTextFormat.Snippet);
  });

  it('an empty object offers every required property name', async () => {
    const items = await completeIn('{}', () => ({ line: 0, character: 1 }));
    const offered = labels(items);
    for (const name of ['name', 'description', 'method', 'endpoint']) assert.ok(offered.includes(name), `${name}: ${offered.join(', ')}`);
  });

  it('an empty file offers the "New OpenCX action" snippet', async () => {
    const items = await completeIn('', () => ({ line: 0, character: 0 }));
    const snippet = items?.find((i) => i.label === 'New OpenCX action');
    assert.ok(snippet, `offered: ${labels(items).join(', ')}`);
    assert.equal(snippet.insertTextFormat, InsertTextFormat.Snippet);
    const body = snippet.textEdit?.newText ?? snippet.insertText ?? '';
    for (const key of ['"name"', '"description"', '"method"', '"endpoint"', '"parameters"']) assert.ok(body.includes(key), `${key} in ${body}`);
  });

  it('a file of blank lines offers the snippet too', async () => {
    const items = await completeIn('\n  \n', () => ({ line: 1, character: 2 }));
    assert.ok(labels(items).includes('New OpenCX action'), labels(items).join(', '));
  });

  it('a new item of "parameters" offers the parameter snippets', async () => {
    const text = '{\n  "method": "GET",\n  "parameters": [\n    \n  ]\n}';
    const items = await completeIn(text, () => ({ line: 3, character: 4 }));
    const offered = labels(items);
    for (const label of ['New path parameter', 'New query parameter', 'New static query parameter']) {
      assert.ok(offered.includes(label), `${label}: ${offered.join(', ')}`);
    }
    const path = items?.find((i) => i.label === 'New path parameter');
    assert.match(path?.textEdit?.newText ?? path?.insertText ?? '', /"in": "path"/);
  });

  it('inside a parameter, property names are the parameter\'s', async () => {
    const text = '{\n  "parameters": [ { "name": "order_id",  } ]\n}';
    const items = await completeIn(text, (t) => positionIn(t, '"order_id", '));
    const offered = labels(items);
    for (const name of ['in', 'description', 'required', 'schema', 'value']) assert.ok(offered.includes(name), `${name}: ${offered.join(', ')}`);
    assert.ok(!offered.includes('endpoint'), 'action properties are not offered inside a parameter');
  });

  it('a parameter\'s "in" value offers exactly path and query', async () => {
    const text = '{\n  "parameters": [ { "name": "order_id", "in": "" } ]\n}';
    const items = await completeIn(text, (t) => positionIn(t, '"in": "'));
    assert.deepEqual(labels(items).sort(), ['path', 'query']);
  });

  it('a channel value offers the six channels', async () => {
    const text = '{\n  "channels": [ "" ]\n}';
    const items = await completeIn(text, (t) => positionIn(t, '[ "'));
    assert.deepEqual(labels(items).sort(), ['email', 'phone', 'slack', 'sms', 'whatsapp', 'widget']);
  });

  it('opencx.config.json gets the config schema\'s property names', async () => {
    const items = await completeIn('{\n  \n}', () => ({ line: 1, character: 2 }), 'config-completion/opencx.config.json');
    const offered = labels(items);
    for (const name of ['globalVariables', 'contextHeaders', 'segments', 'contacts', 'environments']) {
      assert.ok(offered.includes(name), `${name}: ${offered.join(', ')}`);
    }
    assert.ok(!offered.includes('endpoint'), 'no action property in a config');
  });
});
