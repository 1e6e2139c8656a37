import type { RunView } from './view';

/** Extension → run webview. */
export type ToWebview = { type: 'show'; view: RunView };

/** What the page rendered, reported back so tests (and nothing else) can check the real DOM. */
export interface RenderedSummary {
  status: string;
  aiText: string;
  headerRows: number;
  /** Elements inside the AI-text container: must be 0, the body is text. */
  elementsInBody: number;
  title: string;
  /** The one-line summary put in the page's status region (what a screen reader announces). */
  announced: string;
  /** The id of the element that has focus after the render ('' for none). */
  focused: string;
}

/** Run webview → extension. Checked on arrival (`isFromWebview`). */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'rendered'; summary: RenderedSummary }
  | { type: 'copyCurl' }
  | { type: 'openFullBody' }
  | { type: 'rerun' };

const TYPES = new Set(['ready', 'rendered', 'copyCurl', 'openFullBody', 'rerun']);

export function isFromWebview(message: unknown): message is FromWebview {
  return message !== null && typeof message === 'object' && TYPES.has(String((message as { type?: unknown }).type));
}
