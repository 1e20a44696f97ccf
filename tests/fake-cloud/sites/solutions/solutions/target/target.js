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
// The Administration menu as Adobe's screenshots show it (V, PAGES.md).
const ADMIN_PAGES = [
  ['Visual experience composer', 'vec'], ['Reporting', 'reporting'], ['Scene7 configuration', 'scene7'], ['Implementation', 'implementation'],
  ['Properties', 'properties'], ['Hosts', 'hosts'], ['Environments', 'environments'], ['Response tokens', 'response-tokens'], ['Users', 'users'],
];
const SVG = 'http://www.w3.org/2000/svg';

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

/**
 * Spectrum's info icon (a circled i), drawn. `title`: the SVG carries a <title> (its text is in
 * the DOM, though no one sees it).
 */
function infoSvg(title) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 18 18');
  svg.setAttribute('focusable', 'false');
  if (title) {
    svg.setAttribute('role', 'img');
    const t = document.createElementNS(SVG, 'title');
    t.textContent = 'Info';
    svg.append(t);
  } else svg.setAttribute('aria-hidden', 'true');
  const c = document.createElementNS(SVG, 'circle');
  c.setAttribute('cx', '9'); c.setAttribute('cy', '9'); c.setAttribute('r', '7');
  svg.append(c);
  return svg;
}

/**
 * An "Account details" row: the label with its ⓘ, then the value (V: Target's Implementation
 * page, Adobe's screenshots). How the ⓘ sits in the markup is G, so each plausible form is a
 * variant (`state.shell.infoIcon`): 'button' (default: label and an icon-only button, as
 * React Spectrum's ContextualHelp, wrapped together; the value beside the wrapper), 'between'
 * (label, an SVG icon with a <title>, value: three siblings), 'in-label' (the label's text and a
 * button with visually hidden text "Information" in one element), 'none' (no icon).
 */
function accountRow(label, value, icon, extra = []) {
  const cls = { class: 'account-row' };
  if (icon === 'none') return el('div', cls, el('span', { class: 'account-label' }, label), el('span', { class: 'account-value' }, ...[value, ...extra]));
  if (icon === 'between') {
    return el('div', cls, el('span', { class: 'account-label' }, label), el('span', { class: 'info' }, infoSvg(true)), el('span', { class: 'account-value' }, ...[value, ...extra]));
  }
  if (icon === 'in-label') {
    const b = el('button', { type: 'button', class: 'info' }, el('span', { class: 'visually-hidden' }, 'Information'), infoSvg(false));
    return el('div', cls, el('div', { class: 'account-label' }, label, b), el('div', { class: 'account-value' }, ...[value, ...extra]));
  }
  const b = el('button', { type: 'button', class: 'info', 'aria-label': 'Information' }, infoSvg(false));
  return el('div', cls, el('div', { class: 'account-label' }, el('span', {}, label), b), el('div', { class: 'account-value' }, ...[value, ...extra]));
}

/** Spectrum's switch: a checkbox with role switch and its track. */
const toggle = (on, name) => el('label', { class: 'switch' }, Object.assign(el('input', { type: 'checkbox', role: 'switch', 'aria-label': name }), { checked: on }), el('span', { class: 'switch-track' }));

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
  const note = el('p', { class: 'admin-note' }, 'Settings on this page apply to entire account');
  const methods = el('section', { class: 'admin-card' }, el('h2', {}, 'Implementation methods'),
    labeledValue('Main implementation method', 'at.js 2.11.4'),
    el('div', { class: 'admin-actions' }, el('button', { type: 'button' }, 'Edit at.js settings'), el('button', { type: 'button' }, 'Download at.js 2.11.4')));
  view.append(el('div', { class: 'admin' }, admin, el('div', { class: 'admin-content' }, note, el('h1', {}, 'Implementation'), account, methods)));
  fetch(`api/account?tenant=${encodeURIComponent(org)}`)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((d) => {
      if (location.hash !== here) return; // the user moved on; this view is gone
      // Read-only text, as Target shows it (no inputs).
      // The labels as Target writes them ("IMS Organization Id", lower-case d: V).
      const odd = 'On-Device Decisioning';
      const all = 'Include all existing on-device decisioning qualified activities in the artifact';
      account.replaceChildren(el('h2', {}, 'Account details'),
        accountRow('Client Code', d.clientCode, d.infoIcon),
        accountRow('IMS Organization Id', d.imsOrgId, d.infoIcon),
        accountRow(odd, el('span', { class: 'badge' }, 'New'), d.infoIcon, [toggle(false, odd)]),
        accountRow(all, '', d.infoIcon, [toggle(false, all)]));
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
