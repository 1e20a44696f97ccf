// Target's screens as they run inside the Unified Shell's iframe (adobe-surfaces.md §8, V).
// The frame's own address carries no org (`/solutions/target/#/<route>`, the route shape is
// G); the org comes from the shell by postMessage, as the real module runtime gets its
// context from the shell, and this frame reports its route back so the top address follows.
'use strict';
const SHELL = 'https://experience.adobe.com';

const ACTIVITIES = [
  { name: 'Homepage hero A/B', type: 'A/B Test', status: 'Live' },
  { name: 'Checkout recommendations', type: 'Recommendations', status: 'Inactive' },
  { name: 'Spring campaign XT', type: 'Experience Targeting', status: 'Draft' },
];
const ADMIN_PAGES = [
  ['Visual Experience Composer', 'vec'], ['Reporting', 'reporting'], ['Implementation', 'implementation'], ['Properties', 'properties'],
  ['Users', 'users'], ['Environments', 'environments'], ['Response Tokens', 'response-tokens'],
];

/** The shell's context (the org's name), once it arrived. */
let org = null;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  children.forEach((c) => e.append(c));
  return e;
}

const routePath = () => location.hash.replace(/^#\/?/, '') || 'activities';

/** A label and its value, as Target's React Spectrum screens show them (no ids on values). */
function labeledValue(label, value) {
  return el('div', { class: 'labeled-value' }, el('span', { class: 'labeled-value-label' }, label), el('span', { class: 'labeled-value-value' }, value));
}

function render() {
  const view = document.getElementById('view');
  const path = routePath();
  if (window.parent !== window) window.parent.postMessage({ type: 'exc-route', path }, SHELL);
  if (!org) return; // "Loading…" until the shell's context arrives
  view.replaceChildren();
  if (path.startsWith('activities')) {
    const table = el('table', { class: 'activities' }, el('tr', {}, el('th', {}, 'Activity'), el('th', {}, 'Type'), el('th', {}, 'Status')));
    ACTIVITIES.forEach((a) => table.append(el('tr', {}, el('td', {}, a.name), el('td', {}, a.type), el('td', {}, a.status))));
    view.append(el('h1', {}, 'Activities'), table);
  } else if (path.startsWith('setup/implementation')) {
    renderImplementation(view);
  } else {
    view.append(el('h1', {}, path.split('/').pop().replace(/^\w/, (c) => c.toUpperCase())));
  }
}

// Administration > Implementation. "Account details" is loaded by XHR, as in the real Target
// UI, so a reader must wait for the values rather than expect them at page load.
function renderImplementation(view) {
  const here = location.hash;
  const admin = el('nav', { class: 'admin-nav', 'aria-label': 'Administration' });
  ADMIN_PAGES.forEach(([text, page]) => admin.append(el('a', { href: `#/setup/${page}`, ...(page === 'implementation' ? { 'aria-current': 'page' } : {}) }, text)));
  const account = el('section', { class: 'admin-card' }, el('h2', {}, 'Account details'), el('p', { class: 'loading' }, 'Loading…'));
  const methods = el('section', { class: 'admin-card' }, el('h2', {}, 'Implementation methods'),
    labeledValue('Main implementation method', 'at.js 2.11.4'),
    el('div', { class: 'admin-actions' }, el('button', { type: 'button' }, 'Edit at.js settings'), el('button', { type: 'button' }, 'Download at.js 2.11.4')));
  view.append(el('div', { class: 'admin' }, admin, el('div', { class: 'admin-content' }, el('h1', {}, 'Implementation'), account, methods)));
  fetch(`api/account?tenant=${encodeURIComponent(org)}`)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((d) => {
      if (location.hash !== here) return; // the user moved on; this view is gone
      // Read-only text, as Target shows it (no inputs).
      account.replaceChildren(el('h2', {}, 'Account details'), labeledValue('Client Code', d.clientCode), labeledValue('IMS Organization ID', d.imsOrgId));
    })
    .catch((err) => {
      if (location.hash === here) account.replaceChildren(el('h2', {}, 'Account details'), el('p', { class: 'error', role: 'alert' }, `Could not load account details (${err.message}).`));
    });
}

window.addEventListener('message', (e) => {
  if (e.origin !== SHELL || e.source !== window.parent || e.data?.type !== 'exc-context') return;
  org = String(e.data.org);
  render();
});
window.addEventListener('hashchange', render);
if (window.parent !== window) window.parent.postMessage({ type: 'exc-ready' }, SHELL);
render();
