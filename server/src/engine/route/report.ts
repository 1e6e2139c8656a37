import Ajv, { type ValidateFunction } from 'ajv';
import { isDeepStrictEqual } from 'node:util';
import type { Catalog, ToolParameters } from '../catalog/types';
import type { RouteCase } from './requests';

/** What the model answered for one request: the first tool call's function and raw arguments, or no call. */
export interface ModelPick {
  function: string | null;
  /** The tool call's `arguments` text (JSON, as the model wrote it). */
  arguments?: string;
}

export interface CaseResult {
  file: string;
  action: string;
  utterance: string;
  /** Per run: the picked action's name, the function name when it is no offered tool, or null for no tool call. */
  picks: (string | null)[];
  /** Every pick is the right action. */
  correct: boolean;
  /** Over the right picks: every argument set is valid against the tool's schema; matches `expect` (null: nothing expected or no right pick). */
  arguments: { valid: boolean; matches: boolean | null };
}

export interface RouteReport {
  model: string;
  contact: string | null;
  channel: string;
  /** Right picks / all picks (1 when there is no pick at all). */
  accuracy: number;
  /** Right picks whose arguments are valid and match what is expected / right picks (null without a right pick). */
  argumentAccuracy: number | null;
  cases: CaseResult[];
  /** The wrong picks only: expected → picked, with how often, most frequent first. */
  confusions: { expected: string; picked: string | null; count: number }[];
}

/** Tool schemas come from action files: compile leniently, once each. */
const ajv = new Ajv({ strict: false, allErrors: false, allowUnionTypes: true });
const validators = new WeakMap<ToolParameters, ValidateFunction | null>();

function validatorOf(schema: ToolParameters): ValidateFunction | null {
  if (!validators.has(schema)) {
    try {
      validators.set(schema, ajv.compile(schema));
    } catch {
      validators.set(schema, null);
    }
  }
  return validators.get(schema) ?? null;
}

function parseArguments(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Expected values compare as JSON values; a number written as a string by the model ("10452") matches 10452. */
function matchesExpected(args: Record<string, unknown>, expect: Record<string, unknown>): boolean {
  return Object.entries(expect).every(([name, value]) => isDeepStrictEqual(args[name], value) || (typeof value === 'number' && args[name] === String(value)));
}

function judgeArguments(picks: ModelPick[], rightFunction: string, schema: ToolParameters, expect: Record<string, unknown> | undefined): { valid: boolean; matches: boolean | null; good: number; right: number } {
  const right = picks.filter((p) => p.function === rightFunction);
  const parsed = right.map((p) => parseArguments(p.arguments));
  const validate = validatorOf(schema);
  const valid = parsed.map((args) => args !== undefined && (validate ? validate(args) === true : true));
  const matches = expect ? parsed.map((args) => args !== undefined && matchesExpected(args, expect)) : undefined;
  const good = right.filter((_, i) => valid[i] && (matches ? matches[i] : true)).length;
  return { valid: right.length > 0 && valid.every(Boolean), matches: matches && right.length ? matches.every(Boolean) : null, good, right: right.length };
}

/**
 * The routing report: per case the picks (as action names), whether all were right, and the arguments' checks;
 * accuracy over every pick; the confusion table of wrong picks only.
 */
export function routeReport(model: string, catalog: Catalog, cases: readonly RouteCase[], picks: readonly ModelPick[][]): RouteReport {
  const actionOf = new Map(catalog.tools.map((t) => [t.function, t.name]));
  const schemaOf = new Map(catalog.tools.map((t) => [t.function, t.parameters]));
  const confusions = new Map<string, { expected: string; picked: string | null; count: number }>();
  let total = 0;
  let right = 0;
  let argumentsGood = 0;
  let argumentsJudged = 0;
  const results = cases.map((c, i): CaseResult => {
    const runs = picks[i] ?? [];
    const names = runs.map((p) => (p.function === null ? null : actionOf.get(p.function) ?? p.function));
    total += runs.length;
    const rightHere = runs.filter((p) => p.function === c.function).length;
    right += rightHere;
    for (const name of names.filter((_, j) => runs[j].function !== c.function)) {
      const key = JSON.stringify([c.action, name]);
      const entry = confusions.get(key) ?? { expected: c.action, picked: name, count: 0 };
      entry.count++;
      confusions.set(key, entry);
    }
    const judged = judgeArguments(runs, c.function, schemaOf.get(c.function)!, c.utterance.expect);
    argumentsGood += judged.good;
    argumentsJudged += judged.right;
    return { file: c.file, action: c.action, utterance: c.utterance.text, picks: names, correct: runs.length > 0 && rightHere === runs.length, arguments: { valid: judged.valid, matches: judged.matches } };
  });
  return {
    model,
    contact: catalog.contact,
    channel: catalog.channel,
    accuracy: total ? right / total : 1,
    argumentAccuracy: argumentsJudged ? argumentsGood / argumentsJudged : null,
    cases: results,
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
  };
}
