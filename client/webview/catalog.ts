// The "What the AI Is Offered" page. Runs in the webview (a browser iframe): every value from the server is set as
// text, never parsed as HTML. Messages from the extension are checked before use; the pickers and buttons are
// native controls, so the page works with the keyboard alone.
import type { CatalogView } from '../../server/src/protocol';
import type { CatalogRenderedSummary, FromCatalogWebview, ToCatalogWebview } from '../src/catalog/messages';
import { el } from './dom';

declare function acquireVsCodeApi(): { postMessage(message: FromCatalogWebview): void };
const vscode = acquireVsCodeApi();

/** The contact picker's value for the anonymous visitor (contact names are never empty). */
const ANONYMOUS_VALUE = '';
const REASON_TEXT = { segment: 'segment', channel: 'channel', invalid: 'invalid file' } as const;

const fileName = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

function button(label: string, message: FromCatalogWebview, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

/** A link-styled button that opens an action's file beside the view. */
const fileLink = (uri: string, label = fileName(uri)) => button(label, { type: 'open', uri }, { class: 'link', title: `Open ${fileName(uri)}` });

function picker(id: string, label: string, options: [string, string][], value: string): HTMLElement {
  const select = el('select', { id }, ...options.map(([v, text]) => {
    const option = el('option', { value: v }, text);
    if (v === value) option.selected = true;
    return option;
  }));
  select.addEventListener('change', () => {
    const contact = (document.getElementById('contact') as HTMLSelectElement).value;
    const channel = (document.getElementById('channel') as HTMLSelectElement).value;
    vscode.postMessage({ type: 'select', contact: contact === ANONYMOUS_VALUE ? null : contact, channel });
  });
  return el('label', { for: id }, `${label} `, select);
}

function controls(view: CatalogView): HTMLElement {
  const contacts: [string, string][] = [...view.contacts.map((c): [string, string] => [c, c]), [ANONYMOUS_VALUE, '(anonymous visitor)']];
  const over = view.tokens > view.tokenBudget;
  return el('div', { class: 'controls' },
    picker('contact', 'Contact', contacts, view.contact ?? ANONYMOUS_VALUE),
    picker('channel', 'Channel', view.channels.map((c): [string, string] => [c, c]), view.channel),
    el('span', { id: 'tokens', class: over ? 'meta warning' : 'meta' }, `${view.tools.length} tools · ${view.tokens} tokens of a ${view.tokenBudget}-token budget${over ? ' — above the budget' : ''}`));
}

function parameterRows(tool: CatalogView['tools'][number]): HTMLElement {
  const { properties, required } = tool.parameters;
  const names = Object.keys(properties);
  if (!names.length) return el('p', { class: 'meta' }, 'No parameters: the AI fills nothing.');
  return el('table', { class: 'parameters' },
    el('caption', {}, `Parameters the AI fills for ${tool.function} (* required)`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Parameter'), el('th', { scope: 'col' }, 'Schema'), el('th', { scope: 'col' }, 'Description'))),
    el('tbody', {}, ...names.map((name) => {
      const { description, ...schema } = properties[name];
      return el('tr', {}, el('th', { scope: 'row', class: 'mono' }, name + (required.includes(name) ? ' *' : '')), el('td', { class: 'mono' }, JSON.stringify(schema)), el('td', {}, typeof description === 'string' ? description : ''));
    })));
}

function toolsSection(view: CatalogView, focus: string | undefined): HTMLElement {
  return el('section', { 'aria-labelledby': 'tools-title' },
    el('h2', { id: 'tools-title' }, `Tools the model receives (${view.tools.length})`),
    !view.tools.length && el('p', { class: 'meta' }, 'No tool: the AI can only answer from its own knowledge here.'),
    ...view.tools.map((tool) => el('article', { class: tool.file === focus ? 'tool focused' : 'tool', 'data-function': tool.function },
      el('h3', {}, el('span', { class: 'mono' }, tool.function), ' ', el('span', { class: 'meta' }, tool.name), ' ', fileLink(tool.file)),
      el('p', { class: 'description' }, tool.description),
      parameterRows(tool),
      tool.notes.length > 0 && el('ul', { class: 'notes' }, ...tool.notes.map((n) => el('li', {}, n))))),
    el('h3', {}, 'As sent to the model'),
    el('pre', { id: 'tools-json', class: 'body', tabindex: '0', 'aria-label': 'The tools array as JSON' }, view.toolsJson),
    el('p', {}, button('Copy JSON', { type: 'copyJson' })),
    view.contributors.length > 1 && el('h3', {}, 'Biggest contributors'),
    view.contributors.length > 1 && el('ol', { id: 'contributors' }, ...view.contributors.slice(0, 5).map((c) => el('li', {}, `${c.function}: ${c.tokens} tokens`))));
}

function hiddenSection(view: CatalogView): HTMLElement {
  return el('section', { 'aria-labelledby': 'hidden-title' },
    el('h2', { id: 'hidden-title' }, `Not offered (${view.hidden.length})`),
    el('ul', { id: 'hidden' }, ...view.hidden.map((h) => el('li', { 'data-reason': h.reason }, el('strong', {}, h.name), ` — ${REASON_TEXT[h.reason]}: ${h.detail} `, fileLink(h.file)))));
}

function coverageSection(view: CatalogView): HTMLElement {
  const c = view.coverage;
  const rows = c.actions.map((action, i) => el('tr', {},
    el('th', { scope: 'row' }, fileLink(action.file, action.name)),
    ...c.cells[i].map((cell) => el('td', { class: cell.offered ? 'offered' : 'hidden', title: cell.detail, 'aria-label': `${cell.offered ? 'offered' : `not offered (${cell.reason})`}: ${cell.detail}` }, cell.offered ? '✓' : `— ${cell.reason ? REASON_TEXT[cell.reason] : ''}`))));
  return el('section', { 'aria-labelledby': 'coverage-title' },
    el('h2', { id: 'coverage-title' }, `Who is offered what on ${c.channel}`),
    el('table', { id: 'coverage' },
      el('caption', {}, `Each action (rows) for each test contact (columns) on ${c.channel}: ✓ offered, — not offered and why`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Action'), ...c.contacts.map((name) => el('th', { scope: 'col' }, name)))),
      el('tbody', {}, ...rows)),
    el('p', {}, `Reached by nobody: ${c.unreachable.length ? c.unreachable.map(fileName).join(', ') : 'none'}`),
    el('p', {}, `Contacts offered nothing: ${c.contactsWithoutActions.join(', ') || 'none'}`),
    el('p', {}, `Segments no action uses: ${c.unusedSegments.join(', ') || 'none'}`));
}

/** The one line a screen reader announces after each render: "jane-vip on web: 4 tools offered, 1 not offered, 812 tokens". */
function announcement(view: CatalogView): string {
  const tools = `${view.tools.length} tool${view.tools.length === 1 ? '' : 's'} offered`;
  return `${view.contact ?? 'anonymous visitor'} on ${view.channel}: ${tools}, ${view.hidden.length} not offered, ${view.tokens} tokens${view.error !== undefined ? ' (with an error)' : ''}`;
}

function render(view: CatalogView, focus: string | undefined): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.replaceChildren(
    el('h1', {}, 'What the AI is offered'),
    controls(view),
    view.error !== undefined && el('p', { class: 'banner warning', role: 'alert' }, view.error),
    ...view.notes.map((n) => el('p', { class: 'banner' }, n)),
    toolsSection(view, focus),
    hiddenSection(view),
    coverageSection(view),
    el('section', { 'aria-labelledby': 'assumptions-title' },
      el('h2', { id: 'assumptions-title' }, 'Assumptions (OpenCX does not document how it presents tools)'),
      el('ul', {}, ...view.assumptions.map((a) => el('li', {}, a)))));
  document.querySelector('.tool.focused')?.scrollIntoView();
  const announcer = document.getElementById('announce');
  if (announcer) announcer.textContent = announcement(view);
  report();
}

function report(): void {
  const matrix = [...document.querySelectorAll('#coverage tr')].map((tr) => [...tr.children].map((cell) => cell.textContent ?? ''));
  const summary: CatalogRenderedSummary = {
    contact: (document.getElementById('contact') as HTMLSelectElement | null)?.value ?? '',
    channel: (document.getElementById('channel') as HTMLSelectElement | null)?.value ?? '',
    focused: document.querySelector('.tool.focused')?.getAttribute('data-function') ?? '',
    functions: [...document.querySelectorAll('.tool')].map((t) => t.getAttribute('data-function') ?? ''),
    hidden: [...document.querySelectorAll('#hidden li')].map((li) => `${li.querySelector('strong')?.textContent ?? ''}: ${li.getAttribute('data-reason') ?? ''}`),
    tokensText: document.getElementById('tokens')?.textContent ?? '',
    toolsJson: document.getElementById('tools-json')?.textContent ?? '',
    matrix,
    reasons: [...document.querySelectorAll('#coverage td.hidden')].map((td) => td.getAttribute('title') ?? ''),
    announced: document.getElementById('announce')?.textContent ?? '',
    elementsInDescriptions: [...document.querySelectorAll('.description')].reduce((n, p) => n + p.querySelectorAll('*').length, 0),
  };
  vscode.postMessage({ type: 'rendered', summary });
}

/** A choice made for the user (tests, commands): set the pickers and fire `change`, as a person's choice does. */
function choose(contact: string | null, channel: string): void {
  const contactPicker = document.getElementById('contact') as HTMLSelectElement | null;
  const channelPicker = document.getElementById('channel') as HTMLSelectElement | null;
  if (!contactPicker || !channelPicker) return;
  contactPicker.value = contact ?? ANONYMOUS_VALUE;
  channelPicker.value = channel;
  channelPicker.dispatchEvent(new Event('change'));
}

window.addEventListener('message', (event: MessageEvent<ToCatalogWebview>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'show' && message.view && Array.isArray(message.view.tools) && message.view.coverage) render(message.view, typeof message.focus === 'string' ? message.focus : undefined);
  else if (message.type === 'choose' && typeof message.channel === 'string') choose(typeof message.contact === 'string' ? message.contact : null, message.channel);
});
vscode.postMessage({ type: 'ready' });
