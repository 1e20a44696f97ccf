// Issue 12 point 6 end to end: the Developer Console as public evidence shows it, not as IMS
// Link's code assumed it. Scopes in every list markup become separate scopes; of several client
// secrets the one just retrieved is taken; every download format loads (the credential page's
// own flat upper-case "Download JSON", the workspace's "Download all" with several credentials,
// a credential in migration); and every import says what it took, lacked and refused.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { JWT as JWT_ID, OAUTH as OAUTH_ID } from './fixtures.mjs';
import { launch } from './harness.mjs';
import { sessionKit } from './session-kit.mjs';
import { CONSOLE_ORG_ID, ORG_ID, createState } from '../fake-cloud/state.mjs';

const ANALYTICS_ID = 'c0ffee00c0ffee00c0ffee00c0ffee01';
let b;
const { stored, until, settled } = sessionKit(() => b);
let dir;

before(async () => {
  b = await launch();
  dir = mkdtempSync(join(tmpdir(), 'ims-link-console-'));
});
after(async () => {
  await b?.close();
});
beforeEach(async () => {
  Object.assign(b.cloud.state, createState());
  await b.worker().evaluate(async () => {
    const { session = {} } = await chrome.storage.session.get('session');
    await chrome.storage.session.set({ session: { ...session, profile: undefined, pending: [], notices: [], checks: {}, taken: null, token: null } });
  });
});

const oauth = () => b.cloud.state.credentials[OAUTH_ID];
const credentialUrl = (c, kind = 'oauthservertoserver') =>
  `https://developer.adobe.com/console/projects/${CONSOLE_ORG_ID}/${c.projectId}/credentials/${c.credentialId}/details/${kind}`;

const profileWhere = (what, ok) => until(what, async () => {
  const s = await stored();
  return s.profile && ok(s.profile, s) ? s : null;
});

for (const markup of ['text', 'space', 'tags', 'list', 'groups']) {
  test(`scopes shown as ${markup} are captured one scope each, never run together`, async () => {
    oauth().scopesMarkup = markup;
    const { page } = await b.openTab(credentialUrl(oauth()));
    const s = await profileWhere('the scopes', (p) => p.scopes);
    assert.deepEqual([...s.profile.scopes.value].sort(), [...oauth().scopes].sort());
    await page.close();
  });
}

test("the credential page in Adobe's 2025 layout (rows, tabs, the secret in a table once retrieved) gives every value", async () => {
  const { page } = await b.openTab(credentialUrl(oauth()));
  await page.getByRole('tab', { name: 'Product Profiles' }).waitFor();
  await page.getByRole('button', { name: 'Retrieve client secret' }).click();
  await page.getByRole('columnheader', { name: 'Created' }).waitFor();
  const s = await profileWhere('every value', (p) => p.clientSecret && p.scopes && p.technicalAccountEmail && p.orgId);
  const c = oauth();
  assert.equal(s.profile.clientId.value, OAUTH_ID);
  assert.equal(s.profile.clientSecret.value, c.clientSecret, 'the secret from its table cell');
  assert.deepEqual([...s.profile.scopes.value].sort(), [...c.scopes].sort(), 'the scopes without the link beside them');
  assert.equal(s.profile.technicalAccountId.value, c.technicalAccountId);
  assert.equal(s.profile.technicalAccountEmail.value, c.technicalAccountEmail);
  assert.equal(s.profile.orgId.value, c.orgId);
  await settled();
  assert.deepEqual((await stored()).notices ?? [], [], 'no notice: the tabs beside "Scopes" are not its value');
  await page.close();
});

/** The credential in rotation: an old secret AEM uses, and a new one. */
function rotating() {
  const OLD = 'p8e-OLDsecret0000000000000000000AAA';
  const NEW = 'p8e-NEWsecret0000000000000000000BBB';
  oauth().clientSecrets = [
    { secret: OLD, created: '2025-12-01', lastUsed: '2026-11-30' },
    { secret: NEW, created: '2026-11-30', lastUsed: null },
  ];
  return { OLD, NEW };
}

test('of two client secrets (rotation) the one just retrieved is taken; retrieving the other asks, never replaces silently', async () => {
  const { OLD, NEW } = rotating();
  // One Retrieve per secret is the older page's (G); the 2025 one reveals them all at once.
  oauth().pageLayout = 'panel';
  const { page } = await b.openTab(credentialUrl(oauth()));
  const retrieve = page.getByRole('button', { name: 'Retrieve client secret' });
  await retrieve.nth(1).waitFor();
  assert.equal(await retrieve.count(), 2, 'one Retrieve per secret');
  await retrieve.nth(1).click(); // the new one, taken by itself into the empty profile
  const s = await profileWhere('the new secret', (p) => p.clientSecret);
  assert.equal(s.profile.clientSecret.value, NEW);
  await settled();
  await page.getByRole('button', { name: 'Retrieve client secret' }).first().click(); // now the old one too
  const after = await until('the old secret to wait for a choice', async () => {
    const st = await stored();
    return st.pending?.some((p) => p.conflicts.some((c) => c.field === 'clientSecret')) ? st : null;
  });
  assert.equal(after.profile.clientSecret.value, NEW, 'the held secret stays until the admin ticks the other');
  await page.close();
});

