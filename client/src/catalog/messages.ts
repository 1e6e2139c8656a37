import type { CatalogView } from '../../../server/src/protocol';

/** Extension → catalog webview: a new view to render, or a choice to make in the pickers (as a person would). */
export type ToCatalogWebview =
  | { type: 'show'; view: CatalogView; focus?: string }
  | { type: 'choose'; contact: string | null; channel: string };

/** What the page rendered, reported back so tests (and nothing else) can check the real DOM. */
export interface CatalogRenderedSummary {
  /** The pickers' values: a contact name, or '' for the anonymous visitor. */
  contact: string;
  channel: string;
  /** The function name of the highlighted tool (Show in catalog on an action), or ''. */
  focused: string;
  /** Function names of the tool list, in order. */
  functions: string[];
  /** `name: reason` of every hidden action. */
  hidden: string[];
  tokensText: string;
  /** The JSON the copy button copies. */
  toolsJson: string;
  /** Header row then one row per action: the cell texts of the coverage matrix. */
  matrix: string[][];
  /** The hover texts (title) of the matrix cells that are not offered. */
  reasons: string[];
  /** The one-line summary put in the page's status region (what a screen reader announces). */
  announced: string;
  /** Elements inside description paragraphs: must be 0, descriptions are text. */
  elementsInDescriptions: number;
}

/** Catalog webview → extension. Checked on arrival (`isFromCatalogWebview`). */
export type FromCatalogWebview =
  | { type: 'ready' }
  | { type: 'rendered'; summary: CatalogRenderedSummary }
  | { type: 'select'; contact: string | null; channel: string }
  | { type: 'open'; uri: string }
  | { type: 'copyJson' };

export function isFromCatalogWebview(message: unknown): message is FromCatalogWebview {
  if (message === null || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'copyJson':
      return true;
    case 'rendered':
      return typeof m.summary === 'object' && m.summary !== null;
    case 'select':
      return (m.contact === null || typeof m.contact === 'string') && typeof m.channel === 'string';
    case 'open':
      return typeof m.uri === 'string';
    default:
      return false;
  }
}
