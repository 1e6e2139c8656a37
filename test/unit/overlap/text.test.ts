// The text analysis of the overlap detector: tokens, stop words, the stemmer, phrases, concepts and intents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, type Profile } from '../../../server/src/engine/overlap/analyse';
import { intentAffinity } from '../../../server/src/engine/overlap/intents';
import { isStopWord, stem, tokenize } from '../../../server/src/engine/overlap/words';
import { conceptOf, phraseAt } from '../../../server/src/engine/overlap/vocabulary';

const concept = (word: string): string => conceptOf(word, stem(word));
const concepts = (p: Profile): string[] => [...p.terms.keys()].sort();

describe('overlap text: tokens and stems', () => {
  it('lower-cases, drops possessives, and marks clause starts', () => {
    const tokens = tokenize("Track the customer's parcel: returns the carrier; then Email them.");
    assert.deepEqual(tokens.map((t) => t.word), ['track', 'the', 'customer', 'parcel', 'returns', 'the', 'carrier', 'then', 'email', 'them']);
    assert.deepEqual(tokens.filter((t) => t.clauseStart).map((t) => t.word), ['track', 'returns', 'then']);
  });

  it('knows support filler as stop words, not domain nouns', () => {
    for (const w of ['the', 'customer', 'their', 'please', 'anything']) assert.ok(isStopWord(w), w);
    for (const w of ['order', 'refund', 'delivery', 'status']) assert.ok(!isStopWord(w), w);
  });

  it('maps inflections of one word onto one stem', () => {
    const same = (...words: string[]) => assert.equal(new Set(words.map(stem)).size, 1, words.join(' / '));
    same('delivery', 'deliveries');
    same('cancel', 'cancelled', 'cancelling', 'cancellation');
    same('ship', 'ships', 'shipped', 'shipping');
    same('charge', 'charged', 'charges', 'charging');
    same('address', 'addresses');
    same('arrive', 'arrival', 'arrives');
    same('reserve', 'reservation', 'reserved');
    assert.equal(stem('status'), 'status');
    assert.equal(stem('bill'), 'bill');
    assert.notEqual(stem('personal'), stem('person'));
  });
});

describe('overlap text: concepts and phrases', () => {
  it('folds support synonyms into one concept', () => {
    const same = (...words: string[]) => assert.equal(new Set(words.map(concept)).size, 1, words.join(' / '));
    same('shipping', 'delivery', 'shipment', 'parcel', 'package', 'carrier');
    same('rewards', 'points', 'loyalty');
    same('refund', 'reimburse', 'reimbursement');
    same('subscription', 'membership', 'plan');
    same('invoice', 'bill', 'receipt');
    same('booking', 'reservation');
    same('track', 'tracking', 'status', 'where');
    assert.notEqual(concept('billing'), concept('bill'), 'billing is not an invoice');
    assert.notEqual(concept('order'), concept('refund'));
  });

  it('reads word runs as one term', () => {
    const stems = (text: string) => tokenize(text).map((t) => t.stem);
    assert.deepEqual(phraseAt(stems('money back today'), 0), { length: 2, target: 'refund' });
    assert.deepEqual(phraseAt(stems('credit card on file'), 0), { length: 4, target: 'card' });
    assert.deepEqual(phraseAt(stems('look up'), 0), { length: 2, target: 'intent:read' });
    assert.equal(phraseAt(stems('order number'), 0), undefined);
  });

  it('leaves out words naming one of the action\'s own segments', () => {
    const p = analyse('Track retail order', 'Track the delivery of a retail order.', 'GET', ['retail']);
    assert.ok(!p.terms.has(concept('retail')));
    assert.ok(p.terms.has(concept('order')));
  });
});

describe('overlap text: intents', () => {
  const intent = (name: string, description: string, method: 'GET' | 'POST' = 'GET') => analyse(name, description, method).intent;

  it('takes the intent from the name\'s verb, else the description\'s', () => {
    assert.equal(intent('Look up order', 'Look up an order by ID.'), 'read');
    assert.equal(intent('Cancel order', 'Cancel an order that has not shipped.', 'POST'), 'cancel');
    assert.equal(intent('Track my delivery', 'Track the delivery of an order.'), 'read');
    assert.equal(intent('Get shipping status', 'Get the shipping status.'), 'read');
    assert.equal(intent('Where is my order', 'Tell the customer where their order is.'), 'read');
    assert.equal(intent('Flight status', 'Get the live status of a flight.'), 'read');
    assert.equal(intent('Store opening hours', 'Return the opening hours of a store.'), 'read');
  });

  it('reads "Refund status" as a noun phrase, "Refund a payment" as a verb', () => {
    assert.equal(intent('Refund status', 'Show where a refund stands.'), 'read');
    assert.equal(intent('Refund a payment', 'Issue a refund for a charge.', 'POST'), 'refund');
  });

  it('skips light verbs and lets the object decide ("send money" is a payment)', () => {
    assert.equal(intent('Make a bank transfer', 'Pay a person from the current account.', 'POST'), 'pay');
    assert.equal(intent('Send money', 'Transfer money to another account.', 'POST'), 'pay');
    assert.equal(intent('Send login link', 'Send a sign-in link by email.', 'POST'), 'send');
  });

  it('never takes a GET action for a change', () => {
    assert.equal(intent('Request transcript', 'Send the student a transcript.', 'GET'), 'read');
  });

  it('keeps "return the carrier" (gives back data) apart from "a return" (a product return)', () => {
    const track = analyse('Track parcel', 'Track a parcel: returns the carrier and date.', 'GET');
    assert.ok(!track.terms.has(concept('return')));
    const start = analyse('Start a return', 'Start a return for items from a delivered order.', 'POST');
    assert.ok(start.terms.has(concept('return')));
  });

  it('scores verb classes: same 1, cancel/delete 1, read/list low, read/write and opposites lower', () => {
    assert.equal(intentAffinity('read', 'read'), 1);
    assert.equal(intentAffinity('cancel', 'delete'), 1);
    assert.ok(intentAffinity('read', 'list') < 0.5);
    assert.ok(intentAffinity('read', 'cancel') <= 0.2);
    assert.ok(intentAffinity('create', 'cancel') < intentAffinity('read', 'cancel'));
    assert.ok(intentAffinity('pause', 'resume') < intentAffinity('create', 'update'));
  });

  it('lists concepts without the plain verbs', () => {
    assert.deepEqual(concepts(analyse('Cancel order', 'Cancel an order.', 'POST')), [concept('order')]);
  });
});
