// The side panel and the way to it. The panel is the popup's page in its panel mode
// (popup/first.js `panel`): it stays open, follows the active tab of its window and redraws
// through the one `GetPopup`. It has no activeTab, so AEM's pages need the admin's
// "Allow on this AEM site": the guide (the core) names that step and its origin; here the
// browser is only asked, from the click itself, as it requires.
import { sidePanel } from '../shared/ext.js';
import { panel } from './first.js';
import { $, api, status } from './shared.js';

/**
 * Follows the tab shown: its loading a page redraws; in the panel also the admin's window
 * (another tab activated shows that tab: the page starts again on it, so every button acts
 * on the tab shown) and a site allowed.
 * @param {number | undefined} tabId the tab shown
 * @param {() => void} redraw
 */
export function followTabs(tabId, redraw) {
  // The popup and the panel each watch their own tab (the worker is not woken for every
  // navigation). The address only shows for hosts IMS Link may read (and, in the popup, the
  // activeTab); the load's end shows for every tab.
  api.tabs.onUpdated.addListener((id, change) => {
    if (id === tabId && (change.url || change.status === 'complete')) redraw();
  });
  if (!panel) return;
  api.tabs.onActivated.addListener((info) => {
    if (info.windowId === panel.windowId && info.tabId !== tabId) location.reload();
  });
  // A tab activated while the panel loaded, before these listeners: start again on it.
  api.tabs.query({ active: true, windowId: panel.windowId }).then(([tab]) => {
    if (tab && tab.id !== tabId) location.reload();
  }, () => {});
  api.permissions.onAdded.addListener(redraw);
  api.permissions.onRemoved.addListener(redraw);
  // A link opens next to the admin's tabs in the panel's window, and the panel follows it there.
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[target="_blank"]') : null;
    if (!(a instanceof HTMLAnchorElement)) return;
    e.preventDefault();
    api.tabs.create({ url: a.href, windowId: panel.windowId, active: true }).catch(() => status(`Could not open ${a.href}.`));
  }, true);
}

/** The guide's site-access step, as the core named it: the origin to allow, and its page to open once allowed. */
export function showSiteAccess(guide) {
  const allow = $('allow-aem-site');
  allow.dataset.origin = guide?.allowSite ?? '';
  allow.dataset.opens = guide?.allowSiteOpens ?? '';
  allow.textContent = guide?.allowSiteLabel ?? 'Allow on this AEM site';
}

/**
 * The panel's own button: Allow on this AEM site (the permission change redraws). Once the
 * browser granted it, the author's page the core named opens next to the admin's tabs, so
 * there is no link left to follow.
 */
export function wireSiteAccess() {
  $('allow-aem-site').addEventListener('click', () => askSiteAccess($('allow-aem-site').dataset));
}

/**
 * Asks the browser for the site the guide named, then opens the page it named. Called from the
 * admin's click (the Allow button, or the address form's "Allow on this AEM site" as soon as the
 * core answered it): the browser asks only within a user's gesture.
 * @param {{ origin?: string, opens?: string }} site
 */
export function askSiteAccess({ origin, opens }) {
  if (!origin) return;
  api.permissions.request({ origins: [`${origin}/*`] }).then(
    (granted) => {
      status(granted ? `IMS Link may now read and fill AEM's pages on ${origin}.` : 'Site access was not granted.');
      if (granted && opens && panel) {
        api.tabs.create({ url: opens, windowId: panel.windowId, active: true }).catch(() => status(`Could not open ${opens}.`));
      }
    },
    // A browser that asks only within the click's own handler (not after the core's answer)
    // refuses the call: the guide's Allow button stays for the admin to press.
    () => status(`The browser did not ask yet: press “${$('allow-aem-site').textContent}”.`),
  );
}

/**
 * "Open in side panel" in the toolbar popup: from the click itself (the browser opens a
 * panel only on a user's gesture), for the popup's window.
 * @param {() => number | undefined} windowId
 */
export function wireOpenPanel(windowId) {
  const button = $('open-panel');
  button.hidden = Boolean(panel) || !sidePanel;
  button.addEventListener('click', () => {
    sidePanel?.open(windowId()).then(() => window.close(), () => status("Could not open the side panel: use the browser's side panel menu."));
  });
}
