import type { LocationLink } from 'vscode-languageserver';
import { documentKindOf, explainHeader, type LintContext, type Position, type Workspace } from '../engine';
import { headersOf, provenanceTarget, rangeOfLocation } from './provenance';

/**
 * Go to definition from a header in an action: the config entries (global variable, contact header, context
 * headers switch) that define it for the active environment and contact, the one sent first.
 */
export function headerDefinitions(workspace: Workspace, uri: string, position: Position, context: LintContext): LocationLink[] {
  const document = workspace.document(uri);
  if (!document?.wellFormed || documentKindOf(uri) !== 'action') return [];
  const target = provenanceTarget(document, document.lines.offsetAt(position), true);
  if (target?.kind !== 'header') return [];
  const resolution = headersOf(workspace, uri, context);
  if (!resolution?.ok) return [];
  const explanation = explainHeader(resolution.value, target.name);
  const layers = [explanation.sent, ...explanation.shadowed].filter((l) => l?.location && l.location.file !== uri);
  const origin = document.nodeAt(['headers', target.name]);
  const originKey = origin ? document.keyOf(origin) : undefined;
  return layers.flatMap((layer) => {
    const range = rangeOfLocation(workspace, layer!.location!);
    if (!range) return [];
    return [{
      targetUri: layer!.location!.file,
      targetRange: range,
      targetSelectionRange: range,
      ...(originKey ? { originSelectionRange: document.rangeOfNode(originKey) } : {}),
    }];
  });
}
