// The `opencx-language-server` bin (issue 13, item 1): declared in package.json, runnable as it is, and talking over
// each transport editors use (stdio, node ipc, socket); without one it says how to start it.
import assert from 'node:assert/strict';
import { fork, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  createProtocolConnection,
  ExitNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, SERVER_JS, withDeadline } from './testSupport';

/** initialize, shutdown and exit over one transport; resolves with the server's name. */
async function handshake(reader: MessageReader, writer: MessageWriter): Promise<string | undefined> {
  const connection = createProtocolConnection(reader, writer);
  connection.listen();
  try {
    const result = await withDeadline(connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} }), 10_000, 'initialize');
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    return result.serverInfo?.name;
  } finally {
    connection.dispose();
  }
}

const exited = (child: { once(event: 'exit', cb: (code: number | null) => void): unknown }) => new Promise<number | null>((resolve) => child.once('exit', resolve));

describe('the opencx-language-server bin', () => {
  it('is declared in package.json, next to opencx-actions, and is an executable script', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.equal(pkg.bin['opencx-language-server'], './dist/server.js');
    assert.equal(pkg.bin['opencx-actions'], './dist/cli.js');
    assert.ok(fs.readFileSync(SERVER_JS, 'utf8').startsWith('#!/usr/bin/env node\n'), 'a shebang');
    assert.ok((fs.statSync(SERVER_JS).mode & 0o111) !== 0, 'executable');
  });

  it('without a transport flag it prints how to start it and exits 2 (no stack trace)', () => {
    const run = spawnSync(process.execPath, [SERVER_JS], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.ok(run.stderr.includes('Usage: opencx-language-server --stdio | --node-ipc | --socket=PORT'), run.stderr);
    assert.ok(!run.stderr.includes('    at '), run.stderr);
  });

  it('--help prints the usage and exits 0; --version prints the package version', () => {
    const help = spawnSync(process.execPath, [SERVER_JS, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio/);
    const version = spawnSync(process.execPath, [SERVER_JS, '--version'], { encoding: 'utf8', timeout: 10_000 });
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), pkg.version);
  });

  it('--stdio: run directly as an executable, it answers initialize and exits 0', async () => {
    const child = spawn(SERVER_JS, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const code = exited(child);
    assert.equal(await handshake(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), 'OpenCX Actions');
    assert.equal(await withDeadline(code, 5_000, 'exit'), 0);
  });

  it('--node-ipc: forked by a Node client, it talks over the IPC channel', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const code = exited(child);
    assert.equal(await handshake(new IPCMessageReader(child), new IPCMessageWriter(child)), 'OpenCX Actions');
    assert.equal(await withDeadline(code, 5_000, 'exit'), 0);
  });

  it('--socket=PORT: it connects to the client listening on that port', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const connected = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const child = spawn(process.execPath, [SERVER_JS, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    const code = exited(child);
    try {
      const socket = await withDeadline(connected, 10_000, 'the server connecting');
      assert.equal(await handshake(new StreamMessageReader(socket), new StreamMessageWriter(socket)), 'OpenCX Actions');
      assert.equal(await withDeadline(code, 5_000, 'exit'), 0);
    } finally {
      child.kill();
      server.close();
    }
  });
});
