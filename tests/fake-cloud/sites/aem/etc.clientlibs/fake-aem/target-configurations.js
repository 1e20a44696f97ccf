// Adobe Target configurations console (AEMaaCS). The column view: a folder item opens that
// folder (Granite loads its column; here the page for its address), an item's thumbnail selects
// it and the selection bar's Properties opens the selected configuration. The list variant:
// containers are plain links; in a container, selecting one configuration's row shows the bar.
import { coralReady } from './foundation-form.js';

await coralReady();
const bar = /** @type {HTMLElement | null} */ (document.querySelector('.granite-collection-selectionbar'));
const columns = document.getElementById('tt-columns');
/** The selected configurations' paths. */
const selected = () => [...document.querySelectorAll('coral-columnview-item[selected][data-path], tr[selected][data-path]')]
  .map((el) => /** @type {HTMLElement} */ (el).dataset.path);
const selectionChanged = () => {
  if (!bar) return;
  bar.hidden = selected().length !== 1;
  const count = bar.querySelector('.tt-selection-count');
  if (count) count.textContent = `${selected().length} selected`;
};
document.addEventListener('coral-columnview:change', selectionChanged);
document.addEventListener('coral-table:change', selectionChanged);
columns?.addEventListener('coral-columnview:activeitemchange', (e) => {
  const item = /** @type {any} */ (e).detail.activeItem;
  const id = item?.dataset.foundationCollectionItemId;
  // A folder opens; a configuration only shows as active (its Properties opens it).
  if (id && /^\/conf\/[^/]+$/.test(id) && !item.hasAttribute('data-path')) location.href = `${columns.dataset.configurationsPath}${id}`;
});
document.getElementById('tt-selection-properties')?.addEventListener('click', (e) => {
  location.href = `${/** @type {HTMLElement} */ (e.currentTarget).dataset.href}${selected()[0]}`;
});
document.documentElement.dataset.ready = 'true';
