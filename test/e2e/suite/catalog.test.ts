import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CatalogRenderedSummary } from '../../../client/src/catalog/messages';
import type { ActionNode, GroupNode } from '../../../client/src/catalog/actionsTree';
import type { ExtensionApi } from '../../../client/src/extension';
import { extensionApi, waitFor, workspaceUri } from './util';

/** The last summary the page rendered that satisfies `predicate`, after the `from`-th one. */
function rendered(api: ExtensionApi, what: string, predicate: (s: CatalogRenderedSummary) => boolean, from = 0): Promise<CatalogRenderedSummary> {
  return waitFor(() => api.catalog.renderedSummaries().slice(from).filter(predicate).at(-1), what);
}

/** The matrix row of an action (its first cell is the action's name), as a map from contact to cell text. */
function row(summary: CatalogRenderedSummary, action: string): Record<string, string> {
  const [header, ...rows] = summary.matrix;
  const found = rows.find((r) => r[0] === action);
  assert.ok(found, `a matrix row for ${action}: ${JSON.stringify(summary.matrix)}`);
  return Object.fromEntries(header.slice(1).map((contact, i) => [contact, found[i + 1]]));
}

describe('what the AI is offered (issue 10)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
  });

  it('opens the view; switching contact and channel in its pickers changes the tool list and the matrix', async () => {
    await vscode.commands.executeCommand('opencx.showCatalog');
    const first = await rendered(api, 'the catalog to render', (s) => s.functions.length > 0);
    assert.match(first.tokensText, /^\d+ tools · \d+ tokens of a 2000-token budget/);
    assert.deepEqual(JSON.parse(first.toolsJson).map((t: { function: { name: string } }) => t.function.name), first.functions, 'the copyable JSON is the list shown');
    assert.equal(first.elementsInDescriptions, 0, 'descriptions are text');

    let count = api.catalog.renderedSummaries().length;
    api.catalog.choose('anonymous-visitor', 'widget');
    const visitor = await rendered(api, 'the anonymous visitor\'s list', (s) => s.contact === 'anonymous-visitor' && s.channel === 'widget', count);
    assert.ok(visitor.functions.includes('search_help_center'), visitor.functions.join());
    for (const hidden of ['look_up_order', 'refund_order', 'change_shipping_address']) assert.ok(!visitor.functions.includes(hidden), hidden);
    assert.ok(visitor.hidden.includes('Refund order: segment'), visitor.hidden.join());
    assert.deepEqual(row(visitor, 'Refund order'), { 'anonymous-visitor': '— segment', 'jane-vip': '✓', 'bob-customer': '— segment', '(anonymous)': '— segment' });
    assert.ok(visitor.reasons.some((r) => r.includes('restricted to vip; contact "bob-customer" is only in customers')), 'the reason is on hover');

    count = api.catalog.renderedSummaries().length;
    api.catalog.choose('bob-customer', 'email');
    const email = await rendered(api, 'bob on email', (s) => s.contact === 'bob-customer' && s.channel === 'email', count);
    assert.ok(email.functions.includes('resend_invoice') && email.functions.includes('look_up_order'), email.functions.join());
    assert.ok(!email.functions.includes('refund_order'));
    assert.ok(email.hidden.includes('Refund order: channel'));
    assert.equal(row(email, 'Refund order')['jane-vip'], '— channel');
    assert.equal(row(email, 'Resend invoice')['bob-customer'], '✓');
  });

  it('the OpenCX Actions view groups by tag or segment, and Show in catalog highlights the action', async () => {
    await api.actionsTree.setGrouping('tag');
    const byTag = (await api.actionsTree.getChildren()) as GroupNode[];
    const labels = byTag.map((g) => g.key);
    for (const tag of ['help', 'orders', 'payments', 'shipping']) assert.ok(labels.includes(tag), labels.join());
    const orders = byTag.find((g) => g.key === 'orders')!;
    const items = (await api.actionsTree.getChildren(orders)) as ActionNode[];
    assert.ok(items.some((i) => i.item.name === 'Resend invoice'));

    await api.actionsTree.setGrouping('segment');
    const bySegment = (await api.actionsTree.getChildren()) as GroupNode[];
    const vip = bySegment.find((g) => g.key === 'vip');
    assert.deepEqual(vip?.actions.map((a) => a.name), ['Refund order']);
    assert.ok(bySegment.some((g) => g.key === '(every contact)' && g.actions.some((a) => a.name === 'Search help center')));
    const broken = bySegment.flatMap((g) => g.actions).find((a) => a.name === 'Track parcel');
    assert.equal(broken?.errors, 1, 'problems are counted');

    const refund = ((await api.actionsTree.getChildren(vip)) as ActionNode[])[0];
    const count = api.catalog.renderedSummaries().length;
    api.catalog.choose('jane-vip', 'widget');
    await rendered(api, 'jane on the widget', (s) => s.contact === 'jane-vip' && s.channel === 'widget', count);
    const before = api.catalog.renderedSummaries().length;
    await vscode.commands.executeCommand('opencx.showCatalog', refund);
    const focused = await rendered(api, 'the refund highlighted', (s) => s.focused === 'refund_order', before);
    assert.equal(focused.contact, 'jane-vip');
    assert.equal(refund.resourceUri?.toString(), workspaceUri('actions/refund-order.action.json').toString());
  });
});
