// An IMS configuration's Properties (select it in the console, "Properties"): the Account
// fields of the wizard for one stored configuration, "Save & Close". This is where the
// documented JWT → OAuth migration happens (adobe-surfaces.md §8, V): Authentication Type
// OAuth, Client ID, Client Secret, Scope, Org ID, Save & Close. The path and the per-row
// Properties link are G (the real console selects a row, then Properties in its action bar);
// that AEM shows the stored secret as an empty field is G.
import { aemShell, coralPage, esc } from '../lib/html.mjs';
import { IMS_FIELDS } from './ims-variants.mjs';
import { CONSOLE_PATH, UPDATE_PATH } from './ims-wizard.mjs';

export const PROPERTIES_PATH = '/libs/cq/adobeims-configuration/content/configurations/properties.html';

export function imsPropertiesPage(state, id) {
  const c = state.aem.imsConfigs.find((x) => x.id === id);
  if (!c) return null;
  const stored = { title: c.title, authServerUrl: c.authServerUrl, apiKey: c.clientId, clientId: c.clientId, scope: c.scope, orgId: c.orgId, jwtClaims: c.jwtClaims };
  const field = (f) => {
    const attrs = `id="ims-${f.key}" name="${f.key}"${f.required ? ' required aria-required="true"' : ''}${f.placeholder ? ` placeholder="${esc(f.placeholder)}"` : ''}`;
    const value = f.secret ? '' : stored[f.key] ?? '';
    const input = f.textarea
      ? `<textarea is="coral-textarea" ${attrs} rows="6">${esc(value)}</textarea>`
      : `<input is="coral-textfield" type="${f.secret ? 'password' : 'text'}" ${attrs} value="${esc(value)}" autocomplete="off">`;
    const auth = f.auth ? ` data-auth-type="${f.auth}"` : '';
    return `<div class="aem-field coral-Form-fieldwrapper"${auth}><label is="coral-fieldlabel" for="ims-${f.key}" class="coral-Form-fieldlabel">${esc(f.label)}${f.required ? ' *' : ''}</label>${input}</div>`;
  };
  const fields = IMS_FIELDS.filter((f) => f.step === 'account' && f.label).map(field).join('\n');
  const type = c.authType === 'oauth' ? 'oauth' : 'jwt';
  const content = `<form class="foundation-form coral-Form coral-Form--vertical aem-card" id="ims-properties-form" method="post" action="${UPDATE_PATH}" data-redirect="${CONSOLE_PATH}" autocomplete="off" novalidate>
<input type="hidden" name="_charset_" value="utf-8"><input type="hidden" name="id" value="${esc(c.id)}">
<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" id="ims-cloud-label" class="coral-Form-fieldlabel">Cloud Solution</label>
<coral-select id="ims-cloudServiceName" name="cloudServiceName" labelledby="ims-cloud-label"><coral-select-item value="${esc(c.cloudServiceName)}" selected>${esc(c.cloudServiceName)}</coral-select-item></coral-select></div>
<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" id="ims-authType-label" class="coral-Form-fieldlabel">Authentication Type</label>
<coral-select id="ims-authType" name="authType" labelledby="ims-authType-label">
<coral-select-item value="oauth"${type === 'oauth' ? ' selected' : ''}>OAuth</coral-select-item><coral-select-item value="jwt"${type === 'jwt' ? ' selected' : ''}>JWT (deprecated)</coral-select-item></coral-select></div>
${fields}
<div class="ims-properties-result aem-result"></div></form>`;
  const body = aemShell({
    title: `${c.title} — Properties`,
    left: `<a is="coral-anchorbutton" variant="quiet" href="${CONSOLE_PATH}" id="ims-properties-cancel">Cancel</a>`,
    actions: `<button is="coral-button" type="submit" form="ims-properties-form" variant="cta" id="ims-properties-save">Save &amp; Close</button>`,
    content,
  });
  return coralPage({ title: 'Adobe IMS Configuration Properties | Adobe Experience Manager', body, scripts: ['/etc.clientlibs/fake-aem/ims-properties.js'] });
}
