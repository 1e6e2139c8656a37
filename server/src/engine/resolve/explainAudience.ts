import type { ContactConfig, OrgSettings } from '../model/config';
import { code } from './markdown';
import { segmentVisibility } from './visibility';

/** Whether one test contact is offered an action, with a short reason. */
export interface ContactAudience {
  contact: string;
  visible: boolean;
  anonymous: boolean;
  /** Short: `in vip`, `only in customers`, `anonymous (no externalId)`, `every contact`. */
  reason: string;
}

function shortReason(restricted: readonly string[] | undefined, contact: ContactConfig, visible: boolean, shared: string[]): string {
  if (!restricted?.length) return 'every contact sees unrestricted actions';
  if (contact.externalId === undefined) return 'anonymous (no externalId), so only unrestricted actions';
  if (visible) return `in ${shared.join(', ')}`;
  return contact.segments.length ? `only in ${contact.segments.join(', ')}` : 'in no segment';
}

/** Which test contacts of the effective settings would be offered an action restricted to `restricted`. */
export function segmentAudience(restricted: readonly string[] | undefined, settings: OrgSettings): ContactAudience[] {
  return Object.entries(settings.contacts).map(([name, contact]) => {
    const v = segmentVisibility(restricted, contact, name);
    return { contact: name, visible: v.visible, anonymous: contact.externalId === undefined, reason: shortReason(restricted, contact, v.visible, v.sharedSegments) };
  });
}

function restrictionText(restricted: readonly string[] | undefined): string {
  if (restricted === undefined) return 'No `restrictedToSegments`: every contact is offered this action, anonymous visitors included.';
  if (!restricted.length) return '`restrictedToSegments` is empty: every contact is offered this action, anonymous visitors included.';
  return `Restricted to ${restricted.map(code).join(', ')}: a contact must be in at least one of them, and anonymous contacts (no \`externalId\`) only get unrestricted actions.`;
}

function audienceLines(audience: readonly ContactAudience[]): string[] {
  if (!audience.length) return ['No test contacts in opencx.config.json.'];
  return audience.map((a) => `- ${code(a.contact)} ${a.visible ? 'sees it' : 'does **not** see it'}: ${a.reason}`);
}

const envText = (environment: string | undefined): string => (environment !== undefined ? ` · environment ${code(environment)}` : '');

/** Markdown for the hover on `restrictedToSegments`: the rule, then each test contact and whether it sees the action. */
export function renderAudience(restricted: readonly string[] | undefined, settings: OrgSettings, environment?: string): string {
  return [`**Who is offered this action**${envText(environment)}`, '', restrictionText(restricted), '', ...audienceLines(segmentAudience(restricted, settings))].join('\n');
}

/**
 * Markdown for the hover on one segment name in `restrictedToSegments`: whether the organisation defines it, the
 * test contacts in it, then who is offered the action.
 */
export function renderSegmentExplanation(segment: string, restricted: readonly string[] | undefined, settings: OrgSettings, environment?: string): string {
  const members = Object.entries(settings.contacts).filter(([, c]) => c.segments.includes(segment)).map(([name]) => code(name));
  const defined = settings.segments === undefined
    ? 'opencx.config.json lists no `segments`, so the name cannot be checked.'
    : settings.segments.includes(segment)
      ? 'Defined in opencx.config.json `segments`.'
      : `**Not** among the segments in opencx.config.json (${settings.segments.map(code).join(', ') || 'none'}).`;
  return [
    `**Segment ${code(segment)}**${envText(environment)}`,
    '',
    `${defined} Test contacts in it: ${members.length ? members.join(', ') : 'none'}.`,
    '',
    restrictionText(restricted),
    '',
    ...audienceLines(segmentAudience(restricted, settings)),
  ].join('\n');
}
