import { documentKindOf, type DocumentKind } from '../document/documentKind';
import { normaliseFindings, type Finding } from '../lint/findings';
import type { JsonDocument } from '../document/jsonDocument';
import { lintDocument, type DocumentLint } from '../lint/lint';
import { actionModelOf, type ActionModel } from '../model/action';
import { configModelOf, type OrgConfig } from '../model/config';
import { offersTo } from '../model/visibility';
import type { LintContext, OrgContext, RuleSettings, WorkspaceQueries } from '../rules/rule';
import { schemaValidators, type SchemaValidators } from '../schema/compile';
import { applySettings, checkAction, checkConfig } from './checks';
import { NameIndex } from './nameIndex';
import { NEIGHBOUR_LIMIT, neighbourWordsOf, type Neighbour, type NeighbourWords } from '../overlap/neighbours';
import type { Overlap, OverlapContext, OverlapEntry } from '../overlap/types';
import { candidateConfigIds, folderOf } from './paths';
import { normaliseRoots, OverlapScopes, scopeKey } from './scopes';

/** What a config tells the overlap check about segments (nothing without a config). */
function overlapContextOf(config: OrgConfig | undefined): OverlapContext {
  return config ? { exclusiveSegmentGroups: config.exclusiveSegmentGroups, contacts: config.contacts } : {};
}

function overlapEntryOf(action: ActionModel): OverlapEntry {
  return { name: action.name, description: action.description, method: action.method, restrictedToSegments: action.restrictedToSegments, channels: action.channels, ...(action.segmentsUnknown ? { segmentsUnknown: true } : {}) };
}

interface FileEntry {
  id: string;
  kind: DocumentKind;
  lint: DocumentLint;
  /** Action files only: the typed view, when the file is a JSON object. */
  action?: ActionModel;
  /** Config files only: the model of the current text, whatever its errors (the config rules check it). */
  currentConfig?: OrgConfig;
  /** Config files only: the model in use and the raw value it came from. */
  config?: { model: OrgConfig | undefined; raw: unknown; document: JsonDocument; status: OrgContext['status'] };
  /** Action files only: what the overlap index holds of it (the last well-formed text's). */
  overlapEntry?: OverlapEntry;
  /** Findings with settings applied, until something they depend on changes (or, for a closed file, until published). */
  findings?: Finding[];
  /** How many findings of each severity the file has; current unless the file is in `Workspace.uncounted`. */
  counts?: SeverityCounts;
}

/** Findings by severity (info and hint count as infos), as the status bar shows them. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface WorkspaceChange {
  /** Files whose findings may have changed, the changed file included (a deleted file too: clear it). */
  affected: Set<string>;
}

/**
 * The workspace index: every action and config file, parsed once per change, with the cross-file facts
 * (names, organisation per folder) kept current incrementally. One edit re-checks the edited file and the
 * files whose findings depend on it, never the whole workspace. Used by the language server (ids are URIs)
 * and the CLI (ids are absolute paths), so both report the same findings.
 */
export class Workspace implements WorkspaceQueries {
  private readonly files = new Map<string, FileEntry>();
  private readonly names = new NameIndex();
  private readonly overlap = new OverlapScopes();
  private settingsOf: (id: string) => RuleSettings = () => ({});
  private bulk = false;
  /** Workspace folders (editor) or path arguments (CLI): the groups of actions that have no config above them. */
  private roots: string[] = [];
  private context: LintContext = {};
  /** Files whose position trees are kept (open in an editor); the others' are released once their findings are made. */
  private readonly open = new Set<string>();
  /** Documents lent to rules while one file's findings are made (partners), released afterwards unless open. */
  private lent: { id: string; document: JsonDocument }[] | undefined;
  /** The sum of every file's `counts`, kept as findings are made, so the status never walks every finding. */
  private readonly totals: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
  /** Files whose findings changed since they were counted. */
  private readonly uncounted = new Set<string>();

  constructor(private readonly validators: SchemaValidators = schemaValidators()) {}

