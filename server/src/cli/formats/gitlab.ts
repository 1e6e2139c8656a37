import { createHash } from 'node:crypto';
import { docsUrl, type Severity } from '../../engine';
import type { CliFinding } from '../report';

/** GitLab's Code Quality severities: an error blocks, a warning matters, the rest informs. */
const GITLAB_SEVERITY: Record<Severity, 'critical' | 'major' | 'minor' | 'info'> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

/**
 * A GitLab Code Quality report (`artifacts: reports: codequality`): one JSON array, one issue per finding.
 * The fingerprint leaves the line out, so a finding that only moves is not reported as new in a merge request;
 * identical findings in one file are told apart by their order.
 */
export function formatGitlab(findings: CliFinding[]): string {
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    const key = `${f.file}\u0000${f.code}\u0000${f.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      type: 'issue',
      check_name: f.code,
      description: f.message,
      content: { body: `See ${docsUrl(f.code)}` },
      categories: ['Bug Risk'],
      severity: GITLAB_SEVERITY[f.severity],
      fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex'),
      location: { path: f.file, positions: { begin: { line: f.line, column: f.column }, end: { line: f.endLine, column: f.endColumn } } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
