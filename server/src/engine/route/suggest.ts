import type { ToolParameters } from '../catalog/types';

/** What a suggestion request tells the model about one action: the same three things the routing test sends. */
export interface SuggestSubject {
  name: string;
  description: string;
  parameters: ToolParameters;
}

/** A chat-completions request that asks for example customer messages (no tools: the answer is text). */
export interface SuggestRequest {
  model: string;
  messages: [{ role: 'system'; content: string }, { role: 'user'; content: string }];
}

export const MIN_SUGGESTIONS = 3;
export const MAX_SUGGESTIONS = 5;

const SUGGEST_SYSTEM_PROMPT = `You write test data for a customer-support assistant. Given one tool (its name, description and JSON Schema parameters), write ${MIN_SUGGESTIONS} to ${MAX_SUGGESTIONS} different short messages a customer might send when this tool is the right one, in the customer's own words, some with the values the parameters need. Answer with a JSON array of strings only.`;

/** The request for suggestions: a fixed system message, then the action's name, description and parameters as JSON. */
export function suggestRequest(model: string, subject: SuggestSubject): SuggestRequest {
  const user = JSON.stringify({ name: subject.name, description: subject.description, parameters: subject.parameters }, null, 2);
  return { model, messages: [{ role: 'system', content: SUGGEST_SYSTEM_PROMPT }, { role: 'user', content: user }] };
}

/** The first JSON array in a text (models often wrap it in prose or a ``` fence). */
function firstJsonArray(text: string): unknown {
  const start = text.indexOf('[');
  for (let end = text.lastIndexOf(']'); start >= 0 && end > start; end = text.lastIndexOf(']', end - 1)) {
    try {
      return JSON.parse(text.slice(start, end + 1));
    } catch {
      // a shorter slice may parse
    }
  }
  return undefined;
}

/**
 * The suggestions in a model's answer: a JSON array of strings (or of `{ "text" }` objects), else one message per
 * line. Trimmed, without duplicates or ones already present (case-insensitive), at most MAX_SUGGESTIONS.
 */
export function parseSuggestions(answer: string, existing: readonly string[] = []): string[] {
  const parsed = firstJsonArray(answer);
  const raw = Array.isArray(parsed)
    ? parsed.map((item) => (typeof item === 'string' ? item : item && typeof item === 'object' && typeof (item as { text?: unknown }).text === 'string' ? (item as { text: string }).text : ''))
    : answer.split('\n').map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').replace(/^"(.*)"$/, '$1'));
  const seen = new Set(existing.map((e) => e.trim().toLowerCase()));
  const out: string[] = [];
  for (const text of raw.map((t) => t.trim().replace(/\s+/g, ' '))) {
    const key = text.toLowerCase();
    if (!text || text.length > 500 || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out.slice(0, MAX_SUGGESTIONS);
}
