// Deterministic, realistic *.action.json texts for bench/lint.mjs: about 55% valid, 40% with the typical
// mistakes people make (bad method, short description, http endpoint, unknown property, body on GET, wrong
// header types, duplicate key) and 5% that are not valid JSON. Same seed, same files.
import { generateOverlapWorkspace } from './generateOverlapActions.mjs';

/** mulberry32: a small seeded PRNG, good enough to vary test data (never for anything secret). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTS = ['api.acme-shop.example', 'billing.example.com', 'desk.example.io', 'crm.example.net', 'fleet.example.org'];
const RESOURCES = [
  { noun: 'order', plural: 'orders', id: 'order_id', idType: 'integer', idHint: 'Numeric order ID from the confirmation email' },
  { noun: 'invoice', plural: 'invoices', id: 'invoice_number', idType: 'string', idHint: 'Invoice number such as INV-2024-0042' },
  { noun: 'subscription', plural: 'subscriptions', id: 'subscription_id', idType: 'string', idHint: 'Subscription ID, e.g. sub_123' },
  { noun: 'ticket', plural: 'tickets', id: 'ticket_number', idType: 'integer', idHint: 'Support ticket number' },
  { noun: 'parcel', plural: 'parcels', id: 'tracking_number', idType: 'string', idHint: "The carrier's tracking number" },
  { noun: 'booking', plural: 'bookings', id: 'booking_ref', idType: 'string', idHint: 'Six-letter booking reference' },
];
const OPERATIONS = [
  { verb: 'Look up', method: 'GET', item: true, does: 'Look up one {noun} by its ID and return its status, dates and the latest changes.' },
  { verb: 'List', method: 'GET', item: false, does: 'List the {plural} of the current contact, newest first, with their status and totals.' },
  { verb: 'Create', method: 'POST', item: false, does: 'Create a new {noun} for the contact from the details they give, and return its ID.' },
  { verb: 'Update', method: 'PATCH', item: true, does: 'Change the details of one {noun} by its ID and return the updated {noun}.' },
  { verb: 'Replace', method: 'PUT', item: true, does: 'Replace one {noun} by its ID with the details the contact confirms.' },
  { verb: 'Cancel', method: 'DELETE', item: true, does: 'Cancel one {noun} by its ID when the contact asks for it, and return the result.' },
];
const SEGMENTS = ['customers', 'vip', 'staff', 'trial'];
const CHANNELS = ['widget', 'email', 'sms', 'whatsapp', 'phone', 'slack'];

/** The kinds of mistake, with their share among the broken files. */
const MISTAKES = ['badMethod', 'shortDescription', 'httpEndpoint', 'unknownProperty', 'bodyOnGet', 'wrongHeaderType', 'duplicateKey', 'twoMistakes'];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function someOf(random, list, max) {
  return list.filter(() => random() < max / list.length).slice(0, max);
}

function validAction(random, index) {
  const resource = pick(random, RESOURCES);
  const op = pick(random, OPERATIONS);
  const host = pick(random, HOSTS);
  const path = `/v${1 + Math.floor(random() * 3)}/${resource.plural}${op.item ? `/{${resource.id}}` : ''}`;
  const action = {
    $schema: '../schemas/action.schema.json',
    name: `${op.verb} ${op.item ? resource.noun : resource.plural} ${index}`,
    description: op.does.replaceAll('{noun}', resource.noun).replaceAll('{plural}', resource.plural),
    method: op.method,
    endpoint: `https://${host}${path}`,
    headers: { Accept: 'application/json' },
  };
  if (random() < 0.5) action.headers['X-Contact-Email'] = { magic: 'contact.email' };
  if (random() < 0.3) action.headers['X-Api-Version'] = `2024-0${1 + Math.floor(random() * 9)}-01`;
  const parameters = [];
  if (op.item) parameters.push({ name: resource.id, in: 'path', description: resource.idHint, required: true, schema: { type: resource.idType } });
  if (!op.item && random() < 0.6) parameters.push({ name: 'status', in: 'query', description: 'Only items with this status', required: false, schema: { type: 'string', enum: ['open', 'closed'] } });
  if (random() < 0.3) parameters.push({ name: 'expand', in: 'query', value: 'items' });
  if (parameters.length) action.parameters = parameters;
  if (['POST', 'PUT', 'PATCH'].includes(op.method)) {
    action.body = {
      type: 'object',
      properties: {
        reason: { type: 'string', description: `Why the contact wants this ${resource.noun} changed` },
        note: { type: 'string', description: 'Anything else the contact said' },
        ...(random() < 0.5 ? { amount_cents: { type: 'integer', minimum: 1 } } : {}),
      },
      required: ['reason'],
    };
    action.bodyFormat = random() < 0.9 ? 'json' : 'multipart';
  } else if (random() < 0.4) {
    action.body = null;
  }
  action.restrictedToSegments = someOf(random, SEGMENTS, 2);
  action.channels = ['widget', ...someOf(random, CHANNELS.slice(1), 2)];
  if (random() < 0.3) action.requireFormSubmission = op.method !== 'GET';
  action.tags = [resource.plural];
  return action;
}

