// The fake Developer Console, Target's Implementation page and the customer site, seen in
// Chromium as the extension's content scripts will see them. Values are found by their
// visible label, the way the extension must read the real (hashed-class) pages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startFakeCloud } from '../server.mjs';
import { SOLUTION_ORIGINS } from '../sites/solutions/handler.mjs';
import { CONSOLE_ORG_ID, ORG_ID, WERETAIL_ORG_ID } from '../state.mjs';

const OAUTH = '5f0a1b2c3d4e5f60718293a4b5c6d7e8';
const JWT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const CONSOLE = 'https://developer.adobe.com/console';

let cloud;
let browser;
let context;
let tmp;

before(async () => {
  cloud = await startFakeCloud();
  tmp = mkdtempSync(join(tmpdir(), 'fake-console-test-'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      `--host-resolver-rules=${cloud.hostRules}`, '--ignore-certificate-errors'],
  });
  context = await browser.newContext({ acceptDownloads: true });
});
after(async () => {
  await browser?.close();
  await cloud?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function credentialUrl(clientId, tab = '') {
  const c = cloud.state.credentials[clientId];
  const kind = c.type === 'jwt' ? 'jwt' : 'oauthservertoserver';
  return `${CONSOLE}/projects/${CONSOLE_ORG_ID}/${c.projectId}/credentials/${c.credentialId}/details/${kind}${tab}`;
}

async function open(url, readyText) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByText(readyText, { exact: true }).first().waitFor();
  return page;
}

/** The value shown next to a visible label (textareas: their text), or null without such a label. */
function valueOf(page, label) {
  return page.evaluate((label) => {
    const l = [...document.querySelectorAll('body *')].find((e) => e.childElementCount === 0 && e.textContent.trim() === label);
    const v = l?.nextElementSibling;
    if (!v) return null;
    const area = v.matches('textarea') ? v : v.querySelector('textarea');
    return area ? area.value : v.innerText.trim();
  }, label);
}

function certificate(name) {
  const key = join(tmp, `${name}.key`);
  const crt = join(tmp, `${name}.crt`);
  execFileSync('openssl', ['req', '-x509', '-sha256', '-nodes', '-days', '365', '-newkey', 'rsa:2048', '-subj', `/CN=${name}`,
    '-keyout', key, '-out', crt], { stdio: 'ignore' });
  return { crt, pem: readFileSync(crt, 'utf8').trim(), key: readFileSync(key, 'utf8') };
}

test('project list and overview show the projects of the org from state', async () => {
  cloud.state.credentials[OAUTH].projectName = 'AEM Target integration';
  const page = await open(`${CONSOLE}/projects`, 'Projects');
  await page.getByRole('link', { name: 'AEM Target integration (JWT)' }).waitFor();
  const loadedAt = await page.evaluate(() => window.consoleLoadedAt);
  await page.getByRole('link', { name: 'AEM Target integration', exact: true }).click();
  await page.waitForURL(`${CONSOLE}/projects/${CONSOLE_ORG_ID}/${cloud.state.credentials[OAUTH].projectId}/overview`);
  await page.getByRole('heading', { name: 'Credentials' }).waitFor();
  assert.equal(await page.evaluate(() => window.consoleLoadedAt), loadedAt, 'in-app navigation must not reload');
  await page.getByRole('link', { name: 'OAuth Server-to-Server' }).first().click();
  await page.waitForURL(credentialUrl(OAUTH));
  // The URL changes before the data arrives, as on the real SPA: wait for the label.
  await page.getByText('Client ID', { exact: true }).waitFor();
  assert.equal(await valueOf(page, 'Client ID'), OAUTH);
  await page.close();
});

/** The older page layout (G), a variant now that the 2025 rows are the default. */
function panelLayout() {
  cloud.state.credentials[OAUTH].pageLayout = 'panel';
}

test("OAuth Server-to-Server page in Adobe's 2025 layout: label | value | action rows, tabs, the secret in a table once retrieved", async () => {
  const cred = cloud.state.credentials[OAUTH];
  const page = await open(credentialUrl(OAUTH), 'Client ID');
  const row = (label) => page.locator('.Row_row__Lm4k2').filter({ has: page.getByText(label, { exact: true }) });
  assert.equal(await row('Client ID').locator('.Row_value__Qe5r7').innerText(), OAUTH);
  assert.equal(await row('Technical Account Email').locator('.Row_value__Qe5r7').innerText(), cred.technicalAccountEmail);
  assert.equal(await row('Client Secret').locator('.Row_value__Qe5r7').innerText(), '', 'no secret before Retrieve');
  assert.deepEqual(await page.getByRole('tab').allInnerTexts(), ['Credential details', 'Scopes', 'Product Profiles']);
  await page.getByRole('button', { name: 'Retrieve client secret' }).click();
  await page.getByRole('cell', { name: cred.clientSecret }).waitFor();
  assert.deepEqual(await page.getByRole('columnheader').allInnerTexts(), ['CLIENT SECRET', '', 'CREATED', 'LAST USED']);
  await page.getByRole('button', { name: 'Generate access token' }).click();
  const token = (await page.getByLabel('Access token').textContent()).trim();
  assert.equal(cloud.state.tokens[token]?.clientId, OAUTH);
  await page.close();
});

test('OAuth Server-to-Server page shows the credential from state, by label', async () => {
  const cred = cloud.state.credentials[OAUTH];
  panelLayout();
  const page = await open(credentialUrl(OAUTH), 'Client ID');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'OAuth Server-to-Server');
  assert.equal(await valueOf(page, 'Client ID'), OAUTH);
  assert.equal(await valueOf(page, 'Technical account ID'), cred.technicalAccountId);
  assert.equal(await valueOf(page, 'Technical account email'), cred.technicalAccountEmail);
  assert.equal(await valueOf(page, 'Organization ID'), ORG_ID);
  assert.equal(await valueOf(page, 'Scopes'), cred.scopes.join(', '));
  assert.ok(await page.getByRole('button', { name: 'Copy' }).count() >= 5, 'copy buttons next to the values');
  assert.equal(await page.getByRole('button', { name: 'Generate access token' }).count(), 1);
  await page.close();
});

