// Fake Adobe IMS (ims-na1 and its stage twin ims-na1-stg1): the JWT exchange and the OAuth
// Server-to-Server token call, with IMS's status codes and { error, error_description }
// bodies (shared/reference/adobe-surfaces.md §6). No CORS headers: IMS does not serve
// arbitrary origins, so only the extension's service worker (host permissions) gets through.
import { cloudNow, dateHeader } from '../../clock.mjs';
import { checkAudience, checkExpiry, checkIdentity, checkMetascopes, checkSignature, decodeJwt, metascopesOf } from './jwt.mjs';
import { JWT_EXPIRES_IN_MS, OAUTH_EXPIRES_IN_S, mintToken } from './tokens.mjs';

const ROUTES = {
  '/ims/exchange/jwt': exchangeJwt,
  '/ims/token/v3': tokenV3,
};

export async function handle(req, res, ctx) {
  const started = performance.now();
  // Server-Timing carries IMS's own handling time, so a client can tell it from its own
  // overhead (the bench's check_overhead); the same figure is kept in state.imsTimings.
  const reply = (status, obj) => {
    const dur = performance.now() - started;
    ctx.state.imsTimings?.push({ path: ctx.url.pathname, status, durMs: dur });
    return ctx.json(res, status, obj, { date: dateHeader(ctx.state), 'server-timing': `app;dur=${dur.toFixed(3)}` });
  };
  const route = ROUTES[ctx.url.pathname];
  if (!route) return reply(404, { error: 'not_found', error_description: `No IMS endpoint at ${ctx.url.pathname}` });
  if (req.method !== 'POST') return reply(405, { error: 'method_not_allowed', error_description: 'Use POST' });

  const faults = ctx.state.faults;
  if (faults.imsRedirectTo) {
    // A 307 keeps the method and body: a client that follows it posts client_id,
    // client_secret and scope to the new address (an attack on a network path or a proxy).
    res.writeHead(307, { location: faults.imsRedirectTo, 'cache-control': 'no-store' });
    res.end();
    return true;
  }
  if (faults.imsHang) {
    // Leave the request unanswered; server.close() destroys the socket (closeAllConnections).
    return true;
  }
  if (faults.imsDelayMs > 0) {
    // A slow IMS: the answer comes, late (network latency, a busy IMS).
    await new Promise((r) => setTimeout(r, faults.imsDelayMs));
  }
  if (faults.imsAnswer) {
    // An answer a test chose, e.g. one IMS Link does not recognise.
    return reply(faults.imsAnswer.status, faults.imsAnswer.body);
  }
  if (faults.imsFailNext > 0) {
    faults.imsFailNext -= 1;
    return reply(500, { error: 'internal_error', error_description: 'An internal error occurred. Please try again later.' });
  }
  // A route returns an IMS error { status, error, error_description } or { status: 200, body }.
  const out = route(formFields(req, ctx.body), ctx);
  return reply(out.status, out.body ?? { error: out.error, error_description: out.error_description });
}

// IMS only reads form bodies: a JSON body reads as "no client_id", as it does at IMS.
function formFields(req, body) {
  const type = req.headers['content-type'] ?? '';
  return type.toLowerCase().startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body.toString('utf8')) : new URLSearchParams();
}

/**
 * Client id, then secret. Both answers are 400 invalid_client, told apart only by
 * error_description (adobe-surfaces.md §6: code handling live IMS answers matches exactly these
 * two bodies on a 400).
 */
function authenticateClient(fields, state) {
  const clientId = fields.get('client_id') ?? '';
  const credential = Object.hasOwn(state.credentials, clientId) ? state.credentials[clientId] : null;
  if (!credential) return { problem: { status: 400, error: 'invalid_client', error_description: 'invalid client_id parameter' } };
  // While a secret is rotated, every secret of the credential is valid (V: several secrets).
  const secrets = credential.clientSecrets?.length ? credential.clientSecrets.map((c) => c.secret) : [credential.clientSecret];
  if (!secrets.includes(fields.get('client_secret'))) {
    return { problem: { status: 400, error: 'invalid_client', error_description: 'invalid client_secret parameter' } };
  }
  return { clientId, credential };
}

/**
 * Check order: client, secret, JWT decodable, aud, credential still JWT, signature, exp,
 * iss/sub, metascopes.
 */
function exchangeJwt(fields, ctx) {
  const { state, host } = ctx;
  const client = authenticateClient(fields, state);
  if (client.problem) return client.problem;
  const { clientId, credential } = client;
  const jwt = decodeJwt(fields.get('jwt_token'));
  if (jwt.problem) return jwt.problem;
  const problem = checkAudience(jwt.claims, host, clientId)
    ?? migrated(credential)
    ?? checkSignature(jwt, credential.certificates)
    ?? checkExpiry(jwt.claims, cloudNow(state))
    ?? checkIdentity(jwt.claims, credential)
    ?? checkMetascopes(jwt.claims, host, credential);
  if (problem) return problem;
  const scope = metascopesOf(jwt.claims).join(',');
  const accessToken = mintToken(state, { host, clientId, credential, grant: 'jwt', scope, ttlMs: JWT_EXPIRES_IN_MS });
  return { status: 200, body: { token_type: 'bearer', access_token: accessToken, expires_in: JWT_EXPIRES_IN_MS } };
}

// Real IMS answers a JWT exchange for a converted credential with a 500 "internal_error",
// "Please try again later" (V: AdobeDocs/adobe-dev-console issue 124, a live answer).
function migrated(credential) {
  if (credential.type === 'jwt' && !credential.migratedToOAuth) return null;
  return { status: 500, error: 'internal_error', error_description: 'Please try again later' };
}

/** Check order: grant_type, client, secret, credential has OAuth S2S, scopes. */
function tokenV3(fields, ctx) {
  const { state, host } = ctx;
  const grant = fields.get('grant_type');
  if (grant !== 'client_credentials') {
    return { status: 400, error: 'unsupported_grant_type', error_description: `grant_type ${grant ?? '(missing)'} is not supported` };
  }
  const client = authenticateClient(fields, state);
  if (client.problem) return client.problem;
  const { clientId, credential } = client;
  if (credential.type === 'jwt' && !credential.migratedToOAuth) {
    return { status: 400, error: 'invalid_client', error_description: 'Client is not allowed to use the client_credentials grant' };
  }
  const requested = (fields.get('scope') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const granted = new Set(credential.scopes ?? []);
  const unknown = requested.filter((s) => !granted.has(s));
  // No scope at all is refused too: the product must send the credential's scopes explicitly.
  if (requested.length === 0 || unknown.length > 0) {
    return { status: 400, error: 'invalid_scope', error_description: `invalid scope (${unknown.join(',') || 'none requested'})` };
  }
  const scope = requested.join(',');
  const accessToken = mintToken(state, { host, clientId, credential, grant: 'client_credentials', scope, ttlMs: OAUTH_EXPIRES_IN_S * 1000 });
  return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: OAUTH_EXPIRES_IN_S } };
}
