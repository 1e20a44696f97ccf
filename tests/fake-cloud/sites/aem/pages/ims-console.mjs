// "Adobe IMS Configurations" console (Tools > Security): the stored configurations, with
// Create and, for the selected configuration, Properties and Check Health > Check.
import { aemShell, coralPage, esc } from '../lib/html.mjs';
import { CONSOLE_PATH, WIZARD_PATH } from './ims-wizard.mjs';
import { PROPERTIES_PATH } from './ims-properties.mjs';

export const HEALTH_PATH = '/libs/cq/adobeims-configuration/content/configurations/healthcheck';

/**
 * V (Experience League, "Confirming the IMS Configuration"): "Select your configuration. Select
 * Check Health from the toolbar, followed by Check"; migration: select it, then Properties. So
 * an item is selected and the actions are in the selection bar.
 * V (screenshots in AdobeDocs/aem-forms-automated-conversion-service.en, 2023 and 2025): the
 * console shows **cards**: the title, "Adobe IMS Technical Account", "Auto Provisioned" and a
 * red "JWT Credentials (deprecated)" badge on JWT ones; no cloud solution; the bar says
 * "1 selected" with Properties, Check Health, Delete. The card markup is G: Coral's masonry
 * (`selectionmode`: each item carries Coral's own selection checkbox) and `coral-card`.
 * `state.aem.consoleView = 'list'`: the G variant of a list view (a selectable Coral table with
 * Title, Cloud Solution, Authentication, Status); `state.aem.consoleRowButtons`: the G variant of
 * that list with the buttons in each row.
 * Check Health (V, same screenshots): a dialog "Check", "You are going to check the following
 * item:" and the title, Cancel and Check; then a dialog "Healthy configuration" (success
 * variant) saying "<title>: Token retrieved successfully!" with Close. The failure is not shown
 * anywhere public (G): a dialog "Unhealthy configuration" (error variant) saying "<title>:
 * <AEM's words>"; `state.aem.healthResult = 'alert'`: the G variant with the result as a Coral
 * alert inside the "Check" dialog. `state.aem.trustedClicksOnly`: the G variant whose "Check"
 * takes only a person's click (`isTrusted`), not a script's: IMS Link's own click on it then
 * leaves the dialog open and AEM's page without an answer.
 */
