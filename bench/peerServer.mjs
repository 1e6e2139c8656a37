#!/usr/bin/env node
// The peer of bench/server.mjs: a schema-only language server built on vscode-json-languageservice, doing the same
// protocol work as ours on a cold start: list the workspace's *.action.json files, read each, validate it against
// schemas/action.schema.json (syntax and schema, nothing cross-file) and publish its diagnostics; then re-validate
// and publish an open document on every change. No debounce: it publishes as soon as it has the result.
// Run over stdio by the bench (`node bench/peerServer.mjs --stdio`); never packaged.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createConnection, ProposedFeatures, TextDocuments } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { getLanguageService } = require('vscode-json-languageservice');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(root, 'schemas/action.schema.json'), 'utf8'));
const SCHEMA_URI = 'opencx-peer://schemas/action.schema.json';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
// The files' "$schema" (../schemas/action.schema.json) resolves to a path in the workspace; every such request is
// answered with the schema, read once, as VS Code would after its first load.
const SCHEMA_TEXT = JSON.stringify(SCHEMA);
const service = getLanguageService({
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  schemaRequestService: (uri) => (uri.endsWith('action.schema.json') ? Promise.resolve(SCHEMA_TEXT) : Promise.reject(new Error(`no schema at ${uri}`))),
});
// Every action file is validated with the action schema, whatever its "$schema" says (as ours does).
service.configure({ validate: true, allowComments: false, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.action.json'], schema: SCHEMA }] });
let folders = [];

async function validate(document) {
  const json = service.parseJSONDocument(document);
  const diagnostics = await service.doValidation(document, json, { comments: 'error', trailingCommas: 'error', schemaValidation: 'error' });
  connection.sendDiagnostics({ uri: document.uri, diagnostics });
}

/** Every *.action.json under `dir`, skipping node_modules and dot folders (the walk ours does too). */
function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.name.endsWith('.action.json')) yield full;
  }
}

connection.onInitialize((params) => {
  folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
  return { capabilities: { textDocumentSync: 1 } };
});
connection.onInitialized(async () => {
  for (const folder of folders) {
    for (const file of walk(folder)) {
      const uri = pathToFileURL(file).href;
      await validate(TextDocument.create(uri, 'json', 0, await fs.promises.readFile(file, 'utf8')));
    }
  }
});
documents.onDidChangeContent((change) => void validate(change.document));
documents.listen(connection);
connection.listen();