  /**
   * Adds or replaces a file. Its kind comes from its name unless given (the CLI lints a file named on the
   * command line as an action whatever its name); files of no kind are ignored (an empty change).
   */
  set(id: string, text: string, kind: DocumentKind | undefined = documentKindOf(id)): WorkspaceChange {
    if (!kind) return { affected: new Set() };
    const lint = lintDocument({ kind, text }, this.validators);
    const entry: FileEntry = { id, kind, lint };
    const previous = this.files.get(id);
    if (previous) this.count(previous, undefined);
    const affected = new Set<string>([id]);
    if (kind === 'action') {
      entry.action = actionModelOf(lint.document.value);
      // A half-typed file keeps its last overlap entry, so partners' warnings do not flicker while typing.
      if (entry.action && lint.document.wellFormed) entry.overlapEntry = overlapEntryOf(entry.action);
      else entry.overlapEntry = previous?.overlapEntry;
      this.files.set(id, entry);
      // In a bulk load, scopes are assigned at the end, when every config is known.
      if (!this.bulk) for (const other of this.assignScope(entry)) affected.add(other);
    } else {
      entry.currentConfig = configModelOf(lint.document.value);
      entry.config = this.configEntry(lint, entry.currentConfig, previous);
      this.files.set(id, entry);
      for (const other of this.actionsUnder(folderOf(id))) affected.add(other);
      if (!this.bulk) for (const other of this.rescope(id, this.actionsUnder(folderOf(id)))) affected.add(other);
    }
    this.invalidate(affected);
    return { affected };
  }

  /**
   * Starts a bulk load (the first index, the CLI): until endBulk(), set() indexes overlaps without scoring them,
   * and endBulk() scores every pair once with the final word frequencies instead of once per file.
   */
  beginBulk(): void {
    this.bulk = true;
  }

  /** Ends a bulk load: scores the overlaps; every file's findings may have changed. */
  endBulk(): WorkspaceChange {
    this.bulk = false;
    for (const entry of this.files.values()) {
      if (entry.kind === 'config') this.overlap.setContext(`config:${entry.id}`, overlapContextOf(entry.config?.model));
    }
    for (const entry of this.files.values()) if (entry.kind === 'action') this.assignScope(entry, true);
    this.overlap.scoreAll();
    this.invalidate(this.files.keys());
    return { affected: new Set(this.files.keys()) };
  }

  /** set() for many files, as one bulk load. */
  setMany(files: Iterable<{ id: string; text: string; kind?: DocumentKind }>): WorkspaceChange {
    this.beginBulk();
    for (const file of files) this.set(file.id, file.text, file.kind ?? documentKindOf(file.id));
    return this.endBulk();
  }

  delete(id: string): WorkspaceChange {
    const entry = this.files.get(id);
    if (!entry) return { affected: new Set() };
    this.files.delete(id);
    this.count(entry, undefined);
    this.uncounted.delete(id);
    const affected = new Set<string>([id]);
    if (entry.kind === 'action') {
      for (const other of this.names.update(id, undefined)) affected.add(other);
      for (const other of this.overlap.remove(id)) affected.add(other);
    } else {
      const under = this.actionsUnder(folderOf(id));
      for (const other of under) affected.add(other);
      if (!this.bulk) for (const other of this.rescope(id, under)) affected.add(other);
    }
    this.invalidate(affected);
    return { affected };
  }

  has(id: string): boolean {
    return this.files.has(id);
  }

  /**
   * Sets the workspace folders (editor) or path arguments (CLI). Actions with no opencx.config.json above them are
   * compared (overlap, duplicate names) only with actions under the same root.
   */
  setRoots(roots: readonly string[]): WorkspaceChange {
    this.roots = normaliseRoots(roots);
    const affected = new Set<string>();
    if (!this.bulk) {
      for (const entry of this.files.values()) {
        if (entry.kind !== 'action') continue;
        for (const other of this.assignScope(entry)) affected.add(other);
      }
    }
    this.invalidate(affected);
    return { affected };
  }

  /** The group of actions `id` is compared with: its organisation's config, else its root. */
  scopeOf(id: string): string {
    return scopeKey(this.orgFor(id)?.id, id, this.roots);
  }

  ids(kind?: DocumentKind): string[] {
    return [...this.files.values()].filter((f) => !kind || f.kind === kind).map((f) => f.id);
  }

  get size(): { actions: number; configs: number } {
    let actions = 0;
    for (const f of this.files.values()) if (f.kind === 'action') actions++;
    return { actions, configs: this.files.size - actions };
  }

  /**
   * Replaces the rule settings, the same for every file or per file (the language server's folder settings);
   * every cached result is dropped.
   */
  configure(settings: RuleSettings | ((id: string) => RuleSettings)): void {
    this.settingsOf = typeof settings === 'function' ? settings : () => settings;
    this.invalidate(this.files.keys());
  }

