// The popup's first request, sent as soon as the popup's script starts (popup.js imports this
// first), so the worker wakes, compiles its wasm and answers `GetPopup` while the views are
// set up. popup.js draws the answer; nothing here decides anything.
import { ext } from '../shared/ext.js';

/** The tab the popup acts on: `?tab=<id>` when opened as a page, else the active tab. */
async function targetTabId() {
  const fromQuery = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  if (Number.isInteger(fromQuery)) return fromQuery;
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id;
}

/** Sends a message to the worker; one retry covers a worker that is restarting. */
export async function send(message) {
  try {
    return await ext.runtime.sendMessage(message);
  } catch {
    await new Promise((r) => setTimeout(r, 200));
    return ext.runtime.sendMessage(message);
  }
}

/**
 * The tab and the worker's answer to the first `GetPopup` (`null` when the worker could not
 * answer); without a tab, no request.
 * @type {Promise<{ tabId: number | undefined, reply: any }>}
 */
export const first = targetTabId().then(async (tabId) => ({
  tabId,
  reply: tabId === undefined ? null : await send({ type: 'GetPopup', tabId }).catch(() => null),
}));
