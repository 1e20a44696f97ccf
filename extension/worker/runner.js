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

/**
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
function serial(fn) {
  const done = queue.then(fn, fn);
  queue = done.catch(() => {});
  return done;
}

/** Takes one event to its reply (or `null`), through as many browser calls as the core asks. */
export async function run(event) {
  const step = await serial(async () => {
    const { session } = await ext.storage.session.get('session');
    const next = core.sessionStep(session, event, Date.now());
    if (next.session) await ext.storage.session.set({ session: next.session });
    return next;
  });
  step.effects.forEach(perform);
  if (step.io) return run(await call(step.io));
  return step.reply ?? null;
}
