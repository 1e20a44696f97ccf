// Adobe I/O Gateway in front of mc.adobe.io: it checks the token and API key before Target
// sees the call, and answers in its own shape { error_code, message }, not Target's.
import { cloudNow } from '../../clock.mjs';

const gatewayError = (status, code, message) => ({ status, body: { error_code: code, message } });

/** { token, record } for a call that passes, or { status, body } to send back. */
export function admit(req, state) {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const token = m && Object.hasOwn(state.tokens, m[1]) ? state.tokens[m[1]] : null;
  // Expiry on the cloud's clock, the same one IMS minted the token with.
  if (!token || token.expiresAt <= cloudNow(state)) return gatewayError(401, '401013', 'Oauth token is not valid');
  const apiKey = req.headers['x-api-key'];
  if (!apiKey) return gatewayError(403, '403000', 'Api Key is required');
  if (apiKey !== token.clientId) return gatewayError(403, '403003', 'Api Key is invalid');
  return { token };
}

/** The integration has no Target product profile on this tenant (Admin Console). */
export const PROFILE_NOT_VALID = gatewayError(403, '403025', 'Profile is not valid');
