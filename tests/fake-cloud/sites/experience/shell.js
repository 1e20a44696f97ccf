// A tiny stand-in for Adobe's Unified Shell: hash routes `#/@<org>/<app>/...` (extra shell
// segments such as `sname:prod`, `so:…`, `in:…` may follow `@<org>`, V), changed without page
// loads (org switcher). Like the real shell (adobe-surfaces.md §8, V: "AEC solution
// experiences run within an iframe in the unified shell"), Target's screens are not in this
// document: they run in an iframe from the solutions origin (sites/solutions/), which gets
// its context (the org) by postMessage and reports its own route back, so the top address
// follows the frame.
'use strict';
window.shellLoadedAt = Date.now(); // tests check this survives route changes (no reload)

let config = null;
/** The frame Target runs in, and the context it is to get. */
let solution = null;

function route() {
  const m = location.hash.match(/^#\/@([^/?]*)\/?([^?]*)/);
  if (!m) return { tenant: null, shell: '', path: '' };
  const parts = m[2].split('/');
  // Shell segments (`sname:prod/so:acme/in:xyz`) sit between the org and the app's route.
  let i = 0;
  while (i < parts.length && /^[a-z]+:/.test(parts[i])) i++;
  return { tenant: decodeURIComponent(m[1]), shell: parts.slice(0, i).join('/'), path: parts.slice(i).join('/') };
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
  view.className = '';
  solution = null;
  const inTarget = path === 'target' || path.startsWith('target/');
  document.getElementById('app-name').textContent = inTarget ? 'Target' : 'Home';
  if (!tenant && /^#\/[a-z]/.test(location.hash)) {
    // Like the real shell, an address without an organization opens the last one used: with
    // the route asked for, or (the other variant, config.withoutOrg) on that org's default
    // route, Target's Activities for a Target address. Which one the real shell does is G.
    const org = document.getElementById('org-switcher').options[0].value;
    const app = location.hash.slice(2).split('/')[0];
    const rest = config.withoutOrg === 'default' ? `/${app === 'target' ? 'target/activities' : 'home'}` : location.hash.slice(1);
    location.replace(`#/@${org}${rest}`);
    return;
  }
  if (!tenant) {
    view.append(el('h1', {}, 'Sign in to Adobe Experience Cloud'), el('p', {}, 'Choose an organization to continue.'));
    return;
  }
  document.getElementById('org-switcher').value = tenant;
  if (inTarget) {
    const inner = path.replace(/^target\/?/, '') || 'activities';
    const frame = el('iframe', { class: 'solution-frame', title: 'Adobe Target', src: `${config.solutionsOrigin}/solutions/target/#/${inner}` });
    solution = { frame, context: { type: 'exc-context', org: tenant } };
    view.className = 'solution';
    view.append(frame);
    for (const src of config.extraFrames) view.append(el('iframe', { class: 'extra-frame', title: 'Partner widget', src }));
  } else {
    view.append(el('h1', {}, `Welcome, ${tenant}`), el('p', {}, 'Open Target from the solution switcher.'),
      el('a', { href: `#/@${tenant}/target/activities` }, 'Go to Target'));
  }
}

// The solution frame asks for its context when it starts and reports its route as it moves.
window.addEventListener('message', (e) => {
  if (!solution || e.source !== solution.frame.contentWindow || e.origin !== config.solutionsOrigin) return;
  if (e.data?.type === 'exc-ready') solution.frame.contentWindow.postMessage(solution.context, config.solutionsOrigin);
  if (e.data?.type === 'exc-route' && typeof e.data.path === 'string') {
    const { tenant, shell } = route();
    const next = `#/@${tenant}/${shell ? `${shell}/` : ''}target/${e.data.path}`;
    if (next !== location.hash) history.replaceState(null, '', next); // no hashchange: the frame stays
  }
});

document.getElementById('org-switcher').addEventListener('change', (e) => {
  const { path } = route();
  location.hash = `#/@${e.target.value}/${path || 'home'}`;
});
window.addEventListener('hashchange', render);
fetch('/shell/api/config')
  .then((r) => r.json())
  .then((c) => {
    config = c;
    render();
  });
