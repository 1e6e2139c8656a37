/**
 * The intent frame of an action (issue 9): what a customer request it answers looks like to the AI.
 *
 * - operation: the HTTP method says read (GET) or change; the name's verb (else the first sentence's main verb) says
 *   which change. A side clause ("… and report any refund due") never sets it: only the name's verb, or the first
 *   verb of the first sentence when the name has none.
 * - objects: the nouns of the name (its head first) and, with less weight, of the first sentence.
 * - qualifiers: the name's other words (adjectives, modifier nouns): what may set two actions on one object apart.
 * - context: every content lemma of the description, weighed down in usage guidance ("Use this when…"), left out
 *   when negated ("does not change where orders are shipped") or in argument boilerplate ("It takes two arguments:
 *   limit (int, optional)…").
 *
 * Lemmas and parts of speech come from wink-nlp; what words mean to each other, from WordNet (language/).
 */
import type { HttpMethod } from '../model/action';
import { language, type NlpToken } from '../language/load';
import { VERB_SENSES, type WordNet, type WordSenses } from '../language/wordnet';

/** One word of the frame, with its WordNet senses (undefined: a word WordNet does not know). */
export interface FrameWord {
  lemma: string;
  /** As the author wrote it (for messages). */
  word: string;
  senses: WordSenses | undefined;
  /** 1 for the name's head noun, less for other name words and the first sentence's. */
  weight: number;
}

export interface IntentFrame {
  method: HttpMethod | undefined;
  /** GET reads; every other method changes state; undefined when the method is unknown. */
  reads: boolean | undefined;
  verb: FrameWord | undefined;
  objects: FrameWord[];
  qualifiers: FrameWord[];
  /** The name's head noun is plural ("List invoices", "Recent orders"): a read of many, not of one. */
  collection: boolean;
  /** Content lemma → weight (before IDF) and the word as written. */
  context: Map<string, { weight: number; word: string }>;
}

/** Weights of the parts of a text in the context vector. */
const NAME_WEIGHT = 2;
const FIRST_SENTENCE_WEIGHT = 1.5;
const USAGE_WEIGHT = 0.5;
/** Weights of objects by where they are said. */
const HEAD_WEIGHT = 1;
const NAME_WORD_WEIGHT = 0.8;
const SENTENCE_OBJECT_WEIGHT = 0.6;

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
const NOUN_POS = new Set(['NOUN', 'PROPN']);
/** Usage guidance: when to pick the action, not what it does. */
const USAGE = /^(?:(?:only |do not |don't |never )?(?:use|call|invoke|choose|pick|trigger)\b|useful\b|helpful\b|this is (?:useful|helpful|for)\b|when (?:the )?(?:customer|user)\b|if (?:the )?(?:customer|user)\b)/;
/** Argument boilerplate of tool catalogs: what the call takes, not what it is for. */
const BOILERPLATE = /\b(?:arguments?|params?|parameters?|args?)\b|\((?:int|integer|string|str|bool|boolean|float|number|list|dict|optional|required)\b|\b(?:returns?|outputs?) (?:a |an )?(?:json|dict|list|string|object)\b/;
/** Verbs of reading many ("List orders", "Search tickets"): the operation inventory, not a domain word list. */
const COLLECTION_VERBS = new Set(['list', 'search', 'browse', 'enumerate', 'filter', 'query']);
/** Words that open a question name ("Where is my order"): no verb, a read. */
const QUESTION = new Set(['where', 'what', 'when', 'which', 'how', 'why', 'who', 'whether']);

/** The lemma of a token (wink's lemma, else the word itself). */
function knownLemma(_wordnet: WordNet, token: NlpToken): string {
  return token.lemma || token.value;
}

function sensesOf(wordnet: WordNet, lemma: string, preferred: 'n' | 'v' | 'a'): WordSenses | undefined {
  return wordnet.senses(lemma, preferred) ?? wordnet.senses(lemma, 'n') ?? wordnet.senses(lemma, 'v') ?? wordnet.senses(lemma, 'a');
}

/** Whether tokens i and i+1 are a two-word WordNet lemma of this part of speech ("sign in", "credit card"). */
function compoundAt(wordnet: WordNet, tokens: readonly NlpToken[], i: number, pos: 'n' | 'v'): string | undefined {
  const next = tokens[i + 1];
  if (!next) return undefined;
  const lemma = `${knownLemma(wordnet, tokens[i])}_${pos === 'n' ? knownLemma(wordnet, next) : next.value}`;
  return wordnet.has(lemma, pos) ? lemma : undefined;
}

/** The name's verb: its first content word when that can be a verb in its base form (names are imperatives). */
function nameVerb(wordnet: WordNet, tokens: readonly NlpToken[]): { index: number; width: number; lemma: string } | undefined {
  const i = tokens.findIndex((t) => !t.stop || t.pos === 'VERB');
  if (i < 0 || QUESTION.has(tokens[i].value)) return undefined;
  const token = tokens[i];
  const phrasal = compoundAt(wordnet, tokens, i, 'v');
  if (phrasal) return { index: i, width: 2, lemma: phrasal };
  const lemma = knownLemma(wordnet, token);
  const baseForm = token.value === lemma;
  if (token.pos === 'VERB' || (baseForm && wordnet.has(lemma, 'v'))) return { index: i, width: 1, lemma };
  return undefined;
}

/** The first sentence's main verb: its first verb that is not negated (side clauses come later). */
function sentenceVerb(wordnet: WordNet, tokens: readonly NlpToken[]): { lemma: string; word: string } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'VERB' || t.negated || t.stop) continue;
    const phrasal = compoundAt(wordnet, tokens, i, 'v');
    return { lemma: phrasal ?? knownLemma(wordnet, t), word: phrasal ? `${t.value} ${tokens[i + 1].value}` : t.value };
  }
  return undefined;
}

