import { SEVERITIES, type Finding, type Severity } from '../lint/findings';
import type { JsonDocument } from '../document/jsonDocument';
import type { ActionModel } from '../model/action';
import type { OrgConfig } from '../model/config';
import type { Overlap } from '../overlap/types';

/** Severity as a setting can give it: one of the four, or off. */
export type RuleLevel = Severity | 'off';

/** Every level a rule can be set to, in the order settings and usage texts list them (`opencx.rules`, `--rule`). */
export const RULE_LEVELS: readonly RuleLevel[] = [...SEVERITIES, 'off'];

/** Whether a setting's value is a rule level. */
export function isRuleLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value);
}

/** Per-rule severity overrides, by rule code (the `opencx.rules` setting; `--rule code=level` in the CLI). */
export type RuleSettings = Readonly<Record<string, RuleLevel>>;

/** The organisation an action belongs to: the nearest opencx.config.json at or above its folder. */
export interface OrgContext {
  /** The config file's id (URI or path, as the workspace was given it). */
  id: string;
  /** The model in use; undefined when the file is not even a JSON object. */
  model: OrgConfig | undefined;
  /**
   * `valid`: the file as it is now; `last-valid`: the current text has errors, so the last valid version is used;
   * `invalid`: the file has errors and never had a valid version, so `model` is what could be read from it.
   */
  status: 'valid' | 'last-valid' | 'invalid';
  /** The raw value `model` was read from, for locations. */
  raw: unknown;
  document: JsonDocument;
}

/** Workspace-wide answers a rule may ask for; implemented by the workspace index. */
export interface WorkspaceQueries {
  /** Other actions with the same name (compared trimmed and case-insensitively). */
  sameName(id: string): { id: string; action: ActionModel; document: JsonDocument }[];
  /** Actions the AI could confuse this one with (description-overlap), most confusable first. */
  overlapsOf(id: string): Overlap[];
  /** Text and model of another file, for related locations. */
  actionEntry(id: string): { action: ActionModel; document: JsonDocument } | undefined;
}

/**
 * Who the checks are for: the active environment and test contact (VS Code: the status bar pickers; CLI:
 * `--env`/`--contact`; otherwise the config's defaults), and which secrets are set (undefined: unknown, so
 * `unknown-secret` stays silent).
 */
export interface LintContext {
  environment?: string;
  contact?: string;
  isSecretSet?: (name: string) => boolean;
}

/** Everything a rule sees about one action file. */
export interface ActionRuleContext {
  id: string;
  document: JsonDocument;
  action: ActionModel;
  org: OrgContext | undefined;
  workspace: WorkspaceQueries;
  context: LintContext;
}

/**
 * A finding as a rule returns it: the rule's code and default severity are added by the framework, which then
 * applies the settings and the action's `lint.allow` suppressions.
 */
export interface RuleFinding extends Omit<Finding, 'code' | 'severity'> {
  /** Escalates or lowers this one finding relative to the rule's default (e.g. a state-changing action). */
  severity?: Severity;
  /** What a suppression can name after the colon: `description-overlap:<other action name>`. */
  target?: string;
}

export interface ActionRule {
  code: string;
  defaultSeverity: Severity;
  /** One line for settings descriptions and docs. */
  summary: string;
  check(context: ActionRuleContext): RuleFinding[];
}

/** Everything a rule sees about one opencx.config.json. */
export interface ConfigRuleContext {
  id: string;
  document: JsonDocument;
  context: LintContext;
  /** The file's current value (well-formed JSON, possibly with schema errors). */
  raw: unknown;
  model: OrgConfig | undefined;
}

export interface ConfigRule {
  code: string;
  defaultSeverity: Severity;
  summary: string;
  check(context: ConfigRuleContext): RuleFinding[];
}
