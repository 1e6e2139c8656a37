import { code } from './markdown';

/** The environment variable a terminal run reads a secret from: `OPENCX_SECRET_<NAME>`. */
export function secretEnvironmentVariable(name: string): string {
  return `OPENCX_SECRET_${name}`;
}

/**
 * Markdown for the hover on a `${secret:NAME}` reference: whether a value is set, never the value itself.
 * `isSet` is the caller's answer (SecretStorage in VS Code, the environment in a terminal).
 */
export function renderSecretExplanation(name: string, isSet: boolean): string {
  const title = `**Secret ${code(name)}**`;
  const where = `Set it with *OpenCX: Set Secret* in VS Code, or the environment variable ${code(secretEnvironmentVariable(name))} in a terminal.`;
  if (isSet) return `${title}: set. The value is never shown; it is filled in only when the request is sent.\n\n${where.replace('Set it', 'Change it')}`;
  return `${title}: **not set**. A plan shows the reference, but the request cannot be sent until it has a value.\n\n${where}`;
}

/**
 * Markdown for the same hover in an editor that cannot tell whether the secret is set (any editor but VS Code,
 * which keeps secrets in its own storage): where the value comes from when the action is run from a terminal.
 */
export function renderSecretReference(name: string): string {
  return `**Secret ${code(name)}**: a reference; the value is never shown or written to a file. It is filled in only when the request is sent: set the environment variable ${code(secretEnvironmentVariable(name))} where you run \`opencx-actions run\`.`;
}
