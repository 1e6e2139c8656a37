/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The catalog page ("What the AI is offered") as a person meets it, in headless Chromium with VS Code's Dark+ and
// Light+ colours, showing the view the language server builds for the example workspace: axe-core finds no WCAG 2.1
// A/AA violation; the page is not a live region, one permanent status element gets a one-line summary after each
// render; every table has a caption and header cells.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Workspace } from '../../server/src/engine';
import { catalogView } from '../../server/src/lsp/catalogRequests';
import type { CatalogParams, CatalogView } from '../../server/src/protocol';
import { axeViolations, CATALOG_PAGE, launch, openRunPage, ROOT, THEMES } from './runPage';

/** The example workspace as the language server indexes it (ids are file URIs). */
function exampleWorkspace(): Workspace {
  const workspace = new Workspace();
  const folder = path.join(ROOT, 'examples');
  const files = [path.join(folder, 'opencx.config.json'), ...fs.readdirSync(path.join(folder, 'actions')).filter((f) => f.endsWith('.action.json')).map((f) => path.join(folder, 'actions', f))];
  for (const file of files) workspace.set(pathToFileURL(file).toString(), fs.readFileSync(file, 'utf8'));
  return workspace;
}

type Posted = { type: string; summary?: { announced: string; contact: string; channel: string } };

/** Posts a view as the extension does and waits for the page's `rendered` report; returns it. */
async function show(page: Page, view: CatalogView): Promise<{ announced: string; contact: string; channel: string }> {
  const count = () => page.evaluate(() => (window as unknown as { posted: Posted[] }).posted.filter((m) => m.type === 'rendered').length);
  const before = await count();
  await page.evaluate((v) => window.postMessage({ type: 'show', view: v }, '*'), view as unknown as Record<string, unknown>);
  await page.waitForFunction((n) => (window as unknown as { posted: Posted[] }).posted.filter((m) => m.type === 'rendered').length > n, before);
  return page.evaluate(() => (window as unknown as { posted: Posted[] }).posted.filter((m) => m.type === 'rendered').pop()!.summary!);
}

describe('the catalog page', () => {
  let browser: Browser;
  const workspace = exampleWorkspace();
  const view = (params: CatalogParams) => catalogView(workspace, params);
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
    for (const contact of ['jane-vip', null] as const) {
      test(`${theme}, ${contact ?? 'anonymous visitor'}: no WCAG 2.1 A/AA violation (axe-core)`, async () => {
        const page = await openRunPage(browser, theme, 900, CATALOG_PAGE);
        await show(page, await view({ contact, channel: 'widget' }));
        assert.deepEqual(await axeViolations(page), []);
        if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, `catalog-${theme.replace('+', 'plus')}-${contact ?? 'anonymous'}.png`), fullPage: true });
        await page.close();
      });
    }
  }

  test('one permanent status element announces a one-line summary after each render; <main> is not a live region', async () => {
    const page = await openRunPage(browser, 'Dark+', 900, CATALOG_PAGE);
    const jane = await view({ contact: 'jane-vip', channel: 'widget' });
    assert.ok(jane.tools.length > 0 && jane.hidden.length > 0, 'the example offers jane some actions and hides others');
    const first = await show(page, jane);
    assert.equal(first.announced, `jane-vip on widget: ${jane.tools.length} tools offered, ${jane.hidden.length} not offered, ${jane.tokens} tokens`);
    const anonymous = await view({ contact: null, channel: 'widget' });
    const second = await show(page, anonymous);
    assert.equal(second.announced, `anonymous visitor on widget: ${anonymous.tools.length} tool${anonymous.tools.length === 1 ? '' : 's'} offered, ${anonymous.hidden.length} not offered, ${anonymous.tokens} tokens`);
    assert.notEqual(second.announced, first.announced);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[role=status]').length), 1, 'one status region');
    assert.equal(await page.evaluate(() => document.querySelectorAll('[aria-live]').length), 0, 'no other live region');
    assert.equal(await page.evaluate(() => document.getElementById('announce')?.closest('main') ?? null), null, 'the status element is outside the re-rendered main');
    await page.close();
  });

  test('every table has a caption, column headers and row headers', async () => {
    const page = await openRunPage(browser, 'Light+', 900, CATALOG_PAGE);
    await show(page, await view({ contact: 'jane-vip', channel: 'widget' }));
    const tables = await page.evaluate(() => [...document.querySelectorAll('table')].map((t) => ({
      id: t.id || t.className,
      caption: t.querySelector('caption')?.textContent ?? '',
      columnHeaders: t.querySelectorAll('thead th[scope=col]').length,
      rowsWithoutHeader: [...t.querySelectorAll('tbody tr')].filter((tr) => !tr.querySelector('th[scope=row]')).length,
    })));
    assert.ok(tables.some((t) => t.id === 'coverage') && tables.some((t) => t.id === 'parameters'), JSON.stringify(tables));
    for (const table of tables) {
      assert.ok(table.caption.length > 10, `${table.id} has a caption`);
      assert.ok(table.columnHeaders >= 2, `${table.id} has column headers`);
      assert.equal(table.rowsWithoutHeader, 0, `${table.id}: every row has a row header`);
    }
    await page.close();
  });
});
