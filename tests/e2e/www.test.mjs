// The standalone www page: the same wasm core, opened from disk with the network cut.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
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
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
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

// ---- The inspector and the cURL commands (issue 7) ----

const CLIENT_ID = '0123456789abcdef0123456789abcdef';
const SECRET = 'p8e-NeverShowThisSecret';
const ORG = '0123456789ABCDEF01234567@AdobeOrg';
const TECH = '89ABCDEF0123456789ABCDEF@techacct.adobe.com';

/** A Developer Console "Download all", shaped as tests/fake-cloud/sites/console/workspace.mjs makes it. */
function workspaceJson(scopes) {
  return JSON.stringify({
    project: {
      id: '4566206088344', name: 'AEMTarget', title: 'AEM Target',
      org: { id: '123456', name: 'Acme', ims_org_id: ORG },
      workspace: {
        id: '4566206088345', name: 'Production', title: 'Production', action_url: '', app_url: '',
        details: {
          credentials: [{
            id: '8765', name: 'OAuth Server-to-Server', integration_type: 'oauth_server_to_server',
            oauth_server_to_server: { client_id: CLIENT_ID, client_secrets: [SECRET], technical_account_email: 'ab12@techacct.adobe.com', technical_account_id: TECH, scopes },
          }],
          services: [{ code: 'AdobeTargetSDK', name: 'Adobe Target' }],
          runtime: { namespaces: [] },
        },
      },
    },
  }, null, 2);
}

const payload = (aud) => ({
  exp: 1767225600, iss: ORG, sub: TECH, aud,
  'https://ims-na1.adobelogin.com/s/ent_marketing_sdk': true,
});
const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const offline = () => requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:') && !u.startsWith('data:'));

async function inspect(text) {
  await page.getByLabel('Workspace JSON, JWT payload or JWT').fill(text);
  await page.getByRole('button', { name: 'Inspect', exact: true }).click();
}
const cmd = (name) => page.getByLabel(name, { exact: true });
const values = () => page.locator('#inspect-values').innerText();
const findings = () => page.getByRole('list', { name: 'Findings' }).innerText();

test('www inspector reads a pasted workspace JSON, masks the secret and runs the diagnostics', async () => {
  await inspect(workspaceJson(['openid', 'AdobeID', 'read_organizations']));
  const v = await values();
  for (const want of [CLIENT_ID, ORG, TECH, 'OAuth Server-to-Server', 'openid, AdobeID, read_organizations', '••••••••', 'a workspace JSON, pasted']) {
    assert.ok(v.includes(want), `values show ${want}:\n${v}`);
  }
  assert.match(await findings(), /Error · Scopes: The scopes do not include target_sdk/);
  assert.equal(await page.getByRole('alert').first().textContent(), '');
  assert.ok(!(await page.locator('body').innerText()).includes(SECRET), 'the secret is never on the page');
  assert.deepEqual(offline(), []);
});