test('the client secret reaches the page only after "Retrieve client secret"', async () => {
  const { clientSecret } = cloud.state.credentials[OAUTH];
  panelLayout();
  const page = await open(credentialUrl(OAUTH), 'Client secret');
  assert.ok(!(await page.content()).includes(clientSecret), 'no secret in the DOM before the click');
  await page.getByRole('button', { name: 'View cURL command' }).click();
  const before = await page.getByLabel('cURL command').textContent();
  assert.match(before, /curl -X POST 'https:\/\/ims-na1\.adobelogin\.com\/ims\/token\/v3'/);
  assert.match(before, new RegExp(`client_id=${OAUTH}&client_secret=\\{CLIENT_SECRET\\}&scope=openid,AdobeID,target_sdk`));
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Retrieve client secret' }).click();
  await page.getByText(clientSecret, { exact: true }).waitFor();
  assert.equal(await valueOf(page, 'Client secret'), clientSecret);
  assert.equal(await page.getByRole('button', { name: 'Retrieve client secret' }).count(), 0);
  await page.getByRole('button', { name: 'View cURL command' }).click();
  assert.match(await page.getByLabel('cURL command').textContent(), new RegExp(`client_secret=${clientSecret}&`));
  await page.close();
});

test('"Generate access token" issues a token the fake cloud knows', async () => {
  const page = await open(credentialUrl(OAUTH), 'Client ID');
  await page.getByRole('button', { name: 'Generate access token' }).click();
  const token = (await page.getByLabel('Access token').textContent()).trim();
  assert.equal(cloud.state.tokens[token]?.clientId, OAUTH);
  assert.equal(cloud.state.tokens[token].orgId, ORG_ID);
  await page.close();
});

