import { ANONYMOUS_CONTACT, buildCatalog, catalogContact, type Channel, isChannel, orgInputOf, routeCases, toolParameters, utterancesOf, type Workspace } from '../engine';
import type { RouteInputsParams, RouteInputsView, SuggestSubjectView } from '../protocol';
import { entriesOf } from './catalogRequests';

type Range = RouteInputsView['nameRanges'][string];

/** Where the `name` value of an action file is (the whole document's first character when it has none). */
function nameRange(workspace: Workspace, uri: string): Range | undefined {
  const document = workspace.document(uri);
  if (!document) return undefined;
  const node = document.nodeAt(['name']);
  return node ? document.rangeOfNode(node) : document.rangeOf({ offset: 0, length: 1 });
}

/**
 * What the routing test sends for one contact and channel: the catalog of the workspace's first organisation (as
 * "What the AI Is Offered" builds it) and one case per utterance of each offered action. Files are URIs.
 */
export function routeInputs(workspace: Workspace, params: RouteInputsParams): RouteInputsView {
  const config = workspace.ids('config').sort()[0];
  const org = config !== undefined ? orgInputOf(workspace.orgFor(config)) : undefined;
  const channel: Channel = params.channel !== undefined && isChannel(params.channel) ? params.channel : 'widget';
  const environment = params.environment !== undefined && org && Object.prototype.hasOwnProperty.call(org.config.environments, params.environment) ? params.environment : undefined;
  let error: string | undefined;
  let who = params.contact === null ? { ok: true as const, value: { contact: ANONYMOUS_CONTACT } } : catalogContact(org, environment, params.contact);
  if (!who.ok) {
    error = who.error.message;
    who = catalogContact(org, environment, undefined);
  }
  const catalog = buildCatalog(entriesOf(workspace, org ? config : undefined), who.ok ? who.value : { contact: ANONYMOUS_CONTACT }, channel);
  const cases = routeCases(catalog, (file) => utterancesOf(workspace.document(file)?.value));
  const nameRanges: Record<string, Range> = {};
  for (const tool of catalog.tools) {
    const range = nameRange(workspace, tool.file);
    if (range) nameRanges[tool.file] = range;
  }
  return { catalog, cases, nameRanges, ...(error !== undefined ? { error } : {}) };
}

/** The action in `uri` as a model sees it (Suggest Utterances), or null when it is no action with a name and description. */
export function suggestSubject(workspace: Workspace, uri: string): SuggestSubjectView | null {
  const action = workspace.action(uri);
  if (!action?.name || !action.description) return null;
  return {
    name: action.name,
    description: action.description,
    parameters: toolParameters(action).parameters,
    existing: utterancesOf(workspace.document(uri)?.value).map((u) => u.text),
  };
}
