// The side panel in Firefox (`sidebar_action`, the same popup.html?panel): where no page told it
// the AEM author, the panel asks for its address, and the form's "Allow on this AEM site" asks
// Firefox for that site and opens the author's Adobe IMS Configurations in the admin's window.
// Firefox lets an add-on ask only from the click's own handler, not after the core answered, so
// there the guide's "Allow on <author>" is the second click; the test takes whichever way
// Firefox offers and asserts what the admin sees. Headless Firefox draws no sidebar: the panel
// page runs in a window of its own, bound to the admin's window (as tests/e2e/harness.mjs
// does in Chromium), and Firefox's permission prompt is answered "Allow" by its own preference
// for tests (extensions.webextOptionalPermissionPrompts: false), after the add-on asked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { By, Key } from 'selenium-webdriver';
import { CLOUD, IMS_CONSOLE, OAUTH } from '../e2e/fixtures.mjs';
import { launch, waitFor } from './harness.mjs';
import { strayText } from './stray-text.mjs';

let b;
before(async () => {
  b = await launch({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
});
after(async () => {
  await b?.close();
});

test('Firefox side panel: the AEM author named in the panel is allowed and its IMS configurations open in the admin\'s window', async () => {
  // A profile IMS accepted: the next stage is AEM's IMS configuration, and no AEM page was seen.
  const admin = await b.openTab('about:blank');
  const setup = await b.openTab(`${b.base}/popup.html?tab=0`);
  const c = b.cloud.state.credentials[OAUTH];
  const values = { tenant: 'acme', clientCode: 'acme', authType: 'oauth', clientId: OAUTH, clientSecret: c.clientSecret, orgId: c.orgId, scopes: c.scopes.join(',') };
  for (const [field, value] of Object.entries(values)) {
    assert.equal((await b.send({ type: 'EditField', field, value })).type, 'ProfileState', field);
  }
  assert.equal((await b.send({ type: 'CheckIms' })).report?.ok, true, 'IMS accepts the profile');
  const adminWindow = await b.run(async () => (await browser.windows.getCurrent()).id);
  await b.closeTab(setup.handle);
  await b.use(admin.handle);

  await b.driver.switchTo().newWindow('window');
  await b.driver.get(`${b.base}/popup.html?panel&window=${adminWindow}`);
  const button = await waitFor(async () => {
    const form = await b.driver.findElement(By.css('#aem-author'));
    return (await form.isDisplayed()) && b.driver.findElement(By.css('#aem-author-save'));
  }, "the panel's AEM author form");
  assert.equal(await button.getText(), 'Allow on this AEM site');
  assert.match(await b.driver.findElement(By.css('#next-text')).getText(), /The browser first asks you, once, to allow IMS Link there/);

  await b.driver.findElement(By.css('#aem-author-address')).sendKeys(CLOUD, Key.ENTER);
  const opened = async () => (await b.run(() => browser.tabs.query({}))).find((t) => t.url?.startsWith(`${CLOUD}${IMS_CONSOLE}`));
  // Firefox asks only from the click's own handler: the guide then lends its Allow button.
  const second = await waitFor(async () => (await opened()) ? 'none' : (await b.driver.findElement(By.css('#next-action')).getText()).includes('Allow on') && 'allow', 'the author\'s page or the Allow button', 20_000);
  if (second === 'allow') {
    // Said where the admin looks, and the guide's button is the one to press.
    await b.waitForText(/The browser did not ask yet: press “Allow on author-p12345-e67890\.adobeaemcloud\.com”\./);
    await b.clickButton('Allow on author-p12345-e67890.adobeaemcloud.com');
  }
  const tab = await waitFor(opened, "AEM's IMS configurations opened by IMS Link", 20_000);
  assert.equal(tab.windowId, adminWindow, "in the admin's window, not the panel's");
  console.log(`Firefox side panel: the author's page opened after ${second === 'allow' ? 'the guide\'s Allow (Firefox asks only from the click itself)' : 'the address form alone'}`);
  // The panel follows the admin there and leads on, with nothing refused on the way.
  await b.waitForText(/Create an IMS configuration/, 20_000);
  const shown = await b.driver.findElement(By.css('body')).getText();
  assert.doesNotMatch(shown, /not granted|did not ask/);
  assert.deepEqual(strayText(shown), []);
  assert.doesNotMatch(shown, new RegExp(c.clientSecret));
});
