// Entry point: the global header, and a router on location.pathname. Navigation inside the
// app uses history.pushState (no page load), as the real React app does.
import { h } from './dom.js';
import { credentialPage } from './credential.js';
import { overviewPage } from './overview.js';
import { projectsPage } from './projects.js';

const ROUTES = [
  [/^\/console(?:\/(?:home|projects))?\/?$/, projectsPage],
  [/^\/console\/projects\/(\d+)\/(\d+)\/overview\/?$/, overviewPage],
  [/^\/console\/projects\/(\d+)\/(\d+)\/credentials\/([^/]+)\/details\/(oauthservertoserver|jwt)(?:\/(generatejwt))?\/?$/, credentialPage],
];

let generation = 0;

/** Renders the page for the current URL. Stale renders (the user navigated on) are dropped. */
async function render() {
  const mine = ++generation;
  const root = document.getElementById('root');
  const main = h('main', { class: 'Page_main__r8Tq0' }, h('div', { class: 'Progress_circle__n1Rb7', role: 'progressbar', 'aria-label': 'Loading…' }));
  root.replaceChildren(header(), main);
  const match = ROUTES.map(([re, view]) => [location.pathname.match(re), view]).find(([m]) => m);
  let content;
  try {
    content = match ? await match[1](match[0].slice(1), { navigate, isCurrent: () => mine === generation }) : notFound();
  } catch (err) {
    content = h('section', { class: 'Page_empty__a0Xs2' }, h('h1', {}, 'Something went wrong'), h('p', {}, String(err.message)));
  }
  if (mine !== generation) return;
  main.replaceChildren(...[content].flat());
  document.title = `${main.querySelector('h1')?.textContent ?? 'Home'} | Adobe Developer Console`;
}

function notFound() {
  return h('section', { class: 'Page_empty__a0Xs2' }, h('h1', {}, 'Page not found'), h('a', { href: '/console/projects' }, 'Go to projects'));
}

function header() {
  return h('header', { class: 'Gnav_gnav__a8Kx2' },
    h('a', { class: 'Gnav_brand__w1Lc5', href: '/console' }, h('span', { class: 'Gnav_logo__H3n0e', 'aria-hidden': 'true' }, 'A'), 'Adobe Developer Console'),
    h('nav', { class: 'Gnav_tabs__Jm2Qe', 'aria-label': 'Console' },
      h('a', { href: '/console/projects', 'aria-current': location.pathname.startsWith('/console/projects') ? 'page' : null }, 'Projects'),
      h('a', { href: '/console/home' }, 'Home'),
      h('span', {}, 'APIs and services')),
    h('span', { class: 'Gnav_org__Ty7bW' }, 'Adobe Developer'));
}

/** Changes the URL without a page load and renders the new route. */
export function navigate(href) {
  if (href !== location.pathname + location.search) history.pushState({}, '', href);
  render();
}

// In-app links navigate with pushState; downloads and other hosts keep the browser's behaviour.
document.addEventListener('click', (e) => {
  const a = e.target.closest?.('a[href]');
  if (!a || a.hasAttribute('download') || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/console') || url.pathname.startsWith('/console/api/')) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', render);
window.consoleLoadedAt = Date.now(); // tests check this survives in-app navigation (no reload)
render();
