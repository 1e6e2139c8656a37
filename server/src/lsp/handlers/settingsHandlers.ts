import { DidChangeConfigurationNotification } from 'vscode-languageserver';
import { logError, runSafeVoid } from '../safe';
import type { ServerSession } from './session';

/** Puts the settings in force for each file into the index; every finding may change. */
function applySettings(session: ServerSession): void {
  const { settings } = session;
  session.sync.reconfigure((workspace) => workspace.configure((id) => settings.settingsFor(id).rules));
}

/**
 * At `initialized`: asks to be told of settings changes only when the client offers dynamic registration (Neovim
 * 0.7 does not, and warns when asked), and pulls the settings when the client can answer.
 */
export async function startSettings(session: ServerSession): Promise<void> {
  const { connection, features, settings } = session;
  if (features.registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'opencx' });
  await settings.pullAll().catch((error) => logError(connection, 'reading settings', error));
  applySettings(session);
}

/** A file opened outside every folder has settings of its own: pulled with its URI as `scopeUri`. */
export async function pullSettingsForFile(session: ServerSession, uri: string): Promise<void> {
  if (!session.settings.needsPull(uri)) return;
  await session.settings.pullScope(uri);
  applySettings(session);
}

/**
 * `workspace/didChangeConfiguration`: pushed `settings.opencx` are kept (they hold wherever a pull answers nothing),
 * and a client that can pull is asked again for every scope.
 */
export function registerSettingsHandlers(session: ServerSession): void {
  const { connection } = session;
  connection.onDidChangeConfiguration((params) => runSafeVoid(connection, 'reading settings', async () => {
    const { settings } = session;
    const pushed = (params.settings as { opencx?: unknown } | null | undefined)?.opencx;
    const changed = settings.push(pushed);
    if (session.features.pullConfiguration) await settings.pullAll(settings.fileScopes());
    else if (!changed) return;
    applySettings(session);
  }));
}
