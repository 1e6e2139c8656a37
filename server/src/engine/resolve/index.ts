/**
 * The resolver: action + organisation + environment + contact + values → RequestPlan, and the pure explanations
 * and diagnostics built on it. Pure: no file system, no network, no editor API; ids are injectable.
 */
export { resolveHeaders, resolveRequest, actionProblems } from './resolve';
export type { ActionInput, HeaderResolution, IdGenerator, OrgInput, Resolved, ResolveError, ResolveErrorCode, ResolveInput, ResolveMode, ResolveResult, Selection } from './resolution';
export { selectOrganisation, ANONYMOUS_CONTACT } from './organisation';
export { mergeHeaderEntries, OPENCX_USER_AGENT, SOURCE_LABELS, sameHeader, type HeaderEntry } from './headers';
export { CONTEXT_HEADER_PREFIX, EXTERNAL_USER_ID_HEADER, isContextHeaderName, ORG_ID_HEADER, SESSION_ID_HEADER, TICKET_NUMBER_HEADER } from './contextHeaders';
export { KNOWN_MAGIC_FIELDS, magicSample, type MagicContext, type MagicSample } from './magic';
export { segmentVisibility, type Visibility } from './visibility';
export { coerceValue, encodeKeepingSecrets, placeholderFor } from './values';
export { sendsBody, BODY_METHODS } from './body';
export { isBodySchema } from '../model/action';
export { fixedIds, randomIds } from './ids';
export { MASK, isSensitiveHeader, maskForDisplay, maskUrlForDisplay } from './mask';
export { locationLabel, planForDisplay, type DisplayedHeader, type DisplayedPlan } from './display';
export { formatJsonPath } from '../document/jsonPath';
export { baseName } from '../workspace/paths';
export { code, escapeMarkdown, locationLink, struck, type LinkFor } from './markdown';
export { explainHeader, headersBySource, PRECEDENCE_TEXT, renderHeaderExplanation, renderHeadersOverview, type HeaderExplanation, type HeaderLayer, type HeaderView } from './explain';
export { renderAudience, renderSegmentExplanation, segmentAudience, type ContactAudience } from './explainAudience';
export { configHeaderPlace, renderConfigHeaderExplanation, type ConfigHeaderPlace } from './explainConfigHeader';
export { renderSecretExplanation, renderSecretReference, secretEnvironmentVariable } from './explainSecret';
export { contextHeaderConflictFindings, headerShadowedFindings, unknownSecretFindings, type DiagnosticFile } from './diagnostics';
