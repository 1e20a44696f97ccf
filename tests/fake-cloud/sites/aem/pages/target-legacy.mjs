// AEM 6.5 Legacy Cloud Services > Adobe Target configuration page, its "Edit Component"
// dialog open as it is right after Create Configuration. Classic UI is ExtJS 3 (`CQ.Ext`):
// the fields are ExtJS components built in the browser (ext-lite.js, classic-dialog.js);
// the server sends the window, the definition and the buttons.
import { esc } from '../lib/html.mjs';
import { A4T_CONFIGS, API_KINDS, AUTHENTICATIONS, CHECKBOXES, CLIENT_LIBS, TEXT_FIELDS, savedValue } from './target-fields.mjs';

// Classic UI renders the dialog in the browser from its definition (CQ loads it as JSON from
// the repository); the page carries that definition and classic-dialog.js builds the ExtJS
// components from it, so none of the fields exist in the HTML the server sends.
const combo = (hiddenName, fieldLabel, options, value, auth) => ({ xtype: 'combo', hiddenName, fieldLabel, options, value, auth });
const text = ([name, fieldLabel, auth], value) => ({ xtype: 'textfield', name, fieldLabel, value, auth, inputType: name === './password' ? 'password' : 'text' });
// CQ.form.Selection (checkbox): posts "true"; @Delete lets an unchecked box remove the property.
const checkbox = ([name, fieldLabel, checkedByDefault], saved) => ({ xtype: 'checkbox', name, fieldLabel, checked: saved === undefined ? checkedByDefault : saved === 'true' });

export function targetLegacyPage(state, name) {
  const path = `/etc/cloudservices/testandtarget/${name}`;
  const config = state.aem.targetConfigs.find((c) => c.path === path);
  const title = config?.title ?? name;
  const v = (n, d) => savedValue(config, n, d);
  const imsOptions = [['', ''], ...state.aem.imsConfigs.map((c) => [c.id, c.title])];
  // Defaults of a new configuration (G, adobe-surfaces.md §5 gives none): the legacy
  // User Credentials, SOAP and mbox.js, so a fill that leaves a field alone shows.
  const items = [
    combo('./authentication', 'Authentication', AUTHENTICATIONS, v('./authentication', 'user')),
    text(TEXT_FIELDS.tenant, v('./tenant')),
    text(TEXT_FIELDS.clientcode, v('./clientcode')),
    text(TEXT_FIELDS.email, v('./email')),
    text(TEXT_FIELDS.password, v('./password')),
    combo('./imsConfigId', 'IMS Configuration', imsOptions, v('./imsConfigId'), 'ims'),
    combo('./apiKind', 'API Type', API_KINDS, v('./apiKind', 'soap')),
    combo('./a4tAnalyticsConfig', 'A4T Analytics Cloud Configuration', A4T_CONFIGS, v('./a4tAnalyticsConfig')),
    ...CHECKBOXES.slice(0, 2).map((c) => checkbox(c, config?.fields?.[c[0]])),
    combo('./clientlib', 'Client library', CLIENT_LIBS, v('./clientlib', 'mboxjs')),
    checkbox(CHECKBOXES[2], config?.fields?.[CHECKBOXES[2][0]]),
  ];
  // JSON inside <script>: "<" escaped so no value can end the element.
  // The dialog opens by itself only on a new configuration (V: "The Edit Component dialog will
  // open" after Create Configuration; an existing one is opened with "Edit").
  const definition = JSON.stringify({ path, items, open: !config?.fields }).replace(/</g, '\\u003c');

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
<div id="tt-items"></div>
<div class="x-form-item"><label class="x-form-item-label">&nbsp;</label><div class="x-form-element">
<table class="x-btn x-btn-noicon" id="tt-connect"><tbody class="x-btn-small"><tr><td class="x-btn-mc"><em unselectable="on"><button type="button" class="x-btn-text">Connect to Adobe Target</button></em></td></tr></tbody></table>
<div class="tt-connect-result" aria-live="polite"></div></div></div>
</div></div></div></div>
</form></div></div></div></div>
<div class="x-window-bl"><div class="x-window-br"><div class="x-window-bc"><div class="x-window-footer"><div class="x-panel-btns x-panel-btns-right">
<table class="x-btn x-btn-noicon x-item-disabled" id="tt-ok"><tbody class="x-btn-small"><tr><td class="x-btn-mc"><em unselectable="on"><button type="button" class="x-btn-text" disabled>OK</button></em></td></tr></tbody></table>
<table class="x-btn x-btn-noicon" id="tt-cancel"><tbody class="x-btn-small"><tr><td class="x-btn-mc"><em unselectable="on"><button type="button" class="x-btn-text">Cancel</button></em></td></tr></tbody></table>
</div></div></div></div></div></div>
</div>
<div class="ext-el-mask" id="tt-mask"></div>
<script type="application/json" id="tt-dialog-definition">${definition}</script>
<script src="/etc.clientlibs/fake-aem/ext-lite.js"></script>
<script type="module" src="/etc.clientlibs/fake-aem/classic-dialog.js"></script>
</body></html>`;
}
