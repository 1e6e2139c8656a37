import { docsUrl, type Severity } from '../../engine';
import type { CliFinding } from '../report';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

/** SARIF 2.1.0, the format code-scanning services read. Paths are relative to the folder the CLI ran in. */
export function formatSarif(findings: CliFinding[], tool: ToolInfo): string {
  const ruleIds = [...new Set(findings.map((f) => f.code))].sort();
  const location = (file: string, line: number, column: number, endLine?: number, endColumn?: number) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column, ...(endLine ? { endLine, endColumn } : {}) },
    },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: tool.name,
          version: tool.version,
          informationUri: tool.informationUri,
          rules: ruleIds.map((id) => ({ id, name: id, helpUri: docsUrl(id), shortDescription: { text: id.replace(/-/g, ' ') } })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
      results: findings.map((f) => ({
        ruleId: f.code,
        ruleIndex: ruleIds.indexOf(f.code),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [location(f.file, f.line, f.column, f.endLine, f.endColumn)],
        ...(f.related.length
          ? { relatedLocations: f.related.map((r, id) => ({ id, message: { text: r.message }, ...location(r.file, r.line, r.column) })) }
          : {}),
      })),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
