/**
 * Support-domain vocabulary: which words mean the same thing to the AI (concepts) and which word runs are one term
 * (phrases). Written as plain word lists; keys are stemmed once at load so that every inflection of a listed word
 * matches.
 */
import { stem } from './words';

/**
 * Synonym groups. Each group is one concept; its id is the group's first word. Written for customer-support
 * APIs in general (commerce, billing, accounts, travel, subscriptions, loyalty, support desks, cards), not for any
 * one test set.
 */
const CONCEPT_GROUPS: readonly (readonly string[])[] = [
  // The delivery topic: what travels and who carries it.
  ['delivery', 'deliver', 'shipping', 'ship', 'shipment', 'parcel', 'package', 'dispatch', 'consignment', 'carrier', 'courier', 'rider'],
  // "Where is my X", "track X" and "status of X" ask the same question about something under way.
  ['status', 'progress', 'tracking', 'track', 'trace', 'whereabouts', 'where'],
  ['location', 'position'],
  ['current', 'now', 'live', 'currently', 'realtime'],
  ['lost', 'lose', 'misplace', 'misplaced'],
  ['appointment', 'visit', 'consultation'],
  ['incident', 'accident'],
  ['remaining', 'remain', 'left', 'leftover'],
  ['allowance', 'quota'],
  ['driver', 'drive'],
  ['car', 'vehicle', 'motor', 'auto'],
  ['usage', 'consumption'],
  ['arrival', 'arrive', 'eta'],
  ['estimate', 'expected', 'expect', 'projected'],
  ['order', 'purchase'],
  ['address', 'addresses'],
  ['postcode', 'zip', 'zipcode'],
  ['refund', 'reimburse', 'reimbursement', 'repay', 'repayment', 'payout'],
  ['payment', 'charge', 'transaction', 'pay', 'money', 'cash', 'funds'],
  ['price', 'cost', 'fare', 'pricing'],
  ['fee', 'surcharge', 'penalty'],
  ['invoice', 'bill', 'receipt'],
  ['card', 'payment_method'],
  ['balance', 'outstanding'],
  ['subscription', 'subscribe', 'membership', 'member', 'plan', 'bundle'],
  ['tier', 'level'],
  ['renewal', 'renew'],
  ['account', 'profile'],
  ['password', 'passcode', 'passphrase'],
  ['login', 'signin', 'logon'],
  ['email', 'mail', 'inbox'],
  ['phone', 'mobile', 'telephone', 'cell'],
  ['call', 'callback', 'ring'],
  ['agent', 'human', 'representative', 'operator', 'staff', 'person', 'people'],
  ['ticket', 'case'],
  ['conversation', 'chat', 'transcript'],
  ['summary', 'summarise', 'summarize', 'recap'],
  ['points', 'point', 'reward', 'loyalty', 'stars', 'miles'],
  ['discount', 'promo', 'coupon', 'voucher', 'promotion'],
  ['booking', 'book', 'reservation', 'reserve'],
  ['reference', 'pnr', 'locator'],
  ['passenger', 'traveller', 'traveler', 'flyer'],
  ['travel', 'trip', 'journey'],
  ['flight', 'plane'],
  ['baggage', 'bag', 'luggage', 'suitcase'],
  ['hotel', 'accommodation', 'lodging'],
  ['date', 'day'],
  ['hours', 'opening_hours', 'opening_times'],
  ['store', 'shop', 'branch', 'outlet'],
  ['item', 'product', 'article'],
  ['number', 'id', 'identifier'],
  ['return', 'returns', 'send_back'],
  ['identity', 'identify', 'kyc'],
  ['delete', 'erase', 'remove', 'permanently'],
  ['new', 'newly'],
  ['difference', 'different', 'differ'],
  ['previous', 'past', 'earlier', 'prior'],
  ['link', 'url'],
  ['pdf', 'document', 'copy'],
  ['personal', 'gdpr', 'privacy'],
  ['marketing', 'newsletter', 'promotional', 'advert'],
  // General support vocabulary, by area: repairs and faults, connectivity, learning, events, rentals, SaaS, homes.
  ['repair', 'fix', 'maintenance', 'resolve', 'solve'],
  ['problem', 'issue', 'fault', 'error', 'trouble', 'glitch'],
  ['damaged', 'broken', 'faulty', 'defective', 'damage'],
  ['pause', 'hold', 'temporarily', 'suspension'],
  ['cancel', 'cancellation', 'called_off'],
  ['internet', 'broadband', 'connection', 'wifi', 'line', 'connectivity'],
  ['speed', 'slow', 'fast', 'faster', 'bandwidth'],
  ['test', 'diagnostic', 'diagnose', 'troubleshoot'],
  ['router', 'modem', 'hub'],
  ['engineer', 'technician', 'installer'],
  ['course', 'class', 'lesson', 'module', 'programme', 'program'],
  ['student', 'learner', 'pupil', 'trainee'],
  ['enrol', 'enroll', 'enrolment', 'enrollment', 'registration', 'signup'],
  ['grade', 'mark', 'score', 'result'],
  ['event', 'show', 'concert', 'gig', 'performance'],
  ['resale', 'resell', 'sell'],
  ['seat', 'licence', 'license'],
  ['teammate', 'colleague', 'coworker', 'team_member'],
  ['invitation', 'invite'],
  ['key', 'token', 'credential'],
  ['workspace', 'organisation', 'organization', 'tenant_account'],
  ['export', 'backup'],
  ['rental', 'hire', 'rent', 'lease'],
  ['pickup', 'collection'],
  ['insurance', 'cover', 'coverage', 'protection', 'waiver'],
  ['home', 'house', 'flat', 'apartment', 'property', 'premises'],
  ['tenant', 'renter', 'resident'],
  ['gym', 'fitness', 'club', 'studio'],
  ['contract', 'agreement'],
];

