import { actionHandle, valueRange } from './positions';
import type { ActionRule } from './rule';

/** Verbs an AI can match a request against: what the action does. Stems, matched at word starts. */
const ACTION_VERBS = /\b(look|get|fetch|find|search|list|show|check|track|view|read|retriev|return|calculat|estimat|quot|creat|add|book|reserv|open|submit|send|upload|download|cancel|refund|updat|chang|edit|modif|set|renew|upgrad|downgrad|pause|resum|delet|remov|clos|reset|verif|confirm|validat|appl|redeem|transfer|pay|charg|schedul|reschedul|subscrib|unsubscrib|assign|escalat|notif|generat|export|import|link|unlink|activat|deactivat)\w*/i;
/** Filler that tells the AI nothing about when to pick the tool. */
const GENERIC_WORDS = /\b(stuff|things?|misc(ellaneous)?|various|etc|general|handles?|manages?|deals? with|helper|utility|todo|tbd|placeholder|test)\b/i;
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'to', 'and', 'or', 'in', 'on', 'by', 'with', 'this', 'that', 'it', 'is', 'are']);

/** Spec C: OpenCX sets no limit, but every visible description is prompt text on every turn. */
export const LONG_DESCRIPTION_CHARS = 1000;

function contentWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !STOP_WORDS.has(w));
}

/**
 * `vague-description` (information): a description the AI can hardly match, with no verb saying what the action
 * does and on what, or generic filler ("Order stuff").
 */
export const vagueDescriptionRule: ActionRule = {
  code: 'vague-description',
  defaultSeverity: 'info',
  summary: 'The description has no verb and object the AI can match, or only generic words.',
  check({ document, action }) {
    const text = action.description.trim();
    if (!text) return [];
    const problems: string[] = [];
    if (!ACTION_VERBS.test(text)) problems.push('no verb saying what the action does (look up, cancel, refund, change…)');
    const generic = GENERIC_WORDS.exec(text)?.[0];
    if (generic) problems.push(`generic wording ("${generic}")`);
    if (contentWords(text).length < 4) problems.push('too few words to tell the AI what it acts on');
    if (!problems.length) return [];
    return [{
      message: `the description is vague for the AI: ${problems.join('; ')}; say what it does, on what, and what it returns, e.g. "Look up an order by its numeric order ID and return its status and tracking number"`,
      range: valueRange(document, ['description']),
    }];
  },
};

/** `long-description` (information): very long descriptions cost context on every turn and blur the choice. */
export const longDescriptionRule: ActionRule = {
  code: 'long-description',
  defaultSeverity: 'info',
  summary: `The description is longer than ${LONG_DESCRIPTION_CHARS} characters.`,
  check({ document, action }) {
    if (action.description.length <= LONG_DESCRIPTION_CHARS) return [];
    return [{
      message: `the description has ${action.description.length} characters; the AI reads every visible description on every turn, so keep it to what tells this action apart (OpenCX sets no limit; we suggest ≤ ${LONG_DESCRIPTION_CHARS})`,
      range: document.nodeAt(['description']) ? valueRange(document, ['description']) : actionHandle(document),
    }];
  },
};
