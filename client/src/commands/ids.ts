import { CLIENT_COMMANDS } from '../../../server/src/protocol';

/** Every command id the extension registers, in one place (package.json contributes the same ids). */
export const COMMANDS = {
  setSecret: 'opencx.setSecret',
  listSecrets: 'opencx.listSecrets',
  clearSecret: 'opencx.clearSecret',
  selectEnvironment: 'opencx.selectEnvironment',
  selectContact: 'opencx.selectContact',
  showRequestPlan: CLIENT_COMMANDS.showRequestPlan,
  runAction: CLIENT_COMMANDS.runAction,
  showRunHistory: 'opencx.showRunHistory',
  newAction: 'opencx.newAction',
  moveToSecret: CLIENT_COMMANDS.moveToSecret,
  peekLocations: CLIENT_COMMANDS.peekLocations,
  revealProblem: CLIENT_COMMANDS.revealProblem,
  importOpenApi: 'opencx.importOpenApi',
  showCatalog: CLIENT_COMMANDS.showCatalog,
  groupActionsByTag: 'opencx.actionsView.groupByTag',
  groupActionsBySegment: 'opencx.actionsView.groupBySegment',
  refreshActions: 'opencx.actionsView.refresh',
} as const;

/** The explorer view of the workspace's actions (package.json contributes it). */
export const ACTIONS_VIEW_ID = 'opencx.actions';