export function imsConsolePage(state, query = '') {
  const rowButtons = Boolean(state.aem.consoleRowButtons);
  const view = rowButtons ? 'list' : state.aem.consoleView ?? 'card';
  const configs = state.aem.imsConfigs;
  const authText = (c) => (c.authType === 'oauth' ? 'OAuth Credentials' : 'JWT Credentials (deprecated)');
  const item = (c) => `data-config-id="${esc(c.id)}" data-foundation-collection-item-id="${esc(c.id)}" data-title="${esc(c.title)}"`;
  // G variant: Granite's cards may also carry the page they open (the click still selects here).
  const opens = (c) => (state.aem.cardNavigator ? ` data-foundation-collection-navigator-href="${PROPERTIES_PATH}?item=${encodeURIComponent(c.id)}"` : '');
  const cards = () => `<coral-masonry id="ims-configurations" class="foundation-collection" layout="fixed-centered" columnwidth="242" spacing="24" selectionmode="multiple" aria-label="Adobe IMS Configurations" data-console-path="${CONSOLE_PATH}">
${configs.map((c) => `<coral-masonry-item class="foundation-collection-item" ${item(c)}${opens(c)}>
<coral-card fixedwidth assetwidth="242" assetheight="120">
<coral-card-asset><coral-icon icon="key" size="XL"></coral-icon></coral-card-asset>
<coral-card-content>
<coral-card-context>Adobe IMS Technical Account</coral-card-context>
<coral-card-title class="foundation-collection-item-title">${esc(c.title)}</coral-card-title>
${c.autoProvisioned ? '<coral-card-context>Auto Provisioned</coral-card-context>' : ''}
</coral-card-content>
${c.authType === 'oauth' ? '' : '<coral-card-info><coral-tag color="red" size="S">JWT Credentials (deprecated)</coral-tag></coral-card-info>'}
</coral-card></coral-masonry-item>`).join('\n')}
</coral-masonry>`;
  const list = () => {
    const rows = configs.map((c) => `<tr is="coral-table-row" class="foundation-collection-item" ${item(c)}>
${rowButtons ? '' : `<td is="coral-table-cell"><coral-checkbox coral-table-rowselect aria-label="Select"></coral-checkbox></td>`}
<td is="coral-table-cell" class="foundation-collection-item-title">${esc(c.title)}</td><td is="coral-table-cell">${esc(c.cloudServiceName)}</td>
<td is="coral-table-cell">${authText(c)}</td>
<td is="coral-table-cell">${c.autoProvisioned ? 'Auto-provisioned' : ''}</td>
${rowButtons ? `<td is="coral-table-cell"><button is="coral-button" type="button" variant="quiet" icon="heart" class="ims-check-health" data-config-id="${esc(c.id)}">Check Health</button>
<a is="coral-anchorbutton" variant="quiet" icon="properties" href="${PROPERTIES_PATH}?item=${encodeURIComponent(c.id)}">Properties</a></td>` : ''}</tr>`).join('\n');
    const head = `${rowButtons ? '' : '<th is="coral-table-headercell"></th>'}<th is="coral-table-headercell">Title</th><th is="coral-table-headercell">Cloud Solution</th><th is="coral-table-headercell">Authentication</th><th is="coral-table-headercell">Status</th>${rowButtons ? '<th is="coral-table-headercell"></th>' : ''}`;
    return `<table is="coral-table" id="ims-configurations" class="foundation-collection" data-console-path="${CONSOLE_PATH}"${rowButtons ? '' : ' selectable'}>
<thead is="coral-table-head"><tr is="coral-table-row">${head}</tr></thead>
<tbody is="coral-table-body">${rows}</tbody></table>`;
  };
  // The selection bar: shown while exactly one configuration is selected (ims-console.js).
  const selectionBar = rowButtons ? '' : `<div class="granite-collection-selectionbar" role="toolbar" aria-label="Selection" hidden>
<span class="ims-selection-count"></span>
<button is="coral-button" type="button" variant="quiet" icon="properties" id="ims-selection-properties" data-href="${PROPERTIES_PATH}">Properties</button>
<button is="coral-button" type="button" variant="quiet" icon="heart" class="ims-check-health" id="ims-selection-check-health">Check Health</button>
<button is="coral-button" type="button" variant="quiet" icon="delete" disabled>Delete</button></div>`;
  const body = aemShell({
    title: 'Adobe IMS Configurations',
    actions: `<a is="coral-anchorbutton" id="ims-console-create" variant="cta" href="${WIZARD_PATH}${esc(query)}">Create</a>`,
    content: `${selectionBar}${view === 'card' ? cards() : list()}
${configs.length === 0 ? '<p class="ims-empty">There is no item.</p>' : ''}
<coral-dialog id="ims-health-dialog" data-result-in="${state.aem.healthResult === 'alert' ? 'alert' : 'dialog'}">
<coral-dialog-header>Check</coral-dialog-header>
<coral-dialog-content><p>You are going to check the following item:</p><p class="ims-health-title"></p>
<div class="ims-health-result aem-result" aria-live="polite" hidden></div></coral-dialog-content>
<coral-dialog-footer><button is="coral-button" coral-close>Cancel</button><button is="coral-button" variant="primary" id="ims-health-check" data-action="${HEALTH_PATH}"${state.aem.trustedClicksOnly ? ' data-trusted-only' : ''}>Check</button></coral-dialog-footer>
</coral-dialog>
<coral-dialog id="ims-health-verdict">
<coral-dialog-header></coral-dialog-header>
<coral-dialog-content></coral-dialog-content>
<coral-dialog-footer><button is="coral-button" variant="primary" coral-close>Close</button></coral-dialog-footer>
</coral-dialog>`,
  });
  return coralPage({ title: 'Adobe IMS Configurations | Adobe Experience Manager', body, scripts: ['/etc.clientlibs/fake-aem/ims-console.js'] });
}
