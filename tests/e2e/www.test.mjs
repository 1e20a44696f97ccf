// The standalone www page: the same wasm core, opened from disk with the network cut.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

const WWW = new URL('../../dist/www/index.html', import.meta.url).href;
let browser;
let page;
const requests = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ offline: true });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(WWW);
});
after(async () => {
  await browser?.close();
});

test('www page reads a tenant id from a pasted Target address, offline from disk', async () => {
  await page.getByLabel('Target address or tenant ID').fill('https://experience.adobe.com/#/@weretailprod/target/activities');
  await page.getByRole('button', { name: 'Read tenant ID' }).click();
  assert.equal(await page.locator('#tenant-result').textContent(), 'Tenant ID: weretailprod');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], 'the page made no network request');
});

test('www page explains a pasted Org id', async () => {
  await page.getByLabel('Target address or tenant ID').fill('0123456789ABCDEF01234567@AdobeOrg');
  await page.getByLabel('Target address or tenant ID').press('Enter');
  assert.match(await page.locator('#tenant-result').textContent(), /is an IMS Organization ID, not a tenant id/);
});

test('www page generates a key pair offline and offers the files', async () => {
  await page.getByLabel('Common name (CN)').fill('AEM prod');
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  const result = page.locator('#keys-result');
  await result.filter({ hasText: 'Ready:' }).waitFor();
  assert.match(await result.textContent(), /^Ready: CN=AEM prod,O=IMS Link, valid until/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download certificate_pub.crt' }).click()]);
  assert.equal(dl.suggestedFilename(), 'certificate_pub.crt');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:')), []);
});
