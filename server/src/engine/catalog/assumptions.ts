/**
 * What OpenCX does not document about how it presents tools to its model, and what the catalog assumes. Shown in
 * the view and written in docs/assumptions.md; if OpenCX behaves differently, change the catalog here.
 */
export const CATALOG_ASSUMPTIONS: readonly string[] = [
  'Tools are sent as OpenAI-style function definitions: { type: "function", function: { name, description, parameters } }; tokens are counted on the compact JSON of that array (o200k tokenizer).',
  'Function names: the action name in snake_case (accents dropped, every other run of characters one "_"), cut to 64 characters; a later action with the same function name gets _2, _3… in file order.',
  'Flattening: path parameters, query parameters without a value, and the body\'s top-level fields sit side by side in one parameters object; nested body objects keep their own schema.',
  'Clash rule: a name defined twice (e.g. a path parameter and a body field) is one property, the first definition\'s (path, then query, then body); its value fills both; it is required when either is.',
  'A sample body\'s schema is inferred from its values (arrays from their first element); sample fields get no description.',
  'A contact\'s widget overrides (pathParams, queryParams, bodyParams) do not hide a field from the model: the tool comes from the action; OpenCX replaces the AI\'s value when it calls the action.',
  'An action whose segment restriction is not known (pulled from OpenCX) is listed as offered, with a note.',
];
