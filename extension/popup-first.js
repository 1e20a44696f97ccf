// The popup's first request, sent by a classic script the parser runs first in popup.html's
// head, before the stylesheet (a classic script after a stylesheet waits for it, though this
// one reads no style: measured, the popup is shown 0.6 to 3 ms sooner for it, PERFORMANCE.md:
// The popup): the page's module runs later (traced: 8 to 12 ms after the parser is done). The
// worker answers `GetPopup` while popup.js loads and sets up its views; popup/first.js hands
// the answer to popup.js, which draws it. Nothing here decides anything. Not a module and not
// bundled (the page's one module comes later), so it names the browser's API itself, as
// shared/ext.js does.
(() => {
  const ext = globalThis.browser ?? globalThis.chrome;
  const query = new URLSearchParams(location.search);

  /**
   * The side panel: the same page opened as `popup.html?panel` (Chrome's side_panel, Firefox's
   * sidebar_action). It follows the active tab of its window; `&window=<id>` names another
   * window to follow (the tests open the panel in a window of its own, as Playwright cannot
   * reach the browser's side panel). `null` for the toolbar popup.
   * @type {{ windowId: number | undefined } | null}
   */
  const panel = query.has('panel') ? { windowId: undefined } : null;

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

  /** Sends a message to the worker; one retry covers a worker that is restarting. */
  async function send(message) {
    try {
      return await ext.runtime.sendMessage(message);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
      return ext.runtime.sendMessage(message);
    }
  }

  /** `GetPopup` for a tab; the side panel says so, as it has no activeTab (the guide's site access). */
  const getPopup = (tabId) => send({ type: 'GetPopup', tabId, ...(panel ? { panel: true } : {}) });

  const first = targetTab().then(async ({ tabId, windowId }) => {
    if (tabId === undefined) return { tabId, windowId, reply: null };
    // When the request went out and its answer came, on the page's clock: ./build.sh bench
    // shows them beside the popup's draw (popup_ready's parts).
    performance.mark('ims-link:popup-asked');
    const reply = await getPopup(tabId).catch(() => null);
    performance.mark('ims-link:popup-answered');
    return { tabId, windowId, reply };
  });

  /** @type {any} */ (globalThis).imsLinkFirst = { panel, send, getPopup, first };
})();
