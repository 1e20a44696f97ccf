// "Adobe IMS Technical Account Configuration" as AEM 6.5 before SP20 shows it (and variants of
// it): the create wizard behind Create in the IMS configurations console. Two Coral wizard
// steps (Certificate, Account) in one foundation-form; the Account step's panel is not
// displayed until Next. AEM as a Cloud Service and 6.5 SP20+ show one page (ims-create.mjs).
import { coralPage, esc, globalNav, titleBar } from '../lib/html.mjs';
import { IMS_FIELDS, VARIANTS, fieldName } from './ims-variants.mjs';

export const WIZARD_PATH = '/libs/cq/adobeims-configuration/content/configurations/create.html';
export const UPDATE_PATH = '/libs/cq/adobeims-configuration/content/configurations/update';
export const CONSOLE_PATH = '/libs/cq/adobeims-configuration/content/configurations.html';

const CLOUD_SOLUTIONS = ['Adobe Analytics', 'Adobe Asset Link', 'Adobe Brand Portal', 'Adobe Launch', 'Adobe Target', 'Adobe Stock'];

/** `aliases`: the key pairs in the authentication-service keystore, offered while "Create new certificate" is off (I). */
export function imsWizardPage(variant, aliases = []) {
  const v = VARIANTS[variant];
  const n = (key) => esc(fieldName(variant, key));
  const id = (key) => `ims-${key}`;
  const textField = (f) => {
    const attrs = `id="${id(f.key)}" name="${n(f.key)}"${f.required ? ' required aria-required="true"' : ''}${f.placeholder ? ` placeholder="${esc(f.placeholder)}"` : ''}`;
    const input = f.textarea
      ? `<textarea is="coral-textarea" ${attrs} rows="8"></textarea>`
      : `<input is="coral-textfield" type="${f.secret ? 'password' : 'text'}" ${attrs} autocomplete="off">`;
    const auth = f.auth ? ` data-auth-type="${f.auth}"` : '';
    return `<div class="aem-field coral-Form-fieldwrapper"${auth}><label is="coral-fieldlabel" for="${id(f.key)}" class="coral-Form-fieldlabel">${esc(f.label)}${f.required ? ' *' : ''}</label>${input}</div>`;
  };
  const accountFields = IMS_FIELDS.filter((f) => f.step === 'account' && f.label && (v.authTypes || f.auth !== 'oauth')).map(textField).join('\n');
  const authType = v.authTypes
    ? `<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" id="ims-authType-label" class="coral-Form-fieldlabel">Authentication Type</label>
<coral-select id="ims-authType" name="${n('authType')}" labelledby="ims-authType-label">
<coral-select-item value="oauth" selected>OAuth</coral-select-item><coral-select-item value="jwt">JWT (deprecated)</coral-select-item></coral-select></div>`
    : '';

  const certificate = `<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" id="ims-cloud-label" class="coral-Form-fieldlabel">${esc(v.cloudLabel)}</label>
<coral-select id="ims-cloudServiceName" name="${n('cloudServiceName')}" placeholder="Select a cloud solution" labelledby="ims-cloud-label" required>
${CLOUD_SOLUTIONS.map((s) => `<coral-select-item value="${esc(s)}">${esc(s)}</coral-select-item>`).join('')}</coral-select></div>
<div class="aem-field coral-Form-fieldwrapper">
<coral-switch id="ims-newKeypair" name="${n('newKeypair')}" value="true">Create new certificate</coral-switch>
<input type="hidden" name="${n('newKeypair')}" value="false" class="foundation-field-related" data-unchecked-for="ims-newKeypair"></div>
<div class="ims-new-certificate" hidden>
<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" for="ims-newKeypairAlias" class="coral-Form-fieldlabel">Alias</label>
<input is="coral-textfield" id="ims-newKeypairAlias" name="${n('newKeypairAlias')}" placeholder="Enter an alias" autocomplete="off" disabled></div>
<button is="coral-button" type="button" id="ims-create-certificate" variant="primary" disabled>Create certificate</button>
</div>
<input type="hidden" id="ims-keypairAlias" name="${n('keypairAlias')}" value="">
${aliases.length ? `<div class="aem-field coral-Form-fieldwrapper ims-existing-certificate"><label is="coral-fieldlabel" id="ims-existing-label" class="coral-Form-fieldlabel">Certificate</label>
<coral-select id="ims-existingKeypairAlias" name="${n('keypairAlias')}" placeholder="Select a certificate" labelledby="ims-existing-label">
${aliases.map((a) => `<coral-select-item value="${esc(a)}">${esc(a)}</coral-select-item>`).join('')}</coral-select></div>` : ''}
<div class="ims-certificate-result aem-result" hidden><coral-alert variant="success"><coral-alert-header>Certificate</coral-alert-header>
<coral-alert-content>Public key for <b class="ims-certificate-alias"></b> is ready. Add it to the Adobe Developer Console integration.</coral-alert-content></coral-alert>
<a is="coral-anchorbutton" id="ims-download-public-key" icon="download" href="#" download="AEM-Adobe-IMS.crt">Download Public Key</a></div>`;

  const body = `<form class="foundation-form foundation-layout-wizard2" id="ims-wizard-form" method="post" action="${UPDATE_PATH}" data-foundation-form-ajax="true" data-redirect="${CONSOLE_PATH}" data-variant="${esc(variant)}" autocomplete="off" novalidate>
<input type="hidden" name="_charset_" value="utf-8">
${globalNav()}
<coral-wizardview id="ims-wizard">
${titleBar({
    title: 'Adobe IMS Technical Account Configuration',
    left: `<a is="coral-anchorbutton" href="${CONSOLE_PATH}" variant="quiet" id="ims-cancel">Cancel</a>`,
    actions: `<button is="coral-button" type="button" id="ims-back" coral-wizardview-previous hidden>Back</button>
<button is="coral-button" type="button" id="ims-next" variant="cta" coral-wizardview-next>Next</button>
<button is="coral-button" type="submit" id="ims-create" variant="cta" hidden>Create</button>`,
  })}
<coral-steplist coral-wizardview-steplist class="ims-steplist"><coral-step>Certificate</coral-step><coral-step>Account</coral-step></coral-steplist>
<coral-panelstack coral-wizardview-panelstack class="aem-content">
<coral-panel class="foundation-wizard-step" data-step="certificate"><div class="aem-card"><h2 class="aem-section-title">Certificate</h2>${certificate}</div></coral-panel>
<coral-panel class="foundation-wizard-step" data-step="account"><div class="aem-card"><h2 class="aem-section-title">Account</h2>${authType}${accountFields}
<div class="ims-create-result aem-result"></div></div></coral-panel>
</coral-panelstack>
</coral-wizardview></form>`;
  return coralPage({ title: 'Adobe IMS Technical Account Configuration | Adobe Experience Manager', body, scripts: ['/etc.clientlibs/fake-aem/ims-wizard.js'] });
}
