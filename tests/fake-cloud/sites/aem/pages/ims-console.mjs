// "Adobe IMS Configurations" console (Tools > Security): the stored configurations, with
// Create and, per configuration, Check Health > Check as in the real console.
import { aemShell, coralPage, esc } from '../lib/html.mjs';
import { CONSOLE_PATH, WIZARD_PATH } from './ims-wizard.mjs';
import { PROPERTIES_PATH } from './ims-properties.mjs';

export const HEALTH_PATH = '/libs/cq/adobeims-configuration/content/configurations/healthcheck';

export function imsConsolePage(state, query = '') {
  const rows = state.aem.imsConfigs.map((c) => `<tr is="coral-table-row" data-config-id="${esc(c.id)}">
<td is="coral-table-cell">${esc(c.title)}</td><td is="coral-table-cell">${esc(c.cloudServiceName)}</td>
<td is="coral-table-cell">${c.authType === 'oauth' ? 'OAuth Credentials' : 'JWT Credentials (deprecated)'}</td>
<td is="coral-table-cell">${c.autoProvisioned ? 'Auto-provisioned' : ''}</td>
<td is="coral-table-cell"><button is="coral-button" type="button" variant="quiet" icon="heart" class="ims-check-health" data-config-id="${esc(c.id)}">Check Health</button>
<a is="coral-anchorbutton" variant="quiet" icon="properties" href="${PROPERTIES_PATH}?item=${encodeURIComponent(c.id)}">Properties</a></td></tr>`).join('\n');
  const body = aemShell({
    title: 'Adobe IMS Configurations',
    actions: `<a is="coral-anchorbutton" id="ims-console-create" variant="cta" href="${WIZARD_PATH}${esc(query)}">Create</a>`,
    content: `<table is="coral-table" id="ims-configurations" data-console-path="${CONSOLE_PATH}">
<thead is="coral-table-head"><tr is="coral-table-row"><th is="coral-table-headercell">Title</th><th is="coral-table-headercell">Cloud Solution</th><th is="coral-table-headercell">Authentication</th><th is="coral-table-headercell">Status</th><th is="coral-table-headercell"></th></tr></thead>
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
