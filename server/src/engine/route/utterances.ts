import { isJsonObject } from '../document/json';

/** One thing a customer might say when an action is the right one, with the arguments the model should extract. */
export interface Utterance {
  text: string;
  expect?: Record<string, unknown>;
}

/** The `utterances` of an action file's value (tolerant: items of the wrong shape are skipped; the schema reports them). */
export function utterancesOf(value: unknown): Utterance[] {
  if (!isJsonObject(value) || !Array.isArray(value.utterances)) return [];
  return value.utterances.flatMap((item): Utterance[] => {
    if (typeof item === 'string') return item.trim() ? [{ text: item }] : [];
    if (!isJsonObject(item) || typeof item.text !== 'string' || !item.text.trim()) return [];
    return [{ text: item.text, ...(isJsonObject(item.expect) ? { expect: item.expect } : {}) }];
  });
}
