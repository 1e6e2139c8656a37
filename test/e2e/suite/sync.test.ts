// Actions as code in a real VS Code (issue 16): Set API Key, Pull Actions, Show Push Plan (a diff for an edited
// action) and Push Actions against the fake OpenCX API (HTTPS on 127.0.0.1, started here in the extension host, its
// certificate trusted through opencx.run.caCertificates), and the refusal in Restricted Mode.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { PullResult } from '../../../client/src/sync/pullCommand';
import type { PushResult } from '../../../client/src/sync/pushCommand';
import type { PushPlanResult } from '../../../client/src/sync/pushPlan';
import { remoteAction, startFakeApi, type FakeApi } from '../../fakes/opencxApi';
import { deleteWorkspaceFile, extensionApi, waitFor, workspaceUri, writeWorkspaceFile } from './util';

const KEY = 'ocx_live_e2e_sync_key';
const ORG = 'sync-org';
const LOOK_UP = `${ORG}/actions/look-up-order.action.json`;
const read = async (relative: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));

describe('sync with OpenCX (issue 16)', function () {
  this.timeout(90_000);
  let api: FakeApi;
  let caFile = '';

  before(async function () {
    if (!vscode.workspace.isTrusted) this.skip(); // the Restricted Mode suite below covers that case
    await extensionApi();
    api = await startFakeApi({ keys: { [KEY]: ['actions:read', 'actions:write'] }, actions: [remoteAction('act_1', 'Look up order'), remoteAction('act_2', 'Track parcel')] });
    caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-e2e-sync-')), 'fake-api-ca.pem');
    fs.writeFileSync(caFile, api.ca);
    await vscode.workspace.getConfiguration('opencx.run').update('caCertificates', [caFile], vscode.ConfigurationTarget.Workspace);
    await writeWorkspaceFile(`${ORG}/opencx.config.json`, JSON.stringify({ api: { baseUrl: api.baseUrl, key: '${secret:E2E_SYNC_KEY}' } }, null, 2));
  });

  after(async () => {
    if (!api) return;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('opencx.run').update('caCertificates', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('opencx.clearApiKey', workspaceUri(ORG));
    await deleteWorkspaceFile(ORG);
    await api.close();
  });

  it('contributes the five commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['opencx.setApiKey', 'opencx.clearApiKey', 'opencx.pullActions', 'opencx.showPushPlan', 'opencx.pushActions']) assert.ok(commands.includes(id), id);
  });

  it('without a key: a clear message, nothing sent', async () => {
    const before = api.requests.length;
    const result = await vscode.commands.executeCommand<PullResult | undefined>('opencx.pullActions', { folder: workspaceUri(ORG) });
    assert.equal(result, undefined);
    assert.equal(api.requests.length, before);
  });

  it('Set API Key stores the key as the secret api.key names; Pull Actions writes the files and the summary', async () => {
    assert.equal(await vscode.commands.executeCommand('opencx.setApiKey', { folder: workspaceUri(ORG), value: KEY }), true);
    const result = await vscode.commands.executeCommand<PullResult | undefined>('opencx.pullActions', { folder: workspaceUri(ORG) });
    assert.ok(result, 'the pull ran');
    assert.deepEqual([result.created, result.updated, result.unchanged, result.conflicts], [[LOOK_UP, `${ORG}/actions/track-parcel.action.json`], [], [], []]);
    assert.match(result.message, /^Pulled from https:\/\/127\.0\.0\.1:\d+: 2 created, 0 updated, 0 unchanged, 0 conflicts\./);
    const file = JSON.parse(await read(LOOK_UP));
    assert.deepEqual([file.name, file.remote.id, file.remote.segmentsUnknown], ['Look up order', 'act_1', true]);
    assert.deepEqual(api.requests.map((r) => `${r.method} ${r.path}`), ['GET /actions']);
    assert.equal(api.requests[0].headers.authorization, `Bearer ${KEY}`);
    assert.ok(!(await read(`${ORG}/opencx.config.json`)).includes(KEY), 'the key is never written to a file');
  });

  it('Show Push Plan: an edited description is an update of that field, with a diff OpenCX ↔ local', async () => {
    const edited = (await read(LOOK_UP)).replace(/"description": "[^"]*"/, '"description": "Look up an order by its number and return its status, carrier and tracking link."');
    await writeWorkspaceFile(LOOK_UP, edited);
    const plan = await vscode.commands.executeCommand<PushPlanResult | undefined>('opencx.showPushPlan', { folder: workspaceUri(ORG), open: LOOK_UP });
    assert.ok(plan, 'the plan was made');
    assert.deepEqual(plan.update, [{ file: LOOK_UP, id: 'act_1', fields: ['description'] }]);
    assert.deepEqual([plan.create, plan.conflicts, plan.remoteOnly], [[], [], []]);
    assert.deepEqual(plan.unchanged, [`${ORG}/actions/track-parcel.action.json`]);
    const remote = plan.opened[0];
    assert.equal(remote?.scheme, 'opencx-remote');
    const diff = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.toString() === remote.toString()), 'the diff tab');
    assert.equal((diff.input as vscode.TabInputTextDiff).modified.toString(), workspaceUri(LOOK_UP).toString());
    const theirs = (await vscode.workspace.openTextDocument(remote)).getText();
    assert.equal(theirs, edited.replace('Look up an order by its number and return its status, carrier and tracking link.', 'Look up order: look it up by its ID and return its status and details.'));
    assert.ok(api.requests.every((r) => r.method === 'GET'), 'a plan sends nothing');
  });

  it('Push Actions refuses while a file has lint errors, naming it, and sends nothing', async () => {
    await writeWorkspaceFile(`${ORG}/actions/broken.action.json`, JSON.stringify({ name: 'Broken', method: 'FETCH' }, null, 2));
    const before = api.requests.filter((r) => r.method !== 'GET').length;
    const result = await vscode.commands.executeCommand<PushResult | undefined>('opencx.pushActions', { folder: workspaceUri(ORG), answer: 'Push' });
    assert.ok(result && !result.applied);
    assert.match(result.refused ?? '', /^Push refused, nothing was sent: \d+ lint errors? in sync-org\/actions\/broken\.action\.json\. Fix them first\.$/);
    assert.equal(api.requests.filter((r) => r.method !== 'GET').length, before);
    await deleteWorkspaceFile(`${ORG}/actions/broken.action.json`);
  });

  it('Push Actions after the confirmation: exactly one PATCH with the changed field, no secret sent, the file records the new timestamp', async () => {
    const result = await vscode.commands.executeCommand<PushResult | undefined>('opencx.pushActions', { folder: workspaceUri(ORG), answer: 'Push' });
    assert.ok(result?.applied, JSON.stringify(result));
    assert.deepEqual([result.created, result.updated], [[], [LOOK_UP]]);
    assert.match(result.confirmation ?? '', /^Push to https:\/\/127\.0\.0\.1:\d+: 0 creates and 1 update\?\nupdate {2}sync-org\/actions\/look-up-order\.action\.json: description\n/);
    const writes = api.requests.filter((r) => r.method !== 'GET');
    assert.deepEqual(writes.map((r) => [r.method, r.path, r.body]), [['PATCH', '/actions/act_1', { description: 'Look up an order by its number and return its status, carrier and tracking link.' }]]);
    assert.equal(writes[0].headers.authorization, `Bearer ${KEY}`);
    assert.ok(!api.requests.some((r) => JSON.stringify(r.body ?? '').includes(KEY)), 'the key travels only in the Authorization header');
    const file = JSON.parse(await read(LOOK_UP));
    assert.equal(file.remote.updatedAt, api.actions.get('act_1')!.updated_at);
    const again = await vscode.commands.executeCommand<PushResult | undefined>('opencx.pushActions', { folder: workspaceUri(ORG), answer: 'Push' });
    assert.match(again?.refused ?? '', /^Nothing to push to https:\/\/127\.0\.0\.1:\d+: 2 files unchanged\.$/);
  });

  it('Pull Actions over a file changed here: a conflict, left as it is, and the summary says how to force', async () => {
    const parcel = `${ORG}/actions/track-parcel.action.json`;
    const edited = (await read(parcel)).replace('"Track parcel"', '"Track a parcel"');
    await writeWorkspaceFile(parcel, edited);
    const result = await vscode.commands.executeCommand<PullResult | undefined>('opencx.pullActions', { folder: workspaceUri(ORG) });
    assert.ok(result, 'the pull ran');
    assert.deepEqual([result.conflicts, result.unchanged], [[parcel], [LOOK_UP]]);
    assert.match(result.message, /1 conflict\. sync-org\/actions\/track-parcel\.action\.json was changed here since the last pull and left as it is: "Overwrite Local Changes" takes OpenCX's version \(the CLI's pull --force\)/);
    assert.equal(await read(parcel), edited);
    const forced = await vscode.commands.executeCommand<PullResult | undefined>('opencx.pullActions', { folder: workspaceUri(ORG), force: true });
    assert.deepEqual(forced?.updated, [parcel]);
    assert.match(await read(parcel), /"name": "Track parcel"/);
  });

  it('a key without actions:write: the push fails with the scope it needs, and the key is in no message', async () => {
    const readOnly = 'ocx_live_e2e_read_only';
    const scoped = await startFakeApi({ keys: { [readOnly]: ['actions:read'] }, actions: [...api.actions.values()] });
    try {
      await writeWorkspaceFile(`${ORG}/opencx.config.json`, JSON.stringify({ api: { baseUrl: scoped.baseUrl, key: '${secret:E2E_SYNC_KEY}' } }, null, 2));
      fs.writeFileSync(caFile, `${api.ca}\n${scoped.ca}`);
      await vscode.commands.executeCommand('opencx.setApiKey', { folder: workspaceUri(ORG), value: readOnly });
      await writeWorkspaceFile(LOOK_UP, (await read(LOOK_UP)).replace(/"description": "[^"]*"/, '"description": "Look up an order by its number and return its status and carrier."'));
      const result = await vscode.commands.executeCommand<PushResult | undefined>('opencx.pushActions', { folder: workspaceUri(ORG), answer: 'Push' });
      assert.ok(result && !result.applied);
      assert.match(result.failure ?? '', /^PATCH https:\/\/127\.0\.0\.1:\d+\/actions\/act_1: 403, the API key lacks the scope actions:write \(or full access\); make a key with actions:write in OpenCX under Settings → Access$/);
      assert.ok(!result.failure!.includes(readOnly));
      assert.deepEqual(scoped.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization === `Bearer ${readOnly}`}`), ['GET /actions true', 'PATCH /actions/act_1 true']);
    } finally {
      await scoped.close();
    }
  });
});

describe('sync in Restricted Mode (issue 16)', () => {
  // Run by `npm test` in a second pass with E2E_WORKSPACE_TRUST=1 (the folder opens untrusted).
  it('refuses Pull Actions, Show Push Plan, Push Actions and Set API Key in an untrusted workspace, and writes nothing', async function () {
    if (vscode.workspace.isTrusted) this.skip();
    await extensionApi();
    const folder = workspaceUri('restricted-sync');
    assert.equal(await vscode.commands.executeCommand('opencx.pullActions', { folder }), undefined);
    assert.equal(await vscode.commands.executeCommand('opencx.showPushPlan', { folder }), undefined);
    assert.equal(await vscode.commands.executeCommand('opencx.pushActions', { folder, answer: 'Push' }), undefined);
    assert.equal(await vscode.commands.executeCommand('opencx.setApiKey', { folder, value: KEY }), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(folder)), 'nothing was written');
  });
});
