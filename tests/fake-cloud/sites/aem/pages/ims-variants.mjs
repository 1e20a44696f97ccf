// Which IMS configuration Create form a request gets, and the `name` attribute of each field
// in it. `single` is the one-page form of AEM as a Cloud Service and AEM 6.5 SP20+ (Adobe's
// screenshots, tests/fake-cloud/PAGES.md); the others are the two-step wizard (Certificate,
// Account) of AEM 6.5 before SP20 and variants of it. The 6.5 names are the create servlet's
// parameters (adobe-surfaces.md §4: read in code that posts to it, their use as field names
// inferred); the `./` names are guesses. The `labels` variant gives fields opaque names so the
// extension's label matching is exercised: names on real pages may change without notice.

export const VARIANTS = {
  // AEM 6.5 before Service Pack 20: JWT only.
  '65-jwt': { label: 'AEM 6.5 (before SP20)', authTypes: false, cloudLabel: 'Cloud Configuration' },
  // AEM 6.5 SP20 and later: JWT or OAuth Server-to-Server.
  65: { label: 'AEM 6.5 SP20+', authTypes: true, cloudLabel: 'Cloud Configuration' },
  // AEM as a Cloud Service and 6.5 SP20+ (V, screenshots): one page, OAuth fields, no
  // Authentication Type, no steps (pages/ims-create.mjs). It replaced the `oauth-only` wizard
  // variant (OAuth fields, no select, but two steps), a guess the screenshots settled.
  single: { label: 'AEM as a Cloud Service / 6.5 SP20+ (one page)', single: true, cloudLabel: 'Cloud Solution' },
  // The two-step wizard with Sling-style "./" names and both authentication types: what the
  // fake served AEM as a Cloud Service before the screenshots (G), kept as a variant.
  cloud: { label: 'Two-step wizard, "./" names', authTypes: true, cloudLabel: 'Cloud Solution' },
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
  if (variant === 'cloud' || variant === 'single') return `./${key}`;
  if (variant === 'labels') return `f${IMS_FIELDS.findIndex((f) => f.key === key) + 1}`;
  return key;
}

/** Which AEM a request is for: `?variant=` wins, else the host decides (AEMaaCS hosts get `cloud`). */
export function variantFor(url, host) {
  const asked = url.searchParams.get('variant');
  if (asked && asked in VARIANTS) return asked;
  return host.endsWith('.adobeaemcloud.com') ? 'cloud' : '65';
}

/**
 * The Create form a request gets: `?variant=` wins, then `state.aem.imsCreateForm`, else the
 * host decides: AEMaaCS hosts the one-page `single` (Adobe's screenshots), the 6.5 host the
 * two-step `65`.
 */
export function createFormFor(url, host, state) {
  const asked = url.searchParams.get('variant');
  if (asked && asked in VARIANTS) return asked;
  if (state?.aem?.imsCreateForm in VARIANTS) return state.aem.imsCreateForm;
  return host.endsWith('.adobeaemcloud.com') ? 'single' : '65';
}
