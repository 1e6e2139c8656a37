import type { RequestPlan } from '../model/plan';
import { locationLabel, planForDisplay } from './display';
import { SOURCE_LABELS } from './headers';
import { maskForDisplay } from './mask';

const identity = (file: string): string => file;

function headerRows(plan: RequestPlan): string[] {
  const rows = plan.headers.map((h) => ({
    head: `${h.name}: ${maskForDisplay(h.name, h.value)}`,
    source: SOURCE_LABELS[h.source] + (h.magic !== undefined ? ` (magic ${h.magic})` : ''),
    where: h.location ? locationLabel(h.location, identity) : '',
    shadowed: h.shadowed.map((s) => {
      const where = s.location ? `, ${locationLabel(s.location, identity)}` : '';
      return `~~${s.name ?? h.name}: ${maskForDisplay(h.name, s.value)}~~ (shadowed: ${SOURCE_LABELS[s.source]}${where})`;
    }),
  }));
  const headWidth = Math.max(...rows.map((r) => r.head.length));
  const sourceWidth = Math.max(...rows.map((r) => r.source.length));
  return rows.flatMap((r) => [
    `  ${r.head.padEnd(headWidth)}  ${r.where ? r.source.padEnd(sourceWidth) + '  ' + r.where : r.source}`,
    ...r.shadowed.map((s) => `    ${s}`),
  ]);
}

function scopeLine(plan: RequestPlan): string {
  const env = plan.environment !== undefined ? plan.environment : '(top level)';
  const contact = plan.contact !== undefined ? plan.contact : '(anonymous visitor)';
  return `Environment: ${env} · Contact: ${contact}`;
}

/**
 * `opencx-actions plan` in text: the request line, the headers with their source and location (shadowed values
 * struck through as ~~value~~), the body, visibility and notes. Secret values never appear: the plan holds
 * references, and literal credentials are masked.
 */
export function formatPlanText(plan: RequestPlan): string {
  const shown = planForDisplay(plan);
  const lines = [`${shown.request.method} ${shown.request.url}`, scopeLine(plan)];
  if (plan.connectTo) lines.push(`Connects to ${plan.connectTo.address} instead of resolving ${plan.connectTo.host} (connectTo, development only: OpenCX resolves the real host)`);
  lines.push('', 'Headers:', ...headerRows(plan));
  if (plan.body) {
    const label = plan.body.format === 'multipart' ? 'multipart/form-data fields' : 'JSON';
    lines.push('', `Body (${label}):`, ...JSON.stringify(shown.request.body, null, 2).split('\n').map((l) => `  ${l}`));
  }
  // When not visible, the first notes say why (the JSON output has only the notes), so the reason is not repeated.
  lines.push('', plan.visibleToContact ? `Visible to contact: yes. ${plan.visibilityReason ?? ''}`.trimEnd() : 'Visible to contact: no (see notes)');
  if (plan.notes.length) lines.push('', 'Notes:', ...plan.notes.map((n) => `  - ${n}`));
  return lines.join('\n') + '\n';
}
