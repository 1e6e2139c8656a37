import type { CaseResult } from '../../../server/src/engine';

/** What the routing page shows: one run's report, or why the run failed. Files are URIs. */
export interface RoutingView {
  model: string;
  baseUrl: string;
  contact: string | null;
  channel: string;
  runs: number;
  /** Null until the run produced a report (an error instead). */
  accuracy: number | null;
  argumentAccuracy: number | null;
  cases: CaseResult[];
  confusions: { expected: string; picked: string | null; count: number }[];
  /** The file of each offered action, by name (names that are no offered action have none). */
  files: Record<string, string>;
  /** A failure of the endpoint, in words (never a stack). */
  error?: string;
}

/** Extension → routing webview. */
export type ToRoutingWebview = { type: 'show'; view: RoutingView };

/** What the page rendered, reported back so tests (and nothing else) can check the real DOM. */
export interface RoutingRenderedSummary {
  /** The role=status line. */
  status: string;
  /** The header line: model, contact, channel. */
  heading: string;
  /** Rows of the confusion table: `expected → picked: count`. */
  confusions: string[];
  /** Rows of the utterance table: the cells' texts. */
  cases: string[][];
  /** The action names rendered as links to their files. */
  links: string[];
  error: string;
  /** Tables without a caption or without header cells: must be 0. */
  tablesWithoutCaption: number;
}

/** Routing webview → extension. Checked on arrival (`isFromRoutingWebview`). */
export type FromRoutingWebview =
  | { type: 'ready' }
  | { type: 'rendered'; summary: RoutingRenderedSummary }
  | { type: 'open'; uri: string };

export function isFromRoutingWebview(message: unknown): message is FromRoutingWebview {
  if (message === null || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return true;
    case 'rendered':
      return typeof m.summary === 'object' && m.summary !== null;
    case 'open':
      return typeof m.uri === 'string';
    default:
      return false;
  }
}
