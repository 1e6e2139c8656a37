import type { RequestPlan } from '../model/plan';
import { formFields } from './requestBody';
import { MAX_REDIRECTS, OPENCX_TIMEOUT_MS } from './execution';

/**
 * The plan as a `curl` command line for a POSIX shell, masked: secret references stay as `${secret:NAME}` inside
 * single quotes, so the shell never expands them and no value is ever in the text. The flags mirror OpenCX's rules
 * (follow redirects, at most 20, 60 s in all). A multipart body becomes `--form-string` fields, and its planned
 * Content-Type is left to curl, which must add the boundary.
 */
export function toCurl(plan: RequestPlan): string {
  const multipart = plan.body?.format === 'multipart';
  const lines: string[] = ['curl'];
  if (plan.method !== 'GET' && !(plan.method === 'POST' && plan.body !== undefined)) lines.push(`--request ${plan.method}`);
  lines.push(`--location --max-redirs ${MAX_REDIRECTS} --max-time ${OPENCX_TIMEOUT_MS / 1000}`);
  lines.push(shellQuote(plan.url));
  for (const header of plan.headers) {
    if (multipart && header.name.toLowerCase() === 'content-type') continue;
    lines.push(`--header ${shellQuote(`${header.name}: ${header.value}`)}`);
  }
  if (plan.body !== undefined) {
    if (multipart) for (const [name, value] of formFields(plan.body.value)) lines.push(`--form-string ${shellQuote(`${name}=${value}`)}`);
    else lines.push(`--data-raw ${shellQuote(JSON.stringify(plan.body.value) ?? 'null')}`);
  }
  return lines.join(' \\\n  ');
}

/** One POSIX shell word: safe words as they are, anything else in single quotes (a quote inside becomes '\''). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
