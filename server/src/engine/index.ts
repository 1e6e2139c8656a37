/**
 * The engine's front door: everything the adapters (the CLI, the language server, the client, protocol.ts) may use.
 * Like vscode-json-languageservice's `getLanguageService()`, it is the one module they import; the folders behind
 * it (document/, lint/, schema/, model/, workspace/, rules/, fixes/, overlap/, resolve/, execute/, run/) are
 * internals that may be reorganised without touching an adapter. Tests may import the internals directly.
 *
 * Pure: plain values in, plain values out; what touches the world (files, clock, HTTP, secrets) is passed in.
 *
 * The engine's package.json declares it free of side effects, so a bundle holds only what its adapter uses: the
 * extension's dist/client.js imports this module too, yet the executor (undici, the tokenizer) lands only in
 * dist/runner.js and dist/cli.js, which call `executePlan`.
 */

// Documents: the JSON tree with positions, and which kind of file a path is.
export { JsonDocument, MAX_NESTING_DEPTH, offsetBeyondDepth, type JsonPath } from './document/jsonDocument';
export { ACTION_FILE_SUFFIX, CONFIG_FILE_NAME, documentKindOf, SKIPPED_FOLDERS, type DocumentKind } from './document/documentKind';
export { isJsonObject, type JsonObject } from './document/json';
export { formatJsonPath } from './document/jsonPath';
export type { Position, Range } from './document/text';

// Lint: one file on its own (syntax + schema), the findings every layer reports, and the JSON Schemas.
export { lintDocument, type DocumentLint, type LintInput } from './lint/lint';
export {
  docsUrl, FINDING_SOURCE, SEVERITIES, type Finding, type RelatedLocation, type Severity,
} from './lint/findings';
export { ACTION_SCHEMA_ID, CONFIG_SCHEMA_ID, SCHEMAS } from './schema/compile';
export { isRuleLevel, RULE_LEVELS, type LintContext, type RuleLevel, type RuleSettings } from './rules/rule';
export { knownCodes } from './rules/codes';
export { closestMatch } from './lint/similar';

// Workspace: the incremental index of actions and configs; cross-file rules; quick fixes.
export { Workspace, type SeverityCounts, type WorkspaceChange } from './workspace/workspace';
export { candidateConfigIds } from './workspace/paths';
export { FileSet, IGNORE_FILE_NAMES, type EntryType, type FileSetAccess, type FoundFile, type WalkResult } from './workspace/fileSet';
export { nodeFileSetAccess } from './workspace/nodeFileAccess';
export { fixesFor, type CodeFix, type FileEdit } from './fixes';
export {
  distinguishingOf, NEIGHBOUR_LIMIT, roundScore, type Neighbour, type NeighbourWords,
} from './overlap/neighbours';
export { DEFAULT_THRESHOLD as OVERLAP_THRESHOLD } from './overlap/score';

// Model: the typed organisation (opencx.config.json), the request plan, credential shapes, who is offered an action.
export { configModelOf, organisationNames, type OrgConfig } from './model/config';
export { actionModelOf, CHANNELS, HTTP_METHODS, type Channel, type HttpMethod } from './model/action';
export {
  HEADER_SOURCE_ORDER, hasSecretReference, SECRET_REFERENCE, secretReferences,
  type HeaderSource, type PlannedBody, type PlannedHeader, type RequestPlan, type SecretSource, type ShadowedValue, type SourceLocation,
} from './model/plan';
export { credentialPart, maskCredential } from './model/credentials';
export { isAnonymous, isUnrestricted, offersTo, sharedSegments, type SegmentMember } from './model/visibility';

// Resolve: action + organisation + environment + contact + values → RequestPlan, and the explanations built on it.
export * from './resolve';
export { headersForDisplay } from './resolve/display';
export { formatPlanText } from './resolve/planText';
export { orgInputOf } from './rules/headerRules';

// Execute: sending one plan as OpenCX does.
// Constants and types come from the modules that define them, not through execute/index.ts: a bundle that takes
// only a constant (the client's OPENCX_TIMEOUT_MS) would otherwise keep the executor and undici (a package test
// guards this). Only executePlan and toCurl are taken from execute/index.ts.
export { executePlan, toCurl } from './execute';
export {
  MAX_REDIRECTS, NETWORK_ERROR_TEXT, OPENCX_TIMEOUT_MS, TIMEOUT_STATUS, timeoutText,
} from './execute/execution';
export type {
  AiView, Clock, EchoedHeader, EchoedShadowedValue, ExecuteOptions, ExecutionError, ExecutionOutcome, ExecutionResult,
  ExecutionTiming, RedirectHop, ResponseHeader, ResponseRecord, SentRequest,
} from './execute/execution';
export { DEFAULT_MAX_BODY_BYTES, MAX_BODY_BYTES_LIMIT } from './execute/bodySink';
export { secretsUsedBy } from './execute/secrets';

// Run: the inputs a run asks for, and the explanation of a result.
export { inputsComplete, parseInput, runInputs, type RunInput } from './run/inputs';
export { actionFileName, newActionText, pathPlaceholders, type NewActionInput, type NewActionText } from './model/newAction';
export { DEFAULT_TOKEN_BUDGET, explainRun, type RunExplanation } from './run/explain';
export { maskText, redirectsForDisplay, responseHeadersForDisplay, textsForDisplay } from './run/display';

// Sync: OpenCX's public REST API for actions, pull and push (docs/sync.md).
// The API client (undici) stays out of dist/client.js: the extension reaches it through dist/sync.js only.
export { ApiError, OpenCxApiClient, type ApiClientOptions } from './sync/apiClient';
export { API_BASE_URL_VARIABLE, API_KEY_VARIABLE, apiTargetOf, DEFAULT_API_BASE_URL, minimalConfigText, type ApiTarget, type ApiTargetResult } from './sync/apiTarget';
export { planPull, type LocalFile, type PullPlan } from './sync/pull';
export { planPush, type PushFile, type PushPlan } from './sync/push';
export { applyPush, type PushedFile } from './sync/apply';
export { remoteVersionText } from './sync/remoteVersion';
export type { RemoteAction } from './sync/types';

// Catalog: what the AI is offered per contact and channel, its tokens, and who reaches what.
export * from './catalog';

// Route: the routing test against a chat-completions model (docs/routing.md).
export * from './route';
