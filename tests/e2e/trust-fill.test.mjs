// Issue 14, findings 1, 4 and 5: "Fill this form" puts the client secret (and payload) only
// where the admin said: an AEM page by its address and AEM's own markers, on an origin the
// admin allowed by name, over https, into a field the admin can see (or a later step of AEM's
// own wizard). The attack pages are on evil.test (tests/fake-cloud/sites/evil); the
// collector (collector.evil.test) must receive no secret.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createState } from '../fake-cloud/state.mjs';
import { AUTHOR, JWT, OAUTH, ORG, WIZARD } from './fixtures.mjs';
import { launch } from './harness.mjs';

const SCOPES = 'openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles';
const EVIL = 'https://evil.test';
const LOOKALIKE_IMS = 'https://ims-na1.adobelogin.com.evil.test';

let b;
let popup;
before(async () => {
  b = await launch();
  popup = await b.openPopup(1);
});
after(async () => {
  await b?.close();
});
beforeEach(async () => {
  Object.assign(b.cloud.state, createState());
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ClearProfile' }));
});

const secret = () => b.cloud.state.credentials[OAUTH].clientSecret;

async function profile(values) {
  for (const [field, value] of Object.entries(values)) {
    const reply = await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'EditField', field, value });
    assert.equal(reply.type, 'ProfileState', JSON.stringify(reply.problem));
  }
}

const oauthProfile = () => profile({ tenant: 'acme', clientCode: 'acme', authType: 'oauth', clientId: OAUTH, orgId: ORG, clientSecret: secret(), scopes: SCOPES });

/** Opens `url`, clicks IMS Link's button on it (activeTab) and opens the popup on that tab. */
async function openWithPopup(url) {
  const { page, tabId } = await b.openTab(url);
  await page.waitForLoadState();
  await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 2_000 }).catch(() => {});
  await b.clickAction(page);
  const p = await b.openPopup(tabId);
  // The guide decides whether Fill is offered and what it names.
  await p.waitForFunction(() => Number(document.getElementById('guide')?.dataset.version ?? 0) > 0);
  return { page, p, tabId };
}

async function clickFill(p) {
  await p.locator('#fill[data-previewed]').waitFor({ state: 'attached' });
  await p.locator('#fill').click();
  await p.waitForFunction(() => !document.querySelector('#fill-preview-box') && document.querySelector('#fill-result > *'));
}

/** Whatever reached the attacker, as text. */
async function collected() {
  // The page's script sends as the field changes; give it a moment.
  await new Promise((r) => setTimeout(r, 300));
  return JSON.stringify(b.cloud.state.collected);
}

test('a look-alike IMS wizard on another host: Fill names the host and asks before any secret goes there', async () => {
  await oauthProfile();
  const { page, p } = await openWithPopup(`${EVIL}${WIZARD}?variant=cloud`);
  await p.locator('#fill[data-previewed]').waitFor({ state: 'attached' });
  const label = await p.locator('#fill').textContent();
  await clickFill(p);
  assert.equal(await page.locator('#ims-clientSecret').inputValue(), '', 'no secret without the admin\'s yes');
  assert.ok(!(await collected()).includes(secret()), 'the secret reached the collector');
  await p.getByText('Send the client secret to https://evil.test?', { exact: false }).waitFor();
  // The button names the count and the host before anything is written.
  assert.match(label, /^Fill \d+ fields on evil\.test$/);
  await Promise.all([page.close(), p.close()]);
});

test('a form with only the two labels, on no AEM path: Fill is not offered, and a forged fill types no secret', async () => {
  await oauthProfile();
  const { page, p, tabId } = await openWithPopup(`${EVIL}/totally/not/aem/form.html`);
  const offered = await p.locator('#fill').isVisible();
  // The Fill message sent anyway (what a click on a stale popup would do).
  await p.evaluate((id) => chrome.runtime.sendMessage({ type: 'FillForm', tabId: id }), tabId);
  for (const id of ['#f-clientSecret', '#f-hiddenSecret', '#f-payload']) assert.equal(await page.locator(id).inputValue(), '', id);
  assert.ok(!(await collected()).includes(secret()), 'the secret reached the collector');
  assert.equal(offered, false, 'Fill offered where the guide says there is nothing to fill');
  await Promise.all([page.close(), p.close()]);
});

test('a hidden secret field, even on an origin the admin allowed, gets nothing', async () => {
  await oauthProfile();
  const { page, p } = await openWithPopup(`${EVIL}${WIZARD}?variant=cloud&attack=hidden-secret`);
  await clickFill(p);
  const yes = p.getByRole('button', { name: 'Send to https://evil.test' });
  if (await yes.count()) {
    await yes.click();
    await p.getByText('did not put the Client Secret into a field this page hides').waitFor();
  }
  assert.equal(await page.locator('#ims-clientSecret').inputValue(), '', 'a hidden field got the secret');
  assert.ok(!(await collected()).includes(secret()), 'the secret reached the collector');
  await Promise.all([page.close(), p.close()]);
});

