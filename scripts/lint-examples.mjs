#!/usr/bin/env node
// `npm run examples`: lints examples/ with the built CLI and shows the result. The examples hold exactly one
// deliberately broken file (see examples/README.md), so the CLI's exit code 1 is the expected outcome here;
// anything else (no error, an error elsewhere, exit 2) fails this script.
import { spawnSync } from 'node:child_process';

const run = spawnSync(process.execPath, ['dist/cli.js', 'lint', 'examples'], { stdio: 'inherit' });
const json = spawnSync(process.execPath, ['dist/cli.js', 'lint', 'examples', '--format', 'json'], { encoding: 'utf8' });
const errors = JSON.parse(json.stdout || '[]').filter((f) => f.severity === 'error');
const onlyTheBrokenFile = errors.length > 0 && errors.every((f) => f.file.startsWith('examples/broken/'));
if (run.status === 1 && onlyTheBrokenFile) {
  console.log('\nAs expected: the only errors are in examples/broken/, the deliberately broken example (see examples/README.md).');
  process.exit(0);
}
console.error(`\nUnexpected result (exit ${run.status}): the examples should fail only in examples/broken/.`);
process.exit(1);
