import type { Hover } from 'vscode-languageserver';
import { documentKindOf, explainHeader, orgInputOf, renderConfigHeaderExplanation, type LintContext, type Position, renderAudience, renderHeaderExplanation, renderHeadersOverview, renderSecretExplanation, renderSecretReference, renderSegmentExplanation, type Workspace } from '../engine';
import { headersOf, linkTo, provenanceTarget, selectionOf } from './provenance';

/**
 * Provenance hovers: every layer behind a header, the full header set, who is offered the action, whether a secret
 * is set. Undefined when the position is not one of those places (the schema hover answers then). `inVsCode`: the
 * VS Code extension is the client (its link form, its secret storage).
 */
export function provenanceHover(workspace: Workspace, uri: string, position: Position, context: LintContext, inVsCode: boolean): Hover | undefined {
  const document = workspace.document(uri);
  if (!document || !document.wellFormed) return undefined;
  const target = provenanceTarget(document, document.lines.offsetAt(position), documentKindOf(uri) === 'action');
  if (!target) return undefined;
  const markdown = (value: string, range?: Hover['range']): Hover => ({ contents: { kind: 'markdown', value }, ...(range ? { range } : {}) });
  const linkFor = (location: Parameters<typeof linkTo>[1]) => linkTo(workspace, location, inVsCode);
  switch (target.kind) {
    case 'secret':
      if (!inVsCode && !context.isSecretSet) return markdown(renderSecretReference(target.name), target.range);
      return markdown(renderSecretExplanation(target.name, context.isSecretSet?.(target.name) ?? false), target.range);
    case 'headers':
    case 'header': {
      const resolution = headersOf(workspace, uri, context);
      if (!resolution) return undefined;
      if (!resolution.ok) return markdown(`**Headers**: ${resolution.error.message}`);
      return markdown(target.kind === 'headers'
        ? renderHeadersOverview(resolution.value, linkFor)
        : renderHeaderExplanation(explainHeader(resolution.value, target.name), linkFor));
    }
    case 'configHeader': {
      const org = orgInputOf(workspace.orgFor(uri));
      return org ? markdown(renderConfigHeaderExplanation(org, target.place, linkFor)) : undefined;
    }
    case 'segments':
    case 'segment': {
      const selection = selectionOf(workspace, uri, context);
      if (!selection.ok) return markdown(`**Segments**: ${selection.error.message}`);
      const restricted = workspace.action(uri)?.restrictedToSegments;
      const { settings, environment } = selection.value;
      return markdown(target.kind === 'segments'
        ? renderAudience(restricted, settings, environment)
        : renderSegmentExplanation(target.name, restricted, settings, environment));
    }
  }
}
