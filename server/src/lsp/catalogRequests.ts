import { ANONYMOUS_CONTACT, buildCatalog, buildCoverage, CATALOG_ASSUMPTIONS, catalogContact, type CatalogContact, type CatalogEntry, catalogTokens, type Channel, CHANNELS, coverageContacts, DEFAULT_CATALOG_TOKEN_BUDGET, isChannel, modelTools, type OrgInput, orgInputOf, type Workspace } from '../engine';
import type { CatalogParams, CatalogView, WorkspaceActionItem } from '../protocol';

/** The actions of one organisation (those whose nearest config it is), or every action when there is no config (also the routing test's). */
export function entriesOf(workspace: Workspace, config: string | undefined): CatalogEntry[] {
  return workspace.ids('action')
    .filter((id) => config === undefined || workspace.orgFor(id)?.id === config)
    .sort()
    .map((id) => {
      const document = workspace.document(id);
      return { file: id, action: document?.wellFormed ? workspace.action(id) : undefined, invalid: workspace.hasFileErrors(id) };
    });
}

/** The contact asked for; an unknown one falls back to the default, with the error said in the view. */
function contactFor(org: OrgInput | undefined, params: CatalogParams): { who: CatalogContact; error?: string } {
  if (params.contact === null) return { who: { contact: ANONYMOUS_CONTACT } };
  const chosen = catalogContact(org, params.environment, params.contact);
  if (chosen.ok) return { who: chosen.value };
  const fallback = catalogContact(org, params.environment, undefined);
  return { who: fallback.ok ? fallback.value : { contact: ANONYMOUS_CONTACT }, error: chosen.error.message };
}

/**
 * The catalog view's data: one organisation's tool list for a contact and channel (as the CLI's `tools` builds it),
 * its token cost against the budget, and coverage on the same channel. Files are URIs.
 */
export async function catalogView(workspace: Workspace, params: CatalogParams): Promise<CatalogView> {
  const configs = workspace.ids('config').sort();
  const config = params.config !== undefined && configs.includes(params.config) ? params.config : configs[0];
  const org = config !== undefined ? orgInputOf(workspace.orgFor(config)) : undefined;
  const channel: Channel = params.channel !== undefined && isChannel(params.channel) ? params.channel : 'widget';
  const environment = params.environment !== undefined && org && Object.prototype.hasOwnProperty.call(org.config.environments, params.environment) ? params.environment : undefined;
  const entries = entriesOf(workspace, org ? config : undefined);
  const { who, error } = contactFor(org, { ...params, environment });
  const catalog = buildCatalog(entries, who, channel);
  const cost = await catalogTokens(catalog.tools);
  const everyone = coverageContacts(org, environment);
  const coverage = buildCoverage(entries, everyone.ok ? everyone.value.contacts : [{ contact: ANONYMOUS_CONTACT }], everyone.ok ? everyone.value.segments : undefined, channel);
  const budget = params.tokenBudget !== undefined && Number.isFinite(params.tokenBudget) && params.tokenBudget > 0 ? params.tokenBudget : DEFAULT_CATALOG_TOKEN_BUDGET;
  const notes = [
    ...(!org ? ['No opencx.config.json in the workspace: the anonymous visitor only, without contacts.'] : []),
    ...(org?.usingLastValid ? ['Using the last valid opencx.config.json: the current text has errors.'] : []),
    ...(cost.tokens > budget ? [`The tool list costs ${cost.tokens} tokens, above the budget of ${budget} (opencx.catalog.tokenBudget): it is sent with every turn.`] : []),
  ];
  return {
    ...(config !== undefined ? { config } : {}),
    configs,
    ...(environment !== undefined ? { environment } : {}),
    contacts: org ? coverage.contacts.slice(0, -1) : [],
    contact: catalog.contact,
    channel,
    channels: [...CHANNELS],
    tools: catalog.tools,
    toolsJson: JSON.stringify(modelTools(catalog.tools), null, 2),
    hidden: catalog.hidden,
    tokens: cost.tokens,
    contributors: cost.contributors,
    tokenBudget: budget,
    coverage,
    assumptions: [...CATALOG_ASSUMPTIONS],
    notes,
    ...(error !== undefined ? { error } : {}),
  };
}

/** Every action in the workspace with its problems and overlap count, for the explorer view. */
export function workspaceActions(workspace: Workspace): WorkspaceActionItem[] {
  return workspace.ids('action').sort().map((uri) => {
    const action = workspace.action(uri);
    const counts = workspace.countsOf(uri);
    return {
      uri,
      name: action?.name || decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)),
      tags: action?.tags ?? [],
      ...(action?.restrictedToSegments !== undefined ? { segments: action.restrictedToSegments } : {}),
      channels: action?.channels ?? [],
      errors: counts.errors,
      warnings: counts.warnings,
      overlaps: workspace.overlapsOf(uri).length,
    };
  });
}
