import { type RouteReport } from '../../engine';

const percent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const pickName = (p: string | null) => (p === null ? '(no tool)' : p);

/** `route --format json`: the documented shape, with each case's argument checks and the argument accuracy. */
export function routeJson(report: RouteReport): string {
  const { model, contact, channel, accuracy, argumentAccuracy, cases, confusions } = report;
  return JSON.stringify({ model, contact, channel, accuracy, argumentAccuracy, cases, confusions }, null, 2) + '\n';
}

/** `route --format text`: the accuracy, each action's utterances that went elsewhere, the confusion table. */
export function routeText(report: RouteReport, minAccuracy: number): string {
  const who = report.contact === null ? 'the anonymous visitor' : `contact "${report.contact}"`;
  const right = report.cases.filter((c) => c.correct).length;
  const lines = [
    `Routing test with ${report.model} for ${who} on ${report.channel}: accuracy ${percent(report.accuracy)} (minimum ${percent(minAccuracy)}), ${right} of ${report.cases.length} utterances always routed right; arguments ${percent(report.argumentAccuracy)}`,
  ];
  const wrong = report.cases.filter((c) => !c.correct);
  if (wrong.length) {
    lines.push('', 'Went elsewhere:');
    for (const c of wrong) lines.push(`  ${c.action} (${c.file}): "${c.utterance}" → ${c.picks.map(pickName).join(', ')}`);
  }
  const badArguments = report.cases.filter((c) => c.correct && (!c.arguments.valid || c.arguments.matches === false));
  if (badArguments.length) {
    lines.push('', 'Right action, wrong arguments:');
    for (const c of badArguments) lines.push(`  ${c.action}: "${c.utterance}" (${!c.arguments.valid ? 'not valid against the tool schema' : 'not the expected values'})`);
  }
  if (report.confusions.length) {
    const width = Math.max(8, ...report.confusions.map((c) => c.expected.length));
    const pickedWidth = Math.max(6, ...report.confusions.map((c) => pickName(c.picked).length));
    lines.push('', 'Confusions (wrong picks only):', `  ${'expected'.padEnd(width)}  ${'picked'.padEnd(pickedWidth)}  count`);
    for (const c of report.confusions) lines.push(`  ${c.expected.padEnd(width)}  ${pickName(c.picked).padEnd(pickedWidth)}  ${c.count}`);
  }
  return lines.join('\n') + '\n';
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** `route --format junit`: one test case per utterance, failed when a pick went elsewhere, so CI lists them. */
export function routeJunit(report: RouteReport): string {
  const failures = report.cases.filter((c) => !c.correct).length;
  const suite = `opencx routing (${report.model}, ${report.contact ?? 'anonymous'}, ${report.channel})`;
  const cases = report.cases.map((c) => {
    const open = `    <testcase classname="${xml(c.action)}" name="${xml(c.utterance)}" file="${xml(c.file)}"`;
    if (c.correct) return `${open}/>`;
    const message = `expected ${c.action}, picked ${c.picks.map(pickName).join(', ')}`;
    return `${open}>\n      <failure message="${xml(message)}">${xml(message)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="opencx-actions route" tests="${report.cases.length}" failures="${failures}">`,
    `  <testsuite name="${xml(suite)}" tests="${report.cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
