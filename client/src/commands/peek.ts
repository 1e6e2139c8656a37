import * as vscode from 'vscode';
import { COMMANDS } from './ids';

interface WireLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const toRange = (r: WireLocation['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** Turns the server's plain JSON arguments into VS Code types for the built-in peek view (used by code lenses). */
export function registerPeekCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.peekLocations, (uri: string, position: { line: number; character: number }, locations: WireLocation[]) =>
    vscode.commands.executeCommand(
      'editor.action.peekLocations',
      vscode.Uri.parse(uri),
      new vscode.Position(position.line, position.character),
      locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range))),
      'peek',
    ));
}
