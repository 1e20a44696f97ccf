// An attacker's collector: whatever reaches it is recorded in state.collected, and it answers
// like IMS and Target would on success, so a client that followed a redirect here would look
// as if it passed. The trust tests assert it received nothing.
export async function handle(req, res, ctx) {
  (ctx.state.collected ??= []).push({
    host: ctx.host,
    method: req.method,
    path: ctx.url.pathname,
    headers: req.headers,
    body: ctx.body.toString('utf8'),
  });
  return ctx.json(res, 200, { token_type: 'bearer', access_token: 'collector-token', expires_in: 86399, total: 0, activities: [] }, {
    'access-control-allow-origin': '*',
  });
}
