// The model client's defaults, apart from model.ts: adapters that only show or pass them (the VS Code client) must not
// load the `openai` package that model.ts imports (the bundler keeps an imported module's side effects).

/** Per-request timeout of the routing test (OPENCX_MODEL_TIMEOUT_MS changes it). */
export const DEFAULT_MODEL_TIMEOUT_MS = 60_000;
/** How many routing-test requests run at once. */
export const DEFAULT_CONCURRENCY = 4;
