// AEM 6.5 Legacy Cloud Services > Adobe Target configuration page, its "Edit Component"
// dialog open as it is right after Create Configuration. Classic UI is ExtJS 3: this
// imitates the markup ExtJS renders (x-window, x-form-item, combos keeping their value in
// a hidden input and their list in a floating x-combo-list), not ExtJS itself.
import { esc } from '../lib/html.mjs';
import { A4T_CONFIGS, API_KINDS, AUTHENTICATIONS, CHECKBOXES, CLIENT_LIBS, TEXT_FIELDS, savedValue } from './target-fields.mjs';

let ids = 1000;
const extId = () => `ext-comp-${++ids}`;

function formItem(label, element, { auth, id } = {}) {
  return `<div class="x-form-item"${auth ? ` data-auth="${auth}"` : ''} tabindex="-1"><label for="${id}" class="x-form-item-label">${esc(label)}:</label>
<div class="x-form-element">${element}</div><div class="x-form-clear-left"></div></div>`;
}

function textItem([name, label, auth], value) {
  const id = extId();
  const type = name === './password' ? 'password' : 'text';
  return formItem(label, `<input type="${type}" size="20" autocomplete="off" id="${id}" name="${name}" value="${esc(value)}" class="x-form-text x-form-field">`, { auth, id });
}

// ExtJS combo with hiddenName: the visible text input has no name; the hidden input posts.
function comboItem(name, label, options, value, auth) {
  const id = extId();
  const current = options.find(([v]) => v === value) ?? options[0];
  const list = options.map(([v, text]) => `<div class="x-combo-list-item${v === current[0] ? ' x-combo-selected' : ''}" data-value="${esc(v)}">${esc(text)}</div>`).join('');
  return formItem(label, `<div class="x-form-field-wrap x-form-field-trigger-wrap x-combo"><input type="hidden" name="${name}" id="${id}-hidden" value="${esc(current[0])}">
<input type="text" size="24" autocomplete="off" id="${id}" class="x-form-text x-form-field x-trigger-noedit" value="${esc(current[1])}" readonly>
<img src="data:image/gif;base64,R0lGODlhAQABAID/AMDAwAAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==" alt="" class="x-form-trigger x-form-arrow-trigger">
<div class="x-layer x-combo-list" style="visibility: hidden;"><div class="x-combo-list-inner">${list}</div></div></div>`, { auth, id });
}

// CQ.form.Selection (checkbox): @Delete lets an unchecked box remove the stored property.
function checkboxItem([name, label, checkedByDefault], saved) {
  const id = extId();
  const checked = saved === undefined ? checkedByDefault : saved === 'true';
  return formItem(label, `<div class="x-form-check-wrap"><input type="checkbox" autocomplete="off" id="${id}" name="${name}" value="true" class="x-form-checkbox x-form-field"${checked ? ' checked' : ''}><label for="${id}" class="x-form-cb-label">&nbsp;</label></div>
<input type="hidden" name="${name}@Delete" value="">`, { id });
}

