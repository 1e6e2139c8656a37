/**
 * Words of an action's name or description: lower-case tokens, stop words, and a small suffix stripper.
 * The stemmer only has to map inflections of one word onto one key (deliveries/delivery, cancelled/cancel,
 * arrival/arrive); it does not have to produce real words, because people never see a stem: messages show
 * the words the author wrote.
 */

/** One word as written (lower-cased), with its stem. */
export interface Token {
  word: string;
  stem: string;
  /** True for the first word of a clause (after the start, `.`, `;`, `:`, `,`, `(`): where a verb says the intent. */
  clauseStart: boolean;
}

/** Words that say nothing about what an action does. `customer`/`user` are in every description. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or nor but if then than so as at by for from in into of on onto off to with within without via per ' +
    'is are was were be been being am do does did done has have had having it its it\'s this that these those there here ' +
    'i me my mine we us our ours you your yours he him his she her hers they them their theirs who whom whose which what ' +
    'when while whether how why all any each every both either neither some such no not only own same too very just also ' +
    'can cannot could will would shall should may might must need needs needed please up out over under again once ' +
    'more most less least other another else yet still already ever never always s t e g eg ie etc ' +
    'customer customers customer\'s user users client clients person\'s someone anyone everyone one ones ' +
    'anything something everything nothing else ' +
    'given using use used uses made based about like want wants wanted asks ask asked tool action api endpoint ai ' +
    'details detail info information'
  ).split(/\s+/),
);

/** Clause boundaries: the word after one of these starts a clause. */
const CLAUSE_BREAK = /[.;:!?(),\n]/;

/** Splits text into lower-case word tokens, marking clause starts. Digits-only tokens are kept (e.g. `90`). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let clauseStart = true;
  const normalised = text.replace(/[\u2018\u2019]/g, "'");
  for (const match of normalised.matchAll(/[A-Za-z0-9]+(?:'[A-Za-z]+)?|[.;:!?(),\n]/g)) {
    const raw = match[0];
    if (CLAUSE_BREAK.test(raw)) {
      clauseStart = true;
      continue;
    }
    const word = raw.toLowerCase().replace(/'s$/, '').replace(/'/g, '');
    if (!word) continue;
    tokens.push({ word, stem: stem(word), clauseStart });
    clauseStart = false;
  }
  return tokens;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const VOWEL = /[aeiouy]/;

/** Strips a doubled final consonant left by -ing/-ed (shipp → ship, cancell → cancel), but keeps bill, call. */
function undouble(s: string): string {
  const last = s[s.length - 1];
  if (s.length < 4 || last !== s[s.length - 2] || 'aeiousz'.includes(last)) return s;
  if (last === 'l' && s.length <= 5) return s;
  return s.slice(0, -1);
}

function stripSuffix(word: string, suffix: string, minRest: number): string | undefined {
  if (!word.endsWith(suffix)) return undefined;
  const rest = word.slice(0, -suffix.length);
  return rest.length >= minRest && VOWEL.test(rest) ? rest : undefined;
}

/** Plural and third-person endings: deliveries → delivery, addresses → address, orders → order; keeps status. */
function stripPlural(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(?:ss|sh|ch|x|z)es$/.test(w) && w.length > 4) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * A light stemmer: plural, -ing, -ed, -ation, -val/-wal/-sal, and a final -e, so that charge/charged/charging,
 * reserve/reservation and arrive/arrival share a key. Short words and numbers are left alone.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d+$/.test(word)) return word;
  let w = stripPlural(word);
  const ing = stripSuffix(w, 'ing', 3);
  const ed = ing === undefined ? stripSuffix(w, 'ed', 3) : undefined;
  const ation = ing === undefined && ed === undefined ? stripSuffix(w, 'ation', 3) : undefined;
  if (ing !== undefined) w = undouble(ing);
  else if (ed !== undefined) w = undouble(ed);
  else if (ation !== undefined) w = undouble(ation);
  // Only -val/-wal/-sal nouns of verbs (arrival, renewal, refusal); "personal" is not "person".
  else if (w.length > 5 && /[vws]al$/.test(w)) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}
