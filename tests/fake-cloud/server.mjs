// The fake Adobe cloud: one local HTTPS server that answers for Adobe's real host names.
// Chromium reaches it through --host-resolver-rules, so the extension under test is the
// one users install. Pages follow shared/reference/adobe-surfaces.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createState } from './state.mjs';

const SITES = new URL('./sites/', import.meta.url).pathname;

/**
 * Host names the fake cloud plays, and the site folder that answers for each. A folder may
 * hold a `handler.mjs` exporting `handle(req, res, ctx)` that answers first (APIs, forms);
 * it returns false to fall through to the folder's static files. `ctx` is
 * { url, host, body (Buffer), state, json(res, status, obj) }.
 */
export const HOSTS = {
  'experience.adobe.com': 'experience',
  // Where the Unified Shell loads solution UIs (Target) from, in its iframe (adobe-surfaces.md §8).
  'experience.adobe.net': 'solutions',
  'exc-unifiedcontent.experience.adobe.net': 'solutions',
  'acme.experiencecloud.adobe.com': 'legacy',
  'weretailprod.experiencecloud.adobe.com': 'legacy',
  'developer.adobe.com': 'console',
  'ims-na1.adobelogin.com': 'ims',
  'ims-na1-stg1.adobelogin.com': 'ims',
  'mc.adobe.io': 'target-api',
  // AEM 6.5 on premise, and an AEM as a Cloud Service author.
  'author.aem.test': 'aem',
  'author-p12345-e67890.adobeaemcloud.com': 'aem',
  // A customer's site running at.js (tenant and client code in the page's world).
  'www.acme-shop.test': 'site',
  // Target's edge, where at.js sends its delivery requests: Adobe's host for client code
  // "acme", and the site's own first-party CNAME for it (adobe-surfaces.md §8).
  'acme.tt.omtrdc.net': 'edge',
  'target.acme-shop.test': 'edge',
  // The Experience Platform Edge Network, where Web SDK (alloy) sites send their events.
  'edge.adobedc.net': 'edge',
  // Not Adobe: a page IMS Link must ignore.
  'www.example.test': 'other',
  // An attacker's hosts (tests/e2e/trust-*.test.mjs): where a redirect points (it records what
  // reaches it in state.collected and must receive nothing), and look-alike AEM pages.
  'collector.evil.test': 'collector',
  'evil.test': 'evil',
  'ims-na1.adobelogin.com.evil.test': 'collector',
  // The fake AEM 6.5 author over plain http (issue 14: no secret goes there).
  'author-http.aem.test': 'aem',
};

/** Hosts served over plain http, on a second port. */
const HTTP_HOSTS = ['author-http.aem.test'];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' };

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'fake-adobe-cert-'));
  try {
    const san = Object.keys(HOSTS).map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=fake-adobe-cloud',
      '-addext', `subjectAltName=${san}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function serveFile(res, site, path) {
  const rel = normalize(path === '/' || path.endsWith('/') ? `${path}index.html` : path).replace(/^(\.\.[/\\])+/, '');
  const file = join(SITES, site, rel);
  if (!file.startsWith(join(SITES, site)) || file.endsWith('.mjs')) return notFound(res);
  let body;
  try {
    body = readFileSync(file);
  } catch {
    return notFound(res);
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(body);
}

function json(res, status, obj, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(obj));
  return true;
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>404</title><h1>Not found</h1>');
}

/**
 * Starts the fake cloud on 127.0.0.1, or another loopback address (Firefox reaches it on 443),
 * on a free port unless given.
 * Returns { host, port, hostRules, requests, state, close }: `requests` records every request
 * seen; `state` is the shared fake-Adobe state (state.mjs), for tests to set up and inspect.
 */
export async function startFakeCloud({ port = 0, host: address = '127.0.0.1', state = createState() } = {}) {
  const requests = [];
  const handlers = {};
  for (const site of new Set(Object.values(HOSTS))) {
    const file = join(SITES, site, 'handler.mjs');
    handlers[site] = await import(file).then((m) => m.handle, () => null);
  }
  const answer = async (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0].toLowerCase();
    const url = new URL(req.url, `https://${host}`);
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    requests.push({ host, method: req.method, path: url.pathname, search: url.search, headers: req.headers, body: body.toString() });
    const site = HOSTS[host];
    if (!site) return notFound(res);
    try {
      if (handlers[site] && (await handlers[site](req, res, { url, host, body, state, json }))) return;
    } catch (err) {
      console.error(`fake cloud: ${host}${url.pathname}:`, err);
      return json(res, 500, { error: 'internal_error', error_description: 'fake cloud handler failed' });
    }
    serveFile(res, site, url.pathname);
  };
  const server = createServer(selfSignedCertificate(), answer);
  const httpServer = createHttpServer(answer);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => { server.off('error', reject); resolve(); });
  });
  await new Promise((resolve) => httpServer.listen(0, address, resolve));
  const actual = server.address().port;
  const httpPort = httpServer.address().port;
  const hostRules = Object.keys(HOSTS)
    .map((h) => `MAP ${h} ${address}:${HTTP_HOSTS.includes(h) ? httpPort : actual}`)
    .join(', ');
  return {
    host: address,
    port: actual,
    hostRules,
    requests,
    state,
    close: () => Promise.all([server, httpServer].map((srv) => new Promise((resolve) => { srv.closeAllConnections?.(); srv.close(resolve); }))),
  };
}

// `node server.mjs [port]` runs it on its own (used by ./build.sh demo).
if (import.meta.url === `file://${process.argv[1]}`) {
  const cloud = await startFakeCloud({ port: Number(process.argv[2] ?? 8443) });
  console.log(`fake Adobe cloud on https://127.0.0.1:${cloud.port}`);
  console.log(`--host-resolver-rules="${cloud.hostRules}"`);
}
