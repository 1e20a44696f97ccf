// What AEM does server side when an admin clicks Check Health or Connect: it asks Adobe IMS
// for a token with what it stored (OAuth: client id, secret, scopes; JWT: a JWT signed with the
// private key of its own key pair alias), then calls the Target API with that token. The
// fake IMS and Target handlers answer in-process, with the same rules (and faults) they apply
// to the extension's own calls, so a wrong value saved in AEM fails here as in real AEM.
import { createPrivateKey, sign } from 'node:crypto';
import { cloudNow } from '../../../clock.mjs';
import { handle as imsHandle } from '../../ims/handler.mjs';
import { handle as targetHandle } from '../../target-api/handler.mjs';

/** Runs a fake site's handler on a request made here; resolves to { status, body }. */
async function callSite(handle, state, { method, host, path, headers = {}, body = '' }) {
  let out = { status: 0, body: null };
  const res = {
    writeHead(status, h = {}) { out = { status, body: null, location: h.location }; },
    end() {},
  };
  const json = (_res, status, obj) => { out = { status, body: obj }; return true; };
  const req = { method, headers };
  await handle(req, res, { url: new URL(`https://${host}${path}`), host, body: Buffer.from(body), state, json });
  return out;
}

const b64url = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');

/** A JWT signed RS256 with `privateKeyPem`, claims from the stored payload and a fresh exp. */
function signJwt(claims, privateKeyPem, nowMs) {
  const input = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ ...claims, exp: Math.floor(nowMs / 1000) + 300 })}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey(privateKeyPem)).toString('base64url');
  return `${input}.${signature}`;
}

/**
 * AEM's token request for one stored IMS configuration.
 * Resolves to { ok: true, token } or { ok: false, status, body, reason } (reason: AEM's own
 * refusal before any call, e.g. a key pair alias it does not hold).
 */
export async function requestToken(state, config) {
  const server = (config.authServerUrl || 'https://ims-na1.adobelogin.com').replace(/\/+$/, '');
  let host;
  try {
    host = new URL(server).host;
  } catch {
    return { ok: false, reason: `Invalid authorization server URL: ${server}` };
  }
  let path;
  let fields;
  if (config.authType === 'oauth') {
    path = '/ims/token/v3';
    fields = { grant_type: 'client_credentials', client_id: config.clientId ?? '', client_secret: config.clientSecret ?? '', scope: config.scope ?? '' };
  } else {
    // AEM signs with the private key of the alias it stored: a key pair made elsewhere is
    // unknown to it unless imported into its keystore.
    const pair = state.aem.keypairs?.[config.keypairAlias ?? ''];
    if (!pair) return { ok: false, reason: `No private key found for key pair alias "${config.keypairAlias ?? ''}" in the authentication-service keystore` };
    let claims;
    try {
      claims = JSON.parse(config.jwtClaims ?? '');
    } catch {
      return { ok: false, reason: 'The payload of the configuration is not valid JSON' };
    }
    path = '/ims/exchange/jwt';
    fields = { client_id: config.clientId ?? '', client_secret: config.clientSecret ?? '', jwt_token: signJwt(claims, pair.privateKey, cloudNow(state)) };
  }
  if (!['ims-na1.adobelogin.com', 'ims-na1-stg1.adobelogin.com'].includes(host)) {
    return { ok: false, reason: `Could not reach the authorization server ${server}` };
  }
  const answer = await callSite(imsHandle, state, {
    method: 'POST', host, path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  if (answer.status === 200 && answer.body?.access_token) return { ok: true, token: answer.body.access_token };
  return { ok: false, status: answer.status, body: answer.body };
}

/** AEM's Connect: a token for the IMS configuration, then the Target API for the tenant. */
export async function connectTarget(state, config, tenant) {
  const token = await requestToken(state, config);
  if (!token.ok) return { ok: false, stage: 'ims', ...token };
  const answer = await callSite(targetHandle, state, {
    method: 'GET', host: 'mc.adobe.io', path: `/${encodeURIComponent(tenant)}/target/activities?limit=1`,
    headers: { authorization: `Bearer ${token.token}`, 'x-api-key': config.clientId ?? '', accept: 'application/vnd.adobe.target.v1+json' },
  });
  if (answer.status === 200) return { ok: true };
  return { ok: false, stage: 'target', status: answer.status, body: answer.body };
}
