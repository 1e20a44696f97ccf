// Issue 12, point 3: a customer site's client code, read from what at.js really exposes
// (adobe-surfaces.md §8 "at.js on a customer site"): the settings inside the at.js file, the
// delivery requests it sends (`client=<clientCode>`, also through a first-party CNAME), with
// targetGlobalSettings only an override; a Web SDK site gets a reason instead of a value.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from './harness.mjs';
import { sessionKit } from './session-kit.mjs';

let b;
const { stored, emptyProfile } = sessionKit(() => b);

before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

/** Opens the site, clicks IMS Link's button (activeTab) and asks the popup to read it; returns the status line. */
async function readSite(url, ready) {
  await emptyProfile();
  const site = await b.openTab(url);
  await site.page.waitForFunction(ready);
  await b.clickAction(site.page);
  const popup = await b.openPopup(site.tabId);
  await popup.getByRole('button', { name: "Read the client code from this site's at.js" }).click();
  const status = popup.locator('#status').filter({ hasText: /\S/ });
  await status.waitFor();
  const text = await status.textContent();
  await Promise.all([site.page.close(), popup.close()]);
  return text;
}

const deliveryMade = () => performance.getEntriesByType('resource').some((e) => e.name.includes('/rest/v1/delivery?'));
const atjsLoaded = () => Boolean(window.adobe?.target?.VERSION);

for (const [name, path, ready] of [
  ['at.js with its settings inside the file and no targetGlobalSettings', '/', deliveryMade],
  ['at.js settings inside the file, no page-load request, targetGlobalSettings with timeouts only', '/settings-only/', atjsLoaded],
  ['at.js inside a tag manager library: only its delivery request names the client', '/tags/', deliveryMade],
  ['delivery requests through a first-party CNAME serverDomain', '/cname/', deliveryMade],
  ['targetGlobalSettings carrying the client code (an override)', '/global-settings/', deliveryMade],
]) {
  test(`customer site, ${name}: the client code is read`, async () => {
    const url = `https://www.acme-shop.test${path}`;
    const status = await readSite(url, ready);
    assert.equal(status, 'Read the client code from this site.');
    const { profile } = await stored();
    assert.equal(profile.clientCode?.value, 'acme');
    assert.equal(profile.clientCode.source.url, url);
  });
}

test('a Web SDK (alloy) site: IMS Link says why it cannot read a client code there', async () => {
  const status = await readSite('https://www.acme-shop.test/websdk/', () => Array.isArray(window.__alloyNS));
  assert.match(status, /Web SDK/);
  assert.match(status, /Administration > Implementation/);
  assert.equal((await stored()).profile?.clientCode ?? null, null);
});
