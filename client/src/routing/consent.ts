import * as vscode from 'vscode';

const CONSENT_KEY = 'opencx.model.consentedBaseUrls';

/** What leaves the machine, in the words the consent shows (docs/routing.md says the same). */
export function consentDetail(baseUrl: string, requests: string): string {
  return `${requests} will be sent to ${baseUrl}. They hold only your actions' names, descriptions and parameter schemas (the tool list OpenCX would offer) and your utterances, with a fixed system message. Never headers, secrets, endpoints or response bodies. You are asked once per base URL.`;
}

/** Asks the user; true when they agreed. Replaceable (end-to-end tests answer it instead of a modal dialog). */
export type ConsentPrompt = (baseUrl: string, detail: string) => Promise<boolean>;

export const modalConsent: ConsentPrompt = async (baseUrl, detail) =>
  (await vscode.window.showWarningMessage(`Send to the model at ${baseUrl}?`, { modal: true, detail }, 'Send')) === 'Send';

/** The one-time consent per base URL, remembered in global state (consent is about the endpoint, not the workspace). */
export async function ensureConsent(state: vscode.Memento, baseUrl: string, requests: string, prompt: ConsentPrompt): Promise<boolean> {
  const agreed = state.get<string[]>(CONSENT_KEY) ?? [];
  if (agreed.includes(baseUrl)) return true;
  if (!(await prompt(baseUrl, consentDetail(baseUrl, requests)))) return false;
  await state.update(CONSENT_KEY, [...agreed, baseUrl]);
  return true;
}
