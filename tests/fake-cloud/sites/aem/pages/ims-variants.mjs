// Which IMS configuration wizard a request gets, and the `name` attribute of each field in
// it. The 6.5 names are the create servlet's parameters (adobe-surfaces.md §4: read in
// code that posts to it, their use as field names inferred); the OAuth and Cloud Service
// names are guesses. The `labels` variant gives fields opaque names so the extension's
// label matching is exercised: names on real pages may change without notice.

export const VARIANTS = {
  // AEM 6.5 before Service Pack 20: JWT only.
  '65-jwt': { label: 'AEM 6.5 (before SP20)', authTypes: false, cloudLabel: 'Cloud Configuration' },
  // AEM 6.5 SP20 and later: JWT or OAuth Server-to-Server.
  65: { label: 'AEM 6.5 SP20+', authTypes: true, cloudLabel: 'Cloud Configuration' },
  // AEM as a Cloud Service: same screens, Sling-style "./" names.
  cloud: { label: 'AEM as a Cloud Service', authTypes: true, cloudLabel: 'Cloud Solution' },
  // A Create form that no longer makes JWT configurations (adobe-surfaces.md §8: JWT "can no
  // longer be created"; whether the select stays is G): OAuth fields, no Authentication Type.
  'oauth-only': { label: 'AEM (OAuth only, no Authentication Type)', authTypes: false, only: 'oauth', cloudLabel: 'Cloud Solution' },
  // Names the extension cannot know: only the labels identify the fields.
  labels: { label: 'AEM (unknown field names)', authTypes: true, cloudLabel: 'Cloud Configuration' },
};

/** Field keys in the order a user meets them; `auth` limits a field to one authentication type. */
export const IMS_FIELDS = [
  { key: 'cloudServiceName', step: 'certificate' },
  { key: 'newKeypair', step: 'certificate' },
  { key: 'newKeypairAlias', step: 'certificate' },
  { key: 'keypairAlias', step: 'certificate' },
  { key: 'authType', step: 'account' },
  { key: 'title', step: 'account', label: 'Title', required: true },
  { key: 'authServerUrl', step: 'account', label: 'Authorization Server', required: true, placeholder: 'https://ims-na1.adobelogin.com' },
  { key: 'apiKey', step: 'account', label: 'API Key', required: true, auth: 'jwt' },
  { key: 'clientId', step: 'account', label: 'Client ID', required: true, auth: 'oauth' },
  { key: 'clientSecret', step: 'account', label: 'Client Secret', required: true, secret: true },
  { key: 'jwtClaims', step: 'account', label: 'Payload', required: true, auth: 'jwt', textarea: true },
  { key: 'scope', step: 'account', label: 'Scope', required: true, auth: 'oauth', placeholder: 'openid,AdobeID,target_sdk' },
  { key: 'orgId', step: 'account', label: 'Org ID', required: true, auth: 'oauth' },
];

/** The name attribute of field `key` in `variant`. */
export function fieldName(variant, key) {
  if (variant === 'cloud' || variant === 'oauth-only') return `./${key}`;
  if (variant === 'labels') return `f${IMS_FIELDS.findIndex((f) => f.key === key) + 1}`;
  return key;
}

/** The variant for a request: `?variant=` wins, else the host decides (AEMaaCS hosts get `cloud`). */
export function variantFor(url, host) {
  const asked = url.searchParams.get('variant');
  if (asked && asked in VARIANTS) return asked;
  return host.endsWith('.adobeaemcloud.com') ? 'cloud' : '65';
}