/** Parts of speech that end a noun phrase in a name ("items | in | an order"). */
const PHRASE_BREAK = new Set(['ADP', 'CCONJ', 'SCONJ', 'DET', 'PRON', 'AUX', 'PART', 'PUNCT', 'ADV']);

interface NounWord {
  lemma: string;
  word: string;
  noun: boolean;
  /** Index of the noun phrase it is in (0: the first). */
  phrase: number;
  plural: boolean;
}

/**
 * Nouns (and adjectives, as qualifiers) of a run of tokens, two-word compounds joined, negated ones left out. In a
 * name (`name`), a word WordNet knows as a noun is a noun whatever the tagger says ("shipping status").
 */
function nounsOf(wordnet: WordNet, tokens: readonly NlpToken[], from: number, dropped: ReadonlySet<string>, name: boolean): NounWord[] {
  const out: NounWord[] = [];
  let phrase = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (PHRASE_BREAK.has(t.pos) && out.length && out[out.length - 1].phrase === phrase) phrase++;
    if (t.negated || t.stop || dropped.has(t.lemma)) continue;
    const compound = compoundAt(wordnet, tokens, i, 'n');
    if (compound && (NOUN_POS.has(tokens[i + 1].pos) || name)) {
      out.push({ lemma: compound, word: `${t.value} ${tokens[i + 1].value}`, noun: true, phrase, plural: tokens[i + 1].value !== tokens[i + 1].lemma });
      i++;
      continue;
    }
    const lemma = knownLemma(wordnet, t);
    const noun = NOUN_POS.has(t.pos) || (t.pos !== 'ADJ' && (name || t.pos !== 'VERB') && wordnet.has(lemma, 'n'));
    if (noun || t.pos === 'ADJ') out.push({ lemma, word: t.value, noun, phrase, plural: noun && t.value !== lemma });
  }
  return out;
}

function addContext(frame: IntentFrame, tokens: readonly NlpToken[], weight: number, dropped: ReadonlySet<string>): void {
  for (const t of tokens) {
    if (t.negated || t.stop || !CONTENT_POS.has(t.pos) || t.value.length < 2 || /^\d+$/.test(t.value) || dropped.has(t.lemma)) continue;
    const lemma = t.lemma || t.value;
    const entry = frame.context.get(lemma);
    if (entry) entry.weight = Math.max(entry.weight, weight);
    else frame.context.set(lemma, { weight, word: t.value });
  }
}

