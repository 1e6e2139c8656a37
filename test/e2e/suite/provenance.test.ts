// Issue 4 end to end: provenance hovers over the real protocol (every layer behind a header, the winner, shadowed
// values struck through and masked), the active contact and environment chosen by command changing them, segment
// audiences, secrets set and cleared through the commands (stored, never shown, never written to a file), and the
// request plan command.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { deleteWorkspaceFile, extensionApi, hoverWhere, positionOf, waitFor, workspaceUri, writeWorkspaceFile } from './util';

const SECRET = 'SHOP_API_TOKEN';
/** Unique per run, so finding it anywhere can only mean this test's value leaked. Never logged. */
const SECRET_VALUE = `e2e-s3cr3t-value-${randomBytes(12).toString('hex')}`;
const ORG_ID = '3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71';

/** An action whose own headers collide with a global variable (in another case), a contact header and an env overlay. */
const GIFT_CARDS_PATH = 'e2e-provenance/list-gift-cards.action.json';
const LITERAL = 'e2e-literal-4f1d9c';
const GIFT_CARDS_TEXT = JSON.stringify({
  name: 'List gift cards',
  description: 'List the gift cards a customer owns, with the remaining value of each card.',
  method: 'GET',
  endpoint: 'https://api.acme-shop.example/v1/gift-cards',
  headers: { authorization: `Bearer ${LITERAL}`, 'X-Customer-Tier': 'bronze', 'X-Shop-Region': 'us' },
  restrictedToSegments: ['customers'],
  channels: ['widget'],
}, null, 2) + '\n';
const LOOK_UP_ORDER = 'actions/look-up-order.action.json';
const REFUND_ORDER = 'actions/refund-order.action.json';
const RUN_FOLDER = 'e2e-secret-run';
const PING_PATH = `${RUN_FOLDER}/ping.action.json`;

const selectContact = (name: string) => vscode.commands.executeCommand<{ environment?: string; contact?: string }>('opencx.selectContact', name);
const selectEnvironment = (name: string) => vscode.commands.executeCommand<{ environment?: string; contact?: string }>('opencx.selectEnvironment', name);

async function hoverOn(relative: string, needle: string, delta: number, predicate: (text: string) => boolean, what: string): Promise<string> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return hoverWhere(document.uri, positionOf(document, needle, delta), predicate, what);
}

const headerHover = (name: string, predicate: (text: string) => boolean, what: string) =>
  hoverOn(GIFT_CARDS_PATH, `"${name}"`, 2, predicate, what);
const headersOverview = (predicate: (text: string) => boolean, what: string) =>
  hoverOn(LOOK_UP_ORDER, '"headers"', 2, predicate, what);
const secretHover = (predicate: (text: string) => boolean, what: string) =>
  hoverOn('opencx.config.json', `\${secret:${SECRET}}`, 3, predicate, what);

/** Every regular file under `root` (symbolic links not followed). */
function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(root);
  return out;
}

/** The files under `root` that contain `needle` as UTF-8, UTF-16LE or base64; and how much was searched. */
function filesContaining(root: string, needle: string): { hits: string[]; files: number; bytes: number } {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le'), Buffer.from(Buffer.from(needle).toString('base64').replace(/=+$/, ''))];
  const hits: string[] = [];
  let files = 0;
  let bytes = 0;
  for (const file of filesUnder(root)) {
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch {
      continue; // gone meanwhile (a log rotated, a lock file)
    }
    files++;
    bytes += content.length;
    if (forms.some((form) => content.includes(form))) hits.push(file);
  }
  return { hits, files, bytes };
}

/**
 * The harness's temp dir: the parent of the folder holding the workspace copy (<tmp>/workspace/<name>). It holds the
 * code-server user data (the extension's globalStorage and workspaceStorage, logs), the extensions dir and the XDG homes.
 */
function harnessDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'a workspace folder is open');
  const workspaceParent = path.dirname(folder.path);
  assert.equal(path.basename(workspaceParent), 'workspace', `the workspace is the harness's temp copy (<tmp>/workspace/<name>): ${folder.path}`);
  const dir = path.dirname(workspaceParent);
  assert.ok(fs.existsSync(path.join(dir, 'user-data')), `${dir} holds the code-server user data`);
  return dir;
}

