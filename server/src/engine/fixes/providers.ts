import type { JsonPath } from '../document/jsonDocument';
import { setValue } from './edits';
import type { CodeFix, FixProvider } from './codeFix';

type Data = Record<string, unknown>;
const dataOf = (context: { finding: { data?: unknown } }): Data => (context.finding.data ?? {}) as Data;
const pathOf = (data: Data): JsonPath => (Array.isArray(data.path) ? (data.path as JsonPath) : []);

const valueAt = (value: unknown, path: JsonPath): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);

/**
 * Replaces a value at the finding's path with the suggested one ("get" → "GET", a segment typo). In a list that
 * already has the suggestion (`["vip", "VIP"]`) the item is removed instead: a second copy would be a duplicate-item.
 */
const replaceWithSuggestion = (path: JsonPath, suggestion: string, what: string): FixProvider => ({ id, document }) => {
  const list = valueAt(document.value, path.slice(0, -1));
  if (typeof path[path.length - 1] === 'number' && Array.isArray(list) && list.includes(suggestion)) {
    const current = JSON.stringify(valueAt(document.value, path));
    return [{ title: `Remove ${current} ("${suggestion}" is already listed)`, isPreferred: true, edits: setValue(id, document, path, undefined) }];
  }
  return [{ title: `Change ${what} to "${suggestion}"`, isPreferred: true, edits: setValue(id, document, path, suggestion) }];
};

const pathParameterFixes: FixProvider = ({ id, document, finding }) => {
  const data = dataOf({ finding });
  const name = String(data.name);
  const root = document.value as Data;
  const parameters = Array.isArray(root.parameters) ? root.parameters : undefined;
  switch (data.kind) {
    case 'missing-parameter': {
      // An empty `{}` has no name to give a parameter (the schema rejects ""): the endpoint is what needs fixing.
      if (!name) return [];
      const parameter = { name, in: 'path', description: `The ${name.replace(/[_-]+/g, ' ')}`, required: true, schema: { type: 'string' } };
      const edits = parameters ? setValue(id, document, ['parameters', parameters.length], parameter, true) : setValue(id, document, ['parameters'], [parameter]);
      return [{ title: `Add path parameter "${name}"`, isPreferred: true, edits }];
    }
    case 'unused-parameter': {
      const endpoint = typeof root.endpoint === 'string' ? root.endpoint : '';
      const [base, query] = endpoint.split(/(?=[?#])/, 2);
      return [
        { title: `Remove the unused parameter "${name}"`, isPreferred: true, edits: setValue(id, document, ['parameters', Number(data.index)], undefined) },
        { title: `Use it: add /{${name}} to the endpoint`, edits: setValue(id, document, ['endpoint'], `${base.replace(/\/$/, '')}/{${name}}${query ?? ''}`) },
      ];
    }
    case 'not-required':
      return [{ title: `Make "${name}" required`, isPreferred: true, edits: setValue(id, document, ['parameters', Number(data.index), 'required'], true) }];
    default:
      return [];
  }
};

const segmentFixes: FixProvider = ({ id, document, org }) => {
  const fixes: CodeFix[] = [{ title: 'Add "restrictedToSegments": [] (every contact, on purpose)', edits: setValue(id, document, ['restrictedToSegments'], []) }];
  for (const segment of org?.model?.segments ?? []) {
    fixes.push({ title: `Restrict to segment "${segment}"`, edits: setValue(id, document, ['restrictedToSegments'], [segment]) });
  }
  return fixes;
};

const credentialFix: FixProvider = ({ id, document, finding }) => {
  const data = dataOf({ finding });
  const path = pathOf(data);
  const reference = `${String(data.scheme ?? '')}\${secret:${String(data.secretName)}}`;
  return [{
    title: `Move the value into secret ${String(data.secretName)} and use "${reference}"`,
    isPreferred: true,
    edits: setValue(id, document, path, reference),
    storeSecret: { secretName: String(data.secretName), valueRange: finding.range },
  }];
};

const authorizationFix: FixProvider = ({ id, document, finding }) => {
  const path = pathOf(dataOf({ finding }));
  const value = valueAt(document.value, path);
  if (typeof value !== 'string') return [];
  return [{ title: 'Add the "Bearer " scheme', isPreferred: true, edits: setValue(id, document, path, `Bearer ${value.trim()}`) }];
};

const duplicateNameFix: FixProvider = ({ id, document, isNameTaken }) => {
  const name = String((document.value as Data).name ?? '').trim();
  let n = 2;
  while (isNameTaken(`${name} (${n})`)) n++;
  return [{ title: `Rename to "${name} (${n})"`, edits: setValue(id, document, ['name'], `${name} (${n})`) }];
};

const unknownPropertyFix: FixProvider = ({ id, document, finding }) => {
  const data = dataOf({ finding });
  const suggestion = data.suggestion;
  if (typeof suggestion !== 'string') return [];
  // Renaming onto a key the object already has would make a duplicate key that silently replaces its value.
  const parent = valueAt(document.value, pathOf(data));
  if (parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, suggestion)) return [];
  return [{ title: `Rename to "${suggestion}"`, isPreferred: true, edits: [{ file: id, range: finding.range, newText: JSON.stringify(suggestion) }] }];
};

/** Quick fixes by finding code. Each leaves a file that no longer has the finding (tests check it). */
export const FIX_PROVIDERS: Readonly<Record<string, FixProvider>> = {
  'path-parameter-mismatch': pathParameterFixes,
  'missing-segment-rule': segmentFixes,
  'unknown-segment': (context) => {
    const data = dataOf(context);
    // Config findings (a contact's segments) carry their path; action findings the index in restrictedToSegments.
    const path = Array.isArray(data.path) ? pathOf(data) : ['restrictedToSegments', Number(data.index)];
    return typeof data.suggestion === 'string' ? replaceWithSuggestion(path, data.suggestion, 'the segment')(context) : [];
  },
  'insecure-endpoint': ({ id, document }) => {
    const endpoint = String((document.value as Data).endpoint ?? '');
    return [{ title: 'Use https://', isPreferred: true, edits: setValue(id, document, ['endpoint'], endpoint.replace(/^http:\/\//i, 'https://')) }];
  },
  'credential-in-file': credentialFix,
  'authorization-without-scheme': authorizationFix,
  'duplicate-action-name': duplicateNameFix,
  'no-channel': ({ id, document }) => [{ title: 'Put it on the widget (OpenCX\'s default)', isPreferred: true, edits: setValue(id, document, ['channels'], ['widget']) }],
  'body-not-allowed': ({ id, document }) => [{ title: 'Remove the body', isPreferred: true, edits: setValue(id, document, ['body'], undefined) }],
  'unknown-property': unknownPropertyFix,
  'invalid-value': (context) => {
    const data = dataOf(context);
    return typeof data.suggestion === 'string' ? replaceWithSuggestion(pathOf(data), data.suggestion, 'the value')(context) : [];
  },
  'unknown-default': (context) => {
    const data = dataOf(context);
    const key = String(data.key);
    return typeof data.suggestion === 'string' ? replaceWithSuggestion([key], data.suggestion, key)(context) : [];
  },
};
