// Behaviour of the IMS configuration wizard: the certificate switch and its hidden twin,
// key pair creation, authentication type, step buttons, validation and Create.
import { coralReady, postForm, postParams, showResult } from './foundation-form.js';

const form = document.getElementById('ims-wizard-form');
const wizard = document.getElementById('ims-wizard');
const $ = (sel) => form.querySelector(sel);

await coralReady(form);

// The switch posts "true" when on; its hidden twin posts "false" only while it is off, as
// Granite's uncheckedValue does, so the servlet always gets exactly one value.
const certSwitch = $('#ims-newKeypair');
const twin = $('[data-unchecked-for="ims-newKeypair"]');
// With the switch off, the keystore's existing certificates are offered instead (when it has
// any); the hidden alias that "Create certificate" sets is posted only with the switch on.
const existing = $('#ims-existingKeypairAlias');
function syncSwitch() {
  twin.disabled = certSwitch.checked;
  if (existing) {
    existing.closest('.ims-existing-certificate').hidden = certSwitch.checked;
    existing.disabled = certSwitch.checked;
    $('#ims-keypairAlias').disabled = !certSwitch.checked;
  }
  $('.ims-new-certificate').hidden = !certSwitch.checked;
  $('#ims-newKeypairAlias').disabled = !certSwitch.checked;
  updateCreateCertificate();
  updateNext();
}
certSwitch.addEventListener('change', syncSwitch);

const alias = $('#ims-newKeypairAlias');
const createCert = $('#ims-create-certificate');
function updateCreateCertificate() {
  createCert.disabled = !certSwitch.checked || alias.value.trim() === '';
}
alias.addEventListener('input', updateCreateCertificate);
alias.addEventListener('change', updateCreateCertificate);

createCert.addEventListener('click', async () => {
  createCert.disabled = true;
  try {
    const { alias: created, publicKeyUrl } = await postParams(createCert.dataset.action ?? '/libs/cq/adobeims-configuration/content/configurations/certificate',
      new URLSearchParams({ alias: alias.value.trim() }));
    $('#ims-keypairAlias').value = created;
    $('.ims-certificate-alias').textContent = created;
    $('#ims-download-public-key').href = publicKeyUrl;
    $('.ims-certificate-result').hidden = false;
  } catch (err) {
    showResult($('.ims-certificate-result'), 'error', 'Error', `Could not create the certificate: ${err.message}`);
  }
  updateCreateCertificate();
  updateNext();
});

// Fields of the other authentication type are hidden and disabled, so they are not posted.
const authType = $('#ims-authType');
function syncAuthType() {
  // Without the select the wizard offers JWT only (before SP20).
  const type = authType ? authType.value : 'jwt';
  for (const wrapper of form.querySelectorAll('[data-auth-type]')) {
    const on = wrapper.dataset.authType === type;
    wrapper.hidden = !on;
    for (const field of wrapper.querySelectorAll('input, textarea')) field.disabled = !on;
  }
}
authType?.addEventListener('change', syncAuthType);

const cloud = $('#ims-cloudServiceName');
const next = document.getElementById('ims-next');
function updateNext() {
  next.disabled = cloud.value === '' || (certSwitch.checked && $('#ims-keypairAlias').value === '');
}
cloud.addEventListener('change', updateNext);

function onStep() {
  const step = wizard.panelStacks.first()?.selectedItem?.dataset.step;
  document.getElementById('ims-back').hidden = step === 'certificate';
  next.hidden = step !== 'certificate';
  document.getElementById('ims-create').hidden = step !== 'account';
}
wizard.addEventListener('coral-wizardview:change', onStep);

function visibleRequiredEmpty() {
  const missing = [];
  for (const field of form.querySelectorAll('.foundation-wizard-step[data-step="account"] [required]')) {
    const empty = !field.disabled && String(field.value ?? '').trim() === '';
    field.invalid = empty;
    if (empty) missing.push(field);
  }
  return missing;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const area = $('.ims-create-result');
  if (visibleRequiredEmpty().length > 0) {
    showResult(area, 'error', 'Error', 'Please fill out all required fields.');
    return;
  }
  try {
    await postForm(form);
    location.assign(form.dataset.redirect);
  } catch (err) {
    showResult(area, 'error', 'Error', `Could not create the configuration: ${err.message}`);
  }
});

syncSwitch();
syncAuthType();
onStep();
document.documentElement.dataset.ready = 'true';
