// The console's actions: select one configuration (its row's checkbox) and the selection bar
// offers Properties and Check Health (the G variant: the same two buttons in each row).
// Check Health opens the dialog for that configuration; Check asks the server, which records
// the click and answers with what the result area shows.
import { coralReady, postParams, showResult } from './foundation-form.js';

await coralReady();
const dialog = document.getElementById('ims-health-dialog');
const result = dialog.querySelector('.ims-health-result');
const bar = /** @type {HTMLElement | null} */ (document.querySelector('.granite-collection-selectionbar'));
let configId = null;

/** The selected rows' configuration ids. */
const selected = () => [...document.querySelectorAll('.ims-select')].filter((box) => box.checked).map((box) => box.dataset.configId);
const rowOf = (id) => document.querySelector(`tr[data-config-id="${CSS.escape(id)}"]`);
const titleOf = (id) => rowOf(id)?.cells[bar ? 1 : 0].textContent ?? '';

for (const box of document.querySelectorAll('.ims-select')) {
  box.addEventListener('change', () => {
    const ids = selected();
    for (const row of document.querySelectorAll('tr[data-config-id]')) row.toggleAttribute('selected', ids.includes(row.dataset.configId));
    // Granite's selection bar acts on one item here: both actions open one configuration.
    bar.hidden = ids.length !== 1;
    bar.querySelector('.ims-selection-count').textContent = `${ids.length} selected`;
  });
}

document.getElementById('ims-selection-properties')?.addEventListener('click', (e) => {
  const [id] = selected();
  location.href = `${e.currentTarget.dataset.href}?item=${encodeURIComponent(id)}`;
});

for (const button of document.querySelectorAll('.ims-check-health')) {
  button.addEventListener('click', () => {
    configId = button.dataset.configId ?? selected()[0];
    dialog.querySelector('.ims-health-title').textContent = titleOf(configId);
    result.replaceChildren();
    dialog.open = true;
  });
}

const check = document.getElementById('ims-health-check');
check.addEventListener('click', async () => {
  try {
    const { status, message } = await postParams(check.dataset.action, new URLSearchParams({ id: configId }));
    showResult(result, status === 'ok' ? 'success' : status === 'pending' ? 'info' : 'error', status === 'ok' ? 'Success' : 'Check Health', message);
  } catch (err) {
    showResult(result, 'error', 'Error', err.message);
  }
});
document.documentElement.dataset.ready = 'true';
