// The one-page Create form: Create stays disabled until every required field holds a value,
// checked again on the `input` and `change` events a user's typing and choosing fire (Granite's
// validation, I); Create posts the form and returns to the console.
import { coralReady, postForm, showResult } from './foundation-form.js';

const form = document.getElementById('ims-create-form');
const create = document.getElementById('ims-create');
await coralReady(form);

// The form's own fields only (a Coral select's inner parts are not fields of the form).
const required = () => [...form.querySelectorAll('.coral-Form-fieldwrapper > [required]')];
const empty = (field) => String(field.value ?? '').trim() === '';
function update() {
  create.disabled = required().some(empty);
}
form.addEventListener('input', update);
form.addEventListener('change', update);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (required().some(empty)) return;
  try {
    await postForm(form);
    location.assign(form.dataset.redirect);
  } catch (err) {
    showResult(form.querySelector('.ims-create-result'), 'error', 'Error', `Could not create the configuration: ${err.message}`);
  }
});

update();
document.documentElement.dataset.ready = 'true';
