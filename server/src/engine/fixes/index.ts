import type { Finding } from '../lint/findings';
import type { Workspace } from '../workspace/workspace';
import { FIX_PROVIDERS } from './providers';
import type { CodeFix } from './codeFix';

export type { CodeFix, FileEdit } from './codeFix';

/** The quick fixes for one finding of one file; empty when the finding cannot be fixed mechanically. */
export function fixesFor(workspace: Workspace, id: string, finding: Finding): CodeFix[] {
  const document = workspace.document(id);
  const provider = FIX_PROVIDERS[finding.code];
  if (!document || !document.wellFormed || !provider) return [];
  return provider({ id, document, finding, org: workspace.orgFor(id), isNameTaken: (name) => workspace.isNameTaken(name) });
}
