// AEM 6.5: Tools > Cloud Services > Legacy Cloud Services, the "Adobe Experience Cloud"
// overview of /etc/cloudservices (adobe-surfaces.md §5). One section per service with
// "Configure now" and the service's configurations; "Configure now" opens the classic
// "Create Configuration" dialog (Parent Configuration, Title, Name, template), whose Create
// posts WCMCommand's createPage to /bin/wcmcommand and then opens the new configuration's
// page. Classic UI: ExtJS-like markup (x-window, x-form-item), not ExtJS itself.
import { esc } from '../lib/html.mjs';
import { CONFIGURATIONS_PATH } from './target-configurations.mjs';

export const LEGACY_CONSOLE_PATH = '/libs/cq/core/content/tools/cloudservices.html';
export const WCMCOMMAND_PATH = '/bin/wcmcommand';
export const TARGET_PARENT = '/etc/cloudservices/testandtarget';

/** The services the overview lists, in its order: [key, title, description, template, template title]. */
const SERVICES = [
  ['sitecatalyst', 'Adobe Analytics', 'Measure, analyze and optimize the traffic of your sites with Adobe Analytics.', '/libs/cq/analytics/templates/sitecatalyst', 'Adobe Analytics Configuration'],
  ['campaign', 'Adobe Campaign', 'Deliver personalized email campaigns with content authored in AEM.', '/libs/mcm/campaign/templates/connector', 'Adobe Campaign Configuration'],
  ['testandtarget', 'Adobe Target', 'Personalize and test your content with Adobe Target: activities, audiences and offers.', '/libs/cq/analytics/templates/testandtarget', 'Adobe Target Configuration'],
  ['dynamictagmanagement', 'Dynamic Tag Management (deprecated)', 'Deploy and manage tags through Adobe Dynamic Tag Management.', '/libs/cq/dtm/templates/dtm', 'Dynamic Tag Management Configuration'],
];

