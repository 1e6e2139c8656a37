#!/usr/bin/env node
// The example shop's API, for trying the examples/ actions locally (`npm run demo`) and for the end-to-end tests.
// HTTPS with a certificate for api.acme-shop.example made at start (openssl; nothing private is committed): the
// examples' "local-demo" environment connects that host to 127.0.0.1:8443 (connectTo), so the URL, Host header
// and certificate name stay the real ones, as OpenCX would use them.
//
//   node scripts/demo-api.mjs [--port 8443] [--ca-out FILE]     prints one JSON line {"port", "caFile"} when ready
//
// Routes (Authorization must be "Bearer demo-token"; anything else gets 401):
//   GET   /v1/orders/:id                 200 the order (10452, 10453), 404 "order N not found"; order 500 fails with
//                                        an HTML error page (with a <script>: the run view must show it as text)
//   POST  /v1/orders/:id/refunds         201 a refund (VIP: X-Customer-Tier gold), 403 otherwise
//   PATCH /v1/orders/:id/shipping-address 200 the new address, 409 when the order has shipped
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const DEMO_HOST = 'api.acme-shop.example';
export const DEMO_TOKEN = 'demo-token';

const ORDERS = {
  10452: { id: 10452, status: 'shipped', carrier: 'DHL', tracking_number: 'JD014600006281234567', shipped: true },
  10453: { id: 10453, status: 'processing', carrier: null, tracking_number: null, shipped: false },
};

/** A self-signed certificate for the demo host (and 127.0.0.1), made with openssl in a temp folder. */
export function demoCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-demo-cert-'));
  const run = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    '-subj', `/CN=${DEMO_HOST}`, '-addext', `subjectAltName=DNS:${DEMO_HOST},IP:127.0.0.1`,
  ], { encoding: 'utf8' });
  if (run.error || run.status !== 0) throw new Error(`openssl could not make the demo certificate: ${run.stderr || run.error}`);
  return { dir, key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
}

function send(res, status, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' });
  res.end(text);
}

/** What a misconfigured server returns: an HTML page the AI cannot use, with markup that must never run. */
function sendHtmlError(res) {
  res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!DOCTYPE html><html><head><title>500</title></head><body><h1>Internal Server Error</h1>'
    + '<script>document.title = "pwned"</script><img src="x" onerror="document.title = \'pwned\'"></body></html>');
}

function readBody(req) {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { text += chunk; });
    req.on('end', () => {
      try { resolve(text ? JSON.parse(text) : {}); } catch { resolve(undefined); }
    });
  });
}

async function handle(req, res) {
  const url = new URL(req.url, `https://${DEMO_HOST}`);
  if (req.headers.authorization !== `Bearer ${DEMO_TOKEN}`) return send(res, 401, 'missing or invalid API token: expected "Authorization: Bearer <token>"');
  const match = /^\/v1\/orders\/([^/]+)(\/refunds|\/shipping-address)?$/.exec(url.pathname);
  if (!match) return send(res, 404, `no route for ${req.method} ${url.pathname}`);
  if (match[1] === '500' && !match[2]) return sendHtmlError(res);
  const order = ORDERS[match[1]];
  if (!order) return send(res, 404, `order ${decodeURIComponent(match[1])} not found`);
  if (!match[2] && req.method === 'GET') {
    const fields = url.searchParams.get('fields')?.split(',');
    return send(res, 200, fields ? Object.fromEntries(['id', ...fields].map((f) => [f, order[f] ?? null])) : order);
  }
  const body = await readBody(req);
  if (body === undefined) return send(res, 400, 'the body is not valid JSON');
  if (match[2] === '/refunds' && req.method === 'POST') {
    if (req.headers['x-customer-tier'] !== 'gold') return send(res, 403, 'refunds through the assistant are for VIP customers only');
    return send(res, 201, { refund_id: `re_${order.id}_1`, order_id: order.id, amount_cents: body.amount_cents ?? 4990, reason: body.reason ?? 'other' });
  }
  if (match[2] === '/shipping-address' && req.method === 'PATCH') {
    if (order.shipped) return send(res, 409, `order ${order.id} has already shipped; its address can no longer change`);
    return send(res, 200, { order_id: order.id, shipping_address: body });
  }
  return send(res, 405, `${req.method} is not allowed on ${url.pathname}`);
}

/** Starts the API; resolves with the port and the certificate (its PEM is the CA a client must trust). */
export async function startDemoApi({ port = 8443 } = {}) {
  const certificate = demoCertificate();
  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    handle(req, res).catch((error) => send(res, 500, `demo API error: ${error.message}`));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    cert: certificate.cert,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      fs.rmSync(certificate.dir, { recursive: true, force: true });
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8443' }, 'ca-out': { type: 'string' } } });
  const api = await startDemoApi({ port: Number(values.port) }).catch((error) => {
    console.error(error.code === 'EADDRINUSE' ? `port ${values.port} is in use: stop what uses it, or pass --port` : String(error.message ?? error));
    process.exit(2);
  });
  const caFile = values['ca-out'] ?? path.join(os.tmpdir(), `opencx-demo-ca-${api.port}.pem`);
  fs.writeFileSync(caFile, api.cert);
  console.log(JSON.stringify({ port: api.port, caFile }));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.close().then(() => process.exit(0)));
}
