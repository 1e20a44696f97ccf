// Clears a copied secret from the clipboard if the clipboard still holds it (the core keeps
// only its SHA-256 and decides when: src/session/clipboard.rs). Reading and writing outside a
// click need the optional `clipboardRead` and `clipboardWrite` permissions (an offscreen
// document's execCommand('copy') returns false without the latter); without them nothing is
// read and nothing is cleared. Chrome's worker has no DOM: an offscreen document (reason
// CLIPBOARD) reads and clears. Firefox's background page has a DOM and the Clipboard API.
import { ext } from '../shared/ext.js';
import { clearIfHolds } from '../shared/clipboard-clear.js';

export const CLIPBOARD_ALARM = 'ims-link-clear-clipboard';
const OFFSCREEN = 'offscreen.html';

/** @returns {Promise<boolean>} whether the clipboard held the secret and was cleared */
export async function clearClipboardIf(sha256) {
  if (!(await ext.permissions.contains({ permissions: ['clipboardRead', 'clipboardWrite'] }))) return false;
  if (globalThis.document && !ext.offscreen) return clearIfHolds(sha256, 'api');
  const open = await ext.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).catch(() => []);
  if (!open?.length) {
    await ext.offscreen.createDocument({
      url: OFFSCREEN,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a secret IMS Link copied from the clipboard, if it is still there.',
    });
  }
  try {
    return await ext.runtime.sendMessage({ target: 'ims-link-offscreen', type: 'clear-clipboard-if', sha256 });
  } finally {
    await ext.offscreen.closeDocument().catch(() => {});
  }
}
