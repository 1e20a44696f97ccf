// Starts the fake Adobe cloud and Debian's Chromium with the built extension (dist/chrome,
// byte for byte what users install), and collects every console message of the worker.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startFakeCloud } from '../fake-cloud/server.mjs';

// IMS_LINK_EXTENSION_DIR runs the same tests against another build (e.g. one before a fix).
export const EXTENSION_DIR = process.env.IMS_LINK_EXTENSION_DIR ?? new URL('../../dist/chrome/', import.meta.url).pathname;

/** A browser launched before the calling file's tests and closed after them: the getter's. */
export function browserPerFile() {
  let b;
  before(async () => {
    b = await launch();
  });
  after(async () => {
    await b?.close();
  });
  return () => b;
}

export async function launch() {
  const cloud = await startFakeCloud();
  const userDataDir = mkdtempSync(join(tmpdir(), 'ims-link-profile-'));
  // Developer mode makes Chromium keep the extension's errors, as chrome://extensions shows them.
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${cloud.hostRules}`, '--ignore-certificate-errors',
    ],
  });
  const workerConsole = [];
  const watched = new Set();
  const watch = (sw) => {
    if (watched.has(sw)) return;
    watched.add(sw);
    sw.on('console', (m) => workerConsole.push({ type: m.type(), text: m.text() }));
  };
  context.on('serviceworker', watch);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  watch(worker);
  const extensionId = new URL(worker.url()).host;
  const current = () => context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));

  /**
   * Runs `fn` in the extension's worker. Bounded, and retried on a fresh worker: Chrome may stop
   * the worker at any time, and an evaluate on a worker that is going away can wait forever.
   */
  async function workerEvaluate(fn, arg) {
    let lastError;
    for (let attempt = 0; attempt < 3; attempt++) {
      let sw = current();
      if (!sw) {
        // Any extension page wakes the worker: the popup asks it for the profile at once.
        const waking = context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => null);
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/popup.html?tab=0`).catch(() => {});
        sw = (await waking) ?? current();
        await page.close().catch(() => {});
        if (!sw) continue;
      }
      let timer;
      const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('worker evaluate timed out after 10 s')), 10_000); });
      try {
        return await Promise.race([sw.evaluate(fn, arg), timeout]);
      } catch (err) {
        lastError = err;
      } finally {
        clearTimeout(timer);
      }
    }
    throw lastError ?? new Error('no extension worker');
  }

  let extensionsPage = null;
  return {
    cloud,
    context,
    userDataDir,
    extensionId,
    workerConsole,
    /** The extension's worker, for `evaluate` only (bounded and retried, see workerEvaluate). */
    worker: () => ({ evaluate: workerEvaluate }),
    /** Opens a page in a new tab and returns it with its tab id. */
    async openTab(url) {
      const page = await context.newPage();
      await page.goto(url);
      await page.bringToFront();
      // The new tab is the active one; its id is what the toolbar popup would act on.
      return { page, tabId: await this.activeTabId() };
    },
    /** The id of the tab in front, the one the toolbar popup acts on. */
    activeTabId() {
      return workerEvaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    },
    /** The text on the clipboard, read from a page of the fake cloud allowed to read it. */
    async clipboardText() {
      const origin = 'https://www.example.test';
      await context.grantPermissions(['clipboard-read'], { origin });
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const text = await page.evaluate(() => navigator.clipboard.readText());
      await page.close();
      return text;
    },
    /**
     * Opens the popup as a page acting on `tabId`, as the toolbar popup would on that tab.
     * Its sections (values, key pair, checks) open on demand; `expand` opens them all, as an
     * admin who goes on to use them does. The guide walk opens the popup as it first shows.
     */
    async openPopup(tabId, { expand = true } = {}) {
      const popup = await context.newPage();
      const open = () => popup.evaluate(() => document.querySelectorAll('details.section').forEach((d) => { d.open = true; })).catch(() => {});
      // Again after every reload, as the admin would.
      if (expand) popup.on('domcontentloaded', open);
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      if (expand) await open();
      return popup;
    },
    /**
     * The side panel as the tests see it: popup.html in its panel mode, in a window of its own,
     * following the active tab of window `windowId` (the admin's). Playwright cannot reach the
     * browser's side panel, so the same page runs where it can; it is bound to the admin's
     * window exactly as the real panel is to the window it sits in.
     */
    async openPanel(windowId) {
      // Chrome's own side panel, if the popup's button opened it, is another page: not this one.
      const opened = context.waitForEvent('page', (p) => p.url().endsWith(`popup.html?panel&window=${windowId}`));
      await workerEvaluate((url) => chrome.windows.create({ url, type: 'popup', width: 380, height: 600 }).then(() => null), `popup.html?panel&window=${windowId}`);
      const panel = await opened;
      await panel.waitForLoadState();
      return panel;
    },
    /** The window showing tab `tabId`. */
    windowOf(tabId) {
      return workerEvaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabId);
    },
    /** The active tab of window `windowId`. */
    activeTabIn(windowId) {
      return workerEvaluate(async (id) => (await chrome.tabs.query({ active: true, windowId: id }))[0]?.id, windowId);
    },
    /**
     * The admin will answer "Allow" in Chrome's prompt for IMS Link's access to `origin`.
     * Playwright cannot reach that prompt, so the answer is given before the click asks:
     * chrome://extensions (developerPrivate, what its site access settings call) records the
     * origin as granted at run time, and Chrome then grants the extension's own
     * permissions.request for it without showing the prompt. The request itself still comes
     * from IMS Link's button, and nothing is granted until it asks. The chrome://extensions tab
     * is opened once (`answerSitePrompt()` without an origin, before a walk) and stays in the
     * background, so answering never changes the admin's active tab.
     */
    async answerSitePrompt(origin) {
      if (!extensionsPage || extensionsPage.isClosed()) {
        extensionsPage = await context.newPage();
        await extensionsPage.goto('chrome://extensions/');
      }
      if (!origin) return;
      const error = await extensionsPage.evaluate(([id, host]) => new Promise((r) => chrome.developerPrivate.addHostPermission(id, host, () => r(chrome.runtime.lastError?.message ?? null))), [extensionId, `${origin}/*`]);
      if (error) throw new Error(`could not answer the site access prompt for ${origin}: ${error}`);
    },
    /** What chrome://extensions reports for IMS Link: install warnings, manifest and runtime errors. */
    async extensionReport() {
      const page = await context.newPage();
      await page.goto('chrome://extensions/');
      const all = await page.evaluate(() => new Promise((r) => chrome.developerPrivate.getExtensionsInfo({ includeDisabled: true, includeTerminated: true }, r)));
      await page.close();
      const me = all.find((e) => e.id === extensionId);
      return { installWarnings: me.installWarnings, manifestErrors: me.manifestErrors, runtimeErrors: me.runtimeErrors.map((e) => e.message) };
    },
    /**
     * Clicks IMS Link's toolbar button on `page`, as the admin does: the browser then grants
     * activeTab for that tab (CDP Extensions.triggerAction, allowed by
     * --enable-unsafe-extension-debugging). Playwright exposes no browser-level session for a
     * persistent context, hence its internal `_browser`.
     */
    async clickAction(page) {
      const cdp = await context._browser.newBrowserCDPSession();
      try {
        const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
        const tab = targetInfos.find((t) => t.url === page.url());
        if (!tab) throw new Error(`no tab target for ${page.url()}`);
        await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      } finally {
        await cdp.detach();
      }
    },
    /**
     * The toolbar's popup, which Playwright does not see as a page. `open(page, expression)`
     * presses the toolbar button on `page` (clickAction), runs `expression` in the popup it
     * opens over the DevTools protocol (awaited) and gives its value, then closes the popup.
     * `path` is the page the button opens (popup.html unless the caller set another with
     * `action.setPopup`); found by that address, without a query, so that popup.html?tab=<id>
     * pages may stay open meanwhile. One protocol session for every open: `close()` it.
     */
    async toolbarPopups() {
      const cdp = await context._browser.newBrowserCDPSession();
      let lastId = 0;
      const waiting = new Map();
      cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
        const m = JSON.parse(message);
        waiting.get(m.id)?.(m);
        waiting.delete(m.id);
      });
      const inTarget = (sessionId, method, params) => new Promise((resolve) => {
        const id = ++lastId;
        waiting.set(id, resolve);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
      const until = async (what, check) => {
        for (const t0 = Date.now(); Date.now() - t0 < 10_000; await new Promise((r) => setTimeout(r, 5))) {
          const v = await check();
          if (v) return v;
        }
        throw new Error(`toolbar popup: ${what} timed out`);
      };
      const clickAction = (page) => this.clickAction(page);
      return {
        async open(page, expression, path = 'popup.html') {
          const popupTarget = async () => (await cdp.send('Target.getTargets')).targetInfos
            .find((t) => t.url === `chrome-extension://${extensionId}/${path}`);
          await clickAction(page);
          const target = await until('opening', popupTarget);
          const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
          const answer = await inTarget(sessionId, 'Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
          await cdp.send('Target.closeTarget', { targetId: target.targetId });
          await until('closing', async () => !(await popupTarget()));
          if (answer.error || answer.result?.exceptionDetails) throw new Error(`toolbar popup: ${JSON.stringify(answer).slice(0, 300)}`);
          return answer.result?.result?.value;
        },
        close: () => cdp.detach(),
      };
    },
    /** Stops the extension's service worker, as Chrome does with an idle one. */
    async stopWorker() {
      const page = await context.newPage();
      await page.goto('chrome://serviceworker-internals/');
      // A message arriving as the worker stops (a page or the popup) can start it again at
      // once: click Stop again until it reports stopped.
      for (let attempt = 1; ; attempt++) {
        await page.getByText('Stop', { exact: true }).first().click();
        try {
          await page.getByText('Running Status: STOPPED').waitFor({ timeout: 5_000 });
          break;
        } catch (err) {
          if (attempt === 3) throw err;
        }
      }
      await page.close();
    },
    /** Closes the browser but keeps the profile directory, for scans of what reached disk. */
    async closeBrowser() {
      await context.close();
    },
    async close() {
      await context.close().catch(() => {});
      await cloud.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
