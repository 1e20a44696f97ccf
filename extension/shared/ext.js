// The one place that picks the browser's extension API: `browser` in Firefox, `chrome` in
// Chromium. Whatever differs between the two belongs here, not in `if firefox` branches.
// (The content script is a classic script and cannot import it; it does the same lookup once.)
export const ext = globalThis.browser ?? globalThis.chrome;

// The browser's side panel (popup.html?panel): Firefox's sidebarAction, Chrome's sidePanel,
// each opened only from a user's click (Firefox: in the click itself), for a window (Chrome).
// `null` where the browser has none.
const sidebar = /** @type {any} */ (globalThis).browser?.sidebarAction;
/** @type {{ open: (windowId: number | undefined) => Promise<unknown> } | null} */
export const sidePanel = sidebar?.open
  ? { open: () => sidebar.open() }
  : ext?.sidePanel?.open
    ? { open: (windowId) => (windowId === undefined ? Promise.reject(new Error('no window')) : ext.sidePanel.open({ windowId })) }
    : null;
