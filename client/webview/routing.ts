// The routing test's page. Runs in the webview (a browser iframe): every value from the extension is set as text,
// never parsed as HTML. Action names are link-styled buttons that ask the extension to open the action's file.
import type { FromRoutingWebview, RoutingRenderedSummary, RoutingView, ToRoutingWebview } from '../src/routing/messages';
import { el } from './dom';

declare function acquireVsCodeApi(): { postMessage(message: FromRoutingWebview): void };
const vscode = acquireVsCodeApi();

const percent = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value * 1000) / 10}%`);
const pickText = (pick: string | null) => (pick === null ? '(no tool)' : pick);

/** An action name: a link to its file when it is an offered action, else plain text. */
function actionName(view: RoutingView, name: string | null): HTMLElement {
  const file = name === null ? undefined : view.files[name];
  if (!file) return el('span', {}, pickText(name));
  const b = el('button', { type: 'button', class: 'link action', title: `Open the action "${name}"` }, name!);
  b.addEventListener('click', () => vscode.postMessage({ type: 'open', uri: file }));
  return b;
}

function table(id: string, caption: string, headers: string[], rows: HTMLElement[]): HTMLElement {
  return el('table', { id },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows));
}

function summaryLine(view: RoutingView): string {
  if (view.error !== undefined) return `The routing test failed: ${view.error}`;
  const right = view.cases.filter((c) => c.correct).length;
  return `Accuracy ${percent(view.accuracy)} · argument accuracy ${percent(view.argumentAccuracy)} · ${right} of ${view.cases.length} utterances always routed right`;
}

function confusionsTable(view: RoutingView): HTMLElement {
  if (!view.confusions.length) return el('p', { id: 'no-confusions' }, 'No wrong picks: the model chose the expected action every time.');
  return table('confusions', 'Wrong picks: expected action → picked action', ['Expected', 'Picked', 'Count'],
    view.confusions.map((c) => el('tr', {}, el('td', {}, actionName(view, c.expected)), el('td', {}, actionName(view, c.picked)), el('td', {}, String(c.count)))));
}

function argumentsText(c: RoutingView['cases'][number]): string {
  if (!c.picks.includes(c.action)) return '—';
  return `${c.arguments.valid ? 'valid' : 'invalid'}${c.arguments.matches === null ? '' : c.arguments.matches ? ', as expected' : ', not as expected'}`;
}

function casesTable(view: RoutingView): HTMLElement {
  return table('cases', `Each utterance's picks (${view.runs} run${view.runs === 1 ? '' : 's'} each)`, ['Action', 'Utterance', 'Picks', 'Result', 'Arguments'],
    view.cases.map((c) => el('tr', { class: c.correct ? 'right' : 'wrong' },
      el('td', {}, actionName(view, c.action)),
      el('td', {}, c.utterance),
      el('td', {}, ...c.picks.flatMap((p, i) => [i > 0 && ', ', actionName(view, p)])),
      el('td', {}, c.correct ? '✓ right' : '✗ wrong'),
      el('td', {}, argumentsText(c)))));
}

function render(view: RoutingView): void {
  const root = document.getElementById('root')!;
  const heading = `Model ${view.model} at ${view.baseUrl} · contact ${view.contact ?? '(anonymous visitor)'} · channel ${view.channel}`;
  root.replaceChildren(
    el('h1', {}, 'Routing test'),
    el('p', { id: 'heading', class: 'meta' }, heading),
    el('p', { id: 'status', role: 'status', class: view.error !== undefined ? 'banner error' : 'banner' }, summaryLine(view)),
    view.error === undefined && el('h2', {}, 'Confusions'),
    view.error === undefined && confusionsTable(view),
    view.error === undefined && el('h2', {}, 'Utterances'),
    view.error === undefined && casesTable(view),
  );
  const summary: RoutingRenderedSummary = {
    status: document.getElementById('status')!.textContent ?? '',
    heading,
    confusions: [...root.querySelectorAll('#confusions tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent).join('|')),
    cases: [...root.querySelectorAll('#cases tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent ?? '')),
    links: [...root.querySelectorAll('button.action')].map((b) => b.textContent ?? ''),
    error: view.error ?? '',
    tablesWithoutCaption: [...root.querySelectorAll('table')].filter((t) => !t.querySelector('caption') || !t.querySelector('th')).length,
  };
  vscode.postMessage({ type: 'rendered', summary });
}

window.addEventListener('message', (event: MessageEvent<ToRoutingWebview>) => {
  const message = event.data;
  if (message && message.type === 'show' && message.view && Array.isArray(message.view.cases)) render(message.view);
});
vscode.postMessage({ type: 'ready' });
