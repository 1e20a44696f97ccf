// The IMS configurations console, its create wizard and the servlets they post to.
import { X509Certificate } from 'node:crypto';
import { imsConsolePage, HEALTH_PATH } from '../pages/ims-console.mjs';
import { IMS_FIELDS, VARIANTS, createFormFor, fieldName } from '../pages/ims-variants.mjs';
import { CONSOLE_PATH, UPDATE_PATH, WIZARD_PATH, imsWizardPage } from '../pages/ims-wizard.mjs';
import { PROPERTIES_PATH, imsPropertiesPage } from '../pages/ims-properties.mjs';
import { imsCreatePage } from '../pages/ims-create.mjs';
import { parseFormBody } from './form-body.mjs';
import { sendHtml } from './html.mjs';
import { requestToken } from './adobe-calls.mjs';
import { createKeypair } from './keypair.mjs';

const CERTIFICATE_PATH = '/libs/cq/adobeims-configuration/content/configurations/certificate';
const PUBLIC_KEY_PATH = '/libs/cq/adobeims-configuration/content/configurations/publickey';

// The wizard's posted names depend on its variant; the stored configuration does not.
function byKey(fields) {
  for (const variant of Object.keys(VARIANTS)) {
    if (fieldName(variant, 'title') in fields) {
      return Object.fromEntries(IMS_FIELDS.map((f) => [f.key, fields[fieldName(variant, f.key)]]).filter(([, v]) => v !== undefined));
    }
  }
  return {};
}

export async function handleIms(req, res, ctx) {
  const { url, state, json } = ctx;
  const path = url.pathname;
  if (req.method === 'GET' && path === CONSOLE_PATH) {
    const variant = url.searchParams.get('variant');
    return sendHtml(res, imsConsolePage(state, variant ? `?variant=${encodeURIComponent(variant)}` : ''));
  }
  if (req.method === 'GET' && path === PROPERTIES_PATH) {
    const page = imsPropertiesPage(state, url.searchParams.get('item'));
    return page ? sendHtml(res, page) : json(res, 404, { message: 'No such IMS configuration' });
  }
  // `state.aem.imsCreatePath`: the Create form served at another address too (the real one is
  // in no public source, PAGES.md: G), e.g. under /mnt/overlay/.
  if (req.method === 'GET' && (path === WIZARD_PATH || (state.aem.imsCreatePath && path === state.aem.imsCreatePath))) {
    const variant = createFormFor(url, ctx.host, state);
    if (VARIANTS[variant].single) return sendHtml(res, imsCreatePage(variant));
    return sendHtml(res, imsWizardPage(variant, Object.keys(state.aem.keypairs ?? {})));
  }
  if (req.method === 'POST' && path === UPDATE_PATH) {
    const fields = parseFormBody(req.headers['content-type'], ctx.body);
    state.aemSubmissions.push({ path, fields });
    const v = byKey(fields);
    if (!v.title) return json(res, 400, { message: 'Title is required' });
    // Properties: Save & Close updates the stored configuration (the migration path).
    const existing = fields.id ? state.aem.imsConfigs.find((c) => c.id === fields.id) : null;
    if (existing) {
      const authType = v.authType ?? existing.authType;
      Object.assign(existing, {
        title: v.title, authType, authServerUrl: v.authServerUrl ?? existing.authServerUrl,
        clientId: (authType === 'oauth' ? v.clientId : v.apiKey) ?? existing.clientId,
        clientSecret: v.clientSecret ?? existing.clientSecret,
        scope: v.scope ?? existing.scope, orgId: v.orgId ?? existing.orgId, jwtClaims: v.jwtClaims ?? existing.jwtClaims,
      });
      state.aem.actions.push({ action: 'saveProperties', id: existing.id, authType });
      return json(res, 200, { status: 'ok', id: existing.id });
    }
    const config = {
      id: `${v.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'ims'}-${state.aem.imsConfigs.length + 1}`,
      title: v.title,
      cloudServiceName: v.cloudServiceName ?? '',
      authType: v.authType ?? (v.jwtClaims !== undefined ? 'jwt' : 'oauth'),
      clientId: v.clientId ?? v.apiKey ?? '',
      authServerUrl: v.authServerUrl ?? '',
      keypairAlias: v.keypairAlias ?? '',
      // What AEM's Check Health and Connect use (adobe-calls.mjs); a real AEM keeps the secret encrypted.
      clientSecret: v.clientSecret ?? '',
      scope: v.scope ?? '',
      orgId: v.orgId ?? '',
      jwtClaims: v.jwtClaims ?? '',
    };
    state.aem.imsConfigs.push(config);
    return json(res, 200, { status: 'ok', id: config.id });
  }
  if (req.method === 'POST' && path === CERTIFICATE_PATH) {
    const alias = new URLSearchParams(ctx.body.toString()).get('alias')?.trim();
    if (!alias) return json(res, 400, { message: 'An alias is required' });
    state.aem.keypairs ??= {};
    state.aem.keypairs[alias] = createKeypair(alias);
    state.aem.actions.push({ action: 'createCertificate', alias });
    return json(res, 200, { alias, publicKeyUrl: `${PUBLIC_KEY_PATH}?alias=${encodeURIComponent(alias)}` });
  }
  if (req.method === 'GET' && path === PUBLIC_KEY_PATH) {
    const pair = state.aem.keypairs?.[url.searchParams.get('alias')];
    if (!pair) return json(res, 404, { message: 'No such certificate' });
    // PEM or DER is G (PAGES.md): `state.aem.publicKeyFormat = 'der'` serves the DER variant.
    const der = state.aem.publicKeyFormat === 'der';
    res.writeHead(200, { 'content-type': 'application/x-x509-ca-cert', 'content-disposition': 'attachment; filename="AEM-Adobe-IMS.crt"' });
    res.end(der ? new X509Certificate(pair.certificate).raw : pair.certificate);
    return true;
  }
  if (req.method === 'POST' && path === HEALTH_PATH) {
    const id = new URLSearchParams(ctx.body.toString()).get('id');
    const config = state.aem.imsConfigs.find((c) => c.id === id);
    if (!config) return json(res, 404, { message: `No IMS configuration ${id}` });
    const result = await requestToken(state, config);
    state.aem.actions.push({ action: 'checkHealth', id, ok: result.ok });
    if (result.ok) return json(res, 200, { status: 'ok', message: HEALTH_OK });
    return json(res, 200, { status: 'error', message: healthFailure(state, result) });
  }
  return false;
}

// V: adobe-surfaces.md §4, §8.
export const HEALTH_OK = 'Token retrieved successfully!';

/**
 * AEM's words when the token request fails. How real AEM words it is not documented (G): one
 * variant quotes IMS's answer (what AEM's error.log carries), the other says only that it
 * failed (state.aem.healthText = 'plain'). IMS Link must explain both.
 */
export function healthFailure(state, result) {
  if (result.reason) return `Error: ${result.reason}`;
  if (state.aem.healthText === 'plain') return 'Error: Unable to retrieve an access token. See the error.log for details.';
  return `Error: Unable to retrieve an access token. IMS responded with status ${result.status}: ${JSON.stringify(result.body ?? {})}`;
}
