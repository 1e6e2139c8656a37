import type { Finding } from '../lint/findings';
import type { JsonDocument } from '../document/jsonDocument';
import type { OrgContext } from '../rules/rule';
import type { Range } from '../document/text';

/** A text replacement in one file (the workspace id of the file). */
export interface FileEdit {
  file: string;
  range: Range;
  newText: string;
}

/** One quick fix: a title, the edits, and optionally a step only an editor can do (asking for a secret). */
export interface CodeFix {
  title: string;
  edits: FileEdit[];
  isPreferred?: boolean;
  /** The literal credential at `valueRange` should be stored as secret `secretName` before the edit replaces it. */
  storeSecret?: { secretName: string; valueRange: Range };
}

/** What a fix provider sees: the finding, its file and the file's organisation. */
export interface FixContext {
  id: string;
  document: JsonDocument;
  finding: Finding;
  org: OrgContext | undefined;
  /** Whether another action already has this name (compared as duplicate-action-name compares). */
  isNameTaken(name: string): boolean;
}

export type FixProvider = (context: FixContext) => CodeFix[];
