// JWT checks the way IMS's /ims/exchange/jwt makes them. Each function returns null when the
// JWT passes, or an IMS error { status, error, error_description } the handler sends as is.
import { X509Certificate, verify } from 'node:crypto';

const MALFORMED = 'JWT token is incorrectly formatted, and can not be decoded.';

function base64urlJson(part) {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) throw new Error('not base64url');
  const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value;
}

/** { header, claims, signingInput, signature } or { problem } for a missing or undecodable JWT. */
export function decodeJwt(token) {
  const parts = typeof token === 'string' ? token.trim().split('.') : [];
  if (parts.length !== 3) return { problem: invalidToken(MALFORMED) };
  try {
    return {
      header: base64urlJson(parts[0]),
      claims: base64urlJson(parts[1]),
      signingInput: Buffer.from(`${parts[0]}.${parts[1]}`),
      signature: Buffer.from(parts[2], 'base64url'),
    };
  } catch {
    return { problem: invalidToken(MALFORMED) };
  }
}

function invalidToken(description) {
  return { status: 400, error: 'invalid_token', error_description: description };
}

/** `aud` must name the client being exchanged for, on the IMS host that was called (prod vs stage). */
export function checkAudience(claims, host, clientId) {
  const m = typeof claims.aud === 'string' ? /^https:\/\/([^/]+)\/c\/([^/]+)$/.exec(claims.aud) : null;
  if (!m) return { status: 400, error: 'invalid_client', error_description: 'JWT aud claim is missing or not an IMS client URL.' };
  if (m[1] !== host) {
    return { status: 400, error: 'invalid_client', error_description: `JWT aud names IMS host ${m[1]}, but this is ${host}.` };
  }
  if (m[2] !== clientId) return { status: 400, error: 'invalid_client', error_description: 'JWT aud claim does not match client_id.' };
  return null;
}

/** `exp` is seconds since the epoch, an integer, judged by IMS's clock (not the caller's). */
export function checkExpiry(claims, nowMs) {
  if (!Number.isInteger(claims.exp)) return invalidToken('JWT exp claim is missing or not an integer.');
  if (claims.exp * 1000 <= nowMs) return invalidToken('JWT token has expired (exp is in the past).');
  return null;
}

/**
 * RS256 against every certificate bound to the credential: Adobe lets several be bound at
 * once (rotation), and does no chain or expiry checks of its own on them.
 */
export function checkSignature(jwt, certificates) {
  // The body AdobeDocs/adobeio-auth#67 quotes: invalid_token, not a signature-specific error.
  const noMatch = invalidToken('Could not match JWT signature to any of the bindings');
  if (jwt.header.alg !== 'RS256' || jwt.signature.length === 0) return noMatch;
  for (const pem of certificates ?? []) {
    let key;
    try {
      key = new X509Certificate(pem).publicKey;
    } catch {
      continue; // a broken upload can't match, but must not hide a good one next to it
    }
    if (verify('sha256', jwt.signingInput, key, jwt.signature)) return null;
  }
  return noMatch;
}

/**
 * `iss`/`sub` must be the credential's org and technical account. Real IMS's exact answer is
 * not documented; invalid_token is the plausible one (client id and secret already proved the
 * client, it is the token's claims that are wrong), so the fake uses it.
 */
export function checkIdentity(claims, credential) {
  if (claims.iss !== credential.orgId) return invalidToken('JWT iss claim does not match the organization of the client.');
  if (claims.sub !== credential.technicalAccountId) return invalidToken('JWT sub claim does not match the technical account of the client.');
  return null;
}

/** Metascope claims: at least one, all `true`-valued, all for this IMS host and bound to the credential. */
export function checkMetascopes(claims, host, credential) {
  const requested = [];
  for (const [name, value] of Object.entries(claims)) {
    const m = /^https?:\/\/([^/]+)\/s\/(.+)$/.exec(name);
    if (m && value === true) requested.push({ host: m[1], metascope: m[2] });
  }
  const bound = new Set(credential.metascopes ?? []);
  const subset = requested.every((r) => r.host === host && bound.has(r.metascope));
  if (requested.length === 0 || !subset) {
    return { status: 400, error: 'invalid_scope', error_description: 'The metascopes in the JWT are not a subset of the metascopes in the binding.' };
  }
  return null;
}

/** The metascopes a valid JWT asked for (what the access token will carry). */
export function metascopesOf(claims) {
  return Object.keys(claims).filter((k) => /\/s\/.+$/.test(k) && claims[k] === true).map((k) => k.split('/s/')[1]);
}
