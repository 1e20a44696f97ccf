// The fake AEM's own small stand-in for ExtJS 3 as Classic UI loads it (global `CQ.Ext`):
// written for this project, not ExtJS's code. It copies what the public ExtJS 3 source shows
// a page and a script can see (adobe-surfaces.md §8): components registered in ComponentMgr
// and found with getCmp; a ComboBox whose trigger-field wrap is
// `x-form-field-wrap x-form-field-trigger-wrap` (no `x-combo`), whose value sits in a hidden
// input (name = hiddenName, id `ext-gen…`) inserted before the read-only display input, whose
// list `div.x-layer.x-combo-list` is created in <body> on first focus (lazyInit), with
// `div.x-combo-list-item` rows holding display text only: the values live in the store.
// setValue never fires events; choosing a row fires `select`; a field fires `change` on blur.
// Checkboxes are components whose setValue fires `check`.
(function () {
  let gen = 0;
  let comp = 1000;
  const Ext = {};
  Ext.id = () => `ext-gen${++gen}`;
  const make = (tag, attrs = {}, text) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, v);
    if (text !== undefined) el.textContent = text;
    return el;
  };

  /** A list of components, like Ext.util.MixedCollection: `items`, `each`, `get`. */
  class Collection {
    constructor() { this.items = []; this.map = {}; this.keys = []; }
    add(key, item) { this.items.push(item); this.keys.push(key); this.map[key] = item; return item; }
    get(key) { return this.map[key]; }
    each(fn, scope) { for (const item of [...this.items]) if (fn.call(scope ?? item, item) === false) break; }
    getCount() { return this.items.length; }
  }
  Ext.util = { MixedCollection: Collection };

  Ext.ComponentMgr = {
    all: new Collection(),
    register(c) { this.all.add(c.id, c); },
    get(id) { return this.all.get(id); },
  };
  Ext.getCmp = (id) => Ext.ComponentMgr.get(id);

  class Observable {
    constructor(listeners) {
      this.events = {};
      for (const [name, fn] of Object.entries(listeners ?? {})) if (typeof fn === 'function') this.on(name, fn);
    }
    on(name, fn, scope, options) {
      (this.events[name.toLowerCase()] ??= []).push({ fn, scope, single: Boolean(options?.single) });
    }
    un(name, fn) {
      const list = this.events[name.toLowerCase()];
      if (list) this.events[name.toLowerCase()] = list.filter((l) => l.fn !== fn);
    }
    fireEvent(name, ...args) {
      const list = this.events[name.toLowerCase()];
      if (!list) return true;
      for (const l of [...list]) {
        if (l.single) this.un(name, l.fn);
        if (l.fn.apply(l.scope ?? this, args) === false) return false;
      }
      return true;
    }
  }
  Ext.util.Observable = Observable;

  /** A record of a store: `data` and `get(field)`. */
  class Record {
    constructor(data, id) { this.data = data; this.id = id; }
    get(field) { return this.data[field]; }
  }
  /** Ext.data.ArrayStore: `fields` names, `data` rows as arrays. */
  class ArrayStore extends Observable {
    constructor({ fields, data = [] }) {
      super();
      this.fields = fields.map((f) => (typeof f === 'string' ? f : f.name));
      this.data = new Collection();
      data.forEach((row, i) => this.data.add(i, new Record(Object.fromEntries(this.fields.map((f, j) => [f, row[j]])), i)));
    }
    getCount() { return this.data.getCount(); }
    getAt(i) { return this.data.items[i]; }
    each(fn, scope) { this.data.each(fn, scope); }
    find(field, value) { return this.data.items.findIndex((r) => String(r.get(field)) === String(value)); }
  }
  Ext.data = { ArrayStore, Record };

  class Component extends Observable {
    constructor(config = {}) {
      super(config.listeners);
      Object.assign(this, { ...config, listeners: undefined });
      this.id = config.id ?? `ext-comp-${++comp}`;
      this.disabled = Boolean(config.disabled);
      this.hidden = Boolean(config.hidden);
      this.rendered = false;
      Ext.ComponentMgr.register(this);
    }
    getXType() { return this.constructor.xtype; }
    isXType(x) {
      for (let c = this.constructor; c && c !== Observable; c = Object.getPrototypeOf(c)) if (c.xtype === x) return true;
      return false;
    }
    render(container) {
      this.onRender(container);
      this.rendered = true;
      if (this.disabled) this.disable();
      this.fireEvent('render', this);
      return this;
    }
    /** The element hidden or shown with the component: its form item when in a form layout. */
    getPositionEl() { return this.el?.dom.closest('.x-form-item') ?? this.wrap ?? this.el?.dom; }
    show() { this.hidden = false; const el = this.getPositionEl(); if (el) el.style.display = ''; this.fireEvent('show', this); return this; }
    hide() { this.hidden = true; const el = this.getPositionEl(); if (el) el.style.display = 'none'; this.fireEvent('hide', this); return this; }
    setVisible(v) { return v ? this.show() : this.hide(); }
    isVisible() { return this.rendered && !this.hidden; }
    enable() { this.disabled = false; if (this.el) { this.el.dom.disabled = false; this.el.dom.classList.remove('x-item-disabled'); } this.fireEvent('enable', this); return this; }
    disable() { this.disabled = true; if (this.el) { this.el.dom.disabled = true; this.el.dom.classList.add('x-item-disabled'); } this.fireEvent('disable', this); return this; }
    setDisabled(d) { return d ? this.disable() : this.enable(); }
    getEl() { return this.el; }
  }
  Component.xtype = 'component';

  /** Ext.form.Field / TextField: an input.x-form-text with the component's id and name. */
  class TextField extends Component {
    onRender(container) {
      const dom = make('input', { type: this.inputType ?? 'text', size: '20', autocomplete: 'off', id: this.id, name: this.name, class: 'x-form-text x-form-field' });
      dom.value = this.value ?? '';
      container.append(dom);
      this.el = { dom };
      this.startValue = dom.value;
      dom.addEventListener('focus', () => { this.startValue = this.getValue(); this.fireEvent('focus', this); });
      dom.addEventListener('blur', () => {
        const v = this.getValue();
        if (String(v) !== String(this.startValue)) this.fireEvent('change', this, v, this.startValue);
        this.fireEvent('blur', this);
      });
    }
    getName() { return this.name ?? this.hiddenName ?? ''; }
    getValue() { return this.rendered ? this.el.dom.value : (this.value ?? ''); }
    getRawValue() { return this.el?.dom.value ?? ''; }
    setRawValue(v) { if (this.el) this.el.dom.value = v ?? ''; }
    setValue(v) { this.value = v; if (this.rendered) this.el.dom.value = v ?? ''; return this; }
  }
  TextField.xtype = 'textfield';

  class TriggerField extends TextField {
    onRender(container) {
      super.onRender(container);
      const dom = this.el.dom;
      this.wrap = make('div', { class: 'x-form-field-wrap x-form-field-trigger-wrap' });
      dom.replaceWith(this.wrap);
      this.wrap.append(dom);
      this.trigger = make('img', { src: 'data:image/gif;base64,R0lGODlhAQABAID/AMDAwAAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', alt: '', class: `x-form-trigger ${this.triggerClass ?? 'x-form-arrow-trigger'}` });
      this.wrap.append(this.trigger);
      this.trigger.addEventListener('click', () => { if (!this.disabled) this.onTriggerClick(); });
    }
    onTriggerClick() {}
  }
  TriggerField.xtype = 'trigger';

  class ComboBox extends TriggerField {
    onRender(container) {
      super.onRender(container);
      const dom = this.el.dom;
      this.valueField ??= 'value';
      this.displayField ??= 'text';
      if (this.hiddenName) {
        this.hiddenField = make('input', { type: 'hidden', name: this.hiddenName, id: this.hiddenId ?? Ext.id() });
        dom.before(this.hiddenField);
        dom.removeAttribute('name'); // the hidden input is what the form posts
      }
      if (this.editable === false) { dom.readOnly = true; dom.classList.add('x-trigger-noedit'); }
      dom.size = 24;
      const initial = this.value;
      this.value = undefined;
      this.setValue(initial ?? '');
      this.startValue = this.getValue();
      if (this.lazyInit === false) this.initList();
      else this.on('focus', this.initList, this, { single: true });
      dom.addEventListener('click', () => { if (this.editable === false && !this.disabled) this.onTriggerClick(); });
    }
    initList() {
      if (this.list) return;
      const list = make('div', { class: 'x-layer x-combo-list', id: Ext.id() });
      list.style.visibility = 'hidden';
      const inner = make('div', { class: 'x-combo-list-inner' });
      list.append(inner);
      this.store.each((r) => { inner.append(make('div', { class: 'x-combo-list-item' }, String(r.get(this.displayField) ?? ''))); });
      this.getListParent().append(list);
      this.list = list;
      this.innerList = inner;
      inner.addEventListener('mouseover', (e) => {
        for (const row of inner.children) row.classList.toggle('x-combo-selected', row === e.target);
      });
      inner.addEventListener('click', (e) => {
        const row = e.target.closest('.x-combo-list-item');
        if (!row) return;
        const index = [...inner.children].indexOf(row);
        this.onSelect(this.store.getAt(index), index);
      });
      document.addEventListener('mousedown', (e) => {
        if (!this.wrap.contains(e.target) && !list.contains(e.target)) this.collapse();
      });
    }
    getListParent() { return document.body; }
    isExpanded() { return Boolean(this.list) && this.list.style.visibility === 'visible'; }
    expand() {
      this.initList();
      const r = this.wrap.getBoundingClientRect();
      Object.assign(this.list.style, { left: `${r.left + scrollX}px`, top: `${r.bottom + scrollY}px`, width: `${r.width}px`, visibility: 'visible' });
      this.wrap.classList.add('x-trigger-wrap-focus');
      this.fireEvent('expand', this);
    }
    collapse() {
      if (!this.isExpanded()) return;
      this.list.style.visibility = 'hidden';
      this.wrap.classList.remove('x-trigger-wrap-focus');
      this.fireEvent('collapse', this);
    }
    onTriggerClick() {
      if (this.isExpanded()) this.collapse();
      else { this.el.dom.focus(); this.expand(); }
    }
    onSelect(record, index) {
      if (this.fireEvent('beforeselect', this, record, index) === false) return;
      this.setValue(record.get(this.valueField));
      this.collapse();
      this.fireEvent('select', this, record, index);
    }
    findRecord(field, value) {
      const i = this.store.find(field, value);
      return i >= 0 ? this.store.getAt(i) : undefined;
    }
    setValue(v) {
      const record = this.findRecord(this.valueField, v);
      const text = record ? record.get(this.displayField) : (this.valueNotFoundText ?? v);
      if (this.hiddenField) this.hiddenField.value = v ?? '';
      this.value = v;
      if (this.rendered || this.el) this.el.dom.value = text ?? '';
      return this;
    }
    getValue() { return this.value ?? ''; }
  }
  ComboBox.xtype = 'combo';

  class Checkbox extends Component {
    onRender(container) {
      const dom = make('input', { type: 'checkbox', autocomplete: 'off', id: this.id, name: this.name, value: this.inputValue ?? 'on', class: 'x-form-checkbox x-form-field' });
      this.wrap = make('div', { class: 'x-form-check-wrap' });
      this.wrap.append(dom);
      if (this.boxLabel) this.wrap.append(make('label', { for: this.id, class: 'x-form-cb-label' }, this.boxLabel));
      container.append(this.wrap);
      this.el = { dom };
      this.checked = Boolean(this.checked);
      dom.checked = this.checked;
      dom.addEventListener('click', () => this.setValue(dom.checked));
    }
    getName() { return this.name ?? ''; }
    getValue() { return this.rendered ? this.el.dom.checked : Boolean(this.checked); }
    setValue(v) {
      const before = this.checked;
      this.checked = v === true || v === 'true' || v === '1' || v === 'on';
      if (this.el) { this.el.dom.checked = this.checked; this.el.dom.defaultChecked = this.checked; }
      if (before !== this.checked) this.fireEvent('check', this, this.checked);
      return this;
    }
  }
  Checkbox.xtype = 'checkbox';

  Ext.form = { Field: TextField, TextField, TriggerField, ComboBox, Checkbox };
  Ext.Component = Component;

  /**
   * Ext.Msg: ExtJS's one message box (a singleton, V: ExtJS 3's MessageBox.js), a modal x-window
   * reused for every message. Hidden, it keeps its last text: ExtJS hides a window with
   * `visibility: hidden` (Ext.Element's default visibility mode), moved off the page here too.
   */
  let box = null;
  const parts = {};
  const dialog = () => {
    if (box) return box;
    parts.mask = make('div', { class: 'ext-el-mask x-msg-mask' });
    box = make('div', { class: 'x-window x-window-dlg', role: 'dialog', 'aria-modal': 'true' });
    const header = make('div', { class: 'x-window-header' });
    parts.title = make('span', { class: 'x-window-header-text', id: Ext.id() });
    header.append(parts.title);
    parts.body = make('div', { class: 'x-window-body ext-mb-text', id: Ext.id() });
    box.setAttribute('aria-labelledby', `${parts.title.id} ${parts.body.id}`);
    parts.ok = make('button', { type: 'button', class: 'x-btn-text' }, 'OK');
    const footer = make('div', { class: 'x-window-footer x-panel-btns-right' });
    footer.append(parts.ok);
    box.append(header, parts.body, footer);
    parts.ok.addEventListener('click', () => { Ext.Msg.hide(); parts.fn?.('ok'); });
    document.body.append(parts.mask, box);
    return box;
  };
  Ext.Msg = {
    show({ title = '', msg = '', buttons = true, fn } = {}) {
      const el = dialog();
      parts.title.textContent = title;
      parts.body.textContent = msg;
      parts.ok.hidden = !buttons;
      parts.fn = fn;
      Object.assign(el.style, { visibility: '', left: '', top: '' });
      parts.mask.style.display = '';
      if (buttons) parts.ok.focus();
      return Ext.Msg;
    },
    /** A box with the text and one OK button. */
    alert(title, msg, fn) { return Ext.Msg.show({ title, msg, fn }); },
    /** A box with the text and no button, until hidden. */
    wait(msg, title = '') { return Ext.Msg.show({ title, msg, buttons: false }); },
    hide() {
      if (!box) return Ext.Msg;
      Object.assign(box.style, { visibility: 'hidden', left: '-10000px', top: '-10000px' });
      parts.mask.style.display = 'none';
      return Ext.Msg;
    },
  };

  window.CQ = window.CQ ?? {};
  window.CQ.Ext = Ext;
})();
