import type { ActionModel, Channel } from '../model/action';
import type { ContactConfig } from '../model/config';

/** The name coverage gives the implicit anonymous visitor, beside the config's named contacts. */
export const ANONYMOUS_LABEL = '(anonymous)';

/** One action file as the catalog needs it: its id, its model, and whether it can be planned at all. */
export interface CatalogEntry {
  /** The file's id as the caller shows it (a path in the CLI, a URI in the server). */
  file: string;
  /** Undefined when the file is not a JSON object at all. */
  action: ActionModel | undefined;
  /** The file has syntax or schema errors, so it cannot be planned (and OpenCX would not accept it). */
  invalid: boolean;
  /**
   * Set by whoever pulled the action from OpenCX, whose API does not return segment restrictions: the catalog
   * then lists the action as offered (on its channels), with a note that the segment filter is not known.
   */
  segmentsUnknown?: boolean;
}

/** Who the catalog is for: a named contact of the config, or the anonymous visitor (`name` undefined). */
export interface CatalogContact {
  name?: string;
  contact: ContactConfig;
}

/** The JSON Schema object of a tool's parameters: exactly what the AI fills. */
export interface ToolParameters {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required: string[];
}

/** One action offered to the AI, as the function definition a model receives, plus where it comes from. */
export interface CatalogTool {
  file: string;
  name: string;
  /** The function name the model calls (`^[A-Za-z0-9_-]{1,64}$`, unique in the list). */
  function: string;
  /** The action's description, verbatim. */
  description: string;
  parameters: ToolParameters;
  /** Sentences about assumptions that shaped this tool (clashes, widget overrides, unknown segments…). */
  notes: string[];
}

export type HiddenReason = 'segment' | 'channel' | 'invalid';

/** An action the AI is not offered, and why. */
export interface HiddenAction {
  file: string;
  name: string;
  reason: HiddenReason;
  /** One sentence a person can act on. */
  detail: string;
}

/** The tool list for one contact on one channel. */
export interface Catalog {
  /** The contact's name; null for the anonymous visitor. */
  contact: string | null;
  channel: Channel;
  tools: CatalogTool[];
  hidden: HiddenAction[];
}

/** A tool as the model receives it in a chat-completions request (OpenAI's `tools` array element). */
export interface ModelTool {
  type: 'function';
  function: { name: string; description: string; parameters: ToolParameters };
}

/** The token cost of a tool list, with the tools that cost most first. */
export interface CatalogTokens {
  tokens: number;
  contributors: { file: string; function: string; tokens: number }[];
}

/** Who reaches what on one channel: every contact of the config plus the anonymous visitor. */
export interface Coverage {
  channel: Channel;
  contacts: string[];
  actions: { file: string; name: string; offeredTo: string[] }[];
  /** Files of actions no contact is offered (invalid ones included). */
  unreachable: string[];
  contactsWithoutActions: string[];
  /** Segments the config defines that no action's restrictedToSegments uses. */
  unusedSegments: string[];
}

/** Coverage with the reason of every cell (contact × action), for the view's matrix. */
export interface CoverageMatrix extends Coverage {
  /** Files of actions pulled from OpenCX whose segments are unknown: counted as offered to everyone (a note says so). */
  segmentsUnknown: string[];
  /** cells[actionIndex][contactIndex]: offered, or the reason it is not, with the sentence behind it. */
  cells: { offered: boolean; reason?: HiddenReason; detail: string }[][];
}
