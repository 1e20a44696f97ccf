// Issue 5 end to end: "Fill this form" on the fake AEM's real Coral and ExtJS-style forms,
// submitted to the fake AEM, which records exactly what AEM would have saved.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createState } from '../fake-cloud/state.mjs';
import { AUTHOR, CLOUD, CLOUD_TARGET, IMS_CONSOLE as CONSOLE, OAUTH, ORG, WIZARD } from './fixtures.mjs';
import { launch } from './harness.mjs';
import { runPageSteps } from '../../extension/worker/page-steps.js';

const SCOPES = 'openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles';

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

async function profile(values) {
  for (const [field, value] of Object.entries(values)) {
    const reply = await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'EditField', field, value });
    assert.equal(reply.type, 'ProfileState', JSON.stringify(reply.problem));
  }
}

const oauthProfile = () => profile({
  tenant: 'acme', clientCode: 'acme', authType: 'oauth', clientId: OAUTH, orgId: ORG,
  clientSecret: b.cloud.state.credentials[OAUTH].clientSecret, scopes: SCOPES,
});

/** Opens an AEM page, clicks IMS Link's button on it, and "Fill this form" in the popup. */
async function fill(url) {
  const { page, tabId } = await b.openTab(url);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await b.clickAction(page);
  const p = await b.openPopup(tabId);
  // The preview settles first (the button then names the count and the host), then the fill.
  await p.locator('#fill[data-previewed]').waitFor({ state: 'attached' });
  await p.locator('#fill').click();
  await p.waitForFunction(() => !document.querySelector('#fill-preview-box') && document.querySelector('#fill-result > *'));
  await allowSecrets(p);
  return { page, p, tabId };
}

/** The first fill carrying a secret to an origin asks once (issue 14): the admin says yes. */
async function allowSecrets(p) {
  if (!(await p.locator('#allow-secrets').isVisible())) return;
  await p.locator('#allow-secrets').click();
  await p.locator('#fill-result .consent').waitFor({ state: 'detached' });
}


/** The OAuth IMS configuration this profile created earlier, as AEM stored it (its Connect really calls IMS). */
function targetImsConfig() {
  const cred = b.cloud.state.credentials[OAUTH];
  return { id: 'target-oauth-9', title: 'Adobe Target (acme, OAuth)', cloudServiceName: 'Adobe Target', authType: 'oauth', clientId: OAUTH, clientSecret: cred.clientSecret, scope: cred.scopes.join(',') };
}

/** The next step's page steps as the popup words them, once the guide shows them after a fill. */
async function pageSteps(p) {
  await p.waitForFunction(() => [...document.querySelectorAll('#next-steps li')].some((li) => /click “Create”/.test(li.textContent)));
  return p.evaluate(() => [...document.querySelectorAll('#next-steps li')].map((li) => li.textContent));
}

/** AEMaaCS's one-page Create form at `path`: the secret waits for the one yes to this origin, then every field is filled, Create is enabled, and the guide says Create alone. */
async function fillSinglePage(path) {
  await oauthProfile();
  const secret = b.cloud.state.credentials[OAUTH].clientSecret;
  // As on a first visit: this origin not yet allowed to receive the secret.
  await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'ForgetSecretOrigin', tabId: 1, origin: CLOUD });
  const { page, tabId } = await b.openTab(`${CLOUD}${path}`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  const create = page.getByRole('button', { name: 'Create', exact: true });
  assert.equal(await create.isDisabled(), true, 'AEM keeps Create disabled while a required field is empty');
  await b.clickAction(page);
  const p = await b.openPopup(tabId);
  await p.locator('#fill[data-previewed]').waitFor({ state: 'attached' });
  await p.locator('#fill').click();
  await p.locator('#allow-secrets').waitFor();
  assert.equal(await page.getByLabel('Client Secret *').inputValue(), '', 'no secret before the yes');
  assert.equal(await create.isDisabled(), true);
  await allowSecrets(p);
  assert.equal(await page.getByLabel('Client Secret *').inputValue(), secret);
  assert.equal(await create.isDisabled(), false, 'every required field holds a value: Create is enabled');
  assert.deepEqual(await pageSteps(p), ['On the page, click “Create”.'], 'no Next on a one-page form');
  await Promise.all([page.waitForURL(`**${CONSOLE}`), create.click()]);
  const saved = b.cloud.state.aemSubmissions.at(-1).fields;
  assert.deepEqual(
    { cloud: saved['./cloudServiceName'], auth: saved['./authType'], server: saved['./authServerUrl'], id: saved['./clientId'], secret: saved['./clientSecret'], scope: saved['./scope'], org: saved['./orgId'], title: saved['./title'] },
    { cloud: 'Adobe Target', auth: undefined, server: 'https://ims-na1.adobelogin.com', id: OAUTH, secret, scope: SCOPES, org: ORG, title: 'Adobe Target (acme, OAuth)' },
  );
  assert.equal(b.cloud.state.aem.imsConfigs.at(-1).authType, 'oauth');
  // AEM's console lists it.
  await page.getByText('Adobe Target (acme, OAuth)', { exact: true }).first().waitFor();
  await Promise.all([page.close(), p.close()]);
}

