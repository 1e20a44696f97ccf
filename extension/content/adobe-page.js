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
  const send = (msg) => api.runtime.sendMessage(msg).catch(() => {});

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
    copy.querySelectorAll('button, [role=button], script, style, [aria-hidden=true]').forEach((b) => b.remove());
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
      if (n.parentElement?.closest('button, [role=button], script, style, [aria-hidden=true]')) continue;
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
      if (el.childElementCount === 0 && el.nextElementSibling && !el.matches('button, script, style')) {
        const label = ownText(el);
        if (label) add(label, valueOf(el.nextElementSibling), partsOf(el.nextElementSibling));
      }
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