  /** Sets who the checks are for (environment, contact, known secrets); every cached result is dropped. */
  setContext(context: LintContext): void {
    this.context = context;
    this.invalidate(this.files.keys());
  }

  /** All findings of one file, rules and settings applied; empty for an unknown file. */
  findings(id: string): Finding[] {
    const entry = this.files.get(id);
    if (!entry) return [];
    if (!entry.findings) {
      this.lent = [];
      try {
        const raw = [...entry.lint.findings, ...this.ruleFindings(entry)];
        entry.findings = normaliseFindings(applySettings(raw, this.settingsOf(id), entry.lint.document));
      } finally {
        // Placed: the trees of closed files (this one, its partners) go; an open file keeps its tree for the editor.
        for (const { id: lentId, document } of [{ id, document: entry.lint.document }, ...this.lent]) {
          if (!this.open.has(lentId)) document.releaseTree();
        }
        this.lent = undefined;
      }
      this.count(entry, entry.findings);
      this.uncounted.delete(id);
    }
    return entry.findings;
  }

  /**
   * Marks a file open in an editor (its position tree is kept for hovers, completion and code actions) or closed
   * (its tree is released now, and its findings once published: see forgetFindings).
   */
  setOpen(id: string, open: boolean): void {
    if (open) {
      this.open.add(id);
      return;
    }
    this.open.delete(id);
    this.files.get(id)?.lint.document.releaseTree();
  }

  /**
   * Drops the cached findings of a closed file once they were published; only their counts stay. Findings are
   * made again when asked for (a code action, the next change): holding every finding of 10,000 files costs more
   * than remaking the few that are asked for again.
   */
  forgetFindings(id: string): void {
    const entry = this.files.get(id);
    if (entry && !this.open.has(id) && !this.uncounted.has(id)) entry.findings = undefined;
  }

  /** One file's findings by severity, without keeping its findings when they were dropped after publishing. */
  countsOf(id: string): SeverityCounts {
    const entry = this.files.get(id);
    if (!entry) return { errors: 0, warnings: 0, infos: 0 };
    if (!entry.counts || this.uncounted.has(id)) this.findings(id);
    return { ...entry.counts! };
  }

  /** Findings by severity over the whole workspace; only files changed since the last call are looked at again. */
  severityTotals(): SeverityCounts {
    for (const id of [...this.uncounted]) this.findings(id);
    return { ...this.totals };
  }

  document(id: string): JsonDocument | undefined {
    return this.files.get(id)?.lint.document;
  }

  action(id: string): ActionModel | undefined {
    return this.files.get(id)?.action;
  }

  /** Whether the file has syntax or schema errors (before rule settings), so it cannot be planned. */
  hasFileErrors(id: string): boolean {
    return this.files.get(id)?.lint.findings.some((f) => f.severity === 'error') ?? false;
  }

  /** The model in use of every opencx.config.json in the workspace. */
  configModels(): OrgConfig[] {
    return [...this.files.values()].flatMap((f) => (f.config?.model ? [f.config.model] : []));
  }

  /** The organisation of a file: the nearest opencx.config.json at or above its folder. */
  orgFor(id: string): OrgContext | undefined {
    for (const configId of candidateConfigIds(id)) {
      const config = this.files.get(configId)?.config;
      if (config) return { id: configId, ...config };
    }
    return undefined;
  }

  sameName(id: string): { id: string; action: ActionModel; document: JsonDocument }[] {
    return this.names.others(id).flatMap((other) => {
      const entry = this.files.get(other);
      if (!entry?.action) return [];
      this.lent?.push({ id: other, document: entry.lint.document });
      return [{ id: other, action: entry.action, document: entry.lint.document }];
    });
  }

  overlapsOf(id: string): Overlap[] {
    return this.overlap.overlapsOf(id);
  }

  /**
   * The nearest actions of an action among those offered to the same contacts in its organisation, most similar
   * first, below the warning threshold too (issue 9, item 4). Never findings; computed when asked, never on a lint.
   * `contact`: only when that test contact (of the action's opencx.config.json) is offered the action, and only the
   * neighbours it is offered too.
   */
  neighboursOf(id: string, options: { limit?: number; contact?: string } = {}): Neighbour[] {
    return this.overlap.neighboursOf(id, options.limit ?? NEIGHBOUR_LIMIT, options.contact);
  }

