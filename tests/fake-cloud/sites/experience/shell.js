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
  } else if (inTarget) {
    view.append(el('h1', {}, path.split('/').pop().replace(/^\w/, (c) => c.toUpperCase())));
  } else {
    view.append(el('h1', {}, `Welcome, ${tenant}`), el('p', {}, 'Open Target from the solution switcher.'),
      el('a', { href: `#/@${tenant}/target/activities` }, 'Go to Target'));
  }
}

document.getElementById('org-switcher').addEventListener('change', (e) => {
  const { path } = route();
  location.hash = `#/@${e.target.value}/${path || 'home'}`;
});
window.addEventListener('hashchange', render);
render();
