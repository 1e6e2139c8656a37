import { authorizationFindings, credentialFindings } from './credentialRules';
import { actionLiterals } from './literalValues';
import type { ActionRule } from './rule';

/** `credential-in-file` in an action: a literal token or API key in a header or a static parameter. */
export const credentialRule: ActionRule = {
  code: 'credential-in-file',
  defaultSeverity: 'warning',
  summary: 'A literal value that looks like a token or API key; secrets belong in ${secret:NAME}.',
  check: ({ document, action }) => credentialFindings(document, actionLiterals(action)),
};

/** `authorization-without-scheme` in an action's own headers. */
export const authorizationRule: ActionRule = {
  code: 'authorization-without-scheme',
  defaultSeverity: 'warning',
  summary: 'An Authorization value with no "Bearer "/"Basic " scheme; OpenCX sends it verbatim.',
  check: ({ document, action }) => authorizationFindings(document, actionLiterals(action)),
};