export function targetLegacyPage(state, name) {
  ids = 1000;
  const path = `/etc/cloudservices/testandtarget/${name}`;
  const config = state.aem.targetConfigs.find((c) => c.path === path);
  const title = config?.title ?? name;
  const v = (n, d) => savedValue(config, n, d);
  const imsOptions = [['', ''], ...state.aem.imsConfigs.map((c) => [c.id, c.title])];
  const items = [
    comboItem('./authentication', 'Authentication', AUTHENTICATIONS, v('./authentication', 'ims')),
    textItem(TEXT_FIELDS.tenant, v('./tenant')),
    textItem(TEXT_FIELDS.clientcode, v('./clientcode')),
    textItem(TEXT_FIELDS.email, v('./email')),
    textItem(TEXT_FIELDS.password, v('./password')),
    comboItem('./imsConfigId', 'IMS Configuration', imsOptions, v('./imsConfigId'), 'ims'),
    comboItem('./apiKind', 'API Type', API_KINDS, v('./apiKind', 'rest')),
    comboItem('./a4tAnalyticsConfig', 'A4T Analytics Cloud Configuration', A4T_CONFIGS, v('./a4tAnalyticsConfig')),
    ...CHECKBOXES.slice(0, 2).map((c) => checkboxItem(c, config?.fields?.[c[0]])),
    comboItem('./clientlib', 'Client library', CLIENT_LIBS, v('./clientlib', 'atjs')),
    checkboxItem(CHECKBOXES[2], config?.fields?.[CHECKBOXES[2][0]]),
  ].join('\n');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | Adobe Target | Cloud Services</title>
<link rel="stylesheet" href="/etc.clientlibs/fake-aem/classic-dialog.css"></head>
<body class="x-body ext-chrome">
<div class="cq-cloudservices-page"><div class="cq-header"><span class="cq-header-logo"></span>Adobe Experience Manager <span class="cq-header-sep">|</span> Cloud Services</div>
<div class="cq-cloudservices-content"><h1>${esc(title)}</h1><p class="cq-cloudservices-path">${esc(path)}</p>
<p>Adobe Target configuration. <button type="button" id="tt-edit" class="cq-edit">Edit</button></p>
<dl class="tt-saved"${config?.fields ? '' : ' hidden'}><dt>Client Code</dt><dd class="tt-saved-clientcode">${esc(v('./clientcode'))}</dd><dt>Tenant ID</dt><dd class="tt-saved-tenant">${esc(v('./tenant'))}</dd></dl></div></div>

<div class="x-window x-resizable-pinned" id="tt-dialog" style="width: 560px;">
<div class="x-window-tl"><div class="x-window-tr"><div class="x-window-tc"><div class="x-window-header x-unselectable"><div class="x-tool x-tool-close" id="tt-close">&nbsp;</div><span class="x-window-header-text">Edit Component</span></div></div></div></div>
<div class="x-window-bwrap"><div class="x-window-ml"><div class="x-window-mr"><div class="x-window-mc"><div class="x-window-body">
<form class="x-panel-body x-form" id="tt-form" method="POST" action="${esc(path)}/jcr:content" onsubmit="return false">
<input type="hidden" name="_charset_" value="utf-8">
<div class="x-tab-panel"><div class="x-tab-panel-header"><ul class="x-tab-strip x-tab-strip-top">
<li class="x-tab-strip-active"><a class="x-tab-right" href="#"><em class="x-tab-left"><span class="x-tab-strip-inner"><span class="x-tab-strip-text">Adobe Target Settings</span></span></em></a></li>
<li class="x-item-disabled"><a class="x-tab-right" href="#"><em class="x-tab-left"><span class="x-tab-strip-inner"><span class="x-tab-strip-text">Adobe Recommendations Settings</span></span></em></a></li>
</ul></div>
<div class="x-tab-panel-bwrap"><div class="x-tab-panel-body"><div class="x-panel x-form-label-left">
${items}
<div class="x-form-item"><label class="x-form-item-label">&nbsp;</label><div class="x-form-element">
<table class="x-btn x-btn-noicon" id="tt-connect"><tbody class="x-btn-small"><tr><td class="x-btn-mc"><em unselectable="on"><button type="button" class="x-btn-text">Connect to Adobe Target</button></em></td></tr></tbody></table>
<div class="tt-connect-result" aria-live="polite"></div></div></div>
</div></div></div></div>
</form></div></div></div></div>
<div class="x-window-bl"><div class="x-window-br"><div class="x-window-bc"><div class="x-window-footer"><div class="x-panel-btns x-panel-btns-right">
<table class="x-btn x-btn-noicon" id="tt-ok"><tbody class="x-btn-small"><tr><td class="x-btn-mc"><em unselectable="on"><button type="button" class="x-btn-text">OK</button></em></td></tr></tbody></table>
<table class="x-btn x-btn-noicon" id="tt-cancel"><tbody class="x-btn-small"><tr><td class="x-btn-mc"><em unselectable="on"><button type="button" class="x-btn-text">Cancel</button></em></td></tr></tbody></table>
</div></div></div></div></div></div>
</div>
<div class="ext-el-mask" id="tt-mask"></div>
<script type="module" src="/etc.clientlibs/fake-aem/classic-dialog.js"></script>
</body></html>`;
}
