// The list the worker answers a file with several credentials with: one radio per credential
// (name, kind, services), the worker's preselected one ticked, and "Import this credential",
// which sends the same text again with the chosen key. The choice itself is the core's.
import { el } from './shared.js';

/**
 * Shows the credentials of `reply` (a ChooseCredential answer) after `anchor` and calls
 * `onPick(key)` with the one the admin imports. Returns the box (removed on import).
 * @param {HTMLElement} anchor
 * @param {{credentials: {key: string, name: string, kindLabel: string, services: string[], target: boolean}[], preselected: string | null, message: string}} reply
 * @param {(key: string) => Promise<void>} onPick
 */
export function showCredentialChoice(anchor, reply, onPick) {
  document.getElementById('credential-choice')?.remove();
  const name = 'credential-choice-radio';
  const items = reply.credentials.map((c) => {
    const input = el('input', { type: 'radio', name, value: c.key });
    if (c.key === reply.preselected) input.checked = true;
    const services = c.services.length ? c.services.join(', ') : 'no service named';
    return el('label', { class: 'cf-item' }, input, ` ${c.name} `,
      el('span', { class: 'pv-source' }, `(${c.kindLabel}; ${services})`));
  });
  const go = el('button', { type: 'button' }, 'Import this credential');
  const box = el('fieldset', { id: 'credential-choice', class: 'conflicts' },
    el('legend', {}, 'Which credential is for Adobe Target?'),
    el('p', { class: 'hint' }, reply.message),
    items, go);
  go.addEventListener('click', async () => {
    const picked = /** @type {HTMLInputElement | null} */ (box.querySelector(`input[name=${name}]:checked`));
    if (!picked) return;
    go.disabled = true;
    try {
      await onPick(picked.value);
      box.remove();
    } finally {
      go.disabled = false;
    }
  });
  anchor.after(box);
  return box;
}
