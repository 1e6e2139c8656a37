#!/usr/bin/env node
// The peer of bench/startup.mjs's CLI start-up: the least a linting script can do with the same schema: start node,
// load ajv, compile schemas/action.schema.json (as the engine configures ajv), read one file, JSON.parse it,
// validate, print the errors. Never packaged.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ajv = new (Ajv.default ?? Ajv)({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(root, 'schemas/action.schema.json'), 'utf8')));
const file = process.argv[2];
let value;
try {
  value = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`${file}: ${error.message}`);
  process.exit(1);
}
if (!validate(value)) for (const e of validate.errors) console.log(`${file}: ${e.instancePath || '/'} ${e.message}`);
process.exitCode = validate.errors?.length ? 1 : 0;
