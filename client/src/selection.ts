import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActiveSelectionNotification, OrganisationNamesRequest, type ActiveSelection, type OrganisationNames } from '../../server/src/protocol';
import { COMMANDS } from './commands/ids';

const STATE_KEY = 'opencx.activeSelection';

/**
 * The active environment and test contact, remembered per workspace, shown in two status bar items and sent to
 * the server (hovers and header diagnostics follow them). Undefined means "the config's default".
 */
export class SelectionStore implements vscode.Disposable {
  private readonly environmentItem = vscode.window.createStatusBarItem('opencx.environment', vscode.StatusBarAlignment.Left, 50);
  private readonly contactItem = vscode.window.createStatusBarItem('opencx.contact', vscode.StatusBarAlignment.Left, 49);
  private readonly changed = new vscode.EventEmitter<ActiveSelection>();
  readonly onDidChange = this.changed.event;
  /** The config's defaults, shown by name when nothing is picked ("local-demo", not "default env"). */
  private defaults: Pick<OrganisationNames, 'defaultEnvironment' | 'defaultContact'> = {};

  constructor(private readonly state: vscode.Memento, private readonly client: LanguageClient) {
    this.environmentItem.name = 'OpenCX Environment';
    this.environmentItem.command = COMMANDS.selectEnvironment;
    this.contactItem.name = 'OpenCX Contact';
    this.contactItem.command = COMMANDS.selectContact;
    this.render();
    this.environmentItem.show();
    this.contactItem.show();
    void this.client.sendNotification(ActiveSelectionNotification.type, this.get());
    void this.refreshDefaults();
  }

  /** Asks the server for the config's default environment and contact (after start-up and after config edits). */
  async refreshDefaults(): Promise<void> {
    try {
      const names = await this.client.sendRequest(OrganisationNamesRequest.type);
      this.defaults = { defaultEnvironment: names.defaultEnvironment, defaultContact: names.defaultContact };
      this.render();
    } catch {
      // The server is restarting: the next status notification asks again.
    }
  }

  get(): ActiveSelection {
    return this.state.get<ActiveSelection>(STATE_KEY) ?? {};
  }

  async set(selection: ActiveSelection): Promise<void> {
    await this.state.update(STATE_KEY, selection);
    this.render();
    await this.client.sendNotification(ActiveSelectionNotification.type, selection);
    this.changed.fire(selection);
  }

  /** Keyboard-first pickers: one for the environment, one for the contact. Returns the new selection. */
  async pick(kind: 'environment' | 'contact', given?: string): Promise<ActiveSelection | undefined> {
    const current = this.get();
    if (given !== undefined) {
      await this.set({ ...current, [kind]: given || undefined });
      return this.get();
    }
    // The server has every config indexed (open editors included): it answers, nothing is read twice.
    const names = await this.client.sendRequest(OrganisationNamesRequest.type);
    const options = kind === 'environment' ? names.environments : names.contacts;
    const fallback = kind === 'environment' ? names.defaultEnvironment : names.defaultContact;
    const items: (vscode.QuickPickItem & { value?: string })[] = [
      { label: `$(settings) Config default`, description: fallback ?? (kind === 'environment' ? 'top-level settings only' : 'an anonymous visitor'), value: undefined },
      ...[...options].sort().map((name) => ({ label: name, description: current[kind] === name ? 'active' : '', value: name })),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: kind === 'environment' ? 'OpenCX: Select Environment' : 'OpenCX: Select Contact',
      placeHolder: options.length ? undefined : `No ${kind === 'environment' ? 'environments' : 'contacts'} in opencx.config.json`,
    });
    if (!picked) return undefined;
    await this.set({ ...current, [kind]: picked.value });
    return this.get();
  }

  dispose(): void {
    this.environmentItem.dispose();
    this.contactItem.dispose();
    this.changed.dispose();
  }

  /** What the two status bar items say now (for the end-to-end tests). */
  statusTexts(): { environment: string; contact: string } {
    return { environment: this.environmentItem.text, contact: this.contactItem.text };
  }

  private render(): void {
    const { environment, contact } = this.get();
    const env = describePick(environment, this.defaults.defaultEnvironment, 'no environment', 'the top-level settings of opencx.config.json');
    this.environmentItem.text = `$(server-environment) ${env.text}`;
    this.environmentItem.tooltip = `OpenCX environment for header hovers, diagnostics and runs: ${env.why}. Click to change.`;
    const who = describePick(contact, this.defaults.defaultContact, 'anonymous visitor', 'a visitor who is not identified (no segments, no widget headers)');
    this.contactItem.text = `$(person) ${who.text}`;
    this.contactItem.tooltip = `OpenCX test contact, who the AI is talking to (segments, widget headers): ${who.why}. Click to change.`;
  }
}

/** The status bar names the environment or contact in force: the picked one, else the config's default, else none. */
export function describePick(picked: string | undefined, fallback: string | undefined, none: string, noneWhy: string): { text: string; why: string } {
  if (picked) return { text: picked, why: `${picked}, picked` };
  if (fallback) return { text: fallback, why: `${fallback}, the default in opencx.config.json` };
  return { text: none, why: noneWhy };
}
