// Header provenance over the real protocol (issue 4): the hovers' rendered Markdown (the winner and where it is
// written, the shadowed values struck through, secrets masked), how it follows opencx/activeSelection and
// opencx/secretNames, the audience of restrictedToSegments, and go to definition into opencx.config.json.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, LocationLink, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { definition, setSecretNames, setSelection, waitForIndex } from './requests';
import { TempWorkspace } from './tempWorkspace';
import { offsetOf, positionAt, positionIn, rangeOf } from './testSupport';
import { withServer } from './withServer';

const ACTION = 'refund-order.action.json';
const CONFIG = 'opencx.config.json';
const ACTION_TEXT = TempWorkspace.fixtureText('provenance', ACTION);
const CONFIG_TEXT = TempWorkspace.fixtureText('provenance', CONFIG);
const LITERAL_CREDENTIAL = 'sk_live_FAKEnotARealKey0123456';
/** In the server's environment: a value the server must never show, wherever it might look for secrets. */
const SECRET_VALUE = 'tok-9f8e7d6c5b4a3210';

function markdownOf(hover: Hover | null): string {
  assert.ok(hover && !Array.isArray(hover.contents) && typeof hover.contents === 'object' && 'kind' in hover.contents, 'a MarkupContent hover');
  assert.equal(hover.contents.kind, 'markdown');
  return hover.contents.value;
}

/** The range of the key `needle` starts with, inside the only occurrence of `needle` (`"X-Region": "eu"`). */
function keyRange(text: string, needle: string) {
  const start = offsetOf(text, needle);
  const key = needle.slice(0, needle.indexOf('"', 1) + 1);
  return { start: positionAt(text, start), end: positionAt(text, start + key.length) };
}

const shadowed = (p: PublishDiagnosticsParams): string[] => p.diagnostics.filter((d) => d.code === 'header-shadowed').map((d) => String(d.message).split('"')[1]);

