import type { RouteReport } from '../../../server/src/engine';

const quoted = (name: string | null) => (name === null ? 'no tool' : `"${name}"`);

/**
 * The sentence on an action whose utterances the model sent elsewhere: how many, and where (the most frequent
 * wrong picks first). Null when every utterance went to the action.
 */
export function misroutedMessage(report: Pick<RouteReport, 'model' | 'contact' | 'channel'>, cases: RouteReport['cases']): string | null {
  const wrong = cases.filter((c) => !c.correct);
  if (!wrong.length) return null;
  const counts = new Map<string | null, number>();
  for (const c of wrong) for (const pick of c.picks) if (pick !== c.action) counts.set(pick, (counts.get(pick) ?? 0) + 1);
  const targets = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const where = targets.length === 1 ? `to ${quoted(targets[0][0])}` : `elsewhere: ${targets.map(([name, n]) => `${quoted(name)} (${n})`).join(', ')}`;
  const examples = wrong.slice(0, 3).map((c) => `"${c.utterance}"`).join(', ');
  return `The model sent ${wrong.length} of ${cases.length} utterance${cases.length === 1 ? '' : 's'} of this action ${where}: ${examples}. (Routing test: model ${report.model}, contact ${report.contact ?? '(anonymous visitor)'}, channel ${report.channel}.)`;
}

