import type { DocumentKind } from '../document/documentKind';
import type { Finding } from '../lint/findings';
import type { RuleSettings } from '../rules/rule';
import { Workspace } from '../workspace/workspace';
import type { ImportPlan } from './types';

/** A file of the workspace the import lands in, as it is now (configs included, for segments and overlaps). */
export interface WorkspaceFile {
  id: string;
  text: string;
  kind?: DocumentKind;
}

/** The findings of one file the import wrote or matched. */
export interface ImportedFindings {
  id: string;
  findings: Finding[];
}

/**
 * Lints the workspace as it will be after the import (the planned files over the current ones) and returns
 * the findings of this spec's files: created, updated, unchanged and kept. Cross-file findings (overlaps,
 * duplicate names) with hand-made actions show up on the imported side too, so the summary lists what the
 * user should fix first. Pure: the caller passes every file's text.
 */
export function lintAfterImport(plan: ImportPlan, current: WorkspaceFile[], settings: RuleSettings = {}): ImportedFindings[] {
  const texts = new Map(current.map((f) => [f.id, f]));
  for (const write of plan.writes) texts.set(write.id, { id: write.id, text: write.text, kind: 'action' });
  const workspace = new Workspace();
  workspace.configure(settings);
  workspace.setMany(texts.values());
  const ids = [...plan.created, ...plan.updated, ...plan.unchanged, ...plan.kept.map((k) => k.id)];
  return ids.filter((id) => workspace.has(id)).map((id) => ({ id, findings: workspace.findings(id) }));
}