/** A page name from a title or a typed name: lower-case, runs of other characters become '-', no '-' at either end. */
export const pageName = (s) => String(s ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

function button(id, text) {
  return `<table class="x-btn x-btn-noicon" id="${id}"><tbody class="x-btn-small"><tr><td class="x-btn-mc"><em unselectable="on"><button type="button" class="x-btn-text">${esc(text)}</button></em></td></tr></tbody></table>`;
}

function textItem(id, name, label, { required = false, readonly = false, value = '' } = {}) {
  return `<div class="x-form-item" tabindex="-1"><label for="${id}" class="x-form-item-label">${esc(label)}</label>
<div class="x-form-element"><input type="text" size="20" autocomplete="off" id="${id}" name="${name}" value="${esc(value)}" class="x-form-text x-form-field${readonly ? ' x-item-disabled' : ''}"${required ? ' aria-required="true"' : ''}${readonly ? ' readonly' : ''}></div><div class="x-form-clear-left"></div></div>`;
}

function serviceSection(state, [key, title, description, template, templateTitle]) {
  const parent = `/etc/cloudservices/${key}`;
  const configs = state.aem.targetConfigs.filter((c) => c.path.startsWith(`${parent}/`));
  const list = configs.length
    ? `<ul class="cq-cloudservice-configs">${configs.map((c) => `<li><a href="${esc(c.path)}.html">${esc(c.title)}</a> <span class="cq-cloudservice-path">${esc(c.path)}</span></li>`).join('')}</ul>`
    : '';
  return `<section class="cq-cloudservice" data-service="${key}" aria-labelledby="cs-${key}-title">
<div class="cq-cloudservice-icon cq-cloudservice-icon-${key}" aria-hidden="true"></div>
<div class="cq-cloudservice-text"><h2 id="cs-${key}-title">${esc(title)}</h2><p class="cq-cloudservice-description">${esc(description)}</p>
<p class="cq-cloudservice-actions"><a href="#" class="cq-cloudservice-configure" data-parent="${parent}" data-template="${template}" data-template-title="${esc(templateTitle)}">Configure now</a></p>
${configs.length ? `<h3 class="cq-cloudservice-configs-title">Configurations</h3>${list}` : ''}</div></section>`;
}

const page = (title, content) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<link rel="stylesheet" href="/etc.clientlibs/fake-aem/classic-dialog.css">
<link rel="stylesheet" href="/etc.clientlibs/fake-aem/cloudservices.css"></head>
<body class="x-body ext-chrome">
<div class="cq-cloudservices-page"><div class="cq-header"><span class="cq-header-logo"></span>Adobe Experience Manager <span class="cq-header-sep">|</span> Cloud Services</div>
${content}
<script type="module" src="/etc.clientlibs/fake-aem/cloudservices.js"></script>
</body></html>`;

/** The overview; `cloud` (AEM as a Cloud Service) renders the notice that Legacy Cloud Services are not available. */
export function legacyCloudServicesPage(state, { cloud = false } = {}) {
  if (cloud) {
    return page('Legacy Cloud Services | Adobe Experience Manager', `<div class="cq-cloudservices-content" id="cs-unavailable"><h1>Legacy Cloud Services</h1>
<p role="status">Legacy Cloud Services are not available in AEM as a Cloud Service.</p>
<p>Adobe Target is configured per configuration container: <a href="${CONFIGURATIONS_PATH}">Tools &gt; Cloud Services &gt; Adobe Target</a>.</p></div></div>`);
  }
  const content = `<div class="cq-cloudservices-content"><h1>Adobe Experience Cloud</h1>
<p class="cq-cloudservices-intro">Connect AEM to Adobe's cloud solutions. Configure a service once, then add its configuration to your pages' Cloud Services properties.</p>
<div class="cq-cloudservices-list">
${SERVICES.map((s) => serviceSection(state, s)).join('\n')}
</div></div></div>

<div class="x-window cq-createconfig" id="cs-create-dialog" role="dialog" aria-modal="true" aria-labelledby="cs-create-title" style="width: 520px;" hidden>
<div class="x-window-tl"><div class="x-window-tr"><div class="x-window-tc"><div class="x-window-header x-unselectable"><div class="x-tool x-tool-close" id="cs-create-close" role="button" aria-label="Close" tabindex="0">&nbsp;</div><span class="x-window-header-text" id="cs-create-title">Create Configuration</span></div></div></div></div>
<div class="x-window-bwrap"><div class="x-window-ml"><div class="x-window-mr"><div class="x-window-mc"><div class="x-window-body">
<form class="x-panel-body x-form x-form-label-left" id="cs-create-form" method="POST" action="${WCMCOMMAND_PATH}" novalidate>
<input type="hidden" name="_charset_" value="utf-8">
<input type="hidden" name="cmd" value="createPage">
${textItem('cs-create-parent', 'parentPath', 'Parent Configuration', { readonly: true })}
${textItem('cs-create-title-field', 'title', 'Title', { required: true })}
${textItem('cs-create-name', 'label', 'Name')}
<input type="hidden" name="template" id="cs-create-template" value="">
<div class="x-form-item"><span class="x-form-item-label" id="cs-create-templates-label">Template</span><div class="x-form-element">
<div class="x-view cq-template-view" role="listbox" aria-labelledby="cs-create-templates-label"><div class="cq-template-item x-view-selected" role="option" aria-selected="true" id="cs-create-template-item"><span class="cq-template-thumb" aria-hidden="true"></span><span class="cq-template-title"></span></div></div>
</div></div>
<div class="cq-createconfig-error x-form-invalid-msg" id="cs-create-error" role="alert" hidden></div>
</form></div></div></div></div>
<div class="x-window-bl"><div class="x-window-br"><div class="x-window-bc"><div class="x-window-footer"><div class="x-panel-btns x-panel-btns-right">
${button('cs-create-ok', 'Create')}
${button('cs-create-cancel', 'Cancel')}
</div></div></div></div></div></div>
</div>
<div class="ext-el-mask" id="cs-create-mask" hidden></div>`;
  return page('Legacy Cloud Services | Adobe Experience Manager', content);
}

/** Sling's HtmlResponse, the answer WCMCommandServlet gives a form post. */
export function slingHtmlResponse({ status, message, path = '', parent = '' }) {
  const title = `${status} ${status < 300 ? 'Created' : 'Error'} ${path}`;
  return `<html><head><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><table><tbody>
<tr><td>Status</td><td><div id="Status">${status}</div></td></tr>
<tr><td>Message</td><td><div id="Message">${esc(message)}</div></td></tr>
<tr><td>Location</td><td><a href="${esc(path)}" id="Location">${esc(path)}</a></td></tr>
<tr><td>Parent Location</td><td><a href="${esc(parent)}" id="ParentLocation">${esc(parent)}</a></td></tr>
<tr><td>Path</td><td><div id="Path">${esc(path)}</div></td></tr>
<tr><td>Referer</td><td><a href="${LEGACY_CONSOLE_PATH}" id="Referer">${LEGACY_CONSOLE_PATH}</a></td></tr>
</tbody></table></body></html>`;
}
