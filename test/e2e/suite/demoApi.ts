// The example shop's API for e2e runs, and the environment that sends the examples' requests to it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { workspaceUri } from './util';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The example shop's API (scripts/demo-api.mjs) on a free port, with its self-signed certificate written out. */
export async function startDemoApi(): Promise<{ port: number; caFile: string; process: ChildProcess }> {
  const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-e2e-ca-')), 'ca.pem');
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/demo-api.mjs'), '--port', '0', '--ca-out', caFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.once('exit', (code) => reject(new Error(`demo API exited with ${code}`)));
  });
  return { ...(JSON.parse(line) as { port: number }), caFile, process: child };
}

/**
 * Makes an environment (by default a new "e2e" one) connect the shop's host to the local API, trusts its
 * certificate, and makes that environment and jane-vip active.
 */
export async function useLocalApi(port: number, caFile: string, environment = 'e2e'): Promise<void> {
  const configUri = workspaceUri('opencx.config.json');
  const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri)));
  config.environments[environment] = { ...config.environments[environment], connectTo: { 'api.acme-shop.example': `127.0.0.1:${port}` } };
  await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(JSON.stringify(config, null, 2)));
  await vscode.workspace.getConfiguration('opencx.run').update('caCertificates', [caFile], vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('opencx.selectEnvironment', environment);
  await vscode.commands.executeCommand('opencx.selectContact', 'jane-vip');
}

