// The worker's one loop: read the session, let the core take the event, write the session it
// returns, perform the effects, and when the core asks for a browser or network call, make it
// and feed the result back as the next event. Only reading and writing the session is queued:
// the calls in between (a page script, a check on the network) run outside the queue, and the
// core records their results only if the profile did not change meanwhile.
import * as core from '../pkg/ims_link.js';
import { ext } from '../shared/ext.js';
import { perform } from './effects.js';
import { call } from './io.js';

/** @type {Promise<unknown>} */
let queue = Promise.resolve();

/** The session write the last step started; the next step waits for it, its caller does not. */
/** @type {Promise<unknown>} */
let writing = Promise.resolve();

/**
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
function serial(fn) {
  const done = queue.then(fn, fn);
  queue = done.then(() => writing).catch(() => {});
  return done;
}

/**
 * Whether the core holds the session storage holds. Only this loop writes `storage.session`,
 * so once loaded in a wake the core keeps it between steps (it crosses as JSON only to be
 * written, and here on a wake): a step after the first (the popup's `GetPopup` is two) reads
 * nothing. A stopped worker loses it and loads storage again, and any change to storage made
 * elsewhere (the tests make some) or a failed write sends the next step back to storage, which
 * stays the one truth.
 */
let loaded = false;
/**
 * The session as storage held it when the worker started: read while the wasm compiles, as
 * the wake's first step needs it (dropped at a change made elsewhere, which it may predate).
 * @type {Promise<Record<string, any> | null> | null}
 */
let prefetched = ext.storage.session.get('session').catch(() => null);
// Each write carries a number, so the change event of this loop's own write is told apart
// from a change made elsewhere (a test, a clear), which sends the next step back to storage.
let writes = 0;
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && changes.sessionWrite?.newValue !== writes) {
    loaded = false;
    prefetched = null;
  }
});

/** Takes one event to its reply (or `null`), through as many browser calls as the core asks. */
export async function run(event) {
  const step = await serial(async () => {
    if (!loaded) {
      const early = prefetched;
      prefetched = null;
      core.sessionLoad(((await early) ?? (await ext.storage.session.get('session'))).session);
      loaded = true;
    }
    const next = core.sessionStep(event, Date.now());
    if (next.session) {
      // The reply and the effects need not wait for storage: the next step does (serial), so
      // a popup told of the change and asking again reads what was written. A failed write
      // sends the next step back to storage, the one truth.
      writing = ext.storage.session.set({ session: next.session, sessionWrite: ++writes }).catch((err) => {
        loaded = false;
        console.error('IMS Link could not write its session', err);
      });
    }
    return next;
  });
  step.effects.forEach(perform);
  // A call whose result nobody waits for (IMS Link's own IMS check): the reply goes out now.
  if (step.background) Promise.resolve(step.background).then(call).then(run)
    .catch((err) => console.error('IMS Link: a background call failed', err));
  if (step.io) return run(await call(step.io));
  return step.reply ?? null;
}
