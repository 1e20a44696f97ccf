// Adobe Target's edge (`<clientCode>.tt.omtrdc.net`) and a site's first-party CNAME for it:
// at.js 2.x posts `/rest/v1/delivery?client=<clientCode>&sessionId=…&version=…` (V, Target
// delivery API docs and at.js builds) with a text/plain body (no CORS preflight) and
// credentials. The answer is an empty delivery response; every call is kept in
// `state.deliveries` ({ host, client }). edge.adobedc.net answers the Web SDK's
// `/ee/v1/interact` with an empty response.
export async function handle(req, res, { url, host, state }) {
  const origin = req.headers.origin;
  const cors = origin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' } : {};
  if (host === 'edge.adobedc.net' && url.pathname === '/ee/v1/interact') {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', ...cors });
    res.end(JSON.stringify({ requestId: 'fake-request', handle: [] }));
    return true;
  }
  if (url.pathname !== '/rest/v1/delivery') {
    res.writeHead(404, { 'content-type': 'application/json', ...cors });
    res.end('{"status":404,"message":"Not found"}');
    return true;
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' });
    res.end();
    return true;
  }
  const client = url.searchParams.get('client') ?? '';
  (state.deliveries ??= []).push({ host, client });
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', ...cors });
  res.end(JSON.stringify({ status: 200, requestId: 'fake-request', client, id: { tntId: 'fake.35_0' }, edgeHost: 'mboxedge35.tt.omtrdc.net', execute: { pageLoad: { options: [] } } }));
  return true;
}
