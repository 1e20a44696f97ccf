// The page function that reads AEM's own verdicts (extension/worker/aem-result.js, run by the
// worker in AEM's page) on the fake AEM's pages shaped as Adobe's screenshots and ExtJS's code
// show them: what it collects is what the core reads (src/ims/aem_verdict.rs, aem_configs.rs).
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { readAemResult } from '../../extension/worker/aem-result.js';
import { chromiumOnFakeCloud } from '../fake-cloud/chromium.mjs';
import { OAUTH_CLIENT_ID } from '../fake-cloud/state.mjs';
import { AUTHOR, IMS_CONSOLE } from './fixtures.mjs';

const live = chromiumOnFakeCloud();
let cloud;
let page;
beforeEach(() => {
  ({ cloud, page } = live);
});

const read = () => page.evaluate(readAemResult);

/** The dialogs' texts once one is there: a Coral dialog is shown a moment after it opens. */
async function dialogsOnceShown() {
  for (let i = 0; i < 50; i++) {
    const dialogs = (await read()).messages.filter((m) => m.dialog);
    if (dialogs.length) return dialogs;
    await page.waitForTimeout(100);
  }
  return [];
}

test("AEM's card view and its Check Health dialogs: each card's texts, and the verdict from the dialog that says it", async () => {
  const cred = cloud.state.credentials[OAUTH_CLIENT_ID];
  cloud.state.aem.imsConfigs.push({ id: 'o1', title: 'Adobe Target (acme, OAuth)', cloudServiceName: 'Adobe Target', authType: 'oauth',
    clientId: OAUTH_CLIENT_ID, authServerUrl: 'https://ims-na1.adobelogin.com', clientSecret: cred.clientSecret, scope: cred.scopes.join(','), orgId: cred.orgId });
  await page.goto(`${AUTHOR}${IMS_CONSOLE}`);
  await page.waitForSelector('html[data-ready]');
  const { cards, rows, messages } = await read();
  assert.deepEqual(rows, []);
  assert.deepEqual(cards.map((c) => [c.id, c.texts[0]]), [['analytics-ims-1', 'Adobe Analytics'], ['o1', 'Adobe Target (acme, OAuth)']], 'the title first');
  assert.ok(cards[0].texts.includes('JWT Credentials (deprecated)') && !cards[1].texts.some((t) => /jwt/i.test(t)), JSON.stringify(cards));
  assert.deepEqual(messages, []);
  await page.locator('coral-masonry-item').filter({ has: page.getByText('Adobe Target (acme, OAuth)', { exact: true }) }).click();
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Check Health' }).click();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.getByText('Adobe Target (acme, OAuth): Token retrieved successfully!').waitFor();
  // (Coral's masonry also announces the selection in a live region: "Checked", no verdict.)
  const verdict = await dialogsOnceShown();
  assert.deepEqual(verdict, [{ text: 'Adobe Target (acme, OAuth): Token retrieved successfully!', context: 'Healthy configuration Adobe Target (acme, OAuth): Token retrieved successfully! Close',
    dialog: true, title: 'Healthy configuration', variant: 'success' }]);
});

test("ExtJS's message box, hidden with \"Connection successful\" still in it (AEM's Connect code does that before every outcome), is not read", async () => {
  await page.goto(`${AUTHOR}/etc/cloudservices/testandtarget/acme-target.html`);
  await page.waitForSelector('html[data-ready]');
  await page.evaluate(() => window.CQ.Ext.Msg.wait('Connection successful').hide());
  assert.deepEqual((await read()).messages, [], 'a hidden box says nothing');
  await page.evaluate(() => window.CQ.Ext.Msg.alert('Error', 'Connection failed for unknown reason.'));
  assert.deepEqual((await read()).messages.map((m) => m.text), ['Connection failed for unknown reason.']);
});
