// AEM as a Cloud Service: Tools > Cloud Services > Adobe Target, the edit page of the
// configuration under /conf/<site>/settings/cloudconfigs/target. A Granite foundation-form
// of Coral fields posted to the configuration's jcr:content (Sling POST).
import { coralPage, esc, globalNav, titleBar } from '../lib/html.mjs';
import { A4T_CONFIGS, API_KINDS, CHECKBOXES, CLIENT_LIBS, TEXT_FIELDS, savedValue } from './target-fields.mjs';

export const CLOUD_EDIT_PREFIX = '/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html';
// Where the variant's Create page lives: beside the edit page (the real address is G).
export const CLOUD_CREATE_PREFIX = '/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/create.html';

const select = (name, label, options, value) => {
  const id = `tt-${name.slice(2)}`;
  return `<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" id="${id}-label" class="coral-Form-fieldlabel">${esc(label)}</label>
<coral-select id="${id}" name="${name}" labelledby="${id}-label"${value === '' ? ' placeholder="Select"' : ''}>${options.map(([v, t]) => `<coral-select-item value="${esc(v)}"${v === value && v !== '' ? ' selected' : ''}>${esc(t)}</coral-select-item>`).join('')}</coral-select></div>`;
};
const text = ([name, label], value) => {
  const id = `tt-${name.slice(2)}`;
  return `<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" for="${id}" class="coral-Form-fieldlabel">${esc(label)}</label>
<input is="coral-textfield" id="${id}" name="${name}" value="${esc(value)}" autocomplete="off"></div>`;
};
// Granite's checkbox: the Coral checkbox posts "true"; @Delete removes the property when unchecked.
const checkbox = ([name, label, byDefault], saved) => `<div class="aem-field coral-Form-fieldwrapper"><coral-checkbox name="${name}" value="true"${(saved === undefined ? byDefault : saved === 'true') ? ' checked' : ''}>${esc(label)}</coral-checkbox>
<input type="hidden" name="${name}@Delete" value=""></div>`;

/**
 * `fields`: `documented` gives only what the AEMaaCS documentation names (Title, "Adobe Target
 * Tenant ID", "Adobe Target Client Code", IMS Configuration: V); the default adds the 6.5
 * dialog's Authentication, API Type, A4T, targeting, Sync segments and client library, which
 * the documentation does not list there (G).
 */
export function targetCloudPage(state, site, fields = null) {
  const documented = fields === 'documented';
  const path = `/conf/${site}/settings/cloudconfigs/target`;
  const config = state.aem.targetConfigs.find((c) => c.path === path);
  const v = (n, d) => savedValue(config, n, d);
  const content = `<form class="foundation-form coral-Form coral-Form--vertical aem-card" id="tt-cloud-form" method="post" action="${esc(path)}/jcr:content" data-redirect="/libs/cq/core/content/tools/cloudconfigs.html/conf/${esc(site)}">
<input type="hidden" name="_charset_" value="utf-8">
${text(['./jcr:title', 'Title'], v('./jcr:title', config?.title ?? 'Adobe Target'))}
${documented ? '' : select('./authentication', 'Authentication', [['ims', 'IMS']], v('./authentication', 'ims'))}
${text(documented ? ['./tenant', 'Adobe Target Tenant ID'] : TEXT_FIELDS.tenant, v('./tenant'))}
${text(documented ? ['./clientcode', 'Adobe Target Client Code'] : TEXT_FIELDS.clientcode, v('./clientcode'))}
${select('./imsConfigId', 'IMS Configuration', state.aem.imsConfigs.map((c) => [c.id, c.title]), v('./imsConfigId'))}
${documented ? '' : `${select('./apiKind', 'API Type', API_KINDS, v('./apiKind', 'rest'))}
${select('./a4tAnalyticsConfig', 'A4T Analytics Cloud Configuration', A4T_CONFIGS, v('./a4tAnalyticsConfig', ''))}
${CHECKBOXES.slice(0, 2).map((c) => checkbox(c, config?.fields?.[c[0]])).join('\n')}
${select('./clientlib', 'Client library', CLIENT_LIBS, v('./clientlib', 'atjs'))}
${checkbox(CHECKBOXES[2], config?.fields?.[CHECKBOXES[2][0]])}`}
<button is="coral-button" type="button" id="tt-connect" icon="link">${config ? 'Re-connect to Adobe Target' : 'Connect'}</button>
<div class="tt-connect-result aem-result" aria-live="polite"></div>
</form>`;
  const body = `${globalNav()}
${titleBar({
    title: `Adobe Target Configuration — ${site}`,
    left: `<a is="coral-anchorbutton" variant="quiet" href="/libs/cq/core/content/tools/cloudconfigs.html/conf/${esc(site)}" id="tt-cancel">Cancel</a>`,
    actions: `<button is="coral-button" type="submit" form="tt-cloud-form" variant="cta" id="tt-save">Save &amp; Close</button>`,
  })}
<main class="aem-content">${content}</main>`;
  return coralPage({ title: 'Adobe Target | Cloud Services | Adobe Experience Manager', body, scripts: ['/etc.clientlibs/fake-aem/target-cloud.js'] });
}

/**
 * The variant `state.aem.targetCreate = 'page'`: "Create" opens a page of its own, as Adobe's
 * screenshot of AEM as a Cloud Service shows it (V, 2020, `open_screen1.png`, still linked by
 * the integrating-adobe-target page): "Create Adobe Target Configuration", Cancel and Save (greyed
 * until Connect succeeded: I), Title, "Adobe Target Tenant ID", IMS Configuration, Connect, and
 * two checkboxes; no Client Code. Posted where the edit page posts (G).
 */
export function targetCreatePage(state, site) {
  const path = `/conf/${site}/settings/cloudconfigs/target`;
  const content = `<form class="foundation-form coral-Form coral-Form--vertical aem-card" id="tt-cloud-form" method="post" action="${esc(path)}/jcr:content" data-redirect="/libs/cq/core/content/tools/cloudconfigs.html/conf/${esc(site)}" data-save-after-connect="true">
<input type="hidden" name="_charset_" value="utf-8">
${text(['./jcr:title', 'Title *'], '')}
${text(['./tenant', 'Adobe Target Tenant ID *'], '')}
${select('./imsConfigId', 'IMS Configuration', state.aem.imsConfigs.map((c) => [c.id, c.title]), '')}
<button is="coral-button" type="button" id="tt-connect">Connect</button>
<div class="tt-connect-result aem-result" aria-live="polite"></div>
${checkbox(['./syncSegments', 'Synchronize segments from Adobe Target', true])}
${checkbox(['./accurateTargeting', 'On page load, wait for ContextHub data to load before sending Target request', true])}
</form>`;
  const body = `${globalNav()}
${titleBar({
    title: 'Create Adobe Target Configuration',
    actions: `<a is="coral-anchorbutton" variant="quiet" href="/libs/cq/personalization/touch-ui/content/v2/configurations.html/conf/${esc(site)}" id="tt-cancel">Cancel</a>
<button is="coral-button" type="submit" form="tt-cloud-form" variant="cta" id="tt-save" disabled>Save</button>`,
  })}
<main class="aem-content">${content}</main>`;
  return coralPage({ title: 'Create Adobe Target Configuration | Adobe Experience Manager', body, scripts: ['/etc.clientlibs/fake-aem/target-cloud.js'] });
}
