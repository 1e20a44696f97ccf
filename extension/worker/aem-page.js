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
  // Classic UI (ExtJS 3, `CQ.Ext`): each field's component, by the element it renders (a
  // combo: its display input; its hidden value input is part of it, not a field of its own).
  // Options are read from the component's store: the list rows carry no values.
  const Ext = /** @type {any} */ (window).CQ?.Ext;
  const cmpOf = new Map();
  const partOfCmp = new Set();
  try {
    Ext?.ComponentMgr?.all?.each?.((/** @type {any} */ c) => {
      const dom = c?.rendered ? c.el?.dom : null;
      if (!(dom instanceof HTMLElement) || cmpOf.size >= MAX_FIELDS) return;
      cmpOf.set(dom, c);
      if (c.hiddenField instanceof HTMLElement) partOfCmp.add(c.hiddenField);
    });
  } catch {
    // A page whose ExtJS does not look like ExtJS 3: the DOM is read as it is.
  }
  const xtypeOf = (/** @type {any} */ c) => clean(typeof c.getXType === 'function' ? c.getXType() : c.xtype) || 'component';
  const storeOptions = (/** @type {any} */ c) => {
    const store = c.store;
    const valueField = c.valueField || c.displayField;
    const out = [];
    for (let i = 0; i < Math.min(store.getCount(), 500); i++) {
      const r = store.getAt(i);
      out.push({ value: String(r.get(valueField) ?? ''), text: clean(r.get(c.displayField ?? valueField)) });
    }
    return out;
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
  /** Adds a field read through its ExtJS component; false when the component does not answer like one. */
  const addComponent = (/** @type {Field} */ el, /** @type {any} */ cmp) => {
    try {
      const common = { label: labelOf(el) || cleanLabel(cmp.fieldLabel), visible: shown(el) && cmp.hidden !== true, disabled: Boolean(cmp.disabled) || el.disabled, component: xtypeOf(cmp) };
      if (typeof cmp.store?.getCount === 'function' && typeof cmp.store?.getAt === 'function') {
        add(el, { ...common, kind: 'extjs-combo', name: cmp.hiddenName ?? cmp.name ?? undefined, value: String(cmp.getValue() ?? '').slice(0, 1024), options: storeOptions(cmp) });
      } else if (el.type === 'checkbox' || el.type === 'radio') {
        const on = Boolean(cmp.getValue());
        add(el, { ...common, kind: el.type, value: String(on), checked: on });
      } else {
        add(el, { ...common, kind: el.localName === 'textarea' ? 'textarea' : el.type || 'text', value: String(cmp.getValue() ?? '').slice(0, 16384) });
      }
      return true;
    } catch {
      return false; // read from the DOM instead
    }
  };
  const selector = 'input, textarea, select, coral-select, coral-switch, coral-checkbox';
  for (const el of /** @type {NodeListOf<Field>} */ (document.querySelectorAll(selector))) {
    if (fields.length >= MAX_FIELDS) break;
    const component = el.parentElement?.closest('coral-select, coral-switch, coral-checkbox');
    if (component) continue; // a Coral component's own inner inputs
    if (partOfCmp.has(el)) continue;
    const cmp = cmpOf.get(el);
    if (cmp && addComponent(el, cmp)) continue;
    const combo = el.closest('.x-combo');
    if (combo) {
      // DOM fallback for ExtJS-like combo markup with no component to reach (options only if
      // the rows carry data-value): the hidden input holds the value, the text shows it.
      if (el.type !== 'hidden') continue;
      const text = /** @type {Field | null} */ (combo.querySelector('input.x-form-text'));
      const list = combo.querySelector('.x-combo-list') ?? (text?.id ? document.querySelector(`.x-combo-list[data-combo-for="${CSS.escape(text.id)}"]`) : null);
      add(el, {
        kind: 'extjs-combo', label: labelOf(text ?? el), value: el.value, visible: text ? shown(text) : false,
        options: [...(list?.querySelectorAll('.x-combo-list-item') ?? [])].map((/** @type {HTMLElement} */ i) => ({ value: i.dataset.value ?? '', text: clean(i.textContent) })),
      });
      continue;
    }
    if (el.matches('input[type=file]')) {
      // Only the chosen file's name, never its contents (AEM's keystore takes key files).
      add(el, { kind: 'file', label: labelOf(el), value: /** @type {HTMLInputElement} */ (el).files?.[0]?.name ?? '', visible: shown(el) });
      continue;
    }
    if (el.matches('input[type=hidden], input[type=button], input[type=submit], input[type=reset], input[type=image]')) continue;
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

/**
 * Sets each field as a user would, so the page's own logic sees it; reports what it found.
 * `via: 'component'`: through the page's ExtJS component (setValue and the events ExtJS fires),
 * whose listeners a DOM change would not run.
 * `outlineMs`: each field the page took is outlined for that long, so the admin sees what
 * IMS Link wrote (0 for Undo).
 */
export function applyActions(actions, outlineMs = 0) {
  const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
  const read = (el) => (el.matches('coral-switch, coral-checkbox, input[type=checkbox], input[type=radio]') ? String(Boolean(el.checked)) : String(el.value ?? ''));
  const Ext = /** @type {any} */ (window).CQ?.Ext;
  /** One field through its component; its value read back as the plan writes it. */
  const viaComponent = (/** @type {any} */ cmp, a) => {
    const before = cmp.getValue();
    if (a.action === 'set-checked') {
      cmp.setValue(a.value === 'true'); // ExtJS's Checkbox.setValue fires `check` itself
      return String(Boolean(cmp.getValue()));
    }
    cmp.setValue(a.value);
    if (a.action === 'select-option' && typeof cmp.store?.find === 'function') {
      const index = cmp.store.find(cmp.valueField || cmp.displayField, a.value);
      if (index >= 0) cmp.fireEvent('select', cmp, cmp.store.getAt(index), index);
    }
    // What ExtJS fires when the field loses focus with a new value.
    if (String(before) !== String(cmp.getValue())) cmp.fireEvent('change', cmp, cmp.getValue(), before);
    return String(cmp.getValue() ?? '');
  };
  const results = [];
  for (const a of actions) {
    const el = /** @type {Field | null} */ (document.querySelector(`[data-ims-link-key="${CSS.escape(a.key)}"]`));
    if (!el) {
      results.push({ key: a.key, ok: false, why: 'gone' });
      continue;
    }
    if (a.via === 'component') {
      let cmp = null;
      try { cmp = el.id ? Ext?.getCmp?.(el.id) : null; } catch { cmp = null; }
      if (!cmp || typeof cmp.setValue !== 'function') {
        results.push({ key: a.key, ok: false, why: 'no component' });
        continue;
      }
      if (cmp.disabled) {
        results.push({ key: a.key, ok: false, why: 'disabled' });
        continue;
      }
      try {
        const now = viaComponent(cmp, a);
        results.push({ key: a.key, ok: now === a.value, why: now === a.value ? undefined : 'not taken' });
      } catch (err) {
        results.push({ key: a.key, ok: false, why: String(err?.message ?? err).slice(0, 200) });
      }
      continue;
    }
    if (el.disabled || el.hasAttribute('disabled')) {
      results.push({ key: a.key, ok: false, why: 'disabled' });
      continue;
    }
    // Still read-only when its turn comes (an earlier action was to make it editable).
    if (el.matches('input:not([type=hidden]):not([type=file]), textarea') && el.readOnly) {
      results.push({ key: a.key, ok: false, why: 'read-only' });
      continue;
    }
    try {
      if (a.action === 'set-file') {
        // One file made from the plan's bytes, given as a user's pick would be (DataTransfer).
        const input = /** @type {HTMLInputElement} */ (/** @type {unknown} */ (el));
        const transfer = new DataTransfer();
        if (a.value) {
          const bytes = Uint8Array.from(atob(a.value), (c) => c.charCodeAt(0));
          transfer.items.add(new File([bytes], a.fileName || 'file.der', { type: 'application/octet-stream' }));
        }
        input.files = transfer.files;
        fire(el, 'input');
        fire(el, 'change');
        const ok = a.value ? input.files?.length === 1 && input.files[0].name === (a.fileName || 'file.der') : !input.files?.length;
        results.push({ key: a.key, ok, why: ok ? undefined : 'not taken' });
        continue;
      }
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
  if (outlineMs > 0) {
    // All the reads before any write: a read after a write makes the page lay itself out
    // again, once per field (2 to 11 ms of a fill on AEM's Coral form, measured). And a read
    // that needs styles only, not the layout (checkVisibility, not getClientRects): the
    // outlining took 1.4 to 1.9 ms instead of 2.4 to 3.4 on the AEMaaCS wizard (20 fills each).
    const shown = results.filter((x) => x.ok).map((r) => {
      const field = /** @type {HTMLElement | null} */ (document.querySelector(`[data-ims-link-key="${CSS.escape(r.key)}"]`));
      // A hidden input (a Coral select's, a file input) is outlined through what the admin sees.
      return field?.checkVisibility() ? field : field?.closest('.coral-Form-fieldwrapper, .x-form-item, .x-combo, label') ?? field?.parentElement;
    });
    for (const box of shown) {
      if (!(box instanceof HTMLElement) || box.dataset.imsLinkFilled) continue;
      const { outline, outlineOffset } = box.style;
      box.style.outline = '3px solid #2680eb';
      box.style.outlineOffset = '2px';
      box.dataset.imsLinkFilled = 'true';
      setTimeout(() => {
        box.style.outline = outline;
        box.style.outlineOffset = outlineOffset;
        delete box.dataset.imsLinkFilled;
      }, outlineMs);
    }
  }
  return results;
}
