// The page function that reads AEM's own verdicts (run in the AEM page's world, like
// aem-page.js, and serialized by chrome.scripting, so self-contained). It only collects text:
// every result area a user would read (live regions, alerts, Coral alerts, ExtJS message
// boxes) with the dialog around it, and the cells of table rows. The core decides what the
// text means (src/ims/aem_verdict.rs).

/** { url, messages: [{ text, context }], rows: [[cell text]] } */
export function readAemResult() {
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
  return { url: location.href, messages, rows };
}
