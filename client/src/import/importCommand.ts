import * as vscode from 'vscode';
import type * as OpenApi from '../../../server/src/engine/openapi';
import { askServer, pickFolder, pickOperations } from './pickers';
import { loadSpec } from './specSource';
import { ProposedVersions, summaryMarkdown } from './summaryDocument';

/** What a caller (the e2e tests) may give instead of answering the pickers. */
export interface ImportArguments {
  /** Operation keys (operationId or `METHOD /path`); absent: the picker asks. */
  operations?: string[];
  /** The folder for the files; absent: the picker asks. */
  folder?: vscode.Uri | string;
  /** The API's base URL instead of the spec's. */
  server?: string;
}

/** What the command did, for its caller. */
export interface ImportResult {
  summary: OpenApi.ImportSummary;
  document: vscode.TextDocument;
}

/** dist/openapi.js holds the parser: required on the first import only, never at activation. */
function loadImporter(extension: vscode.ExtensionContext): typeof OpenApi {
  return require(extension.asAbsolutePath('dist/openapi.js')) as typeof OpenApi;
}

const idOf = (uri: vscode.Uri) => uri.fsPath.split('\\').join('/');

/** Every action file under the folder and every config of the workspace, as the engine takes them. */
async function workspaceFiles(folder: vscode.Uri): Promise<OpenApi.WorkspaceFile[]> {
  const [actions, configs] = await Promise.all([
    vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.action.json'), '**/node_modules/**'),
    vscode.workspace.findFiles('**/opencx.config.json', '**/node_modules/**'),
  ]);
  const read = async (uri: vscode.Uri, kind: 'action' | 'config') => ({ id: idOf(uri), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), kind });
  return Promise.all([...actions.map((u) => read(u, 'action')), ...configs.map((u) => read(u, 'config'))]);
}

/**
 * OpenCX: Import from OpenAPI… Picks a spec (file, or URL with consent), the operations (grouped by tag), and
 * the target folder; plans the import with the engine (re-import rules included), writes the files, lints the
 * result, and shows the summary with links. Hand-edited files that were kept can be compared with the spec's
 * version. Returns undefined when cancelled or when the spec cannot be parsed (an error message says why).
 */
export async function importFromOpenApi(extension: vscode.ExtensionContext, proposed: ProposedVersions, specArg?: unknown, args: ImportArguments = {}): Promise<ImportResult | undefined> {
  const spec = await loadSpec(specArg);
  if (!spec) return undefined;
  const importer = loadImporter(extension);
  const parsed = await importer.parseSpec({ text: spec.text, location: spec.location });
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(`Import from OpenAPI: ${parsed.error.code}: ${parsed.error.message}`);
    return undefined;
  }
  const operations = args.operations ?? (await pickOperations(importer.operationListings(parsed.spec)));
  if (!operations?.length) return undefined;
  const folder = typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : args.folder ?? (await pickFolder());
  if (!folder) return undefined;

  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Importing from OpenAPI' }, async (progress) => {
    progress.report({ message: 'reading the folder' });
    const current = await workspaceFiles(folder);
    const plan = async (server: string | undefined) => importer.planImport({ text: spec.text, location: spec.location }, current.filter((f) => f.kind === 'action'), { outDir: idOf(folder), operations, server });
    let result = await plan(args.server);
    if (!args.server && result.errors.some((e) => e.code === 'cannot_determine_api_endpoint')) {
      const server = await askServer();
      if (server) result = await plan(server.trim());
    }
    progress.report({ message: `writing ${result.writes.length} files` });
    for (const write of result.writes) await vscode.workspace.fs.writeFile(vscode.Uri.file(write.id), new TextEncoder().encode(write.text));
    progress.report({ message: 'linting' });
    const rules = vscode.workspace.getConfiguration('opencx', folder).get<Record<string, never>>('rules') ?? {};
    const lint = importer.lintAfterImport(result, current, rules);
    const display = (id: string) => vscode.workspace.asRelativePath(vscode.Uri.file(id), false);
    const uris = new Map<string, vscode.Uri>();
    for (const id of [...result.created, ...result.updated, ...result.unchanged, ...result.kept.map((k) => k.id)]) uris.set(display(id), vscode.Uri.file(id));
    const summary = importer.summarise(spec.label, result, lint, display);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: summaryMarkdown(summary, (f) => uris.get(f)) });
    await vscode.window.showTextDocument(document, { preview: false });
    void offerDiffs(result.kept, proposed);
    return { summary, document };
  });
}

/** For kept files the user edited: offer to compare each with what the spec would have written. */
async function offerDiffs(kept: OpenApi.KeptFile[], proposed: ProposedVersions): Promise<void> {
  const edited = kept.filter((k) => k.proposedText !== undefined);
  if (!edited.length) return;
  const compare = 'Compare…';
  const answer = await vscode.window.showInformationMessage(`${edited.length} imported file${edited.length === 1 ? ' was' : 's were'} edited by hand and kept.`, compare);
  if (answer !== compare) return;
  const pick = edited.length === 1 ? edited[0] : (await vscode.window.showQuickPick(edited.map((k) => ({ label: vscode.workspace.asRelativePath(vscode.Uri.file(k.id)), kept: k }))))?.kept;
  if (!pick) return;
  const file = vscode.Uri.file(pick.id);
  await vscode.commands.executeCommand('vscode.diff', file, proposed.offer(file, pick.proposedText!), `${vscode.workspace.asRelativePath(file)} ↔ the spec's version`);
}
