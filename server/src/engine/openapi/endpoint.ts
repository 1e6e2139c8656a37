/** Where an operation's endpoint comes from, or why it cannot be determined. */
export type BaseUrl = { ok: true; url: string; upgradedFromHttp: boolean } | { ok: false; message: string };

/**
 * The base URL of an operation: `--server` when given, else the first server that applies (a relative one is
 * resolved against the spec's URL when the spec was fetched from one). OpenCX only calls `https://`, so an
 * `http://` server is taken as `https://` (the caller notes it).
 */
export function baseUrlOf(servers: string[], override: string | undefined, specLocation: string): BaseUrl {
  const given = override ?? servers[0];
  if (given === undefined) return { ok: false, message: 'the spec has no server URL (servers[0].url, or host for Swagger 2.0); give one with --server' };
  if (/\{[^}]*\}/.test(given)) return { ok: false, message: `the server URL "${given}" has a variable without a default; give one with --server` };
  let url: URL;
  try {
    url = /^[a-z][a-z0-9+.-]*:/i.test(specLocation) && !specLocation.startsWith('file:') ? new URL(given, specLocation) : new URL(given);
  } catch {
    return { ok: false, message: `the server URL "${given}" is not absolute and the spec was not fetched from a URL it could be relative to; give one with --server` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `the server URL "${given}" is not http(s); give one with --server` };
  const upgradedFromHttp = url.protocol === 'http:';
  const text = `https://${url.host}${decodeURI(url.pathname)}`.replace(/\/+$/, '');
  return { ok: true, url: text, upgradedFromHttp };
}

/** The endpoint: the base URL and the operation's path, `{param}` kept as OpenCX wants it. */
export function joinEndpoint(base: string, path: string): string {
  return `${base}/${path.replace(/^\/+/, '')}`.replace(/\/$/, (m) => (path.endsWith('/') ? m : ''));
}
