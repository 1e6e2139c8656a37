// Commands any client can run (issue 13, item 3): the server advertises its own `opencx.server.*` commands; a
// client that is not the VS Code extension gets quick fixes that carry their edit (or, without CodeAction
// literals, a command that applies it), the credential fix as an edit to `${secret:NAME}` plus a message, and
// code lenses with plain titles that need no extension.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, MessageType, type CodeAction, type Command, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_COMMANDS } from '../../server/src/protocol';
import { LspClient } from './lspClient';
import { codeActions, codeLenses, waitForIndex } from './requests';
import { actionText, TempWorkspace } from './tempWorkspace';

const CREDENTIAL = 'sk_live_FAKEnotARealKey0123456';
const BASE = { name: 'Look up order', description: 'Look up one order by its numeric order ID and return its status and total.' };
const CREDENTIAL_ACTION = actionText({ ...BASE, endpoint: 'https://api.acme-shop.example/v1/orders', headers: { 'X-Api-Key': CREDENTIAL } });
const MISSING_PARAMETER = actionText({ ...BASE, name: 'Get order', endpoint: 'https://api.acme-shop.example/v1/orders/{order_id}' });
const parameters = [{ name: 'order_id', in: 'path', description: 'Order number', required: true, schema: { type: 'string' } }];
const TRACK = actionText({ name: 'Track my delivery', description: 'Track the delivery of an order: returns the carrier, the tracking number and the expected delivery date.', endpoint: 'https://api.acme-shop.example/v1/orders/{order_id}/delivery', parameters });
const SHIPPING = actionText({ name: 'Shipping status', description: 'Get the shipping status of an order: returns the carrier, the tracking number and the expected arrival date.', endpoint: 'https://api.acme-shop.example/v1/orders/{order_id}/shipment', parameters });

const applyEdits = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), edits);
const isCommand = (a: Command | CodeAction): a is Command => typeof a.command === 'string';

describe('server commands for any client', () => {
  let workspace: TempWorkspace;
  let minimal: LspClient;
  let literal: LspClient;
  before(async () => {
    workspace = TempWorkspace.create();
    workspace.write('track.action.json', TRACK);
    workspace.write('shipping.action.json', SHIPPING);
    minimal = await LspClient.start([workspace.folder], { mode: 'minimal', capabilities: { workspace: { applyEdit: true } } });
    // Neovim's shape: CodeAction literals, but not the VS Code extension.
    literal = await LspClient.start([workspace.folder], { mode: 'minimal', capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } } });
    await Promise.all([waitForIndex(minimal), waitForIndex(literal)]);
  });
  after(async () => {
    await Promise.all([minimal.stop(), literal.stop()]);
    workspace.dispose();
  });

  async function findingOf(client: LspClient, uri: string, text: string, code: string) {
    await client.open(uri, text);
    const diagnostic = (await client.diagnosticsForCurrentVersion(uri)).diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, `a ${code} finding`);
    return diagnostic;
  }

  it('advertises executeCommandProvider with the server\'s own commands only, all prefixed opencx.server.', () => {
    const commands = minimal.initializeResult.capabilities.executeCommandProvider?.commands ?? [];
    assert.deepEqual([...commands].sort(), Object.values(SERVER_COMMANDS).sort());
    assert.ok(commands.every((c) => c.startsWith('opencx.server.')), commands.join(', '));
  });

  it('a client without CodeAction literals gets a Command that applies the fix through workspace/applyEdit', async () => {
    const uri = workspace.uri('missing.action.json');
    const diagnostic = await findingOf(minimal, uri, MISSING_PARAMETER, 'path-parameter-mismatch');
    const actions = (await codeActions(minimal, uri, diagnostic.range, [diagnostic])) ?? [];
    assert.equal(actions.length, 1);
    const [command] = actions;
    assert.ok(isCommand(command), `a Command: ${JSON.stringify(command)}`);
    assert.equal(command.command, SERVER_COMMANDS.applyFix);
    assert.equal(command.title, 'Add path parameter "order_id"');
    assert.equal(await minimal.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments }), null);
    const { edit } = await minimal.waitForServerRequest<{ edit: WorkspaceEdit }>('workspace/applyEdit');
    const fixed = applyEdits(MISSING_PARAMETER, edit.changes![uri]);
    await minimal.replaceAll(uri, fixed);
    const { diagnostics } = await minimal.diagnosticsForCurrentVersion(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), [], fixed);
  });

  it('outside VS Code the credential fix is an edit to ${secret:NAME} plus a message naming OPENCX_SECRET_NAME', async () => {
    const uri = workspace.uri('credential.action.json');
    const diagnostic = await findingOf(literal, uri, CREDENTIAL_ACTION, 'credential-in-file');
    const actions = (await codeActions(literal, uri, diagnostic.range, [diagnostic])) ?? [];
    const [fix] = actions as CodeAction[];
    assert.ok(fix.edit?.changes?.[uri], `the fix carries its edit: ${JSON.stringify(fix)}`);
    assert.ok(!JSON.stringify(actions).includes(CREDENTIAL), 'the value never travels');
    assert.equal(JSON.parse(applyEdits(CREDENTIAL_ACTION, fix.edit.changes[uri])).headers['X-Api-Key'], '${secret:X_API_KEY}');
    assert.equal(fix.title, 'Replace the value with "${secret:X_API_KEY}" (then set OPENCX_SECRET_X_API_KEY)');
    assert.equal(fix.command?.command, SERVER_COMMANDS.secretMoved);
    await literal.connection.sendRequest(ExecuteCommandRequest.type, { command: fix.command.command, arguments: fix.command.arguments });
    const message = await literal.waitForMessage((m) => m.message.includes('OPENCX_SECRET_X_API_KEY'));
    assert.equal(message.type, MessageType.Info);
    assert.ok(message.message.includes('${secret:X_API_KEY}') && !message.message.includes(CREDENTIAL), message.message);
  });

  it('outside VS Code only the overlap lens is returned, with a plain title and a server command', async () => {
    const track = workspace.uri('track.action.json');
    await literal.open(track, TRACK);
    await literal.waitForDiagnostics(track, (p) => p.diagnostics.some((d) => d.code === 'description-overlap'));
    const lenses = ((await codeLenses(literal, track)) ?? []).filter((l) => l.command); // the neighbours lens waits for resolve
    assert.deepEqual(lenses.map((l) => l.command?.title), ['Overlaps 1 action: "Shipping status"']);
    const [lens] = lenses;
    assert.equal(lens.command?.command, SERVER_COMMANDS.showOverlaps);
    await literal.connection.sendRequest(ExecuteCommandRequest.type, { command: lens.command!.command, arguments: lens.command!.arguments });
    const message = await literal.waitForMessage((m) => m.message.startsWith('"Track my delivery" overlaps'));
    assert.ok(message.message.includes(`"Shipping status" (${workspace.path('shipping.action.json')}:2)`), message.message);
  });

  it('a command with bad arguments, or an unknown one, is answered with an error, not a crash', async () => {
    const bad = minimal.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.secretMoved, arguments: [{ secretName: '../x' }] });
    await assert.rejects(bad, /unexpected arguments/);
    await assert.rejects(minimal.connection.sendRequest(ExecuteCommandRequest.type, { command: 'opencx.runAction', arguments: [] }), /unknown command opencx\.runAction/);
    assert.ok(minimal.alive);
  });

  it('no handler failed', () => {
    assert.deepEqual([...minimal.errorLogs, ...literal.errorLogs], []);
  });
});
