#!/usr/bin/env node
// Renders docs/images/icon.svg to media/icon.png (256×256, the Marketplace's icon) in headless Chromium, so the PNG
// committed beside the SVG is always the SVG's rendering: `npm run icon` after editing the SVG.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'docs/images/icon.svg');
const TARGET = path.join(ROOT, 'media/icon.png');
const SIZE = 256;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  const svg = fs.readFileSync(SOURCE, 'utf8');
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: TARGET, omitBackground: true });
  console.log(`wrote ${path.relative(ROOT, TARGET)} (${SIZE}×${SIZE}) from ${path.relative(ROOT, SOURCE)}`);
} finally {
  await browser.close();
}