test('Service Account (JWT) page: values, no scopes, and "Generate JWT" by pushState with the documented payload', async () => {
  const cred = cloud.state.credentials[JWT];
  const page = await open(credentialUrl(JWT), 'Client ID');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Service Account (JWT)');
  assert.equal(await valueOf(page, 'Client ID'), JWT);
  assert.equal(await valueOf(page, 'Technical account ID'), cred.technicalAccountId);
  assert.equal(await valueOf(page, 'Technical account email'), cred.technicalAccountEmail);
  assert.equal(await valueOf(page, 'Organization ID'), ORG_ID);
  assert.equal(await valueOf(page, 'Scopes'), null);
  assert.ok(!(await page.content()).includes(cred.clientSecret));
  await page.getByRole('heading', { name: 'Public key certificates' }).waitFor();

  const loadedAt = await page.evaluate(() => window.consoleLoadedAt);
  await page.getByRole('tab', { name: 'Generate JWT' }).click();
  await page.waitForURL(credentialUrl(JWT, '/generatejwt'));
  await page.getByText('JWT payload', { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => window.consoleLoadedAt), loadedAt, 'switching tabs must not reload');
  const payload = JSON.parse(await valueOf(page, 'JWT payload'));
  assert.deepEqual(Object.keys(payload), ['exp', 'iss', 'sub', 'https://ims-na1.adobelogin.com/s/ent_marketing_sdk', 'aud']);
  assert.ok(Number.isInteger(payload.exp));
  assert.ok(Math.abs(payload.exp - (Date.now() / 1000 + 86400)) < 120, 'exp about 24 hours ahead');
  assert.equal(payload.iss, ORG_ID);
  assert.equal(payload.sub, cred.technicalAccountId);
  assert.equal(payload['https://ims-na1.adobelogin.com/s/ent_marketing_sdk'], true);
  assert.equal(payload.aud, `https://ims-na1.adobelogin.com/c/${JWT}`);

  await page.goBack();
  await page.waitForURL(credentialUrl(JWT));
  await page.getByText('Client ID', { exact: true }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Credential details' }).getAttribute('aria-selected'), 'true');
  await page.close();
});

test('"Generate token" signs the payload with a pasted private key (RS256)', async () => {
  const { key } = certificate('signer');
  const page = await open(credentialUrl(JWT, '/generatejwt'), 'JWT payload');
  await page.getByLabel('Paste private key').fill(key);
  await page.getByRole('button', { name: 'Generate token' }).click();
  const jwt = (await page.getByLabel('Generated JWT').textContent()).trim();
  const [head, body, sig] = jwt.split('.');
  assert.deepEqual(JSON.parse(Buffer.from(head, 'base64url')), { alg: 'RS256', typ: 'JWT' });
  assert.equal(JSON.parse(Buffer.from(body, 'base64url')).aud, `https://ims-na1.adobelogin.com/c/${JWT}`);
  assert.equal(Buffer.from(sig, 'base64url').length, 256);
  await page.close();
});

test('uploaded public keys (file or paste) land in state and are listed with fingerprint and expiry', async () => {
  const cred = cloud.state.credentials[JWT];
  cred.certificates = [];
  const first = certificate('first');
  const second = certificate('second');
  const page = await open(credentialUrl(JWT), 'Public key certificates');
  assert.equal(await page.getByText('No public keys uploaded.').count(), 1);

  await page.getByLabel('Public key file').setInputFiles(first.crt);
  await page.getByText('Fingerprint', { exact: true }).waitFor();
  assert.deepEqual(cred.certificates, [first.pem]);
  const fingerprint = execFileSync('openssl', ['x509', '-in', first.crt, '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' })
    .split('=')[1].trim().replaceAll(':', '').toLowerCase();
  assert.equal(await valueOf(page, 'Fingerprint'), fingerprint);
  const notAfter = execFileSync('openssl', ['x509', '-in', first.crt, '-noout', '-enddate'], { encoding: 'utf8' }).split('=')[1].trim();
  assert.equal(await valueOf(page, 'Expiring on'), new Date(notAfter).toISOString().slice(0, 10));

  await page.getByLabel('Paste public key').fill(second.pem);
  await page.getByRole('button', { name: 'Upload pasted key' }).click();
  await page.getByText('Fingerprint', { exact: true }).nth(1).waitFor();
  assert.deepEqual(cred.certificates, [first.pem, second.pem]);

  await page.getByLabel('Paste public key').fill('-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----');
  await page.getByRole('button', { name: 'Upload pasted key' }).click();
  await page.getByRole('alert').filter({ hasText: 'not a valid X.509 certificate' }).waitFor();
  assert.equal(cred.certificates.length, 2);

  // A reload lists what state holds, as the real page would after the upload.
  await page.reload();
  await page.getByText('Fingerprint', { exact: true }).nth(1).waitFor();
  await page.close();
});

test('a credential page\'s own "Download JSON" is flat with upper-case keys; the overview\'s "Download all" is the nested workspace JSON', async () => {
  const cred = cloud.state.credentials[OAUTH];
  const page = await open(credentialUrl(OAUTH), 'Client ID');
  const [own] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download JSON' }).click()]);
  assert.deepEqual(JSON.parse(readFileSync(await own.path(), 'utf8')), {
    CLIENT_ID: OAUTH,
    CLIENT_SECRETS: [cred.clientSecret],
    TECHNICAL_ACCOUNT_EMAIL: cred.technicalAccountEmail,
    TECHNICAL_ACCOUNT_ID: cred.technicalAccountId,
    SCOPES: cred.scopes,
    ORG_ID: ORG_ID,
  });
  await page.close();

  const overview = await open(`${CONSOLE}/projects/${CONSOLE_ORG_ID}/${cred.projectId}/overview`, 'Credentials');
  const [download] = await Promise.all([overview.waitForEvent('download'), overview.getByRole('link', { name: 'Download all' }).click()]);
  assert.equal(download.suggestedFilename(), `${CONSOLE_ORG_ID}-AEMTargetintegration-Production.json`);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(json.project.id, cred.projectId);
  assert.equal(json.project.title, cred.projectName);
  assert.equal(json.project.org.ims_org_id, ORG_ID);
  assert.equal(json.project.org.id, CONSOLE_ORG_ID);
  const [c] = json.project.workspace.details.credentials;
  assert.equal(c.integration_type, 'oauth_server_to_server');
  assert.deepEqual(c.oauth_server_to_server, {
    client_id: OAUTH,
    technical_account_email: cred.technicalAccountEmail,
    technical_account_id: cred.technicalAccountId,
    client_secrets: [cred.clientSecret],
    scopes: cred.scopes,
  });
  await overview.close();

  const jwtPage = await open(`${CONSOLE}/projects/${CONSOLE_ORG_ID}/${cloud.state.credentials[JWT].projectId}/overview`, 'Credentials');
  const [dl2] = await Promise.all([jwtPage.waitForEvent('download'), jwtPage.getByRole('link', { name: 'Download all' }).click()]);
  const jwtJson = JSON.parse(readFileSync(await dl2.path(), 'utf8')).project.workspace.details.credentials[0];
  assert.equal(jwtJson.integration_type, 'service');
  assert.equal(jwtJson.jwt.client_id, JWT);
  assert.deepEqual(jwtJson.jwt.meta_scopes, ['ent_marketing_sdk']);
  await jwtPage.close();

  // A JWT credential's own file lists its certificates: fingerprint -> expiry (inner shape G).
  cloud.state.credentials[JWT].certificates = [certificate('listed').pem];
  const jwtOwn = await open(credentialUrl(JWT), 'Client ID');
  const [dl3] = await Promise.all([jwtOwn.waitForEvent('download'), jwtOwn.getByRole('link', { name: 'Download JSON' }).click()]);
  const keys = JSON.parse(readFileSync(await dl3.path(), 'utf8')).PUBLIC_KEYS_WITH_EXPIRY;
  assert.ok(Object.keys(keys).length > 0, 'the JWT credential lists its certificates');
  for (const [fingerprint, expiry] of Object.entries(keys)) {
    assert.match(fingerprint, /^[0-9a-f:]{40,}$/i);
    assert.ok(!Number.isNaN(Date.parse(expiry)), `an expiry date: ${expiry}`);
  }
  await jwtOwn.close();
});

for (const origin of SOLUTION_ORIGINS) {
  test(`Target runs in the shell's iframe from ${origin}: Administration > Implementation shows Client Code and IMS Organization ID per org`, async () => {
    cloud.state.shell = { solutionsOrigin: origin };
    try {
      const page = await context.newPage();
      await page.goto('https://experience.adobe.com/#/@acme/sname:prod/target/setup/implementation');
      await page.frameLocator('iframe[title="Adobe Target"]').getByText('Client Code', { exact: true }).waitFor();
      const frame = page.frames().find((f) => f.url().startsWith(`${origin}/solutions/target/`));
      assert.ok(frame, `Target's frame is on ${origin}: ${page.frames().map((f) => f.url())}`);
      // Each row: the label with its ⓘ, then the value (Adobe's screenshots).
      const account = (label) => frame.locator('.account-row').filter({ hasText: label }).locator('.account-value').innerText();
      assert.equal(await account('Client Code'), 'acme');
      assert.equal(await account('IMS Organization Id'), ORG_ID);
      assert.equal(await frame.getByRole('button', { name: 'Information' }).count(), 4, 'an ⓘ beside each of the four labels');
      assert.equal(await valueOf(page, 'Client Code'), null, 'the top document does not hold Target screens');
      const loadedAt = await page.evaluate(() => window.shellLoadedAt);

      await page.getByLabel('Switch organization').selectOption('weretailprod');
      await page.waitForURL(/#\/@weretailprod\/target\/setup\/implementation$/);
      await page.frameLocator('iframe[title="Adobe Target"]').getByText(WERETAIL_ORG_ID, { exact: true }).waitFor();
      assert.equal(await page.evaluate(() => window.shellLoadedAt), loadedAt, 'the shell must not reload');

      // Navigating inside Target's frame moves the top address, shell segments kept.
      await page.frameLocator('iframe[title="Adobe Target"]').getByRole('link', { name: 'Activities' }).click();
      await page.frameLocator('iframe[title="Adobe Target"]').getByRole('heading', { name: 'Activities' }).waitFor();
      await page.waitForURL(/#\/@weretailprod\/target\/activities$/);
      await page.close();
    } finally {
      cloud.state.shell = {};
    }
  });
}

test('the customer site: at.js keeps its settings inside the file, sends delivery requests, and comes in variants', async () => {
  const errors = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  const seen = async (path) => {
    await page.goto(`https://www.acme-shop.test${path}`);
    await page.waitForTimeout(300);
    return page.evaluate(() => ({
      settings: window.targetGlobalSettings ?? null,
      atjs: window.adobe?.target?.VERSION ?? null,
      api: Object.keys(window.adobe?.target ?? {}).sort(),
      deliveries: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/rest/v1/delivery?')).map((n) => new URL(n).host + ' ' + new URL(n).searchParams.get('client')),
      alloy: window.__alloyNS ?? null,
    }));
  };
  const home = await seen('/');
  assert.equal(home.settings, null, 'no targetGlobalSettings: at.js carries its own settings');
  assert.equal(home.atjs, '2.11.4');
  assert.ok(!home.api.some((k) => /client|setting|config/i.test(k)), `adobe.target exposes no settings: ${home.api}`);
  assert.deepEqual(home.deliveries, ['acme.tt.omtrdc.net acme']);
  assert.deepEqual((await seen('/settings-only/')).deliveries, []);
  assert.deepEqual((await seen('/tags/')).deliveries, ['acme.tt.omtrdc.net acme']);
  assert.deepEqual((await seen('/cname/')).deliveries, ['target.acme-shop.test acme']);
  assert.equal((await seen('/global-settings/')).settings.clientCode, 'acme');
  const websdk = await seen('/websdk/');
  assert.deepEqual([websdk.atjs, websdk.alloy, websdk.deliveries], [null, ['alloy'], []]);
  assert.deepEqual(errors, []);
  await page.close();
});
