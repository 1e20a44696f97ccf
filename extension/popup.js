// The popup only renders what the worker (and so the wasm core) decided, and relays clicks.
// Opened as popup.html?tab=<id> it acts on that tab, exactly as on the active tab; opened as
// popup.html?panel it is the side panel, following the active tab of its window (popup/panel.js).
// Its first request goes out from popup/first.js, imported first, as soon as the page's one
// script runs (in the head, before the body is parsed); the page is drawn once it is parsed.
import { first, getPopup, panel } from './popup/first.js';
import { wireAemVerdict } from './popup/aem-verdict-view.js';
import { watchAem } from './popup/aem-watch.js';
import { renderChecks, renderSends, wireChecks } from './popup/checks-view.js';
import { previewFill, renderChoices, wireFill } from './popup/fill-view.js';
import { renderGuide, wireAemAuthor } from './popup/guide-view.js';
import { showAemCertificate, wireAemCertificate } from './popup/aem-cert-view.js';
import { showKeyPair, wireKeys } from './popup/keys-view.js';
import { renderProfile, showTaken, wireProfile } from './popup/profile-view.js';
import { ext } from './shared/ext.js';
import { askSiteAccess, followTabs, showSiteAccess, wireOpenPanel, wireSiteAccess } from './popup/panel.js';
import { $, copyText, send, status, timings } from './popup/shared.js';

const SOURCES = {
  'unified-shell': 'Read from the Target address in Experience Cloud.',
  'legacy-shell': 'Read from the classic Marketing Cloud address.',
  'edge-host': 'Read from the Target edge address: this is the client code.',
  'admin-api': 'Read from the Target Admin API address.',
  typed: 'Typed by you.',
};

let tenant = null;

function renderTab(state, readSite = false) {
  $('loading').hidden = true;
  const ids = state?.ids;
  const problem = state?.problem ?? (state ? null : { message: 'IMS Link could not reach its background worker. Close this popup and open it again.' });
  tenant = ids?.tenant ?? null;
  $('found').hidden = !ids;
  $('problem').hidden = !problem;
  $('problem').textContent = problem?.message ?? '';
  // The core offers the at.js read only on a site's own page.
  $('site-actions').hidden = !readSite;
  $('tab-card').hidden = !ids && !problem && !readSite;
  if (!ids) return;
  $('tenant-row').hidden = !ids.tenant;
  $('tenant').value = ids.tenant ?? '';
  $('client-code-row').hidden = !ids.clientCode;
  $('client-code').value = ids.clientCode ?? '';
  const outsideTarget = ids.onTarget ? '' : ' This page is outside Target; the tenant is usually the same one Target uses.';
  $('source').textContent = (SOURCES[ids.source] ?? '') + outsideTarget;
}

let popupTab;

/** One request answers everything the popup draws: the tab, the profile, the guide, the keys. */
async function refresh({ tabOnly = false } = {}) {
  if (popupTab === undefined) {
    const state = await send({ type: 'GetProfile' }).catch(() => null);
    renderProfile(state, refresh);
    renderChecks(state?.checks);
    renderSends(state?.sends);
    return;
  }
  draw(await getPopup(popupTab).catch(() => null), tabOnly);
}

/** Draws a `GetPopup` answer (`null`: the worker could not answer). */
function draw(reply, tabOnly = false) {
  const popup = reply?.type === 'Popup' ? reply : null;
  if (popup) timings.revealMs = popup.revealMs;
  renderTab(popup?.tab ?? null, popup?.readSite);
  // Before the guide, which focuses the next action (a choice's button, when one is open).
  renderChoices(popup?.guide?.choices ?? []);
  showSiteAccess(popup?.guide);
  // With the guide, as it changes with the tab: said on the page it was taken from only.
  showTaken(popup?.profile?.taken ?? null);
  renderGuide(popup?.guide);
  // The side panel reads AEM's answer by itself where the guide's step ends with it.
  watchAem(popupTab, popup?.guide, () => refresh({ tabOnly: true }));
  if (popup?.guide?.fillLabel && popupTab !== undefined) previewFill(popupTab);
  // Which tab this draws (the side panel follows the admin's tabs).
  $('guide').dataset.tab = String(popupTab ?? '');
  // A tab change leaves the profile view alone: the admin may be editing a value there.
  if (tabOnly) return;
  renderProfile(popup?.profile ?? null, refresh);
  renderChecks(popup?.profile?.checks);
  renderSends(popup?.profile?.sends);
  showKeyPair(popup?.keyPair);
  showAemCertificate(popup?.aemCertificate);
}

async function main() {
  // The page is parsed when this runs (see the end).
  $('version').textContent = `Version ${ext.runtime.getManifest().version}`;
  $('copy-tenant').addEventListener('click', () => copyText($('tenant').value, `tenant ID "${$('tenant').value}"`));
  $('copy-client-code').addEventListener('click', () => copyText($('client-code').value, `client code "${$('client-code').value}"`));
  wireKeys(() => tenant);
  wireProfile(refresh);
  wireChecks();
  // The answer to the request popup/first.js sent from the head: usually here already.
  const { tabId, windowId, reply } = await first;
  popupTab = tabId;
  let popupWindow = windowId;
  if (popupWindow === undefined && tabId !== undefined) ext.tabs.get(tabId).then((t) => { popupWindow = t.windowId; }, () => {});
  wireOpenPanel(() => popupWindow);
  wireSiteAccess();
  followTabs(tabId, () => refresh({ tabOnly: true }));
  if (tabId !== undefined) wireFill(tabId);
  if (tabId !== undefined) {
    wireAemAuthor(tabId, Boolean(panel), (guide) => {
      showSiteAccess(guide);
      askSiteAccess({ origin: guide.allowSite, opens: guide.allowSiteOpens });
    });
  }
  if (tabId !== undefined) wireAemVerdict(tabId, refresh);
  if (tabId !== undefined) wireAemCertificate(tabId, refresh);
  $('read-site').addEventListener('click', async () => {
    const reply = await send({ type: 'ReadSiteSettings', tabId });
    status(reply?.type === 'Refused' ? reply.problem.message : 'Read the client code from this site.');
  });
  ext.runtime.onMessage.addListener((msg) => {
    if (msg?.type === 'TabStateChanged' && msg.tabId === tabId) refresh({ tabOnly: true });
    if (msg?.type === 'ProfileChanged') refresh();
  });
  if (tabId === undefined) {
    renderTab({ problem: { message: 'No tab to look at.' } });
    await refresh();
  } else {
    draw(reply);
  }
  // When the first draw was done, on the page's own clock: ./build.sh bench reads it from the
  // toolbar's popup, which it can open but not watch as it watches a page (toolbar_popup).
  performance.mark('ims-link:popup-drawn');
}

// This runs in popup.html's head (see there), before the body is parsed: draw once it is.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main, { once: true });
else main();
