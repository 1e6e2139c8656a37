import type { Location, LocationLink } from 'vscode-languageserver';
import { headerDefinitions } from '../definition';
import { provenanceHover } from '../hover';
import { isOnName, neighboursMarkdown, withNeighbours, type FileLinkStyle } from '../neighbours';
import { runSafe } from '../safe';
import { shapeCompletion, shapeHover } from '../shape';
import type { ServerSession } from './session';

/** `LocationLink`s as plain `Location`s (at the target's name) for clients without `linkSupport`. */
function asLocations(links: LocationLink[]): Location[] {
  return links.map((link) => ({ uri: link.targetUri, range: link.targetSelectionRange }));
}

/** How hovers refer to files for this client (see neighbours.ts). */
function linkStyle(session: ServerSession): FileLinkStyle {
  return session.features.clientCommands ? 'vscode' : session.features.hoverMarkdown ? 'markdown' : 'plain';
}

/** The JSON features (completion, outline, folding, formatting) and the hovers and definitions of the index. */
export function registerLanguageHandlers(session: ServerSession): void {
  const { connection, sync } = session;
  connection.onCompletion((params, token) => runSafe(connection, 'completion', token, null, async () => {
    const document = session.documentFor(params.textDocument.uri);
    return document ? shapeCompletion(await session.json.complete(document, params.position), session.features) : null;
  }));
  connection.onHover((params, token) => runSafe(connection, 'hover', token, null, async () => {
    const uri = params.textDocument.uri;
    const document = session.documentFor(uri);
    if (!document) return null;
    await session.whenReady(uri);
    sync.flush(uri);
    const hover = provenanceHover(sync.workspace, uri, params.position, sync.context, session.features.clientCommands)
      ?? await session.json.hover(document, params.position);
    // On the action's name: its nearest actions too, computed now (never on a lint).
    if (isOnName(sync.workspace, uri, params.position)) return shapeHover(withNeighbours(hover, neighboursMarkdown(sync.workspace, uri, linkStyle(session))), session.features);
    return shapeHover(hover, session.features);
  }));
  connection.onDefinition((params, token) => runSafe(connection, 'definition', token, [], async () => {
    const uri = params.textDocument.uri;
    await session.whenReady(uri);
    sync.flush(uri);
    const links = headerDefinitions(sync.workspace, uri, params.position, sync.context);
    return session.features.definitionLinks ? links : asLocations(links);
  }));
  connection.onDocumentSymbol((params, token) => runSafe(connection, 'document symbols', token, [], () => {
    const document = session.documentFor(params.textDocument.uri);
    return document ? session.json.symbols(document) : [];
  }));
  connection.onFoldingRanges((params, token) => runSafe(connection, 'folding ranges', token, [], () => {
    const document = session.documentFor(params.textDocument.uri);
    return document ? session.json.folding(document) : [];
  }));
  connection.onDocumentFormatting((params, token) => runSafe(connection, 'formatting', token, [], () => {
    const document = session.documentFor(params.textDocument.uri);
    return document ? session.json.format(document, undefined, params.options) : [];
  }));
  connection.onDocumentRangeFormatting((params, token) => runSafe(connection, 'range formatting', token, [], () => {
    const document = session.documentFor(params.textDocument.uri);
    return document ? session.json.format(document, params.range, params.options) : [];
  }));
}
