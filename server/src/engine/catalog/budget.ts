/**
 * The default of `opencx.catalog.tokenBudget`. The tool list is sent with every turn of every conversation, so it
 * competes with the conversation itself for the model's attention; about twenty well-described actions fit in it.
 */
export const DEFAULT_CATALOG_TOKEN_BUDGET = 2000;
