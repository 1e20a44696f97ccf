// Helpers shared by the popup's views.
import { ext as api } from '../shared/ext.js';
import { sha256Hex } from '../shared/clipboard-clear.js';
import { send } from './first.js';
// The element builder shared with the www page, which loads it as a classic script from disk.
import '../shared/dom.js';

export { api };
/**
 * An element of popup.html by id. Typed as an input so that the fields' `value` and the
 * buttons' `disabled` read without a cast at every use; the ids are the page's own.
 * @param {string} id
 * @returns {HTMLInputElement}
 */
export const $ = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));

export { send };

/** Timings the core sets for the popup (`GetPopup`'s `revealMs`). */
export const timings = { revealMs: undefined };

// Feedback goes where the click was: the status line moves to just after the group of the
// button last clicked (marked `data-feedback` in popup.html), so "Copied" or a check's result
// shows next to it rather than far below.
let clicked = null;
document.addEventListener('click', (e) => {
  clicked = e.target instanceof Element ? e.target : null;
}, true);

export function status(text) {
  const line = $('status');
  const group = clicked?.isConnected ? clicked.closest('[data-feedback]') : null;
  if (text && group && line.previousElementSibling !== group) group.after(line);
  line.textContent = text;
}

/** The element builder shared with the www page (shared/dom.js, imported above). */
export const { el } = globalThis.imsLinkDom;

/**
 * Copies `text`. A secret is cleared from the clipboard later if it is still there: the worker
 * keeps its SHA-256 and an alarm (the popup closes, and its timers with it). Checking "still
 * there" reads the clipboard, so the first secret copied asks for that (optional permissions,
 * asked in this click); without them the admin is told to clear the clipboard themselves.
 */
export async function copyText(text, what, { secret = false } = {}) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    status(`Could not copy ${what}: select it and copy by hand.`);
    return;
  }
  status(`Copied ${what}.`);
  if (!secret) return;
  // Said at once; the permission prompt below may take the admin a moment (or, headless, forever).
  // The manifest's optional clipboard permissions: reading and writing outside a click.
  const wanted = /** @type {chrome.runtime.ManifestPermission[]} */ ((api.runtime.getManifest().optional_permissions ?? []).filter((p) => p.startsWith('clipboard')));
  const may = await api.permissions.request({ permissions: wanted }).catch(() => false);
  const watched = may ? await send({ type: 'SecretCopied', sha256: await sha256Hex(text) }).catch(() => null) : null;
  if (watched?.type === 'ClipboardWatched') {
    status(`Copied ${what}. IMS Link clears it from the clipboard in ${Math.round(watched.clearAfterMs / 1000)} s if it is still there.`);
  } else {
    status(`Copied ${what}. Clear the clipboard yourself once it is pasted: without permission to read the clipboard, IMS Link cannot tell whether it still holds the secret.`);
  }
}

/** Locks a button while its action runs, so it cannot be clicked twice. */
export async function busy(button, action) {
  if (button.disabled) return;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
