import type { ActionModel, Channel } from '../model/action';
import { segmentVisibility } from '../resolve/visibility';
import type { CatalogContact, HiddenReason } from './types';

/** Whether one contact, on one channel, is offered one action; when not, which filter hides it and why. */
export type Offer = { offered: true; detail: string } | { offered: false; reason: Exclude<HiddenReason, 'invalid'>; detail: string };

/**
 * The one place the catalog asks who sees an action. The segment decision is the resolver's, which rests on the
 * engine's one predicate (model/visibility.ts, `offersTo`) that plans, hovers and overlap use too, so the catalog can
 * never disagree with them; the channel check is OpenCX's channel list.
 */
export function offerOf(action: ActionModel, who: CatalogContact, channel: Channel): Offer {
  if (!action.channels.includes(channel)) {
    const on = action.channels.length ? `only on ${action.channels.join(', ')}` : 'on no channel';
    return { offered: false, reason: 'channel', detail: `The action is ${on}, not ${channel}.` };
  }
  const segments = segmentVisibility(action.restrictedToSegments, who.contact, who.name);
  return segments.visible ? { offered: true, detail: segments.reason } : { offered: false, reason: 'segment', detail: segments.reason };
}
