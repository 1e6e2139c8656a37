import type { Node } from 'jsonc-parser';
import { compareFindings, type Finding, type RelatedLocation } from '../lint/findings';
import type { JsonDocument, JsonPath } from '../document/jsonDocument';
import { SECRET_REFERENCE, type PlannedHeader, type ShadowedValue, type SourceLocation } from '../model/plan';
import type { Range } from '../document/text';
import { isContextHeaderName } from './contextHeaders';
import { formatJsonPath } from '../document/jsonPath';
import { locationLabel } from './display';
import { SOURCE_LABELS } from './headers';
import { secretEnvironmentVariable } from './explainSecret';

/** A file the findings may point into: the action itself, or opencx.config.json for related locations. */
export interface DiagnosticFile {
  /** Path or URI, the same kind the resolver's locations use. */
  file: string;
  document: JsonDocument;
}

/** A related location for `location` when it points into one of the given files. */
function relatedAt(location: SourceLocation | undefined, files: readonly DiagnosticFile[], message: string): RelatedLocation[] {
  const target = location && files.find((f) => f.file === location.file);
  const range = target && target.document.keyRangeAt(location.path);
  return range ? [{ file: target.file, range, message }] : [];
}

function byWhom(winner: PlannedHeader, contact: string | undefined): string {
  const where = winner.location ? ` (${locationLabel(winner.location)})` : '';
  const who = winner.source === 'contact' && contact !== undefined ? ` that contact "${contact}" passes` : '';
  return `the ${SOURCE_LABELS[winner.source]} "${winner.name}"${who}${where}`;
}

/**
 * `header-shadowed`: an action header that a later layer replaces (a global variable, the active contact's
 * widget header, or the same header written twice in the action in another case), so what is written is never
 * sent. `x-opencx-*` headers replaced by context headers are left to `context-header-conflict`.
 * `headers` is the resolution for the active environment and contact (resolveHeaders or a plan).
 */
export function headerShadowedFindings(action: DiagnosticFile, headers: readonly PlannedHeader[], config?: DiagnosticFile, contact?: string): Finding[] {
  const findings: Finding[] = [];
  const files = [action, ...(config ? [config] : [])];
  for (const header of headers) {
    if (header.source === 'context' && isContextHeaderName(header.name)) continue;
    for (const lost of header.shadowed) {
      if (lost.source !== 'action' || lost.location?.file !== action.file) continue;
      const range = action.document.keyRangeAt(lost.location.path);
      if (!range) continue;
      findings.push(shadowedFinding(range, lost, header, files, contact));
    }
  }
  return findings.sort(compareFindings);
}

function shadowedFinding(range: Range, lost: ShadowedValue, winner: PlannedHeader, files: readonly DiagnosticFile[], contact: string | undefined): Finding {
  const name = lost.name ?? String(lost.location?.path.at(-1) ?? winner.name);
  const sameCase = name === winner.name ? '' : '; header names compare case-insensitively';
  return {
    code: 'header-shadowed',
    severity: 'warning',
    message: `header "${name}" is never sent as written: ${byWhom(winner, contact)} replaces it${sameCase}`,
    range,
    related: relatedAt(winner.location, files, `${SOURCE_LABELS[winner.source]} "${winner.name}" sent instead`),
    data: { header: name, winner: { source: winner.source, name: winner.name, location: winner.location } },
  };
}

/**
 * `context-header-conflict`: the action sets an `x-opencx-*` header itself. With context headers enabled OpenCX's
 * own value replaces it; without, it collides as soon as support enables them. `enabledAt` is where the config
 * enables them (settingLocation of contextHeaders.enabled), for a related location.
 */
export function contextHeaderConflictFindings(action: DiagnosticFile, contextHeadersEnabled: boolean, config?: DiagnosticFile, enabledAt?: SourceLocation): Finding[] {
  const headers = action.document.nodeAt(['headers']);
  if (headers?.type !== 'object') return [];
  const findings: Finding[] = [];
  for (const property of headers.children ?? []) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string' || !isContextHeaderName(key.value)) continue;
    const message = contextHeadersEnabled
      ? `"${key.value}" is an OpenCX context header: context headers are enabled, so OpenCX sends its own value and this one is never sent; remove it`
      : `"${key.value}" is reserved for OpenCX's context headers: once support enables them, OpenCX's value replaces this one; use another header name`;
    findings.push({
      code: 'context-header-conflict',
      severity: 'warning',
      message,
      range: action.document.rangeOfNode(key),
      related: contextHeadersEnabled ? relatedAt(enabledAt, config ? [config] : [], 'context headers are enabled here') : [],
      data: { header: key.value, contextHeadersEnabled },
    });
  }
  return findings;
}

/** Every string value node (not keys) of a document, with its JSON path. */
function stringValues(node: Node | undefined, path: JsonPath, out: { node: Node; path: JsonPath }[]): void {
  if (!node) return;
  if (node.type === 'string') out.push({ node, path });
  else if (node.type === 'array') node.children?.forEach((child, i) => stringValues(child, [...path, i], out));
  else if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && typeof key.value === 'string') stringValues(value, [...path, key.value], out);
    }
  }
}

/**
 * `unknown-secret` (info): a `${secret:NAME}` reference (in an action or in opencx.config.json) that the secret
 * source does not know. The range is the reference itself, found in the raw text of the string.
 */
export function unknownSecretFindings(document: JsonDocument, isSet: (name: string) => boolean): Finding[] {
  // Without a reference there is nothing to find: the walk below would build a node for every value of the file.
  if (!document.text.includes('${secret:')) return [];
  const strings: { node: Node; path: JsonPath }[] = [];
  stringValues(document.tree, [], strings);
  const findings: Finding[] = [];
  for (const { node, path } of strings) {
    const raw = document.text.slice(node.offset, node.offset + node.length);
    for (const match of raw.matchAll(SECRET_REFERENCE)) {
      const name = match[1];
      if (isSet(name)) continue;
      findings.push({
        code: 'unknown-secret',
        severity: 'info',
        message: `secret "${name}" is not set: set it with OpenCX: Set Secret (in a terminal: ${secretEnvironmentVariable(name)}); until then a run cannot send ${formatJsonPath(path)}`,
        range: document.rangeOf({ offset: node.offset + (match.index ?? 0), length: match[0].length }),
        data: { secret: name },
      });
    }
  }
  return findings;
}