/** A local HTTPS API for api.acme-shop.example (self-signed, made with openssl) that records request headers. */
async function startLocalApi(): Promise<{ port: number; caFile: string; received: http.IncomingHttpHeaders[]; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-e2e-provenance-'));
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-subj', '/CN=api.acme-shop.example',
    '-addext', 'subjectAltName=DNS:api.acme-shop.example'], { encoding: 'utf8' });
  assert.equal(made.status, 0, `openssl makes a test certificate: ${made.stderr}`);
  const received: http.IncomingHttpHeaders[] = [];
  const server = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) }, (req, res) => {
    received.push(req.headers); // never echoed: an API that echoes a token would put it in the AI's text
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"pong":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    caFile: path.join(dir, 'cert.pem'),
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
      fs.rmSync(dir, { recursive: true, force: true });
    }),
  };
}

let secretSet = false;
async function ensureSecretSet(): Promise<void> {
  if (secretSet) return;
  assert.equal(await vscode.commands.executeCommand('opencx.setSecret', SECRET, SECRET_VALUE), true, 'opencx.setSecret reports success');
  secretSet = true;
}

/** What the run with the stored secret sent and got. */
interface SecretRun {
  received: { authorization?: string }[];
  view: { ai: { status: number | null; body: string } } | undefined;
}

/** The one run with the stored secret; a test that needs it starts it, whichever test comes first. */
let secretRun: Promise<SecretRun> | undefined;
function ensureSecretRun(): Promise<SecretRun> {
  return (secretRun ??= runWithSecret());
}

/** Runs a ping action whose Authorization holds the stored secret, against a local HTTPS API. */
async function runWithSecret(): Promise<SecretRun> {
  await ensureSecretSet();
  const api = await extensionApi();
  const local = await startLocalApi();
  try {
    // A folder with its own organisation: the nearest opencx.config.json wins. Its "staging" connects the shop's
    // host to the local API (the URL, Host header and certificate name stay https://api.acme-shop.example).
    await writeWorkspaceFile(`${RUN_FOLDER}/opencx.config.json`, JSON.stringify({
      globalVariables: { Authorization: `Bearer \${secret:${SECRET}}` },
      segments: ['customers'],
      contacts: { 'jane-vip': { segments: ['customers'], externalId: 'cus_1001' } },
      environments: { staging: { connectTo: { 'api.acme-shop.example': `127.0.0.1:${local.port}` } } },
    }, null, 2) + '\n');
    const uri = await writeWorkspaceFile(PING_PATH, JSON.stringify({
      name: 'Ping the shop API',
      description: 'Ping the shop API and return whether it answered, for the end-to-end secret test.',
      method: 'GET',
      endpoint: 'https://api.acme-shop.example/v1/ping',
      restrictedToSegments: ['customers'],
      channels: ['widget'],
    }, null, 2) + '\n');
    // Opened, so the server indexes both from the editor's text: VS Code's watcher can miss a file written right
    // after its folder was created, and this test is about secrets, not about the watcher.
    await vscode.workspace.openTextDocument(workspaceUri(`${RUN_FOLDER}/opencx.config.json`));
    await vscode.workspace.openTextDocument(uri);
    await vscode.workspace.getConfiguration('opencx.run').update('caCertificates', [local.caFile], vscode.ConfigurationTarget.Workspace);
    // The files were just written: wait until the server plans the action with the folder's own organisation.
    let lastPlan = '';
    await waitFor(async () => {
      lastPlan = (await vscode.commands.executeCommand<string>('opencx.showRequestPlan', uri)) ?? '';
      return lastPlan.includes(`Connects to 127.0.0.1:${local.port}`) ? true : undefined;
    }, 'the server to plan the new action with its folder\'s config').catch((err: Error) => {
      throw new Error(`${err.message}; last plan:\n${lastPlan}`);
    });
    assert.equal(await vscode.commands.executeCommand('opencx.runAction', uri, {}), true, 'the run starts');
    return { received: [...local.received], view: api.lastRun()?.outcome.view };
  } finally {
    await local.close();
  }
}

