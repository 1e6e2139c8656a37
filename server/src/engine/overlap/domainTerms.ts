/**
 * Support-domain equivalences WordNet does not make (issue 9 allows a short list; it may never grow from an
 * evaluation set). Each group is words a support API uses for one thing; the comment says why WordNet misses it.
 * Every entry is general support-domain knowledge, written down once; none was added after reading a blind or
 * catalog set (docs/overlap-quality.md says which tuning-set misses they address).
 */
const GROUPS: readonly { words: readonly string[]; why: string }[] = [
  { words: ['delivery', 'shipping', 'shipment'], why: 'WordNet files shipping under transport and delivery under bringing; shops use them for one thing' },
  { words: ['reward', 'point', 'loyalty'], why: "loyalty programmes pay rewards in points; WordNet's point is a location or a score" },
  { words: ['booking', 'reservation'], why: "WordNet's booking is only a performer's engagement" },
  { words: ['subscription', 'membership'], why: 'a recurring plan is sold as either; WordNet relates neither to the other' },
  { words: ['ticket', 'case'], why: 'help desks call one support request a ticket or a case' },
  { words: ['refund', 'reimbursement'], why: 'money given back; WordNet puts them under different hypernyms' },
  { words: ['cancel', 'end', 'terminate', 'stop'], why: 'ending a recurring service; WordNet relates cancel only to calling off an event' },
  { words: ['report', 'file', 'submit', 'raise', 'log', 'lodge'], why: 'how support text says a claim, complaint or ticket is opened' },
  { words: ['request', 'book', 'schedule', 'arrange'], why: 'asking for an appointment or a callback' },
];

const GROUP_OF: ReadonlyMap<string, number> = new Map(GROUPS.flatMap((g, i) => g.words.map((w) => [w, i] as const)));

/** Whether two lemmas are one support-domain term (see GROUPS). */
export function domainSynonyms(a: string, b: string): boolean {
  const ga = GROUP_OF.get(a);
  return ga !== undefined && ga === GROUP_OF.get(b);
}

/** The group key of a lemma, for posting keys (undefined when it is in no group). */
export function domainGroupOf(lemma: string): number | undefined {
  return GROUP_OF.get(lemma);
}
