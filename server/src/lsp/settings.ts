import { isRuleLevel, type RuleLevel, type RuleSettings } from '../engine';

/** The server's view of the `opencx.*` settings, normalised in this one place (defaults live here). */
export interface ServerSettings {
  rules: RuleSettings;
}

export const DEFAULT_SETTINGS: ServerSettings = { rules: {} };

/** Turns whatever the client sent for the `opencx` section into ServerSettings, dropping invalid entries. */
export function normaliseSettings(raw: unknown): ServerSettings {
  const section = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules: Record<string, RuleLevel> = {};
  const given = section.rules;
  if (given !== null && typeof given === 'object') {
    for (const [code, level] of Object.entries(given)) {
      if (isRuleLevel(level)) rules[code] = level;
    }
  }
  return { rules };
}

/** Asks the client for the `opencx` section as it applies to `scopeUri` (a folder or file URI; undefined: global). */
export type PullSettings = (scopeUri: string | undefined) => Promise<unknown>;

/** The key of settings that hold everywhere: pushed ones, or the global section when there is no folder. */
const GLOBAL_SCOPE = '';

/**
 * The settings in force for each resource. A client that can pull (`workspace/configuration`) is asked once per
 * workspace folder, and once per file outside every folder, with that `scopeUri` (folder settings of a multi-root
 * workspace differ); answers are cached until the client says settings changed. A client that cannot pull gives
 * them in `initializationOptions.opencx` and in `workspace/didChangeConfiguration` pushes, which hold everywhere
 * (and also stand in wherever a pull answers nothing).
 */
export class SettingsStore {
  private base: ServerSettings;
  private readonly pulled = new Map<string, ServerSettings>();
  /** Workspace folders: the URI as the client gave it (the scope of a pull), and with a `/` for prefix tests. */
  private folders: { uri: string; prefix: string }[] = [];

  constructor(initial: unknown, private readonly pull: PullSettings | undefined) {
    this.base = initial === undefined ? DEFAULT_SETTINGS : normaliseSettings(initial);
  }

  setFolders(folderUris: readonly string[]): void {
    // Longest first, so a nested folder wins.
    this.folders = folderUris.map((uri) => ({ uri, prefix: uri.endsWith('/') ? uri : `${uri}/` })).sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The scope a resource's settings are pulled and cached under: its workspace folder, or itself outside every folder. */
  scopeOf(uri: string): string {
    return this.folders.find((folder) => uri.startsWith(folder.prefix))?.uri ?? uri;
  }

  /** The settings for one file (a URI). */
  settingsFor(uri: string): ServerSettings {
    return this.pulled.get(this.scopeOf(uri)) ?? this.pulled.get(GLOBAL_SCOPE) ?? this.base;
  }

  /** Whether a pull for this file's scope is needed before its settings are known. */
  needsPull(uri: string): boolean {
    const scope = this.scopeOf(uri);
    return this.pull !== undefined && scope === uri && !this.pulled.has(scope);
  }

  /** Pulls the global section and every folder's settings (again), dropping what was cached. */
  async pullAll(extraScopes: Iterable<string> = []): Promise<void> {
    if (!this.pull) return;
    const scopes = [GLOBAL_SCOPE, ...this.folders.map((f) => f.uri), ...extraScopes];
    const answers = await Promise.all(scopes.map((scope) => this.pull!(scope === GLOBAL_SCOPE ? undefined : scope)));
    this.pulled.clear();
    scopes.forEach((scope, i) => this.remember(scope, answers[i]));
  }

  /** Pulls the settings of one scope (a file outside every folder). */
  async pullScope(uri: string): Promise<void> {
    if (!this.pull) return;
    const scope = this.scopeOf(uri);
    this.remember(scope, await this.pull(scope));
  }

  /** The scopes pulled for single files, to pull again when settings change. */
  fileScopes(): string[] {
    return [...this.pulled.keys()].filter((scope) => scope !== GLOBAL_SCOPE && !this.folders.some((f) => f.uri === scope));
  }

  /** Settings pushed in `workspace/didChangeConfiguration` (`settings.opencx`); ignored when absent. */
  push(section: unknown): boolean {
    if (section === undefined || section === null) return false;
    this.base = normaliseSettings(section);
    return true;
  }

  /** A pull that answers nothing (null: the client has no such section) leaves the pushed settings in force. */
  private remember(scope: string, answer: unknown): void {
    if (answer === null || answer === undefined) this.pulled.delete(scope);
    else this.pulled.set(scope, normaliseSettings(answer));
  }
}
