import type { ActionModel } from '../model/action';
import type { LiteralValue } from './credentialRules';
import { isJsonObject } from '../document/json';

/** The literal header values and static string parameter values of an action. */
export function actionLiterals(action: ActionModel): LiteralValue[] {
  const values: LiteralValue[] = [];
  for (const h of action.headers) {
    if (typeof h.value === 'string') values.push({ path: ['headers', h.name], name: h.name, value: h.value, kind: 'header', label: 'header' });
  }
  for (const p of action.parameters) {
    if (typeof p.value === 'string') values.push({ path: ['parameters', p.index, 'value'], name: p.name, value: p.value, kind: 'parameter', label: `${p.in ?? ''} parameter`.trim() });
  }
  return values;
}

function headerMap(map: unknown, path: (string | number)[], label: string, out: LiteralValue[]): void {
  if (!isJsonObject(map)) return;
  for (const [name, value] of Object.entries(map)) {
    if (typeof value === 'string') out.push({ path: [...path, name], name, value, kind: 'header', label });
  }
}

function contacts(map: unknown, path: (string | number)[], out: LiteralValue[]): void {
  if (!isJsonObject(map)) return;
  for (const [contact, value] of Object.entries(map)) {
    if (isJsonObject(value)) headerMap(value.headers, [...path, contact, 'headers'], `contact "${contact}" header`, out);
  }
}

/** Every literal header value of opencx.config.json: global variables and contact headers, environments too. */
export function configLiterals(raw: unknown): LiteralValue[] {
  const values: LiteralValue[] = [];
  if (!isJsonObject(raw)) return values;
  headerMap(raw.globalVariables, ['globalVariables'], 'global variable', values);
  contacts(raw.contacts, ['contacts'], values);
  if (isJsonObject(raw.environments)) {
    for (const [env, overlay] of Object.entries(raw.environments)) {
      if (!isJsonObject(overlay)) continue;
      headerMap(overlay.globalVariables, ['environments', env, 'globalVariables'], `global variable (${env})`, values);
      contacts(overlay.contacts, ['environments', env, 'contacts'], values);
    }
  }
  return values;
}
