// A tiny stand-in for Adobe's Unified Shell: hash routes `#/@<tenant>/<app>/...`, changed
// without page loads (org switcher, in-app navigation), as on experience.adobe.com.
'use strict';
window.shellLoadedAt = Date.now(); // tests check this survives route changes (no reload)

const ACTIVITIES = [
  { name: 'Homepage hero A/B', type: 'A/B Test', status: 'Live' },
  { name: 'Checkout recommendations', type: 'Recommendations', status: 'Inactive' },
  { name: 'Spring campaign XT', type: 'Experience Targeting', status: 'Draft' },
];

function route() {
  const m = location.hash.match(/^#\/@([^/?]*)\/?([^?]*)/);
  return m ? { tenant: decodeURIComponent(m[1]), path: m[2] } : { tenant: null, path: '' };
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  children.forEach((c) => e.append(c));
  return e;
}

function render() {
  const { tenant, path } = route();
  const view = document.getElementById('view');
  view.replaceChildren();
  const inTarget = path.startsWith('target');
  document.getElementById('target-nav').hidden = !inTarget;
  document.getElementById('app-name').textContent = inTarget ? 'Target' : 'Home';
  if (!tenant && /^#\/[a-z]/.test(location.hash)) {
    // Like the real shell, an address without an organization opens the last one used.
    location.replace(`#/@${document.getElementById('org-switcher').options[0].value}${location.hash.slice(1)}`);
    return;
  }
  if (!tenant) {
    view.append(el('h1', {}, 'Sign in to Adobe Experience Cloud'), el('p', {}, 'Choose an organization to continue.'));
    return;
  }
  document.getElementById('org-switcher').value = tenant;
  document.querySelectorAll('#target-nav a').forEach((a) => {
    a.href = `#/@${tenant}/${a.dataset.route}`;
  });
  if (path.startsWith('target/activities') || path === 'target' || path === 'target/') {
    const table = el('table', { class: 'activities' }, el('tr', {}, el('th', {}, 'Activity'), el('th', {}, 'Type'), el('th', {}, 'Status')));
    ACTIVITIES.forEach((a) => table.append(el('tr', {}, el('td', {}, a.name), el('td', {}, a.type), el('td', {}, a.status))));
    view.append(el('h1', {}, 'Activities'), table);
  } else if (path.startsWith('target/setup/implementation')) {
    renderImplementation(view, tenant);
  } else if (inTarget) {
    view.append(el('h1', {}, path.split('/').pop().replace(/^\w/, (c) => c.toUpperCase())));
  } else {
    view.append(el('h1', {}, `Welcome, ${tenant}`), el('p', {}, 'Open Target from the solution switcher.'),
      el('a', { href: `#/@${tenant}/target/activities` }, 'Go to Target'));
  }
}

const ADMIN_PAGES = [
  ['Visual Experience Composer', 'vec'], ['Reporting', 'reporting'], ['Implementation', 'implementation'], ['Properties', 'properties'],
  ['Users', 'users'], ['Environments', 'environments'], ['Response Tokens', 'response-tokens'],
];

/** A label and its value, as Target's React Spectrum screens show them (no ids on values). */
function labeledValue(label, value) {
  return el('div', { class: 'labeled-value' }, el('span', { class: 'labeled-value-label' }, label), el('span', { class: 'labeled-value-value' }, value));
}

// Administration > Implementation. "Account details" is loaded by XHR, as in the real Target
// UI, so a reader must wait for the values rather than expect them at page load.
function renderImplementation(view, tenant) {
  const here = location.hash;
  const admin = el('nav', { class: 'admin-nav', 'aria-label': 'Administration' });
  ADMIN_PAGES.forEach(([text, page]) => admin.append(el('a', { href: `#/@${tenant}/target/setup/${page}`, ...(page === 'implementation' ? { 'aria-current': 'page' } : {}) }, text)));
  const account = el('section', { class: 'admin-card' }, el('h2', {}, 'Account details'), el('p', { class: 'loading' }, 'Loading…'));
  const methods = el('section', { class: 'admin-card' }, el('h2', {}, 'Implementation methods'),
    labeledValue('Main implementation method', 'at.js 2.11.4'),
    el('div', { class: 'admin-actions' }, el('button', { type: 'button' }, 'Edit at.js settings'), el('button', { type: 'button' }, 'Download at.js 2.11.4')));
  view.append(el('div', { class: 'admin' }, admin, el('div', { class: 'admin-content' }, el('h1', {}, 'Implementation'), account, methods)));
  fetch(`/target/api/account?tenant=${encodeURIComponent(tenant)}`)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((d) => {
      if (location.hash !== here) return; // the user moved on; this view is gone
      account.replaceChildren(el('h2', {}, 'Account details'), labeledValue('Client Code', d.clientCode), labeledValue('IMS Organization ID', d.imsOrgId));
    })
    .catch((err) => {
      if (location.hash === here) account.replaceChildren(el('h2', {}, 'Account details'), el('p', { class: 'error', role: 'alert' }, `Could not load account details (${err.message}).`));
    });
}

document.getElementById('org-switcher').addEventListener('change', (e) => {
  const { path } = route();
  location.hash = `#/@${e.target.value}/${path || 'home'}`;
});
window.addEventListener('hashchange', render);
render();