/**
 * The frame of an action. Words naming one of the action's own segments ("Track retail order", restricted to
 * "retail") are left out: they say who sees it, not what it does.
 */
export function frameOf(name: string, description: string, method: HttpMethod | undefined, segments: readonly string[] = []): IntentFrame {
  const { wordnet, sentences } = language();
  const dropped = new Set(segments.flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean));
  const frame: IntentFrame = { method, reads: method === undefined ? undefined : method === 'GET', verb: undefined, objects: [], qualifiers: [], collection: false, context: new Map() };
  // Names are titles ("Freeze Card"): lower-cased, the tagger reads them as the imperatives they are.
  const nameTokens = sentences(name.replace(/[_-]+/g, ' ').toLowerCase()).flat();
  const verb = nameVerb(wordnet, nameTokens);
  if (verb) frame.verb = { lemma: verb.lemma, word: nameTokens.slice(verb.index, verb.index + verb.width).map((t) => t.value).join(' '), senses: wordnet.senses(verb.lemma, 'v', VERB_SENSES), weight: 1 };
  const nameNouns = nounsOf(wordnet, nameTokens, verb ? verb.index + verb.width : 0, dropped, true);
  const nouns = nameNouns.filter((n) => n.noun);
  // The head of an English noun phrase comes last ("delivery address": address); a second phrase after a
  // preposition ("items in an order") is also an object, with less weight, and a qualifier.
  const firstPhrase = nouns.filter((n) => n.phrase === nouns[0]?.phrase);
  const head = firstPhrase[firstPhrase.length - 1];
  frame.collection = (head?.plural ?? false) || (verb !== undefined && COLLECTION_VERBS.has(verb.lemma));
  for (const n of nameNouns) {
    const word: FrameWord = { lemma: n.lemma, word: n.word, senses: sensesOf(wordnet, n.lemma, n.noun ? 'n' : 'a'), weight: n === head ? HEAD_WEIGHT : NAME_WORD_WEIGHT };
    if (n.noun) frame.objects.push(word);
    if (n !== head) frame.qualifiers.push(word);
  }
  // A read whose name opens with a word that is also a noun ("Order status", "Track delivery"): that word may be
  // what it is about; an object, not a qualifier.
  if (verb && frame.reads && verb.width === 1 && NOUN_POS.has(nameTokens[verb.index].pos) && wordnet.has(verb.lemma, 'n')) {
    const word: FrameWord = { lemma: verb.lemma, word: frame.verb!.word, senses: wordnet.senses(verb.lemma, 'n'), weight: NAME_WORD_WEIGHT };
    frame.objects.push(word);
    frame.qualifiers.push(word);
  }
  frame.objects.sort((a, b) => b.weight - a.weight);
  addContext(frame, nameTokens, NAME_WEIGHT, dropped);

  const all = sentences(description);
  let first = true;
  for (const sentence of all) {
    const text = sentence.map((t) => t.value).join(' ');
    if (BOILERPLATE.test(text)) continue;
    const usage = USAGE.test(text);
    if (first && !usage) {
      first = false;
      if (!frame.verb) {
        const main = sentenceVerb(wordnet, sentence);
        if (main) frame.verb = { lemma: main.lemma, word: main.word, senses: wordnet.senses(main.lemma, 'v', VERB_SENSES), weight: 1 };
      }
      for (const n of nounsOf(wordnet, sentence, 0, dropped, false)) {
        if (!n.noun || frame.objects.some((o) => o.lemma === n.lemma)) continue;
        frame.objects.push({ lemma: n.lemma, word: n.word, senses: sensesOf(wordnet, n.lemma, 'n'), weight: SENTENCE_OBJECT_WEIGHT });
      }
      addContext(frame, sentence, FIRST_SENTENCE_WEIGHT, dropped);
    } else addContext(frame, sentence, usage ? USAGE_WEIGHT : 1, dropped);
  }
  return frame;
}
