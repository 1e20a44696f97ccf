// The popup's first request and the tab it is for, as the module side sees them: popup-first.js,
// a classic script in popup.html's head, sent the request before this module could run (see
// there why). This gives its parts their types; nothing here decides anything.

/**
 * @typedef {object} First
 * @property {{ windowId: number | undefined } | null} panel the side panel (`popup.html?panel`),
 *   following the active tab of its window; `null` for the toolbar popup
 * @property {(message: any) => Promise<any>} send a message to the worker, retried once
 * @property {(tabId: number) => Promise<any>} getPopup `GetPopup` for a tab
 * @property {Promise<{ tabId: number | undefined, windowId: number | undefined, reply: any }>} first
 *   the tab (and its window, when known without another call) and the worker's answer to the
 *   first `GetPopup` (`null` when the worker could not answer); without a tab, no request
 */
const early = /** @type {First} */ (/** @type {any} */ (globalThis).imsLinkFirst);

export const { panel, send, getPopup, first } = early;
