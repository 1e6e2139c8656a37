import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type Connection, type ExecuteCommandParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { secretEnvironmentVariable, type Workspace } from '../../engine';
import { SERVER_COMMANDS, type ApplyFixArgs } from '../../protocol';
import { neighboursMessage } from '../neighbours';
import { runSafe } from '../safe';
import type { ServerSession } from './session';

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where the credential's value has to go now that the file holds `${secret:NAME}`; the value itself is never shown. */
export function secretMovedMessage(secretName: string): string {
  return `The credential is now \${secret:${secretName}} in the file. Set its value in the environment variable ${secretEnvironmentVariable(secretName)} where you run opencx-actions (this editor stores no secrets); undo brings the literal back.`;
}

/** A path for messages: the file system path of a file URI, the URI otherwise. */
function displayPath(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}

/** The overlap lens's message outside VS Code: every action this one overlaps, with its file and line. */
export function overlapsMessage(workspace: Workspace, uri: string): string {
  const overlaps = workspace.overlapsOf(uri);
  const name = workspace.action(uri)?.name ?? displayPath(uri);
  if (!overlaps.length) return `"${name}" overlaps no other action.`;
  const lines = overlaps.map((o) => {
    const line = workspace.document(o.otherId)?.keyRangeAt(['name'])?.start.line;
    return `"${o.otherName}" (${displayPath(o.otherId)}${line !== undefined ? `:${line + 1}` : ''})`;
  });
  return `"${name}" overlaps ${lines.join(', ')}: the AI could pick one for the other.`;
}

/** A message to read, as a notification: `showInformationMessage` would be a request that waits for an answer. */
function inform(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
}

function invalid(command: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${command}: unexpected arguments`);
}

async function execute(session: ServerSession, { command, arguments: args = [] }: ExecuteCommandParams): Promise<null | ResponseError<void>> {
  const { connection, sync } = session;
  const [first] = args as unknown[];
  switch (command) {
    case SERVER_COMMANDS.applyFix: {
      const fix = first as ApplyFixArgs | undefined;
      if (!fix || typeof fix.edit?.changes !== 'object' || (fix.secretName !== undefined && !SECRET_NAME.test(fix.secretName))) return invalid(command);
      const applied = await connection.workspace.applyEdit(fix.edit);
      if (!applied.applied) return new ResponseError(ErrorCodes.InternalError, `the editor did not apply the fix${applied.failureReason ? `: ${applied.failureReason}` : ''}`);
      if (fix.secretName) inform(connection, secretMovedMessage(fix.secretName));
      return null;
    }
    case SERVER_COMMANDS.secretMoved: {
      const secretName = (first as { secretName?: unknown } | undefined)?.secretName;
      if (typeof secretName !== 'string' || !SECRET_NAME.test(secretName)) return invalid(command);
      inform(connection, secretMovedMessage(secretName));
      return null;
    }
    case SERVER_COMMANDS.showOverlaps: {
      if (typeof first !== 'string') return invalid(command);
      sync.flush(first);
      inform(connection, overlapsMessage(sync.workspace, first));
      return null;
    }
    case SERVER_COMMANDS.showNeighbours: {
      if (typeof first !== 'string') return invalid(command);
      sync.flush(first);
      inform(connection, neighboursMessage(sync.workspace, first));
      return null;
    }
    default:
      return new ResponseError(ErrorCodes.InvalidParams, `unknown command ${command}`);
  }
}

/** `workspace/executeCommand` for the server's own commands (`opencx.server.*`), which any client can run. */
export function registerCommandHandlers(session: ServerSession): void {
  session.connection.onExecuteCommand((params, token) => runSafe(session.connection, `running ${params.command}`, token, null, () => execute(session, params)));
}
