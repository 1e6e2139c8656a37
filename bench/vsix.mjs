#!/usr/bin/env node
// `npm run bench:vsix`: the size of the packaged extension. Runs `npm run package` (the production build and vsce)
// in a temporary copy of the repository, so the dev build in dist/ is left alone, then prints the .vsix's size,
// its size without dist/language-data/ (the lazily loaded language data, measured on its own), and each
// packaged file's compressed size, largest first. Target (issue 15): ≤ 1.5 MB without the language data.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_BYTES = 1.5 * 1024 * 1024;
const NOT_COPIED = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out', 'build']);
const LANGUAGE_DATA = 'extension/dist/language-data/';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-bench-vsix-'));
try {
  fs.cpSync(root, work, { recursive: true, filter: (source) => !NOT_COPIED.has(path.relative(root, source)) && !source.endsWith('.vsix') });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  const run = spawnSync('npm', ['run', 'package'], { cwd: work, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
  const vsix = path.join(work, 'opencx-actions.vsix');
  const total = fs.statSync(vsix).size;
  // unzip -v: Length Method Size Cmpr Date Time CRC-32 Name
  const entries = spawnSync('unzip', ['-v', vsix], { encoding: 'utf8' }).stdout.split('\n')
    .map((line) => /^\s*(\d+)\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\S+\s+\S+\s+(.+)$/.exec(line))
    .filter(Boolean).map(([, length, size, name]) => ({ name, length: Number(length), size: Number(size) }));
  const languageData = entries.filter((e) => e.name.startsWith(LANGUAGE_DATA)).reduce((n, e) => n + e.size, 0);
  const without = total - languageData;
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  console.log(`.vsix ${mb(total)} (${total} bytes); language data ${mb(languageData)}; without it ${mb(without)}: ${without <= TARGET_BYTES ? 'met' : 'MISSED'} (target ≤ 1.5 MB)`);
  console.log('compressed  uncompressed  file');
  for (const e of entries.sort((a, b) => b.size - a.size).slice(0, 15)) console.log(`${(e.size / 1024).toFixed(0).padStart(7)} KB  ${(e.length / 1024).toFixed(0).padStart(9)} KB  ${e.name}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
