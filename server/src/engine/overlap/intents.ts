/**
 * What an action does, by its verb. Verbs of one class are interchangeable to the AI ("get" / "look up" / "show"),
 * verbs of two classes mostly are not ("look up an order" vs "cancel an order"); how much, is `intentAffinity`.
 */

const INTENT_VERBS: Readonly<Record<string, readonly string[]>> = {
  read: ['get', 'show', 'check', 'find', 'retrieve', 'view', 'see', 'tell', 'fetch', 'display', 'lookup', 'track', 'explain', 'download', 'read', 'describe', 'say', 'calculate', 'estimate', 'diagnose', 'test', 'troubleshoot'],
  list: ['list', 'search', 'browse', 'enumerate'],
  create: ['create', 'open', 'start', 'book', 'add', 'submit', 'generate', 'schedule', 'request', 'place', 'register', 'enrol', 'enroll', 'invite', 'arrange', 'buy', 'issue', 'file', 'raise', 'log', 'claim', 'report', 'reorder', 'order', 'initiate', 'sign'],
  update: ['update', 'change', 'edit', 'modify', 'replace', 'set', 'move', 'switch', 'upgrade', 'downgrade', 'correct', 'rename', 'rebook', 'reschedule', 'pick', 'choose', 'select', 'reset', 'amend', 'adjust', 'exchange', 'swap', 'apply', 'renew', 'extend'],
  cancel: ['cancel', 'void', 'terminate', 'end', 'stop', 'abort', 'revoke', 'unsubscribe', 'withdraw', 'discontinue', 'unenrol', 'unenroll'],
  delete: ['delete', 'remove', 'erase', 'purge', 'close', 'deactivate', 'wipe'],
  refund: ['refund', 'reimburse', 'compensate', 'repay'],
  pay: ['pay', 'charge', 'settle', 'bill', 'wire'],
  send: ['send', 'email', 'text', 'notify', 'resend', 'share', 'forward', 'message', 'mail'],
  pause: ['pause', 'suspend', 'freeze', 'block', 'hold', 'lock'],
  resume: ['resume', 'unpause', 'unfreeze', 'unblock', 'reactivate', 'restore', 'unlock', 'reinstate'],
  activate: ['activate'],
  redeem: ['redeem', 'spend'],
  dispute: ['dispute', 'contest', 'challenge'],
  verify: ['verify', 'authenticate', 'validate', 'confirm'],
  escalate: ['escalate', 'hand', 'handoff', 'connect', 'talk', 'speak'],
  enable: ['enable'],
  disable: ['disable'],
};

export type IntentClass = keyof typeof INTENT_VERBS;

/** Every verb class. */
export const INTENT_CLASSES: readonly IntentClass[] = Object.keys(INTENT_VERBS) as IntentClass[];

/**
 * Verbs that are also nouns in support text ("where is my refund", "a return label", "open a dispute"):
 * they say the intent where they are used as a verb, and are a concept (a thing the action is about) everywhere.
 */
const NOUN_VERBS: ReadonlySet<string> = new Set([
  'track', 'refund', 'return', 'transfer', 'transfers', 'charge', 'claim', 'report', 'dispute', 'book', 'order', 'bill', 'email',
  'mail', 'call', 'text', 'message', 'pay', 'hold', 'block', 'lock',
]);

/** Verbs that are also nouns but mean something else as a noun ("show the date" / "a cancelled show"). */
const NOUN_ONLY_WHEN_NOUN: ReadonlySet<string> = new Set(['show', 'shows']);

/** Whether a verb that is not used as a verb here is a concept ("the show", not "show the date"). */
export function isNounWhenNotVerb(word: string): boolean {
  return NOUN_ONLY_WHEN_NOUN.has(word);
}

/** Question words that open a name ("Where is my order"): they say "read" and stay a concept. */
const QUESTION_WORDS: Readonly<Record<string, IntentClass>> = { where: 'read', what: 'read', which: 'read', when: 'read' };

function buildVerbMap(): Map<string, IntentClass> {
  const map = new Map<string, IntentClass>();
  for (const [intent, verbs] of Object.entries(INTENT_VERBS) as [IntentClass, readonly string[]][]) {
    for (const verb of verbs) {
      // Base and third-person forms only: -ing/-ed forms are usually nouns or adjectives (booking, shipped).
      for (const form of [verb, `${verb}s`, `${verb}es`]) if (!map.has(form)) map.set(form, intent);
    }
  }
  return map;
}

const VERBS = buildVerbMap();

/** The intent a word says when it is used as a verb (base or third-person form), if any. */
export function intentOfVerb(word: string): IntentClass | undefined {
  return VERBS.get(word);
}

