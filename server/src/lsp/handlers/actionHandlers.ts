import { ActiveSelectionNotification, CatalogRequest, DescribeActionRequest, OrganisationNamesRequest, ResolveRequest, RouteInputsRequest, SuggestSubjectRequest, SecretNamesNotification, WorkspaceActionsRequest, type NeighboursLensData, type ResolveResponse } from '../../protocol';
import { catalogView, workspaceActions } from '../catalogRequests';
import { routeInputs, suggestSubject } from '../routeRequests';
import { describeAction, resolveAction, workspaceOrganisation } from '../actionRequests';
import { codeActionsFor } from '../codeActions';
import { codeLensesFor } from '../codeLens';
import { resolveNeighboursLens } from '../neighbours';
import { runSafe, runSafeVoid } from '../safe';
import type { ServerSession } from './session';

/** Code lenses and quick fixes, and OpenCX's own messages (the selection, secret names, plans, run inputs). */
export function registerActionHandlers(session: ServerSession): void {
  const { connection, sync } = session;
  connection.onCodeLens((params, token) => runSafe(connection, 'code lenses', token, [], async () => {
    await session.whenReady(params.textDocument.uri);
    sync.flush(params.textDocument.uri);
    return codeLensesFor(sync.workspace, params.textDocument.uri, session.features.clientCommands);
  }));
  // Only the neighbours lens is answered without a command (see codeLens.ts): its neighbours are computed here.
  connection.onCodeLensResolve((lens, token) => runSafe(connection, 'resolving a code lens', token, lens, async () => {
    const uri = (lens.data as Partial<NeighboursLensData> | undefined)?.neighboursOf;
    if (typeof uri !== 'string') return lens;
    await session.whenReady(uri);
    sync.flush(uri);
    return resolveNeighboursLens(sync.workspace, lens, uri, session.features.clientCommands);
  }));
  connection.onCodeAction((params, token) => runSafe(connection, 'code actions', token, [], async () => {
    await session.whenReady(params.textDocument.uri);
    return codeActionsFor(sync.workspace, params, session.features);
  }));
  connection.onNotification(ActiveSelectionNotification.type, (selection) => runSafeVoid(connection, 'changing the selection', () => sync.setSelection(selection)));
  connection.onNotification(SecretNamesNotification.type, ({ names }) => runSafeVoid(connection, 'updating secret names', () => sync.setSecretNames(names)));
  connection.onRequest(DescribeActionRequest.type, ({ uri }, token) => runSafe(connection, 'describing an action', token, null, async () => {
    await session.whenReady(uri);
    sync.flush(uri);
    return describeAction(sync.workspace, uri);
  }));
  connection.onRequest(OrganisationNamesRequest.type, (token) => runSafe(connection, 'listing environments and contacts', token, { environments: [], contacts: [] }, () => workspaceOrganisation(sync.workspace)));
  const planFailed: ResolveResponse = { ok: false, code: 'internal', message: 'the server could not plan this request (see the OpenCX Actions output)' };
  connection.onRequest(ResolveRequest.type, (params, token) => runSafe(connection, 'resolving a request', token, planFailed, async () => {
    await session.whenReady(params.uri);
    sync.flush(params.uri);
    return resolveAction(sync.workspace, params, sync.context.isSecretSet);
  }));
  // The catalog and the explorer view read the whole workspace: pending edits are applied first.
  connection.onRequest(CatalogRequest.type, (params, token) => runSafe(connection, 'building the catalog', token, null, () => {
    sync.flushAll();
    return catalogView(sync.workspace, params);
  }));
  connection.onRequest(RouteInputsRequest.type, (params, token) => runSafe(connection, 'collecting the routing test', token, null, () => {
    sync.flushAll();
    return routeInputs(sync.workspace, params);
  }));
  connection.onRequest(SuggestSubjectRequest.type, ({ uri }, token) => runSafe(connection, 'describing an action for suggestions', token, null, async () => {
    await session.whenReady(uri);
    sync.flush(uri);
    return suggestSubject(sync.workspace, uri);
  }));
  connection.onRequest(WorkspaceActionsRequest.type, (token) => runSafe(connection, 'listing actions', token, [], () => {
    sync.flushAll();
    return workspaceActions(sync.workspace);
  }));
}
