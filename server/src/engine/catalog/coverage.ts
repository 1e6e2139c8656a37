import type { Channel } from '../model/action';
import { actionLabel, segmentsUnknown, UNKNOWN_SEGMENTS_NOTE } from './catalog';
import { ANONYMOUS_LABEL, type CatalogContact, type CatalogEntry, type CoverageMatrix, type HiddenReason } from './types';
import { offerOf } from './visibility';

type Cell = CoverageMatrix['cells'][number][number];

function cellOf(entry: CatalogEntry, who: CatalogContact, channel: Channel): Cell {
  if (!entry.action || entry.invalid) return { offered: false, reason: 'invalid' satisfies HiddenReason, detail: 'The file has syntax or schema errors, so it cannot be planned.' };
  const unknown = segmentsUnknown(entry);
  const offer = offerOf(unknown ? { ...entry.action, restrictedToSegments: [] } : entry.action, who, channel);
  if (!offer.offered) return { offered: false, reason: offer.reason, detail: offer.detail };
  return { offered: true, detail: unknown ? `${offer.detail} ${UNKNOWN_SEGMENTS_NOTE}` : offer.detail };
}

/**
 * Who reaches what on one channel: each action against each named contact (in the config's order) and the
 * anonymous visitor last, labelled `(anonymous)`. Invalid actions reach nobody, so they count as unreachable.
 * `definedSegments` is the config's `segments` (undefined when it lists none: then no segment is unused).
 */
export function buildCoverage(entries: readonly CatalogEntry[], contacts: readonly CatalogContact[], definedSegments: readonly string[] | undefined, channel: Channel): CoverageMatrix {
  const labels = contacts.map((c) => c.name ?? ANONYMOUS_LABEL);
  const cells = entries.map((entry) => contacts.map((who) => cellOf(entry, who, channel)));
  const actions = entries.map((entry, i) => ({ file: entry.file, name: actionLabel(entry), offeredTo: labels.filter((_, j) => cells[i][j].offered) }));
  const used = new Set(entries.flatMap((e) => (e.invalid ? [] : e.action?.restrictedToSegments ?? [])));
  return {
    channel,
    contacts: labels,
    actions,
    unreachable: actions.filter((a) => !a.offeredTo.length).map((a) => a.file),
    contactsWithoutActions: labels.filter((_, j) => !cells.some((row) => row[j].offered)),
    unusedSegments: (definedSegments ?? []).filter((s) => !used.has(s)),
    segmentsUnknown: entries.filter((e) => !e.invalid && segmentsUnknown(e)).map((e) => e.file),
    cells,
  };
}
