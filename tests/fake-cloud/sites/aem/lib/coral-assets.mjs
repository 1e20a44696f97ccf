// Coral Spectrum's dist files, served under /etc.clientlibs/coral/ as AEM serves its
// clientlibs. Read from node_modules (resolved from this file, like Node resolves imports),
// so the fake pages run the same component code a Coral page runs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';

export const CORAL_PREFIX = '/etc.clientlibs/coral/';
const DIST = join(dirname(createRequire(import.meta.url).resolve('@adobe/coral-spectrum/package.json')), 'dist');
// Only what a page loads: the bundle, its stylesheet and the icon sets.
const ALLOWED = ['js/coral.min.js', 'css/coral.min.css', 'resources/'];
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
// 1 MB of script and 1.7 MB of CSS: read once per process, not per page.
const cache = new Map();

/** Answers GET /etc.clientlibs/coral/<file>; false for other paths. */
export function serveCoral(res, pathname) {
  if (!pathname.startsWith(CORAL_PREFIX)) return false;
  const rel = normalize(pathname.slice(CORAL_PREFIX.length));
  if (rel.includes('..') || !ALLOWED.some((a) => (a.endsWith('/') ? rel.startsWith(a) : rel === a))) return false;
  let body = cache.get(rel);
  if (!body) {
    try {
      body = readFileSync(join(DIST, rel));
    } catch {
      return false;
    }
    cache.set(rel, body);
  }
  res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
  res.end(body);
  return true;
}
