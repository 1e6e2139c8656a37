// A self-signed certificate for 127.0.0.1, 127.0.0.2 (the "other host" of redirect tests) and localhost, made when a test starts (no private key is committed).
// With `openssl` on the PATH it makes the certificate; without it, the certificate is assembled here in DER with
// node:crypto (an ECDSA P-256 key, basicConstraints CA:TRUE and a subjectAltName, signed with itself).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCertificate {
  key: string;
  cert: string;
  /** How it was made. */
  maker: 'openssl' | 'node:crypto';
}

export function selfSignedCertificate(): TestCertificate {
  return opensslCertificate() ?? nodeCertificate();
}

function opensslCertificate(): TestCertificate | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-cert-'));
  try {
    const run = spawnSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,IP:127.0.0.2,DNS:localhost',
    ], { encoding: 'utf8' });
    if (run.error || run.status !== 0) return undefined;
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'), maker: 'openssl' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function nodeCertificate(): TestCertificate {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(set(seq(oid('2.5.4.3'), der(0x0c, Buffer.from('127.0.0.1')))));
  const day = 24 * 3600 * 1000;
  const serial = crypto.randomBytes(8);
  serial[0] &= 0x7f;
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    ecdsaWithSha256,
    name,
    seq(utcTime(new Date(Date.now() - day)), utcTime(new Date(Date.now() + 2 * day))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, seq(
      seq(oid('2.5.29.19'), der(0x01, Buffer.from([0xff])), der(0x04, seq(der(0x01, Buffer.from([0xff]))))),
      seq(oid('2.5.29.17'), der(0x04, seq(der(0x87, Buffer.from([127, 0, 0, 1])), der(0x87, Buffer.from([127, 0, 0, 2])), der(0x82, Buffer.from('localhost'))))),
    )),
  );
  const signature = crypto.sign('sha256', tbs, privateKey);
  const certificate = seq(tbs, ecdsaWithSha256, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const base64 = certificate.toString('base64').replace(/.{1,64}/g, '$&\n');
  return {
    key: String(privateKey.export({ type: 'pkcs8', format: 'pem' })),
    cert: `-----BEGIN CERTIFICATE-----\n${base64}-----END CERTIFICATE-----\n`,
    maker: 'node:crypto',
  };
}

function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const length: number[] = [];
  for (let n = body.length; n > 0; n = Math.floor(n / 256)) length.unshift(n % 256);
  const lengthBytes = body.length < 0x80 ? [body.length] : [0x80 | length.length, ...length];
  return Buffer.concat([Buffer.from([tag, ...lengthBytes]), body]);
}

const seq = (...content: Buffer[]) => der(0x30, ...content);
const set = (...content: Buffer[]) => der(0x31, ...content);

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const n of rest) {
    const groups = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) groups.unshift((v & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return der(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return der(0x17, Buffer.from(text));
}
