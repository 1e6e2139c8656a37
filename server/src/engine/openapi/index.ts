// The OpenAPI import: the engine's part (pure: spec text and existing files in, planned files and a summary
// out). Bundled apart as dist/openapi.js with its parser, and loaded by the CLI's `import` command and the
// VS Code command only when an import starts, so neither activation nor `lint` pays for the parser.
export { planImport } from './importSpec';
export { lintAfterImport, type ImportedFindings, type WorkspaceFile } from './lintImport';
export { summarise, formatSummaryText, type ImportSummary, type SummaryFinding } from './summary';
export { listOperations, operationListings, type OperationListing } from './operations';
export { parseSpec } from './parse';
export type * from './types';
