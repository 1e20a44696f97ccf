// Behaviour of the classic (ExtJS) Target dialog: combos, the Authentication switch,
// Client Code copied into an empty Tenant ID (AEM 6.5.8+), Connect to Adobe Target, OK.
// ExtJS keeps values in its own objects; here the DOM is the state, which is what a
// content script sees on the real page too.
import { postForm, postParams } from './foundation-form.js';

const form = document.getElementById('tt-form');
const dialog = document.getElementById('tt-dialog');
const mask = document.getElementById('tt-mask');

// ExtJS renders a combo's list as a floating layer at the end of <body>.
for (const wrap of form.querySelectorAll('.x-combo')) {
  const text = wrap.querySelector('input[type="text"]');
  const hidden = wrap.querySelector('input[type="hidden"]');
  const list = wrap.querySelector('.x-combo-list');
  list.id = `${text.id}-list`;
  list.dataset.comboFor = text.id;
  document.body.append(list);
  const close = () => { list.style.visibility = 'hidden'; wrap.classList.remove('x-trigger-wrap-focus'); };
  const open = () => {
    const r = wrap.getBoundingClientRect();
    Object.assign(list.style, { left: `${r.left + scrollX}px`, top: `${r.bottom + scrollY}px`, width: `${r.width}px`, visibility: 'visible' });
    wrap.classList.add('x-trigger-wrap-focus');
  };
  const toggle = () => (list.style.visibility === 'visible' ? close() : open());
  text.addEventListener('click', toggle);
  wrap.querySelector('.x-form-trigger').addEventListener('click', toggle);
  list.addEventListener('mouseover', (e) => {
    for (const i of list.querySelectorAll('.x-combo-list-item')) i.classList.toggle('x-combo-selected', i === e.target);
  });
  list.addEventListener('click', (e) => {
    const item = e.target.closest('.x-combo-list-item');
    if (!item) return;
    hidden.value = item.dataset.value;
    text.value = item.textContent;
    close();
    // ExtJS fires its own "select"; a DOM change on the hidden input stands in for it.
    hidden.dispatchEvent(new Event('change', { bubbles: true }));
  });
  document.addEventListener('mousedown', (e) => { if (!wrap.contains(e.target) && !list.contains(e.target)) close(); });
}

// IMS shows Tenant ID and IMS Configuration; User Credentials shows Email and Password.
const authentication = form.querySelector('input[name="./authentication"]');
function syncAuthentication() {
  for (const item of form.querySelectorAll('[data-auth]')) {
    const on = item.dataset.auth === authentication.value;
    item.hidden = !on;
    for (const input of item.querySelectorAll('input')) input.disabled = !on;
  }
}
authentication.addEventListener('change', syncAuthentication);
syncAuthentication();

// AEM 6.5.8+: Client Code entered first is copied into Tenant ID; a Tenant ID the user
// typed differently is left alone.
const clientCode = form.querySelector('input[name="./clientcode"]');
const tenant = form.querySelector('input[name="./tenant"]');
let copied = tenant.value === '' ? '' : null;
function copyClientCode() {
  if (copied !== null && tenant.value === copied) {
    tenant.value = clientCode.value;
    copied = clientCode.value;
  }
}
clientCode.addEventListener('input', copyClientCode);
clientCode.addEventListener('change', copyClientCode);
tenant.addEventListener('input', () => { copied = tenant.value === '' ? '' : null; });

const connectResult = form.querySelector('.tt-connect-result');
document.querySelector('#tt-connect button').addEventListener('click', async () => {
  connectResult.textContent = 'Connecting…';
  try {
    const { message } = await postParams('/libs/cq/analytics/testandtarget/command', new URLSearchParams([['cmd', 'connect'], ['path', form.getAttribute('action').replace(/\/jcr:content$/, '')], ...new FormData(form)]));
    connectResult.textContent = message;
  } catch (err) {
    connectResult.textContent = `Connection failed: ${err.message}`;
  }
});

function show(open) {
  dialog.hidden = !open;
  mask.hidden = !open;
}
document.getElementById('tt-edit').addEventListener('click', () => show(true));
document.getElementById('tt-close').addEventListener('click', () => show(false));
document.querySelector('#tt-cancel button').addEventListener('click', () => show(false));
document.querySelector('#tt-ok button').addEventListener('click', async () => {
  try {
    await postForm(form);
    location.reload();
  } catch (err) {
    connectResult.textContent = `Could not save: ${err.message}`;
  }
});
document.documentElement.dataset.ready = 'true';
