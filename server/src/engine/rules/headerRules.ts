import type { Finding } from '../lint/findings';
import { fixedIds, resolveHeaders, type OrgInput } from '../resolve';
import { contextHeaderConflictFindings, headerShadowedFindings, unknownSecretFindings } from '../resolve/diagnostics';
import { isContextHeaderName } from '../resolve/contextHeaders';
import { settingLocation } from '../model/config';
import type { JsonDocument } from '../document/jsonDocument';
import type { ActionRule, ConfigRule, LintContext, OrgContext, RuleFinding } from './rule';

/** The resolver's view of the organisation context the workspace found for a file. */
export function orgInputOf(org: OrgContext | undefined): OrgInput | undefined {
  if (!org?.model) return undefined;
  return { file: org.id, config: org.model, raw: org.raw, ...(org.status !== 'valid' ? { usingLastValid: true } : {}) };
}

/** The resolver's findings come complete; a rule returns them without code and severity (the framework adds them). */
function asRuleFindings(findings: Finding[], target: (f: Finding) => string | undefined): RuleFinding[] {
  return findings.map(({ code: _code, severity: _severity, ...rest }) => {
    const t = target(rest as Finding);
    return t === undefined ? rest : { ...rest, target: t };
  });
}

const headerOf = (f: Finding) => (f.data as { header?: string } | undefined)?.header;

/** `header-shadowed`: an action header a global variable or the active contact's header replaces (never sent). */
export const headerShadowedRule: ActionRule = {
  code: 'header-shadowed',
  defaultSeverity: 'warning',
  summary: 'An action header that a global variable or a contact\'s widget header replaces, so it is never sent as written.',
  check({ id, document, action, org, context }) {
    if (!action.headers.length) return [];
    const resolution = resolveHeaders({
      action: { file: id, value: document.value, model: action },
      org: orgInputOf(org),
      environment: context.environment,
      contact: context.contact,
      ids: fixedIds(),
    });
    if (!resolution.ok) return []; // an unknown environment or contact is reported where it is chosen
    const config = org ? { file: org.id, document: org.document } : undefined;
    return asRuleFindings(headerShadowedFindings({ file: id, document }, resolution.value.headers, config, resolution.value.contact), headerOf);
  },
};

/** `context-header-conflict`: the action sets an `x-opencx-*` header, which OpenCX reserves for its own. */
export const contextHeaderConflictRule: ActionRule = {
  code: 'context-header-conflict',
  defaultSeverity: 'warning',
  summary: 'The action sets an x-opencx-* header itself; OpenCX reserves them for its context headers.',
  check({ id, document, action, org }) {
    if (!action.headers.some((h) => isContextHeaderName(h.name))) return [];
    const enabled = org?.model?.contextHeaders.enabled === true;
    const enabledPath = settingLocation(org?.raw, undefined, ['contextHeaders', 'enabled']);
    const config = org ? { file: org.id, document: org.document } : undefined;
    const enabledAt = org && enabledPath ? { file: org.id, path: enabledPath } : undefined;
    return asRuleFindings(contextHeaderConflictFindings({ file: id, document }, enabled, config, enabledAt), headerOf);
  },
};

const secretOf = (f: Finding) => (f.data as { secret?: string } | undefined)?.secret;

/** Its findings for any document: a `${secret:NAME}` that is not set (only when the secrets are known). */
function unknownSecrets(document: JsonDocument, context: LintContext): RuleFinding[] {
  if (!context.isSecretSet || !document.text.includes('${secret:')) return [];
  return asRuleFindings(unknownSecretFindings(document, context.isSecretSet), secretOf);
}

/** `unknown-secret` in an action. */
export const unknownSecretRule: ActionRule = {
  code: 'unknown-secret',
  defaultSeverity: 'info',
  summary: 'A ${secret:NAME} reference to a secret that is not set.',
  check: ({ document, context }) => unknownSecrets(document, context),
};

/** `unknown-secret` in opencx.config.json (global variables and contact headers). */
export const configUnknownSecretRule: ConfigRule = { ...unknownSecretRule, check: ({ document, context }) => unknownSecrets(document, context) };
