import * as vscode from 'vscode';
import { DEFAULT_MODEL_TIMEOUT_MS, DEFAULT_SYSTEM_PROMPT } from '../../../server/src/engine';

/** The settings of the routing test (package.json declares them; Restricted Mode ignores the workspace's values). */
export const MODEL_SETTINGS = {
  baseUrl: 'model.baseUrl',
  name: 'model.name',
  systemPrompt: 'model.systemPrompt',
  maxRequests: 'model.maxRequests',
  runs: 'model.runs',
} as const;

export const DEFAULT_MAX_REQUESTS = 200;

/** The model the user configured, or why there is none yet (a sentence naming the setting). */
export type ModelChoice =
  | { ok: true; baseUrl: string; model: string; systemPrompt: string; maxRequests: number; runs: number; timeoutMs: number }
  | { ok: false; message: string; setting: string };

/** An http(s) URL without a trailing slash, or undefined. */
export function normalBaseUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.toString().replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

const wholeAtLeastOne = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback);

/** Reads the model settings: nothing is sent until both the base URL and the model name are set. */
export function modelChoice(env: NodeJS.ProcessEnv = process.env): ModelChoice {
  const config = vscode.workspace.getConfiguration('opencx');
  const rawUrl = (config.get<string>(MODEL_SETTINGS.baseUrl) ?? '').trim();
  const model = (config.get<string>(MODEL_SETTINGS.name) ?? '').trim();
  if (!rawUrl) return { ok: false, setting: `opencx.${MODEL_SETTINGS.baseUrl}`, message: 'No model is configured: set opencx.model.baseUrl (e.g. http://localhost:11434/v1 for Ollama) and opencx.model.name. Nothing is sent until you do.' };
  const baseUrl = normalBaseUrl(rawUrl);
  if (!baseUrl) return { ok: false, setting: `opencx.${MODEL_SETTINGS.baseUrl}`, message: `opencx.model.baseUrl must be an http(s) URL such as http://localhost:11434/v1; got "${rawUrl}".` };
  if (!model) return { ok: false, setting: `opencx.${MODEL_SETTINGS.name}`, message: 'No model name is configured: set opencx.model.name (e.g. llama3.1 or gpt-4o-mini).' };
  const prompt = (config.get<string>(MODEL_SETTINGS.systemPrompt) ?? '').trim();
  const timeout = Number(env.OPENCX_MODEL_TIMEOUT_MS);
  return {
    ok: true,
    baseUrl,
    model,
    systemPrompt: prompt || DEFAULT_SYSTEM_PROMPT,
    maxRequests: wholeAtLeastOne(config.get(MODEL_SETTINGS.maxRequests), DEFAULT_MAX_REQUESTS),
    runs: wholeAtLeastOne(config.get(MODEL_SETTINGS.runs), 1),
    timeoutMs: Number.isInteger(timeout) && timeout >= 1 ? timeout : DEFAULT_MODEL_TIMEOUT_MS,
  };
}

/** Shows why no model can be used, with a button that opens the setting. */
export async function refuseWithoutModel(choice: Extract<ModelChoice, { ok: false }>): Promise<void> {
  const open = await vscode.window.showErrorMessage(`OpenCX: ${choice.message}`, 'Open Setting');
  if (open) await vscode.commands.executeCommand('workbench.action.openSettings', choice.setting);
}