/** Word runs that are one term; each maps to a concept id (above), an intent (`intent:<class>`) or nothing (`stop:`). */
const PHRASES: readonly [string, string][] = [
  ['money back', 'refund'],
  ['credit back', 'refund'],
  ['payment method', 'card'],
  ['credit card', 'card'],
  ['debit card', 'card'],
  ['card on file', 'card'],
  ['sign in', 'login'],
  ['log in', 'login'],
  ['sign on', 'login'],
  ['log on', 'login'],
  ['phone call', 'call'],
  ['call back', 'call'],
  ['ring back', 'call'],
  ['opening hours', 'hours'],
  ['opening times', 'hours'],
  ['business hours', 'hours'],
  ['postal code', 'postcode'],
  ['post code', 'postcode'],
  ['zip code', 'postcode'],
  ['confirmation code', 'reference'],
  ['confirmation number', 'reference'],
  ['reference code', 'reference'],
  ['reference number', 'reference'],
  ['booking reference', 'reference'],
  ['loyalty points', 'points'],
  ['reward points', 'points'],
  ['store credit', 'store_credit'],
  ['gift card', 'gift_card'],
  ['send back', 'return'],
  ['billing period', 'billing'],
  ['billing cycle', 'billing'],
  ['email address', 'email'],
  ['right now', 'current'],
  ['e mail', 'email'],
  ['postal address', 'address'],
  ['street address', 'address'],
  ['credit card on file', 'card'],
  ['debit card on file', 'card'],
  ['credit or debit card', 'card'],
  ['debit or credit card', 'card'],
  ['contact details', 'contact_details'],
  ['contact information', 'contact_details'],
  // Filler runs that say nothing about the action.
  ['for example', 'stop:'],
  ['for instance', 'stop:'],
  ['straight away', 'stop:'],
  ['right away', 'stop:'],
  ['as soon as possible', 'stop:'],
  ['no one', 'stop:'],
  ['on hold', 'pause'],
  ['called off', 'called_off'],
  ['team member', 'team_member'],
  ['sign up', 'intent:create'],
  ['pick up', 'pickup'],
  ['look up', 'intent:read'],
  ['find out', 'intent:read'],
  ['hand over', 'intent:escalate'],
  ['set up', 'intent:create'],
  ['top up', 'intent:pay'],
  ['opt out', 'intent:cancel'],
  ['turn on', 'intent:enable'],
  ['switch on', 'intent:enable'],
  ['turn off', 'intent:disable'],
  ['switch off', 'intent:disable'],
];

/**
 * Aspects any object can have (its date, number, price, a link to it). They say little about which tool to pick,
 * so they weigh half: a prior for small workspaces, where IDF has too few actions to learn it.
 */
const GENERIC_CONCEPTS: ReadonlySet<string> = new Set([
  'date', 'number', 'new', 'current', 'previous', 'difference', 'amount', 'price', 'fee', 'link', 'pdf', 'time', 'tim',
  'full', 'part', 'specific', 'first', 'last', 'next', 'later', 'data', 'estimate', 'list', 'total', 'exist', 'possibl',
  'status',
]);

/** The prior weight of a concept: 0.5 for generic aspects, else 1. */
export function conceptPrior(concept: string): number {
  return GENERIC_CONCEPTS.has(concept) ? 0.5 : 1;
}

/** Concepts that name a group of others: "contact details" covers the email address, phone and address. */
const COVERS: Readonly<Record<string, readonly string[]>> = {
  contact_details: ['email', 'phone', 'address'],
};

/** The other concepts a concept also stands for ("contact details" → email, phone, address). */
export function conceptsCoveredBy(concept: string): readonly string[] {
  return COVERS[concept] ?? NOTHING;
}

const NOTHING: readonly string[] = [];

/** Words never looked up by stem because their stem collides with another concept (billing ≠ bill). */
const WORD_CONCEPTS: Readonly<Record<string, string>> = {
  billing: 'billing', billed: 'billing', planned: 'planned', planning: 'planned', opening: 'open', member: 'subscription',
  credit: 'credit', credited: 'credit', issued: 'issued', statement: 'statement', statements: 'statement', paid: 'payment', unpaid: 'unpaid',
};

function buildConceptMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of CONCEPT_GROUPS) {
    for (const word of group) {
      const key = word.includes('_') ? word : stem(word);
      if (!map.has(key)) map.set(key, group[0]);
    }
  }
  return map;
}

const CONCEPTS = buildConceptMap();

/** Phrases as stem sequences, longest first, grouped by their first stem. */
const PHRASE_INDEX: Map<string, { stems: string[]; target: string }[]> = (() => {
  const index = new Map<string, { stems: string[]; target: string }[]>();
  for (const [text, target] of PHRASES) {
    const stems = text.split(' ').map(stem);
    const list = index.get(stems[0]) ?? [];
    list.push({ stems, target });
    list.sort((a, b) => b.stems.length - a.stems.length);
    index.set(stems[0], list);
  }
  return index;
})();

/** The concept a (non-stop) word belongs to; a word outside every group is its own concept, keyed by its stem. */
export function conceptOf(word: string, wordStem: string): string {
  return WORD_CONCEPTS[word] ?? CONCEPTS.get(wordStem) ?? wordStem;
}

/** The phrase starting at `stems[at]`, if one does: its length in words and its target. */
export function phraseAt(stems: readonly string[], at: number): { length: number; target: string } | undefined {
  for (const phrase of PHRASE_INDEX.get(stems[at]) ?? []) {
    if (phrase.stems.every((s, i) => stems[at + i] === s)) return { length: phrase.stems.length, target: phrase.target };
  }
  return undefined;
}
