import * as vscode from 'vscode';
import { DEFAULT_TOKEN_BUDGET, OPENCX_TIMEOUT_MS } from '../../../server/src/engine';

export interface RunSettings {
  timeoutMs: number;
  allowHttpLoopback: boolean;
  tokenBudget: number;
  caCertificates: string[];
}

const positive = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback);

/** `opencx.run.historyLimit` (window-scoped: one history per workspace). */
export function historyLimit(): number {
  return positive(vscode.workspace.getConfiguration('opencx.run').get('historyLimit'), 100);
}

/** The `opencx.run.*` settings for one action file, normalised in this one place (defaults live here). */
export function runSettings(scope: vscode.Uri): RunSettings {
  const c = vscode.workspace.getConfiguration('opencx.run', scope);
  return {
    timeoutMs: positive(c.get('timeoutMs'), OPENCX_TIMEOUT_MS),
    allowHttpLoopback: c.get('allowHttpLoopback') === true,
    tokenBudget: positive(c.get('tokenBudget'), DEFAULT_TOKEN_BUDGET),
    caCertificates: (c.get<unknown[]>('caCertificates') ?? []).filter((p): p is string => typeof p === 'string' && p.length > 0),
  };
}
