import type { ContactConfig } from '../model/config';

/** What a magic field can be filled from when a plan is made: the test contact and the generated conversation. */
export interface MagicContext {
  contact: ContactConfig;
  contactName?: string;
  /** The conversation UUID of this plan (the same as `x-opencx-session-id`). */
  sessionId: string;
}

/** The value a plan shows for a magic field, and what the user should know about it. */
export interface MagicSample {
  value: string;
  known: boolean;
  note: string;
}

interface KnownMagicField {
  description: string;
  sample(context: MagicContext): { value: string; from: string };
}

const fromContact = (key: 'email' | 'name' | 'phone', fallback: string) => (context: MagicContext) => {
  const written = context.contact[key];
  return written !== undefined
    ? { value: written, from: `the ${key} of contact "${context.contactName}"` }
    : { value: fallback, from: 'a sample value' };
};

/** The magic fields this extension knows, with how a plan fills each (the table the docs show). */
export const KNOWN_MAGIC_FIELDS: Readonly<Record<string, KnownMagicField>> = {
  // Samples name nobody in particular: a plan for contact "bob" must not show someone else's address as if it were his.
  'contact.email': { description: "the contact's e-mail address", sample: fromContact('email', 'sample.contact@example.com') },
  'contact.name': { description: "the contact's name", sample: fromContact('name', 'Sample Contact') },
  'contact.phone': { description: "the contact's phone number", sample: fromContact('phone', '+15555550123') },
  'contact.externalId': {
    description: "the contact's external ID",
    sample: (c) => (c.contact.externalId !== undefined
      ? { value: c.contact.externalId, from: `the externalId of contact "${c.contactName}"` }
      : { value: '', from: 'nothing: the contact is anonymous, so OpenCX has no external ID to fill in' }),
  },
  'conversation.id': { description: 'the conversation UUID', sample: (c) => ({ value: c.sessionId, from: 'the generated session id' }) },
  'conversation.language': { description: "the conversation's language", sample: () => ({ value: 'en', from: 'a sample value' }) },
};

/** The placeholder shown for a magic field this extension does not know. */
export function unknownMagicPlaceholder(field: string): string {
  return `<magic:${field}>`;
}

/**
 * The sample value of the magic field `field` for a plan, with a note saying OpenCX fills it from the conversation.
 * `where` names the header or parameter it is used in.
 */
export function magicSample(field: string, where: string, context: MagicContext): MagicSample {
  const known = Object.prototype.hasOwnProperty.call(KNOWN_MAGIC_FIELDS, field) ? KNOWN_MAGIC_FIELDS[field] : undefined;
  if (!known) {
    return {
      value: unknownMagicPlaceholder(field),
      known: false,
      note: `${where} is the magic field "${field}", which this extension does not know: OpenCX fills it from the conversation if it exists; the plan shows a placeholder.`,
    };
  }
  const { value, from } = known.sample(context);
  return {
    value,
    known: true,
    note: `${where} is the magic field "${field}" (${known.description}), filled by OpenCX from the conversation; the plan shows ${from}.`,
  };
}
