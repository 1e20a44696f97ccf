// AEMaaCS Target configuration: Client Code copied into an empty Tenant ID, Connect to
// Adobe Target, Save & Close (foundation-form AJAX post, then back to the console).
import { coralReady, postForm, postParams, showResult } from './foundation-form.js';

const form = document.getElementById('tt-cloud-form');
await coralReady(form);

const clientCode = form.querySelector('[name="./clientcode"]');
const tenant = form.querySelector('[name="./tenant"]');
let copied = tenant.value === '' ? '' : null;
function copyClientCode() {
  if (copied !== null && tenant.value === copied) {
    tenant.value = clientCode.value;
    copied = clientCode.value;
  }
}
// The Create page has no Client Code (Adobe's 2020 screenshot).
clientCode?.addEventListener('input', copyClientCode);
clientCode?.addEventListener('change', copyClientCode);
tenant.addEventListener('input', () => { copied = tenant.value === '' ? '' : null; });
// The Create page's Save stays greyed until Connect succeeded (I).
const save = document.getElementById('tt-save');

const result = form.querySelector('.tt-connect-result');
document.getElementById('tt-connect').addEventListener('click', async () => {
  try {
    const { status, message } = await postParams(`${form.getAttribute('action')}.connect.json`, new URLSearchParams(new FormData(form)));
    showResult(result, status === 'ok' ? 'success' : 'error', status === 'ok' ? 'Adobe Target' : 'Error', message);
    if (form.dataset.saveAfterConnect) save.disabled = status !== 'ok';
  } catch (err) {
    showResult(result, 'error', 'Error', err.message);
  }
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await postForm(form);
    document.documentElement.dataset.saved = 'true';
    location.assign(form.dataset.redirect);
  } catch (err) {
    showResult(result, 'error', 'Error', `Could not save: ${err.message}`);
  }
});
document.documentElement.dataset.ready = 'true';
