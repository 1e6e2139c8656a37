import { HEADER_SOURCE_ORDER, type HeaderSource, type PlannedHeader, type SourceLocation } from '../model/plan';
import { sameHeader, SOURCE_LABELS } from './headers';
import { code, scopeText, struck, whereSuffix, type LinkFor } from './markdown';
import { maskForDisplay } from './mask';

/** The headers of one action for one environment and contact: a RequestPlan or a HeaderResolution. */
export interface HeaderView {
  headers: readonly PlannedHeader[];
  environment?: string;
  contact?: string;
}

/** One layer's definition of a header. */
export interface HeaderLayer {
  source: HeaderSource;
  /** The name as this layer spells it. */
  name: string;
  /** As written; secrets stay references (mask literals with maskForDisplay before showing). */
  value: string;
  location?: SourceLocation;
  magic?: string;
}

/** Every layer that defines one header, which one is sent, and which ones it hides (highest first). */
export interface HeaderExplanation {
  /** The name asked about. */
  name: string;
  environment?: string;
  contact?: string;
  sent?: HeaderLayer;
  shadowed: HeaderLayer[];
}

/** The precedence sentence every header hover ends with (docs/assumptions.md, "Where OpenCX is silent"). */
export const PRECEDENCE_TEXT = `Precedence (our assumption; OpenCX does not document it): ${HEADER_SOURCE_ORDER.map((s) => SOURCE_LABELS[s]).join(' < ')}. Names compare case-insensitively; the value sent keeps the spelling of its own layer.`;

/** Which layers define `name` (case-insensitively) for the view's environment and contact, and which wins. */
export function explainHeader(view: HeaderView, name: string): HeaderExplanation {
  const header = view.headers.find((h) => sameHeader(h.name, name));
  const scope = { ...(view.environment !== undefined ? { environment: view.environment } : {}), ...(view.contact !== undefined ? { contact: view.contact } : {}) };
  if (!header) return { name, ...scope, shadowed: [] };
  const { shadowed, ...sent } = header;
  return {
    name,
    ...scope,
    sent,
    shadowed: shadowed.map((s) => ({ source: s.source, name: s.name ?? header.name, value: s.value, ...(s.location ? { location: s.location } : {}) })),
  };
}

function layerText(layer: HeaderLayer, linkFor: LinkFor | undefined): string {
  const magic = layer.magic !== undefined ? `, the magic field ${code(layer.magic)} filled by OpenCX from the conversation (sample value shown)` : '';
  return `the ${SOURCE_LABELS[layer.source]} ${code(layer.name)}${magic}${whereSuffix(layer.location, linkFor)}`;
}

/** Markdown for a header hover: the value sent and its layer, then every shadowed value struck through. Masked. */
export function renderHeaderExplanation(explanation: HeaderExplanation, linkFor?: LinkFor): string {
  const title = `**Header ${code(explanation.name)}** · ${scopeText(explanation.environment, explanation.contact)}`;
  const { sent } = explanation;
  if (!sent) return `${title}\n\nNot sent: no header source defines it.\n\n${PRECEDENCE_TEXT}`;
  const lines = [title, '', `Sent: ${code(maskForDisplay(sent.name, sent.value))} from ${layerText(sent, linkFor)}`];
  if (explanation.shadowed.length) {
    lines.push('', 'Shadowed (written, never sent):');
    for (const s of explanation.shadowed) lines.push(`- ${struck(maskForDisplay(s.name, s.value))} from ${layerText(s, linkFor)}`);
  }
  lines.push('', PRECEDENCE_TEXT);
  return lines.join('\n');
}

/** The headers of a view grouped by the source of the value sent, in precedence order. */
export function headersBySource(view: HeaderView): { source: HeaderSource; headers: PlannedHeader[] }[] {
  return HEADER_SOURCE_ORDER.map((source) => ({ source, headers: view.headers.filter((h) => h.source === source) })).filter((g) => g.headers.length);
}

function headerLine(header: PlannedHeader, linkFor: LinkFor | undefined): string {
  const magic = header.magic !== undefined ? `, magic field ${code(header.magic)}` : '';
  const replaced = header.shadowed.map((s) => `${struck(maskForDisplay(s.name ?? header.name, s.value))} (${SOURCE_LABELS[s.source]})`);
  const replaces = replaced.length ? `; replaces ${replaced.join(', ')}` : '';
  return `- ${code(`${header.name}: ${maskForDisplay(header.name, header.value)}`)}${magic}${whereSuffix(header.location, linkFor)}${replaces}`;
}

const andList = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The first line of the overview: how many headers go out, which ones win over a lower layer, and the order. */
function overviewSummary(view: HeaderView): string {
  const count = `${view.headers.length} header${view.headers.length === 1 ? '' : 's'} sent`;
  const winners = view.headers.filter((h) => h.shadowed.length).map((h) => `${code(h.name)} from the ${SOURCE_LABELS[h.source]}`);
  const wins = winners.length ? `; ${andList(winners)} win${winners.length === 1 ? 's' : ''} over a lower layer` : '; none replaces another';
  return `${count}${wins}. Higher wins: ${HEADER_SOURCE_ORDER.map((s) => SOURCE_LABELS[s]).join(' < ')}.`;
}

/**
 * Markdown for the hover on an action's `headers` key: the complete set of headers the action is sent with, by
 * source (User-Agent, the action's own, global variables, contact headers, context headers), shadowed ones struck.
 */
export function renderHeadersOverview(view: HeaderView, linkFor?: LinkFor): string {
  // Hovers are capped in height: who wins comes first, the layers after it.
  const lines = [`**Headers this action is sent with** · ${scopeText(view.environment, view.contact)}`, '', overviewSummary(view)];
  for (const group of headersBySource(view)) {
    lines.push('', `**${SOURCE_LABELS[group.source]}**`);
    for (const header of group.headers) lines.push(headerLine(header, linkFor));
  }
  lines.push('', PRECEDENCE_TEXT);
  return lines.join('\n');
}