test('www page gives the OAuth cURL commands with the secret as a shell variable', async () => {
  await inspect(workspaceJson(['openid', 'AdobeID', 'target_sdk']));
  assert.equal(await findings(), 'No problems found.');
  const token = await cmd('command: IMS token request').textContent();
  assert.match(token, /^curl -X POST 'https:\/\/ims-na1\.adobelogin\.com\/ims\/token\/v3'/);
  assert.ok(token.includes(`--data-urlencode 'client_id=${CLIENT_ID}'`), token);
  assert.ok(token.includes('--data-urlencode "client_secret=$IMS_CLIENT_SECRET"'), token);
  assert.ok(token.includes("--data-urlencode 'scope=openid,AdobeID,target_sdk'"), token);
  assert.equal(await cmd('command: export the client secret (placeholder)').textContent(),
    "export IMS_CLIENT_SECRET='<client secret from the Developer Console>'");
  assert.ok(!(await page.locator('#curl-steps').innerText()).includes(SECRET), 'no secret in any command');
  assert.match(await page.locator('#curl-heading + p').textContent(), /cannot call IMS itself.*CORS/s);

  // The tenant read by the first tool fills the Target step; a wrong one is explained there.
  assert.equal(await page.getByLabel('Tenant ID (for the Target check)').inputValue(), 'weretailprod');
  const target = cmd('command: Target Admin API check');
  assert.match(await target.textContent(), /^curl 'https:\/\/mc\.adobe\.io\/weretailprod\/target\/activities\?limit=1'/);
  assert.ok((await target.textContent()).includes('-H "Authorization: Bearer $IMS_ACCESS_TOKEN"'));
  await page.getByLabel('Tenant ID (for the Target check)').fill(ORG);
  assert.match(await page.locator('#curl-target').textContent(), /is an IMS Organization ID, not a tenant id/);
  await page.getByLabel('Tenant ID (for the Target check)').fill('acme');
  assert.match(await target.textContent(), /mc\.adobe\.io\/acme\//);

  await page.getByRole('button', { name: 'Copy command: IMS token request' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied command: IMS token request.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
  assert.deepEqual(offline(), []);
});

test('www inspector explains a JWT payload with a wrong aud, and refuses its host for cURL', async () => {
  await inspect(JSON.stringify(payload(`https://ims.evil.test/c/${CLIENT_ID}`), null, 2));
  assert.match(await findings(), /Error · JWT payload: The JWT payload's "aud" is "https:\/\/ims\.evil\.test\/c\/0123/);
  const v = await values();
  assert.ok(v.includes('a JWT payload, pasted') && v.includes('2026-01-01 00:00 UTC') && v.includes('ent_marketing_sdk'), v);
  // Issue 14: a look-alike aud never becomes the Authorization Server; the commands go to Adobe IMS.
  assert.doesNotMatch(await page.locator('#curl-note, #curl-steps').allTextContents().then((t) => t.join(' ')), /ims\.evil\.test/);
});

test('www inspector reads a whole JWT and signs a fresh one for the JWT cURL only on request', async () => {
  const aud = `https://ims-na1.adobelogin.com/c/${CLIENT_ID}`;
  await inspect(`${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload(aud))}.c2lnbmF0dXJl`);
  assert.ok((await values()).includes('a JWT (its signature is not verified), pasted'));
  const token = await cmd('command: IMS token request').textContent();
  assert.match(token, /^curl -X POST 'https:\/\/ims-na1\.adobelogin\.com\/ims\/exchange\/jwt'/);
  assert.ok(token.includes('"jwt_token=$IMS_JWT"') && token.includes(`'client_id=${CLIENT_ID}'`), token);
  assert.equal(await page.locator('#jwt-result').textContent(), '', 'no JWT until asked');
  // The key pair generated by the earlier test signs it.
  await page.getByRole('button', { name: 'Sign a JWT for this cURL' }).click();
  const line = await cmd('command: export this signed JWT').textContent();
  assert.match(line, /^export IMS_JWT='[\w-]+\.[\w-]+\.[\w-]+'$/);
  const claims = JSON.parse(Buffer.from(line.split('.')[1], 'base64url').toString());
  assert.equal(claims.aud, aud);
  assert.ok(claims.exp > Date.now() / 1000, 'a fresh exp');
  await page.getByRole('button', { name: 'Hide the JWT' }).click();
  assert.equal(await page.locator('#jwt-result').textContent(), '');
  assert.deepEqual(offline(), []);
});

test('www inspector names what is wrong with unreadable input', async () => {
  const alert = page.locator('#inspect-error');
  await inspect('{"client": "x",');
  assert.match(await alert.textContent(), /^IMS Link cannot tell what this is: it is not JSON \(/);
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.ok(await page.locator('#inspect-result').isHidden());
  await inspect('{"name": "x"}');
  assert.match(await alert.textContent(), /neither a workspace JSON \(it has no "project"\) nor a JWT payload/);
  await inspect('{"project": {"workspace": {"details": {"credentials": []}}}}');
  assert.match(await alert.textContent(), /^This JSON holds no OAuth Server-to-Server or JWT credential/);
  await inspect('eyJhbGciOiJSUzI1NiJ9.!!!.x');
  assert.match(await alert.textContent(), /not JSON/);
  assert.match(await page.locator('#curl-note').textContent(), /^Inspect a workspace JSON/);
});

test('www inspector opens the downloaded file, and asks which credential when it holds several', async () => {
  const two = JSON.parse(workspaceJson(['target_sdk']));
  const creds = two.project.workspace.details.credentials;
  creds.push({ ...creds[0], id: '9999', name: 'Second OAuth', oauth_server_to_server: { ...creds[0].oauth_server_to_server, client_id: 'fedcba9876543210fedcba9876543210' } });
  const file = { name: '123456-AEMTarget-Production.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(two)) };
  await page.getByLabel('Or open the downloaded .json file').setInputFiles(file);
  await page.locator('#inspect-error').filter({ hasText: 'server-to-server credentials' }).waitFor();
  assert.match(await page.locator('#inspect-error').textContent(), /This file holds 2 server-to-server credentials: "OAuth Server-to-Server" \(OAuth Server-to-Server; Adobe Target\), "Second OAuth" \(OAuth Server-to-Server; Adobe Target\)\. Choose the one connected to Adobe Target\./);
  await page.getByLabel('Credential name or ID (only when the file has several)').fill('Second OAuth');
  await page.getByRole('button', { name: 'Inspect', exact: true }).click();
  const v = await values();
  assert.ok(v.includes('a workspace JSON, the file 123456-AEMTarget-Production.json') && v.includes('fedcba9876543210fedcba9876543210'), v);
  assert.equal(await page.locator('#inspect-error').textContent(), '');
  await page.getByLabel('Credential name or ID (only when the file has several)').fill('');
});

async function violations() {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('www page with findings, the JWT steps and a signed JWT shown has no axe violations', async () => {
  await inspect(JSON.stringify(payload(`https://ims-na1.adobelogin.com/c/${CLIENT_ID}`)));
  await page.getByText('Use my own private key').click();
  await page.getByRole('button', { name: 'Sign a JWT for this cURL' }).click();
  await cmd('command: export this signed JWT').waitFor();
  assert.deepEqual(await violations(), []);
  await inspect(workspaceJson(['openid']));
  await page.getByLabel('Tenant ID (for the Target check)').fill('acme');
  assert.deepEqual(await violations(), []);
  assert.ok(!(await page.locator('main').innerText()).includes('null'), 'no stray text');
  assert.deepEqual(offline(), []);
});
