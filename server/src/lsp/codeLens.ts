import type { CodeLens, Range } from 'vscode-languageserver';
import { actionProblems, documentKindOf, type Workspace } from '../engine';
import { CLIENT_COMMANDS, SERVER_COMMANDS, type NeighboursLensData } from '../protocol';

/**
 * Lenses above an action's `name`: run it, show its request plan, and (when it overlaps others) how many
 * actions the AI could confuse it with, which peeks them. Run, plan and peek are the VS Code extension's commands
 * (`clientCommands`); any other client gets the overlap lens alone, with a plain title and a server command that
 * lists the other actions. Last, the "Nearest" lens (neighbours, issue 9): answered without a command, so that a
 * lint or a list of lenses never computes neighbours; `codeLens/resolve` fills it (see neighbours.ts).
 */
export function codeLensesFor(workspace: Workspace, uri: string, clientCommands: boolean): CodeLens[] {
  const document = workspace.document(uri);
  if (documentKindOf(uri) !== 'action' || !document?.wellFormed) return [];
  const nameNode = document.nodeAt(['name']);
  const anchor = nameNode ? document.keyOf(nameNode) ?? nameNode : document.tree;
  if (!anchor) return [];
  const range = document.rangeOfNode(anchor);
  const lenses: CodeLens[] = clientCommands
    ? [
      runLens(workspace, uri, range),
      { range, command: { title: 'Request plan', command: CLIENT_COMMANDS.showRequestPlan, arguments: [uri] } },
    ]
    : [];
  const overlaps = workspace.overlapsOf(uri);
  if (overlaps.length) {
    const title = `Overlaps ${overlaps.length} action${overlaps.length === 1 ? '' : 's'}: ${overlaps.slice(0, 2).map((o) => `"${o.otherName}"`).join(', ')}${overlaps.length > 2 ? '…' : ''}`;
    if (!clientCommands) lenses.push({ range, command: { title, command: SERVER_COMMANDS.showOverlaps, arguments: [uri] } });
    else lenses.push(peekLens(workspace, uri, range, overlaps, title));
  }
  const data: NeighboursLensData = { neighboursOf: uri };
  lenses.push({ range, data });
  return lenses;
}

/** The overlap lens in VS Code: peeks the names of the actions this one overlaps. */
function peekLens(workspace: Workspace, uri: string, range: CodeLens['range'], overlaps: ReturnType<Workspace['overlapsOf']>, title: string): CodeLens {
  const locations = overlaps.flatMap((o) => {
    const other = workspace.document(o.otherId);
    const node = other?.nodeAt(['name']);
    return other && node ? [{ uri: o.otherId, range: other.rangeOfNode(node) }] : [];
  });
  return { range, command: { title: `$(warning) ${title}`, command: CLIENT_COMMANDS.peekLocations, arguments: [uri, range.start, locations] } };
}

/** Longest first problem a lens title quotes; past it the title ends with "…". */
const TITLE_PROBLEM_CHARS = 80;

/**
 * "▶ Run", or, when the run would be refused (what `opencx/describeAction` reports as problems: a method or an
 * endpoint it cannot send), "Cannot run: N errors (first: …)", which reveals the first problem instead of starting
 * a run that stops at once.
 */
function runLens(workspace: Workspace, uri: string, range: Range): CodeLens {
  const action = workspace.action(uri);
  const document = workspace.document(uri);
  const problems = action && document ? actionProblems(action, document.value) : [];
  if (!problems.length || !document) return { range, command: { title: '$(play) Run', command: CLIENT_COMMANDS.runAction, arguments: [uri] } };
  const first = problems[0];
  const node = document.nodeAt(first.path);
  const at = node ? document.rangeOfNode(node) : range;
  const quoted = first.message.length > TITLE_PROBLEM_CHARS ? `${first.message.slice(0, TITLE_PROBLEM_CHARS - 1)}…` : first.message;
  const count = `${problems.length} error${problems.length === 1 ? '' : 's'}`;
  return { range, command: { title: `$(error) Cannot run: ${count} (first: ${quoted})`, command: CLIENT_COMMANDS.revealProblem, arguments: [uri, at] } };
}
