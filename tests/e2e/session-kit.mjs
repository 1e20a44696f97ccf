// What several e2e files need of the worker's session: read it, wait on it, empty the profile,
// and let the debounced page snapshots settle. `browser()` returns the launched harness (it is
// assigned in each file's `before`).

export function sessionKit(browser) {
  /** What the worker holds in session memory. */
  const stored = () => browser().worker().evaluate(async () => (await chrome.storage.session.get('session')).session ?? {});

  /** Polls `probe` until it gives something, and returns that. */
  async function until(what, probe, timeoutMs = 10_000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const last = await probe();
      if (last) return last;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the session is ${JSON.stringify(await stored())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Starts a test from an empty profile, without going through the popup. */
  async function emptyProfile() {
    await browser().worker().evaluate(async () => {
      const { session = {} } = await chrome.storage.session.get('session');
      await chrome.storage.session.set({ session: { ...session, profile: undefined, pending: [], notices: [], awaiting: undefined, switch: undefined, keptOver: undefined,
        // What came with the old profile goes with it, as "Clear profile" does.
        checks: {}, token: null, taken: null, undoneTake: null } });
    });
  }

  /** Waits until the content script's snapshots (debounced 250 ms) had two quiet rounds. */
  async function settled() {
    let before = JSON.stringify(await stored());
    for (let quiet = 0; quiet < 2;) {
      await new Promise((r) => setTimeout(r, 400));
      const now = JSON.stringify(await stored());
      quiet = now === before ? quiet + 1 : 0;
      before = now;
    }
  }

  return { stored, until, emptyProfile, settled };
}