/** Applies one mistake to a valid action; returns the changed action or, for text-level mistakes, a text. */
function applyMistake(random, action, mistake) {
  switch (mistake) {
    case 'badMethod':
      action.method = pick(random, ['FETCH', 'get', 'HEAD', 'Post', 'OPTIONS']);
      return action;
    case 'shortDescription':
      action.description = pick(random, ['Order stuff.', 'TODO', 'Gets the thing', '']);
      return action;
    case 'httpEndpoint':
      action.endpoint = action.endpoint.replace('https://', 'http://');
      return action;
    case 'unknownProperty': {
      const [wrong, right] = pick(random, [['descripton', 'description'], ['header', 'headers'], ['segments', 'restrictedToSegments'], ['params', 'parameters']]);
      action[wrong] = action[right] ?? 'x';
      if (random() < 0.5 && right !== 'description') delete action[right];
      return action;
    }
    case 'bodyOnGet':
      action.method = pick(random, ['GET', 'DELETE']);
      action.body = { type: 'object', properties: { query: { type: 'string' } } };
      return action;
    case 'wrongHeaderType':
      // A first mistake may have renamed `headers` away (two mistakes in one file): start a new map then.
      action.headers = { ...(action.headers ?? {}), 'X-Retries': pick(random, [3, true, ['a', 'b'], { value: 'x' }]) };
      return action;
    case 'duplicateKey':
      return JSON.stringify(action, null, 2).replace('\n  "method"', `\n  "method": ${JSON.stringify(action.method)},\n  "method"`);
    default: {
      const first = applyMistake(random, action, pick(random, MISTAKES.slice(0, 6)));
      return applyMistake(random, first, pick(random, MISTAKES.slice(0, 6)));
    }
  }
}

/** Breaks the JSON itself, as a half-edited file would be. */
function syntaxError(random, text) {
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.replace(/\n}$/, ',\n}'); // trailing comma
    case 1:
      return text.replace(/",\n {2}"method"/, '"\n  "method"'); // missing comma
    case 2:
      return text.replace('"name"', 'name'); // unquoted key
    default:
      return text.slice(0, Math.floor(text.length * (0.3 + random() * 0.6))); // cut off
  }
}

/**
 * `count` action files as `{ name, text, kind }`, all in memory.
 * kind: 'valid' | a mistake name | 'syntax', so a run can say what it was given.
 */
export function generateActions(count, seed = 20240611) {
  const random = seededRandom(seed);
  // Names and descriptions as varied as a real workspace's (services, domains, ~5% real overlaps), so that the
  // workspace rules (description-overlap, duplicate names) see a realistic workspace, not 1,000 near-copies.
  // Who is offered each action (segments, channels) comes from the same generator: overlaps are judged only
  // between actions one contact can be offered on one channel, and the generator's variants of an action differ
  // by segment. (validAction's own "every action on widget, two of four segments" made nearly every pair visible
  // together: 868 of 1,000 files had a description-overlap finding, against 799 with the generator's own reach.)
  const texts = generateOverlapWorkspace(count, seed);
  const files = [];
  for (let i = 0; i < count; i++) {
    const { name, description, restrictedToSegments, channels } = texts[i][1];
    const action = { ...validAction(random, i + 1), name, description, restrictedToSegments, channels };
    const roll = random();
    let kind = 'valid';
    let text;
    if (roll < 0.05) {
      kind = 'syntax';
      text = syntaxError(random, JSON.stringify(action, null, 2));
    } else if (roll < 0.45) {
      kind = pick(random, MISTAKES);
      const changed = applyMistake(random, action, kind);
      text = typeof changed === 'string' ? changed : JSON.stringify(changed, null, 2);
    } else {
      text = JSON.stringify(action, null, 2);
    }
    files.push({ name: `${String(i + 1).padStart(4, '0')}.action.json`, text: text + '\n', kind });
  }
  return files;
}
