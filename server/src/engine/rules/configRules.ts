import { organisationNames } from '../model/config';
import { closestMatch } from '../similar';
import { authorizationRule, credentialRule } from './credentialActionRules';
import { authorizationFindings, credentialFindings } from './credentialRules';
import { configLiterals } from './literalValues';
import { valueRange } from './positions';
import { knownSegments } from './unknownSegmentRule';
import type { ConfigRule, RuleFinding } from './types';
import { isJsonObject } from '../json';

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

/**
 * `contact-in-exclusive-segments`: a test contact in two segments of one `exclusiveSegmentGroups` group. The config
 * says no contact can be in both, so the contact tests an audience that does not exist (and the overlap check would
 * skip pairs this contact is in fact offered together).
 */
export const configExclusiveSegmentsRule: ConfigRule = {
  code: 'contact-in-exclusive-segments',
  defaultSeverity: 'error',
  summary: 'A test contact is in two segments that exclusiveSegmentGroups says never share a contact.',
  check({ document, raw, model }) {
    if (!model?.exclusiveSegmentGroups.length || !isJsonObject(raw)) return [];
    const findings: RuleFinding[] = [];
    const scan = (contacts: unknown, base: (string | number)[]) => {
      if (!isJsonObject(contacts)) return;
      for (const [name, contact] of Object.entries(contacts)) {
        if (!isJsonObject(contact) || !Array.isArray(contact.segments)) continue;
        const segments = contact.segments.filter((s): s is string => typeof s === 'string');
        for (const group of model.exclusiveSegmentGroups) {
          const inGroup = segments.filter((s) => group.includes(s));
          if (inGroup.length < 2) continue;
          const second = contact.segments.indexOf(inGroup[1]);
          findings.push({
            message: `contact "${name}" is in "${inGroup[0]}" and "${inGroup[1]}", which exclusiveSegmentGroups says no contact can be in together; remove one of them from this contact, or take them out of the group [${group.map((s) => `"${s}"`).join(', ')}] if a contact can be in both`,
            range: valueRange(document, [...base, name, 'segments', second]),
            target: inGroup[1],
            data: { segments: inGroup.slice(0, 2), group },
          });
        }
      }
    };
    scan(raw.contacts, ['contacts']);
    if (isJsonObject(raw.environments)) for (const [env, o] of Object.entries(raw.environments)) if (isJsonObject(o)) scan(o.contacts, ['environments', env, 'contacts']);
    return findings;
  },
};
