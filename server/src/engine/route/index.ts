/**
 * The routing test: what customers say (each action's utterances), sent to a chat-completions model with exactly
 * the tools the catalog offers, and a report of where the model picks another action.
 */
export { utterancesOf, type Utterance } from './utterances';
export { chatRequest, routeCases, DEFAULT_SYSTEM_PROMPT, type ChatRequest, type RouteCase } from './requests';
export { routeReport, type CaseResult, type ModelPick, type RouteReport } from './report';
export { suggestRequest, parseSuggestions, MIN_SUGGESTIONS, MAX_SUGGESTIONS, type SuggestRequest, type SuggestSubject } from './suggest';
export { DEFAULT_CONCURRENCY, DEFAULT_MODEL_TIMEOUT_MS } from './defaults';
export { collectPicks, completeText, isAbort, ModelEndpointError, retryWaitMs, type ModelEndpoint } from './model';