test('AEMaaCS one-page Create form: every field filled (the secret after the yes), Create enabled, the guide says Create without Next, and AEM saves exactly the profile', async () => {
  await fillSinglePage(WIZARD);
});

test('the one-page Create form at another address of AEM\'s IMS app (/mnt/overlay/...) gets the secret too', async () => {
  b.cloud.state.aem.imsCreatePath = '/mnt/overlay/cq/adobeims-configuration/content/configurations/wizard.html';
  await fillSinglePage(b.cloud.state.aem.imsCreatePath);
});

test('AEMaaCS two-step wizard variant, OAuth: one click fills both steps; the guide says Next, then Create', async () => {
  await oauthProfile();
  const { page, p } = await fill(`${CLOUD}${WIZARD}?variant=cloud`);
  assert.match(await p.locator('#fill-result').textContent(), /Filled \d+ fields?/);
  assert.doesNotMatch(await p.locator('#fill-result').textContent(), new RegExp(b.cloud.state.credentials[OAUTH].clientSecret), 'the secret is masked');
  assert.deepEqual(await pageSteps(p), ['On the page, click “Next”.', 'On the page, click “Create”.']);
  await page.locator('#ims-next').click();
  await Promise.all([page.waitForURL(`**${CONSOLE}`), page.locator('#ims-create').click()]);
  const saved = b.cloud.state.aemSubmissions.at(-1).fields;
  assert.deepEqual(
    { cloud: saved['./cloudServiceName'], auth: saved['./authType'], server: saved['./authServerUrl'], id: saved['./clientId'], secret: saved['./clientSecret'], scope: saved['./scope'], org: saved['./orgId'] },
    { cloud: 'Adobe Target', auth: 'oauth', server: 'https://ims-na1.adobelogin.com', id: OAUTH, secret: b.cloud.state.credentials[OAUTH].clientSecret, scope: SCOPES, org: ORG },
  );
  assert.equal(saved['./title'], 'Adobe Target (acme, OAuth)');
  await Promise.all([page.close(), p.close()]);
});

