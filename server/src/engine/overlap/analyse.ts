/**
 * What the AI reads in an action: its concepts (synonyms folded together) and its intent (the verb class),
 * from the name and the description. Pure; one call per changed action.
 */
import type { HttpMethod } from '../model/action';
import { intentOfQuestion, intentWithObject, isLightVerb, isNounVerb, isNounWhenNotVerb, READ_INTENTS, type IntentClass } from './intents';
import { conceptOf, phraseAt } from './vocabulary';
import { isStopWord, tokenize, type Token } from './words';

/** One concept of an action, with the words the author used for it (for messages). */
export interface Term {
  concept: string;
  /** Distinct surface words or phrases, in the order they first appear. */
  words: string[];
  /** Whether the name says it (the AI weighs the name most). */
  inName: boolean;
}

export interface Profile {
  terms: Map<string, Term>;
  /** The main verb class: the name's leading verb, else the description's. */
  intent: IntentClass | undefined;
  /** The word that said the main intent ("track", "look up"). */
  intentWord: string | undefined;
  /** Every verb class said at the start of a clause, including `intent`. */
  verbs: Set<IntentClass>;
  /** GET (reads) vs any other method (changes state); undefined when the method is unknown. */
  reads: boolean | undefined;
}


/** After "return(s)", these words mean "gives back data" ("returns the carrier"), not a product return. */
const DATA_RETURN_NEXT = new Set(['the', 'a', 'an', 'how', 'what', 'whether', 'its', 'their', 'his', 'her', 'any', 'all', 'each', 'every', 'which', 'when', 'where', 'who', 'list', 'details', 'information', 'info']);
/** Nouns that make a leading noun-verb a noun in a name: "Order status", "Refund history", "Return label". */
const NAME_NOUN_HEADS = new Set(['status', 'history', 'details', 'label', 'labels', 'balance', 'summary', 'preferences', 'settings', 'list', 'policy', 'number', 'date', 'amount', 'fee', 'link', 'limit', 'info', 'eligibility', 'options', 'tracking', 'window', 'reason']);
/** Words after which a verb starts a new action in the same sentence ("... and email the customer"). */
const VERB_LEADERS = new Set(['to', 'and', 'or', 'then', 'please', 'also']);

interface Collector {
  terms: Map<string, Term>;
  verbs: { intent: IntentClass; word: string; inName: boolean; leading: boolean }[];
}

function addTerm(c: Collector, concept: string, word: string, inName: boolean): void {
  const term = c.terms.get(concept);
  if (!term) {
    c.terms.set(concept, { concept, words: [word], inName });
    return;
  }
  if (!term.words.includes(word)) term.words.push(word);
  term.inName ||= inName;
}

function isDataReturn(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i].word;
  const next = tokens[i + 1];
  return (w === 'return' || w === 'returns') && next !== undefined && !next.clauseStart && DATA_RETURN_NEXT.has(next.word);
}

/** Whether the token at i is used as a verb: a clause start, or right after "to"/"and"/"or"/"then". */
function verbPosition(tokens: readonly Token[], i: number, inName: boolean): boolean {
  if (tokens[i].clauseStart) {
    if (!inName || !isNounVerb(tokens[i].word)) return true;
    return !(i + 1 < tokens.length && NAME_NOUN_HEADS.has(tokens[i + 1].word));
  }
  return i > 0 && VERB_LEADERS.has(tokens[i - 1].word);
}

/** The concept of the first content word after position i (the verb's object), skipping stop words. */
function objectConcept(tokens: readonly Token[], i: number): string | undefined {
  for (let j = i + 1; j < tokens.length && !tokens[j].clauseStart; j++) {
    if (!isStopWord(tokens[j].word)) return conceptOf(tokens[j].word, tokens[j].stem);
  }
  return undefined;
}

function collect(c: Collector, text: string, inName: boolean): void {
  const tokens = tokenize(text);
  const stems = tokens.map((t) => t.stem);
  let leadingDone = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const leading = !leadingDone;
    const phrase = phraseAt(stems, i);
    if (phrase) {
      const words = tokens.slice(i, i + phrase.length).map((t) => t.word).join(' ');
      if (phrase.target === 'stop:') {
        // filler: no concept, no intent
      } else if (phrase.target.startsWith('intent:')) {
        if (verbPosition(tokens, i, inName)) c.verbs.push({ intent: phrase.target.slice(7) as IntentClass, word: words, inName, leading });
      } else {
        addTerm(c, phrase.target, words, inName);
      }
      leadingDone = true;
      i += phrase.length - 1;
      continue;
    }
    if (isDataReturn(tokens, i)) {
      if (verbPosition(tokens, i, inName)) c.verbs.push({ intent: 'read', word: token.word, inName, leading });
      leadingDone = true;
      continue;
    }
    if (isLightVerb(token.word)) continue; // "make a transfer": the noun says what happens, not "make"
    const question = token.clauseStart ? intentOfQuestion(token.word) : undefined;
    if (question) c.verbs.push({ intent: question, word: token.word, inName, leading });
    if (isStopWord(token.word) || /^\d+$/.test(token.word) || token.word.length < 2) continue;
    leadingDone = true;
    const intent = question ? undefined : intentWithObject(token.word, objectConcept(tokens, i));
    const usedAsVerb = intent !== undefined && verbPosition(tokens, i, inName);
    if (usedAsVerb) c.verbs.push({ intent, word: token.word, inName, leading });
    // A plain verb ("get", "cancel") is only the intent; a noun-verb ("track", "refund") is also what it is about.
    if (intent && !isNounVerb(token.word) && !(isNounWhenNotVerb(token.word) && !usedAsVerb)) continue;
    addTerm(c, conceptOf(token.word, token.stem), token.word, inName);
  }
}

/**
 * The profile of an action's name and description (the method only says read vs write). Words naming one of the
 * action's own segments ("Track retail order", restricted to "retail") are left out: they name the audience, and a
 * contact in that segment sees the action whatever it says.
 */
export function analyse(name: string, description: string, method: HttpMethod | undefined, segments: readonly string[] = []): Profile {
  const c: Collector = { terms: new Map(), verbs: [] };
  collect(c, name, true);
  collect(c, description, false);
  for (const segment of segments) {
    for (const token of tokenize(segment)) c.terms.delete(conceptOf(token.word, token.stem));
  }
  const main = c.verbs.find((v) => v.inName && v.leading) ?? c.verbs.find((v) => !v.inName && v.leading);
  // A GET cannot create or change anything: whatever its verb says ("Request transcript"), it reads.
  const intent = method === 'GET' && main && !READ_INTENTS.has(main.intent) ? 'read' : main?.intent;
  return {
    terms: c.terms,
    intent,
    intentWord: main?.word,
    verbs: new Set(c.verbs.map((v) => v.intent)),
    reads: method === undefined ? undefined : method === 'GET',
  };
}
