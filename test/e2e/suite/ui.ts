// The tests' side of scripts/lib/uiRequests.mjs: ask the harness to look at or act on the workbench in the browser
// (screenshots, a webview's real DOM, a key press), and wait for its answer file.
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from './util';

let nextId = 0;

/** Whether the harness answers UI requests (scripts/run-vscode-tests.mjs sets E2E_UI_DIR; other runners do not). */
export const uiAvailable = (): boolean => Boolean(process.env.E2E_UI_DIR);

/** Sends one request and returns the harness's answer; an answer with an error throws it. */
export async function ui<T = Record<string, unknown>>(op: string, args: Record<string, unknown> = {}): Promise<T> {
  const dir = process.env.E2E_UI_DIR;
  if (!dir) throw new Error('E2E_UI_DIR is not set: run the e2e suite with scripts/run-vscode-tests.mjs');
  const id = `${process.pid}-${++nextId}`;
  const file = path.join(dir, `${id}.json`);
  console.log(`[e2e-ui] ${JSON.stringify({ id, op, ...args })}`);
  const answer = await waitFor(() => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T & { error?: string }) : undefined), `the harness to answer ${op}`);
  if (answer.error) throw new Error(`${op}: ${answer.error}`);
  return answer;
}

/** Runs a function body in the webview frame titled `frameTitle` and returns its result. */
export async function inWebview<T>(frameTitle: string, script: string): Promise<T> {
  return (await ui<{ value: T }>('evaluate', { frameTitle, script })).value;
}
