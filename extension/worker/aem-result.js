// The page function that reads AEM's own verdicts (run in the AEM page's world, like
// aem-page.js, and serialized by chrome.scripting, so self-contained). It only collects text:
// every result area a user would read (live regions, alerts, Coral alerts, ExtJS message
// boxes) with the dialog around it, each dialog with no such area in it (AEM's "Healthy
// configuration" says its verdict in the dialog itself), the cells of table rows and the items
// of a card or column view. The core decides what the text means (src/ims/aem_verdict.rs).

/**
 * { url, messages: [{ text, context, dialog?, title?, variant? }], rows: [[cell text]], cards: [{ id, texts: [title, text...] }],
 *   links: [{ text, href, download }], switches: [{ label, checked }] }
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
  const key = () => { const s = snapshot(); return JSON.stringify([s.messages, s.rows, s.cards, s.links, s.switches]); };
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
    // ExtJS hides a window it keeps for reuse (its message box) by visibility or by moving it
    // off the page, not by display: such a box still holds its last text, which is no verdict.
    // A hidden element may show a visible child, as Coral's dialog does (its own element is
    // hidden, its wrapper visible). Opacity is not looked at: a Coral dialog fades in, and the
    // watch reads on changes to the page, which a fade is not.
    const visible = (el) => el.checkVisibility({ visibilityProperty: true });
    const shown = (el) => {
      if (!(el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null)) return false;
      const r = el.getBoundingClientRect(); // in the page, not the viewport: scrolled away is still shown
      if (r.right + scrollX <= 0 || r.bottom + scrollY <= 0) return false;
      return !el.checkVisibility || visible(el) || [...el.querySelectorAll('*')].some(visible);
    };
    const textOf = (el) => clean(el instanceof HTMLElement && el.innerText ? el.innerText : el.textContent);
    const AREAS = '[aria-live], [role="alert"], [role="status"], coral-alert, .ext-mb-text';
    const DIALOGS = 'coral-dialog, [role="dialog"], .x-window';
    const areas = [...document.querySelectorAll(AREAS)].filter((el) => shown(el) && textOf(el));
    // An alert inside a live region is read once, as part of the region.
    const outer = areas.filter((el) => !areas.some((other) => other !== el && other.contains(el)));
    /** @type {{ text: string, context: string, dialog?: boolean, title?: string, variant?: string }[]} */
    const messages = outer.slice(0, MAX).map((el) => {
      const dialog = el.closest(DIALOGS);
      return { text: textOf(el), context: dialog ? textOf(dialog).slice(0, 1000) : '' };
    });
    // A dialog that holds no result area: its header, its content and Coral's variant.
    const dialogs = [...document.querySelectorAll(DIALOGS)].filter((el) => shown(el) && !el.querySelector(AREAS));
    for (const el of dialogs.filter((el) => !dialogs.some((other) => other !== el && other.contains(el))).slice(0, MAX - messages.length)) {
      const part = (sel) => el.querySelector(sel);
      const title = part('coral-dialog-header, .x-window-header-text, [role="heading"], h1, h2, h3');
      const content = part('coral-dialog-content, .x-window-body');
      messages.push({ text: textOf(content ?? el), context: textOf(el).slice(0, 1000), dialog: true,
        title: title ? textOf(title).slice(0, 200) : '', variant: (el.getAttribute('variant') ?? '').slice(0, 40) });
    }
    const rows = [...document.querySelectorAll('tr')].slice(0, 200)
      .map((tr) => [...tr.querySelectorAll('td, th')].map((c) => textOf(c).slice(0, 300)))
      .filter((cells) => cells.length > 0);
    // A card or column view (Coral's masonry and column view, Granite's collection items): each
    // item's id (Granite's, a path where it has one), its title, then its other lines as shown.
    const cards = [...document.querySelectorAll('coral-masonry-item, coral-columnview-item, .foundation-collection-item:not(tr)')].filter(shown).slice(0, 200)
      .map((card) => {
        const named = card.querySelector('.foundation-collection-item-title, coral-card-title, coral-columnview-item-content');
        const title = named ? textOf(named) : '';
        const lines = String(card instanceof HTMLElement ? card.innerText : card.textContent).split('\n').map(clean)
          .filter((line) => line && line !== title).slice(0, 12).map((line) => line.slice(0, 300));
        return { id: (card.getAttribute('data-foundation-collection-item-id') ?? '').slice(0, 300), texts: [title.slice(0, 300), ...lines] };
      });
    // Download links (the IMS wizard's "Download Public Key") and switches ("Create new
    // certificate"): the core decides which one matters and whether to follow it.
    const links = [...document.querySelectorAll('a[href]')].filter((a) => shown(a) && (a.hasAttribute('download') || /public key/i.test(textOf(a))))
      .slice(0, MAX).map((a) => ({ text: textOf(a).slice(0, 200), href: String(/** @type {HTMLAnchorElement} */ (a).href).slice(0, 2048), download: (a.getAttribute('download') ?? '').slice(0, 200) }));
    const switches = [...document.querySelectorAll('coral-switch, coral-checkbox, input[type="checkbox"]')].filter(shown).slice(0, MAX)
      .map((w) => ({ label: (textOf(w) || w.getAttribute('aria-label') || '').slice(0, 200), checked: Boolean(/** @type {HTMLInputElement} */ (w).checked) }));
    return { url: location.href, messages, rows, cards, links, switches };
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
