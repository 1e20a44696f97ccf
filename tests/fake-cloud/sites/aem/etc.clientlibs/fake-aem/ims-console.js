// The console's actions: select one configuration (a card, or a row in the list variant) and
// the selection bar offers Properties and Check Health (the G variant: the same two buttons in
// each row). Check Health opens the "Check" dialog for that configuration; Check asks the
// server, which records the click, and AEM's verdict opens in its own dialog (or, in the G
// variant, shows as an alert in the "Check" dialog).
import { coralReady, postParams, showResult } from './foundation-form.js';

await coralReady();
const dialog = /** @type {any} */ (document.getElementById('ims-health-dialog'));
const result = dialog.querySelector('.ims-health-result');
const verdict = /** @type {any} */ (document.getElementById('ims-health-verdict'));
const bar = /** @type {HTMLElement | null} */ (document.querySelector('.granite-collection-selectionbar'));
let configId = null;

/** The selected items' configuration ids (Coral reflects a selected card or row as `selected`). */
const selected = () => [...document.querySelectorAll('.foundation-collection-item[selected]')].map((el) => /** @type {HTMLElement} */ (el).dataset.configId);
const titleOf = (id) => /** @type {HTMLElement | null} */ (document.querySelector(`[data-config-id="${CSS.escape(id)}"]`))?.dataset.title ?? '';

const selectionChanged = () => {
  if (!bar) return;
  const ids = selected();
  // Granite's selection bar acts on one item here: both actions open one configuration.
  bar.hidden = ids.length !== 1;
  bar.querySelector('.ims-selection-count').textContent = `${ids.length} selected`;
};
document.addEventListener('coral-masonry:change', selectionChanged);
document.addEventListener('coral-table:change', selectionChanged);

document.getElementById('ims-selection-properties')?.addEventListener('click', (e) => {
  const [id] = selected();
  location.href = `${/** @type {HTMLElement} */ (e.currentTarget).dataset.href}?item=${encodeURIComponent(id)}`;
});

for (const button of document.querySelectorAll('.ims-check-health')) {
  button.addEventListener('click', () => {
    configId = /** @type {HTMLElement} */ (button).dataset.configId ?? selected()[0];
    dialog.querySelector('.ims-health-title').textContent = titleOf(configId);
    result.replaceChildren();
    result.hidden = true;
    dialog.open = true;
  });
}

/** AEM's verdict in its own dialog, as AEM shows a healthy configuration. */
function showVerdict(ok, message) {
  dialog.open = false;
  verdict.variant = ok ? 'success' : 'error';
  verdict.querySelector('coral-dialog-header').textContent = ok ? 'Healthy configuration' : 'Unhealthy configuration';
  verdict.querySelector('coral-dialog-content').textContent = `${titleOf(configId)}: ${message}`;
  verdict.open = true;
}

const check = document.getElementById('ims-health-check');
check.addEventListener('click', async (e) => {
  // The G variant that takes only a person's click (ims-console.mjs).
  if (check.dataset.trustedOnly !== undefined && !e.isTrusted) return;
  const inAlert = dialog.dataset.resultIn === 'alert';
  try {
    const { status, message } = await postParams(check.dataset.action, new URLSearchParams({ id: configId }));
    if (!inAlert) return showVerdict(status === 'ok', message);
    showResult(result, status === 'ok' ? 'success' : 'error', status === 'ok' ? 'Success' : 'Check Health', message);
  } catch (err) {
    if (!inAlert) return showVerdict(false, err.message);
    showResult(result, 'error', 'Error', err.message);
  }
});
document.documentElement.dataset.ready = 'true';
