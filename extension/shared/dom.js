// The one element builder of the popup and the www page (a classic script, so the www page
// can load it from disk): attributes, `on…` listeners, and children with nulls skipped.
'use strict';
(() => {
  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
    }
    e.append(...children.flat().filter((c) => c !== null && c !== undefined));
    return e;
  }
  globalThis.imsLinkDom = { el };
})();
