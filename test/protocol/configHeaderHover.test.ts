// Hovers on header keys inside opencx.config.json (issue 14, "In VS Code"): where the header applies, and for each
// environment and contact which layer is sent (this one, or the one that wins over it), by the same resolution as
// the action `headers` hover; literal credentials masked; Markdown for VS Code, plain text for a plain client.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { waitForIndex } from './requests';
import { positionIn, rangeOf } from './testSupport';
import { withServer } from './withServer';

const LITERAL = 'sk_live_FAKEjaneKey0123456789';
const CONFIG = `${JSON.stringify({
  globalVariables: { Authorization: 'Bearer ${secret:SHOP_TOKEN}', 'X-Region': 'eu' },
  contacts: {
    jane: { segments: [], externalId: 'cus_1', headers: { 'X-Region': 'eu-jane', Authorization: `Bearer ${LITERAL}` } },
    bob: { segments: [], externalId: 'cus_2' },
  },
  environments: { staging: { globalVariables: { 'X-Region': 'eu-staging' } }, production: {} },
}, null, 2)}\n`;

function contentsOf(hover: Hover | null): { kind: string; value: string } {
  assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents, 'a MarkupContent hover');
  return hover.contents;
}

describe('hovers on header keys in opencx.config.json', () => {
  let uri: string;
  const server = withServer({ workspace: true }, async () => {
    uri = server.workspace.write('opencx.config.json', CONFIG);
    await waitForIndex(server.client);
    await server.client.open(uri, CONFIG);
    await server.client.diagnosticsForCurrentVersion(uri);
  });
  /** The link a row gives to where `needle` is written, labelled with its JSON path. */
  const link = (needle: string, jsonPath: string) => `([opencx.config.json › ${jsonPath}](${uri}#L${rangeOf(CONFIG, needle).start.line + 1}))`;
  const hoverAt = async (needle: string) => contentsOf(await server.client.hover(uri, positionIn(CONFIG, needle, 2)));

  it('a top-level global variable: where it applies, then who gets it in each environment and for each contact', async () => {
    const { kind, value } = await hoverAt('"X-Region": "eu"');
    assert.equal(kind, 'markdown');
    assert.equal(value, [
      '**Header `X-Region`** · Sent from here for 2 of 6 environment and contact pairs.',
      '',
      'A global variable: sent as a header with every action of this organisation, to every contact, in every environment that does not overlay it.',
      '',
      `- environment \`staging\`, contact \`jane\`: overridden by the contact (widget) header \`X-Region: eu-jane\` ${link('"X-Region": "eu-jane"', 'contacts.jane.headers.X-Region')}`,
      `- environment \`staging\`, contact \`bob\`: overridden by the global variable \`X-Region: eu-staging\` ${link('"X-Region": "eu-staging"', 'environments.staging.globalVariables.X-Region')}`,
      `- environment \`staging\`, an anonymous visitor: overridden by the global variable \`X-Region: eu-staging\` ${link('"X-Region": "eu-staging"', 'environments.staging.globalVariables.X-Region')}`,
      `- environment \`production\`, contact \`jane\`: overridden by the contact (widget) header \`X-Region: eu-jane\` ${link('"X-Region": "eu-jane"', 'contacts.jane.headers.X-Region')}`,
      '- environment `production`, contact `bob`: **sent** from here',
      '- environment `production`, an anonymous visitor: **sent** from here',
      '',
      '',
    ].join('\n') + value.slice(value.indexOf('An action\'s own')));
    assert.match(value, /An action's own `headers` entry of the same name wins over a global variable\. Precedence/);
  });

  it('a contact header: sent for that contact in every environment; a literal credential is masked', async () => {
    const { value } = await hoverAt('"Authorization": "Bearer sk_live');
    assert.ok(value.startsWith('**Header `Authorization`** · Sent from here for 2 of 2 environment and contact pairs.\n\nA contact (widget) header: sent with every action when the contact is `jane`, in every environment that does not overlay it.'), value);
    assert.ok(!value.includes(LITERAL), 'the literal is never shown');
    const global = (await hoverAt('"Authorization": "Bearer ${secret')).value;
    assert.match(global, /contact `jane`: overridden by the contact \(widget\) header `Authorization: [^`]*•[^`]*`/);
    assert.ok(!global.includes(LITERAL), 'masked where it overrides, too');
    assert.match(global, /contact `bob`: \*\*sent\*\* from here/);
  });

  it('an environment overlay applies in its environment only', async () => {
    const { value } = await hoverAt('"X-Region": "eu-staging"');
    assert.ok(value.includes('in environment `staging` only (laid over the top-level settings)'), value);
    assert.match(value, /Sent from here for 2 of 3 /);
  });

  it('a key that is not a header (a contact\'s externalId) gets no header hover', async () => {
    const hover = await server.client.hover(uri, positionIn(CONFIG, '"externalId": "cus_2"', 2));
    assert.ok(!JSON.stringify(hover?.contents ?? '').includes('Header'), JSON.stringify(hover));
  });

  it('a plain-text client gets the same explanation without Markdown marks', async () => {
    const plain = await LspClient.start([server.workspace.folder], { mode: 'minimal' });
    try {
      await waitForIndex(plain);
      await plain.open(uri, CONFIG);
      const { kind, value } = contentsOf(await plain.hover(uri, positionIn(CONFIG, '"X-Region": "eu"', 2)));
      assert.equal(kind, 'plaintext');
      assert.ok(value.startsWith('Header X-Region · Sent from here for 2 of 6 environment and contact pairs.'), value);
      assert.ok(value.includes('environment production, contact bob: sent from here'), value);
      assert.ok(!value.includes('`') && !value.includes('**'), value);
    } finally {
      await plain.stop();
    }
  });
});
