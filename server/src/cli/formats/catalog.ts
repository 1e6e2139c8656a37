import { type Catalog, type CatalogTokens, type CatalogTool, type Coverage, type CoverageMatrix } from '../../engine';

/** `tools --format json`: exactly the documented shape (no notes, no details: those are for people). */
export function toolsJson(catalog: Catalog, tokens: number): string {
  const out = {
    contact: catalog.contact,
    channel: catalog.channel,
    tools: catalog.tools.map(({ file, name, function: fn, description, parameters }) => ({ file, name, function: fn, description, parameters })),
    hidden: catalog.hidden.map(({ file, name, reason }) => ({ file, name, reason })),
    tokens,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function typeOf(schema: Record<string, unknown>): string {
  const type = Array.isArray(schema.type) ? schema.type.join('|') : typeof schema.type === 'string' ? schema.type : 'any';
  return Array.isArray(schema.enum) ? `${type}: ${schema.enum.map((v) => JSON.stringify(v)).join(' | ')}` : type;
}

function toolLines(tool: CatalogTool): string[] {
  const lines = [`${tool.function}  ${tool.name}  (${tool.file})`, `  ${tool.description}`];
  const { properties, required } = tool.parameters;
  for (const [name, schema] of Object.entries(properties)) {
    const description = typeof schema.description === 'string' ? ` — ${schema.description}` : '';
    lines.push(`  · ${name} (${typeOf(schema)}${required.includes(name) ? ', required' : ''})${description}`);
  }
  if (!Object.keys(properties).length) lines.push('  · no parameters');
  for (const note of tool.notes) lines.push(`  note: ${note}`);
  return lines;
}

/** `tools --format text`: the list as people read it, with the biggest contributors to the token count. */
export function toolsText(catalog: Catalog, tokens: CatalogTokens, notes: string[]): string {
  const who = catalog.contact === null ? 'the anonymous visitor' : `contact "${catalog.contact}"`;
  const lines = [`${catalog.tools.length} tool${catalog.tools.length === 1 ? '' : 's'} offered to ${who} on ${catalog.channel}: ${tokens.tokens} tokens (o200k, compact JSON of the tools array)`, ''];
  for (const tool of catalog.tools) lines.push(...toolLines(tool), '');
  if (tokens.contributors.length > 1) {
    lines.push('Biggest contributors:', ...tokens.contributors.slice(0, 5).map((c) => `  ${String(c.tokens).padStart(6)}  ${c.function}`), '');
  }
  if (catalog.hidden.length) {
    lines.push(`Not offered (${catalog.hidden.length}):`);
    for (const h of catalog.hidden) lines.push(`  ${h.name} (${h.file}): ${h.reason}. ${h.detail}`);
    lines.push('');
  }
  for (const note of notes) lines.push(`note: ${note}`);
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

/** `coverage --format json`: exactly the documented shape. */
export function coverageJson(coverage: CoverageMatrix): string {
  const { channel, contacts, actions, unreachable, contactsWithoutActions, unusedSegments } = coverage;
  const out: Coverage = { channel, contacts, actions, unreachable, contactsWithoutActions, unusedSegments };
  return JSON.stringify(out, null, 2) + '\n';
}

/** Which actions' segments are unknown, and what that means for the table above. */
function unknownSegmentsNote(files: string[]): string {
  return `${files.join(', ')} ${files.length === 1 ? 'was' : 'were'} pulled from OpenCX, whose API does not carry segment restrictions: counted as offered to every contact, but OpenCX may restrict ${files.length === 1 ? 'it' : 'them'} in the dashboard (write restrictedToSegments to check them here).`;
}

const list = (items: string[]): string => (items.length ? items.join(', ') : 'none');

/** `coverage --format text`: one line per action, then what nobody reaches and whom nothing reaches. */
export function coverageText(coverage: CoverageMatrix, notes: string[]): string {
  const width = Math.max(6, ...coverage.actions.map((a) => a.name.length));
  const lines = [`Coverage on ${coverage.channel} for ${coverage.contacts.length} contacts: ${coverage.contacts.join(', ')}`, ''];
  const reached = coverage.actions.map((a) => (a.offeredTo.length ? a.offeredTo.join(', ') : '(nobody)'));
  const reachedWidth = Math.max(...reached.map((r) => r.length), 0);
  coverage.actions.forEach((action, i) => lines.push(`${action.name.padEnd(width)}  ${reached[i].padEnd(reachedWidth)}  ${action.file}`));
  lines.push('', `Unreachable: ${list(coverage.unreachable)}`, `Contacts offered nothing: ${list(coverage.contactsWithoutActions)}`, `Segments no action uses: ${list(coverage.unusedSegments)}`);
  if (coverage.segmentsUnknown.length) lines.push(`note: ${unknownSegmentsNote(coverage.segmentsUnknown)}`);
  for (const note of notes) lines.push(`note: ${note}`);
  return lines.join('\n') + '\n';
}

/** A table cell's text: pipes escaped, new lines flattened, so a name cannot break the table. */
const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** `coverage --format markdown`: a table a team can paste into a pull request (✅ offered, otherwise the reason). */
export function coverageMarkdown(coverage: CoverageMatrix): string {
  const header = `| action | ${coverage.contacts.map(cell).join(' | ')} |`;
  const rule = `|---|${coverage.contacts.map(() => ':---:').join('|')}|`;
  const rows = coverage.actions.map((action, i) => {
    const cells = coverage.cells[i].map((c) => (c.offered ? '✅' : `— ${c.reason}`));
    return `| ${cell(action.name)} (\`${cell(action.file)}\`) | ${cells.join(' | ')} |`;
  });
  return [
    `**What the AI is offered on ${coverage.channel}** (✅ offered; otherwise why not: segment, channel, invalid)`,
    '',
    header,
    rule,
    ...rows,
    '',
    `- Unreachable: ${coverage.unreachable.length ? coverage.unreachable.map((f) => `\`${cell(f)}\``).join(', ') : 'none'}`,
    `- Contacts offered nothing: ${list(coverage.contactsWithoutActions)}`,
    `- Segments no action uses: ${list(coverage.unusedSegments)}`,
    ...(coverage.segmentsUnknown.length ? [`- Note: ${unknownSegmentsNote(coverage.segmentsUnknown.map((f) => `\`${cell(f)}\``))}`] : []),
  ].join('\n') + '\n';
}
