import { parseArgs } from 'node:util';
import { closestMatch, isRuleLevel, knownCodes, organisationNames, RULE_LEVELS, type RuleLevel, type RuleSettings, Workspace } from '../engine';
import { collectFiles, loadWorkspace, rootsOf } from './files';
import { formatJson } from './formats/json';
import { formatGitlab } from './formats/gitlab';
import { formatSarif } from './formats/sarif';
import { coloursFor, formatStylish } from './formats/stylish';
import { summarise, toCliFinding, type CliFinding } from './report';
import { EXIT, parseFormat, UsageError } from './usage';
import type { CliContext } from './context';

const FORMATS = ['stylish', 'json', 'sarif', 'gitlab'] as const;

/** `opencx-actions lint [paths…] [--format stylish|json|sarif] [--max-warnings N] [--rule code=level]… [--env NAME] [--contact NAME]` */
export function lintCommand(args: string[], context: CliContext): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      env: { type: 'string' },
      contact: { type: 'string' },
    },
  });
  const format = parseFormat(values.format, FORMATS);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);

  const paths = positionals.length ? positionals : ['.'];
  const files = collectFiles(paths, context.cwd);
  const workspace = new Workspace();
  // Actions with no opencx.config.json above them are compared only with actions of the same path argument.
  workspace.setRoots(rootsOf(paths, context.cwd));
  workspace.configure(parseRules(values.rule ?? []));
  // No secret check here: whether CI has a secret set says nothing about the files (unknown-secret is the editor's).
  workspace.setContext({ environment: values.env, contact: values.contact });
  const displayOf = loadWorkspace(workspace, files, context.cwd);
  checkSelection(workspace, values.env, values.contact);
  const findings: CliFinding[] = [];
  for (const file of files) {
    for (const finding of workspace.findings(file.id)) findings.push(toCliFinding(file.display, finding, displayOf));
  }
  const summary = summarise(findings, files.length);

  if (format === 'json') context.stdout.write(formatJson(findings));
  else if (format === 'sarif') context.stdout.write(formatSarif(findings, context.tool));
  else if (format === 'gitlab') context.stdout.write(formatGitlab(findings));
  else context.stdout.write(formatStylish(findings, summary, coloursFor(context.stdout, context.env)));

  if (files.length === 0 && format === 'stylish') context.stderr.write('note: no *.action.json or opencx.config.json file found\n');
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && format === 'stylish') context.stderr.write(`${summary.warnings} warning${summary.warnings === 1 ? ' exceeds' : 's exceed'} --max-warnings ${maxWarnings}\n`);
  return summary.errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

/** `--env`/`--contact` must name something some opencx.config.json defines, as `plan` requires. */
function checkSelection(workspace: Workspace, environment: string | undefined, contact: string | undefined): void {
  const names = organisationNames(workspace.configModels());
  const check = (flag: string, name: string | undefined, known: string[]) => {
    if (name !== undefined && !known.includes(name)) {
      throw new UsageError(`${flag} "${name}" is not defined in any opencx.config.json${known.length ? `; available: ${known.join(', ')}` : ''}`);
    }
  };
  check('--env', environment, names.environments);
  check('--contact', contact, names.contacts);
}

/** `--rule code=level`, repeatable: the CLI's form of the `opencx.rules` setting. */
function parseRules(given: string[]): RuleSettings {
  const rules: Record<string, RuleLevel> = {};
  for (const entry of given) {
    const match = /^([a-z][a-z0-9-]*)=(\w+)$/.exec(entry);
    if (!match || !isRuleLevel(match[2])) {
      throw new UsageError(`--rule takes code=level with level one of ${RULE_LEVELS.join(', ')}; got "${entry}"`);
    }
    if (!knownCodes().includes(match[1])) {
      const guess = closestMatch(match[1], knownCodes());
      throw new UsageError(`--rule: unknown rule code "${match[1]}"${guess ? `; did you mean "${guess}"?` : ' (every code is in docs/rules.md)'}`);
    }
    rules[match[1]] = match[2];
  }
  return rules;
}

function parseMaxWarnings(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings must be a whole number of 0 or more; got "${raw}"`);
  return Number(raw);
}
