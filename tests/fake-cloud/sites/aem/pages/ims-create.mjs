// "Adobe IMS Technical Account Configuration" as AEM as a Cloud Service (and AEM 6.5 SP20+)
// shows it behind Create in the IMS configurations console: ONE page, no steps, no
// Authentication Type, every field required, Cancel and Create at the top right, Create
// disabled until every required field holds a value. Copied from Adobe's screenshots
// (tests/fake-cloud/PAGES.md, "The one-page Create form"); markup and names are G.
import { coralPage, esc, globalNav, titleBar } from '../lib/html.mjs';
import { fieldName } from './ims-variants.mjs';
import { CONSOLE_PATH, UPDATE_PATH } from './ims-wizard.mjs';

// V: the labels and their order (the screenshots); the options beyond the one shown are G.
const CLOUD_SOLUTIONS = ['Adobe Analytics', 'Adobe Asset Link', 'Adobe Brand Portal', 'Adobe Launch', 'Adobe Target', 'Adobe Stock', 'Automated Forms Conversion Service'];
export const SINGLE_FIELDS = [
  { key: 'title', label: 'Title' },
  { key: 'authServerUrl', label: 'Authorization Server' },
  { key: 'clientId', label: 'Client Id' },
  { key: 'clientSecret', label: 'Client Secret', secret: true },
  { key: 'scope', label: 'Scope' },
  { key: 'orgId', label: 'Org Id' },
];

export function imsCreatePage(variant = 'single') {
  const n = (key) => esc(fieldName(variant, key));
  const text = (f) => `<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" for="ims-${f.key}" class="coral-Form-fieldlabel">${esc(f.label)} *</label>
<input is="coral-textfield" type="${f.secret ? 'password' : 'text'}" id="ims-${f.key}" name="${n(f.key)}" required aria-required="true" autocomplete="off"></div>`;
  const content = `<form class="foundation-form coral-Form coral-Form--vertical aem-card" id="ims-create-form" method="post" action="${UPDATE_PATH}" data-redirect="${CONSOLE_PATH}" data-variant="${esc(variant)}" autocomplete="off" novalidate>
<input type="hidden" name="_charset_" value="utf-8">
<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" id="ims-cloud-label" class="coral-Form-fieldlabel">Cloud Solution *</label>
<coral-select id="ims-cloudServiceName" name="${n('cloudServiceName')}" placeholder="Please select Cloud Solution context" labelledby="ims-cloud-label" required aria-required="true">
${CLOUD_SOLUTIONS.map((s) => `<coral-select-item value="${esc(s)}">${esc(s)}</coral-select-item>`).join('')}</coral-select></div>
${SINGLE_FIELDS.map(text).join('\n')}
<div class="ims-create-result aem-result"></div></form>`;
  const body = `${globalNav()}
${titleBar({
    title: 'Adobe IMS Technical Account Configuration',
    actions: `<a is="coral-anchorbutton" href="${CONSOLE_PATH}" id="ims-cancel">Cancel</a>
<button is="coral-button" type="submit" form="ims-create-form" id="ims-create" variant="cta" disabled>Create</button>`,
  })}
<main class="aem-content">${content}</main>`;
  return coralPage({ title: 'Adobe IMS Technical Account Configuration | Adobe Experience Manager', body, scripts: ['/etc.clientlibs/fake-aem/ims-create.js'] });
}
