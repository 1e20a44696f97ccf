// Tiny DOM helpers, so views read like the markup they produce.

/** h('div', { class: 'x', onclick: fn, 'aria-label': 'y' }, child, 'text', [more]) */
export function h(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Spectrum's copy icon (two overlapping pages), drawn rather than loaded: the page is offline. */
export function copyIcon() {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 18 18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ['M11 1H3a1 1 0 0 0-1 1v10h2V3h7z', 'M15 5H7a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1zm-1 10H8V7h6z']) {
    const p = document.createElementNS(SVG, 'path');
    p.setAttribute('d', d);
    svg.append(p);
  }
  return svg;
}

/** A short-lived toast, as Spectrum shows after copying. */
export function toast(message) {
  const t = h('div', { class: 'Toast_toast__Zk31e', role: 'status' }, message);
  document.body.append(t);
  setTimeout(() => t.remove(), 2500);
}

/** A copy button next to a value; like the real Console its only name is an aria-label. */
export function copyButton(getText) {
  return h('button', {
    type: 'button',
    class: 'ActionButton_quiet__p2Lw8',
    'aria-label': 'Copy',
    title: 'Copy',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(getText());
        toast('Copied to clipboard');
      } catch {
        toast('Could not copy to the clipboard');
      }
    },
  }, copyIcon());
}
