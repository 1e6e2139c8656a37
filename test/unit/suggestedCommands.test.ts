// Every message that suggests an action names a command or setting that exists (issue 14, "What a first-time user
// also needs"): the ids (`opencx.…`) and palette titles (`OpenCX: …`) written in the engine, the language server,
// the CLI, the schemas and the docs are held to package.json's contributions and the server's own commands.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { SERVER_COMMANDS } from '../../server/src/protocol';

const ROOT = path.resolve(__dirname, '../../..');
const CONTRIBUTES = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes as {
  commands: { command: string; title: string; category?: string }[];
  configuration: { properties: Record<string, unknown> };
  walkthroughs?: { id: string }[];
  views?: Record<string, { id: string }[]>;
};

/** Where user-facing text is written: messages, hovers, help, schema descriptions, docs. */
const SOURCES = ['server/src/engine', 'server/src/lsp', 'server/src/cli', 'schemas', 'docs', 'README.md'];

function filesOf(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { recursive: true }).map(String).filter((f) => /\.(ts|json|md)$/.test(f)).map((f) => path.join(full, f));
}

/** A file's text with line breaks (and the comment marks after them) as spaces, so a wrapped mention is whole. */
function textOf(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/\s*\n\s*(?:\*(?!\/)\s*|\/\/\s*)?/g, ' ');
}

const settings = Object.keys(CONTRIBUTES.configuration.properties);
const knownIds = new Set([
  ...CONTRIBUTES.commands.map((c) => c.command),
  ...settings,
  ...(CONTRIBUTES.walkthroughs ?? []).map((w) => w.id),
  ...Object.values(CONTRIBUTES.views ?? {}).flat().map((v) => v.id),
  ...Object.values(SERVER_COMMANDS),
]);
/** Palette titles without their trailing ellipsis, as messages write them. */
const titles = CONTRIBUTES.commands.map((c) => `${c.category ? `${c.category}: ` : ''}${c.title.replace(/…$/, '')}`);

/** `opencx.x.y` mentions that are ids: not a file name, a domain or a part of a longer word. */
function idMentions(text: string): string[] {
  const found = [...text.matchAll(/(?<![\w/@.-])opencx\.[a-zA-Z][\w.]*\w/g)].map((m) => m[0]);
  return found.filter((id) => !/\.(json|sarif|lua|md|yml|yaml)$/.test(id) && !/\.json\./.test(id) && id !== 'opencx.ai');
}

/** Whether an id exists, or is a prefix of ids that do (`opencx.run.` settings, the `opencx.server` commands). */
function exists(id: string): boolean {
  return knownIds.has(id) || [...knownIds].some((known) => known.startsWith(`${id}.`));
}

describe('suggested commands and settings exist', () => {
  const mentions = SOURCES.flatMap(filesOf).map((file) => ({ file: path.relative(ROOT, file), text: textOf(file) }));

  test('every opencx.* id written in messages and docs is a contributed command, setting, view or server command', () => {
    const checked = mentions.flatMap(({ file, text }) => idMentions(text).map((id) => ({ file, id })));
    assert.ok(checked.length > 20, `the scan found ${checked.length} mentions: too few to be looking in the right places`);
    assert.deepEqual(checked.filter(({ id }) => !exists(id)), []);
  });

  test('every "OpenCX: Title" written in messages and docs starts with a command\'s palette title', () => {
    const checked = mentions.flatMap(({ file, text }) => [...text.matchAll(/OpenCX: [A-Z][^.,;:()*`"”\n]*/g)].map((m) => ({ file, mention: m[0] })));
    assert.ok(checked.length > 10, `the scan found ${checked.length} mentions`);
    const unknown = checked.filter(({ mention }) => !titles.some((title) => mention === title || mention.startsWith(`${title} `) || mention.startsWith(`${title}…`)));
    assert.deepEqual(unknown, []);
  });

  test('the check itself: a made-up id and a made-up title are caught', () => {
    assert.deepEqual(idMentions('run opencx.runActon, see opencx.config.json and https://opencx.ai/x'), ['opencx.runActon']);
    assert.equal(exists('opencx.runActon'), false);
    assert.equal(exists('opencx.run'), true, 'a prefix of the opencx.run.* settings');
    assert.equal(titles.some((t) => 'OpenCX: Set Secrets'.startsWith(`${t} `) || t === 'OpenCX: Set Secrets'), false);
  });
});
