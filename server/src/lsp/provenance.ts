import { getLocation, type Location as JsonLocation } from 'jsonc-parser';
import { type ConfigHeaderPlace, configHeaderPlace, type HeaderResolution, type JsonDocument, type LintContext, orgInputOf, randomIds, type Range, type Resolved, resolveHeaders, SECRET_REFERENCE, selectOrganisation, type SourceLocation, type Workspace } from '../engine';

/** What the cursor is on, in the terms of header provenance. */
export type ProvenanceTarget =
  | { kind: 'headers' }
  | { kind: 'header'; name: string }
  | { kind: 'segments' }
  | { kind: 'segment'; name: string }
  | { kind: 'secret'; name: string; range: Range }
  | { kind: 'configHeader'; place: ConfigHeaderPlace };

/** The secret reference under the cursor in a string value, if any. */
function secretAt(document: JsonDocument, offset: number, location: JsonLocation): ProvenanceTarget | undefined {
  const node = location.previousNode;
  if (!node || node.type !== 'string') return undefined;
  const raw = document.text.slice(node.offset, node.offset + node.length);
  for (const match of raw.matchAll(SECRET_REFERENCE)) {
    const start = node.offset + (match.index ?? 0);
    if (offset >= start && offset <= start + match[0].length) {
      return { kind: 'secret', name: match[1], range: document.rangeOf({ offset: start, length: match[0].length }) };
    }
  }
  return undefined;
}

/**
 * Classifies the position: a secret reference (any file), a header or segment place in an action file, or a header
 * key (or its value) in opencx.config.json.
 */
export function provenanceTarget(document: JsonDocument, offset: number, isAction: boolean): ProvenanceTarget | undefined {
  const location = getLocation(document.text, offset);
  const secret = secretAt(document, offset, location);
  if (secret) return secret;
  if (!isAction) {
    const place = configHeaderPlace(location.path);
    return place ? { kind: 'configHeader', place } : undefined;
  }
  const [first, second] = location.path;
  if (first === 'headers') {
    if (location.path.length === 1 && location.isAtPropertyKey) return { kind: 'headers' };
    if (typeof second === 'string' && second) return { kind: 'header', name: second };
  }
  if (first === 'restrictedToSegments') {
    if (location.path.length === 1) return { kind: 'segments' };
    const value = location.previousNode?.value;
    if (typeof second === 'number' && typeof value === 'string') return { kind: 'segment', name: value };
  }
  return undefined;
}

/** The headers an indexed action is sent with, for the active environment and contact. */
export function headersOf(workspace: Workspace, uri: string, context: LintContext): Resolved<HeaderResolution> | undefined {
  const document = workspace.document(uri);
  const action = workspace.action(uri);
  if (!document || !action) return undefined;
  return resolveHeaders({
    action: { file: uri, value: document.value, model: action },
    org: orgInputOf(workspace.orgFor(uri)),
    ...(context.environment !== undefined ? { environment: context.environment } : {}),
    ...(context.contact !== undefined ? { contact: context.contact } : {}),
    ids: randomIds,
  });
}

/** The effective organisation settings for an action's folder (for segment audiences). */
export function selectionOf(workspace: Workspace, uri: string, context: LintContext) {
  return selectOrganisation(orgInputOf(workspace.orgFor(uri)), context.environment, context.contact);
}

/** Where a source location is: its file's range for the JSON path (key when it has one). */
export function rangeOfLocation(workspace: Workspace, location: SourceLocation): Range | undefined {
  return workspace.document(location.file)?.keyRangeAt(location.path);
}

/**
 * A Markdown link target for a location: at its line for VS Code (`#L<line>` on a file URI is VS Code's own form),
 * the plain file URI for other editors, which do not read that fragment.
 */
export function linkTo(workspace: Workspace, location: SourceLocation, lineFragment: boolean): string | undefined {
  const range = rangeOfLocation(workspace, location);
  if (!range) return undefined;
  return lineFragment ? `${location.file}#L${range.start.line + 1}` : location.file;
}
