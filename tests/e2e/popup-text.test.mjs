// The popup never shows a stray "null" or "undefined" (replaceChildren and template strings
// print them for a missing part): with an empty profile, with findings and with conflicts.
// tests/firefox/journey.test.mjs checks the same in Firefox at every step of the journey.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { strayText } from '../firefox/stray-text.mjs';
import { JWT, ORG } from './fixtures.mjs';
import { launch } from './harness.mjs';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

const send = (popup, m) => popup.evaluate((msg) => chrome.runtime.sendMessage(msg), m);

async function shown(popup) {
  await popup.reload();
  await popup.locator('#guide-stages li').first().waitFor();
  await popup.waitForTimeout(300); // the profile and checks render after the guide
  // Every section open: nothing hidden may carry a stray word either.
  await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  return popup.locator('body').innerText();
}

test('no stray null or undefined in the popup: empty profile, findings without conflicts, conflicts', async () => {
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const popup = await b.openPopup(tabId);
  await send(popup, { type: 'ClearProfile' });
  let text = await shown(popup);
  assert.deepEqual(strayText(text), [], text);

  // A JWT profile draws findings (JWT is retired) and, so far, no conflicts.
  for (const [field, value] of Object.entries({ authType: 'jwt', clientId: JWT, orgId: ORG })) {
    assert.equal((await send(popup, { type: 'EditField', field, value })).type, 'ProfileState');
  }
  text = await shown(popup);
  assert.ok((await popup.locator('.findings li').count()) > 0, 'findings are shown');
  assert.deepEqual(strayText(text), [], text);

  // A typed org id that differs from the one Target's page shows waits as a conflict.
  assert.equal((await send(popup, { type: 'ClearProfile' })).type, 'ProfileState');
  assert.equal((await send(popup, { type: 'EditField', field: 'orgId', value: '00000000000000000000FFFF@AdobeOrg' })).type, 'ProfileState');
  const implementation = await b.openTab('https://experience.adobe.com/#/@acme/target/setup/implementation');
  await implementation.page.frameLocator('iframe[title="Adobe Target"]').getByText('IMS Organization ID').waitFor();
  for (let i = 0; i < 50 && !(await send(popup, { type: 'GetProfile' })).conflicts?.length; i++) await popup.waitForTimeout(100);
  await implementation.page.close();
  text = await shown(popup);
  assert.equal(await popup.locator('.conflicts').count(), 1, 'the conflict is shown');
  assert.deepEqual(strayText(text), [], text);
  await Promise.all([page.close(), popup.close()]);
});

test('a value the admin is typing in the popup survives a redraw caused elsewhere (another tab, another field)', async () => {
  const { tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const popup = await b.openPopup(tabId);
  await send(popup, { type: 'ClearProfile' });
  await popup.reload();
  await popup.locator('#guide-stages li').first().waitFor();
  await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await popup.getByRole('button', { name: 'Edit Client ID', exact: true }).click();
  await popup.getByLabel('Client ID value', { exact: true }).fill('5f0a1b2c3d4e');
  // Another change reaches the popup (a page snapshot in another tab does the same).
  assert.equal((await send(popup, { type: 'EditField', field: 'tenant', value: 'acme' })).type, 'ProfileState');
  await popup.locator('#pv-tenant', { hasText: 'acme' }).waitFor();
  const editor = popup.getByLabel('Client ID value', { exact: true });
  assert.equal(await editor.isVisible(), true, 'the editor is still open');
  assert.equal(await editor.inputValue(), '5f0a1b2c3d4e', 'what was typed is still there');
});
