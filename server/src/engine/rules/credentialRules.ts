import { valueRange } from './positions';
import type { JsonDocument, JsonPath } from '../document/jsonDocument';
import type { RuleFinding } from './rule';
import { AUTH_SCHEME, hasAuthScheme, looksLikeCredential, maskCredential, secretNameFor } from '../model/credentials';

/** A literal value in a file that a credential rule looks at: where it is and what it is called. */
export interface LiteralValue {
  path: JsonPath;
  name: string;
  value: string;
  kind: 'header' | 'parameter';
  /** What the value is, for messages: "header", "global variable", "contact header"… */
  label: string;
}

/** `credential-in-file` findings for literal values: secrets in files end up in git history. */
export function credentialFindings(document: JsonDocument, values: LiteralValue[]): RuleFinding[] {
  return values.filter((v) => looksLikeCredential(v.name, v.value, v.kind)).map((v) => {
    const secret = secretNameFor(v.name);
    const scheme = AUTH_SCHEME.exec(v.value)?.[0] ?? '';
    return {
      message: `${v.label} "${v.name}" holds what looks like a literal credential (${maskCredential(v.value)}); files end up in git history, so use "${scheme}\${secret:${secret}}" and set the value with "OpenCX: Set Secret" (OPENCX_SECRET_${secret} in a terminal)`,
      range: valueRange(document, v.path),
      target: v.name,
      data: { path: v.path, secretName: secret, scheme },
    };
  });
}

/** `authorization-without-scheme` findings: an Authorization value with no `Bearer `/`Basic ` scheme. */
export function authorizationFindings(document: JsonDocument, values: LiteralValue[]): RuleFinding[] {
  return values.filter((v) => v.kind === 'header' && /^authorization$/i.test(v.name) && !hasAuthScheme(v.value)).map((v) => {
    const onlySecret = /^\$\{secret:[^}]+\}$/.test(v.value.trim());
    return {
      ...(onlySecret ? { severity: 'info' as const } : {}),
      message: onlySecret
        ? `${v.label} "Authorization" is only a secret reference: OpenCX sends it verbatim and adds no "Bearer ", so the secret itself must start with the scheme; writing "Bearer ${v.value.trim()}" makes that explicit`
        : `${v.label} "Authorization" has no scheme: OpenCX sends the value verbatim and adds no "Bearer ", a documented cause of 401s; write "Bearer <token>" (or "Basic …")`,
      range: valueRange(document, v.path),
      target: v.name,
      data: { path: v.path },
    };
  });
}
