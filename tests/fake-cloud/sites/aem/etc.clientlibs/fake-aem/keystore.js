// Behaviour of the keystore page: Create KeyStore posts the password (urlencoded); "Add Private
// Key from DER file" opens its dialog, whose form posts multipart (it holds files), as
// Granite's foundation-form does; AEM's answer shows in the form, the page reloads on success.
import { coralReady, postForm, showResult } from './foundation-form.js';

await coralReady(document.body);

const create = document.getElementById('keystore-create');
create?.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await postForm(create);
    location.reload();
  } catch (err) {
    showResult(create.querySelector('.keystore-result'), 'error', 'Error', err.message);
  }
});

const dialog = document.getElementById('keystore-der-dialog');
const der = document.getElementById('keystore-der-form');
document.getElementById('keystore-add-der')?.addEventListener('click', () => {
  dialog.open = true;
});
document.getElementById('keystore-der-submit')?.addEventListener('click', (event) => {
  event.preventDefault();
  der.requestSubmit();
});
der?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const res = await fetch(der.getAttribute('action'), { method: 'POST', body: new FormData(der) });
  const body = await res.json().catch(() => ({}));
  if (res.ok) {
    location.reload();
    return;
  }
  showResult(der.querySelector('.keystore-result'), 'error', 'Error', body.message ?? `HTTP ${res.status}`);
});

document.documentElement.dataset.ready = 'true';
