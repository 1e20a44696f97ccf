// Check Health: opens the dialog for one configuration; Check asks the server, which
// records the click and answers with what the result area shows.
import { coralReady, postParams, showResult } from './foundation-form.js';

await coralReady();
const dialog = document.getElementById('ims-health-dialog');
const result = dialog.querySelector('.ims-health-result');
let configId = null;

for (const button of document.querySelectorAll('.ims-check-health')) {
  button.addEventListener('click', () => {
    configId = button.dataset.configId;
    dialog.querySelector('.ims-health-title').textContent = button.closest('tr').cells[0].textContent;
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
