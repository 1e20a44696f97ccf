// The two functions the worker runs inside an AEM page, in the page's own world (MAIN), because
// Coral components keep their values in properties the content-script world cannot see. Each is
// serialized by chrome.scripting, so each must be self-contained. They read and touch fields;
// the wasm core decides which field gets which value.

/**
 * A form field as these functions touch it: an input, a select, or a Coral component, which
 * carries the same `value`, `checked`, `disabled` and `type` properties (`options`: a select).
 * @typedef {HTMLInputElement & { options: HTMLOptionsCollection }} Field
 */

/** Every form field on the page: name, label, kind, value, options, visibility. */
export function snapshotForm() {
  const MAX_FIELDS = 1000;
  const clean = (s) => String(s ?? '').replace(/\s+/g, ' ').trim().slice(0, 1024);
  const cleanLabel = (s) => clean(s).replace(/\s*:$/, '');
  const shown = (el) => (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
  const byId = (id) => (id ? document.getElementById(id) : null);
  const labelOf = (el) => {
    const forLabel = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    if (forLabel) return cleanLabel(forLabel.textContent);
    const by = el.getAttribute('labelledby') ?? el.getAttribute('aria-labelledby');
    if (by) return clean(by.split(/\s+/).map((id) => byId(id)?.textContent ?? '').join(' '));
    if (el.matches('coral-switch, coral-checkbox')) {
      return clean(el.querySelector('coral-switch-label, coral-checkbox-label')?.textContent ?? el.textContent);
    }
    const wrapping = el.closest('label');
    if (wrapping) return clean(wrapping.textContent);
    return cleanLabel(el.closest('.x-form-item, .coral-Form-fieldwrapper')?.querySelector('label')?.textContent ?? '');
  };
  const fields = [];
  const add = (el, field) => {
    const key = `f${fields.length}`;
    el.setAttribute('data-ims-link-key', key);
    fields.push({
      key,
      tag: el.localName,
      name: el.getAttribute('name') ?? undefined,
      id: el.id || undefined,
      ariaLabel: el.getAttribute('aria-label') ?? undefined,
      placeholder: el.getAttribute('placeholder') ?? undefined,
      options: [],
      disabled: Boolean(el.disabled) || el.hasAttribute('disabled'),
      readOnly: Boolean(el.readOnly),
      // A step of a wizard AEM shows later: the one hidden place the core lets a secret go.
      wizardStep: Boolean(el.closest('.foundation-wizard-step')),
      ...field,
    });
  };
  const selector = 'input, textarea, select, coral-select, coral-switch, coral-checkbox';
  for (const el of /** @type {NodeListOf<Field>} */ (document.querySelectorAll(selector))) {
    if (fields.length >= MAX_FIELDS) break;
    const component = el.parentElement?.closest('coral-select, coral-switch, coral-checkbox');
    if (component) continue; // a Coral component's own inner inputs
    const combo = el.closest('.x-combo');
    if (combo) {
      // An ExtJS combo is one field: the hidden input holds the value, the text shows it, and
      // the list floats at the end of <body> once rendered (data-combo-for names the text).
      if (el.type !== 'hidden') continue;
      const text = /** @type {Field | null} */ (combo.querySelector('input.x-form-text'));
      const list = combo.querySelector('.x-combo-list') ?? (text?.id ? document.querySelector(`.x-combo-list[data-combo-for="${CSS.escape(text.id)}"]`) : null);
      add(el, {
        kind: 'extjs-combo', label: labelOf(text ?? el), value: el.value, visible: text ? shown(text) : false,
        options: [...(list?.querySelectorAll('.x-combo-list-item') ?? [])].map((/** @type {HTMLElement} */ i) => ({ value: i.dataset.value ?? '', text: clean(i.textContent) })),
      });
      continue;
    }
    if (el.matches('input[type=hidden], input[type=button], input[type=submit], input[type=reset], input[type=file], input[type=image]')) continue;
    if (el.matches('coral-select')) {
      add(el, {
        kind: 'coral-select', label: labelOf(el), value: String(el.value ?? ''), visible: shown(el),
        options: [.../** @type {NodeListOf<Field>} */ (el.querySelectorAll('coral-select-item'))].map((i) => ({ value: i.value ?? i.getAttribute('value') ?? '', text: clean(i.textContent) })),
      });
    } else if (el.matches('coral-switch, coral-checkbox, input[type=checkbox], input[type=radio]')) {
      add(el, { kind: el.localName === 'input' ? el.type : el.localName, label: labelOf(el), value: String(Boolean(el.checked)), checked: Boolean(el.checked), visible: shown(el) });
    } else if (el.matches('select')) {
      add(el, { kind: 'select', label: labelOf(el), value: el.value, visible: shown(el), options: [...el.options].map((o) => ({ value: o.value, text: clean(o.textContent) })) });
    } else {
      add(el, { kind: el.localName === 'textarea' ? 'textarea' : el.type || 'text', label: labelOf(el), value: el.value, visible: shown(el) });
    }
  }
  // AEM's own page markers (Coral UI / Granite, ExtJS): the core puts a secret only into a page
  // that is AEM by its address and by these (src/fill/trust.rs names them).
  const MARKERS = {
    'coral-wizardview': 'coral-wizardview', '.foundation-wizard-step': 'foundation-wizard-step',
    'coral-select': 'coral-select', 'form.foundation-form': 'foundation-form', '.x-form-item': 'x-form-item',
  };
  const markers = Object.entries(MARKERS).filter(([sel]) => document.querySelector(sel)).map(([, name]) => name);
  // Classic UI pages define CQ.Ext (ExtJS 3) in the page's own world, where this runs.
  if (/** @type {any} */ (window).CQ?.Ext) markers.push('cq-ext');
  return { url: location.href, fields, markers, frame: window !== window.top };
}

/** Sets each field as a user would, so the page's own logic sees it; reports what it found. */
export function applyActions(actions) {
  const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
  const read = (el) => (el.matches('coral-switch, coral-checkbox, input[type=checkbox], input[type=radio]') ? String(Boolean(el.checked)) : String(el.value ?? ''));
  const results = [];
  for (const a of actions) {
    const el = /** @type {Field | null} */ (document.querySelector(`[data-ims-link-key="${CSS.escape(a.key)}"]`));
    if (!el) {
      results.push({ key: a.key, ok: false, why: 'gone' });
      continue;
    }
    if (el.disabled || el.hasAttribute('disabled')) {
      results.push({ key: a.key, ok: false, why: 'disabled' });
      continue;
    }
    try {
      if (a.action === 'set-checked') {
        el.checked = a.value === 'true';
        fire(el, 'change');
      } else if (el.closest('.x-combo')) {
        const combo = el.closest('.x-combo');
        el.value = a.value;
        const text = /** @type {Field | null} */ (combo.querySelector('input.x-form-text'));
        const list = combo.querySelector('.x-combo-list') ?? document.querySelector(`.x-combo-list[data-combo-for="${CSS.escape(text?.id ?? '')}"]`);
        const item = [...(list?.querySelectorAll('.x-combo-list-item') ?? [])].find((/** @type {HTMLElement} */ i) => i.dataset.value === a.value);
        if (text) text.value = item?.textContent ?? a.value;
        fire(el, 'change');
      } else if (el.matches('coral-select, select')) {
        el.value = a.value;
        fire(el, 'input');
        fire(el, 'change');
      } else {
        // The native setter, so that frameworks tracking the value notice the change.
        const proto = el.localName === 'textarea' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, a.value);
        fire(el, 'input');
        fire(el, 'change');
      }
      const now = read(el);
      results.push({ key: a.key, ok: now === a.value, why: now === a.value ? undefined : 'not taken' });
    } catch (err) {
      results.push({ key: a.key, ok: false, why: String(err?.message ?? err).slice(0, 200) });
    }
  }
  return results;
}
