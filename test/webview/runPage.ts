/// <reference lib="dom" />
// The run page (dist/webview/run.js + media/run.css) in headless Chromium, as the webview shows it: VS Code's theme
// colours as --vscode-* variables, acquireVsCodeApi() recording what the page posts, and the view posted to it.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunView } from '../../client/src/run/view';

export const ROOT = path.resolve(__dirname, '../../..');

/**
 * The colours VS Code 1.100 gives webviews for the variables media/run.css uses, from its built-in Dark+ and Light+
 * themes (the theme's value where it sets one, else the colour registry's default for that theme type).
 */
export const THEMES: Record<'Dark+' | 'Light+', Record<string, string>> = {
  'Dark+': {
    foreground: '#cccccc', 'editor-background': '#1e1e1e', descriptionForeground: '#ccccccb3', 'badge-background': '#4d4d4d',
    'badge-foreground': '#ffffff', errorForeground: '#f48771', 'editorWarning-foreground': '#cca700', 'button-background': '#0e639c',
    'button-foreground': '#ffffff', 'button-hoverBackground': '#1177bb', focusBorder: '#007fd4', 'textBlockQuote-background': '#7f7f7f1a',
    'textCodeBlock-background': '#0a0a0a66', 'panel-border': '#80808059', 'toolbar-hoverBackground': '#5a5d5e50', 'testing-iconPassed': '#73c991',
    'dropdown-background': '#3c3c3c', 'dropdown-foreground': '#f0f0f0', 'dropdown-border': '#3c3c3c', 'textLink-foreground': '#3794ff', 'textLink-activeForeground': '#3794ff',
  },
  'Light+': {
    foreground: '#616161', 'editor-background': '#ffffff', descriptionForeground: '#717171', 'badge-background': '#c4c4c4',
    'badge-foreground': '#333333', errorForeground: '#a1260d', 'editorWarning-foreground': '#bf8803', 'button-background': '#007acc',
    'button-foreground': '#ffffff', 'button-hoverBackground': '#0062a3', focusBorder: '#0090f1', 'textBlockQuote-background': '#7f7f7f1a',
    'textCodeBlock-background': '#dcdcdc66', 'panel-border': '#80808059', 'toolbar-hoverBackground': '#b8b8b850', 'testing-iconPassed': '#73c991',
    'dropdown-background': '#ffffff', 'dropdown-foreground': '#616161', 'dropdown-border': '#cecece', 'textLink-foreground': '#006ab1', 'textLink-activeForeground': '#006ab1',
  },
};

const FONTS = { 'font-family': 'sans-serif', 'font-size': '13px', 'editor-font-family': 'monospace', 'editor-font-size': '14px' };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** One of the extension's webview pages: its script bundle, stylesheet, and where its panel keeps the body markup. */
export interface PageFiles {
  script: string;
  style: string;
  /** The panel's source file, and the name of the template-literal constant holding the page body. */
  panel: string;
  bodyConstant: string;
}

export const RUN_PAGE: PageFiles = { script: 'dist/webview/run.js', style: 'media/run.css', panel: 'client/src/run/panel.ts', bodyConstant: 'RUN_BODY' };
export const CATALOG_PAGE: PageFiles = { script: 'dist/webview/catalog.js', style: 'media/catalog.css', panel: 'client/src/catalog/panel.ts', bodyConstant: 'CATALOG_BODY' };

/** A page of the extension, with the stylesheet and script inlined and the theme's variables set. */
function pageHtml(theme: keyof typeof THEMES, files: PageFiles): string {
  const variables = Object.entries({ ...THEMES[theme], ...FONTS }).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ');
  const css = fs.readFileSync(path.join(ROOT, files.style), 'utf8');
  const panel = fs.readFileSync(path.join(ROOT, files.panel), 'utf8');
  const body = new RegExp(`const ${files.bodyConstant} = \`([\\s\\S]*?)\`;`).exec(panel)?.[1];
  if (body === undefined) throw new Error(`${files.panel} has no ${files.bodyConstant} template`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>OpenCX page</title>
<style>html { ${variables} }\n${css}</style></head><body>${body}
<script>window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });</script>
<script>${fs.readFileSync(path.join(ROOT, files.script), 'utf8')}</script></body></html>`;
}

export async function openRunPage(browser: Browser, theme: keyof typeof THEMES, width = 900, files: PageFiles = RUN_PAGE): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent(pageHtml(theme, files));
  return page;
}

/** Posts a view as the extension does, and waits for the page's `rendered` report; returns it. */
export async function show(page: Page, view: RunView): Promise<{ announced: string; focused: string; status: string }> {
  const before = await page.evaluate(() => (window as unknown as { posted: { type: string }[] }).posted.filter((m) => m.type === 'rendered').length);
  await page.evaluate((v) => window.postMessage({ type: 'show', view: v }, '*'), view);
  await page.waitForFunction((n) => (window as unknown as { posted: { type: string }[] }).posted.filter((m) => m.type === 'rendered').length > n, before);
  return page.evaluate(() => {
    const rendered = (window as unknown as { posted: { type: string; summary: { announced: string; focused: string; status: string } }[] }).posted.filter((m) => m.type === 'rendered');
    return rendered[rendered.length - 1].summary;
  });
}

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A and AA violations on the page, one line per failing node. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary}`));
  });
}