  /**
   * Whether the test contact `contact` of the action's opencx.config.json (top level, as description-overlap reads
   * it) is offered the action; false when that config does not define the contact, or the action has none.
   */
  isOfferedTo(id: string, contact: string): boolean {
    const action = this.files.get(id)?.action;
    const member = this.orgFor(id)?.model?.contacts[contact];
    return action !== undefined && member !== undefined && offersTo(action.restrictedToSegments, member);
  }

  /** What an action and one of its neighbours share and what tells them apart (built only when asked). */
  neighbourWords(id: string, otherId: string): NeighbourWords | undefined {
    const pair = this.overlap.describePair(id, otherId);
    return pair && neighbourWordsOf(pair);
  }

  isNameTaken(name: string): boolean {
    return this.names.has(name);
  }

  actionEntry(id: string): { action: ActionModel; document: JsonDocument } | undefined {
    const entry = this.files.get(id);
    if (!entry?.action) return undefined;
    this.lent?.push({ id, document: entry.lint.document });
    return { action: entry.action, document: entry.lint.document };
  }

  private ruleFindings(entry: FileEntry): Finding[] {
    const document = entry.lint.document;
    if (!document.wellFormed) return [];
    if (entry.action) return checkAction({ id: entry.id, document, action: entry.action, org: this.orgFor(entry.id), workspace: this, context: this.context });
    if (entry.kind === 'config') return checkConfig({ id: entry.id, document, raw: document.value, model: entry.currentConfig, context: this.context });
    return [];
  }

  private configEntry(lint: DocumentLint, current: OrgConfig | undefined, previous: FileEntry | undefined): NonNullable<FileEntry['config']> {
    const valid = lint.document.wellFormed && !lint.findings.some((f) => f.severity === 'error');
    if (valid) return { model: current, raw: lint.document.value, document: lint.document, status: 'valid' };
    const last = previous?.config;
    if (last && last.status !== 'invalid') return { ...last, status: 'last-valid' };
    return { model: current, raw: lint.document.value, document: lint.document, status: 'invalid' };
  }

  /**
   * Puts an action in its scope's name and overlap indexes (moving it when its scope changed); returns the ids
   * whose findings changed. `staged`: a bulk load, scored later.
   */
  private assignScope(entry: FileEntry, staged = false): string[] {
    const scope = this.scopeOf(entry.id);
    const affected = this.names.update(entry.id, entry.action?.name, scope);
    if (!entry.overlapEntry) return [...affected, ...this.overlap.remove(entry.id)];
    if (staged) {
      this.overlap.stage(entry.id, entry.overlapEntry, scope);
      return affected;
    }
    return [...affected, ...this.overlap.upsert(entry.id, entry.overlapEntry, scope)];
  }

  /** After a config under a folder was added, changed or removed: its segment facts, and the scopes of `actions`. */
  private rescope(configId: string, actions: readonly string[]): string[] {
    const affected = this.overlap.setContext(`config:${configId}`, overlapContextOf(this.files.get(configId)?.config?.model));
    for (const id of actions) {
      const entry = this.files.get(id);
      if (entry?.kind === 'action') affected.push(...this.assignScope(entry));
    }
    return affected;
  }

  private actionsUnder(folder: string): string[] {
    const prefix = folder + '/';
    return [...this.files.values()].filter((f) => f.kind === 'action' && f.id.startsWith(prefix)).map((f) => f.id);
  }

  private invalidate(ids: Iterable<string>): void {
    for (const id of ids) {
      const entry = this.files.get(id);
      if (!entry) continue;
      entry.findings = undefined;
      this.uncounted.add(id);
    }
  }

  /** Replaces a file's share of the totals by the counts of `findings` (none: the file is gone). */
  private count(entry: FileEntry, findings: readonly Finding[] | undefined): void {
    const old = entry.counts;
    if (old) {
      this.totals.errors -= old.errors;
      this.totals.warnings -= old.warnings;
      this.totals.infos -= old.infos;
    }
    if (!findings) {
      entry.counts = undefined;
      return;
    }
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const f of findings) {
      if (f.severity === 'error') counts.errors++;
      else if (f.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
    entry.counts = counts;
    this.totals.errors += counts.errors;
    this.totals.warnings += counts.warnings;
    this.totals.infos += counts.infos;
  }
}
