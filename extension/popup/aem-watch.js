// IMS Link reads AEM's answer by itself where the guide's step ends with it (`next.watchAem`,
// decided by the core), where it may read the page: the side panel (on the author the admin
// allowed) at once when it shows the page, then each time AEM's page changes (the worker's page
// function waits for the change, within the core's bound), for as long as it shows that tab and
// the guide still says so, with no button to press; the toolbar popup (activeTab) once, as it
// opens, and keeps its "Read AEM's result" button, since a click on the page closes it. What
// AEM's words mean is the core's to say (src/ims/aem_verdict.rs).
import { panel } from './first.js';
import { $, send } from './shared.js';

// After the browser refused to run in the page (it was loading another one, say), the next
// look waits this long, so a page that cannot be read is not asked again and again at once.
const AFTER_REFUSAL_MS = 1000;
// So many refusals in a row end the watch; the panel's next redraw (the tab loading a page, a
// permission granted) starts it again.
const MAX_REFUSALS = 5;

let guide = null;
let watching = false;
let readOnOpen = false;

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the panel is shown again (a hidden panel watches nothing). */
const shown = () => new Promise((resolve) => {
  if (document.visibilityState !== 'hidden') return resolve(undefined);
  document.addEventListener('visibilitychange', () => resolve(undefined), { once: true });
});

/**
 * Called with every guide the panel draws: starts watching when the guide says so.
 * @param {number | undefined} tabId the tab the panel shows
 * @param {any} drawn the guide just drawn
 * @param {() => Promise<void>} refresh redraws the panel (and so calls this again)
 */
export function watchAem(tabId, drawn, refresh) {
  guide = drawn;
  if (watching || tabId === undefined || !guide?.next?.watchAem) return;
  // The toolbar popup reads once, as it opens (its page steps close it).
  if (!panel && readOnOpen) return;
  readOnOpen = true;
  watching = true;
  // Busy at once, in the same task as the drawing: the first read is under way.
  $('guide').setAttribute('aria-busy', 'true');
  watch(tabId, refresh).finally(() => {
    watching = false;
    $('guide').removeAttribute('aria-busy');
  });
}

async function watch(tabId, refresh) {
  // The first read is at once (the page may already show AEM's answer) and IMS Link is busy
  // meanwhile; the side panel's next ones wait in the page for it to change.
  let wait = false;
  let refusals = 0;
  while (guide?.next?.watchAem && refusals < MAX_REFUSALS) {
    if (wait) await shown();
    else $('guide').setAttribute('aria-busy', 'true');
    const reply = await send({ type: 'ReadAemResult', tabId, wait }).catch(() => null);
    if (reply?.type === 'Guide') {
      refusals = 0;
      await refresh();
      wait = true;
    } else if (reply?.type === 'Refused' && reply.problem?.code === 'no-aem-result') {
      // AEM's page changed but shows no verdict yet ("Connecting…"): keep watching.
      refusals = 0;
      wait = true;
    } else {
      // The browser refused to run in the page (it was loading another one, say): look again
      // at the page as it is now, a moment later.
      refusals++;
      if (!panel) return;
      await pause(AFTER_REFUSAL_MS);
      await refresh();
      wait = false;
    }
    $('guide').removeAttribute('aria-busy');
    if (!panel) return;
  }
}
