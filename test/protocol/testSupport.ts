// Paths and text-position helpers shared by the protocol tests.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';

/** The bundles live in out/test/protocol/*.test.js, three levels below the repository root. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The bundled server; OPENCX_TEST_SERVER_JS runs the tests against another build (a deliberately broken copy, say). */
export const SERVER_JS = process.env.OPENCX_TEST_SERVER_JS ?? path.join(REPO_ROOT, 'dist/server.js');
export const CLI_JS = path.join(REPO_ROOT, 'dist/cli.js');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
export const LINT_FIXTURES_DIR = path.join(REPO_ROOT, 'test/fixtures/lint');

export function fileUri(absolutePath: string): string {
  return pathToFileURL(absolutePath).toString();
}

/** A URI for a document that exists only in the editor (the server never reads the disk). */
export function virtualUri(name: string): string {
  return fileUri(path.join(REPO_ROOT, 'test/protocol/virtual', name));
}

export function readRepoFile(relative: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, relative), 'utf8');
}

/** Every *.action.json and opencx.config.json under `dir`, recursively, sorted. */
export function lintableFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.action.json') || path.basename(f) === 'opencx.config.json')
    .sort()
    .map((f) => path.join(dir, f));
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Offset of the only occurrence of `needle` in `text`; throws when it is missing or ambiguous. */
export function offsetOf(text: string, needle: string): number {
  const first = text.indexOf(needle);
  if (first < 0) throw new Error(`test bug: ${JSON.stringify(needle)} not in text`);
  if (text.indexOf(needle, first + 1) >= 0) throw new Error(`test bug: ${JSON.stringify(needle)} occurs twice`);
  return first;
}

/** The range of the only occurrence of `needle`. */
export function rangeOf(text: string, needle: string): Range {
  const start = offsetOf(text, needle);
  return { start: positionAt(text, start), end: positionAt(text, start + needle.length) };
}

/** The position `delta` characters into the only occurrence of `needle` (default: just after it). */
export function positionIn(text: string, needle: string, delta = needle.length): Position {
  return positionAt(text, offsetOf(text, needle) + delta);
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** The language id VS Code gives a file, from package.json's `contributes.languages`. */
export function languageIdOf(uri: string): string {
  if (uri.endsWith('/opencx.config.json')) return 'opencx-config';
  if (uri.endsWith('.action.json')) return 'opencx-action';
  return 'json';
}

/** Rejects when `promise` has not settled within `ms`. */
export function withDeadline<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
