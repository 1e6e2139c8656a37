/** The three import errors OpenCX documents, with the same codes. */
export type ImportErrorCode = 'failed_to_parse_spec' | 'invalid_tool_schema' | 'cannot_determine_api_endpoint';

/** One rejected operation (or, with `operation: null`, the whole spec). */
export interface ImportError {
  code: ImportErrorCode;
  /** The operation's key (its operationId, else `METHOD /path`); null when the error is about the whole spec. */
  operation: string | null;
  message: string;
}

/** An operation that was not imported and does not count as rejected (HEAD, a form-encoded body, a kept file…). */
export interface SkippedOperation {
  operation: string;
  reason: string;
}

/** Something the user should know or do that is not an error: a skipped cookie parameter, secrets to set… */
export interface ImportNote {
  operation: string | null;
  message: string;
}

/** The spec to import: its text and where it came from (a file id with `/` separators, or an https URL). */
export interface SpecSource {
  text: string;
  /** An absolute path with `/` separators, or a URL. Decides JSON vs YAML by its extension, and `origin.spec`. */
  location: string;
}

/** An action file that already exists where the import writes (or anywhere the caller wants re-import to look). */
export interface ExistingFile {
  /** Absolute path with `/` separators. */
  id: string;
  text: string;
}

export interface ImportOptions {
  /** The folder new files go into (absolute, `/` separators). */
  outDir: string;
  /** Replaces every server URL of the spec (`--server`). */
  server?: string;
  /** Only these operations (operationId, or `METHOD /path`); empty: all. */
  operations?: string[];
  /** Only operations with one of these OpenAPI tags; empty: all. */
  tags?: string[];
}

/** A file the import wants written. */
export interface FileToWrite {
  id: string;
  text: string;
  operation: string;
  kind: 'created' | 'updated';
}

/** A file left alone although the spec has a (different) version of it: the spec's version, for a diff. */
export interface KeptFile {
  id: string;
  operation: string;
  /** What the import would have written; absent when the operation is gone from the spec. */
  proposedText?: string;
}

/** Everything one import decided, before anything is written. Paths are ids (absolute, `/`). */
export interface ImportPlan {
  created: string[];
  updated: string[];
  unchanged: string[];
  kept: KeptFile[];
  skipped: SkippedOperation[];
  errors: ImportError[];
  notes: ImportNote[];
  writes: FileToWrite[];
  /** How many operations the spec has, and how many were selected. */
  operationCount: number;
  selectedCount: number;
  /** `--operation`s and `--tag`s that match nothing in the spec (the CLI calls that bad usage). */
  unmatched: { operations: string[]; tags: string[] };
}

/** One operation of the spec, with the path item's parameters already merged in. */
export interface SpecOperation {
  /** operationId, else `METHOD /path`: what `--operation` matches and `origin.operationId` records. */
  key: string;
  operationId?: string;
  method: string;
  path: string;
  tags: string[];
  summary?: string;
  description?: string;
  /** The operation object, dereferenced. */
  raw: Record<string, unknown>;
  /** Path-item and operation parameters, the operation's winning on the same name and location. */
  parameters: Record<string, unknown>[];
  /** The server URLs that apply (operation's, then path item's, then the document's), templated. */
  servers: string[];
}
