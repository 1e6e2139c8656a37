import type { Channel } from '../model/action';
import { functionNameOf, uniqueFunctionNames } from './functionNames';
import { toolParameters } from './parameters';
import type { Catalog, CatalogContact, CatalogEntry, CatalogTool, HiddenAction, ModelTool } from './types';
import { offerOf } from './visibility';

const INVALID_DETAIL = 'The file has syntax or schema errors, so it cannot be planned; OpenCX would not accept it as an action.';
/** The note on an action whose segments are unknown (pulled from OpenCX), in the tool list and the coverage matrix. */
export const UNKNOWN_SEGMENTS_NOTE = 'Its segment restriction is not known (pulled from OpenCX, whose API does not return segments): listed as offered, but OpenCX may hide it from this contact.';

/**
 * Whether who is offered the action is unknown: the caller said so, or the file was pulled from OpenCX and has no
 * restrictedToSegments of its own (ActionModel.segmentsUnknown). Such an action counts as offered to everyone.
 */
export function segmentsUnknown(entry: CatalogEntry): boolean {
  return entry.segmentsUnknown === true || entry.action?.segmentsUnknown === true;
}

/** The display name of an action: its name, or the file when the name is missing. */
export function actionLabel(entry: CatalogEntry): string {
  return entry.action?.name || entry.file.split('/').pop() || entry.file;
}

/**
 * The tools one contact is offered on one channel, each as the function definition a model receives, and the
 * actions it is not offered with the reason (`invalid`, then `channel`, then `segment`: the first filter that
 * hides it). Entries keep the caller's order (sort them by file for a stable list); function names are made
 * unique over the offered tools in that order.
 */
export function buildCatalog(entries: readonly CatalogEntry[], who: CatalogContact, channel: Channel): Catalog {
  const offered: { entry: CatalogEntry; notes: string[] }[] = [];
  const hidden: HiddenAction[] = [];
  for (const entry of entries) {
    const action = entry.action;
    if (!action || entry.invalid) {
      hidden.push({ file: entry.file, name: actionLabel(entry), reason: 'invalid', detail: INVALID_DETAIL });
      continue;
    }
    const unknown = segmentsUnknown(entry);
    const offer = offerOf(unknown ? { ...action, restrictedToSegments: [] } : action, who, channel);
    if (!offer.offered) hidden.push({ file: entry.file, name: actionLabel(entry), reason: offer.reason, detail: offer.detail });
    else offered.push({ entry, notes: unknown ? [UNKNOWN_SEGMENTS_NOTE] : [] });
  }
  const names = uniqueFunctionNames(offered.map(({ entry }) => entry.action?.name ?? ''));
  const tools = offered.map(({ entry, notes }, i): CatalogTool => {
    const action = entry.action!;
    const { parameters, notes: parameterNotes } = toolParameters(action, who.contact, who.name);
    const renamed = names[i] !== functionNameOf(action.name) ? [`Another offered action comes first with the function name "${functionNameOf(action.name)}", so this one is "${names[i]}".`] : [];
    return { file: entry.file, name: action.name, function: names[i], description: action.description, parameters, notes: [...notes, ...renamed, ...parameterNotes] };
  });
  return { contact: who.name ?? null, channel, tools, hidden };
}

/** The `tools` array as a chat-completions request sends it: what the model reads, and what tokens are counted on. */
export function modelTools(tools: readonly CatalogTool[]): ModelTool[] {
  return tools.map((t) => ({ type: 'function', function: { name: t.function, description: t.description, parameters: t.parameters } }));
}
