// AEM as a Cloud Service: Tools > Cloud Services > Adobe Target. The configuration
// containers (/conf/<site>), then per container its Target configurations and Create.
// The console's path is inferred from the edit page's (…/v2/configurations/edit.html);
// the real console is a Granite column view and Create first asks for a Title in a
// dialog: here containers are table rows with links, a container's configurations rows to
// select (then Properties), and Create goes straight to the edit page, whose form has the
// Title field.
import { coralPage, esc, globalNav, titleBar } from '../lib/html.mjs';
import { CLOUD_EDIT_PREFIX } from './target-cloud.mjs';

export const CONFIGURATIONS_PATH = '/libs/cq/personalization/touch-ui/content/v2/configurations.html';

/** The configuration containers: state.aem.confSites (default ['wknd']) and any site a Target configuration is stored under. */
export function confSites(state) {
  const fromConfigs = state.aem.targetConfigs.map((c) => /^\/conf\/([a-z0-9-]+)\//.exec(c.path)?.[1]).filter(Boolean);
  return [...new Set([...(state.aem.confSites ?? ['wknd']), ...fromConfigs])];
}

const table = (id, headers, rows, empty = 'There is no item.') => `<table is="coral-table" id="${id}">
<thead is="coral-table-head"><tr is="coral-table-row">${headers.map((h) => `<th is="coral-table-headercell">${esc(h)}</th>`).join('')}</tr></thead>
<tbody is="coral-table-body">${rows.join('\n')}</tbody></table>
${rows.length === 0 ? `<p class="tt-configs-empty">${esc(empty)}</p>` : ''}`;

const row = (cells) => `<tr is="coral-table-row">${cells.map((c) => `<td is="coral-table-cell">${c}</td>`).join('')}</tr>`;

function shell({ title, left = '', actions = '', content }) {
  const body = `${globalNav()}
${titleBar({ title, left, actions })}
<nav class="aem-breadcrumbs" aria-label="Breadcrumbs">Tools <span aria-hidden="true">›</span> Cloud Services <span aria-hidden="true">›</span> Adobe Target</nav>
<main class="aem-content">${content}</main>`;
  return coralPage({ title: 'Adobe Target | Cloud Services | Adobe Experience Manager', body, scripts: ['/etc.clientlibs/fake-aem/target-configurations.js'] });
}

/** The containers (CONFIGURATIONS_PATH). */
export function targetContainersPage(state) {
  const rows = confSites(state).map((site) => row([`<a href="${CONFIGURATIONS_PATH}/conf/${esc(site)}" class="tt-container-link">${esc(site)}</a>`, `<code>/conf/${esc(site)}</code>`]));
  return shell({ title: 'Adobe Target Configurations', content: table('tt-containers', ['Name', 'Path'], rows) });
}

/**
 * One container's Target configurations (CONFIGURATIONS_PATH/conf/<site>), with Create. As
 * Adobe documents editing one ("Select an existing configuration and click Properties"), a row
 * is selected (its row-select box) and the selection bar offers Properties, which opens the
 * configuration's form (that it is the edit page's address is G).
 */
export function targetSiteConfigsPage(state, site) {
  const configs = state.aem.targetConfigs.filter((c) => c.path.startsWith(`/conf/${site}/settings/cloudconfigs/`));
  const rows = configs.map((c) => `<tr is="coral-table-row" data-path="${esc(c.path)}">
<td is="coral-table-cell"><coral-checkbox coral-table-rowselect class="tt-select" aria-label="Select"></coral-checkbox></td>
<td is="coral-table-cell">${esc(c.title)}</td><td is="coral-table-cell"><code>${esc(c.path)}</code></td><td is="coral-table-cell">${esc(c.clientCode ?? '')}</td></tr>`);
  const bar = `<div class="granite-collection-selectionbar" role="toolbar" aria-label="Selection" hidden>
<button is="coral-button" type="button" variant="quiet" icon="properties" id="tt-selection-properties" data-href="${CLOUD_EDIT_PREFIX}">Properties</button></div>`;
  return shell({
    title: `Adobe Target Configurations — ${site}`,
    left: `<a is="coral-anchorbutton" variant="quiet" href="${CONFIGURATIONS_PATH}" id="tt-configs-back">Configurations</a>`,
    actions: `<a is="coral-anchorbutton" variant="cta" href="${CLOUD_EDIT_PREFIX}/conf/${esc(site)}/settings/cloudconfigs/target" id="tt-configs-create">Create</a>`,
    content: `${bar}<table is="coral-table" id="tt-configurations" selectable>
<thead is="coral-table-head"><tr is="coral-table-row"><th is="coral-table-headercell"></th>${['Title', 'Path', 'Client Code'].map((h) => `<th is="coral-table-headercell">${h}</th>`).join('')}</tr></thead>
<tbody is="coral-table-body">${rows.join('\n')}</tbody></table>
${rows.length === 0 ? '<p class="tt-configs-empty">There is no item.</p>' : ''}`,
  });
}
