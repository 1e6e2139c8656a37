import type { JsonPath } from '../document/jsonDocument';
import type { ActionModel } from '../model/action';
import type { ContactConfig, OrgConfig, OrgSettings } from '../model/config';
import type { PlannedHeader, RequestPlan } from '../model/plan';

/** The action to plan: its file (for locations) and its parsed value. */
export interface ActionInput {
  /** Path or URI of the action file, exactly as locations should name it. */
  file: string;
  /** The parsed value of the file (`JsonDocument.value`). */
  value: unknown;
  /** The typed model, when the caller has it already; otherwise read from `value`. */
  model?: ActionModel;
}

/** The organisation: the nearest opencx.config.json, typed and raw (the raw value gives locations). */
export interface OrgInput {
  /** Path or URI of opencx.config.json, exactly as locations should name it. */
  file: string;
  config: OrgConfig;
  raw: unknown;
  /** Set when the current text of the config is invalid and the caller passes the last valid version. */
  usingLastValid?: boolean;
}

/** Generates the placeholder context values the dashboard's Test button sends; injected so tests are deterministic. */
export interface IdGenerator {
  /** A conversation UUID for `x-opencx-session-id` (and the magic field `conversation.id`). */
  sessionId(): string;
  /** A numeric ticket number for `x-opencx-ticket-number`. */
  ticketNumber(): string;
}

/**
 * `send`: every required value must be given (the executor's mode). `dryRun`: a missing value becomes a placeholder
 * listed in `plan.placeholders` (the `plan` command, hovers).
 */
export type ResolveMode = 'send' | 'dryRun';

/** Everything one plan is made from. */
export interface ResolveInput {
  action: ActionInput;
  /** Undefined when no opencx.config.json was found: no global variables, contacts or context headers. */
  org?: OrgInput;
  /** Undefined: the config's `defaultEnvironment`, else the top-level settings only. */
  environment?: string;
  /** Undefined: the config's `defaultContact`, else an implicit anonymous visitor. */
  contact?: string;
  /** Values the AI would extract, by parameter or body field name (one namespace, as in the AI's tool call). */
  values?: Readonly<Record<string, unknown>>;
  /** Default `send`. */
  mode?: ResolveMode;
  /** Default: random UUID and ticket number. */
  ids?: IdGenerator;
  /** Whether a secret has a value; when given, the plan notes each referenced secret that is not set. */
  isSecretSet?: (name: string) => boolean;
}

/** Why a plan could not be made; `missing-values` only when sending (a dry run uses placeholders). */
export type ResolveErrorCode = 'unknown-environment' | 'unknown-contact' | 'missing-values' | 'invalid-action';

/** Why no plan could be made. Never a half-resolved plan. */
export interface ResolveError {
  code: ResolveErrorCode;
  /** One sentence for people, listing what is available or missing. */
  message: string;
  /** unknown-environment / unknown-contact: the names that exist. */
  available?: string[];
  /** missing-values: the parameters and body fields without a value. */
  missing?: string[];
  /** invalid-action: what prevents planning, each at its place in the action file. */
  problems?: { path: JsonPath; message: string }[];
}

/** A typed result: a value, or an error and nothing half-resolved. */
export type Resolved<T> = { ok: true; value: T } | { ok: false; error: ResolveError };

/** The result of resolveRequest. */
export type ResolveResult = Resolved<RequestPlan>;

/** The environment and contact in effect, with the settings they give. */
export interface Selection {
  environment?: string;
  contactName?: string;
  contact: ContactConfig;
  settings: OrgSettings;
  notes: string[];
}

/** The headers one action is sent with, for the active environment and contact, without needing a valid URL. */
export interface HeaderResolution {
  headers: PlannedHeader[];
  notes: string[];
  environment?: string;
  contact?: string;
}
