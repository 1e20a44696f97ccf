// The side panel reads AEM's answer by itself where the guide's step ends with it
// (`next.watchAem`, decided by the core): at once when the panel shows the page, then each
// time AEM's page changes (the worker's page function waits for the change, within the core's
// bound), for as long as the panel shows that tab and the guide still says so. There is no
// button to press; what AEM's words mean is the core's to say (src/ims/aem_verdict.rs). The
// toolbar popup keeps its "Read AEM's result" button: clicking the page closes it.
import { panel } from './first.js';
import { $, send } from './shared.js';

// After the browser refused to run in the page (it was loading another one, say), the next
// look waits this long, so a page that cannot be read is not asked again and again at once.
const AFTER_REFUSAL_MS = 1000;

let guide = null;
let watching = false;

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
  if (!panel || watching || tabId === undefined || !guide?.next?.watchAem) return;
  watching = true;
  watch(tabId, refresh).finally(() => {
    watching = false;
  });
}

async function watch(tabId, refresh) {
  // The first read is at once (the page may already show AEM's answer) and the panel is busy
  // meanwhile; the next ones wait in the page for it to change.
  let wait = false;
  while (guide?.next?.watchAem) {
    await shown();
    if (!wait) $('guide').setAttribute('aria-busy', 'true');
    const reply = await send({ type: 'ReadAemResult', tabId, wait }).catch(() => null);
    if (reply?.type === 'Guide') {
      await refresh();
      wait = true;
    } else if (reply?.type === 'Refused' && reply.problem?.code === 'no-aem-result') {
      // AEM's page changed but shows no verdict yet ("Connecting…"): keep watching.
      wait = true;
    } else {
      await pause(AFTER_REFUSAL_MS);
      await refresh();
      wait = false;
    }
    $('guide').removeAttribute('aria-busy');
  }
}
