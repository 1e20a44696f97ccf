// The cURL samples the Console shows for a credential (token endpoints per Adobe's docs).
const IMS = 'https://ims-na1.adobelogin.com';

/** OAuth Server-to-Server: the v3 token call. Placeholder until the secret was retrieved. */
export function oauthCurl(cred, secret) {
  return [
    `curl -X POST '${IMS}/ims/token/v3' \\`,
    "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
    `  -d 'grant_type=client_credentials&client_id=${cred.clientId}&client_secret=${secret ?? '{CLIENT_SECRET}'}&scope=${cred.scopes.join(',')}'`,
  ].join('\n');
}

/** Service Account (JWT): the JWT exchange, with the signed JWT as a placeholder. */
export function jwtCurl(cred, secret, jwt) {
  return [
    `curl -X POST '${IMS}/ims/exchange/jwt' \\`,
    "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
    `  -d 'client_id=${cred.clientId}&client_secret=${secret ?? '{CLIENT_SECRET}'}&jwt_token=${jwt ?? '{JWT}'}'`,
  ].join('\n');
}

/** The JWT payload the "Generate JWT" view shows: expiry 24 hours ahead, one claim per metascope. */
export function jwtPayload(cred, now = Date.now()) {
  const payload = { exp: Math.round(now / 1000) + 24 * 60 * 60, iss: cred.orgId, sub: cred.technicalAccountId };
  for (const m of cred.metascopes) payload[`${IMS}/s/${m}`] = true;
  payload.aud = `${IMS}/c/${cred.clientId}`;
  return payload;
}
