// Content script for Adobe pages IMS Link reads (Target, the Developer Console). It only
// looks: it reports the page address on every route change, and a snapshot of the page's
// headings and label/value pairs whenever the page changes; the worker's wasm core decides
// what, if anything, they mean. It never loads wasm: the page's CSP could block it here.
(() => {
  if (globalThis.__imsLinkPage) return; // injected twice (manifest + install-time injection)
  globalThis.__imsLinkPage = true;
  const api = globalThis.browser ?? globalThis.chrome;
  const MAX_PAIRS = 2000;
  const MAX_TEXT = 16384;
  const LABEL_MAX = 80;

  // The worker may be restarting; the next change sends again, so a lost message is harmless.
  // A page going away can, we infer, make Firefox throw at the call itself rather than reject:
  // once in eleven Firefox runs of the e2e suite (2026-12-04) this script failed with
  // "NS_ERROR_NOT_INITIALIZED", not reproduced since. Nothing is left to report to then.
  const send = (msg) => {
    try {
      api.runtime.sendMessage(msg).catch(() => {});
    } catch {
      // the page's context is gone
    }
  };

  let lastUrl = '';
  const reportUrl = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    send({ type: 'PageSeen', url: location.href });
  };

  const clean = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

  /** Visible text of a value element, without its buttons (Copy, Retrieve...). */
  function valueOf(el) {
    if (el.matches('input, textarea, select')) return el.value ?? '';
    const copy = el.cloneNode(true);
    copy.querySelectorAll('button, [role=button], svg, [role=img], script, style, [aria-hidden=true]').forEach((b) => b.remove());
    const fields = el.querySelectorAll('input, textarea');
    if (!clean(copy.textContent) && fields.length === 1) return fields[0].value ?? '';
    // A lone button where the value will be (e.g. "Retrieve client secret") is kept as text.
    return clean(copy.textContent) || clean(el.textContent);
  }

  const MAX_PARTS = 200;

  /**
   * The value's separate pieces of text (one per tag, chip, list item, group heading), so
   * adjacent elements are never read as one run-together word. Only sent when there are several.
   */
  function partsOf(el) {
    if (el.matches('input, textarea, select')) return [];
    const parts = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && parts.length < MAX_PARTS; n = walker.nextNode()) {
      // Only what lies inside the value: a page hides its whole app from assistive tech while a
      // dialog is open, and that says nothing about the value.
      const hidden = n.parentElement?.closest('button, [role=button], svg, [role=img], script, style, [aria-hidden=true]');
      if (hidden && el.contains(hidden)) continue;
      const t = clean(n.nodeValue);
      if (t) parts.push(t.slice(0, MAX_TEXT));
    }
    return parts.length > 1 ? parts : [];
  }

  function ownText(el) {
    let t = '';
    for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE) t += n.nodeValue;
    return clean(t);
  }

  // Icons say nothing: an info icon's SVG title, an icon font's glyph, a hidden tooltip.
  const ICONS = 'svg, img, [role=img], [aria-hidden=true], script, style, template';
  // Controls and navigation are never a value's label (a tab "Scopes" beside a tab
  // "Product Profiles" is not the Scopes row).
  const NOT_LABELS = 'a, button, [role=button], [role=tab], [role=link], [role=menuitem], [role=option], option';
  const HEADER_CELLS = 'th, [role=columnheader]';
  /** A table's row of column headers (their cells are read by `tablePairs`, not beside each other). */
  const headerRow = (row) => row.children.length > 0 && [...row.children].every((c) => c.matches(HEADER_CELLS));
  const BUTTONS = 'button, [role=button]';
  const FIELDS = 'input:not([type=hidden]), textarea, select';

  /** The text an element shows, without icons (`withButtons`: with its buttons' text too). */
  function shownText(el, withButtons) {
    if (el.matches(ICONS) || (!withButtons && el.matches(BUTTONS))) return '';
    const copy = el.cloneNode(true);
    copy.querySelectorAll(withButtons ? ICONS : `${ICONS}, ${BUTTONS}`).forEach((b) => b.remove());
    return clean(copy.textContent);
  }

  /**
   * The element holding a label's value: the next sibling that shows text. Icons between them
   * (Target's ⓘ after "Client Code") are passed over, and so is a button when text follows it;
   * a button that is the last thing shown is kept (the Console's "Retrieve client secret"). A
   * label whose own box ends with it (a label and its icon wrapped together) is read from its
   * box's siblings, a few levels up at most.
   */
  function valueElementOf(label, text) {
    let from = label;
    for (let up = 0; from && up < 3; up++) {
      let button = null;
      for (let s = from.nextElementSibling; s; s = s.nextElementSibling) {
        if (s.matches(FIELDS) || (!s.matches(ICONS) && s.querySelectorAll(FIELDS).length === 1)) return s;
        if (!shownText(s, true)) continue;
        if (s.matches(BUTTONS) || !shownText(s, false)) {
          button ??= s;
          continue;
        }
        return s;
      }
      if (button) return button;
      const box = from.parentElement;
      if (!box || box === document.body || shownText(box, false) !== text) return null;
      from = box;
    }
    return null;
  }

  /** An element that is a label: text of its own, and nothing else shown but icons or buttons. */
  function labelText(el) {
    if (el.matches(NOT_LABELS) || (el.matches(HEADER_CELLS) && el.parentElement && headerRow(el.parentElement))) return '';
    const own = ownText(el);
    if (!own) return '';
    for (const c of el.children) if (shownText(c, false)) return '';
    return own;
  }

  /** A table's (or ARIA grid's) cells under their column headers, one pair per cell. */
  function tablePairs(table, add) {
    const rows = table.matches('table') ? [.../** @type {HTMLTableElement} */ (table).rows] : [...table.querySelectorAll('[role=row]')];
    const cellsOf = (row) => [...row.children].filter((c) => c.matches('th, td, [role=columnheader], [role=rowheader], [role=cell], [role=gridcell]'));
    let headers = [];
    for (const row of rows.slice(0, MAX_PARTS)) {
      const cells = cellsOf(row);
      if (headerRow(row)) {
        headers = cells.map((c) => shownText(c, false));
        continue;
      }
      cells.forEach((c, i) => headers[i] && add(headers[i], valueOf(c), partsOf(c)));
    }
  }

  function snapshot() {
    const pairs = [];
    const add = (label, value, parts = []) => {
      label = clean(label);
      if (!label || label.length > LABEL_MAX || pairs.length >= MAX_PAIRS) return;
      const pair = { label, value: String(value ?? '').trim().slice(0, MAX_TEXT) };
      if (parts.length) pair.parts = parts;
      pairs.push(pair);
    };
    for (const el of document.body?.querySelectorAll('*') ?? []) {
      if (pairs.length >= MAX_PAIRS) break;
      const label = el.closest('svg, [role=img], script, style, template') ? '' : labelText(el);
      const valueEl = label ? valueElementOf(el, label) : null;
      if (valueEl) add(label, valueOf(valueEl), partsOf(valueEl));
      if (el.matches('table, [role=table], [role=grid]')) tablePairs(el, add);
      if (el.matches('textarea[aria-label], pre[aria-label], input[aria-label], code[aria-label]')) {
        add(el.getAttribute('aria-label'), el.matches('textarea, input') ? /** @type {HTMLInputElement} */ (el).value : el.textContent);
      }
      if (el.matches('label[for]')) {
        const target = /** @type {HTMLInputElement | null} */ (document.getElementById(/** @type {HTMLLabelElement} */ (el).htmlFor));
        if (target?.matches('input, textarea, select')) add(el.textContent, target.value);
      }
    }
    const headings = [...document.querySelectorAll('h1, h2, h3')].slice(0, MAX_PAIRS).map((h) => clean(h.textContent).slice(0, MAX_TEXT));
    return { url: location.href, headings, pairs };
  }

  let lastSnapshot = '';
  let timer = 0;
  const reportSnapshot = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const snap = snapshot();
      const json = JSON.stringify(snap);
      if (json === lastSnapshot) return;
      lastSnapshot = json;
      send({ type: 'PageSnapshot', snapshot: snap });
    }, 250);
  };

  const onChange = () => {
    reportUrl();
    reportSnapshot();
  };
  onChange();
  addEventListener('hashchange', onChange);
  addEventListener('popstate', onChange);
  // pushState fires no event in this world; the Navigation API sees it where it exists.
  globalThis.navigation?.addEventListener('navigatesuccess', onChange);
  // Single-page apps load values after the route changes and reveal secrets on a click.
  new MutationObserver(onChange).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
})();
