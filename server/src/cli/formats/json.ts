import type { CliFinding } from '../report';

/** One JSON array of findings, for scripts. */
export function formatJson(findings: CliFinding[]): string {
  return JSON.stringify(findings, null, 2) + '\n';
}
