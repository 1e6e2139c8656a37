// Entry of the benchmark bundle out/bench/engine.js (built by build.mjs): the engine's pure API that
// bench/lint.mjs measures, bundled exactly as the CLI and the server bundle it.
export { lintDocument } from '../server/src/engine/lint/lint';
export { ACTION_SCHEMA_ID, SCHEMAS, schemaValidators } from '../server/src/engine/schema/compile';
export { Workspace } from '../server/src/engine/workspace/workspace';
// The executor's façade, for bench/run.mjs.
export { executePlan } from '../server/src/engine/execute';
// The description-overlap index and its message wording, for bench/overlap.mjs.
export { OverlapIndex } from '../server/src/engine/overlap/overlapIndex';
export { overlapMessage } from '../server/src/engine/overlap/message';
// The catalog (tool list, coverage, token cost) and the models it reads, for bench/catalog.mjs.
export { buildCatalog, buildCoverage, catalogContact, catalogTokens, coverageContacts } from '../server/src/engine/catalog';
export { actionModelOf } from '../server/src/engine/model/action';
export { configModelOf } from '../server/src/engine/model/config';
