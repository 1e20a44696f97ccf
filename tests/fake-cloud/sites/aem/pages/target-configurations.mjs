// AEM as a Cloud Service: Tools > Cloud Services > Adobe Target. The configuration
// containers (/conf/<site>), then per container its Target configurations and Create.
// The console's path is inferred from the edit page's (…/v2/configurations/edit.html).
// V (Adobe's screenshot `tenant1.png` in experience-manager-cloud-service.en, 2020): a Granite
// **column view**: the /conf folders in the first column, the folder's own items in the next
// (its preview, "Title"/"Name", when it holds none), "Create" in the title bar. G: the markup
// (Coral's column view, Granite's `foundation-collection-item` with the item's path as its
// id), selecting by the item's thumbnail, and the selection bar's Properties.
// `state.aem.targetConsoleView = 'list'`: the G variant of tables (containers as links, a
// container's configurations as rows to select). Create goes straight to the edit page,
// whose form has the Title field (the real one first asks for a Title in a dialog).
import { coralPage, esc, globalNav, titleBar } from '../lib/html.mjs';
import { CLOUD_CREATE_PREFIX, CLOUD_EDIT_PREFIX } from './target-cloud.mjs';

/** Where "Create" goes: the edit page of the new configuration, or (variant) a Create page. */
const createHref = (state, site) => (state.aem.targetCreate === 'page'
  ? `${CLOUD_CREATE_PREFIX}/conf/${esc(site)}`
  : `${CLOUD_EDIT_PREFIX}/conf/${esc(site)}/settings/cloudconfigs/target`);

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

/** The column view at `site` (or at /conf with none): the folders, then the folder's items. */
function columnView(state, site) {
  const folder = (name) => `<coral-columnview-item class="foundation-collection-item" variant="drilldown" data-foundation-collection-item-id="/conf/${esc(name)}"${name === site ? ' active' : ''}>
<coral-columnview-item-thumbnail><coral-icon icon="folder"></coral-icon></coral-columnview-item-thumbnail>
<coral-columnview-item-content><div class="foundation-collection-item-title">${esc(name)}</div></coral-columnview-item-content></coral-columnview-item>`;
  const folders = `<coral-columnview-column data-foundation-layout-columnview-columnid="/conf"><coral-columnview-column-content>
${confSites(state).map(folder).join('\n')}</coral-columnview-column-content></coral-columnview-column>`;
  let inside = '';
  if (site) {
    const configs = state.aem.targetConfigs.filter((c) => c.path.startsWith(`/conf/${site}/settings/cloudconfigs/`));
    inside = configs.length
      ? `<coral-columnview-column data-foundation-layout-columnview-columnid="/conf/${esc(site)}"><coral-columnview-column-content>
${configs.map((c) => `<coral-columnview-item class="foundation-collection-item" data-foundation-collection-item-id="${esc(c.path)}" data-path="${esc(c.path)}">
<coral-columnview-item-thumbnail><coral-icon icon="adobeTarget"></coral-icon></coral-columnview-item-thumbnail>
<coral-columnview-item-content><div class="foundation-collection-item-title">${esc(c.title)}</div></coral-columnview-item-content></coral-columnview-item>`).join('\n')}
</coral-columnview-column-content></coral-columnview-column>`
      : `<coral-columnview-preview><coral-columnview-preview-content><coral-icon icon="folder" size="XXL"></coral-icon>
<coral-columnview-preview-label>Title</coral-columnview-preview-label><coral-columnview-preview-value>${esc(site)}</coral-columnview-preview-value>
<coral-columnview-preview-label>Name</coral-columnview-preview-label><coral-columnview-preview-value>${esc(site)}</coral-columnview-preview-value>
</coral-columnview-preview-content></coral-columnview-preview>`;
  }
  const bar = `<div class="granite-collection-selectionbar" role="toolbar" aria-label="Selection" hidden>
<span class="tt-selection-count"></span>
<button is="coral-button" type="button" variant="quiet" icon="properties" id="tt-selection-properties" data-href="${CLOUD_EDIT_PREFIX}">Properties</button></div>`;
  const create = site ? `<a is="coral-anchorbutton" variant="cta" href="${createHref(state, site)}" id="tt-configs-create">Create</a>` : '';
  return shell({
    title: site ?? 'Adobe Target Configurations',
    actions: create,
    content: `${bar}<coral-columnview id="tt-columns" class="foundation-collection" selectionmode="single" data-configurations-path="${CONFIGURATIONS_PATH}">
${folders}${inside}</coral-columnview>`,
  });
}

/** The containers (CONFIGURATIONS_PATH). */
export function targetContainersPage(state) {
  if (state.aem.targetConsoleView !== 'list') return columnView(state, null);
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
  if (state.aem.targetConsoleView !== 'list') return columnView(state, site);
  const configs = state.aem.targetConfigs.filter((c) => c.path.startsWith(`/conf/${site}/settings/cloudconfigs/`));
  const rows = configs.map((c) => `<tr is="coral-table-row" data-path="${esc(c.path)}">
<td is="coral-table-cell"><coral-checkbox coral-table-rowselect class="tt-select" aria-label="Select"></coral-checkbox></td>
<td is="coral-table-cell">${esc(c.title)}</td><td is="coral-table-cell"><code>${esc(c.path)}</code></td><td is="coral-table-cell">${esc(c.clientCode ?? '')}</td></tr>`);
  const bar = `<div class="granite-collection-selectionbar" role="toolbar" aria-label="Selection" hidden>
<button is="coral-button" type="button" variant="quiet" icon="properties" id="tt-selection-properties" data-href="${CLOUD_EDIT_PREFIX}">Properties</button></div>`;
  return shell({
    title: `Adobe Target Configurations — ${site}`,
    left: `<a is="coral-anchorbutton" variant="quiet" href="${CONFIGURATIONS_PATH}" id="tt-configs-back">Configurations</a>`,
    actions: `<a is="coral-anchorbutton" variant="cta" href="${createHref(state, site)}" id="tt-configs-create">Create</a>`,
    content: `${bar}<table is="coral-table" id="tt-configurations" selectable>
<thead is="coral-table-head"><tr is="coral-table-row"><th is="coral-table-headercell"></th>${['Title', 'Path', 'Client Code'].map((h) => `<th is="coral-table-headercell">${h}</th>`).join('')}</tr></thead>
<tbody is="coral-table-body">${rows.join('\n')}</tbody></table>
${rows.length === 0 ? '<p class="tt-configs-empty">There is no item.</p>' : ''}`,
  });
}