test('an AEM over plain http gets no secret, and is not even asked about', async () => {
  await oauthProfile();
  const { page, p } = await openWithPopup(`http://author-http.aem.test${WIZARD}?variant=cloud`);
  assert.equal(new URL(page.url()).protocol, 'http:');
  await clickFill(p);
  assert.equal(await page.locator('#ims-clientSecret').inputValue(), '', 'the secret went over plain http');
  assert.match(await p.locator('#fill-result').textContent(), /is plain http/);
  assert.equal(await p.getByRole('button', { name: /^Send to / }).count(), 0);
  await Promise.all([page.close(), p.close()]);
});

test('the real AEM author: one yes per origin, then the secret is filled; the next fill does not ask', async () => {
  await oauthProfile();
  let { page, p } = await openWithPopup(`${AUTHOR}${WIZARD}?variant=cloud`);
  await p.locator('#fill[data-previewed]').waitFor({ state: 'attached' });
  assert.match(await p.locator('#fill').textContent(), /^Fill \d+ fields on author\.aem\.test$/);
  await clickFill(p);
  await p.getByRole('button', { name: 'Send to https://author.aem.test' }).click();
  await p.locator('#fill-result .consent').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#ims-clientSecret').inputValue(), secret());
  await Promise.all([page.close(), p.close()]);
  ({ page, p } = await openWithPopup(`${AUTHOR}${WIZARD}?variant=cloud`));
  await clickFill(p);
  assert.equal(await p.locator('#fill-result .consent').count(), 0);
  assert.equal(await page.locator('#ims-clientSecret').inputValue(), secret());
  await Promise.all([page.close(), p.close()]);
  // The yes can be taken back in the popup: the next fill asks again.
  ({ page, p } = await openWithPopup(`${AUTHOR}${WIZARD}?variant=cloud`));
  await p.getByRole('button', { name: 'Stop sending secrets to https://author.aem.test' }).click();
  await p.getByText('IMS Link will ask again before it sends a secret to https://author.aem.test.').waitFor();
  await clickFill(p);
  await p.locator('#fill-result .consent').waitFor();
  assert.equal(await page.locator('#ims-clientSecret').inputValue(), '');
  await Promise.all([page.close(), p.close()]);
});

test('a payload whose aud is a look-alike IMS host never becomes the Authorization Server AEM is given', async () => {
  await profile({ tenant: 'acme', authType: 'jwt', clientId: JWT, clientSecret: b.cloud.state.credentials[JWT].clientSecret });
  const payload = JSON.stringify({
    exp: 1, iss: ORG, sub: 'F1E2D3C4B5A6F7E8D9C0B1A2@techacct.adobe.com',
    'https://ims-na1.adobelogin.com/s/ent_marketing_sdk': true, aud: `${LOOKALIKE_IMS}/c/${JWT}`,
  });
  const reply = await popup.evaluate((text) => chrome.runtime.sendMessage({ type: 'ImportText', kind: 'payload', text }), payload);
  assert.equal(reply.type, 'ProfileState', JSON.stringify(reply.problem));
  assert.notEqual(reply.profile.authorizationServer?.value, LOOKALIKE_IMS, 'kept as the Authorization Server');
  assert.ok(reply.findings.some((f) => f.severity === 'error'), 'the look-alike is flagged');
  const { page, p } = await openWithPopup(`${AUTHOR}${WIZARD}?variant=65-jwt`);
  await clickFill(p);
  // The profile's errors are shown before anything is written; only "fill anyway" goes on.
  const problems = p.getByRole('list', { name: 'Problems in the values to fill' });
  await problems.waitFor();
  assert.ok((await problems.innerText()).includes(LOOKALIKE_IMS), await problems.innerText());
  assert.equal(await page.locator('#ims-authServerUrl').inputValue(), '', 'filled before the admin said "fill anyway"');
  await p.getByRole('button', { name: 'Fill anyway on author.aem.test' }).click();
  await p.locator('#fill-result .fill-ok').waitFor();
  const yes = p.getByRole('button', { name: 'Send to https://author.aem.test' });
  if (await yes.count()) await yes.click();
  await p.waitForFunction(() => !document.querySelector('#fill-result .consent'));
  assert.notEqual(await page.locator('#ims-authServerUrl').inputValue(), LOOKALIKE_IMS);
  await Promise.all([page.close(), p.close()]);
});

test('Undo after the tab moved to another page does nothing there and says so', async () => {
  await oauthProfile();
  const { page, p } = await openWithPopup(`${EVIL}${WIZARD}?variant=cloud`);
  await clickFill(p);
  await p.getByRole('button', { name: 'Undo fill' }).waitFor();
  // Same origin, so the tab's activeTab grant survives the navigation.
  await page.goto(`${EVIL}/after-fill.html`);
  await p.getByRole('button', { name: 'Undo fill' }).click();
  await p.locator('#fill-result').filter({ hasText: /Undo/ }).waitFor({ timeout: 10_000 });
  assert.match(await p.locator('#fill-result').textContent(), /Undo did nothing: the tab no longer shows the page that was filled/);
  assert.deepEqual(await page.evaluate(() => window.received), []);
  assert.equal(await page.locator('[data-ims-link-key="f0"]').inputValue(), '');
  await Promise.all([page.close(), p.close()]);
});
