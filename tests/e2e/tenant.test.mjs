// Issue 2's first feature end to end: the popup shows the tenant of the Target tab.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from './harness.mjs';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

async function tenantShown(popup) {
  const row = popup.locator('#tenant-row');
  await row.waitFor({ state: 'visible' });
  return popup.locator('#tenant').textContent();
}

test('the extension loads cleanly: no install warnings, no worker or popup console errors', async () => {
  const version = await b.worker().evaluate(() => chrome.runtime.getManifest().version);
  assert.match(version, /^\d+\.\d+\.\d+$/);
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const popup = await b.context.newPage();
  const popupProblems = [];
  popup.on('console', (m) => ['error', 'warning'].includes(m.type()) && popupProblems.push(m.text()));
  popup.on('pageerror', (e) => popupProblems.push(e.message));
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  assert.equal(await tenantShown(popup), 'acme');
  await Promise.all([page.close(), popup.close()]);
  assert.deepEqual(popupProblems, []);
  assert.deepEqual(b.workerConsole.filter((m) => ['error', 'warning'].includes(m.type)), []);
  assert.deepEqual(await b.extensionReport(), { installWarnings: [], manifestErrors: [], runtimeErrors: [] });
});

test('popup shows the tenant of a Target page and copies it', async () => {
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const popup = await b.openPopup(tabId);
  assert.equal(await tenantShown(popup), 'acme');
  assert.match(await popup.locator('#source').textContent(), /Target address in Experience Cloud/);
  assert.equal(await popup.getByRole('button', { name: 'Copy client code' }).isVisible(), false, 'no client code in this address');
  await popup.getByRole('button', { name: 'Copy tenant ID', exact: true }).click();
  await popup.getByRole('status').filter({ hasText: 'Copied tenant ID "acme".' }).waitFor();
  assert.equal(await b.clipboardText(), 'acme');
  await Promise.all([page.close(), popup.close()]);
});

test('the toolbar popup shows the tenant of the tab in front, where the admin pressed the button', async () => {
  // The admin's own way in: the popup the toolbar button opens (not popup.html?tab=<id>, as
  // elsewhere) acts on the tab in front.
  const shown = `new Promise((resolve) => {
    const t0 = Date.now();
    (function look() {
      const row = document.querySelector('#tenant-row');
      if (row?.checkVisibility()) resolve(document.querySelector('#tenant').textContent);
      else if (Date.now() - t0 > 5000) resolve(null);
      else setTimeout(look, 20);
    })();
  })`;
  const acme = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const retail = await b.openTab('https://experience.adobe.com/#/@weretailprod/target/activities');
  const popups = await b.toolbarPopups();
  try {
    assert.equal(await popups.open(retail.page, shown), 'weretailprod');
    await acme.page.bringToFront();
    assert.equal(await popups.open(acme.page, shown), 'acme');
  } finally {
    await popups.close();
  }
  await Promise.all([acme.page.close(), retail.page.close()]);
});

test('an open popup follows a hash route change without a page reload', async () => {
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const loadedAt = await page.evaluate(() => window.shellLoadedAt);
  const popup = await b.openPopup(tabId);
  assert.equal(await tenantShown(popup), 'acme');
  await page.getByLabel('Switch organization').selectOption('weretailprod');
  await popup.locator('#tenant', { hasText: 'weretailprod' }).waitFor();
  assert.equal(await page.evaluate(() => window.shellLoadedAt), loadedAt, 'the shell page must not have reloaded');
  assert.equal(page.url(), 'https://experience.adobe.com/#/@weretailprod/target/activities');
  await Promise.all([page.close(), popup.close()]);
});

const FORMS = [
  ['https://experience.adobe.com/#/@weretailprod/sname:prod/target/activities', 'weretailprod', /Target address/],
  ['https://experience.adobe.com/#/@acme/target/setup/implementation', 'acme', /Target address/],
  ['https://acme.experiencecloud.adobe.com/content/mac/acme/target/activities.html', 'acme', /classic Marketing Cloud/],
  ['https://experience.adobe.com/#/@acme/home', 'acme', /outside Target/],
];

for (const [url, tenant, source] of FORMS) {
  test(`tenant "${tenant}" from ${url}`, async () => {
    const { page, tabId } = await b.openTab(url);
    const popup = await b.openPopup(tabId);
    assert.equal(await tenantShown(popup), tenant);
    assert.match(await popup.locator('#source').textContent(), source);
    await Promise.all([page.close(), popup.close()]);
  });
}

test('a page without a tenant, and a non-Adobe page, say where to go', async () => {
  const shell = await b.openTab('https://experience.adobe.com/');
  let popup = await b.openPopup(shell.tabId);
  await popup.getByRole('alert').waitFor();
  assert.match(await popup.getByRole('alert').textContent(), /has no "@tenant" part/);
  assert.equal(await popup.locator('#tenant-row').isVisible(), false);
  await Promise.all([shell.page.close(), popup.close()]);

  const other = await b.openTab('https://www.example.test/');
  popup = await b.openPopup(other.tabId);
  // A page the browser hides: the guide's sentence about the tab says so, once (no alert too).
  await popup.locator('#guide-here', { hasText: 'IMS Link cannot see this page: it reads Adobe pages' }).waitFor();
  assert.equal(await popup.getByRole('alert').count(), 0);
  await Promise.all([other.page.close(), popup.close()]);
});

test('the worker refuses malformed messages and messages from the wrong sender', async () => {
  const popup = await b.openPopup(1);
  const replies = await popup.evaluate(async () => [
    await chrome.runtime.sendMessage({ type: 'Nope' }),
    await chrome.runtime.sendMessage({ type: 'PageSeen', url: 'https://experience.adobe.com/#/@evil/target' }),
    await chrome.runtime.sendMessage({ type: 'TabStateChanged', tabId: 1 }),
  ]);
  assert.deepEqual(replies.map((r) => [r.type, r.problem.code]), [
    ['Refused', 'malformed-message'],
    ['Refused', 'untrusted-page'],
    ['Refused', 'worker-only'],
  ]);
  await popup.close();
});

test('the toolbar badge says when a page gave the profile something', async () => {
  await b.worker().evaluate(() => chrome.storage.session.clear());
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@badgetest/target/activities');
  let text = '';
  for (let i = 0; i < 50 && text !== '+'; i++) {
    text = await b.worker().evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    if (text !== '+') await page.waitForTimeout(100);
  }
  assert.equal(text, '+');
  await page.close();
});
