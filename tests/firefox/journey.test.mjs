// The admin's journey in Firefox ESR with the packed add-on (dist/ims-link-firefox-<version>.zip,
// byte for byte): the tenant from Target (and its hash route change), the credential captured
// from a Console page and from its workspace JSON, a key pair whose exports OpenSSL accepts,
// "Fill this form" on the AEM IMS wizard (with a conflict and Undo) and on the Cloud Service
// Target form, both checks against the fake IMS, and the guide's stages along the way.
// One browser for the file: each test starts where the previous one left the profile.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { By } from 'selenium-webdriver';
import { CONSOLE_ORG_ID } from '../fake-cloud/state.mjs';
import { CLOUD, CLOUD_TARGET, IMS_CONSOLE, OAUTH, ORG, WIZARD } from '../e2e/fixtures.mjs';
import { JWT_CLIENT, jwtProfile } from '../e2e/checks-kit.mjs';
import { launch, waitFor } from './harness.mjs';
import { strayText } from './stray-text.mjs';

let b;
let dir;
let popup; // the popup's tab, acting on the Target tab
let targetTab;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ims-link-firefox-'));
  b = await launch({ downloads: dir });
});
after(async () => {
  await b?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const text = (css) => b.driver.findElement(By.css(css)).getText();
const profile = async () => (await b.send({ type: 'GetProfile' })).profile;

/** Waits until the worker's profile field holds `expected` (the popup tab must be current). */
async function profileHas(field, expected) {
  await waitFor(async () => JSON.stringify((await profile())[field]?.value) === JSON.stringify(expected), `profile ${field} = ${JSON.stringify(expected)}`);
}

/** The popup's stages as shown: stage id -> done | needs-you | problem. */
async function stages() {
  return b.run(() => Object.fromEntries([...document.querySelectorAll('#guide-stages li')].map((li) => [li.dataset.stage, li.className.split(' ')[1]])));
}

/** No "null"/"undefined" text anywhere the popup shows. */
async function noStrayText() {
  const shown = await text('body');
  assert.deepEqual(strayText(shown), [], `the popup shows no stray null/undefined: ${shown}`);
}

/** Waits for a file in the download folder and returns its path. */
function downloaded(name) {
  const path = join(dir, name);
  return waitFor(() => existsSync(path) && readFileSync(path).length > 0 && path, `download ${name}`);
}

test('the tenant of a Target tab, read by the content script of the packed add-on, follows a hash route change', async () => {
  targetTab = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  popup = await b.openPopup(targetTab.tabId);
  await waitFor(async () => (await text('#tenant')) === 'acme', 'tenant acme');
  assert.match(await text('#source'), /Target address in Experience Cloud/);
  await noStrayText();

  await b.use(targetTab.handle);
  const loadedAt = await b.driver.executeScript('return window.shellLoadedAt');
  await b.driver.findElement(By.css('#org-switcher option[value="weretailprod"]')).click();
  await waitFor(async () => (await b.driver.getCurrentUrl()) === 'https://experience.adobe.com/#/@weretailprod/target/activities', 'the hash route');
  assert.equal(await b.driver.executeScript('return window.shellLoadedAt'), loadedAt, 'the shell page must not have reloaded');
  await b.use(popup);
  await waitFor(async () => (await text('#tenant')) === 'weretailprod', 'the popup to follow to weretailprod');
  // Back to acme, the tenant the rest of the journey uses.
  await b.use(targetTab.handle);
  await b.driver.findElement(By.css('#org-switcher option[value="acme"]')).click();
  await b.use(popup);
  await waitFor(async () => (await text('#tenant')) === 'acme', 'the popup to follow back to acme');
});

test('a Console credential page and its workspace JSON both fill the profile, value by value the same', async () => {
  assert.equal((await b.send({ type: 'ClearProfile' })).type, 'ProfileState');
  const implementation = await b.openTab('https://experience.adobe.com/#/@acme/target/setup/implementation');
  await b.use(popup);
  await profileHas('clientCode', 'acme');
  await profileHas('orgId', ORG);
  await b.closeTab(implementation.handle);
  await b.use(popup);
  // Stage 1 is done only once the content script's capture reached the profile.
  await b.refreshPopup();
  await waitFor(async () => (await stages()).target === 'done', 'the guide to mark the Target stage done');
  assert.deepEqual(await stages(), { target: 'done', console: 'needs-you', 'aem-ims': 'needs-you', 'aem-target': 'needs-you' });

  const cred = b.cloud.state.credentials[OAUTH];
  const page = await b.openTab(`https://developer.adobe.com/console/projects/${CONSOLE_ORG_ID}/${cred.projectId}/credentials/${cred.credentialId}/details/oauthservertoserver`);
  await b.driver.findElement(By.xpath('//button[normalize-space()="Retrieve client secret"]')).click();
  await b.use(popup);
  // Into the empty profile the credential goes by itself (issue 18), no "Accept both": the
  // profile says what it took and from where, with Undo.
  await waitFor(async () => (await b.send({ type: 'GetProfile' })).taken?.text?.startsWith(`Took the Client ID ${OAUTH.slice(0, 8)}… and the client secret from developer.adobe.com/console/`), 'what IMS Link took by itself');
  await profileHas('clientId', OAUTH);
  await profileHas('clientSecret', cred.clientSecret);
  await profileHas('scopes', cred.scopes);
  await new Promise((r) => setTimeout(r, 800)); // the last debounced snapshot (250 ms) is merged
  const fromPage = Object.fromEntries(Object.entries(await profile()).filter(([, v]) => v).map(([f, v]) => [f, v.value]));
  assert.equal(await text('#pv-clientId'), OAUTH);
  assert.doesNotMatch(await text('body'), new RegExp(cred.clientSecret), 'the secret is masked in the popup');
  await noStrayText();

  await b.use(page.handle);
  await b.driver.findElement(By.xpath('//a[normalize-space()="Download JSON"]')).click();
  const json = await waitFor(() => {
    const f = execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').find((n) => n.endsWith('.json') && !n.endsWith('.part'));
    return f && readFileSync(join(dir, f), 'utf8');
  }, 'the workspace JSON download');
  await b.closeTab(page.handle);

  await b.use(popup);
  await b.clickButton('Clear profile');
  await b.clickButton('Click again to clear every value');
  await b.waitForText(/Profile cleared\./);
  assert.deepEqual(Object.values(await profile()).filter(Boolean), []);
  await noStrayText();
  await b.driver.findElement(By.xpath('//summary[normalize-space()="Paste or load values"]')).click();
  await b.driver.findElement(By.css('#paste-kind option[value="workspace-json"]')).click();
  // The whole JSON at once (typing it key by key would take a minute); the popup reads .value.
  await b.driver.executeScript('const t = document.getElementById("paste"); t.value = arguments[0]; t.dispatchEvent(new Event("input"));', json);
  await b.clickButton('Import');
  await b.waitForText(/From the pasted text: took /); // the worker says what it took (issue 12)
  const pasted = await profile();
  // The workspace JSON holds the credential, not Target's tenant and client code.
  const { tenant, clientCode, ...fromConsole } = fromPage;
  assert.deepEqual([tenant, clientCode], ['acme', 'acme']);
  assert.deepEqual(Object.fromEntries(Object.entries(pasted).filter(([, v]) => v).map(([f, v]) => [f, v.value])), fromConsole, 'value by value');
  for (const v of Object.values(pasted).filter(Boolean)) assert.equal(v.source.kind, 'paste');
  assert.equal(await b.driver.findElement(By.id('paste')).getAttribute('value'), '', 'the pasted secret does not linger in the box');
  await noStrayText();
  // Target's tab gives the tenant back, as it would to an admin who looks at it again.
  const again = await b.openTab('https://experience.adobe.com/#/@acme/target/setup/implementation');
  await b.use(popup);
  await profileHas('tenant', 'acme');
  await profileHas('clientCode', 'acme');
  await b.closeTab(again.handle);
  await b.use(popup);
  // Once the Console download completed the credential, IMS Link asked IMS by itself (issue 18):
  // stage 2 is done with IMS's verdict.
  await waitFor(async () => (await b.send({ type: 'GetProfile' })).checks?.ims?.ok, 'IMS Link\'s own IMS check to pass', 30_000);
  await b.refreshPopup();
  await waitFor(async () => (await stages()).console === 'done', 'the Console stage done');
  assert.deepEqual(await stages(), { target: 'done', console: 'done', 'aem-ims': 'needs-you', 'aem-target': 'needs-you' });
});

test('the key pair made in Firefox: its certificate fingerprint is the one OpenSSL computes from the export', async () => {
  // The key pair card is for Service Account (JWT) credentials: the profile says JWT while it is made.
  assert.equal((await b.send({ type: 'EditField', field: 'authType', value: 'jwt' })).type, 'ProfileState');
  await b.refreshPopup();
  await b.clickButton('Generate key pair', 30_000);
  await b.waitForText(/Key pair ready\./, 30_000);
  // The private key's files are behind their own disclosure and warning.
  await b.driver.findElement(By.xpath('//summary[normalize-space()="Private key"]')).click();
  assert.equal(await text('#cert-subject'), 'CN=IMS Link acme,O=IMS Link');
  const files = [
    ['Download certificate_pub.crt', 'certificate_pub.crt', 'cert.pem'],
    ['Download private.key', 'private.key', 'key.pem'],
    ['Download private key (DER, for AEM)', 'private.der', 'key.der'],
    ['Download certificate (DER)', 'certificate_pub.der', 'cert.der'],
  ];
  for (const [button, file, as] of files) {
    await b.clickButton(button);
    writeFileSync(join(dir, as), readFileSync(await downloaded(file)));
  }
  assert.match(readFileSync(join(dir, 'cert.pem'), 'utf8'), /^-----BEGIN CERTIFICATE-----\n/);
  const fingerprint = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha256'], { input: readFileSync(join(dir, 'cert.der')), encoding: 'utf8' });
  assert.equal(`sha256 Fingerprint=${await text('#cert-sha256')}`, fingerprint.trim());
  await noStrayText();
  assert.equal((await b.send({ type: 'EditField', field: 'authType', value: 'oauth' })).type, 'ProfileState');
});

/** IMS Link's Fill button, before ("Fill this form on …") or after its preview counted the fields. */
const FILL = /^Fill (this form|\d+ fields?) on /;

/** Opens an AEM page, clicks IMS Link's toolbar button on it and "Fill this form" in a popup for it. */
async function fillForm(url, before = async () => {}) {
  const tab = await b.openTab(url);
  await waitFor(() => b.driver.executeScript('return document.documentElement.hasAttribute("data-ready")'), 'the AEM form');
  await before();
  await b.clickAction(tab.handle);
  const fillPopup = await b.openPopup(tab.tabId);
  // The button names the host it fills and how many fields ("Fill 6 fields on author-…").
  await b.clickButton(FILL);
  await waitFor(() => b.driver.executeScript('return document.querySelector("#fill-result > *") !== null'), 'the fill result');
  // The first fill carrying a secret to an origin asks once: the admin says yes.
  const asks = () => b.driver.executeScript('const a = document.querySelector("#allow-secrets"); return Boolean(a && a.checkVisibility())');
  if (await asks()) {
    await b.driver.executeScript('document.querySelector("#allow-secrets").click()');
    await waitFor(() => b.driver.executeScript('return document.querySelector("#fill-result .consent") === null'), 'the secrets sent');
  }
  return { ...tab, fillPopup };
}

const fieldValue = (name) => b.driver.executeScript('return document.querySelector(`[name="${arguments[0]}"]`).value', name);

test('"Fill this form" on the AEM as a Cloud Service IMS wizard: asks before replacing a typed value, Undo restores it, AEM receives the profile', async () => {
  const cred = b.cloud.state.credentials[OAUTH];
  const { handle, tabId, fillPopup } = await fillForm(`${CLOUD}${WIZARD}`, () => b.driver.executeScript('document.querySelector(\'[name="./clientId"]\').value = "typed-by-admin"'));
  // The choice sits in the guide's next-step box, and the stage says neither Saved nor Done.
  await waitFor(() => b.driver.executeScript('return document.querySelector(".next #next-choices li") !== null'), 'the choice in the next-step box');
  await b.use(handle);
  assert.equal(await fieldValue('./clientId'), 'typed-by-admin', 'not overwritten without asking');
  await b.use(fillPopup);
  assert.match(await text('#next-choices li'), new RegExp(`typed-by-admin → ${OAUTH}`));
  assert.doesNotMatch(await b.run(() => document.querySelector('[data-stage="aem-ims"]').textContent + document.querySelector('#next-why').textContent), /Saved|Done/);
  await b.clickButton("Use IMS Link's");
  await waitFor(() => b.driver.executeScript('return document.querySelector("#next-choices").hidden'), 'the choice to be made');
  await b.use(handle);
  assert.equal(await fieldValue('./clientId'), OAUTH);
  await b.use(fillPopup);
  await noStrayText();
  await b.clickButton('Undo fill');
  await b.waitForText(/Undo restored \d+ field/);
  await b.use(handle);
  assert.equal(await fieldValue('./clientId'), 'typed-by-admin');
  await b.closeTab(fillPopup);

  // Filled again, the typed value replaced, and the wizard submitted to the fake AEM.
  await b.use(handle);
  await b.clickAction(handle);
  const again = await b.openPopup(tabId);
  await b.clickButton(FILL);
  await waitFor(() => b.driver.executeScript('return document.querySelector("#next-choices li") !== null'), 'the choice in the next-step box');
  await b.clickButton("Use IMS Link's");
  await waitFor(() => b.driver.executeScript('return document.querySelector("#next-choices").hidden'), 'the choice to be made');
  await b.closeTab(again);
  await b.use(handle);
  // AEM as a Cloud Service's Create is one page (Adobe's 2025 screenshot): no Next.
  await b.driver.findElement(By.id('ims-create')).click();
  await waitFor(async () => (await b.driver.getCurrentUrl()).endsWith(IMS_CONSOLE), 'the IMS configurations console');
  await b.use(popup);
  await b.refreshPopup();
  // A fill is not AEM's verdict: the stage waits for AEM's own Check Health (issue 13).
  await waitFor(async () => /AEM has not checked it yet/.test(await b.run(() => document.querySelector('[data-stage="aem-ims"]').textContent)), 'the guide to wait for AEM\'s Check Health');
  assert.equal((await stages())['aem-ims'], 'needs-you');
  assert.equal((await stages())['aem-target'], 'needs-you');
  await b.use(handle);
  const saved = b.cloud.state.aemSubmissions.at(-1).fields;
  assert.deepEqual(
    [saved['./cloudServiceName'], saved['./clientId'], saved['./clientSecret'], saved['./scope'], saved['./orgId'], saved['./authServerUrl']],
    ['Adobe Target', OAUTH, cred.clientSecret, cred.scopes.join(','), ORG, 'https://ims-na1.adobelogin.com'],
  );
  await b.closeTab(handle);
});

test('"Fill this form" on the AEM as a Cloud Service Target configuration saves tenant, client code and the new IMS configuration', async () => {
  const created = b.cloud.state.aem.imsConfigs.at(-1);
  assert.ok(created, 'the IMS configuration made by the previous test');
  const { handle, fillPopup } = await fillForm(`${CLOUD}${CLOUD_TARGET}`);
  await b.waitForText(/Filled \d+ field/);
  await noStrayText();
  await b.closeTab(fillPopup);
  await b.use(handle);
  await b.driver.findElement(By.xpath('//button[normalize-space()="Save & Close"]')).click();
  await waitFor(async () => (await b.driver.getCurrentUrl()).endsWith('/cloudconfigs.html/conf/wknd'), 'the cloud configurations console');
  const saved = b.cloud.state.aemSubmissions.at(-1).fields;
  assert.deepEqual([saved['./tenant'], saved['./clientcode'], saved['./imsConfigId'], saved['./apiKind']], ['acme', 'acme', created.id, 'rest']);
  await b.closeTab(handle);
});

test('the IMS and Target checks pass against the fake IMS; the AEM stages still wait for AEM\'s own verdicts', async () => {
  await b.use(popup);
  await b.refreshPopup();
  await b.clickButton('Check IMS');
  await waitFor(async () => (await b.driver.findElements(By.css('#ims-result .check.ok'))).length === 1, 'the IMS check to pass', 30_000);
  await b.clickButton('Connect to Target');
  await waitFor(async () => (await b.driver.findElements(By.css('#target-result .check.ok'))).length === 1, 'the Target check to pass', 30_000);
  const tokenCalls = b.cloud.requests.filter((r) => r.host === 'ims-na1.adobelogin.com' && r.path === '/ims/token/v3');
  assert.ok(tokenCalls.length >= 1, 'the add-on called the fake IMS');
  await waitFor(async () => (await stages()).console === 'done', 'the Console stage done');
  assert.equal((await stages())['aem-ims'], 'needs-you', "IMS Link's own checks do not prove AEM");
  await noStrayText();
  const secret = b.cloud.state.credentials[OAUTH].clientSecret;
  assert.doesNotMatch(await text('body'), new RegExp(secret));
});

test('Service Account (JWT): the IMS check signs with the Firefox key pair; OpenSSL and PyJWT accept the exports and that JWT', async () => {
  await b.use(popup);
  const cred = b.cloud.state.credentials[JWT_CLIENT];
  cred.certificates.push(readFileSync(join(dir, 'cert.pem'), 'utf8')); // "Upload public key" in the Console
  for (const [field, value] of Object.entries(jwtProfile({ b }))) {
    const reply = await b.send({ type: 'EditField', field, value });
    assert.equal(reply.type, 'ProfileState', `EditField ${field}: ${JSON.stringify(reply.problem ?? '')}`);
  }
  await b.refreshPopup();
  await b.clickButton('Check IMS');
  await waitFor(async () => (await b.driver.findElements(By.css('#ims-result .check.ok'))).length === 1, 'the JWT IMS check to pass', 30_000);
  // The JWT the add-on signed (WebCrypto in Firefox's background page), as IMS received it.
  const exchange = b.cloud.requests.filter((r) => r.path === '/ims/exchange/jwt').at(-1);
  writeFileSync(join(dir, 'token.txt'), new URLSearchParams(exchange.body).get('jwt_token'));
  const out = execFileSync('python3', [new URL('../tools/verify_outputs.py', import.meta.url).pathname, dir, `https://ims-na1.adobelogin.com/c/${JWT_CLIENT}`], { encoding: 'utf8' });
  const { checks } = JSON.parse(out);
  assert.deepEqual(Object.entries(checks).filter(([, ok]) => !ok), []);
  assert.equal(Object.keys(checks).length, 9);
  await noStrayText();
});

test('no script of the add-on failed in any Firefox process (the content script loaded from the zip)', async () => {
  // Closing or reloading a popup tab while its message is on the way is the test's doing, not
  // a fault: Firefox logs it ("Promise resolved after context unloaded", "... while context is
  // inactive"); Chromium drops such a reply silently.
  const errors = (await b.consoleErrors())
    .filter((e) => /moz-extension:|Unable to load script/.test(e))
    .filter((e) => !/^Promise (resolved|rejected) (after context unloaded|while context is inactive)/.test(e));
  assert.deepEqual(errors, []);
});
