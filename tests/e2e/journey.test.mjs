// The whole admin journey across tabs, with values only ever captured from pages:
// Target → Developer Console → AEM IMS wizard → AEM Target configuration, each form
// submitted to the fake AEM, for OAuth on AEM as a Cloud Service and JWT on AEM 6.5 (whose
// key pair first goes into AEM's keystore).
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, test } from 'node:test';
import { AUTHOR, CLOUD, CLOUD_TARGET, IMS_CONSOLE, JWT, OAUTH, ORG, WIZARD } from './fixtures.mjs';
import { launch } from './harness.mjs';

const CONSOLE = 'https://developer.adobe.com/console/projects/1234567';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

async function profileValue(popup, field) {
  return popup.evaluate(async (f) => (await chrome.runtime.sendMessage({ type: 'GetProfile' })).profile[f]?.value, field);
}

async function waitForProfile(popup, field, expected) {
  for (let i = 0; i < 50; i++) {
    if (JSON.stringify(await profileValue(popup, field)) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(await profileValue(popup, field), expected, `profile ${field}`);
}

async function visitTarget(popup) {
  const { page } = await b.openTab('https://experience.adobe.com/#/@acme/target/setup/implementation');
  await page.frameLocator('iframe[title="Adobe Target"]').getByText('IMS Organization ID').waitFor(); // Target runs in the shell's iframe
  await waitForProfile(popup, 'clientCode', 'acme');
  await waitForProfile(popup, 'orgId', ORG);
  await page.close();
}

async function fillAndSubmit(url, submit) {
  const { page, tabId } = await b.openTab(url);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await b.clickAction(page);
  const p = await b.openPopup(tabId);
  await p.locator('#fill').click();
  // A JWT profile's values carry the "converted to OAuth" error: the admin fills anyway (issue 14).
  await p.locator('#fill-anyway, .fill-ok').first().waitFor();
  if (await p.locator('#fill-anyway').count()) await p.locator('#fill-anyway').click();
  await p.getByText(/Filled \d+ field/).waitFor();
  // The first fill carrying a secret to an origin asks once (issue 14): the admin says yes.
  if (await p.locator('#allow-secrets').isVisible()) {
    await p.locator('#allow-secrets').click();
    await p.locator('#fill-result .consent').waitFor({ state: 'detached' });
  }
  await p.close();
  await submit(page);
  await page.close();
  return b.cloud.state.aemSubmissions.at(-1).fields;
}

const KEYSTORE = '/libs/granite/security/content/keystore.html/home/users/system/authentication-service';

/** Puts IMS Link's key pair into AEM's keystore through the page; resolves to the alias AEM lists. */
async function addToKeystore(host) {
  const { page, tabId } = await b.openTab(`${host}${KEYSTORE}`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.getByLabel('New Password', { exact: true }).fill('admin-own-pw');
  await page.getByLabel('Confirm Password', { exact: true }).fill('admin-own-pw');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save' }).click()]);
  await page.getByRole('button', { name: 'Add Private Key from DER file' }).click();
  await b.clickAction(page);
  let p = await b.openPopup(tabId);
  await p.locator('#fill').click();
  await p.getByText(/Filled \d+ field/).waitFor();
  // The private key is a secret like the client secret: the first one to an origin asks.
  await p.locator('#allow-secrets').click();
  await p.locator('#fill-result .consent').waitFor({ state: 'detached' });
  await p.close();
  await page.getByLabel('Key Store Password', { exact: true }).fill('admin-own-pw');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Submit' }).click()]);
  const [alias] = Object.keys(b.cloud.state.aem.keypairs ?? {});
  assert.match(alias ?? '', /^ims-link-[0-9a-f]{12}$/);
  await page.getByText(alias, { exact: true }).waitFor();
  // IMS Link reads the list, so the wizard's fill picks that alias.
  await b.clickAction(page);
  p = await b.openPopup(tabId);
  await p.evaluate((t) => chrome.runtime.sendMessage({ type: 'ReadAemResult', tabId: t }), tabId);
  await p.close();
  await page.close();
  return alias;
}

test('OAuth Server-to-Server on AEM as a Cloud Service', async () => {
  const popup = await b.openPopup(1);
  await visitTarget(popup);
  const cred = b.cloud.state.credentials[OAUTH];
  const consolePage = (await b.openTab(`${CONSOLE}/${cred.projectId}/credentials/${cred.credentialId}/details/oauthservertoserver`)).page;
  // Into the empty profile the credential goes by itself (issue 18): no "Accept both".
  await consolePage.getByRole('button', { name: 'Retrieve client secret' }).click();
  await waitForProfile(popup, 'clientSecret', cred.clientSecret);
  await waitForProfile(popup, 'scopes', cred.scopes);
  await consolePage.close();

  const host = CLOUD;
  // AEM as a Cloud Service's Create form is one page, with no Authentication Type: Create alone.
  const ims = await fillAndSubmit(`${host}${WIZARD}`, async (page) => {
    await Promise.all([page.waitForURL(`**${IMS_CONSOLE}`), page.locator('#ims-create').click()]);
  });
  assert.deepEqual(
    [ims['./cloudServiceName'], ims['./clientId'], ims['./clientSecret'], ims['./scope'], ims['./orgId'], ims['./authServerUrl']],
    ['Adobe Target', OAUTH, cred.clientSecret, cred.scopes.join(','), ORG, 'https://ims-na1.adobelogin.com'],
  );
  const created = b.cloud.state.aem.imsConfigs.at(-1);
  assert.equal(created.authType, 'oauth');
  const target = await fillAndSubmit(`${host}${CLOUD_TARGET}`,
    (page) => Promise.all([page.waitForURL('**/cloudconfigs.html/conf/wknd'), page.getByRole('button', { name: 'Save & Close' }).click()]));
  assert.deepEqual([target['./tenant'], target['./clientcode'], target['./imsConfigId'], target['./apiKind']], ['acme', 'acme', created.id, 'rest']);

  // And IMS Link's own checks pass with the captured credential.
  await popup.reload();
  // IMS Link asked IMS by itself once the credential was complete; "Check IMS" asks again.
  await popup.locator('#ims-result .check.ok').waitFor();
  await popup.getByRole('button', { name: 'Check IMS' }).click();
  await popup.locator('#ims-result .check.ok').waitFor();
  await popup.getByRole('button', { name: 'Connect to Target' }).click();
  await popup.locator('#target-result .check.ok').waitFor();
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ClearProfile' }));
  await popup.close();
});

test('Service Account (JWT) on AEM 6.5, with the key pair made by IMS Link', async () => {
  const popup = await b.openPopup(1);
  await visitTarget(popup);
  await popup.getByRole('button', { name: /Generate (a new )?key pair/ }).click();
  await popup.locator('#keys-ready').waitFor();
  const certificate = await b.worker().evaluate(async () => (await chrome.storage.session.get('session')).session.keyPair.certificate.pem);
  const cred = b.cloud.state.credentials[JWT];
  cred.certificates.push(certificate); // "Upload public key" in the Console

  const base = `${CONSOLE}/${cred.projectId}/credentials/${cred.credentialId}/details/jwt`;
  const consolePage = (await b.openTab(base)).page;
  // Into the empty profile the credential goes by itself (issue 18): no "Accept both".
  await consolePage.getByRole('button', { name: 'Retrieve client secret' }).click();
  await waitForProfile(popup, 'clientSecret', cred.clientSecret);
  await consolePage.getByRole('tab', { name: 'Generate JWT' }).click();
  await waitForProfile(popup, 'authorizationServer', 'https://ims-na1.adobelogin.com');
  await consolePage.close();

  const host = AUTHOR;
  // AEM signs its own JWT with a key from its authentication-service keystore, so IMS Link's
  // key pair goes there first (issue 13 point 3, route B): the admin creates the key store
  // with a password of their own, opens "Add Private Key from DER file", IMS Link fills the
  // alias and the two files, the admin types the password and submits; IMS Link reads the list.
  const alias = await addToKeystore(host);
  const ims = await fillAndSubmit(`${host}${WIZARD}`, async (page) => {
    await page.locator('#ims-next').click();
    await Promise.all([page.waitForURL(`**${IMS_CONSOLE}`), page.locator('#ims-create').click()]);
  });
  assert.equal(ims.authType, 'jwt');
  assert.equal(ims.apiKey, JWT);
  assert.equal(ims.clientSecret, cred.clientSecret);
  assert.equal(JSON.parse(ims.jwtClaims).aud, `https://ims-na1.adobelogin.com/c/${JWT}`);
  const created = b.cloud.state.aem.imsConfigs.at(-1);
  assert.equal(created.keypairAlias, alias, 'the wizard picked the certificate IMS Link put into the keystore');
  const keyPair = await b.worker().evaluate(async () => (await chrome.storage.session.get('session')).session.keyPair);
  assert.equal(new X509Certificate(b.cloud.state.aem.keypairs[alias].certificate).fingerprint256, new X509Certificate(keyPair.certificate.pem).fingerprint256);
  const target = await fillAndSubmit(`${host}/etc/cloudservices/testandtarget/acme.html`, async (page) => {
    // The dialog's order: Connect to Adobe Target, OK on "Connection successful", then OK.
    await page.getByRole('button', { name: 'Connect to Adobe Target' }).click();
    await page.getByRole('dialog', { name: 'Connection successful' }).getByRole('button', { name: 'OK' }).click();
    await Promise.all([page.waitForEvent('load'), page.locator('#tt-ok button').click()]);
  });
  assert.deepEqual([target['./tenant'], target['./clientcode'], target['./imsConfigId'], target['./syncSegments']], ['acme', 'acme', created.id, 'true']);

  await popup.reload();
  // IMS Link asked IMS by itself once the credential was complete; "Check IMS" asks again.
  await popup.locator('#ims-result .check.ok').waitFor();
  await popup.getByRole('button', { name: 'Check IMS' }).click();
  await popup.locator('#ims-result .check.ok').waitFor();
  await popup.getByRole('button', { name: 'Connect to Target' }).click();
  await popup.locator('#target-result .check.ok').waitFor();
  await popup.close();
});
