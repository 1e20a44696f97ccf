// The key pair: made in the worker (never on this page's thread), offered as every file the
// Developer Console and AEM take.
import { $, copyText, send, status } from './shared.js';
// The export files shared with the www page, which loads it as a classic script from disk.
import '../shared/keyfiles.js';

const { files: EXPORTS, save } = globalThis.imsLinkKeyFiles;
let keyPair = null;
let confirmReplace = false;

function render() {
  const ready = Boolean(keyPair);
  $('keys-empty').hidden = ready;
  $('keys-ready').hidden = !ready;
  $('generate').textContent = confirmReplace
    ? 'Replace the key pair (the old one is lost unless downloaded)'
    : ready ? 'Generate a new key pair' : 'Generate key pair';
  if (!ready) return;
  const cert = keyPair.certificate;
  $('cert-subject').textContent = cert?.subject ?? 'no certificate given';
  $('cert-expires').textContent = cert ? new Date(cert.notAfter * 1000).toLocaleDateString(undefined, { dateStyle: 'long' }) : '—';
  $('cert-sha256').textContent = cert?.sha256Fingerprint ?? '—';
  $('cert-sha1').textContent = cert?.sha1Console || '—';
  document.querySelectorAll('[data-export^="cert"], [data-copy^="cert"]').forEach((/** @type {HTMLElement} */ b) => { b.hidden = !cert; });
}

async function generate(tenant) {
  if (keyPair && !confirmReplace) {
    confirmReplace = true;
    return render();
  }
  confirmReplace = false;
  const button = $('generate');
  button.disabled = true;
  $('keys-progress').hidden = false;
  $('keys-problem').hidden = true;
  status('Generating an RSA-2048 key pair and certificate…');
  const days = Number($('validity-days').value);
  const reply = await send({ type: 'GenerateKeyPair', options: { tenant: tenant() ?? undefined, validityDays: days } }).catch(() => null);
  button.disabled = false;
  $('keys-progress').hidden = true;
  if (reply?.type === 'KeyPair' && reply.material) {
    keyPair = reply.material;
    status('Key pair ready. Upload certificate_pub.crt to the Developer Console.');
  } else {
    $('keys-problem').hidden = false;
    $('keys-problem').textContent = reply?.problem?.message ?? 'The key pair could not be made. Try again.';
    status('');
  }
  render();
}

async function importOwn() {
  $('keys-problem').hidden = true;
  const certText = $('own-cert').value.trim() || undefined;
  const reply = await send({ type: 'ImportKeyPair', keyText: $('own-key').value, certText });
  if (reply?.type === 'KeyPair') {
    keyPair = reply.material;
    $('own-key').value = '';
    $('own-cert').value = '';
    status(keyPair.certificate ? 'Your key and certificate belong together; IMS Link will use them.' : 'Your key is in use. Add its certificate to offer it for download.');
  } else {
    $('keys-problem').hidden = false;
    $('keys-problem').textContent = reply?.problem?.message ?? 'The key could not be read.';
  }
  render();
}

export function wireKeys(tenant) {
  $('import-key').addEventListener('click', importOwn);
  $('generate').addEventListener('click', () => generate(tenant));
  document.querySelectorAll('[data-export]').forEach((/** @type {HTMLElement} */ b) =>
    b.addEventListener('click', () => status(`Saved ${save(b.dataset.export, keyPair)}.`)));
  document.querySelectorAll('[data-copy]').forEach((/** @type {HTMLElement} */ b) =>
    b.addEventListener('click', () => copyText(EXPORTS[b.dataset.copy].data(keyPair), `the ${EXPORTS[b.dataset.copy].what}`, { secret: b.dataset.copy === 'keyPem' })));
}

/** The key pair held, from the popup's one request on open (and after every change). */
export function showKeyPair(material) {
  keyPair = material ?? null;
  render();
}
