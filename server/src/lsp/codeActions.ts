import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range } from 'vscode-languageserver';
import { type CodeFix, type Finding, fixesFor, type Workspace } from '../engine';
import { CLIENT_COMMANDS, type MoveToSecretArgs } from '../protocol';
import { toDiagnostic } from './convert';

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

function toCodeAction(uri: string, fix: CodeFix, diagnostic: Diagnostic): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred === true };
  const edits = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
  if (fix.storeSecret) {
    // The value is read and stored by the client; the edit follows only once the secret is safe.
    const args: MoveToSecretArgs = { uri, secretName: fix.storeSecret.secretName, valueRange: fix.storeSecret.valueRange, edits };
    action.command = { title: fix.title, command: CLIENT_COMMANDS.moveToSecret, arguments: [args] };
    return action;
  }
  const changes: Record<string, { range: Range; newText: string }[]> = {};
  for (const e of fix.edits) (changes[e.file] ??= []).push({ range: e.range, newText: e.newText });
  action.edit = { changes };
  return action;
}

/**
 * Quick fixes for the findings under the cursor. Findings are taken from the index as it is now, not from the
 * client's copy of the diagnostics, so a fix never acts on a stale range.
 */
export function codeActionsFor(workspace: Workspace, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const findings: Finding[] = workspace.findings(uri).filter((f) => overlaps(f.range, params.range));
  return findings.flatMap((finding) => fixesFor(workspace, uri, finding).map((fix) => toCodeAction(uri, fix, toDiagnostic(finding))));
}
