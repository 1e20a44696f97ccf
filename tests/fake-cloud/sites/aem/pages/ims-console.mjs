// "Adobe IMS Configurations" console (Tools > Security): the stored configurations, with
// Create and, for the selected configuration, Properties and Check Health > Check.
import { aemShell, coralPage, esc } from '../lib/html.mjs';
import { CONSOLE_PATH, WIZARD_PATH } from './ims-wizard.mjs';
import { PROPERTIES_PATH } from './ims-properties.mjs';

export const HEALTH_PATH = '/libs/cq/adobeims-configuration/content/configurations/healthcheck';

export function imsConsolePage(state, query = '') {
  // V (Experience League, "Confirming the IMS Configuration"): "Select your configuration.
  // Select Check Health from the toolbar, followed by Check"; migration: select it, then
  // Properties. So a row is selected (Granite's row-select checkbox) and the actions are in the
  // selection bar. `state.aem.consoleRowButtons`: the G variant with the buttons in each row.
  const rowButtons = Boolean(state.aem.consoleRowButtons);
  const rows = state.aem.imsConfigs.map((c) => `<tr is="coral-table-row" data-config-id="${esc(c.id)}">
${rowButtons ? '' : `<td is="coral-table-cell"><coral-checkbox coral-table-rowselect class="ims-select" data-config-id="${esc(c.id)}" aria-label="Select"></coral-checkbox></td>`}
<td is="coral-table-cell">${esc(c.title)}</td><td is="coral-table-cell">${esc(c.cloudServiceName)}</td>
<td is="coral-table-cell">${c.authType === 'oauth' ? 'OAuth Credentials' : 'JWT Credentials (deprecated)'}</td>
<td is="coral-table-cell">${c.autoProvisioned ? 'Auto-provisioned' : ''}</td>
${rowButtons ? `<td is="coral-table-cell"><button is="coral-button" type="button" variant="quiet" icon="heart" class="ims-check-health" data-config-id="${esc(c.id)}">Check Health</button>
<a is="coral-anchorbutton" variant="quiet" icon="properties" href="${PROPERTIES_PATH}?item=${encodeURIComponent(c.id)}">Properties</a></td>` : ''}</tr>`).join('\n');
  const head = `${rowButtons ? '' : '<th is="coral-table-headercell"></th>'}<th is="coral-table-headercell">Title</th><th is="coral-table-headercell">Cloud Solution</th><th is="coral-table-headercell">Authentication</th><th is="coral-table-headercell">Status</th>${rowButtons ? '<th is="coral-table-headercell"></th>' : ''}`;
  // The selection bar: shown while exactly one configuration is selected (ims-console.js).
  const selectionBar = rowButtons ? '' : `<div class="granite-collection-selectionbar" role="toolbar" aria-label="Selection" hidden>
<button is="coral-button" type="button" variant="quiet" icon="properties" id="ims-selection-properties" data-href="${PROPERTIES_PATH}">Properties</button>
<button is="coral-button" type="button" variant="quiet" icon="heart" class="ims-check-health" id="ims-selection-check-health">Check Health</button>
<span class="ims-selection-count"></span></div>`;
  const body = aemShell({
    title: 'Adobe IMS Configurations',
    actions: `<a is="coral-anchorbutton" id="ims-console-create" variant="cta" href="${WIZARD_PATH}${esc(query)}">Create</a>`,
    content: `${selectionBar}<table is="coral-table" id="ims-configurations" data-console-path="${CONSOLE_PATH}"${rowButtons ? '' : ' selectable'}>
<thead is="coral-table-head"><tr is="coral-table-row">${head}</tr></thead>
<tbody is="coral-table-body">${rows}</tbody></table>
${state.aem.imsConfigs.length === 0 ? '<p class="ims-empty">There is no item.</p>' : ''}
<coral-dialog id="ims-health-dialog">
<coral-dialog-header>Check Health</coral-dialog-header>
<coral-dialog-content><p>Check the health of <b class="ims-health-title"></b>: AEM requests an access token from Adobe IMS with this configuration.</p>
<div class="ims-health-result aem-result" aria-live="polite"></div></coral-dialog-content>
<coral-dialog-footer><button is="coral-button" coral-close>Close</button><button is="coral-button" variant="cta" id="ims-health-check" data-action="${HEALTH_PATH}">Check</button></coral-dialog-footer>
</coral-dialog>`,
  });
  return coralPage({ title: 'Adobe IMS Configurations | Adobe Experience Manager', body, scripts: ['/etc.clientlibs/fake-aem/ims-console.js'] });
}
