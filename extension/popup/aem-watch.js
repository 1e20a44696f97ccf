// IMS Link reads AEM's answer by itself where the guide's step ends with it (`next.watchAem`,
// decided by the core), where it may read the page: the side panel (on the author the admin
// allowed) at once when it shows the page, then each time AEM's page changes (the worker's page
// function waits for the change, within the core's bound), for as long as it shows that tab and
// the guide still says so, with no button to press; the toolbar popup (activeTab) once, as it
// opens, and keeps its "Read AEM's result" button, since a click on the page closes it. What
// AEM's words mean is the core's to say (src/ims/aem_verdict.rs), and so is when to read again
// after a read without a verdict (the refusal's `again`, src/session/verdicts.rs).
import { panel } from './first.js';
import { $, send } from './shared.js';

let guide = null;
let watching = false;
let readOnOpen = false;
const runsAsked = new Set(); // `${tabId} ${next.runs}`: each asked of the worker once

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
  runOnPage(tabId, drawn, refresh);
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

/**
 * The side panel has IMS Link do the page steps its guide says IMS Link does itself (AEM's own
 * Check Health or Connect, `next.runs`); the worker does them once, and the watch reads AEM's
 * answer as ever.
 */
function runOnPage(tabId, drawn, refresh) {
  const key = `${tabId} ${drawn?.next?.runs}`;
  if (!panel || tabId === undefined || !drawn?.next?.runs || runsAsked.has(key)) return;
  runsAsked.add(key);
  send({ type: 'RunPageSteps', tabId }).catch(() => null).then(() => refresh());
}

async function watch(tabId, refresh) {
  // The first read is at once (the page may already show AEM's answer) and IMS Link is busy
  // meanwhile; the side panel's next ones wait in the page for it to change.
  let wait = false;
  let refusals = 0;
  while (guide?.next?.watchAem) {
    if (wait) await shown();
    else $('guide').setAttribute('aria-busy', 'true');
    const reply = await send({ type: 'ReadAemResult', tabId, wait, refusals }).catch(() => null);
    if (reply?.type === 'Guide') {
      refusals = 0;
      await refresh();
      wait = true;
    } else {
      // No verdict yet, or the browser refused to run in the page: the core says whether,
      // when and how to read again; without `again` the watch ends.
      const again = panel && reply?.type === 'Refused' ? reply.again : null;
      if (!again) return;
      if (again.afterMs) {
        await pause(again.afterMs);
        await refresh();
      }
      ({ wait, refusals } = again);
    }
    $('guide').removeAttribute('aria-busy');
    if (!panel) return;
  }
}
