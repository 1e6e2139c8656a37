/**
 * The catalog: what the AI is offered, per contact and channel, as the function definitions a model receives;
 * what it costs in tokens; and who reaches what. Pure: entries and the organisation in, plain values out.
 */
export { buildCatalog, modelTools, actionLabel } from './catalog';
export { buildCoverage } from './coverage';
export { catalogTokens } from './tokens';
export { toolParameters, schemaOfSampleValue } from './parameters';
export { functionNameOf, uniqueFunctionNames, FUNCTION_NAME_PATTERN } from './functionNames';
export { offerOf, type Offer } from './visibility';
export { catalogContact, coverageContacts, isChannel, DEFAULT_CATALOG_CHANNEL } from './selection';
export { CATALOG_ASSUMPTIONS } from './assumptions';
export { DEFAULT_CATALOG_TOKEN_BUDGET } from './budget';
export * from './types';