test('two client secrets in the 2025 page\'s table: none is taken blindly; the one the profile holds tells the new one', async () => {
  const { OLD, NEW } = rotating();
  let { page, tabId } = await b.openTab(credentialUrl(oauth()));
  await page.getByRole('button', { name: 'Retrieve client secret' }).click();
  await page.getByRole('cell', { name: NEW }).waitFor();
  const asked = await until('the notice', async () => {
    const st = await stored();
    return st.notices?.some((n) => n.code === 'several-secrets') ? st : null;
  });
  assert.ok(!asked.profile?.clientSecret, 'neither secret taken');
  // With the old one in the profile (the one AEM has), the other is the new one.
  const popup = await b.openPopup(tabId);
  assert.equal((await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'EditField', field: 'clientSecret', value: OLD })).type, 'ProfileState');
  await Promise.all([popup.close(), page.close()]);
  ({ page } = await b.openTab(credentialUrl(oauth())));
  await page.getByRole('button', { name: 'Retrieve client secret' }).click();
  const s = await until('the new secret offered', async () => {
    const st = await stored();
    return st.pending?.some((p) => p.conflicts.some((c) => c.field === 'clientSecret')) ? st : null;
  });
  assert.equal(s.profile.clientSecret.value, OLD, 'the held secret stays until the admin chooses');
  await page.close();
});

test('the credential page\'s own "Download JSON" (flat, upper-case keys) loads through "Load JSON file" with the page\'s values', async () => {
  const { page, tabId } = await b.openTab(credentialUrl(oauth()));
  await page.getByRole('button', { name: 'Retrieve client secret' }).click();
  const fromPage = await profileWhere('the page', (p) => p.clientSecret && p.scopes);
  await settled();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download JSON' }).click()]);
  const file = join(dir, download.suggestedFilename());
  writeFileSync(file, readFileSync(await download.path()));
  assert.ok(JSON.parse(readFileSync(file, 'utf8')).CLIENT_ID, 'the flat upper-case shape');
  const popup = await b.openPopup(tabId);
  await popup.getByRole('button', { name: 'Clear profile' }).click();
  await popup.getByRole('button', { name: 'Click again to clear every value' }).click();
  await popup.getByRole('status').filter({ hasText: 'Profile cleared.' }).waitFor();
  await popup.getByText('Paste or load values').click();
  await popup.locator('#paste-file').setInputFiles(file);
  // The popup's status line (IMS Link's own IMS check shows its verdict as a status too).
  const status = popup.locator('#status');
  await status.filter({ hasText: /^From / }).waitFor();
  assert.equal(await status.textContent(),
    `From ${download.suggestedFilename()}: took Authentication, Client ID, Client secret, Organization ID (AEM: Org ID), Technical account ID, Technical account email, Scopes.`);
  const loaded = await profileWhere('the file', (p) => p.clientSecret);
  const values = (p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v?.value !== undefined).map(([k, v]) => [k, v.value]));
  assert.deepEqual(values(loaded.profile), values(fromPage.profile));
  await Promise.all([popup.close(), page.close()]);
});

/** A second OAuth credential in the acme project, for Analytics, not Target. */
function addAnalyticsCredential() {
  b.cloud.state.credentials[ANALYTICS_ID] = {
    ...structuredClone(oauth()),
    credentialId: '97599',
    name: 'Analytics reporting',
    clientSecret: 'p8e-ANALYTICSsecret00000000000000CCC',
    scopes: ['openid', 'AdobeID', 'read_organizations', 'additional_info.projectedProductContext'],
  };
  oauth().name = 'Target for AEM';
}