describe('header provenance hovers and definitions', () => {
  let action: string;
  let config: string;
  /** The link a hover gives to the line of `needle` in opencx.config.json. */
  const configLink = (needle: string) => `${config}#L${rangeOf(CONFIG_TEXT, needle).start.line + 1}`;
  const hoverAt = async (needle: string, delta = 2) => markdownOf(await server.client.hover(action, positionIn(ACTION_TEXT, needle, delta)));

  const server = withServer({ workspace: 'provenance', env: { ...process.env, OPENCX_SECRET_TOKEN: SECRET_VALUE, OPENCX_SECRET_OLD_TOKEN: SECRET_VALUE } }, async () => {
    action = server.workspace.uri(ACTION);
    config = server.workspace.uri(CONFIG);
    await waitForIndex(server.client); // the config is read from disk: a hover before that would not know it
    await server.client.open(action, ACTION_TEXT);
    await server.client.diagnosticsForCurrentVersion(action);
  });

  it('on a header name: the winner with its source and config location, the action\'s value struck through', async () => {
    const text = await hoverAt('"x-region"');
    assert.ok(text.startsWith('**Header `x-region`** · environment `staging`, contact `jane-vip`'), text);
    assert.ok(text.includes(`Sent: \`eu-staging\` from the global variable \`X-Region\` ([opencx.config.json › environments.staging.globalVariables.X-Region](${configLink('"X-Region": "eu-staging"')}))`), text);
    assert.ok(text.includes('Shadowed (written, never sent):'), text);
    assert.ok(text.includes(`- ~~\`us\`~~ from the action header \`x-region\` ([refund-order.action.json › headers.x-region](${action}#L8))`), text);
    assert.ok(text.includes('Precedence (our assumption; OpenCX does not document it): default < action header < global variable < contact (widget) header < context header.'), text);
    assert.equal(await hoverAt('"us"', 1), text, 'the same hover on the header\'s value');
  });

  it('a contact header wins over the action\'s, and a secret reference is shown as a reference', async () => {
    const tier = await hoverAt('"x-tier"');
    assert.ok(tier.includes(`Sent: \`gold\` from the contact (widget) header \`X-Tier\` ([opencx.config.json › contacts.jane-vip.headers.X-Tier](${configLink('"X-Tier": "gold"')}))`), tier);
    assert.ok(tier.includes('- ~~`silver`~~ from the action header `x-tier`'), tier);
    const authorization = await hoverAt('"authorization"');
    assert.ok(authorization.includes('Sent: `Bearer ${secret:TOKEN}` from the global variable `Authorization`'), authorization);
    assert.ok(authorization.includes('- ~~`Bearer ${secret:OLD_TOKEN}`~~ from the action header `authorization`'), authorization);
  });

  it('a literal credential is masked (••••••) in the header hover and in the headers overview', async () => {
    const key = await hoverAt('"X-Api-Key"');
    assert.ok(key.includes('Sent: `••••••` from the action header `X-Api-Key`'), key);
    const overview = await hoverAt('"headers"');
    assert.ok(overview.includes('- `X-Api-Key: ••••••`'), overview);
    for (const shown of [key, overview]) assert.ok(!shown.includes(LITERAL_CREDENTIAL.slice(8)), shown);
  });

  it('on the "headers" key: every header sent, grouped by source, with what each replaces', async () => {
    const text = await hoverAt('"headers"');
    assert.ok(text.startsWith('**Headers this action is sent with** · environment `staging`, contact `jane-vip`'), text);
    const sections = ['**default**', '**action header**', '**global variable**', '**contact (widget) header**', '**context header**'];
    const at = sections.map((s) => text.indexOf(`\n${s}\n`));
    assert.ok(at.every((i, n) => i > 0 && (n === 0 || i > at[n - 1])), `sections in precedence order: ${at.join(', ')}\n${text}`);
    const lines = text.split('\n');
    const line = (prefix: string) => lines.find((l) => l.startsWith(prefix)) ?? assert.fail(`no line ${prefix} in\n${text}`);
    assert.equal(line('- `User-Agent'), '- `User-Agent: OpenCX`');
    assert.equal(line('- `Authorization'), `- \`Authorization: Bearer \${secret:TOKEN}\` ([opencx.config.json › globalVariables.Authorization](${configLink('"Authorization"')})); replaces ~~\`Bearer \${secret:OLD_TOKEN}\`~~ (action header)`);
    assert.ok(line('- `X-Tier: gold`').endsWith('replaces ~~`silver`~~ (action header)'));
    assert.ok(line('- `x-opencx-org-id: 3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71`').includes('opencx.config.json › contextHeaders.orgId'));
    assert.match(line('- `x-opencx-session-id: '), /^- `x-opencx-session-id: [0-9a-f-]{36}`/);
    assert.ok(line('- `x-opencx-external-user-id: cus_1001`'));
    assert.ok(line('- `Accept: application/json`'));
  });

  it('on ${secret:…}: "not set" until opencx/secretNames names it, then "set"; never a value', async () => {
    const before = await hoverAt('${secret:OLD_TOKEN}', 4);
    assert.ok(before.startsWith('**Secret `OLD_TOKEN`**: **not set**.'), before);
    await server.client.open(config, CONFIG_TEXT);
    const inConfig = () => server.client.hover(config, positionIn(CONFIG_TEXT, '${secret:TOKEN}', 4)).then(markdownOf);
    assert.ok((await inConfig()).startsWith('**Secret `TOKEN`**: **not set**.'));

    server.client.mark(action);
    await setSecretNames(server.client, ['TOKEN']);
    const set = await inConfig();
    assert.ok(set.startsWith('**Secret `TOKEN`**: set. The value is never shown'), set);
    assert.ok((await hoverAt('${secret:OLD_TOKEN}', 4)).includes('**not set**'), 'only the named secret is set');
    // The names also feed `unknown-secret`: OLD_TOKEN is now known to be missing.
    const published = await server.client.waitForDiagnostics(action, (p) => p.diagnostics.some((d) => d.code === 'unknown-secret'));
    assert.deepEqual(published.diagnostics.filter((d) => d.code === 'unknown-secret').map((d) => d.range), [rangeOf(ACTION_TEXT, '${secret:OLD_TOKEN}')]);

    await setSecretNames(server.client, ['TOKEN', 'OLD_TOKEN']);
    assert.ok((await hoverAt('${secret:OLD_TOKEN}', 4)).startsWith('**Secret `OLD_TOKEN`**: set.'));
    for (const shown of [before, set]) assert.ok(!shown.includes(SECRET_VALUE));
    await server.client.close(config);
  });

  it('opencx/activeSelection changes the winner in the hovers and the header-shadowed diagnostics', async () => {
    assert.deepEqual(shadowed(server.client.publicationsFor(action).at(-1)!), ['authorization', 'x-region', 'x-tier'], 'jane-vip in staging');
    server.client.mark(action);
    await setSelection(server.client, { environment: 'production', contact: 'bob-customer' });
    const published = await server.client.waitForDiagnostics(action, (p) => !shadowed(p).includes('x-tier'));
    assert.deepEqual(shadowed(published), ['authorization', 'x-region']);
    assert.equal(published.version, server.client.version(action));

    const region = await hoverAt('"x-region"');
    assert.ok(region.startsWith('**Header `x-region`** · environment `production`, contact `bob-customer`'), region);
    assert.ok(region.includes(`Sent: \`eu\` from the global variable \`X-Region\` ([opencx.config.json › globalVariables.X-Region](${configLink('"X-Region": "eu"')}))`), region);
    const tier = await hoverAt('"x-tier"');
    assert.ok(tier.includes('Sent: `silver` from the action header `x-tier`'), tier);
    assert.ok(!tier.includes('Shadowed'), tier);
    const overview = await hoverAt('"headers"');
    assert.ok(overview.includes('`x-opencx-external-user-id: cus_2002`') && !overview.includes('X-Tier: gold'), overview);

    server.client.mark(action);
    await setSelection(server.client, {});
    await server.client.waitForDiagnostics(action, (p) => shadowed(p).includes('x-tier'));
    assert.ok((await hoverAt('"x-tier"')).includes('Sent: `gold`'), 'back to the defaults: jane-vip in staging');
  });

  it('on restrictedToSegments and on a segment: which test contacts see the action', async () => {
    const audience = await hoverAt('"restrictedToSegments"');
    assert.ok(audience.startsWith('**Who is offered this action** · environment `staging`'), audience);
    assert.ok(audience.includes('Restricted to `vip`'), audience);
    assert.ok(audience.includes('- `jane-vip` sees it: in vip'), audience);
    assert.ok(audience.includes('- `bob-customer` does **not** see it: only in customers'), audience);
    assert.ok(audience.includes('- `anonymous-visitor` does **not** see it: anonymous (no externalId)'), audience);
    const segment = await hoverAt('"vip"]', 2);
    assert.ok(segment.startsWith('**Segment `vip`**'), segment);
    assert.ok(segment.includes('Defined in opencx.config.json `segments`. Test contacts in it: `jane-vip`.'), segment);
    assert.ok(segment.includes('- `jane-vip` sees it'), segment);
  });

  it('go to definition on a header: the config entry that supplies it, for the active selection', async () => {
    const definitionAt = async (needle: string) => (await definition(server.client, action, positionIn(ACTION_TEXT, needle, 2))) as LocationLink[];
    const links = await definitionAt('"authorization"');
    assert.deepEqual(links, [{
      targetUri: config,
      targetRange: keyRange(CONFIG_TEXT, '"Authorization": "Bearer'),
      targetSelectionRange: keyRange(CONFIG_TEXT, '"Authorization": "Bearer'),
      originSelectionRange: rangeOf(ACTION_TEXT, '"authorization"'),
    }]);
    assert.deepEqual((await definitionAt('"x-region"')).map((l) => l.targetRange), [keyRange(CONFIG_TEXT, '"X-Region": "eu-staging"')]);
    assert.deepEqual((await definitionAt('"x-tier"')).map((l) => l.targetRange), [keyRange(CONFIG_TEXT, '"X-Tier": "gold"')]);
    await setSelection(server.client, { environment: 'production' });
    assert.deepEqual((await definitionAt('"x-region"')).map((l) => l.targetRange), [keyRange(CONFIG_TEXT, '"X-Region": "eu"')]);
    await setSelection(server.client, {});
    assert.deepEqual(await definitionAt('"Accept"'), [], 'only the action defines Accept');
  });
});
