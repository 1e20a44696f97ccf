// Access tokens as IMS mints them: JWT-shaped strings (clients must treat them as opaque) that
// the fake Target API looks up in state.tokens.
import { randomBytes, randomUUID } from 'node:crypto';
import { cloudNow } from '../../clock.mjs';

/** JWT exchange reports expires_in in milliseconds: a day, less the few ms IMS spent minting. */
export const JWT_EXPIRES_IN_MS = 86_399_993;
/** OAuth Server-to-Server reports expires_in in seconds. */
export const OAUTH_EXPIRES_IN_S = 86_399;

const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');

/**
 * Mints a token, records it in state.tokens and returns it. expiresAt is on the cloud's clock
 * so a skewed IMS and the Target API agree on when it lapses.
 */
export function mintToken(state, { host, clientId, credential, grant, scope, ttlMs }) {
  const now = cloudNow(state);
  const region = host.startsWith('ims-na1-stg1') ? 'ims-na1-stg1' : 'ims-na1';
  const header = { alg: 'RS256', x5u: `${region}-key-at-1.cer`, kid: `${region}-key-at-1`, itt: 'at' };
  const payload = {
    id: `${now}_${randomUUID()}_ue1`,
    type: 'access_token',
    client_id: clientId,
    user_id: credential.technicalAccountId,
    as: region,
    aa_id: credential.technicalAccountId,
    created_at: String(now),
    expires_in: String(ttlMs),
    scope,
  };
  const token = `${b64(header)}.${b64(payload)}.${randomBytes(256).toString('base64url')}`;
  state.tokens[token] = { clientId, orgId: credential.orgId, expiresAt: now + ttlMs, grant, scope, host };
  return token;
}
