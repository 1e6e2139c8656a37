/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The run page as a person meets it, in headless Chromium with VS Code's Dark+ and Light+ colours: axe-core finds no
// WCAG 2.1 A/AA violation; a re-run keeps focus on the control that had it, scrolls the new status into view and
// announces one line; names and sources never wrap mid-word at half width; the request line reflows at 320 px.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { toRunView, type RunView } from '../../client/src/run/view';
import type { ExecutionResult } from '../../server/src/engine/execute';
import { axeViolations, launch, openRunPage, show, THEMES } from './runPage';

function result(status: number, body: string, changes: Partial<ExecutionResult> = {}): ExecutionResult {
  return {
    outcome: status >= 400 ? 'http-error' : 'success',
    ai: { status, body },
    request: {
      method: 'GET',
      url: 'https://api.acme-shop.example/v1/orders/10452?fields=status%2Ccarrier%2Ctracking_number&expand=items',
      headers: [
        { name: 'User-Agent', value: 'OpenCX', source: 'default', shadowed: [] },
        { name: 'Accept', value: 'application/json', source: 'action', shadowed: [] },
        { name: 'Authorization', value: 'Bearer ${secret:SHOP_API_TOKEN}', source: 'globalVariable', shadowed: [] },
        { name: 'X-Shop-Region', value: 'eu-demo', source: 'globalVariable', shadowed: [{ source: 'globalVariable', value: 'eu' }] },
        { name: 'X-Customer-Tier', value: 'gold', source: 'contact', shadowed: [] },
        { name: 'x-opencx-external-user-id', value: 'cus_1001', source: 'context', shadowed: [] },
      ],
      body: null,
    },
    response: { status, statusText: status === 200 ? 'OK' : 'Not Found', headers: [{ name: 'content-type', value: 'application/json' }], bytes: body.length, tokens: 12, tokensEstimated: false, timing: { connectMs: 3, firstByteMs: 9, totalMs: 11, connectionReused: false } },
    redirects: [], error: null, sent: true, timeoutMs: 60000, visibleToContact: true, differsFromOpenCX: false, notes: [],
    ...changes,
  };
}

const CONFIG = '/w/examples/opencx.config.json';
const PLAN = { headers: [
  { name: 'Authorization', value: '', source: 'globalVariable' as const, shadowed: [], location: { file: CONFIG, path: ['globalVariables', 'Authorization'] } },
  { name: 'X-Shop-Region', value: '', source: 'globalVariable' as const, shadowed: [], location: { file: CONFIG, path: ['environments', 'local-demo', 'globalVariables', 'X-Shop-Region'] } },
  { name: 'X-Customer-Tier', value: '', source: 'contact' as const, shadowed: [], location: { file: CONFIG, path: ['contacts', 'jane-vip', 'headers', 'X-Customer-Tier'] } },
] };
const META = { actionName: 'Look up order', environment: 'local-demo', contact: 'jane-vip', ranAt: new Date('2026-12-03T10:00:00Z'), curl: 'curl …', tokenBudget: 4000, plan: PLAN };

const VIEWS: Record<string, RunView> = {
  success: toRunView(result(200, '{"id":10452,"status":"shipped","carrier":"DHL","tracking_number":"JD014600006281234567"}'), META),
  notFound: toRunView(result(404, 'order 999 not found'), META),
  refused: toRunView(result(0, '', { outcome: 'refused', sent: false, ai: { status: null, body: '' }, error: { code: 'INSECURE_URL', message: 'Not sent: OpenCX never calls http:// endpoints.' } }), META),
  notOffered: toRunView(result(403, 'forbidden', { visibleToContact: false, notes: ['OpenCX would not offer this action to the active contact (restricted to vip), so its AI could not call it; sent anyway for testing.'] }), META),
};

