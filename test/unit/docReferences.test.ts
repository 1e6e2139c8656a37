// Comments cite the project's own documents, so a maintainer can follow every reference from a clone: each
// `docs/<file>.md, "<heading>"` in the sources names a file that exists and a heading it has, and no comment cites
// the sections of a document outside the repository ("spec A3").
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const SOURCES = ['server/src', 'client/src', 'client/webview'];

function sourceFiles(): string[] {
  return SOURCES.flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true }).map(String)
    .filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)));
}

function headingsOf(doc: string): string[] {
  return [...doc.matchAll(/^#{1,6} +(.+?)\s*$/gm)].map((m) => m[1]);
}

describe('references in comments', () => {
  const files = sourceFiles().map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') }));

  test('each docs/<file>.md, "<heading>" names an existing document and one of its headings', () => {
    let checked = 0;
    for (const { file, text } of files) {
      // A heading may wrap onto the next comment line: join the lines of comments first.
      const joined = text.replace(/\n\s*(?:\*|\/\/) ?/g, ' ');
      for (const match of joined.matchAll(/docs\/([\w-]+\.md)(?:, "([^"]+)")?/g)) {
        const doc = path.join(ROOT, 'docs', match[1]);
        assert.ok(fs.existsSync(doc), `${file} cites docs/${match[1]}, which does not exist`);
        if (match[2]) assert.ok(headingsOf(fs.readFileSync(doc, 'utf8')).includes(match[2]), `${file} cites the heading "${match[2]}" of docs/${match[1]}, which it does not have`);
        checked++;
      }
    }
    assert.ok(checked >= 15, `only ${checked} references found: the pattern no longer finds them`);
  });

  test('no comment cites a section of a document that is not in the repository ("spec A3")', () => {
    for (const { file, text } of files) {
      const outside = /\bspec [A-C]\d?\b|\bpart [A-C]\b/.exec(text);
      assert.equal(outside, null, `${file}: "${outside?.[0]}"`);
    }
  });
});
