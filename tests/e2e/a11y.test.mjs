// Accessibility: axe-core finds nothing on the popup (empty, and with a profile and key
// pair) or on the www page, and the popup works from the keyboard alone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { launch } from './harness.mjs';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

async function violations(page) {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('popup on a Target page, before anything is captured', async () => {
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const popup = await b.openPopup(tabId);
  await popup.locator('#tenant-row').waitFor();
  assert.deepEqual(await violations(popup), []);
  await Promise.all([page.close(), popup.close()]);
});

test('popup with a key pair, profile values and a failed check', async () => {
  const popup = await b.openPopup(1);
  await popup.getByRole('button', { name: 'Generate key pair' }).click();
  await popup.locator('#keys-ready').waitFor();
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'EditField', field: 'authType', value: 'oauth' }));
  await popup.getByRole('button', { name: 'Check IMS' }).click();
  await popup.locator('#ims-result .check').waitFor();
  await popup.locator('details.paste').evaluateAll((all) => all.forEach((d) => (d.open = true)));
  assert.deepEqual(await violations(popup), []);
  await popup.close();
});

test('popup works from the keyboard alone', async () => {
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const popup = await b.openPopup(tabId);
  await popup.locator('#tenant-row').waitFor();
  // Tab to the tab's Copy button and press Enter, as a keyboard user would.
  for (let i = 0; i < 30; i++) {
    await popup.keyboard.press('Tab');
    if (await popup.evaluate(() => document.activeElement?.id === 'copy-tenant')) break;
  }
  assert.equal(await popup.evaluate(() => document.activeElement?.id), 'copy-tenant');
  await popup.keyboard.press('Enter');
  await popup.getByRole('status').filter({ hasText: 'Copied tenant ID "acme".' }).waitFor();
  await Promise.all([page.close(), popup.close()]);
});

test('www page', async () => {
  const page = await b.context.newPage();
  await page.goto(new URL('../../dist/www/index.html', import.meta.url).href);
  assert.deepEqual(await violations(page), []);
  await page.close();
});