describe('provenance: header hovers, contacts, secrets and the request plan (issue 4)', () => {
  before(async () => {
    await extensionApi();
    await writeWorkspaceFile(GIFT_CARDS_PATH, GIFT_CARDS_TEXT);
    assert.deepEqual(await selectEnvironment('staging'), { environment: 'staging' });
    assert.deepEqual(await selectContact('jane-vip'), { environment: 'staging', contact: 'jane-vip' });
  });

  after(async () => {
    await vscode.commands.executeCommand('opencx.clearSecret', SECRET);
    await selectContact('');
    await selectEnvironment('');
    await vscode.workspace.getConfiguration('opencx.run').update('caCertificates', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteWorkspaceFile(GIFT_CARDS_PATH);
    await deleteWorkspaceFile(PING_PATH);
    await deleteWorkspaceFile(`${RUN_FOLDER}/opencx.config.json`);
    await deleteWorkspaceFile(path.dirname(GIFT_CARDS_PATH));
    await deleteWorkspaceFile(RUN_FOLDER);
  });

  it('shows every layer behind a colliding header: the winner, and the shadowed values struck through and masked', async () => {
    const authorization = await headerHover('authorization', (t) => t.includes('Shadowed'), 'the hover on the action\'s "authorization" header');
    assert.match(authorization, /\*\*Header `authorization`\*\* · environment `staging`, contact `jane-vip`/);
    // The global variable wins (names compare case-insensitively); the action's own value is struck through, masked.
    assert.match(authorization, /Sent: `Bearer \$\{secret:SHOP_API_TOKEN\}` from the global variable `Authorization` \(\[opencx\.config\.json › globalVariables\.Authorization\]\([^)]*opencx\.config\.json#L\d+\)\)/);
    assert.match(authorization, /Shadowed \(written, never sent\):\n- ~~`Bearer ••••••`~~ from the action header `authorization` \(\[list-gift-cards\.action\.json › headers\.authorization\]/);
    assert.ok(!authorization.includes(LITERAL), `the literal credential is masked:\n${authorization}`);
    assert.match(authorization, /Precedence \(our assumption; OpenCX does not document it\): default < action header < global variable < contact \(widget\) header < context header/);

    // The staging overlay replaces the top-level global variable (not a layer of its own: it is not listed), and the
    // global variable shadows the action's value.
    const region = await headerHover('X-Shop-Region', (t) => t.includes('Shadowed'), 'the hover on "X-Shop-Region"');
    assert.match(region, /Sent: `eu-staging` from the global variable `X-Shop-Region` \(\[opencx\.config\.json › environments\.staging\.globalVariables\.X-Shop-Region\]/);
    assert.deepEqual([...region.matchAll(/^- ~~`([^`]*)`~~ from the ([a-z ()]+) `/gm)].map((m) => [m[1], m[2]]), [['us', 'action header']], region);
  });

  it('lists every header of an example action on its "headers" key, grouped by source', async () => {
    const overview = await headersOverview((t) => t.includes('Headers this action is sent with'), 'the hover on "headers"');
    assert.match(overview, /\*\*Headers this action is sent with\*\* · environment `staging`, contact `jane-vip`/);
    const groups = [...overview.matchAll(/^\*\*([^*]+)\*\*$/gm)].map((m) => m[1]);
    assert.deepEqual(groups, ['default', 'action header', 'global variable', 'contact (widget) header', 'context header'], overview);
    for (const line of [
      '- `User-Agent: OpenCX`',
      '- `Accept: application/json` ([look-up-order.action.json › headers.Accept]',
      '- `Authorization: Bearer ${secret:SHOP_API_TOKEN}` ([opencx.config.json › globalVariables.Authorization]',
      '- `X-Shop-Region: eu-staging` ([opencx.config.json › environments.staging.globalVariables.X-Shop-Region]',
      '- `X-Customer-Tier: gold` ([opencx.config.json › contacts.jane-vip.headers.X-Customer-Tier]',
      `- \`x-opencx-org-id: ${ORG_ID}\``,
      '- `x-opencx-external-user-id: cus_1001`',
    ]) assert.ok(overview.includes(line), `the overview has ${line}:\n${overview}`);
    assert.match(overview, /- `X-Contact-Email: [^`]+`, magic field `contact\.email`/);
  });

  it('changes the hovers when the active contact changes (opencx.selectContact)', async () => {
    try {
      const tierOf = (contact: string) => (t: string) => t.includes(`contact \`${contact}\``);
      const jane = await headerHover('X-Customer-Tier', tierOf('jane-vip'), 'the X-Customer-Tier hover for jane-vip');
      assert.match(jane, /Sent: `gold` from the contact \(widget\) header `X-Customer-Tier` \(\[opencx\.config\.json › contacts\.jane-vip\.headers\.X-Customer-Tier\]/);
      assert.match(jane, /- ~~`bronze`~~ from the action header `X-Customer-Tier`/);

      assert.deepEqual(await selectContact('bob-customer'), { environment: 'staging', contact: 'bob-customer' });
      const bob = await headerHover('X-Customer-Tier', tierOf('bob-customer'), 'the X-Customer-Tier hover for bob-customer');
      assert.match(bob, /Sent: `bronze` from the action header `X-Customer-Tier`/);
      assert.ok(!bob.includes('Shadowed') && !bob.includes('gold'), `bob-customer passes no X-Customer-Tier, so nothing is shadowed:\n${bob}`);
      const bobOverview = await headersOverview(tierOf('bob-customer'), 'the headers overview for bob-customer');
      assert.ok(!bobOverview.includes('X-Customer-Tier: gold'), `bob-customer's widget passes no X-Customer-Tier:\n${bobOverview}`);
      // bob-customer's widget passes X-Shop-Region (the examples' shadowing case): it wins over the global variable.
      assert.match(bobOverview, /\*\*contact \(widget\) header\*\*\n- `X-Shop-Region: eu-north` \(\[opencx\.config\.json › contacts\.bob-customer\.headers\.X-Shop-Region\][^\n]*; replaces ~~`eu-staging`~~ \(global variable\)/);
      assert.ok(bobOverview.includes('- `x-opencx-external-user-id: cus_2002`'), `bob-customer's external id:\n${bobOverview}`);

      assert.deepEqual(await selectContact('anonymous-visitor'), { environment: 'staging', contact: 'anonymous-visitor' });
      const anonymous = await headersOverview(tierOf('anonymous-visitor'), 'the headers overview for anonymous-visitor');
      assert.ok(!anonymous.includes('x-opencx-external-user-id') && !anonymous.includes('X-Customer-Tier'), `an anonymous contact has no external id and no contact header:\n${anonymous}`);
      assert.ok(anonymous.includes(`- \`x-opencx-org-id: ${ORG_ID}\``), anonymous);

      assert.deepEqual(await selectContact('jane-vip'), { environment: 'staging', contact: 'jane-vip' });
      const janeAgain = await headerHover('X-Customer-Tier', tierOf('jane-vip'), 'the X-Customer-Tier hover for jane-vip again');
      assert.match(janeAgain, /Sent: `gold` from the contact \(widget\) header/);
    } finally {
      await selectContact('jane-vip');
    }
  });

  it('changes the hovers when the active environment changes (opencx.selectEnvironment)', async () => {
    try {
      assert.deepEqual(await selectEnvironment('production'), { environment: 'production', contact: 'jane-vip' });
      const region = await headerHover('X-Shop-Region', (t) => t.includes('environment `production`'), 'the X-Shop-Region hover in production');
      assert.match(region, /Sent: `eu` from the global variable `X-Shop-Region` \(\[opencx\.config\.json › globalVariables\.X-Shop-Region\]/);
      assert.ok(!region.includes('eu-staging'), `production has no staging overlay:\n${region}`);
      assert.match(region, /Shadowed \(written, never sent\):\n- ~~`us`~~ from the action header `X-Shop-Region`/);
    } finally {
      await selectEnvironment('staging');
    }
  });

  it('says on a segment which test contacts are offered the action', async () => {
    const vip = await hoverOn(REFUND_ORDER, '"vip"', 2, (t) => t.includes('Segment `vip`'), 'the hover on the segment "vip"');
    assert.match(vip, /Defined in opencx\.config\.json `segments`\. Test contacts in it: `jane-vip`\./);
    assert.match(vip, /Restricted to `vip`/);
    assert.match(vip, /- `jane-vip` sees it: in vip/);
    assert.match(vip, /- `bob-customer` does \*\*not\*\* see it: only in customers/);
    assert.match(vip, /- `anonymous-visitor` does \*\*not\*\* see it: anonymous \(no externalId\)/);

    const audience = await hoverOn(LOOK_UP_ORDER, '"restrictedToSegments"', 2, (t) => t.includes('Who is offered this action'), 'the hover on restrictedToSegments');
    assert.match(audience, /- `jane-vip` sees it: in customers/);
    assert.match(audience, /- `bob-customer` sees it: in customers/);
    assert.match(audience, /- `anonymous-visitor` does \*\*not\*\* see it/);
  });

  describe('secrets', () => {
    it('stores a secret set with opencx.setSecret: the hover says "set" and never shows the value', async () => {
      const configUri = workspaceUri('opencx.config.json');
      const unknownSecret = () => vscode.languages.getDiagnostics(configUri).filter((d) => typeof d.code === 'object' && d.code.value === 'unknown-secret');
      await vscode.commands.executeCommand('opencx.clearSecret', SECRET);
      secretSet = false;
      const unset = await secretHover((t) => t.includes('not set'), 'the secret hover to say "not set"');
      assert.match(unset, /\*\*Secret `SHOP_API_TOKEN`\*\*: \*\*not set\*\*/);
      await waitFor(() => (unknownSecret().length ? true : undefined), 'the unknown-secret information on opencx.config.json');

      await ensureSecretSet();
      const set = await secretHover((t) => t.includes(': set.'), 'the secret hover to say "set"');
      assert.match(set, /\*\*Secret `SHOP_API_TOKEN`\*\*: set\. The value is never shown/);
      assert.ok(!set.includes(SECRET_VALUE), 'the hover does not show the value');
      await waitFor(() => (unknownSecret().length === 0 ? true : undefined), 'the unknown-secret information to go');
      // The hovers that show the Authorization header keep the reference, not the value.
      const overview = await headersOverview((t) => t.includes('Authorization'), 'the headers overview with the secret set');
      assert.ok(!overview.includes(SECRET_VALUE), 'the headers overview does not show the value');
      assert.ok(overview.includes('`Authorization: Bearer ${secret:SHOP_API_TOKEN}`'), overview);
    });

    it('"OpenCX: Show Request Plan" gives the method, URL and header sources, and no secret value', async () => {
      await ensureSecretSet();
      const uri = workspaceUri(LOOK_UP_ORDER);
      const text = await vscode.commands.executeCommand<string | undefined>('opencx.showRequestPlan', uri);
      assert.equal(typeof text, 'string', 'the command returns the plan text');
      const plan = text as string;
      assert.ok(!plan.includes(SECRET_VALUE), 'the plan does not contain the secret value');
      const lines = plan.split('\n');
      assert.equal(lines[0], 'GET https://api.acme-shop.example/v1/orders/{order_id}?fields=status%2Ccarrier%2Ctracking_number', plan);
      assert.equal(lines[1], 'Environment: staging · Contact: jane-vip', plan);
      for (const row of [
        /^ {2}User-Agent: OpenCX +default$/m,
        /^ {2}Accept: application\/json +action header +\S*look-up-order\.action\.json › headers\.Accept$/m,
        /^ {2}Authorization: Bearer \$\{secret:SHOP_API_TOKEN\} +global variable +\S*opencx\.config\.json › globalVariables\.Authorization$/m,
        /^ {2}X-Customer-Tier: gold +contact \(widget\) header +\S*opencx\.config\.json › contacts\.jane-vip\.headers\.X-Customer-Tier$/m,
        new RegExp(`^ {2}x-opencx-org-id: ${ORG_ID} +context header`, 'm'),
      ]) assert.match(plan, row);
      assert.ok(!plan.includes(`Secret ${SECRET} is not set`), `the secret is set, so no "not set" note:\n${plan}`);
      // The plan is also shown, read-only, beside the action.
      const shown = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'opencx-plan' && d.getText() === plan);
      assert.ok(shown, `a plan document with the same text is open: ${vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', ')}`);

      // A shadowed literal credential stays masked in the plan too.
      const giftCards = await vscode.commands.executeCommand<string>('opencx.showRequestPlan', workspaceUri(GIFT_CARDS_PATH));
      assert.match(giftCards, /^ {4}~~authorization: Bearer ••••••~~ \(shadowed: action header, \S*list-gift-cards\.action\.json › headers\.authorization\)$/m);
      assert.ok(!giftCards.includes(LITERAL) && !giftCards.includes(SECRET_VALUE), giftCards);
    });

    it('fills the stored value in only when a run sends the request (so it is in SecretStorage)', async function () {
      if (!vscode.workspace.isTrusted) this.skip(); // runs are disabled in Restricted Mode (run.test.ts covers that)
      const { received, view } = await ensureSecretRun();
      assert.equal(received.length, 1, 'the local API got one request');
      assert.ok(received[0].authorization === `Bearer ${SECRET_VALUE}`, 'the request carried the stored secret in Authorization (value not printed)');
      assert.equal(view?.ai.status, 200);
      assert.equal(view?.ai.body, '{"pong":true}');
      assert.ok(!JSON.stringify(view).includes(SECRET_VALUE), 'the run view (webview, history) holds no secret value');
    });

    it('leaves the value in no file of the workspace, the extension\'s storage or the code-server user data', async () => {
      await ensureSecretSet();
      // The secret was also sent once (runs are disabled in Restricted Mode): its history entry must be searched too.
      if (vscode.workspace.isTrusted) await ensureSecretRun();
      const api = await extensionApi();
      const dir = harnessDir();
      // The extension's storage (run history lives in context.storageUri/history) is inside the harness dir.
      const history = api.historyFolder().path;
      assert.ok(history.startsWith(dir + path.sep), `the extension's storage ${history} is under ${dir}`);
      const historyFiles = fs.existsSync(history) ? filesUnder(history) : [];
      const searched = filesContaining(dir, SECRET_VALUE);
      console.log(`    searched ${searched.files} files (${(searched.bytes / 1024).toFixed(0)} KiB) under ${dir}, ${historyFiles.length} of them in the run history`);
      // The search works: it finds what is known to be there.
      assert.ok(filesContaining(dir, ORG_ID).hits.some((f) => f.endsWith(`${path.sep}opencx.config.json`)), 'the search finds the org id in the workspace config');
      if (vscode.workspace.isTrusted) assert.ok(filesContaining(history, 'Ping the shop API').hits.length >= 1, 'the search finds the run in the history');
      assert.ok(searched.files > 10, `a real search (${searched.files} files)`);
      assert.deepEqual(searched.hits.map((f) => path.relative(dir, f)), [], 'no file contains the secret value');
    });

    it('opencx.clearSecret makes the hover say "not set" again', async () => {
      await ensureSecretSet();
      await secretHover((t) => t.includes(': set.'), 'the secret hover to say "set"');
      await vscode.commands.executeCommand('opencx.clearSecret', SECRET);
      secretSet = false;
      const cleared = await secretHover((t) => t.includes('not set'), 'the secret hover to say "not set" after clearing');
      assert.match(cleared, /\*\*Secret `SHOP_API_TOKEN`\*\*: \*\*not set\*\*/);
      const plan = await vscode.commands.executeCommand<string>('opencx.showRequestPlan', workspaceUri(LOOK_UP_ORDER));
      assert.ok(plan.includes(`Secret ${SECRET} is not set, so this request cannot be sent yet.`), plan);
    });
  });
});
