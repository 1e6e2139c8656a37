import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { type CodeFix, type Finding, fixesFor, secretEnvironmentVariable, type Workspace } from '../engine';
import { CLIENT_COMMANDS, SERVER_COMMANDS, type ApplyFixArgs, type MoveToSecretArgs } from '../protocol';
import type { ClientFeatures } from './clientFeatures';
import { toDiagnostic } from './convert';

/** What shapes a code action: the client's commands (VS Code) and whether it takes CodeAction literals. */
export type CodeActionFeatures = Pick<ClientFeatures, 'clientCommands' | 'codeActionLiterals'>;

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

function workspaceEditOf(fix: CodeFix): WorkspaceEdit & ApplyFixArgs['edit'] {
  const changes: ApplyFixArgs['edit']['changes'] = {};
  for (const e of fix.edits) (changes[e.file] ??= []).push({ range: e.range, newText: e.newText });
  return { changes };
}

/** The VS Code extension's fix for a credential: it reads the literal, stores it as a secret, then edits. */
function storeSecretInClient(uri: string, fix: CodeFix & Required<Pick<CodeFix, 'storeSecret'>>): Command {
  const edits = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
  const args: MoveToSecretArgs = { uri, secretName: fix.storeSecret.secretName, valueRange: fix.storeSecret.valueRange, edits };
  return { title: fix.title, command: CLIENT_COMMANDS.moveToSecret, arguments: [args] };
}

function toCodeAction(uri: string, fix: CodeFix, diagnostic: Diagnostic, features: CodeActionFeatures): CodeAction | Command {
  const secretName = fix.storeSecret?.secretName;
  if (!features.codeActionLiterals) {
    const args: ApplyFixArgs = { edit: workspaceEditOf(fix), ...(secretName ? { secretName } : {}) };
    return { title: fix.title, command: SERVER_COMMANDS.applyFix, arguments: [args] };
  }
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred === true };
  if (fix.storeSecret && features.clientCommands) {
    // The value is read and stored by the client; the edit follows only once the secret is safe.
    action.command = storeSecretInClient(uri, { ...fix, storeSecret: fix.storeSecret });
    return action;
  }
  action.edit = workspaceEditOf(fix);
  if (secretName) {
    // Elsewhere no editor stores the value: the edit puts the reference in, and the server says where to set it.
    action.title = `Replace the value with "\${secret:${secretName}}" (then set ${secretEnvironmentVariable(secretName)})`;
    action.command = { title: action.title, command: SERVER_COMMANDS.secretMoved, arguments: [{ secretName }] };
  }
  return action;
}

/**
 * Quick fixes for the findings under the cursor. Findings are taken from the index as it is now, not from the
 * client's copy of the diagnostics, so a fix never acts on a stale range.
 */
export function codeActionsFor(workspace: Workspace, params: CodeActionParams, features: CodeActionFeatures): (CodeAction | Command)[] {
  const uri = params.textDocument.uri;
  if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const findings: Finding[] = workspace.findings(uri).filter((f) => overlaps(f.range, params.range));
  return findings.flatMap((finding) => fixesFor(workspace, uri, finding).map((fix) => toCodeAction(uri, fix, toDiagnostic(finding), features)));
}
