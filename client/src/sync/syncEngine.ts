// Entry of dist/sync.js: the engine's sync (the OpenCX API client on undici, pull and push planning) and the lint
// of a folder, loaded by the extension when a sync command first needs it, so undici never enters dist/client.js
// (test/package checks it). The same engine functions as `opencx-actions pull` and `push`.
import {
  ApiError, applyPush, OpenCxApiClient, planPull, planPush, remoteVersionText, type ApiClientOptions, type RuleSettings, Workspace,
} from '../../../server/src/engine';

export { ApiError, applyPush, planPull, planPush, remoteVersionText };

/** A client for one command; close it when the command ends. */
export function createApiClient(options: ApiClientOptions): OpenCxApiClient {
  return new OpenCxApiClient(options);
}

/** One file of the folder as it is now. */
export interface FolderFile {
  id: string;
  text: string;
  kind: 'action' | 'config';
}

/** A lint error of one file, 0-based line, for the message that refuses a push. */
export interface LintError {
  id: string;
  line: number;
  code: string;
  message: string;
}

/** The errors among the findings of the action files (configs read for segments and overlaps), with the user's rule levels. */
export function lintErrors(files: FolderFile[], rules: RuleSettings): LintError[] {
  const workspace = new Workspace();
  workspace.configure(rules);
  workspace.setMany(files);
  return files.filter((f) => f.kind === 'action').flatMap((f) => workspace.findings(f.id)
    .filter((finding) => finding.severity === 'error')
    .map((finding) => ({ id: f.id, line: finding.range.start.line, code: finding.code, message: finding.message })));
}
