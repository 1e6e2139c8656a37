import { isJsonObject, type JsonObject } from '../document/json';
import type { ParsedSpec } from './parse';

/** The security schemes of a spec: `components.securitySchemes` (3.x) or `securityDefinitions` (2.0). */
function schemesOf(spec: ParsedSpec): [string, JsonObject][] {
  const holder = spec.version === '2.0' ? spec.document.securityDefinitions : isJsonObject(spec.document.components) ? spec.document.components.securitySchemes : undefined;
  return isJsonObject(holder) ? Object.entries(holder).filter((e): e is [string, JsonObject] => isJsonObject(e[1])) : [];
}

/** `petstore_auth`, `api-key` → `PETSTORE_AUTH`, `API_KEY`: the name of the secret the user sets. */
export function secretNameOf(scheme: string): string {
  return scheme.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase() || 'API_TOKEN';
}

/** Header names (lower case) that carry an API key of some scheme: those go in global variables, not actions. */
export function securityHeaderNames(spec: ParsedSpec): Set<string> {
  const names = new Set<string>();
  for (const [, scheme] of schemesOf(spec)) {
    if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') names.add(scheme.name.toLowerCase());
  }
  return names;
}

/**
 * One note per security scheme: the global variable to set in `opencx.config.json` (OpenCX sends each global
 * variable as a header on every call), its value a `${secret:NAME}` reference, never a value. OpenCX adds no
 * `Bearer ` itself, so the suggestion writes the scheme. Keys in a query or cookie cannot be global variables.
 */
export function securityNotes(spec: ParsedSpec): string[] {
  const notes: string[] = [];
  for (const [id, scheme] of schemesOf(spec)) {
    const secret = `\${secret:${secretNameOf(id)}}`;
    const suggest = (header: string, value: string) =>
      `security scheme "${id}": add the global variable "${header}": "${value}" to opencx.config.json and set the secret ${secretNameOf(id)} (never its value in a file)`;
    if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') notes.push(suggest(scheme.name, secret));
    else if (scheme.type === 'apiKey') notes.push(`security scheme "${id}": an API key in the ${String(scheme.in)} (${String(scheme.name)}) cannot be a global variable (those are headers); add it to each action as a static query parameter with the value ${secret} if the API needs it`);
    else if ((scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'basic') || scheme.type === 'basic') notes.push(suggest('Authorization', `Basic ${secret}`));
    else if (scheme.type === 'http' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') notes.push(suggest('Authorization', `Bearer ${secret}`) + (scheme.type === 'http' ? '' : '; get the token outside OpenCX: it does not run OAuth flows'));
    else notes.push(`security scheme "${id}" (${String(scheme.type)}) has no global-variable equivalent; the actions are imported without it`);
  }
  return notes;
}
