// Key pairs, certificates and signed JWTs for tests of the fake IMS and for the e2e tests:
// the same artefacts a user makes with Adobe's documented openssl command and AEM's wizard.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from 'node:crypto';

/** A fresh RSA 2048 key and self-signed X.509 certificate: { privateKeyPem, certificatePem }. */
export function makeKeyPair({ cn = 'test', days = 1 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ims-link-jwt-key-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-sha256', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-days', String(days),
      '-keyout', join(dir, 'private.key'), '-out', join(dir, 'certificate_pub.crt')], { stdio: 'ignore' });
    return {
      privateKeyPem: readFileSync(join(dir, 'private.key'), 'utf8'),
      certificatePem: readFileSync(join(dir, 'certificate_pub.crt'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');

/** A compact RS256 JWT of `claims` (header overridable to test bad algorithms). */
export function signJwt(claims, privateKeyPem, header = { alg: 'RS256', typ: 'JWT' }) {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKeyPem).toString('base64url')}`;
}

/**
 * The payload the Developer Console shows for a JWT credential, with a fresh exp
 * (now + 300 s, as Adobe's libraries do). `imsHost` selects prod or stage.
 */
export function jwtClaims(credential, clientId, { imsHost = 'ims-na1.adobelogin.com', metascopes = credential.metascopes, expSeconds = 300, nowMs = Date.now() } = {}) {
  const claims = {
    exp: Math.floor(nowMs / 1000) + expSeconds,
    iss: credential.orgId,
    sub: credential.technicalAccountId,
    aud: `https://${imsHost}/c/${clientId}`,
  };
  for (const m of metascopes) claims[`https://${imsHost}/s/${m}`] = true;
  return claims;
}

/** The form body of POST /ims/exchange/jwt. */
export function jwtExchangeForm(clientId, clientSecret, jwt) {
  return new URLSearchParams({ client_id: clientId, client_secret: clientSecret, jwt_token: jwt }).toString();
}
