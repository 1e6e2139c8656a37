// Deterministic, varied workspaces of action names and descriptions for bench/overlap.mjs. A workspace is made of
// services (one per ~25 actions), each in a support domain, with its own brand and products besides two objects of
// its domain (orders, invoices…, usually of its own line), so the vocabulary grows with the workspace as in real
// organisations. A service defines each operation (intent × object) once; the real overlaps are paraphrases of
// another action of the same service (~5%), segment variants of an action (~2%), and the same operation on a
// shared object in two services of one domain.
import { seededRandom } from './generateActions.mjs';

const VERBS = {
  read: { method: 'GET', words: ['Get', 'Look up', 'Show', 'Check', 'Find', 'Retrieve'] },
  list: { method: 'GET', words: ['List', 'Search'] },
  create: { method: 'POST', words: ['Create', 'Open', 'Start', 'Add', 'Submit', 'Book'] },
  update: { method: 'PATCH', words: ['Update', 'Change', 'Edit', 'Modify'] },
  cancel: { method: 'POST', words: ['Cancel', 'Stop', 'End'] },
  delete: { method: 'DELETE', words: ['Delete', 'Remove'] },
  send: { method: 'POST', words: ['Send', 'Email', 'Resend'] },
  pause: { method: 'POST', words: ['Pause', 'Freeze', 'Suspend'] },
};
const INTENTS = Object.keys(VERBS);

const DOMAINS = [
  { objects: [['order', 'purchase'], ['delivery', 'shipment', 'parcel'], ['delivery address', 'shipping address'], ['item', 'product']], attrs: ['status', 'carrier', 'tracking number', 'order total', 'items', 'expected delivery date', 'payment status'] },
  { objects: [['invoice', 'bill'], ['payment', 'charge'], ['refund'], ['card on file', 'payment method'], ['balance']], attrs: ['amount', 'due date', 'PDF link', 'currency', 'tax', 'last four digits', 'payment date'] },
  { objects: [['account', 'profile'], ['password'], ['email address'], ['contact details'], ['login link', 'sign-in link']], attrs: ['name', 'email', 'phone number', 'date joined', 'membership tier', 'security questions'] },
  { objects: [['subscription', 'membership', 'plan'], ['renewal'], ['add-on', 'extra']], attrs: ['price', 'renewal date', 'billing period', 'plan name', 'seats', 'discount'] },
  { objects: [['loyalty points', 'rewards'], ['voucher', 'coupon', 'discount code'], ['tier']], attrs: ['points balance', 'expiry date', 'store credit value', 'tier benefits', 'next tier'] },
  { objects: [['booking', 'reservation'], ['flight'], ['seat'], ['baggage', 'checked bag'], ['hotel room']], attrs: ['passenger names', 'itinerary', 'departure time', 'gate', 'fare rules', 'confirmation code'] },
  { objects: [['support ticket', 'case'], ['callback', 'phone call'], ['human agent', 'live person']], attrs: ['ticket number', 'priority', 'last reply', 'summary', 'preferred time'] },
  { objects: [['card', 'debit card'], ['transaction', 'payment'], ['PIN']], attrs: ['merchant', 'amount', 'date', 'card status', 'spending limit'] },
  { objects: [['claim'], ['policy'], ['quote'], ['named driver', 'driver']], attrs: ['premium', 'excess', 'incident date', 'cover level', 'policy number'] },
  { objects: [['data allowance', 'bundle'], ['roaming pass'], ['SIM card', 'SIM'], ['phone number', 'mobile number']], attrs: ['data left', 'minutes', 'texts', 'renewal date', 'network status'] },
  { objects: [['appointment', 'visit'], ['prescription'], ['test result', 'lab result']], attrs: ['clinic', 'doctor', 'time slot', 'pharmacy', 'collection time'] },
];

