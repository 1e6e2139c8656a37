import { organisationNames } from '../model/config';
import type { SourceLocation } from '../model/plan';
import { explainHeader, PRECEDENCE_TEXT, type HeaderLayer } from './explain';
import { SOURCE_LABELS } from './headers';
import { fixedIds } from './ids';
import { code, scopeText, whereSuffix, type LinkFor } from './markdown';
import { maskForDisplay } from './mask';
import { resolveHeaders } from './resolve';
import type { OrgInput } from './resolution';

/** A header key written in opencx.config.json: a global variable or a contact's header, top-level or in an environment. */
export interface ConfigHeaderPlace {
  name: string;
  /** The JSON path of the key, e.g. `['environments', 'staging', 'contacts', 'jane', 'headers', 'X-Tier']`. */
  path: (string | number)[];
  kind: 'globalVariable' | 'contact';
  /** The environment whose overlay holds it; absent at the top level. */
  environment?: string;
  /** The contact it is written for (contact headers only). */
  contact?: string;
}

/** Rows past this are summed up: a hover is capped in height. */
const MAX_ROWS = 12;

/** The JSON path of a header key in a config, when `path` is one; else undefined. */
export function configHeaderPlace(path: readonly (string | number)[]): ConfigHeaderPlace | undefined {
  const [a, b, c, d, e, f] = path;
  const str = (x: unknown): x is string => typeof x === 'string' && x !== '';
  if (path.length === 2 && a === 'globalVariables' && str(b)) return { name: b, path: [...path], kind: 'globalVariable' };
  if (path.length === 4 && a === 'contacts' && str(b) && c === 'headers' && str(d)) return { name: d, path: [...path], kind: 'contact', contact: b };
  if (path.length === 4 && a === 'environments' && str(b) && c === 'globalVariables' && str(d)) return { name: d, path: [...path], kind: 'globalVariable', environment: b };
  if (path.length === 6 && a === 'environments' && str(b) && c === 'contacts' && str(d) && e === 'headers' && str(f)) return { name: f, path: [...path], kind: 'contact', environment: b, contact: d };
  return undefined;
}

/** Where a header written at this place is sent, in one sentence. */
function appliesText(place: ConfigHeaderPlace): string {
  const where = place.environment !== undefined ? `in environment ${code(place.environment)} only (laid over the top-level settings)` : 'in every environment that does not overlay it';
  return place.kind === 'globalVariable'
    ? `A global variable: sent as a header with every action of this organisation, to every contact, ${where}.`
    : `A contact (widget) header: sent with every action when the contact is ${code(place.contact ?? '')}, ${where}. It wins over global variables and the action's own headers.`;
}

const samePlace = (location: SourceLocation | undefined, file: string, path: readonly (string | number)[]) =>
  location !== undefined && location.file === file && JSON.stringify(location.path) === JSON.stringify(path);

function layerText(layer: HeaderLayer, linkFor: LinkFor | undefined): string {
  return `the ${SOURCE_LABELS[layer.source]} ${code(`${layer.name}: ${maskForDisplay(layer.name, layer.value)}`)}${whereSuffix(layer.location, linkFor)}`;
}

/**
 * Markdown for the hover on a header key in opencx.config.json: where that header applies, then, for each
 * environment and contact it can reach, which layer is sent (this one, or the one that wins over it), by the same
 * resolution as the action `headers` hover (an action with no headers of its own). Values are masked.
 */
export function renderConfigHeaderExplanation(org: OrgInput, place: ConfigHeaderPlace, linkFor?: LinkFor): string {
  const names = organisationNames([org.config]);
  const environments = place.environment !== undefined ? [place.environment] : names.environments.length ? names.environments : [undefined];
  const contacts = place.contact !== undefined ? [place.contact] : [...names.contacts, undefined];
  const rows: string[] = [];
  let wins = 0;
  const seen = new Set<string>();
  for (const environment of environments) {
    for (const contact of contacts) {
      const resolved = resolveHeaders({ action: { file: '', value: { headers: {} } }, org, ids: fixedIds(), ...(environment !== undefined ? { environment } : {}), ...(contact !== undefined ? { contact } : {}) });
      if (!resolved.ok) continue; // a contact this environment does not define
      const { sent } = explainHeader(resolved.value, place.name);
      const scope = scopeText(resolved.value.environment, resolved.value.contact);
      // No contact means the default contact when the config names one: that pair is listed already.
      if (seen.has(scope)) continue;
      seen.add(scope);
      if (samePlace(sent?.location, org.file, place.path)) {
        wins++;
        rows.push(`- ${scope}: **sent** from here`);
      } else {
        rows.push(`- ${scope}: ${sent ? `overridden by ${layerText(sent, linkFor)}` : 'not sent'}`);
      }
    }
  }
  const summary = `Sent from here for ${wins} of ${rows.length} environment and contact pair${rows.length === 1 ? '' : 's'}.`;
  const shown = rows.length > MAX_ROWS ? [...rows.slice(0, MAX_ROWS), `- … and ${rows.length - MAX_ROWS} more`] : rows;
  return [`**Header ${code(place.name)}** · ${summary}`, '', appliesText(place), '', ...shown, '', `An action's own \`headers\` entry of the same name wins over a global variable. ${PRECEDENCE_TEXT}`].join('\n');
}
