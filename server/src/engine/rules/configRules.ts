import { closestMatch } from '../similar';
import { authorizationFindings, credentialFindings } from './credentialRules';
import { configLiterals } from './literalValues';
import { valueRange } from './positions';
import { knownSegments } from './unknownSegmentRule';
import type { ConfigRule, RuleFinding } from './types';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `credential-in-file` in opencx.config.json: global variables are where API tokens usually end up. */
export const configCredentialRule: ConfigRule = {
  code: 'credential-in-file',
  defaultSeverity: 'warning',
  summary: 'A literal value that looks like a token or API key; secrets belong in ${secret:NAME}.',
  check: ({ document, raw }) => credentialFindings(document, configLiterals(raw)),
};

/** `authorization-without-scheme` in global variables and contact headers (the documented 401 cause). */
export const configAuthorizationRule: ConfigRule = {
  code: 'authorization-without-scheme',
  defaultSeverity: 'warning',
  summary: 'An Authorization value with no "Bearer "/"Basic " scheme; OpenCX sends it verbatim.',
  check: ({ document, raw }) => authorizationFindings(document, configLiterals(raw)),
};

/** Contacts' segments that the config's own `segments` list does not have. */
export const configUnknownSegmentRule: ConfigRule = {
  code: 'unknown-segment',
  defaultSeverity: 'warning',
  summary: 'A contact is in a segment that the segments list does not have.',
  check({ document, raw, model }) {
    const known = model ? knownSegments(model) : undefined;
    if (!known || !isObject(raw)) return [];
    const findings: RuleFinding[] = [];
    const scan = (contacts: unknown, base: (string | number)[]) => {
      if (!isObject(contacts)) return;
      for (const [name, contact] of Object.entries(contacts)) {
        if (!isObject(contact) || !Array.isArray(contact.segments)) continue;
        contact.segments.forEach((segment, index) => {
          if (typeof segment !== 'string' || known.includes(segment)) return;
          const suggestion = closestMatch(segment, known);
          findings.push({
            message: `contact "${name}" is in segment "${segment}", which "segments" does not list; ${suggestion ? `did you mean "${suggestion}"?` : 'add it to "segments" or fix the name'}`,
            range: valueRange(document, [...base, name, 'segments', index]),
            target: segment,
            data: { segment, path: [...base, name, 'segments', index], ...(suggestion ? { suggestion } : {}), known },
          });
        });
      }
    };
    scan(raw.contacts, ['contacts']);
    if (isObject(raw.environments)) for (const [env, o] of Object.entries(raw.environments)) if (isObject(o)) scan(o.contacts, ['environments', env, 'contacts']);
    return findings;
  },
};

/** `unknown-default`: defaultContact / defaultEnvironment naming something the config does not define. */
export const configUnknownDefaultRule: ConfigRule = {
  code: 'unknown-default',
  defaultSeverity: 'error',
  summary: 'defaultContact or defaultEnvironment names a contact or environment that does not exist.',
  check({ document, model }) {
    if (!model) return [];
    const findings: RuleFinding[] = [];
    const check = (key: 'defaultContact' | 'defaultEnvironment', name: string | undefined, known: string[], what: string) => {
      if (name === undefined || known.includes(name)) return;
      const suggestion = closestMatch(name, known);
      findings.push({
        message: `${key} is "${name}", but there is no ${what} of that name; ${suggestion ? `did you mean "${suggestion}"?` : `known: ${known.join(', ') || '(none)'}`}`,
        range: valueRange(document, [key]),
        data: { key, ...(suggestion ? { suggestion } : {}) },
      });
    };
    const envContacts = Object.values(model.environments).flatMap((e) => Object.keys(e.contacts ?? {}));
    check('defaultContact', model.defaultContact, [...new Set([...Object.keys(model.contacts), ...envContacts])], 'contact');
    check('defaultEnvironment', model.defaultEnvironment, Object.keys(model.environments), 'environment');
    return findings;
  },
};
