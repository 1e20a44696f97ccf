// The page function that reads AEM's own verdicts (run in the AEM page's world, like
// aem-page.js, and serialized by chrome.scripting, so self-contained). It only collects text:
// every result area a user would read (live regions, alerts, Coral alerts, ExtJS message
// boxes) with the dialog around it, and the cells of table rows. The core decides what the
// text means (src/ims/aem_verdict.rs).

/**
 * { url, messages: [{ text, context }], rows: [[cell text]], links: [{ text, href, download }], switches: [{ label, checked }] }
 * With `waitMs` (the side panel watching AEM's page, bounded by the core): the snapshot once it
 * differs from the one at the start (AEM answered, or began to), or after `waitMs`. Whether the
 * change is a verdict is the core's to say.
 * @param {number} [waitMs]
 */
export function readAemResult(waitMs = 0) {
  if (!(waitMs > 0)) return snapshot();
  // AEM writes its answer in several mutations, and spinners keep changing attributes: the
  // page is compared at most this often, not on every mutation.
  const LOOK_EVERY_MS = 250;
  const key = () => { const s = snapshot(); return JSON.stringify([s.messages, s.rows, s.links, s.switches]); };
  const start = key();
  return new Promise((resolve) => {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let look;
    const finish = () => {
      observer.disconnect();
      clearTimeout(bound);
      clearTimeout(look);
      resolve(snapshot());
    };
    const observer = new MutationObserver(() => {
      look ??= setTimeout(() => {
        look = undefined;
        if (key() !== start) finish();
      }, LOOK_EVERY_MS);
    });
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    const bound = setTimeout(finish, waitMs);
  });

  function snapshot() {
    const MAX = 40;
    const clean = (s) => String(s ?? '').replace(/\s+/g, ' ').trim().slice(0, 4000);
    const shown = (el) => (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
    const textOf = (el) => clean(el instanceof HTMLElement && el.innerText ? el.innerText : el.textContent);
    const AREAS = '[aria-live], [role="alert"], [role="status"], coral-alert, .ext-mb-text';
    const DIALOGS = 'coral-dialog, [role="dialog"], .x-window';
    const areas = [...document.querySelectorAll(AREAS)].filter((el) => shown(el) && textOf(el));
    // An alert inside a live region is read once, as part of the region.
    const outer = areas.filter((el) => !areas.some((other) => other !== el && other.contains(el)));
    const messages = outer.slice(0, MAX).map((el) => {
      const dialog = el.closest(DIALOGS);
      return { text: textOf(el), context: dialog ? textOf(dialog).slice(0, 1000) : '' };
    });
    const rows = [...document.querySelectorAll('tr')].slice(0, 200)
      .map((tr) => [...tr.querySelectorAll('td, th')].map((c) => textOf(c).slice(0, 300)))
      .filter((cells) => cells.length > 0);
    // Download links (the IMS wizard's "Download Public Key") and switches ("Create new
    // certificate"): the core decides which one matters and whether to follow it.
    const links = [...document.querySelectorAll('a[href]')].filter((a) => shown(a) && (a.hasAttribute('download') || /public key/i.test(textOf(a))))
      .slice(0, MAX).map((a) => ({ text: textOf(a).slice(0, 200), href: String(/** @type {HTMLAnchorElement} */ (a).href).slice(0, 2048), download: (a.getAttribute('download') ?? '').slice(0, 200) }));
    const switches = [...document.querySelectorAll('coral-switch, coral-checkbox, input[type="checkbox"]')].filter(shown).slice(0, MAX)
      .map((w) => ({ label: (textOf(w) || w.getAttribute('aria-label') || '').slice(0, 200), checked: Boolean(/** @type {HTMLInputElement} */ (w).checked) }));
    return { url: location.href, messages, rows, links, switches };
  }
}

/**
 * AEM's public key at `url`, fetched by the AEM page itself (its session, its origin; the core
 * checked the origin): { status, bodyBase64, contentDisposition }. The bytes go as they came
 * (base64): whether they are PEM or DER is the core's to tell.
 */
export async function fetchAemFile(url, maxBytes) {
  const res = await fetch(url, { credentials: 'same-origin', redirect: 'error' });
  const bytes = new Uint8Array(await res.arrayBuffer()).slice(0, maxBytes + 1);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { status: res.status, bodyBase64: btoa(binary), contentDisposition: res.headers.get('content-disposition') ?? undefined };
}
