/** Plain data in and out of the description-overlap detector (issue 3). */
import type { Channel, HttpMethod } from '../model/action';
import type { SegmentMember } from '../model/visibility';
import type { IntentClass } from './intents';

/** What the detector needs of one action; the fields of the same name in ActionModel. */
export interface OverlapEntry {
  name: string;
  description: string;
  method: HttpMethod | undefined;
  /** Undefined or [] = every contact; otherwise a contact must be in at least one listed segment. */
  restrictedToSegments: readonly string[] | undefined;
  /** [] = on no channel (offered to nobody). ActionModel already applies the widget-only default. */
  channels: readonly Channel[];
  /** Pulled from OpenCX with its segments unknown (ActionModel.segmentsUnknown): counted as offered to everyone. */
  segmentsUnknown?: boolean;
}

/**
 * What opencx.config.json tells about who is in which segment. Optional: without it, any two segments may share a
 * contact (OpenCX lets a contact be in several), so no segment pair is ruled out.
 */
export interface OverlapContext {
  /**
   * Groups of segments a contact belongs to at most one of (plan tiers, regions, retail vs wholesale). Two actions
   * whose segment lists fall in different members of one group are never offered to the same contact.
   */
  exclusiveSegmentGroups?: readonly (readonly string[])[];
  /**
   * The config's named test contacts, their segments and whether they are identified (externalId); named in
   * messages as examples of who sees both.
   */
  contacts?: Readonly<Record<string, SegmentMember>>;
}

/** Who gets both actions offered in one conversation. */
export type CoVisibility =
  /** Both unrestricted: every contact, anonymous ones included. */
  | { kind: 'everyone'; channels: Channel[]; allChannels: boolean }
  /** Every contact in at least one of `segments` sees both (one action is unrestricted, or both list these). */
  | { kind: 'segments'; segments: string[]; channels: Channel[]; allChannels: boolean }
  /**
   * The lists share no segment: only a contact in one of `segments` AND one of `otherSegments` at the same time
   * sees both. `testContacts` (when the config lists contacts) are the ones who do.
   */
  | {
      kind: 'multi-segment';
      segments: string[];
      otherSegments: string[];
      testContacts: string[] | undefined;
      channels: Channel[];
      allChannels: boolean;
    };

/** One word the two actions share, as each wrote it (`delivery` here, `shipping` there). */
export interface SharedTerm {
  concept: string;
  words: string[];
  otherWords: string[];
}

/** One overlap, seen from the action `id` (the file the diagnostic goes on). */
export interface Overlap {
  id: string;
  otherId: string;
  name: string;
  otherName: string;
  /** 0..1; reported at or above the index's threshold. */
  score: number;
  /** The verbs, when both say one of the same kind ("track" / "get"). */
  sharedIntent: { intent: IntentClass; word: string; otherWord: string } | undefined;
  /** What both say, most telling first. */
  shared: SharedTerm[];
  /** Words only this action says, most telling first (at most a few). */
  onlyThis: string[];
  /** Words only the other action says. */
  onlyOther: string[];
  visibility: CoVisibility;
}
