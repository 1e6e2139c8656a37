import {
  actionProblems, formatPlanText, organisationNames, orgInputOf, randomIds, resolveRequest, runInputs, type Workspace,
} from '../engine';
import type { ActionDescription, OrganisationNames, ResolveParams, ResolveResponse } from '../protocol';

/** The inputs and organisation of one action, for the run command and the pickers. */
export function describeAction(workspace: Workspace, uri: string): ActionDescription | null {
  const action = workspace.action(uri);
  const document = workspace.document(uri);
  if (!action || !document) return null;
  const org = workspace.orgFor(uri);
  const model = org?.model;
  const { environments, contacts } = organisationNames(model ? [model] : []);
  return {
    actionName: action.name || 'this action',
    inputs: runInputs(action),
    ...(org && model
      ? { config: { uri: org.id, status: org.status, environments, contacts, ...(model.defaultEnvironment ? { defaultEnvironment: model.defaultEnvironment } : {}), ...(model.defaultContact ? { defaultContact: model.defaultContact } : {}) } }
      : {}),
    problems: document.wellFormed ? actionProblems(action, document.value).map((p) => p.message) : ['the file is not valid JSON'],
  };
}

/**
 * The request plan for one action in the workspace as it is now (open editors included). `isSecretSet` (from the
 * client's secret names) adds the same "secret not set" notes as the CLI's plan.
 */
export function resolveAction(workspace: Workspace, params: ResolveParams, isSecretSet?: (name: string) => boolean): ResolveResponse {
  const document = workspace.document(params.uri);
  const action = workspace.action(params.uri);
  if (!document || !action) return { ok: false, code: 'not-an-action', message: 'this file is not an OpenCX action the workspace knows' };
  if (!document.wellFormed) return { ok: false, code: 'invalid-action', message: 'the action file is not valid JSON: fix its syntax errors first' };
  const result = resolveRequest({
    action: { file: params.uri, value: document.value, model: action },
    org: orgInputOf(workspace.orgFor(params.uri)),
    ...(params.selection.environment !== undefined ? { environment: params.selection.environment } : {}),
    ...(params.selection.contact !== undefined ? { contact: params.selection.contact } : {}),
    values: params.values,
    mode: params.mode,
    ids: randomIds,
    ...(isSecretSet ? { isSecretSet } : {}),
  });
  if (!result.ok) {
    const { code, message, available, missing } = result.error;
    return { ok: false, code, message, ...(available ? { available } : {}), ...(missing ? { missing } : {}) };
  }
  return { ok: true, plan: result.value, planText: formatPlanText(result.value) };
}

/** Every environment and contact the workspace's configs define, and their defaults, for the pickers. */
export function workspaceOrganisation(workspace: Workspace): OrganisationNames {
  const models = workspace.configModels();
  const defaultEnvironment = models.find((m) => m.defaultEnvironment)?.defaultEnvironment;
  const defaultContact = models.find((m) => m.defaultContact)?.defaultContact;
  return { ...organisationNames(models), ...(defaultEnvironment ? { defaultEnvironment } : {}), ...(defaultContact ? { defaultContact } : {}) };
}
