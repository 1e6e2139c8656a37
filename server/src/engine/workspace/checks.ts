import type { Finding, Severity } from '../lint/findings';
import type { JsonDocument } from '../document/jsonDocument';
import { ACTION_RULES, CONFIG_RULES } from '../rules/registry';
import type { ActionRuleContext, ConfigRuleContext, RuleFinding, RuleSettings } from '../rules/rule';
import { SYNTAX_CODE } from '../lint/syntax';
import { suppressionsOf } from './suppressions';

/** Runs every action rule on one file. */
export function checkAction(context: ActionRuleContext): Finding[] {
  return runRules(ACTION_RULES, context, context.document);
}

/** Runs every config rule on one opencx.config.json. */
export function checkConfig(context: ConfigRuleContext): Finding[] {
  return runRules(CONFIG_RULES, context, context.document);
}

/** A rule that throws is reported as a finding on its file, never propagated. */
function runRules<C>(rules: readonly { code: string; defaultSeverity: Severity; check(context: C): RuleFinding[] }[], context: C, document: JsonDocument): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      for (const f of rule.check(context)) {
        const { target, severity, ...rest } = f;
        findings.push({ ...rest, code: rule.code, severity: severity ?? rule.defaultSeverity, data: { ...(rest.data as object), ...(target !== undefined ? { target } : {}) } });
      }
    } catch (error) {
      findings.push({
        code: 'internal-error',
        severity: 'warning',
        message: `the ${rule.code} rule failed on this file (please report it): ${error instanceof Error ? error.message : String(error)}`,
        range: document.rangeOf({ offset: 0, length: 1 }),
      });
    }
  }
  return findings;
}

/**
 * Applies the severity settings and the file's own `lint.allow` suppressions (`"code"` silences the rule for
 * this action, `"code:target"` one finding). Syntax errors can be neither turned off nor suppressed.
 */
export function applySettings(findings: Finding[], settings: RuleSettings, document: JsonDocument): Finding[] {
  const suppressed = suppressionsOf(document.value);
  const out: Finding[] = [];
  for (const finding of findings) {
    if (finding.code === SYNTAX_CODE) {
      out.push(finding);
      continue;
    }
    const level = settings[finding.code];
    if (level === 'off') continue;
    const target = (finding.data as { target?: string } | undefined)?.target;
    if (suppressed.has(finding.code) || (target !== undefined && suppressed.has(`${finding.code}:${target.toLowerCase()}`))) continue;
    out.push(level ? { ...finding, severity: level } : finding);
  }
  return out;
}
