// Label-and-value rows as the Console shows them. Deliberately no ids or data attributes on
// values: the real page has only hashed class names, so the extension must go by label text.
import { copyButton, h } from './dom.js';

/** A row: the visible label, then the value (text gets a copy button next to it). */
export function field(label, value, { copy = true } = {}) {
  const content = typeof value === 'string'
    ? [h('span', { class: 'Field_text__Rv5m2' }, value), copy ? copyButton(() => value) : null]
    : [value];
  return h('div', { class: 'Field_field__k3J9x' },
    h('span', { class: 'Field_label__Qm2Lp' }, label),
    h('div', { class: 'Field_value__8dPz1' }, content));
}

/** A modal dialog with a heading, a body and a Close button, as Spectrum's Dialog. */
export function dialog(title, ...body) {
  const close = () => overlay.remove();
  const heading = h('h2', {}, title);
  const box = h('div', { class: 'Dialog_dialog__c5Hq8', role: 'dialog', 'aria-modal': 'true' }, heading, body,
    h('div', { class: 'Dialog_buttons__X0p3k' }, h('button', { type: 'button', class: 'Button_secondary__f9Kd2', onclick: close }, 'Close')));
  const overlay = h('div', { class: 'Dialog_underlay__Wv2n6', onclick: (e) => e.target === overlay && close() }, box);
  document.body.append(overlay);
  return box;
}

/** A block of code with a copy button, as in the cURL dialog and the JWT payload. */
export function codeBlock(text, label) {
  return h('div', { class: 'Code_block__Pn4g1' },
    h('pre', { 'aria-label': label }, h('code', {}, text)),
    copyButton(() => text));
}
