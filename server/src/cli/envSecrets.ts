import type { SecretSource } from '../engine';

const PREFIX = 'OPENCX_SECRET_';

/**
 * The variables a secret may be read from, in order: `OPENCX_SECRET_<NAME>` exactly as the reference spells it,
 * then upper-cased with every character other than A-Z, 0-9 and _ turned into _ (so `${secret:shop.token}` can
 * come from OPENCX_SECRET_SHOP_TOKEN, which a shell can export).
 */
export function secretVariableNames(name: string): string[] {
  const exact = PREFIX + name;
  const portable = PREFIX + name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return exact === portable ? [exact] : [exact, portable];
}

/** A SecretSource over environment variables, for terminal runs. Only the run command ever calls `get`. */
export interface EnvSecretSource extends SecretSource {
  has(name: string): Promise<boolean>;
  /** Synchronous existence check (never the value), for plan notes and `unknown-secret`. */
  isSet(name: string): boolean;
}

/** Reads `OPENCX_SECRET_<NAME>` (see secretVariableNames); an empty variable counts as not set. */
export function envSecretSource(env: NodeJS.ProcessEnv): EnvSecretSource {
  const lookup = (name: string): string | undefined => {
    for (const variable of secretVariableNames(name)) {
      const value = env[variable];
      if (value !== undefined && value !== '') return value;
    }
    return undefined;
  };
  return {
    get: async (name) => lookup(name),
    has: async (name) => lookup(name) !== undefined,
    isSet: (name) => lookup(name) !== undefined,
  };
}
