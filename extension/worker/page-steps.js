// The page function that does the page steps the core says IMS Link does itself (AEM's own
// Check Health or Connect: `Next::runs`), run in the AEM page's world and serialized by
// chrome.scripting, so self-contained. It does only what a step names, as the admin would: an
// item of AEM's list is selected with its own select box (a card, which has none, by a click
// on it, as Coral's masonry selects, unless the card is a link), a button is clicked by its
// name, each once it shows (a toolbar appears on selection, a dialog opens), within a bound.
// It answers how many steps it did, in order; what to make of a step not done is the core's.

/**
 * @param {{ do: string, name?: string, within?: string | null }[]} steps
 * @returns {Promise<number>}
 */
export async function runPageSteps(steps) {
  const WAIT_MS = 8000;
  const ITEMS = '.foundation-collection-item, coral-masonry-item, coral-columnview-item, tr, [role="row"]';
  const SELECTORS = '[coral-table-rowselect], [coral-columnview-itemselect], coral-checkbox, input[type="checkbox"], [role="checkbox"]';
  const CLICKABLE = 'button, a[href], [role="button"], [role="menuitem"], input[type="button"], input[type="submit"]';
  const DIALOGS = 'coral-dialog, [role="dialog"], .x-window';
  const clean = (s) => String(s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const shown = (el) => (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.offsetParent !== null);
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** The first thing `find` finds, looked for until the bound. */
  async function until(find) {
    const end = Date.now() + WAIT_MS;
    for (;;) {
      const found = find();
      if (found || Date.now() > end) return found;
      await pause(100);
    }
  }

  /** The list item titled `name`: the item around the innermost element showing that text. */
  function item(name) {
    const want = clean(name);
    for (const el of document.querySelectorAll(ITEMS)) {
      if (!shown(el) || !clean(el.textContent).includes(want)) continue;
      const titled = [...el.querySelectorAll('*')].some((c) => clean(c.textContent) === want && c.closest(ITEMS) === el);
      if (titled) return el;
    }
    return null;
  }

  const selected = (el) => el.hasAttribute('selected') || el.getAttribute('aria-selected') === 'true'
    || Boolean(el.querySelector('input[type="checkbox"]:checked'));

  function select(name) {
    const el = item(name);
    if (!el) return false;
    if (selected(el)) return true;
    const box = el.querySelector(SELECTORS);
    // An item without a select box that is a link (a card that opens its item) would take the
    // tab away: left to the admin.
    if (!box && (el.matches('[data-foundation-collection-navigator-href], a[href]') || el.querySelector('a[href]'))) return false;
    const target = box?.querySelector('input') ?? box ?? el.querySelector('coral-card') ?? el;
    /** @type {HTMLElement} */ (target).click();
    return true;
  }

  const named = (el, want) => clean(el.getAttribute('aria-label')) === want
    || clean(el instanceof HTMLElement ? el.innerText : el.textContent) === want || clean(el.getAttribute('value')) === want;

  /** The button named `name` (in the row or region showing `within`), an open dialog's first. */
  function button(name, within) {
    const want = clean(name);
    const near = clean(within);
    const all = [...document.querySelectorAll(CLICKABLE)].filter((el) => shown(el) && named(el, want)
      && !el.matches(':disabled, [aria-disabled="true"], .x-item-disabled *')
      && (!near || clean((el.closest(ITEMS) ?? el.parentElement?.parentElement)?.textContent).includes(near)));
    const inDialog = all.filter((el) => el.closest(DIALOGS));
    return /** @type {HTMLElement | undefined} */ ((inDialog.length ? inDialog : all).at(-1)) ?? null;
  }

  let done = 0;
  for (const step of steps) {
    if (step.do === 'select') {
      if (!(await until(() => select(step.name)))) return done;
      if (!(await until(() => { const el = item(step.name); return el && selected(el); }))) return done;
    } else if (step.do === 'click') {
      const el = await until(() => button(step.name, step.within));
      if (!el) return done;
      el.click();
    } else {
      return done;
    }
    done++;
  }
  return done;
}
