// Helpers shared by the popup's views.
import { ext as api } from '../shared/ext.js';

export { api };
/**
 * An element of popup.html by id. Typed as an input so that the fields' `value` and the
 * buttons' `disabled` read without a cast at every use; the ids are the page's own.
 * @param {string} id
 * @returns {HTMLInputElement}
 */
export const $ = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));

export { send } from './first.js';

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

/** The element builder shared with the www page (shared/dom.js, loaded before the modules). */
export const { el } = globalThis.imsLinkDom;

export async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    status(`Copied ${what}.`);
  } catch {
    status(`Could not copy ${what}: select it and copy by hand.`);
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
