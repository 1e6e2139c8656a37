import type { JsonDocument, JsonPath } from '../document/jsonDocument';
import { isJsonObject } from '../document/json';
import { hasLoneSurrogate, unencodableMessage } from '../resolve/unencodable';
import { keyRange, valueRange } from './positions';
import type { ActionRule, ConfigRule, RuleFinding } from './rule';

const CODE = 'unencodable-value';
const SUMMARY = 'A value that goes into the URL holds a lone surrogate, which cannot be encoded: the request can never be sent.';

/** One string that goes into the URL: where it is, whether the finding marks its key, and how to name it. */
interface UrlText {
  text: string;
  path: JsonPath;
  onKey?: boolean;
  what: string;
}

function findingsOf(document: JsonDocument, texts: UrlText[]): RuleFinding[] {
  return texts.filter((t) => hasLoneSurrogate(t.text)).map((t) => ({
    message: unencodableMessage(t.what, t.text),
    range: t.onKey ? keyRange(document, t.path) : valueRange(document, t.path),
  }));
}

/** The endpoint, and each path or query parameter's name and static value: everything an action puts into its URL. */
function actionUrlTexts(raw: unknown): UrlText[] {
  if (!isJsonObject(raw)) return [];
  const texts: UrlText[] = [];
  if (typeof raw.endpoint === 'string') texts.push({ text: raw.endpoint, path: ['endpoint'], what: 'endpoint' });
  if (!Array.isArray(raw.parameters)) return texts;
  raw.parameters.forEach((parameter, index) => {
    if (!isJsonObject(parameter) || (parameter.in !== 'path' && parameter.in !== 'query')) return;
    const label = `${parameter.in} parameter ${typeof parameter.name === 'string' ? JSON.stringify(parameter.name) : index + 1}`;
    if (typeof parameter.name === 'string') texts.push({ text: parameter.name, path: ['parameters', index, 'name'], what: `the name of ${label}` });
    const value = parameter.value;
    if (typeof value === 'string') texts.push({ text: value, path: ['parameters', index, 'value'], what: `the static value of ${label}` });
  });
  return texts;
}

/** What a contact puts into URLs: its query and path overrides (names and values) and the identity magic fields read. */
function contactUrlTexts(contacts: unknown, base: JsonPath): UrlText[] {
  if (!isJsonObject(contacts)) return [];
  const texts: UrlText[] = [];
  for (const [name, contact] of Object.entries(contacts)) {
    if (!isJsonObject(contact)) continue;
    for (const field of ['email', 'name', 'phone', 'externalId']) {
      const value = contact[field];
      if (typeof value === 'string') texts.push({ text: value, path: [...base, name, field], what: `the ${field} of contact ${JSON.stringify(name)} (a magic field may put it into a URL)` });
    }
    for (const map of ['queryParams', 'pathParams']) {
      const params = contact[map];
      if (!isJsonObject(params)) continue;
      for (const [key, value] of Object.entries(params)) {
        const path = [...base, name, map, key];
        const label = `${map}.${JSON.stringify(key)} of contact ${JSON.stringify(name)}`;
        texts.push({ text: key, path, onKey: true, what: `the name ${label}` });
        if (typeof value === 'string') texts.push({ text: value, path, what: `the value ${label}` });
      }
    }
  }
  return texts;
}

/**
 * `unencodable-value` in an action: a lone surrogate (`"\ud800"`) in the endpoint or in a path or query
 * parameter's name or static value. Plans and runs refuse such an action, naming the same field.
 */
export const unencodableRule: ActionRule = {
  code: CODE,
  defaultSeverity: 'error',
  summary: SUMMARY,
  check: ({ document }) => findingsOf(document, actionUrlTexts(document.value)),
};

/** `unencodable-value` in opencx.config.json: contacts' query and path overrides and identity fields. */
export const configUnencodableRule: ConfigRule = {
  code: CODE,
  defaultSeverity: 'error',
  summary: SUMMARY,
  check({ document, raw }) {
    if (!isJsonObject(raw)) return [];
    const texts = contactUrlTexts(raw.contacts, ['contacts']);
    if (isJsonObject(raw.environments)) {
      for (const [env, overlay] of Object.entries(raw.environments)) {
        if (isJsonObject(overlay)) texts.push(...contactUrlTexts(overlay.contacts, ['environments', env, 'contacts']));
      }
    }
    return findingsOf(document, texts);
  },
};
