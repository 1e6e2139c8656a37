import * as vscode from 'vscode';
import { COMMANDS } from './ids';

interface WireLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const toRange = (r: WireLocation['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/**
 * Turns the server's plain JSON arguments into VS Code types for the built-in peek view, and reveals a problem
 * (both used by code lenses).
 */
export function registerPeekCommand(): vscode.Disposable {
  return vscode.Disposable.from(registerRevealProblem(), vscode.commands.registerCommand(COMMANDS.peekLocations, (uri: string, position: { line: number; character: number }, locations: WireLocation[]) =>
    vscode.commands.executeCommand(
      'editor.action.peekLocations',
      vscode.Uri.parse(uri),
      new vscode.Position(position.line, position.character),
      locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range))),
      'peek',
    )));
}

/**
 * The "Cannot run" lens: opens the file with the first problem's range selected and shows its hover, which holds
 * the diagnostic's message.
 */
function registerRevealProblem(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.revealProblem, async (uri: string, range: WireLocation['range']) => {
    const selection = toRange(range);
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: false });
    await vscode.commands.executeCommand('editor.action.showHover');
  });
}
