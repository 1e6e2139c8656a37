import * as vscode from 'vscode';

const KEY_PREFIX = 'opencx.secret.';
const NAMES_KEY = 'opencx.secretNames';
const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/**
 * Secrets in VS Code's SecretStorage (the OS keychain), never in settings, files, logs or history.
 * SecretStorage cannot list its keys, so the NAMES (never values) are kept in global state beside it.
 */
export class SecretStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string[]>();
  /** Fires with the names of the set secrets after any change. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  static isValidName(name: string): boolean {
    return NAME_PATTERN.test(name);
  }

  /**
   * Drops names whose value is gone: some hosts (VS Code for the Web, code-server) keep secrets in memory only,
   * while the names persist in global state. Called once at activation.
   */
  async forgetLostValues(): Promise<void> {
    const kept: string[] = [];
    for (const name of this.names()) if ((await this.get(name)) !== undefined) kept.push(name);
    if (kept.length !== this.names().length) {
      await this.context.globalState.update(NAMES_KEY, kept);
      this.changed.fire(this.names());
    }
  }

  names(): string[] {
    return [...(this.context.globalState.get<string[]>(NAMES_KEY) ?? [])].sort();
  }

  get(name: string): Thenable<string | undefined> {
    return this.context.secrets.get(KEY_PREFIX + name);
  }

  async set(name: string, value: string): Promise<void> {
    if (!SecretStore.isValidName(name)) throw new Error(`"${name}" is not a valid secret name (letters, digits, _ . -)`);
    await this.context.secrets.store(KEY_PREFIX + name, value);
    await this.context.globalState.update(NAMES_KEY, [...new Set([...this.names(), name])]);
    this.changed.fire(this.names());
  }

  async clear(name: string): Promise<void> {
    await this.context.secrets.delete(KEY_PREFIX + name);
    await this.context.globalState.update(NAMES_KEY, this.names().filter((n) => n !== name));
    this.changed.fire(this.names());
  }

  dispose(): void {
    this.changed.dispose();
  }
}
