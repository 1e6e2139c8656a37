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

function button(label: string, message: FromWebview): HTMLButtonElement {
  const b = el('button', { type: 'button' }, label);
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

function banners(view: RunView): HTMLElement {
  const box = el('div', { class: 'banners', role: 'status' });
  if (!view.visibleToContact) box.append(el('p', { class: 'banner warning' }, `The AI would never see this action for contact "${view.contact ?? 'the active contact'}": the segment filter hides it. Sent anyway, as a test.`));
  if (view.differsFromOpenCX) box.append(el('p', { class: 'banner info' }, 'This run differs from what OpenCX would do; see the notes below.'));
  return box;
}

function tabs(view: RunView): HTMLElement {
  const raw = el('pre', { id: 'ai-body', class: 'body', tabindex: '0', 'aria-label': 'Body as the AI receives it' }, view.ai.body);
  const panels: [string, HTMLElement][] = [['Raw, as the AI gets it', raw]];
  if (view.prettyJson) panels.push(['Pretty JSON (for reading only)', el('pre', { class: 'body', tabindex: '0' }, view.prettyJson)]);
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
  return el('section', { 'aria-labelledby': 'ai-title' },
    el('h2', { id: 'ai-title' }, 'What the AI receives'),
    el('p', { class: 'status' }, el('span', { id: 'ai-status', class: `pill ${view.outcome}` }, view.ai.status === null ? 'no status' : `status ${view.ai.status}`), ` · ${view.outcome}`),
    tabs(view),
    el('p', { class: over ? 'meta warning' : 'meta' }, `${bytes(view.ai.bytes)} · ${view.ai.tokens}${view.ai.tokensEstimated ? ' (estimated)' : ''} tokens of a ${view.ai.tokenBudget}-token budget${over ? ' — above the budget' : ''}`),
    view.error && (view.outcome === 'network-error' || view.outcome === 'timeout') && el('p', { class: 'meta', id: 'underlying-error' }, `Underlying error (not given to the AI): ${view.error.message}`),
    view.ai.heldBytes !== undefined && el('p', { class: 'banner info', id: 'body-cap' }, `The body is ${bytes(view.ai.bytes)}: the AI would receive all of it. This view holds the first ${bytes(view.ai.heldBytes)} (opencx.run.maxBodyBytes).`),
    view.ai.truncated && el('p', { class: 'banner info' }, `Showing the first ${bytes(view.ai.body.length)} only; the AI receives all of it. `, button('Open the full body in an editor', { type: 'openFullBody' })),
  );
}

function explanationSection(view: RunView): HTMLElement {
  return el('section', { class: `explanation ${view.explanation.level}`, 'aria-labelledby': 'why-title' },
    el('h2', { id: 'why-title' }, view.explanation.headline),
    el('ul', {}, ...view.explanation.details.map((d) => el('li', {}, d))),
  );
}

function headerTable(view: RunView): HTMLElement {
  const rows = view.request.headers.map((h) => el('tr', {},
    el('td', {}, h.name),
    el('td', { class: 'mono' }, h.value),
    el('td', {}, h.source),
    el('td', {}, ...h.shadowed.map((s) => el('div', {}, el('s', { class: 'mono' }, s.value), ` (${s.source})`)))));
  return el('table', { id: 'request-headers' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Header'), el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'Source'), el('th', { scope: 'col' }, 'Shadowed'))),
    el('tbody', {}, ...rows));
}

function requestSection(view: RunView): HTMLElement {
  return el('section', { 'aria-labelledby': 'request-title' },
    el('h2', { id: 'request-title' }, 'The request as it went out'),
    el('p', { class: 'mono' }, `${view.request.method} ${view.request.url}`),
    headerTable(view),
    view.request.body !== null && el('pre', { class: 'body', tabindex: '0' }, view.request.body),
    el('p', {}, button('Copy as cURL (secrets masked)', { type: 'copyCurl' }), ' ', button('Run again', { type: 'rerun' })),
  );
}

function responseSection(view: RunView): HTMLElement {
  const t = view.response.timing;
  return el('section', { 'aria-labelledby': 'response-title' },
    el('h2', { id: 'response-title' }, 'Response and timing'),
    el('p', {}, `connect ${ms(t.connectMs)}${t.connectionReused ? ' (reused)' : ''} · first byte ${ms(t.firstByteMs)} · total ${ms(t.totalMs)}`),
    ...view.redirects.map((r) => el('p', { class: 'mono' }, `↪ ${r.status} ${r.method} ${r.url} → ${r.to}`)),
    el('table', {}, el('tbody', {}, ...view.response.headers.map((h) => el('tr', {}, el('td', {}, h.name), el('td', { class: 'mono' }, h.value))))),
    view.notes.length > 0 && el('h3', {}, 'Notes'),
    view.notes.length > 0 && el('ul', {}, ...view.notes.map((n) => el('li', {}, n))),
  );
}

function render(view: RunView): void {
  const root = document.getElementById('root');
  if (!root) return;
  document.title = `Run: ${view.actionName}`;
  root.replaceChildren(
    el('h1', {}, view.actionName, el('span', { class: 'meta' }, ` · ${view.environment ?? 'no environment'} · ${view.contact ?? 'no contact'} · ${new Date(view.ranAt).toLocaleString()}`)),
    banners(view), aiSection(view), explanationSection(view), requestSection(view), responseSection(view));
  const body = document.getElementById('ai-body');
  const summary: RenderedSummary = {
    status: document.getElementById('ai-status')?.textContent ?? '',
    aiText: body?.textContent ?? '',
    headerRows: document.querySelectorAll('#request-headers tbody tr').length,
    elementsInBody: body?.querySelectorAll('*').length ?? -1,
    title: document.title,
  };
  vscode.postMessage({ type: 'rendered', summary });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message && message.type === 'show' && message.view && typeof message.view.actionName === 'string') render(message.view);
});
vscode.postMessage({ type: 'ready' });
