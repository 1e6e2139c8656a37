// Quick fixes over the protocol (issue 3): textDocument/codeAction answers a finding with a CodeAction whose edit,
// applied and sent back, removes the finding; the credential fix is a client command that never carries the value.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { CodeActionKind, type CodeAction, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLIENT_COMMANDS, type MoveToSecretArgs } from '../../server/src/protocol';
import { codeActions, waitForIndex } from './requests';
import { actionText } from './tempWorkspace';
import { rangeOf } from './testSupport';
import { withServer } from './withServer';

const ENDPOINT = 'https://api.acme-shop.example/v1/orders/{order_id}';
const BASE = { name: 'Look up order', description: 'Look up one order by its numeric order ID and return its status and total.' };
const CREDENTIAL = 'sk_live_FAKEnotARealKey0123456';

const isCodeAction = (a: Command | CodeAction): a is CodeAction => typeof a.command !== 'string';

function applyEdits(uri: string, text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'opencx-action', 1, text), edits);
}

describe('quick fixes over the protocol', () => {
  const server = withServer({ workspace: true }, async () => {
    await waitForIndex(server.client);
  });
  afterEach(async () => {
    for (const uri of server.client.openUris()) {
      await server.client.close(uri);
      await server.client.waitForDiagnostics(uri, (p) => p.version === undefined);
    }
  });

  /** Opens `text` and returns the one finding with `code`. */
  async function openWithFinding(uri: string, text: string, code: string): Promise<Diagnostic> {
    await server.client.open(uri, text);
    const found = (await server.client.diagnosticsForCurrentVersion(uri)).diagnostics.filter((d) => d.code === code);
    assert.equal(found.length, 1, `one ${code} expected`);
    return found[0];
  }

  /** Applies `edits` to the open document's text, sends the result, and returns the codes published for it. */
  async function applyAndRecheck(uri: string, edits: TextEdit[]): Promise<{ text: string; codes: string[] }> {
    const text = applyEdits(uri, server.client.text(uri), edits);
    await server.client.replaceAll(uri, text);
    const { diagnostics } = await server.client.diagnosticsForCurrentVersion(uri);
    return { text, codes: diagnostics.map((d) => String(d.code)) };
  }

  it('a missing path parameter: the quick fix adds it, and the finding is gone', async () => {
    const uri = server.workspace.uri('missing-parameter.action.json');
    const diagnostic = await openWithFinding(uri, actionText({ ...BASE, endpoint: ENDPOINT }), 'path-parameter-mismatch');
    const actions = (await codeActions(server.client, uri, diagnostic.range, [diagnostic])) ?? [];
    assert.deepEqual(actions.map((a) => a.title), ['Add path parameter "order_id"']);
    const [fix] = actions.filter(isCodeAction);
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['path-parameter-mismatch']);
    assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), [uri], 'the edit changes this file only');

    const { text, codes } = await applyAndRecheck(uri, fix.edit!.changes![uri]);
    assert.deepEqual(codes, [], `no finding left in:\n${text}`);
    assert.deepEqual(JSON.parse(text).parameters, [{ name: 'order_id', in: 'path', description: 'The order id', required: true, schema: { type: 'string' } }]);
  });

  it('an unused path parameter: both fixes (remove it, use it) leave a file without the finding', async () => {
    const uri = server.workspace.uri('unused-parameter.action.json');
    const original = actionText({
      ...BASE,
      endpoint: 'https://api.acme-shop.example/v1/orders',
      parameters: [{ name: 'order_id', in: 'path', description: 'Order number', required: true, schema: { type: 'string' } }],
    });
    const diagnostic = await openWithFinding(uri, original, 'path-parameter-mismatch');
    const fixes = ((await codeActions(server.client, uri, diagnostic.range, [diagnostic])) ?? []).filter(isCodeAction);
    assert.deepEqual(fixes.map((f) => f.title), ['Remove the unused parameter "order_id"', 'Use it: add /{order_id} to the endpoint']);
    const expected = [(v: { parameters: unknown[] }) => assert.deepEqual(v.parameters, []), (v: { endpoint: string }) => assert.equal(v.endpoint, ENDPOINT)];
    for (const [i, fix] of fixes.entries()) {
      await server.client.replaceAll(uri, original);
      await server.client.diagnosticsForCurrentVersion(uri);
      const { text, codes } = await applyAndRecheck(uri, fix.edit!.changes![uri]);
      assert.ok(!codes.includes('path-parameter-mismatch'), `${fix.title} left: ${codes.join(', ')}`);
      assert.ok(!codes.includes('json-syntax'), text);
      expected[i](JSON.parse(text));
    }
  });

  it('a literal credential: the fix is the client command opencx.moveCredentialToSecret, and the value never travels', async () => {
    const uri = server.workspace.uri('credential.action.json');
    const text = actionText({ ...BASE, endpoint: ENDPOINT.replace('/{order_id}', ''), headers: { 'X-Api-Key': CREDENTIAL, Accept: 'application/json' } });
    const diagnostic = await openWithFinding(uri, text, 'credential-in-file');
    const actions = (await codeActions(server.client, uri, diagnostic.range, [diagnostic])) ?? [];
    const serialized = JSON.stringify(actions);
    assert.ok(!serialized.includes(CREDENTIAL), `the literal is in the response: ${serialized}`);
    assert.ok(!serialized.includes(CREDENTIAL.slice(8)), 'not even its secret part');

    assert.equal(actions.length, 1);
    const [fix] = actions.filter(isCodeAction);
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.edit, undefined, 'no edit: the client applies it once the secret is stored');
    assert.equal(fix.command?.command, CLIENT_COMMANDS.moveToSecret);
    assert.equal(fix.command?.command, 'opencx.moveCredentialToSecret');
    const [args] = fix.command!.arguments as [MoveToSecretArgs];
    assert.equal(args.uri, uri);
    assert.equal(args.secretName, 'X_API_KEY');
    const valueText = TextDocument.create(uri, 'opencx-action', 1, text).getText(args.valueRange);
    assert.ok(valueText.includes(CREDENTIAL), `valueRange points at the literal for the client to read: ${valueText}`);

    const { text: fixed, codes } = await applyAndRecheck(uri, args.edits);
    assert.equal(JSON.parse(fixed).headers['X-Api-Key'], '${secret:X_API_KEY}');
    assert.ok(!codes.includes('credential-in-file'), codes.join(', '));
  });

  it('a request for other kinds than quickfix, or a range with no finding, gets no action', async () => {
    const uri = server.workspace.uri('only-refactor.action.json');
    const text = actionText({ ...BASE, endpoint: ENDPOINT });
    const diagnostic = await openWithFinding(uri, text, 'path-parameter-mismatch');
    assert.deepEqual(await codeActions(server.client, uri, diagnostic.range, [diagnostic], [CodeActionKind.Refactor]), []);
    assert.deepEqual(await codeActions(server.client, uri, rangeOf(text, '"name"'), []), []);
  });
});
