import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { InputValues } from './inputs';
import type { RunView } from './view';

/** One run, as OpenCX records a tool call on the conversation: when, what, with which inputs, and how it ended. */
export interface HistoryEntry {
  id: string;
  time: string;
  actionName: string;
  actionUri: string;
  environment?: string;
  contact?: string;
  values: InputValues;
  outcome: RunView['outcome'];
  status: number | null;
  aiBytes: number;
  durationMs: number;
  /** The headers as sent, masked (secret references and masked literals only). */
  headers: { name: string; value: string; source: string }[];
}

/** Stored bodies are cut here: history keeps what the webview shows, not 100 MB responses. */
const STORED_BODY_CHARS = 256 * 1024;

/**
 * Run history in the extension's workspace storage: an index plus one file per run with its view, so any result
 * can be reopened. Nothing in it is a secret: views hold secret references and masked values only.
 */
export class RunHistory {
  constructor(private readonly folder: vscode.Uri, private readonly limit: () => number) {}

  private get indexUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, 'index.json');
  }

  async entries(): Promise<HistoryEntry[]> {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.indexUri)));
      return Array.isArray(parsed) ? (parsed as HistoryEntry[]) : [];
    } catch {
      return [];
    }
  }

  async record(view: RunView, actionUri: vscode.Uri, values: InputValues): Promise<HistoryEntry> {
    const entry: HistoryEntry = {
      id: randomUUID(),
      time: view.ranAt,
      actionName: view.actionName,
      actionUri: actionUri.toString(),
      ...(view.environment ? { environment: view.environment } : {}),
      ...(view.contact ? { contact: view.contact } : {}),
      values,
      outcome: view.outcome,
      status: view.ai.status,
      aiBytes: view.ai.bytes,
      durationMs: Math.round(view.response.timing.totalMs),
      headers: view.request.headers.map((h) => ({ name: h.name, value: h.value, source: h.source })),
    };
    const stored: RunView = view.ai.body.length > STORED_BODY_CHARS ? { ...view, ai: { ...view.ai, body: view.ai.body.slice(0, STORED_BODY_CHARS), truncated: true }, prettyJson: undefined } : view;
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.folder, `${entry.id}.json`), new TextEncoder().encode(JSON.stringify(stored)));
    const all = [entry, ...(await this.entries())];
    for (const old of all.splice(this.limit())) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.folder, `${old.id}.json`)).then(undefined, () => undefined);
    }
    await vscode.workspace.fs.writeFile(this.indexUri, new TextEncoder().encode(JSON.stringify(all, null, 1)));
    return entry;
  }

  async view(entry: HistoryEntry): Promise<RunView | undefined> {
    try {
      return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, `${entry.id}.json`)))) as RunView;
    } catch {
      return undefined;
    }
  }
}
