// The run result page. Runs in the webview (a browser iframe): every value from the response or a file is set
// with textContent, never parsed as HTML. Messages from the extension are checked before use.
import type { FromWebview, RenderedSummary, ToWebview } from '../src/run/messages';
import type { RunView } from '../src/run/view';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };
const vscode = acquireVsCodeApi();

type Child = Node | string | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`);
const ms = (n: number | null) => (n === null ? '–' : `${Math.round(n)} ms`);

/** Outcomes in words (the raw codes are for JSON output). */
const OUTCOME_LABELS: Record<string, string> = {
  success: 'answered', 'http-error': 'HTTP error', timeout: 'timed out', 'network-error': 'network error', refused: 'not sent',
};
const outcomeLabel = (outcome: string) => OUTCOME_LABELS[outcome] ?? outcome;

/** The one line a screen reader announces after each render. */
function announcement(view: RunView): string {
  return `${view.actionName}: ${view.ai.status === null ? 'no status' : `status ${view.ai.status}`}, ${outcomeLabel(view.outcome)}`;
}

function button(label: string, message: FromWebview, id: string): HTMLButtonElement {
  const b = el('button', { type: 'button', id }, label);
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

function banners(view: RunView): HTMLElement {
  const box = el('div', { class: 'banners' });
  if (!view.visibleToContact) box.append(el('p', { class: 'banner warning' }, el('strong', {}, 'Not offered to this contact. '), view.visibility ?? ''));
  if (view.differsFromOpenCX) box.append(el('p', { class: 'banner info' }, 'This run differs from what OpenCX would do; see the notes below.'));
  return box;
}

function tabs(view: RunView): HTMLElement {
  const raw = el('pre', { id: 'ai-body', class: 'body', tabindex: '0', 'aria-label': 'Body as the AI receives it' }, view.ai.body);
  // A tab list with one tab is noise for every reader: the body alone, unless there is a second view.
  if (!view.prettyJson) return raw;
  const panels: [string, HTMLElement][] = [['Raw, as the AI gets it', raw]];
  panels.push(['Pretty JSON (for reading only)', el('pre', { class: 'body', tabindex: '0', 'aria-label': 'Body as pretty JSON, for reading only' }, view.prettyJson)]);
  const list = el('div', { role: 'tablist', 'aria-label': 'Body views' });
  const box = el('div', {}, list);
  panels.forEach(([label, panel], i) => {
    const tab = el('button', { type: 'button', role: 'tab', id: `tab-${i}`, 'aria-selected': String(i === 0), tabindex: i === 0 ? '0' : '-1' }, label);
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `tab-${i}`);
    panel.hidden = i !== 0;
    const select = () => panels.forEach(([, p], j) => {
      p.hidden = j !== i;
      const t = list.children[j] as HTMLElement;
      t.setAttribute('aria-selected', String(j === i));
      t.tabIndex = j === i ? 0 : -1;
    });
    tab.addEventListener('click', select);
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const next = list.children[(i + (e.key === 'ArrowRight' ? 1 : panels.length - 1)) % panels.length] as HTMLElement;
      next.click();
      next.focus();
    });
    list.append(tab);
    box.append(panel);
  });
  return box;
}

function aiSection(view: RunView): HTMLElement {
  const over = view.ai.tokens > view.ai.tokenBudget;
  if (view.outcome === 'refused') {
    // Nothing was sent: the reason is the result; an empty body box and "0 bytes" would only hide it.
    return el('section', { 'aria-labelledby': 'ai-title' },
      el('h2', { id: 'ai-title' }, 'Not sent'),
      el('p', { class: 'status' }, el('span', { id: 'ai-status', class: 'pill refused' }, 'not sent')),
      el('p', { id: 'refused-reason' }, view.error?.message ?? view.explanation.details[0] ?? ''));
  }
  return el('section', { 'aria-labelledby': 'ai-title' },
    el('h2', { id: 'ai-title' }, 'What the AI receives'),
    el('p', { class: 'status' }, el('span', { id: 'ai-status', class: `pill ${view.outcome}` }, view.ai.status === null ? 'no status' : `status ${view.ai.status}`), ` · ${outcomeLabel(view.outcome)}`),
    tabs(view),
    el('p', { class: over ? 'meta warning' : 'meta' }, `${bytes(view.ai.bytes)} · ${view.ai.tokens}${view.ai.tokensEstimated ? ' (estimated)' : ''} tokens of a ${view.ai.tokenBudget}-token budget${over ? ' — above the budget' : ''}`),
    view.error && (view.outcome === 'network-error' || view.outcome === 'timeout') && el('p', { class: 'meta', id: 'underlying-error' }, `Underlying error (not given to the AI): ${view.error.message}`),
    view.ai.heldBytes !== undefined && el('p', { class: 'banner info', id: 'body-cap' }, `The body is ${bytes(view.ai.bytes)}: the AI would receive all of it. This view holds the first ${bytes(view.ai.heldBytes)} (opencx.run.maxBodyBytes).`),
    view.ai.truncated && el('p', { class: 'banner info' }, `Showing the first ${bytes(view.ai.body.length)} only; the AI receives all of it. `, button('Open the full body in an editor', { type: 'openFullBody' }, 'btn-full-body')),
  );
}

function explanationSection(view: RunView): HTMLElement {
  return el('section', { class: `explanation ${view.explanation.level}`, 'aria-labelledby': 'why-title' },
    el('h2', { id: 'why-title' }, view.explanation.headline),
    el('ul', {}, ...view.explanation.details.map((d) => el('li', {}, d))),
  );
}

function headerTable(view: RunView): HTMLElement {
  const rows = view.request.headers.map((h, i) => el('tr', {},
    el('th', { scope: 'row', class: 'name' }, h.name),
    el('td', { class: 'mono value', 'data-label': 'Value' }, h.value),
    el('td', { class: 'source', 'data-label': 'Source' }, view.request.sources?.[i] ?? h.source),
    el('td', { class: 'value', 'data-label': 'Shadowed' }, ...h.shadowed.map((s, j) => el('div', {}, el('s', { class: 'mono' }, s.value), ` (${view.request.shadowedSources?.[i]?.[j] ?? s.source})`)))));
  return el('table', { id: 'request-headers' },
    el('caption', {}, 'Request headers, each with the source that won and the values it shadowed'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Header'), el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'Source'), el('th', { scope: 'col' }, 'Shadowed'))),
    el('tbody', {}, ...rows));
}

function requestSection(view: RunView): HTMLElement {
  return el('section', { 'aria-labelledby': 'request-title' },
    el('h2', { id: 'request-title' }, 'The request as it went out'),
    el('p', { class: 'mono request-line' }, `${view.request.method} ${view.request.url}`),
    headerTable(view),
    view.request.body !== null && el('h3', { id: 'request-body-title' }, 'Request body'),
    view.request.body !== null && el('pre', { class: 'body', tabindex: '0', 'aria-labelledby': 'request-body-title' }, view.request.body),
    el('p', {}, button('Copy as cURL (secrets masked)', { type: 'copyCurl' }, 'btn-copy-curl'), ' ', button('Run again', { type: 'rerun' }, 'btn-rerun')),
  );
}

function responseSection(view: RunView): HTMLElement {
  const t = view.response.timing;
  return el('section', { 'aria-labelledby': 'response-title' },
    el('h2', { id: 'response-title' }, 'Response and timing'),
    el('p', {}, `connect ${ms(t.connectMs)}${t.connectionReused ? ' (reused)' : ''} · first byte ${ms(t.firstByteMs)} · total ${ms(t.totalMs)}`),
    ...view.redirects.map((r) => el('p', { class: 'mono' }, `↪ ${r.status} ${r.method} ${r.url} → ${r.to}`)),
    view.response.headers.length > 0 && el('table', { id: 'response-headers' },
      el('caption', {}, 'Response headers'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Header'), el('th', { scope: 'col' }, 'Value'))),
      el('tbody', {}, ...view.response.headers.map((h) => el('tr', {}, el('th', { scope: 'row', class: 'name' }, h.name), el('td', { class: 'mono value' }, h.value))))),
    view.notes.length > 0 && el('h3', {}, 'Notes'),
    view.notes.length > 0 && el('ul', {}, ...view.notes.map((n) => el('li', {}, n))),
  );
}

function render(view: RunView): void {
  const root = document.getElementById('root');
  if (!root) return;
  document.title = `Run: ${view.actionName}`;
  // "Run again" replaces the page: focus stays on the control that had it, and the new status is scrolled into view.
  const focusedId = document.activeElement instanceof HTMLElement && document.activeElement.id ? document.activeElement.id : undefined;
  root.replaceChildren(
    el('h1', {}, view.actionName, el('span', { class: 'meta' }, ` · ${view.environment ?? 'no environment'} · ${view.contact ?? 'no contact'} · ${new Date(view.ranAt).toLocaleString()}`)),
    banners(view), aiSection(view), explanationSection(view), requestSection(view), responseSection(view));
  if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
  const announcer = document.getElementById('announce');
  if (announcer) announcer.textContent = announcement(view);
  const body = document.getElementById('ai-body');
  const summary: RenderedSummary = {
    status: document.getElementById('ai-status')?.textContent ?? '',
    aiText: body?.textContent ?? '',
    headerRows: document.querySelectorAll('#request-headers tbody tr').length,
    elementsInBody: body?.querySelectorAll('*').length ?? -1,
    title: document.title,
    announced: document.getElementById('announce')?.textContent ?? '',
    focused: document.activeElement instanceof HTMLElement ? document.activeElement.id : '',
  };
  vscode.postMessage({ type: 'rendered', summary });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message && message.type === 'show' && message.view && typeof message.view.actionName === 'string') render(message.view);
});
vscode.postMessage({ type: 'ready' });