test('before the first fill: the button names the count and the host, the preview shows each value masked; after it the filled fields are outlined on the page', async () => {
  await oauthProfile();
  // As on a first visit: this origin not yet allowed to receive the secret (an earlier test said yes).
  await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'ForgetSecretOrigin', tabId: 1, origin: CLOUD });
  const secret = b.cloud.state.credentials[OAUTH].clientSecret;
  const { page, tabId } = await b.openTab(`${CLOUD}${WIZARD}`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await b.clickAction(page);
  const p = await b.openPopup(tabId);
  await p.locator('#fill[data-previewed]').waitFor({ state: 'attached' });
  const host = new URL(CLOUD).host;
  const label = await p.locator('#fill').textContent();
  assert.match(label, new RegExp(`^Fill \\d+ fields on ${host.replaceAll('.', '\\.')}$`));
  // One line until the admin opens it (the guide must fit the popup).
  // The same count as the button; the secret waiting for the yes is counted apart.
  const count = label.match(/^Fill (\d+) fields/)[1];
  assert.equal(await p.locator('#fill-preview-h').textContent(), `What goes where on https://author-p12345-e67890.adobeaemcloud.com (${count} fields, 1 more waiting for your word; secrets masked)`);
  await p.locator('#fill-preview-h').click();
  const preview = await p.locator('#fill-preview-box').innerText();
  assert.match(preview, new RegExp(`on ${CLOUD.replaceAll('.', '\\.')}`));
  assert.match(preview, new RegExp(OAUTH), 'the client ID is shown');
  assert.match(preview, /Client Secret: •{8} \(sent only once you allow https:\/\//i, `the secret is named, masked, and waits for the yes: ${preview}`);
  assert.doesNotMatch(preview, new RegExp(secret), 'the secret is masked');
  assert.equal(await page.locator('[data-ims-link-filled]').count(), 0, 'nothing outlined before the fill');
  await p.locator('#fill').click();
  await p.waitForFunction(() => !document.querySelector('#fill-preview-box') && document.querySelector('#fill-result .fill-ok'));
  // Right after the fill, what IMS Link wrote is outlined on the page.
  const outlined = page.locator('[data-ims-link-filled]');
  assert.ok(await outlined.count() >= 3, `outlined: ${await outlined.count()}`);
  assert.match(await page.locator(`[name="./clientId"]`).evaluate((el) => (el.closest('[data-ims-link-filled]') ? 'outlined' : getComputedStyle(el).outlineStyle)), /outlined|solid/);
  // The admin says yes to this origin, as the tests after this one expect.
  await allowSecrets(p);
  await Promise.all([page.close(), p.close()]);
});

test('"Clear profile" after a fill leaves the secret nowhere in session memory, Undo records included', async () => {
  await oauthProfile();
  const secret = b.cloud.state.credentials[OAUTH].clientSecret;
  const { page, p } = await fill(`${CLOUD}${WIZARD}`);
  assert.match(await p.locator('#fill-result').textContent(), /Filled \d+ fields/);
  const session = () => b.worker().evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
  assert.ok((await session()).includes(secret), 'the profile holds the secret before clearing');
  await p.getByRole('button', { name: 'Clear profile' }).click();
  await p.getByRole('button', { name: 'Click again to clear every value' }).click();
  await p.getByRole('status').filter({ hasText: 'Profile cleared.' }).waitFor();
  assert.ok(!(await session()).includes(secret), 'a storage.session key still holds the client secret');
  await Promise.all([page.close(), p.close()]);
});

test('6.5 wizard with unknown field names is filled by label', async () => {
  await oauthProfile();
  const { page, p } = await fill(`${AUTHOR}${WIZARD}?variant=labels`);
  await page.locator('#ims-next').click();
  await Promise.all([page.waitForURL(`**${CONSOLE}`), page.locator('#ims-create').click()]);
  const values = Object.values(b.cloud.state.aemSubmissions.at(-1).fields);
  for (const v of [OAUTH, ORG, SCOPES, b.cloud.state.credentials[OAUTH].clientSecret, 'Adobe Target']) assert.ok(values.includes(v), `${v} was submitted`);
  await Promise.all([page.close(), p.close()]);
});

test('a value the admin typed survives until confirmed, and Undo restores it', async () => {
  await oauthProfile();
  const { page, tabId } = await b.openTab(`${CLOUD}${WIZARD}`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.locator('[name="./clientId"]').evaluate((el) => { el.value = 'typed-by-admin'; });
  await b.clickAction(page);
  const p = await b.openPopup(tabId);
  await p.locator('#fill').click();
  await p.locator('#fill-result > *').first().waitFor();
  await allowSecrets(p);
  // The choice is the next step's, said once (the fill's result only points at it).
  const choice = p.locator('#next-choices li').first();
  await choice.waitFor();
  assert.equal(await page.locator('[name="./clientId"]').inputValue(), 'typed-by-admin', 'not overwritten without asking');
  assert.match(await choice.textContent(), /typed-by-admin → 5f0a1b2c3d4e5f60718293a4b5c6d7e8/);
  assert.match(await p.locator('#fill-result').textContent(), /One field holds another value than the profile's: choose in the next step/);
  await choice.getByRole('button', { name: "Use IMS Link's Client ID" }).click();
  await p.locator('#next-choices').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('[name="./clientId"]').inputValue(), OAUTH);
  await p.getByRole('button', { name: 'Undo fill' }).click();
  await p.getByText(/Undo restored \d+ field/).waitFor();
  assert.equal(await page.locator('[name="./clientId"]').inputValue(), 'typed-by-admin');
  await Promise.all([page.close(), p.close()]);
});

/**
 * The classic dialog's own order: Connect to Adobe Target, OK on "Connection successful", then
 * OK. With `byImsLink`, Connect is clicked by the page function the side panel has the worker
 * run (worker/page-steps.js), as IMS Link clicks it there after its fill.
 */
async function connectAndSave(page, byImsLink = false) {
  if (byImsLink) {
    const done = await page.evaluate(`(${runPageSteps})(${JSON.stringify([{ do: 'click', name: 'Connect to Adobe Target', within: null }])})`);
    assert.equal(done, 1, 'IMS Link clicked ExtJS\'s button');
  } else {
    await page.getByRole('button', { name: 'Connect to Adobe Target' }).click();
  }
  await page.getByRole('dialog', { name: 'Connection successful' }).getByRole('button', { name: 'OK' }).click();
  await Promise.all([page.waitForEvent('load'), page.locator('#tt-ok button').click()]);
}

test('AEM 6.5 classic Target dialog (ExtJS components): saved as IMS, the IMS configuration, REST, AT.js, sync segments', async () => {
  await oauthProfile();
  // The IMS configuration this profile created earlier.
  b.cloud.state.aem.imsConfigs.push(targetImsConfig());
  const { page, p } = await fill(`${AUTHOR}/etc/cloudservices/testandtarget/acme-target.html`);
  assert.match(await p.locator('#fill-result').textContent(), /Filled/);
  // The IMS fields were shown by the Authentication component's own listener.
  assert.equal(await page.getByLabel('Tenant ID:').isVisible(), true);
  await connectAndSave(page, true);
  const saved = b.cloud.state.aemSubmissions.at(-1).fields;
  assert.deepEqual(
    [saved['./authentication'], saved['./tenant'], saved['./clientcode'], saved['./imsConfigId'], saved['./apiKind'], saved['./clientlib'], saved['./syncSegments']],
    ['ims', 'acme', 'acme', 'target-oauth-9', 'rest', 'atjs', 'true'],
  );
  await Promise.all([page.close(), p.close()]);
});

test("AEM 6.5: an existing Target configuration's page shows its dialog closed; IMS Link says to click Edit, then fills it", async () => {
  await oauthProfile();
  b.cloud.state.aem.imsConfigs.push(targetImsConfig());
  b.cloud.state.aem.targetConfigs.push({ path: '/etc/cloudservices/testandtarget/acme-target', title: 'Adobe Target (acme)', tenant: '', clientCode: '', imsConfigId: '', fields: { './authentication': 'user' } });
  const { page, tabId } = await b.openTab(`${AUTHOR}/etc/cloudservices/testandtarget/acme-target.html`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  assert.equal(await page.getByLabel('Client Code:').count(), 0, 'the dialog is closed, its fields not built');
  await b.clickAction(page);
  const p = await b.openPopup(tabId);
  await p.locator('#fill').click();
  await p.locator('#fill-result').filter({ hasText: 'The Adobe Target dialog is not open. Click “Edit” on this page, then fill again.' }).waitFor();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Client Code:').waitFor();
  await p.locator('#fill').click();
  await p.getByText(/Filled \d+ field/).waitFor();
  assert.equal(await page.getByLabel('Client Code:').inputValue(), 'acme');
  await Promise.all([page.close(), p.close()]);
});

test('AEM 6.5 classic Target dialog: Undo puts the components back (IMS fields hidden again)', async () => {
  await oauthProfile();
  b.cloud.state.aem.imsConfigs.push(targetImsConfig());
  const { page, p } = await fill(`${AUTHOR}/etc/cloudservices/testandtarget/acme-target.html`);
  await p.getByRole('button', { name: 'Undo fill' }).click();
  await p.getByText(/Undo restored \d+ field/).waitFor();
  assert.equal(await page.getByLabel('Authentication:').inputValue(), 'User Credentials');
  assert.equal(await page.getByLabel('Tenant ID:').isVisible(), false);
  await Promise.all([page.close(), p.close()]);
});

test('a page without site access says how to allow it; a non-form page names the forms', async () => {
  await oauthProfile();
  const other = await b.openTab('https://www.example.test/');
  const p = await b.openPopup(other.tabId);
  await p.locator('#fill').click();
  await p.getByRole('alert').filter({ hasText: 'may not fill forms on this site yet' }).waitFor();
  assert.equal(await p.getByRole('button', { name: 'Allow on this AEM site' }).isVisible(), true);
  await Promise.all([other.page.close(), p.close()]);
  const { page, p: p2 } = await fill(`${AUTHOR}${CONSOLE}`);
  assert.match(await p2.locator('#fill-result').textContent(), /Create/);
  await Promise.all([page.close(), p2.close()]);
});

test('AEMaaCS Target configuration (Coral form) saves the tenant, client code and IMS configuration', async () => {
  await oauthProfile();
  b.cloud.state.aem.imsConfigs.push(targetImsConfig());
  const { page, p } = await fill(`${CLOUD}${CLOUD_TARGET}`);
  await p.getByText(/Filled \d+ field/).waitFor();
  await Promise.all([page.waitForURL('**/cloudconfigs.html/conf/wknd'), page.getByRole('button', { name: 'Save & Close' }).click()]);
  const saved = b.cloud.state.aemSubmissions.at(-1).fields;
  assert.deepEqual([saved['./tenant'], saved['./clientcode'], saved['./imsConfigId'], saved['./apiKind']], ['acme', 'acme', 'target-oauth-9', 'rest']);
  await Promise.all([page.close(), p.close()]);
});

test("AEMaaCS Target Create page as Adobe's screenshot shows it (no Client Code, Save after Connect): filled, connected, saved", async () => {
  await oauthProfile();
  b.cloud.state.aem.imsConfigs.push(targetImsConfig());
  b.cloud.state.aem.targetCreate = 'page';
  try {
    const console = await b.openTab(`${CLOUD}/libs/cq/personalization/touch-ui/content/v2/configurations.html/conf/wknd`);
    await Promise.all([console.page.waitForURL('**/create.html/conf/wknd'), console.page.getByRole('button', { name: 'Create' }).click()]);
    await console.page.close();
    const { page, p } = await fill(`${CLOUD}/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/create.html/conf/wknd`);
    await p.getByText(/Filled \d+ field/).waitFor();
    assert.equal(await page.getByLabel('Adobe Target Tenant ID *').inputValue(), 'acme');
    assert.equal(await page.getByRole('button', { name: 'Save' }).isDisabled(), true, 'AEM saves only after Connect');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText('Connection successful').waitFor();
    await Promise.all([page.waitForURL('**/cloudconfigs.html/conf/wknd'), page.getByRole('button', { name: 'Save' }).click()]);
    const saved = b.cloud.state.aemSubmissions.at(-1).fields;
    assert.deepEqual([saved['./tenant'], saved['./imsConfigId'], saved['./syncSegments'], saved['./accurateTargeting']], ['acme', 'target-oauth-9', 'true', 'true']);
    await Promise.all([page.close(), p.close()]);
  } finally {
    delete b.cloud.state.aem.targetCreate;
  }
});

test('AEM 6.5 JWT-only wizard takes the API key, secret and payload', async () => {
  const payload = JSON.stringify({
    exp: 1, iss: ORG, sub: 'F1E2D3C4B5A6F7E8D9C0B1A2@techacct.adobe.com',
    'https://ims-na1.adobelogin.com/s/ent_marketing_sdk': true, aud: 'https://ims-na1.adobelogin.com/c/a1b2c3d4e5f60718293a4b5c6d7e8f90',
  });
  await profile({ tenant: 'acme', authType: 'jwt', clientId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', clientSecret: 'p8e-JWTsecret9876543210fedcbaABC', payload });
  const { page } = await fill(`${AUTHOR}${WIZARD}?variant=65-jwt`);
  await page.locator('#ims-next').click();
  await Promise.all([page.waitForURL(`**${CONSOLE}`), page.locator('#ims-create').click()]);
  const saved = b.cloud.state.aemSubmissions.at(-1).fields;
  assert.equal(saved.apiKey, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
  assert.equal(saved.clientSecret, 'p8e-JWTsecret9876543210fedcbaABC');
  assert.equal(saved.authServerUrl, 'https://ims-na1.adobelogin.com');
  assert.deepEqual(JSON.parse(saved.jwtClaims).aud, 'https://ims-na1.adobelogin.com/c/a1b2c3d4e5f60718293a4b5c6d7e8f90');
  await page.close();
});

test('fields the page lacks are listed with the value to paste, not skipped silently', async () => {
  await oauthProfile();
  // AEM 6.5 before SP20 has no OAuth fields: Scope and Org ID cannot be filled there.
  const { page, p } = await fill(`${AUTHOR}${WIZARD}?variant=65-jwt`);
  const text = await p.locator('#fill-result').textContent();
  assert.match(text, /Fill by hand \(IMS Link could not fill these\):/);
  for (const label of ['Scope', 'Org ID']) assert.match(text, new RegExp(label));
  assert.equal(await p.getByRole('button', { name: /^Copy the value for Scope/ }).count(), 1);
  await Promise.all([page.close(), p.close()]);
});

test('a field the page does not take is listed to fill by hand with the value to paste', async () => {
  await oauthProfile();
  b.cloud.state.aem.imsConfigs.push(targetImsConfig());
  const { page, tabId } = await b.openTab(`${AUTHOR}/etc/cloudservices/testandtarget/acme-target.html`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  // A customised API Type component that ignores setValue.
  await page.evaluate(() => {
    const combo = window.CQ.Ext.getCmp(document.querySelector('input[name="./apiKind"]').nextElementSibling.id);
    combo.setValue = () => combo;
  });
  await b.clickAction(page);
  const p = await b.openPopup(tabId);
  await p.locator('#fill').click();
  const byHand = p.getByRole('list', { name: 'Fields to fill by hand' });
  await byHand.waitFor();
  assert.match(await byHand.textContent(), /API Type: REST/);
  assert.equal(await p.getByRole('button', { name: 'Copy the value for API Type' }).count(), 1);
  assert.doesNotMatch(await p.getByRole('list', { name: 'Filled fields' }).textContent(), /API Type/);
  await Promise.all([page.close(), p.close()]);
});

test('AEMaaCS Target form with only the documented fields: nothing reported missing', async () => {
  await oauthProfile();
  b.cloud.state.aem.imsConfigs.push(targetImsConfig());
  const { page, p } = await fill(`${CLOUD}${CLOUD_TARGET}?fields=documented`);
  await p.getByText(/Filled \d+ field/).waitFor();
  const text = await p.locator('#fill-result').textContent();
  assert.doesNotMatch(text, /Authentication|API Type|Synchronize segments|Client library|by hand/, text);
  await Promise.all([page.waitForURL('**/cloudconfigs.html/conf/wknd'), page.getByRole('button', { name: 'Save & Close' }).click()]);
  const saved = b.cloud.state.aemSubmissions.at(-1).fields;
  assert.deepEqual([saved['./tenant'], saved['./clientcode'], saved['./imsConfigId']], ['acme', 'acme', 'target-oauth-9']);
  await Promise.all([page.close(), p.close()]);
});
