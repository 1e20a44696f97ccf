// For tests of the fake cloud itself: an HTTPS request to one of its host names, sent to
// 127.0.0.1 with the real Host header, as Chromium sends it under --host-resolver-rules.
import { request as httpsRequest } from 'node:https';

/**
 * `fetchFake(cloud, 'https://ims-na1.adobelogin.com/ims/token/v3', {method, headers, body, timeoutMs})`
 * -> { status, headers, text, json() }. With timeoutMs, a silent server rejects with code 'ETIMEDOUT'
 * (what a hung IMS must look like to a caller that gives up).
 */
export function fetchFake(cloud, url, { method = 'GET', headers = {}, body, timeoutMs } = {}) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port: cloud.port, path: u.pathname + u.search, method, servername: u.hostname,
        headers: { host: u.hostname, ...headers }, rejectUnauthorized: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    if (body !== undefined) req.write(body);
    req.end();
  });
}