/** The intent of a question word that opens a name or clause ("where is …"), if it is one. */
export function intentOfQuestion(word: string): IntentClass | undefined {
  return QUESTION_WORDS[word];
}

/**
 * Verbs whose intent depends on their object: "send money" is a payment, "send an email" is not; "transfer money"
 * is a payment, "transfer the chat" a hand-over, "transfer a number" neither.
 */
const INTENT_BY_OBJECT: Readonly<Record<string, Readonly<Record<string, IntentClass>>>> = {
  get: { refund: 'refund' },
  send: { payment: 'pay' },
  transfer: { payment: 'pay', conversation: 'escalate' },
};

/** The intent of a verb given the concept of the word after it, when that object changes it. */
export function intentWithObject(word: string, objectConcept: string | undefined): IntentClass | undefined {
  const base = word.replace(/e?s$/, '');
  const table = INTENT_BY_OBJECT[word] ?? INTENT_BY_OBJECT[base];
  return (objectConcept !== undefined ? table?.[objectConcept] : undefined) ?? intentOfVerb(word);
}

/**
 * Light verbs: "make a transfer", "take a payment", "give a refund". The noun after them says the intent, so a name
 * that opens with one takes its intent from the description.
 */
const LIGHT_VERBS: ReadonlySet<string> = new Set(['make', 'makes', 'do', 'does', 'take', 'takes', 'give', 'gives', 'have', 'has', 'perform', 'performs', 'run', 'runs', 'put', 'puts']);

export function isLightVerb(word: string): boolean {
  return LIGHT_VERBS.has(word);
}

/** Whether the word is also a noun ("a refund", "the return"): a concept too, wherever it is used. */
export function isNounVerb(word: string): boolean {
  return NOUN_VERBS.has(word) || NOUN_VERBS.has(word.replace(/e?s$/, ''));
}

/** Verb classes that only read; every other class changes something. */
export const READ_INTENTS: ReadonlySet<IntentClass> = new Set(['read', 'list']);

/** Different classes that the AI still confuses: deleting an account is closing it; escalating opens a case. */
const INTENT_AFFINITY: Readonly<Record<string, number>> = {
  'cancel|delete': 1,
  'create|escalate': 0.75,
  'enable|update': 0.75,
  'disable|update': 0.75,
  'cancel|disable': 0.75,
  'list|read': 0.4,
};

/** Classes that undo each other: the AI never mistakes one for the other. */
const OPPOSITE_INTENTS: ReadonlySet<string> = new Set([
  'cancel|create', 'create|delete', 'pause|resume', 'disable|enable', 'activate|pause', 'activate|delete', 'pay|refund',
  'create|refund', 'cancel|resume',
]);

/** Verb classes that stop or remove something; against a class that makes or changes something they conflict. */
const REMOVAL_INTENTS: ReadonlySet<IntentClass> = new Set(['cancel', 'delete', 'disable', 'pause']);
/** A removal and a non-removal write ("Cancel car hire" / "Modify car rental"). */
const REMOVAL_VS_CHANGE = 0.3;

/** Affinity of two read verbs of different classes is listed; a read and a write verb conflict. */
const READ_VS_WRITE = 0.2;
/** Two different ways of changing something ("send" / "submit", "add" / "turn on"): easily confused. */
const DIFFERENT_WRITES = 0.6;
/** Two classes that undo each other. */
const OPPOSITES = 0.1;

/** How interchangeable two intents are to the AI, 0..1 (1 = the same kind of action). */
export function intentAffinity(a: IntentClass, b: IntentClass): number {
  return AFFINITY_TABLE.get(a)?.get(b) ?? computeAffinity(a, b);
}

function computeAffinity(a: IntentClass, b: IntentClass): number {
  if (a === b) return 1;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  const listed = INTENT_AFFINITY[key];
  if (listed !== undefined) return listed;
  if (OPPOSITE_INTENTS.has(key)) return OPPOSITES;
  if (READ_INTENTS.has(a) || READ_INTENTS.has(b)) return READ_VS_WRITE;
  if (REMOVAL_INTENTS.has(a) !== REMOVAL_INTENTS.has(b)) return REMOVAL_VS_CHANGE;
  return DIFFERENT_WRITES;
}

/** Every pair of classes, computed once (scoring asks for it for every candidate pair). */
const AFFINITY_TABLE: ReadonlyMap<IntentClass, ReadonlyMap<IntentClass, number>> = new Map(
  (Object.keys(INTENT_VERBS) as IntentClass[]).map((a) => [a, new Map((Object.keys(INTENT_VERBS) as IntentClass[]).map((b) => [b, computeAffinity(a, b)]))]),
);
