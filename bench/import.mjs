#!/usr/bin/env node
// `npm run bench:import`: imports a generated OpenAPI 3.0 spec of 1,000 operations (BENCH_OPERATIONS overrides)
// with the bundled importer (dist/openapi.js, the code the CLI and VS Code run) and prints, per step, the median
// of BENCH_ROUNDS rounds: parsing and $ref resolution alone (swagger-parser, the peer: the library's own work),
// the whole plan (parse + mapping + re-import decisions), the lint of the result, and a re-import of the
// written files (every file unchanged). Then one cold run of the real CLI, writing the files to a temp folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const importer = require(path.join(root, 'dist/openapi.js'));

const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RESOURCES = ['order', 'customer', 'invoice', 'shipment', 'refund', 'ticket', 'product', 'coupon', 'subscription', 'payment'];

/** A spec with `count` operations over resources, four methods per path, shared schemas through $ref. */
function generateSpec(count) {
  const paths = {};
  const schemas = {};
  const methods = ['get', 'post', 'patch', 'delete'];
  for (let i = 0; paths && Object.values(paths).reduce((n, item) => n + Object.keys(item).length, 0) < count; i++) {
    const resource = `${RESOURCES[i % RESOURCES.length]}${Math.floor(i / RESOURCES.length)}`;
    schemas[resource] = {
      type: 'object', required: ['name'],
      properties: { id: { type: 'string', readOnly: true }, name: { type: 'string', description: `The ${resource}'s name` }, status: { type: 'string', enum: ['open', 'closed'] }, tags: { type: 'array', items: { type: 'string' } }, amount: { type: 'number', nullable: true } },
    };
    const ref = { $ref: `#/components/schemas/${resource}` };
    const idParam = { name: 'id', in: 'path', required: true, description: `The ${resource} ID`, schema: { type: 'string' } };
    const item = {};
    for (const method of methods) {
      if (Object.values(paths).reduce((n, it) => n + Object.keys(it).length, 0) + Object.keys(item).length >= count) break;
      item[method] = {
        operationId: `${method}${resource[0].toUpperCase()}${resource.slice(1)}`,
        summary: `${method === 'get' ? 'Look up' : method === 'post' ? 'Create' : method === 'patch' ? 'Change' : 'Delete'} a ${resource}`,
        description: `${method === 'get' ? 'Look up' : method === 'post' ? 'Create' : method === 'patch' ? 'Change' : 'Delete'} one ${resource} by its ID and return its status, name and tags.`,
        tags: [RESOURCES[i % RESOURCES.length]],
        parameters: [idParam, { name: 'expand', in: 'query', schema: { type: 'string' } }],
        ...(method === 'post' || method === 'patch' ? { requestBody: { required: true, content: { 'application/json': { schema: ref } } } } : {}),
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: ref } } } },
      };
    }
    paths[`/${resource}s/{id}`] = item;
  }
  return { openapi: '3.0.3', info: { title: 'Bench', version: '1' }, servers: [{ url: 'https://api.bench.example/v1' }], paths, components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn) {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

const text = JSON.stringify(generateSpec(OPERATIONS), null, 2);
const source = { text, location: '/bench/specs/api.json' };
const options = { outDir: '/bench/actions' };
const figures = { parse: [], plan: [], lint: [], reimport: [] };
let plan;
for (let round = 0; round < ROUNDS + 1; round++) {
  const parse = await time(() => importer.parseSpec(source));
  const planned = await time(() => importer.planImport(source, [], options));
  const lint = await time(() => importer.lintAfterImport(planned.value, []));
  const existing = planned.value.writes.map((w) => ({ id: w.id, text: w.text }));
  const reimport = await time(() => importer.planImport(source, existing, options));
  if (round === 0) continue; // warm-up
  figures.parse.push(parse.ms);
  figures.plan.push(planned.ms);
  figures.lint.push(lint.ms);
  figures.reimport.push(reimport.ms);
  plan = planned.value;
  if (reimport.value.unchanged.length !== plan.created.length) throw new Error('a re-import of unchanged files must leave them all unchanged');
}

console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} (figures grow with the load of other processes)`);
console.log(`spec: ${plan.operationCount} operations, ${(text.length / 1024).toFixed(0)} KB JSON; ${plan.created.length} actions planned, ${plan.errors.length} errors`);
const line = (label, ms) => console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  (${((ms / plan.operationCount) * 1000).toFixed(0)} µs per operation)`);
line('parse + resolve $refs (swagger-parser, peer)', median(figures.parse));
line('plan: parse + map + re-import decisions', median(figures.plan));
line('lint of the imported actions', median(figures.lint));
line('re-import, every file unchanged', median(figures.reimport));
console.log(`mapping and decisions over the parser alone: ${(median(figures.plan) / median(figures.parse)).toFixed(2)}×`);

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-bench-import-'));
try {
  fs.writeFileSync(path.join(folder, 'api.json'), text);
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'import', 'api.json', '--out', 'actions', '--format', 'json'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`the CLI exited with ${run.status}: ${run.stderr}`);
  const created = JSON.parse(run.stdout).created.length;
  console.log(`${'CLI, cold: import + write + lint'.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  (${created} files written)`);
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
