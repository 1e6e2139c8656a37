import { organisationNames } from '../model/config';
import { closestMatch } from '../lint/similar';
import { authorizationRule, credentialRule } from './credentialActionRules';
import { authorizationFindings, credentialFindings } from './credentialRules';
import { configLiterals } from './literalValues';
import { valueRange } from './positions';
import { knownSegments } from './unknownSegmentRule';
import type { ConfigRule, RuleFinding } from './rule';
import { isJsonObject } from '../document/json';

/** `credential-in-file` in opencx.config.json: global variables are where API tokens usually end up. */
export const configCredentialRule: ConfigRule = {
  ...credentialRule,
  check: ({ document, raw }) => credentialFindings(document, configLiterals(raw)),
};

/** `authorization-without-scheme` in global variables and contact headers (the documented 401 cause). */
export const configAuthorizationRule: ConfigRule = {
  ...authorizationRule,
  check: ({ document, raw }) => authorizationFindings(document, configLiterals(raw)),
};

/** Contacts' segments that the config's own `segments` list does not have. */
export const configUnknownSegmentRule: ConfigRule = {
  code: 'unknown-segment',
  defaultSeverity: 'warning',
  summary: 'A contact is in a segment that the segments list does not have.',
  check({ document, raw, model }) {
    const known = model ? knownSegments(model) : undefined;
    if (!known || !isJsonObject(raw)) return [];
    const findings: RuleFinding[] = [];
    const scan = (contacts: unknown, base: (string | number)[]) => {
      if (!isJsonObject(contacts)) return;
      for (const [name, contact] of Object.entries(contacts)) {
        if (!isJsonObject(contact) || !Array.isArray(contact.segments)) continue;
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
    if (isJsonObject(raw.environments)) for (const [env, o] of Object.entries(raw.environments)) if (isJsonObject(o)) scan(o.contacts, ['environments', env, 'contacts']);
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
    const names = organisationNames([model]);
    check('defaultContact', model.defaultContact, names.contacts, 'contact');
    check('defaultEnvironment', model.defaultEnvironment, names.environments, 'environment');
    return findings;
  },
};
