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
  },
  'Light+': {
    foreground: '#616161', 'editor-background': '#ffffff', descriptionForeground: '#717171', 'badge-background': '#c4c4c4',
    'badge-foreground': '#333333', errorForeground: '#a1260d', 'editorWarning-foreground': '#bf8803', 'button-background': '#007acc',
    'button-foreground': '#ffffff', 'button-hoverBackground': '#0062a3', focusBorder: '#0090f1', 'textBlockQuote-background': '#7f7f7f1a',
    'textCodeBlock-background': '#dcdcdc66', 'panel-border': '#80808059', 'toolbar-hoverBackground': '#b8b8b850', 'testing-iconPassed': '#73c991',
  },
};

const FONTS = { 'font-family': 'sans-serif', 'font-size': '13px', 'editor-font-family': 'monospace', 'editor-font-size': '14px' };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** The page of client/src/run/panel.ts, with the stylesheet and script inlined and the theme's variables set. */
function pageHtml(theme: keyof typeof THEMES): string {
  const variables = Object.entries({ ...THEMES[theme], ...FONTS }).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ');
  const css = fs.readFileSync(path.join(ROOT, 'media/run.css'), 'utf8');
  const panel = fs.readFileSync(path.join(ROOT, 'client/src/run/panel.ts'), 'utf8');
  const body = /const RUN_BODY = `([\s\S]*?)`;/.exec(panel)?.[1] ?? '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>OpenCX run</title>
<style>html { ${variables} }\n${css}</style></head><body>${body}
<script>window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });</script>
<script>${fs.readFileSync(path.join(ROOT, 'dist/webview/run.js'), 'utf8')}</script></body></html>`;
}

export async function openRunPage(browser: Browser, theme: keyof typeof THEMES, width = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent(pageHtml(theme));
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
