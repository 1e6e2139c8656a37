// A fake chat-completions server on 127.0.0.1 for the routing test: it records every request (headers and body)
// and answers as the test says: a tool call, no tool call, a 429, a hang, a 500. Real endpoints are never called.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: any;
  raw: string;
}

/** What the fake does for one request. */
export type FakeAnswer =
  | { call: string; arguments?: Record<string, unknown> }
  | { noCall: true }
  /** A plain text answer (Suggest Utterances asks without tools). */
  | { content: string }
  | { status: number; retryAfter?: string; body?: string }
  | { hang: true };

export class FakeModel {
  readonly requests: RecordedRequest[] = [];
  private constructor(private readonly server: http.Server, readonly baseUrl: string) {}

  /** Starts the fake; `answer` decides each response from the request's body and how many came before it. */
  static async start(answer: (body: any, index: number) => FakeAnswer): Promise<FakeModel> {
    let fake: FakeModel | undefined;
    const server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const body = raw ? JSON.parse(raw) : undefined;
        const index = fake!.requests.length;
        fake!.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, raw });
        const reply = answer(body, index);
        if ('hang' in reply) return; // never answers: the client's timeout must fire
        if ('status' in reply) {
          res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.retryAfter ? { 'retry-after': reply.retryAfter } : {}) });
          res.end(reply.body ?? JSON.stringify({ error: { message: `fake error ${reply.status}`, type: 'fake' } }));
          return;
        }
        const message = 'call' in reply
          ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${index}`, type: 'function', function: { name: reply.call, arguments: JSON.stringify(reply.arguments ?? {}) } }] }
          : { role: 'assistant', content: 'content' in reply ? reply.content : 'I cannot help with that.' };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `chatcmpl-${index}`, object: 'chat.completion', created: 0, model: body?.model, choices: [{ index: 0, message, finish_reason: 'call' in reply ? 'tool_calls' : 'stop' }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeModel(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
    return fake;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
