#!/usr/bin/env node
// `npm run demo`: the way to try the product. Starts the example shop's API (scripts/demo-api.mjs) on
// 127.0.0.1:8443 and a real VS Code (code-server, as the end-to-end tests use) with this extension on examples/,
// then prints the URL to open. In VS Code: set the secret SHOP_API_TOKEN to "demo-token" (OpenCX: Set Secret…),
// open an action, and run it (the ▶ Run code lens, the editor title button, or Ctrl+Alt+Enter).
//
// The examples' default environment, "local-demo", connects api.acme-shop.example to the demo API (connectTo);
// the demo trusts the API's self-signed certificate through the opencx.run.caCertificates setting.
//   DEMO_PORT (code-server, default 8080) · DEMO_API_PORT must stay 8443 unless you change examples/opencx.config.json
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoApi, DEMO_TOKEN } from './demo-api.mjs';
import {
  codeServerEntry, DEFAULT_VSCODE_VERSION, installHint, quietUserSettings, remoteUri, REPO_ROOT, serverEnvironment,
  startCodeServer, stopProcessGroup, VSCODE_BUILDS, waitForHealthy, workbenchUrl,
} from './lib/codeServer.mjs';

const build = VSCODE_BUILDS[DEFAULT_VSCODE_VERSION];
const entry = codeServerEntry(build);
if (!fs.existsSync(entry)) {
  console.error(`code-server is not installed: ${installHint(build)}`);
  process.exit(2);
}
if (!fs.existsSync(path.join(REPO_ROOT, 'dist/client.js'))) {
  console.error('the extension is not built: npm run build');
  process.exit(2);
}

const api = await startDemoApi({ port: Number(process.env.DEMO_API_PORT ?? 8443) }).catch((error) => {
  console.error(error.code === 'EADDRINUSE' ? 'port 8443 is in use: stop whatever listens there (the examples connect to it)' : String(error));
  process.exit(2);
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-demo-'));
const caFile = path.join(dir, 'demo-api-ca.pem');
fs.writeFileSync(caFile, api.cert);
const userDataDir = path.join(dir, 'user-data');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
  ...quietUserSettings(false),
  'opencx.run.caCertificates': [caFile],
}, null, 2));
fs.writeFileSync(path.join(dir, 'code-server.yaml'), 'auth: none\ncert: false\n');

const port = Number(process.env.DEMO_PORT ?? 8080);
let stopping = false;
const server = startCodeServer({
  entry, serverNode: build.node, port, configFile: path.join(dir, 'code-server.yaml'), userDataDir,
  extensionsDir: path.join(dir, 'extensions'), workspaceTrust: false,
  env: serverEnvironment({ XDG_CONFIG_HOME: path.join(dir, 'xdg-config'), XDG_DATA_HOME: path.join(dir, 'xdg-data'), XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }),
  logFile: path.join(dir, 'server.log'),
  onExit: (reason) => { if (!stopping) { console.error(reason); void stop(1); } },
});

async function stop(code) {
  stopping = true;
  await stopProcessGroup(server);
  await api.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

await waitForHealthy(port).catch((error) => { console.error(String(error.message)); return stop(1); });
const examples = path.join(REPO_ROOT, 'examples');
console.log(`
OpenCX Actions demo
  example API   https://api.acme-shop.example → 127.0.0.1:${api.port} (token "${DEMO_TOKEN}")
  VS Code       ${workbenchUrl(port, examples, [['extensionDevelopmentPath', remoteUri(REPO_ROOT)]])}

In VS Code:
  1. OpenCX: Set Secret…  →  SHOP_API_TOKEN  →  ${DEMO_TOKEN}
  2. open examples/actions/look-up-order.action.json and press ▶ Run (order_id 10452, or 999 for a 404)
  3. try the contact picker in the status bar (jane-vip can refund, bob-customer gets a 403)
Ctrl+C stops the demo.`);
