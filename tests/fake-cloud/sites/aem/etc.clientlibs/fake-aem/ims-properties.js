// An IMS configuration's Properties: read-only while JWT, the Authentication Type switch (the
// other type's fields hidden and not posted), required fields, Save & Close.
import { coralReady, postForm, showResult } from './foundation-form.js';

const form = document.getElementById('ims-properties-form');
await coralReady(form);

const authType = form.querySelector('#ims-authType');
// V (Adobe's migration steps): a JWT configuration "will open as read-only"; choosing OAuth in
// Authentication Type updates the available properties. Which fields stay read-only after the
// switch is G: here none.
function syncAuthType() {
  const readOnly = authType.value === 'jwt';
  for (const field of form.querySelectorAll('.aem-field input:not([type=hidden]), .aem-field textarea')) field.readOnly = readOnly;
  for (const wrapper of form.querySelectorAll('[data-auth-type]')) {
    const on = wrapper.dataset.authType === authType.value;
    wrapper.hidden = !on;
    for (const field of wrapper.querySelectorAll('input, textarea')) field.disabled = !on;
  }
}
authType.addEventListener('change', syncAuthType);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const area = form.querySelector('.ims-properties-result');
  const empty = [...form.querySelectorAll('[required]')].filter((f) => !f.disabled && String(f.value ?? '').trim() === '');
  for (const f of empty) f.invalid = true;
  if (empty.length) {
    showResult(area, 'error', 'Error', 'Please fill out all required fields.');
    return;
  }
  try {
    await postForm(form);
    location.assign(form.dataset.redirect);
  } catch (err) {
    showResult(area, 'error', 'Error', `Could not save the configuration: ${err.message}`);
  }
});
syncAuthType();
document.documentElement.dataset.ready = 'true';