const QUALIFIERS = ['international', 'express', 'gift', 'business', 'student', 'family', 'annual', 'monthly', 'priority', 'digital', 'in-store', 'partner'];
const SYLLABLES = ['zor', 'vex', 'pla', 'kin', 'tra', 'mo', 'lu', 'qua', 'ren', 'dax', 'fi', 'sol', 'bri', 'ne', 'cor', 'vil', 'ash', 'tem', 'ory', 'nex'];
const CHANNEL_SETS = [['widget'], ['widget'], ['widget'], ['widget', 'email'], ['widget', 'whatsapp'], ['email'], ['sms'], ['widget', 'email', 'whatsapp']];
const TEMPLATES = [
  (v, o, q, a) => `${v} the customer's ${q}${o} and return the ${a[0]}, ${a[1]} and ${a[2]}.`,
  (v, o, q, a) => `${v} a ${q}${o} by its reference; the reply includes the ${a[0]} and the ${a[1]}.`,
  (v, o, q, a) => `Use this to ${v.toLowerCase()} one ${q}${o} when the customer asks; it needs the ${a[0]} and returns the ${a[1]}.`,
  (v, o, q, a) => `${v} the ${q}${o} for the signed-in customer, with the ${a[0]} and ${a[1]}, before anything else changes.`,
  (v, o, q, a) => `${v} ${q}${o} records. Give the ${a[0]} or the ${a[1]}; the answer lists the ${a[2]}.`,
  (v, o, q, a) => `When a customer wants to ${v.toLowerCase()} their ${q}${o}, call this with the ${a[0]}. It reports the ${a[1]}.`,
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function shuffled(random, list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A made-up brand or product word, never the same twice in one workspace (real brands are distinct). */
function pseudoWord(random, used) {
  let word;
  do word = pick(random, SYLLABLES) + pick(random, SYLLABLES) + pick(random, SYLLABLES) + (random() < 0.5 ? pick(random, SYLLABLES) : '');
  while (used.has(word));
  used.add(word);
  return word[0].toUpperCase() + word.slice(1);
}

function service(random, index, segmentPool, used, lineScale) {
  const word = () => pseudoWord(random, used);
  const domain = DOMAINS[index % DOMAINS.length];
  // Each service has its own products and fields besides its domain's: what makes its actions its own.
  const products = [[word().toLowerCase()], [`${word().toLowerCase()} ${pick(random, domain.objects)[0]}`], [`${word().toLowerCase()} ${word().toLowerCase()}`]];
  // Objects of the domain, usually of this service's own line ("gift card order"); a quarter of the services use
  // them bare, and those are where two services' actions overlap. With `lineScale` < 1 (fixed density, below),
  // fewer services use them bare or with a common qualifier, and more have a line of their own.
  const line = random() < 0.25 * lineScale ? '' : `${random() < 0.5 * lineScale ? pick(random, QUALIFIERS) : word().toLowerCase()} `;
  const shared = shuffled(random, domain.objects).slice(0, 2).map((group) => group.map((object) => `${line}${object}`));
  // A service defines each operation once: distinct (intent, object) pairs, in a random order.
  const objects = [...shared, ...products];
  const operations = shuffled(random, INTENTS.flatMap((intent) => objects.map((group) => ({ intent, group }))));
  return {
    domain,
    brand: word(),
    operations,
    attrs: [...domain.attrs, `${word().toLowerCase()} code`, `${word().toLowerCase()} level`],
    words: [pick(random, QUALIFIERS), word().toLowerCase()],
    segments: random() < 0.3 ? [pick(random, segmentPool)] : [],
  };
}

function action(random, svc, spec) {
  const verbs = VERBS[spec.intent];
  const verb = spec.verb ?? pick(random, verbs.words);
  const group = spec.group;
  const object = pick(random, group);
  const qualifier = random() < 0.5 ? `${pick(random, svc.words)} ` : '';
  const attrs = shuffled(random, svc.attrs);
  const name = `${verb} ${random() < 0.7 ? `${svc.brand} ` : ''}${qualifier}${object}`;
  const description = pick(random, TEMPLATES)(verb, object, qualifier, attrs);
  return {
    intent: spec.intent,
    group,
    name,
    description,
    method: verbs.method,
    restrictedToSegments: spec.segments ?? svc.segments,
    channels: pick(random, CHANNEL_SETS),
  };
}

/**
 * `count` actions as [id, entry] pairs, the same for the same count, seed and options.
 *
 * The domains and their objects are a fixed vocabulary, so by default the number of services of one domain that
 * offer the same operation on the same bare or commonly qualified object ("Cancel order" in two services) grows
 * with the workspace, and with it the overlaps per action (about 2.3 at 1,000 actions, 3.4 at 5,000, 4.0 at
 * 10,000). `{ density: 'fixed' }` keeps those cross-service overlaps per action at their 1,000-action level (the
 * shared words stay as common: "order" is still in every order action): a workload whose results per edit do not
 * grow, to measure the index's own scaling apart from a denser workspace's.
 */
export function generateOverlapWorkspace(count, seed = 20240601, { density = 'growing' } = {}) {
  const random = seededRandom(seed);
  const segmentPool = Array.from({ length: Math.max(4, Math.ceil(count / 100)) }, (_, i) => `segment-${i}`);
  const used = new Set();
  const lineScale = density === 'fixed' ? Math.min(1, 1000 / count) : 1;
  const services = Array.from({ length: Math.ceil(count / 25) }, (_, i) => service(random, i, segmentPool, used, lineScale));
  const out = [];
  for (let i = 0; i < count; i++) {
    const svc = services[i % services.length];
    if (out.length > 10 && random() < 0.02) {
      // A segment variant: the same text as an earlier action, for one segment (another real overlap).
      const [, original] = out[Math.floor(random() * out.length)];
      out.push([`file:///bench/overlap/variants/action-${i}.action.json`, { ...original, restrictedToSegments: [pick(random, segmentPool)] }]);
      continue;
    }
    const sibling = out.length > services.length && random() < 0.05 ? out[out.length - services.length] : undefined;
    // A sibling is a paraphrase of an earlier action of the same service: same operation, likely other words.
    const operation = svc.operations[Math.floor(i / services.length) % svc.operations.length];
    const entry = action(random, svc, sibling ? { intent: sibling[1].intent, group: sibling[1].group } : operation);
    out.push([`file:///bench/overlap/svc-${i % services.length}/action-${i}.action.json`, entry]);
  }
  return out.map(([id, { intent, group, ...entry }]) => [id, entry]);
}

/** The same action with a changed description (what one keystroke-burst edit looks like to the index). */
export function editedEntry(entry, random) {
  const extra = pick(random, ['Only for orders placed this year.', 'Ask for the reference first.', 'Returns a short summary for the AI.', 'Never call this for business accounts.']);
  return { ...entry, description: `${entry.description.split(' Only')[0].split(' Ask')[0].split(' Returns a')[0].split(' Never')[0]} ${extra}` };
}
