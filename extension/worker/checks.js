// The IMS check and the Target connection check. The wasm core builds, sends (to the
// allow-listed Adobe hosts only) and judges; the token stays here, in session memory.
import * as core from '../pkg/ims_link.js';
import { broadcast, read, write } from './session.js';

const value = (sourced) => sourced?.value;

export async function checkIms(timeoutMs) {
  const { profile, keyPair } = await read('profile', 'keyPair');
  const p = profile ?? {};
  const input = {
    authType: value(p.authType),
    authServer: value(p.authorizationServer),
    clientId: value(p.clientId) ?? '',
    clientSecret: value(p.clientSecret) ?? '',
    scopes: value(p.scopes) ?? [],
    payload: value(p.payload),
    privateKeyPem: keyPair?.privateKeyPem,
    timeoutMs: timeoutMs ?? undefined,
  };
  const { report, token } = await core.checkIms(input, Date.now());
  const { checks = {} } = await read('checks');
  await write({ token: token ?? null, checks: { ...checks, ims: report, target: null } });
  broadcast({ type: 'ProfileChanged' });
  return { type: 'CheckResult', report };
}

export async function checkTarget(timeoutMs) {
  const { profile, token, checks = {} } = await read('profile', 'token', 'checks');
  const p = profile ?? {};
  const fresh = token && token.expiresAtMs > Date.now() ? token.accessToken : '';
  const report = await core.checkTarget({
    tenant: value(p.tenant) ?? '',
    clientId: value(p.clientId) ?? '',
    accessToken: fresh,
    timeoutMs: timeoutMs ?? undefined,
  });
  await write({ checks: { ...checks, target: report } });
  broadcast({ type: 'ProfileChanged' });
  return { type: 'CheckResult', report };
}
