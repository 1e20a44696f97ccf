// Starts the fake Adobe cloud and Debian's Firefox ESR through geckodriver (WebDriver), with
// the packed add-on installed byte for byte from dist/ims-link-firefox-<version>.zip, as a
// user or the add-on store gets it. The fake cloud is reached under the real host names:
// Firefox resolves every name to the fake cloud's loopback address (network.dns.forceResolve),
// and the fake cloud listens there on 443, the port https:// addresses imply.
import { randomInt, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Builder, By, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { Command } from 'selenium-webdriver/lib/command.js';
import { startFakeCloud } from '../fake-cloud/server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const version = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"/m)[1];
export const ADDON_ZIP = join(ROOT, `dist/ims-link-firefox-${version}.zip`);
const ADDON_ID = JSON.parse(readFileSync(join(ROOT, 'dist/firefox/manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
const GECKODRIVER = process.env.GECKODRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver');
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * The fake cloud on port 443 of a random loopback address (127.x.y.z all reach `lo`), so
 * several suites on one machine never fight over 127.0.0.1:443; a taken address is retried.
 */
async function cloudOn443() {
  for (let attempt = 0; ; attempt++) {
    const host = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    try {
      return await startFakeCloud({ port: 443, host });
    } catch (err) {
      if (err.code === 'EACCES') throw new Error('the fake cloud must listen on port 443 for Firefox: run as root (as CI does) or grant node CAP_NET_BIND_SERVICE');
      if (err.code !== 'EADDRINUSE' || attempt >= 20) throw err;
    }
  }
}

/** Waits for `fn` to return a truthy value, polling; fails with `what` after `ms`. */
export async function waitFor(fn, what, ms = 15_000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${last?.message ?? JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `downloads`: the folder every download lands in, without a dialog. `prefs`: more Firefox
 * preferences, for one suite.
 */
export async function launch({ downloads = tmpdir(), prefs = {} } = {}) {
  const cloud = await cloudOn443();
  const uuid = randomUUID();
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments('-headless')
    .setAcceptInsecureCerts(true) // the fake cloud's self-signed certificate; covers the add-on's fetches too
    // Every host name resolves to the fake cloud: nothing reaches the internet.
    .setPreference('network.dns.forceResolve', cloud.host)
    .setPreference('network.trr.mode', 5)
    .setPreference('network.proxy.type', 0)
    .setPreference('network.dns.disableIPv6', true)
    // The add-on's moz-extension:// host, chosen here so the tests can open its pages.
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [ADDON_ID]: uuid }))
    .setPreference('browser.download.folderList', 2)
    .setPreference('browser.download.dir', downloads)
    .setPreference('browser.download.useDownloadDir', true)
    .setPreference('browser.download.always_ask_before_handling_new_types', false)
    .setPreference('browser.download.alwaysOpenPanel', false)
    .setPreference('browser.shell.checkDefaultBrowser', false)
    .setPreference('datareporting.policy.dataSubmissionEnabled', false)
    .setPreference('app.update.disabledForTesting', true);
  for (const [name, value] of Object.entries(prefs)) options.setPreference(name, value);
  // The tests read tab ids and grant activeTab (the toolbar click) from the browser's chrome,
  // which geckodriver allows only when asked to (Firefox inherits its environment).
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments('--allow-system-access')
    .setEnvironment({ ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' });
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  // Firefox reads a temporary add-on from the file it was installed from for as long as it
  // runs; content scripts are loaded from it again on each page. So the add-on is installed by
  // path from a copy this run owns (a build may replace dist/ meanwhile), and never as base64:
  // ESR 140's geckodriver path deletes that upload right after installing, and then every
  // content script fails with "Unable to load script" (fixed in later Firefox).
  const xpiDir = mkdtempSync(join(tmpdir(), 'ims-link-xpi-'));
  const xpi = join(xpiDir, basename(ADDON_ZIP));
  copyFileSync(ADDON_ZIP, xpi);
  try {
    await driver.execute(new Command('install addon').setParameter('path', xpi).setParameter('temporary', true));
  } catch (err) {
    await driver.quit().catch(() => {});
    await cloud.close();
    rmSync(xpiDir, { recursive: true, force: true });
    throw err;
  }
  const base = `moz-extension://${uuid}`;
  return new Browser(driver, cloud, base, xpiDir);
}

class Browser {
  constructor(driver, cloud, base, xpiDir) {
    this.xpiDir = xpiDir;
    this.driver = driver;
    this.cloud = cloud;
    this.base = base;
    this.popupHandle = null;
  }

  /** Runs `fn` (a function's source) in the browser's privileged chrome scope. */
  async chrome(fn, ...args) {
    await this.driver.setContext(firefox.Context.CHROME);
    try {
      return await this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
    } finally {
      await this.driver.setContext(firefox.Context.CONTENT);
    }
  }

  /** Opens `url` in a new tab, which becomes the selected one; returns its window handle and tab id. */
  async openTab(url) {
    await this.driver.switchTo().newWindow('tab');
    await this.driver.get(url);
    return { handle: await this.driver.getWindowHandle(), tabId: await this.selectedTabId() };
  }

  /** The add-on's id for the tab in front, the one its toolbar popup would act on. */
  selectedTabId() {
    return this.chrome(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      return ExtensionParent.apiManager.global.tabTracker.getId(Services.wm.getMostRecentWindow('navigator:browser').gBrowser.selectedTab);
    });
  }

  /**
   * Clicks IMS Link's toolbar button on the tab in front, as the admin does: what that click
   * grants is activeTab on this tab, so grant exactly that (headless Firefox draws no toolbar).
   */
  async clickAction(handle) {
    await this.driver.switchTo().window(handle);
    await this.chrome((id) => {
      const tab = Services.wm.getMostRecentWindow('navigator:browser').gBrowser.selectedTab;
      WebExtensionPolicy.getByID(id).extension.tabManager.addActiveTabPermission(tab);
    }, ADDON_ID);
  }

  /**
   * Opens the popup as a page acting on `tabId`, as the toolbar popup would on that tab, with
   * its sections (values, key pair, checks) opened, as an admin who goes on to use them does.
   */
  async openPopup(tabId) {
    const { handle } = await this.openTab(`${this.base}/popup.html?tab=${tabId}`);
    await this.driver.wait(until.elementLocated(By.css('#guide-stages li')), 15_000);
    await this.driver.executeScript(() => document.querySelectorAll('details.section').forEach((d) => { d.open = true; }));
    return handle;
  }

  /** Reloads the popup in the current tab and opens its sections again. */
  async refreshPopup() {
    await this.driver.navigate().refresh();
    await this.driver.wait(until.elementLocated(By.css('#guide-stages li')), 15_000);
    await this.driver.executeScript(() => document.querySelectorAll('details.section').forEach((d) => { d.open = true; }));
  }

  /** Switches to a tab by its handle. */
  use(handle) {
    return this.driver.switchTo().window(handle);
  }

  async closeTab(handle) {
    await this.use(handle);
    await this.driver.close();
    const [first] = await this.driver.getAllWindowHandles();
    if (first) await this.use(first);
  }

  /** Runs `fn` in the current tab's page (an extension page sees `browser`). */
  run(fn, ...args) {
    return this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1)))
         .then((v) => done({ ok: v }), (e) => done({ err: String(e?.name) + ': ' + String(e?.message ?? e) + '\\n' + String(e?.stack ?? '') }));`, ...args,
    ).then((r) => {
      if (r && 'err' in r) throw new Error(r.err);
      return r?.ok;
    });
  }

  /** A message to the add-on's background, sent from its popup page (the current tab). */
  send(message) {
    return this.run((m) => browser.runtime.sendMessage(m), message);
  }

  /** Clicks the button whose accessible text matches `name` (a RegExp source or exact text). */
  async clickButton(name, ms = 15_000) {
    const button = await waitFor(async () => {
      for (const b of await this.driver.findElements(By.css('button'))) {
        const text = ((await b.getText()) || (await b.getAttribute('aria-label')) || '').trim();
        if ((name instanceof RegExp ? name.test(text) : text === name) && (await b.isDisplayed()) && (await b.isEnabled())) return b;
      }
      return null;
    }, `button ${name}`, ms);
    await button.click();
  }

  /** Waits for the visible text of the page to match `re`; returns that text. */
  waitForText(re, ms = 15_000) {
    return waitFor(async () => {
      const text = await this.driver.findElement(By.css('body')).getText();
      return re.test(text) && text;
    }, `text ${re}`, ms);
  }

  /** Script errors the browser logged (the console of every process), e.g. a script that failed to load. */
  consoleErrors() {
    return this.chrome(() => Services.console.getMessageArray()
      .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag))
      .map((m) => `${m.errorMessage} (${m.sourceName})`));
  }

  async close() {
    await this.driver.quit().catch(() => {});
    await this.cloud.close();
    rmSync(this.xpiDir, { recursive: true, force: true });
  }
}