describe('the run page', () => {
  let browser: Browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
    for (const [name, view] of Object.entries(VIEWS)) {
      test(`${theme}, ${name}: no WCAG 2.1 A/AA violation (axe-core)`, async () => {
        const page = await openRunPage(browser, theme);
        await show(page, view);
        assert.deepEqual(await axeViolations(page), []);
        if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, `run-${theme.replace('+', 'plus')}-${name}.png`), fullPage: true });
        await page.close();
      });
    }
  }

  test('Run again: focus stays on it, the page scrolls back to the new status, one line is announced', async () => {
    const page = await openRunPage(browser, 'Dark+', 900);
    await show(page, VIEWS.notFound);
    assert.equal(await page.evaluate(() => document.querySelector('main')?.getAttribute('aria-live') ?? null), null, 'the page is not a live region');
    await page.focus('#btn-rerun');
    await page.keyboard.press('Enter');
    assert.ok(await page.evaluate(() => (window as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'rerun')), 'Enter on Run again asks for a run');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const summary = await show(page, VIEWS.success);
    assert.equal(summary.focused, 'btn-rerun');
    assert.equal(summary.announced, 'Look up order: status 200, answered');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[role=status]').length), 1, 'one status region');
    await page.close();
  });

  test('a run that was not sent leads with the reason: no empty body box, no "0 bytes"', async () => {
    const page = await openRunPage(browser, 'Light+');
    const summary = await show(page, VIEWS.refused);
    assert.equal(summary.announced, 'Look up order: no status, not sent');
    const text = await page.evaluate(() => document.querySelector('main section')?.textContent ?? '');
    assert.match(text, /^Not sent/);
    assert.match(text, /OpenCX never calls http:\/\//);
    assert.doesNotMatch(text, /0 B|0 tokens/);
    await page.close();
  });

  test('"not offered to this contact" is said once on the page', async () => {
    const page = await openRunPage(browser, 'Light+');
    await show(page, VIEWS.notOffered);
    const text = await page.evaluate(() => document.body.innerText);
    assert.equal(text.match(/would not offer this action/g)?.length, 1, text);
    await page.close();
  });

  test('a one-view body has no tab list; a JSON body has two tabs', async () => {
    const page = await openRunPage(browser, 'Dark+');
    await show(page, VIEWS.notFound);
    assert.equal(await page.locator('[role=tablist]').count(), 0);
    await show(page, VIEWS.success);
    assert.equal(await page.locator('[role=tab]').count(), 2);
    await page.close();
  });

  // 660 px: the run panel beside an editor in a 1400 px window (what the e2e screenshot shows); 480 and 320: narrower.
  test('at half width and below, header names, sources and short values never break mid-word; at 320 px the request line reflows', async () => {
    for (const width of [800, 660, 480, 450, 320]) {
      const page = await openRunPage(browser, 'Dark+', width);
      await show(page, VIEWS.success);
      const broken = await page.evaluate(() => {
        const out: string[] = [];
        // A value longer than a line (a JWT) may break anywhere; one that fits on a line of its cell must not.
        for (const cell of document.querySelectorAll('#request-headers th.name, #request-headers td.source, #request-headers td.value')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index ?? 0);
              range.setEnd(node, (match.index ?? 0) + match[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1 && match[0].length <= 28) out.push(match[0]);
            }
          }
        }
        return out;
      });
      assert.deepEqual(broken, [], `words broken across lines at ${width} px`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `no horizontal scrolling at ${width} px`);
      if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, `run-${width}px.png`), fullPage: true });
      await page.close();
    }
  });

  test('each source names its file and JSON path, as the hover does', async () => {
    const page = await openRunPage(browser, 'Dark+');
    await show(page, VIEWS.success);
    const sources = await page.locator('#request-headers td.source').allTextContents();
    assert.ok(sources.includes('global variable · opencx.config.json › environments.local-demo.globalVariables.X-Shop-Region'), sources.join('\n'));
    await page.close();
  });
});