async function downloadAll() {
  const { page, tabId } = await b.openTab(`https://developer.adobe.com/console/projects/${CONSOLE_ORG_ID}/${oauth().projectId}/overview`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  return { page, tabId, text, name: download.suggestedFilename() };
}

test('a workspace with two OAuth credentials: the popup lists both (name, kind, services), preselects the Target one, and imports the pick (paste box)', async () => {
  addAnalyticsCredential();
  const { page, tabId, text } = await downloadAll();
  const popup = await b.openPopup(tabId);
  await popup.getByText('Paste or load values').click();
  await popup.locator('#paste-kind').selectOption('workspace-json');
  await popup.getByRole('textbox', { name: 'Text to import' }).fill(text);
  await popup.getByRole('button', { name: 'Import', exact: true }).click();
  const choice = popup.getByRole('group', { name: 'Which credential is for Adobe Target?' });
  await choice.waitFor();
  const target = choice.getByRole('radio', { name: /Target for AEM/ });
  const analytics = choice.getByRole('radio', { name: /Analytics reporting/ });
  assert.equal(await target.isChecked(), true, 'the Target credential is preselected');
  assert.equal(await analytics.isChecked(), false);
  assert.match(await choice.textContent(), /Target for AEM \(OAuth Server-to-Server; Adobe Target\)/);
  assert.match(await choice.textContent(), /Analytics reporting \(OAuth Server-to-Server; no service named\)/);
  assert.equal((await stored()).profile?.clientId, undefined, 'nothing taken before the admin picks');
  await choice.getByRole('button', { name: 'Import this credential' }).click();
  await popup.getByRole('status').filter({ hasText: /^From the pasted text, credential "Target for AEM"/ }).waitFor();
  const s = await profileWhere('the picked credential', (p) => p.clientId);
  assert.equal(s.profile.clientId.value, OAUTH_ID);
  assert.equal(s.profile.clientSecret.value, oauth().clientSecret);
  assert.equal(await choice.count(), 0, 'the list goes once imported');
  await Promise.all([popup.close(), page.close()]);
});

test('"Load JSON file" with two credentials: the admin picks the other one and gets it', async () => {
  addAnalyticsCredential();
  const { page, tabId, text, name } = await downloadAll();
  const file = join(dir, name);
  writeFileSync(file, text);
  const popup = await b.openPopup(tabId);
  await popup.getByText('Paste or load values').click();
  await popup.locator('#paste-file').setInputFiles(file);
  const choice = popup.getByRole('group', { name: 'Which credential is for Adobe Target?' });
  await choice.getByRole('radio', { name: /Analytics reporting/ }).check();
  await choice.getByRole('button', { name: 'Import this credential' }).click();
  await popup.getByRole('status').filter({ hasText: new RegExp(`^From ${name.replace(/\./g, '\\.')}, credential "Analytics reporting"`) }).waitFor();
  const s = await profileWhere('the picked credential', (p) => p.clientId);
  assert.equal(s.profile.clientId.value, ANALYTICS_ID);
  await Promise.all([popup.close(), page.close()]);
});

test('a file that gives nothing usable says what was refused and why, and changes nothing', async () => {
  const file = join(dir, 'broken.json');
  writeFileSync(file, JSON.stringify({ CLIENT_ID: 'my-client', CLIENT_SECRETS: [12345678], ORG_ID: '1234567' }));
  const { page, tabId } = await b.openTab('https://developer.adobe.com/console/projects');
  const popup = await b.openPopup(tabId);
  await popup.getByText('Paste or load values').click();
  await popup.locator('#paste-file').setInputFiles(file);
  // The popup's status line (IMS Link's own IMS check shows its verdict as a status too).
  const status = popup.locator('#status');
  await status.filter({ hasText: /^Nothing usable in broken\.json/ }).waitFor();
  const text = await status.textContent();
  assert.doesNotMatch(text, /^Imported/);
  assert.match(text, /Not taken, Client ID: "my-client" is not 32 hexadecimal characters/);
  assert.match(text, /Not taken, Client secret: the file gives a number, not text/);
  assert.match(text, /Not taken, Organization ID \(AEM: Org ID\): "1234567" does not end in @AdobeOrg/);
  assert.doesNotMatch(text, /12345678/, 'a rejected secret is never shown');
  assert.equal((await stored()).profile?.clientId, undefined);
  await Promise.all([popup.close(), page.close()]);
});

test('a JWT credential in migration (both blocks) gives its OAuth Server-to-Server values and says so', async () => {
  const jwt = b.cloud.state.credentials[JWT_ID];
  jwt.migrating = true;
  jwt.scopes = ['openid', 'AdobeID', 'target_sdk'];
  const { page, tabId } = await b.openTab(`https://developer.adobe.com/console/projects/${CONSOLE_ORG_ID}/${jwt.projectId}/overview`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.equal(JSON.parse(text).project.workspace.details.credentials[0].integration_type, 'oauth_server_to_server_migrate');
  const popup = await b.openPopup(tabId);
  await popup.getByText('Paste or load values').click();
  await popup.getByRole('textbox', { name: 'Text to import' }).fill(text);
  await popup.getByRole('button', { name: 'Import', exact: true }).click();
  await popup.getByRole('status').filter({ hasText: /migrating from JWT\): took/ }).waitFor();
  const s = await profileWhere('the migrating credential', (p) => p.clientId);
  assert.equal(s.profile.authType.value, 'oauth');
  assert.equal(s.profile.clientId.value, JWT_ID);
  assert.deepEqual(s.profile.scopes.value, ['openid', 'AdobeID', 'target_sdk']);
  assert.equal(s.profile.orgId.value, ORG_ID);
  assert.ok(s.notices.some((n) => n.code === 'credential-migrating'));
  await Promise.all([popup.close(), page.close()]);
});
