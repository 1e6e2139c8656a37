import * as vscode from 'vscode';

/** A spec's text and where it came from (a file path with `/` separators, or the URL it was fetched from). */
export interface LoadedSpec {
  text: string;
  location: string;
  /** How the summary names it: workspace-relative path, or the URL. */
  label: string;
}

/** Bigger specs than this are refused when fetched (the largest public specs are a few tens of MB). */
const MAX_FETCH_BYTES = 50 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

const isUrl = (text: string) => /^https?:\/\//i.test(text);
const toLocation = (uri: vscode.Uri) => uri.fsPath.split('\\').join('/');

/**
 * The spec to import: the argument when a caller (a test, a menu) gives one (a Uri, a path or a URL), otherwise
 * the user picks a file or types a URL. A URL is fetched only after the user agreed to it. Undefined: cancelled.
 */
export async function loadSpec(given: unknown): Promise<LoadedSpec | undefined> {
  if (given instanceof vscode.Uri) return readFile(given);
  if (typeof given === 'string' && given) return isUrl(given) ? fetchSpec(given, false) : readFile(vscode.Uri.file(given));
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(file) Pick a spec file…', id: 'file' },
      { label: '$(globe) Enter the URL of a spec…', id: 'url' },
    ],
    { title: 'Import from OpenAPI', placeHolder: 'OpenAPI 2.0, 3.0 or 3.1, in JSON or YAML' },
  );
  if (!choice) return undefined;
  if (choice.id === 'file') {
    const picked = await vscode.window.showOpenDialog({
      title: 'OpenAPI spec to import',
      canSelectMany: false,
      filters: { 'OpenAPI (JSON, YAML)': ['json', 'yaml', 'yml'], 'All files': ['*'] },
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    return picked?.[0] ? readFile(picked[0]) : undefined;
  }
  const url = await vscode.window.showInputBox({
    title: 'Import from OpenAPI: URL of the spec',
    placeHolder: 'https://api.example.com/openapi.json',
    validateInput: (v) => (isUrl(v.trim()) ? undefined : 'an http:// or https:// URL'),
  });
  return url ? fetchSpec(url.trim(), true) : undefined;
}

async function readFile(uri: vscode.Uri): Promise<LoadedSpec> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return { text, location: toLocation(uri), label: vscode.workspace.asRelativePath(uri, false) };
}

/** Fetches a spec after the user's consent (asked unless the caller passed the URL itself). */
async function fetchSpec(url: string, askConsent: boolean): Promise<LoadedSpec | undefined> {
  if (askConsent) {
    const fetchIt = 'Fetch';
    const answer = await vscode.window.showWarningMessage(`Download the spec from ${new URL(url).host}?`, { modal: true, detail: `${url}\n\nThe extension sends one GET request to this address, without credentials.` }, fetchIt);
    if (answer !== fetchIt) return undefined;
  }
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_FETCH_BYTES) throw new Error(`${url} is ${length} bytes; the import takes specs up to ${MAX_FETCH_BYTES} bytes`);
  const text = await response.text();
  if (text.length > MAX_FETCH_BYTES) throw new Error(`${url} is larger than ${MAX_FETCH_BYTES} bytes`);
  return { text, location: url, label: url };
}
