// The popup's first request, `GetPopup`, sent as soon as the page's one script runs: popup.js
// imports this module first, and ./build.sh bundles it all into one classic script in
// popup.html's head, which runs before the body is parsed; popup.js draws the answer once the
// page is parsed. Nothing here decides anything.
import { ext } from '../shared/ext.js';

const query = new URLSearchParams(location.search);

/**
 * The side panel: the same page opened as `popup.html?panel` (Chrome's side_panel, Firefox's
 * sidebar_action). It follows the active tab of its window; `&window=<id>` names another
 * window to follow (the tests open the panel in a window of its own, as Playwright cannot
 * reach the browser's side panel). `null` for the toolbar popup.
 * @type {{ windowId: number | undefined } | null}
 */
export const panel = query.has('panel') ? { windowId: undefined } : null;

/** The tab the page acts on: `?tab=<id>` when opened as a page, else the active tab. */
async function targetTab() {
  if (panel) {
    const named = Number.parseInt(query.get('window') ?? '', 10);
    panel.windowId = Number.isInteger(named) ? named : (await ext.windows.getCurrent().catch(() => null))?.id;
    const [tab] = await ext.tabs.query({ active: true, windowId: panel.windowId }).catch(() => []);
    return { tabId: tab?.id, windowId: panel.windowId };
  }
  const fromQuery = Number.parseInt(query.get('tab') ?? '', 10);
  if (Number.isInteger(fromQuery)) return { tabId: fromQuery, windowId: undefined };
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return { tabId: tab?.id, windowId: tab?.windowId };
}

/**
 * Sends a message to the worker; one retry covers a worker that is restarting.
 * @param {any} message
 * @returns {Promise<any>}
 */
export async function send(message) {
  try {
    return await ext.runtime.sendMessage(message);
  } catch {
    await new Promise((r) => setTimeout(r, 200));
    return ext.runtime.sendMessage(message);
  }
}

/**
 * `GetPopup` for a tab; the side panel says so, as it has no activeTab (the guide's site access).
 * @param {number} tabId
 * @returns {Promise<any>}
 */
export const getPopup = (tabId) => send({ type: 'GetPopup', tabId, ...(panel ? { panel: true } : {}) });

/**
 * The tab (and its window, when known without another call) and the worker's answer to the
 * first `GetPopup` (`null` when the worker could not answer); without a tab, no request.
 * @type {Promise<{ tabId: number | undefined, windowId: number | undefined, reply: any }>}
 */
export const first = targetTab().then(async ({ tabId, windowId }) => {
  if (tabId === undefined) return { tabId, windowId, reply: null };
  // When the request went out and its answer came, on the page's clock: ./build.sh bench
  // shows them beside the popup's draw (popup_ready's parts).
  performance.mark('ims-link:popup-asked');
  const reply = await getPopup(tabId).catch(() => null);
  performance.mark('ims-link:popup-answered');
  return { tabId, windowId, reply };
});
