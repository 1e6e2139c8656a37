import type { JsonPath } from '../jsonDocument';
import type { HeaderSource, PlannedBody, RequestPlan, SourceLocation } from '../plan';
import { maskForDisplay, maskUrlForDisplay } from './mask';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** A JSON path as people read it: `environments.staging.globalVariables.X-Shop-Region`, `parameters[0].value`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The last segment of a path or URI (`file:///w/opencx.config.json` → `opencx.config.json`). */
export function baseName(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

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

/** The plan in the shape `--format json` prints, with every header value (winners and shadowed) masked. */
export function planForDisplay(plan: RequestPlan): DisplayedPlan {
  return {
    request: {
      method: plan.method,
      url: maskUrlForDisplay(plan.url),
      headers: plan.headers.map((h) => ({
        name: h.name,
        value: maskForDisplay(h.name, h.value),
        source: h.source,
        shadowed: h.shadowed.map((s) => ({ source: s.source, value: maskForDisplay(h.name, s.value) })),
      })),
      body: displayBody(plan.body),
    },
    visibleToContact: plan.visibleToContact,
    notes: plan.notes,
  };
}
