import { formatJsonPath } from '../document/jsonPath';
import { valueWithoutLiteralMarks, withoutLiteralMarks } from '../run/literalText';
import { baseName } from '../workspace/paths';
import type { HeaderSource, PlannedBody, RequestPlan, SourceLocation } from '../model/plan';
import { maskForDisplay, maskUrlForDisplay } from './mask';

/** `opencx.config.json › globalVariables.Authorization`: a location as a short label. */
export function locationLabel(location: SourceLocation, file: (f: string) => string = baseName): string {
  return location.path.length ? `${file(location.file)} › ${formatJsonPath(location.path)}` : file(location.file);
}

/** One header as the CLI's JSON output (and the run command) show it: masked, with what it shadowed. */
export interface DisplayedHeader {
  name: string;
  value: string;
  source: HeaderSource;
  shadowed: { source: HeaderSource; value: string }[];
}

/** The machine-readable plan: `opencx-actions plan --format json`, reused by the run command. Secrets masked. */
export interface DisplayedPlan {
  request: { method: string; url: string; headers: DisplayedHeader[]; body: unknown };
  visibleToContact: boolean;
  notes: string[];
}

/** Body values shown as they are, except values of fields named like credentials. */
function displayBody(body: PlannedBody | undefined): unknown {
  if (!body) return null;
  const value = body.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? maskForDisplay(k, v) : v]));
}

/**
 * Headers as shown anywhere (plans, runs, the CLI): name, source and what they shadowed, every value (winners and
 * shadowed) masked. Secret references stay as written.
 */
export function headersForDisplay(headers: readonly { name: string; value: string; source: HeaderSource; shadowed: readonly { source: HeaderSource; value: string }[] }[]): DisplayedHeader[] {
  return headers.map((h) => ({
    name: h.name,
    value: maskForDisplay(h.name, h.value),
    source: h.source,
    shadowed: h.shadowed.map((s) => ({ source: s.source, value: maskForDisplay(h.name, s.value) })),
  }));
}

/** The plan in the shape `--format json` prints, with every header value (winners and shadowed) masked. */
export function planForDisplay(plan: RequestPlan): DisplayedPlan {
  return {
    request: {
      method: plan.method,
      url: maskUrlForDisplay(withoutLiteralMarks(plan.url)),
      headers: headersForDisplay(plan.headers),
      body: displayBody(plan.body && { ...plan.body, value: valueWithoutLiteralMarks(plan.body.value) }),
    },
    visibleToContact: plan.visibleToContact,
    notes: plan.notes,
  };
}
