// Issue 4 end to end: the profile fills itself from Target and Developer Console pages as the
// admin visits them, from a pasted workspace JSON or JWT payload, shows where each value came
// from, asks before replacing a value, clears on request, ignores look-alike pages, and keeps
// every captured value (the client secret above all) inside the browser.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { JWT as JWT_ID, OAUTH as OAUTH_ID } from './fixtures.mjs';
import { launch } from './harness.mjs';
import { sessionKit } from './session-kit.mjs';
import { CONSOLE_ORG_ID, ORG_ID } from '../fake-cloud/state.mjs';

const IMS = 'https://ims-na1.adobelogin.com';
const SCREENSHOT = new URL('../../docs/screenshots/popup-profile.png', import.meta.url).pathname;
const TIME = '\\d{1,2}:\\d{2}(?: [AP]M)?'; // toLocaleTimeString with hour and minute: "10:42" or "10:42 AM"

let b;
const { stored, until, emptyProfile, settled } = sessionKit(() => b);
let oauth;
let jwt;
/** Every console message and uncaught error of every page, the popups included. */
const pageConsole = [];
const watchedPages = [];

before(async () => {
  b = await launch();
  oauth = b.cloud.state.credentials[OAUTH_ID];
  jwt = b.cloud.state.credentials[JWT_ID];
  b.context.on('page', (page) => {
    page.on('framenavigated', (f) => f === page.mainFrame() && watchedPages.push(f.url()));
    page.on('console', (m) => pageConsole.push({ url: page.url(), type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => pageConsole.push({ url: page.url(), type: 'pageerror', text: `${e.message}\n${e.stack}` }));
  });
});
after(async () => {
  await b?.close();
});

const credentialUrl = (c, kind) =>
  `https://developer.adobe.com/console/projects/${CONSOLE_ORG_ID}/${c.projectId}/credentials/${c.credentialId}/details/${kind}`;

/** Field -> value, for the fields that hold one. */
function values(profile) {
  return Object.fromEntries(Object.entries(profile ?? {}).filter(([, s]) => s?.value !== undefined && s?.value !== null).map(([f, s]) => [f, s.value]));
}

/** Waits until the stored profile satisfies `ok`, and returns it. */
async function profileWhere(what, ok) {
  return until(what, async () => {
    const { profile } = await stored();
    return profile && ok(profile) ? profile : null;
  });
}

/** Waits until the element's text is `text` (the popup re-renders on ProfileChanged). */
async function textOf(page, selector, text) {
  const loc = page.locator(selector);
  await until(`${selector} to read ${JSON.stringify(text)}`, async () => (await loc.count()) === 1 && (await loc.textContent()) === text).catch(async (e) => {
    throw new Error(`${e.message}; it reads ${JSON.stringify(await loc.textContent().catch(() => null))}`);
  });
}

/** The source line under a profile row. */
const sourceOf = (popup, field) => popup.locator('.pv-row', { has: popup.locator(`#pv-${field}`) }).locator('.pv-source').textContent();

async function importText(popup, kind, text) {
  await popup.getByText('Paste or load values').click();
  await popup.locator('#paste-kind').selectOption(kind);
  await popup.getByRole('textbox', { name: 'Text to import' }).fill(text);
  await popup.getByRole('button', { name: 'Import', exact: true }).click();
  // The worker's own account of the import, never a bare "Imported." (issue 12).
  await popup.getByRole('status').filter({ hasText: /^From the pasted text(, credential .*)?: took / }).waitFor();
}

/**
 * Opens the OAuth credential page and retrieves the secret if asked: into an empty profile the
 * credential goes by itself (issue 18), no "Accept" click.
 */
async function captureOauth({ retrieve }) {
  const tab = await b.openTab(credentialUrl(oauth, 'oauthservertoserver'));
  await tab.page.getByRole('heading', { name: 'OAuth Server-to-Server' }).waitFor();
  if (retrieve) await tab.page.getByRole('button', { name: 'Retrieve client secret' }).click();
  await profileWhere('the OAuth credential', (p) => p.clientId?.value === OAUTH_ID && p.scopes);
  if (retrieve) await profileWhere('the client secret', (p) => p.clientSecret);
  await settled();
  return tab;
}

test('Target activities and Implementation pages fill tenant, client code and org id; the popup shows each with its page', async () => {
  await emptyProfile();
  const org = b.cloud.state.orgs[ORG_ID];
  org.clientCode = 'acmecode'; // differs from the tenant, so it can only come from the Implementation page
  try {
    const activities = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
    await profileWhere('the tenant', (p) => p.tenant?.value === 'acme');
    await settled();
    assert.deepEqual(values((await stored()).profile), { tenant: 'acme' }, 'the activities page names only the tenant');

    const impl = await b.openTab('https://experience.adobe.com/#/@acme/target/setup/implementation');
    await impl.page.frameLocator('iframe[title="Adobe Target"]').getByText('IMS Organization ID').waitFor();
    const p = await profileWhere('client code and org id', (q) => q.clientCode && q.orgId);
    await settled();
    assert.deepEqual(values((await stored()).profile), { tenant: 'acme', clientCode: 'acmecode', orgId: ORG_ID });
    assert.equal(p.tenant.source.kind, 'page');
    assert.equal(p.tenant.source.url, 'https://experience.adobe.com/#/@acme/target/activities');
    for (const f of ['clientCode', 'orgId']) {
      assert.deepEqual([p[f].source.kind, p[f].source.url], ['page', 'https://experience.adobe.com/#/@acme/target/setup/implementation']);
    }

    const popup = await b.openPopup(impl.tabId);
    for (const [field, value] of [['tenant', 'acme'], ['clientCode', 'acmecode'], ['orgId', ORG_ID]]) {
      await textOf(popup, `#pv-${field}`, value);
      assert.match(await sourceOf(popup, field), new RegExp(`^from the page experience\\.adobe\\.com, ${TIME}`));
    }
    await Promise.all([activities.page.close(), impl.page.close(), popup.close()]);
  } finally {
    org.clientCode = 'acme';
  }
});

test('an OAuth credential page fills the credential; the secret only after "Retrieve client secret", masked until revealed', async () => {
  await emptyProfile();
  const { page, tabId } = await captureOauth({ retrieve: false });
  const { profile } = await stored();
  assert.deepEqual(values(profile), {
    authType: 'oauth',
    clientId: OAUTH_ID,
    technicalAccountId: oauth.technicalAccountId,
    technicalAccountEmail: oauth.technicalAccountEmail,
    orgId: ORG_ID,
    scopes: oauth.scopes,
  }, 'everything but the secret, which the page does not show yet');
  assert.equal(profile.clientSecret ?? null, null);
  assert.ok(!JSON.stringify(await stored()).includes(oauth.clientSecret));

  await page.getByRole('button', { name: 'Retrieve client secret' }).click();
  const withSecret = await profileWhere('the client secret', (p) => p.clientSecret);
  assert.equal(withSecret.clientSecret.value, oauth.clientSecret);
  assert.equal(withSecret.clientSecret.source.url, credentialUrl(oauth, 'oauthservertoserver'));

  const popup = await b.openPopup(tabId); // the Values section opened, as the admin does
  // Taken by itself, then checked with IMS by itself: the credential's stage says so.
  const stage = popup.locator('#guide-stages li[data-stage="console"].done');
  await stage.waitFor();
  assert.match(await stage.textContent(), /IMS accepts it \(IMS Link asked ims-na1\.adobelogin\.com by itself\)/);
  await popup.setViewportSize({ width: 380, height: 600 });
  const shown = {
    authType: 'OAuth Server-to-Server',
    clientId: OAUTH_ID,
    technicalAccountId: oauth.technicalAccountId,
    technicalAccountEmail: oauth.technicalAccountEmail,
    orgId: ORG_ID,
    scopes: oauth.scopes.join(', '),
    clientSecret: '•'.repeat(8),
  };
  for (const [field, text] of Object.entries(shown)) {
    await textOf(popup, `#pv-${field}`, text);
    assert.match(await sourceOf(popup, field), new RegExp(`^from the page developer\\.adobe\\.com, ${TIME}`));
  }
  assert.ok(!(await popup.content()).includes(oauth.clientSecret), 'the masked secret is not in the popup\'s DOM');
  await popup.evaluate(() => document.getElementById('profile-section').scrollIntoView({ block: 'start' }));
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  // Only `./build.sh screenshots` refreshes the README's picture; tests leave the tree alone.
  if (process.env.IMS_LINK_SCREENSHOTS) {
    // The popup's real size, light and dark (never a full-page capture).
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.evaluate(() => document.getElementById('profile-section').scrollIntoView({ block: 'start' }));
    await popup.screenshot({ path: SCREENSHOT });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: SCREENSHOT.replace('.png', '-dark.png') });
    await popup.emulateMedia({ colorScheme: 'light' });
  }

  await popup.getByRole('button', { name: 'Reveal Client secret', exact: true }).click();
  await textOf(popup, '#pv-clientSecret', oauth.clientSecret);
  await popup.getByRole('button', { name: 'Hide Client secret', exact: true }).click();
  await textOf(popup, '#pv-clientSecret', '•'.repeat(8));
  await Promise.all([page.close(), popup.close()]);
});

test('a JWT credential page and its "Generate JWT" tab fill auth type, client id, payload and authorization server', async () => {
  await emptyProfile();
  const { page, tabId } = await b.openTab(credentialUrl(jwt, 'jwt'));
  await page.getByRole('heading', { name: 'Service Account (JWT)' }).waitFor();
  let p = await profileWhere('the JWT credential', (q) => q.clientId?.value === JWT_ID && q.orgId);
  assert.equal(p.authType.value, 'jwt');
  assert.equal(p.technicalAccountId.value, jwt.technicalAccountId);
  assert.equal(p.scopes ?? null, null, 'a JWT credential has no OAuth scopes');

  await page.getByRole('tab', { name: 'Generate JWT' }).click();
  const shownPayload = await page.getByRole('textbox', { name: 'JWT payload' }).inputValue();
  p = await profileWhere('the payload', (q) => q.payload && q.authorizationServer);
  assert.equal(p.authorizationServer.value, IMS);
  assert.deepEqual(JSON.parse(p.payload.value), JSON.parse(shownPayload));
  assert.equal(JSON.parse(p.payload.value).aud, `${IMS}/c/${JWT_ID}`);
  assert.equal(p.payload.source.url, `${credentialUrl(jwt, 'jwt')}/generatejwt`);
  await settled();
  assert.deepEqual((await stored()).pending, [], 'the tab agrees with the details page: no conflict');

  const popup = await b.openPopup(tabId);
  await textOf(popup, '#pv-authType', 'Service Account (JWT)');
  await textOf(popup, '#pv-clientId', JWT_ID);
  await textOf(popup, '#pv-authorizationServer', IMS);
  await textOf(popup, '#pv-payload', p.payload.value);
  assert.match(await sourceOf(popup, 'payload'), new RegExp(`^from the page developer\\.adobe\\.com, ${TIME}`));
  assert.equal(await popup.locator('#pv-scopes').count(), 0, 'no Scopes row for JWT');
  await Promise.all([page.close(), popup.close()]);
});

test('the credential page\'s own "Download JSON" (flat, upper-case keys), pasted into the popup, gives the same values as the page', async () => {
  await emptyProfile();
  const { page, tabId } = await captureOauth({ retrieve: true });
  const fromPage = values((await stored()).profile);
  assert.equal(fromPage.clientSecret, oauth.clientSecret);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download JSON' }).click()]);
  const json = readFileSync(await download.path(), 'utf8');
  await page.close();

  const popup = await b.openPopup(tabId);
  await textOf(popup, '#pv-clientId', OAUTH_ID);
  await popup.getByRole('button', { name: 'Clear profile' }).click();
  await popup.getByRole('button', { name: 'Click again to clear every value' }).click();
  await popup.getByRole('status').filter({ hasText: 'Profile cleared.' }).waitFor();
  assert.deepEqual(values((await stored()).profile), {});

  await importText(popup, 'workspace-json', json);
  const pasted = await stored();
  assert.deepEqual(values(pasted.profile), fromPage, 'value by value');
  assert.deepEqual(pasted.pending, []);
  for (const s of Object.values(pasted.profile).filter(Boolean)) assert.equal(s.source.kind, 'paste');
  await textOf(popup, '#pv-clientId', OAUTH_ID);
  assert.match(await sourceOf(popup, 'clientId'), new RegExp(`^pasted, ${TIME}$`));
  assert.equal(await popup.getByRole('textbox', { name: 'Text to import' }).inputValue(), '', 'the pasted secret does not linger in the box');
  await popup.close();
});

const DIAGNOSES = [
  {
    name: 'an aud naming another client id',
    claims: { aud: `${IMS}/c/ffffffffffffffffffffffffffffffff`, [`${IMS}/s/ent_marketing_sdk`]: true },
    message: `The Client ID ${JWT_ID} differs from the one in the JWT payload's "aud" (ffffffffffffffffffffffffffffffff), and IMS refuses the pair (invalid_client). Use the Client ID and the payload of the same credential.`,
  },
  {
    name: 'a missing Target metascope',
    claims: { aud: `${IMS}/c/${JWT_ID}` },
    message: `The JWT payload lacks the Adobe Target metascope "${IMS}/s/ent_marketing_sdk": true, so IMS refuses the token for Target (invalid_scope). Add the Adobe Target API to the credential in the Developer Console, then copy the payload again.`,
  },
];

for (const { name, claims, message } of DIAGNOSES) {
  test(`a pasted JWT payload with ${name} shows the diagnostic in the popup`, async () => {
    await emptyProfile();
    const { page, tabId } = await b.openTab(credentialUrl(jwt, 'jwt'));
    await profileWhere('the JWT credential', (q) => q.clientId?.value === JWT_ID && q.technicalAccountId);
    await settled();
    await page.close();
    const popup = await b.openPopup(tabId);
    await textOf(popup, '#pv-clientId', JWT_ID);
    const findings = popup.getByRole('list', { name: 'Checks on the profile' });
    assert.equal(await findings.getByText(message, { exact: false }).count(), 0, 'not before the paste');
    const payload = JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 86_400, iss: ORG_ID, sub: jwt.technicalAccountId, ...claims }, null, 2);
    await importText(popup, 'payload', payload);
    const item = findings.getByRole('listitem').filter({ hasText: message });
    await item.waitFor();
    assert.equal(await item.textContent(), `Problem ${message}`);
    assert.equal((await stored()).profile.clientId.value, JWT_ID, 'the page\'s client id stays');
    await popup.close();
  });
}

test('a Client ID typed over the page\'s makes the page another credential: one decision, Switch takes the page\'s credential whole', async () => {
  await emptyProfile();
  const first = await captureOauth({ retrieve: true });
  await first.page.close();
  const typed = '00112233445566778899aabbccddeeff';

  const popup = await b.openPopup(first.tabId);
  await textOf(popup, '#pv-clientId', OAUTH_ID);
  await popup.getByRole('button', { name: 'Edit Client ID', exact: true }).click();
  await popup.getByRole('textbox', { name: 'Client ID value' }).fill(typed);
  await popup.getByRole('button', { name: 'Save Client ID', exact: true }).click();
  await textOf(popup, '#pv-clientId', typed);
  assert.match(await sourceOf(popup, 'clientId'), new RegExp(`^typed by you, ${TIME}$`));
  assert.equal((await stored()).profile.clientId.source.kind, 'typed');

  const again = await b.openTab(credentialUrl(oauth, 'oauthservertoserver'));
  await again.page.getByText(OAUTH_ID).waitFor();
  await until('the other credential to wait', async () => ((await stored()).switch ? true : null));
  await settled();
  const now = await stored();
  assert.equal(now.profile.clientId.value, typed, 'the typed value is kept until the admin decides');
  assert.deepEqual(now.pending ?? [], [], 'no field-by-field choice');

  const box = popup.getByRole('group', { name: "Another credential than the profile's" });
  await box.waitFor();
  assert.equal(await popup.locator('input[type=checkbox]').count(), 0, 'no tick box anywhere');
  assert.match(await box.textContent(), new RegExp(`Profile: OAuth Server-to-Server, Client ID ${typed}`));
  assert.match(await box.textContent(), new RegExp(`Just read: OAuth Server-to-Server, Client ID ${OAUTH_ID}`));
  await popup.getByRole('button', { name: 'Switch to this credential' }).click();
  await popup.getByRole('status').filter({ hasText: 'Switched the profile to this credential.' }).waitFor();
  await textOf(popup, '#pv-clientId', OAUTH_ID);
  assert.match(await sourceOf(popup, 'clientId'), new RegExp(`^from the page developer\\.adobe\\.com, ${TIME}$`));
  await box.waitFor({ state: 'hidden' });
  const after = await stored();
  assert.equal(after.profile.clientId.value, OAUTH_ID);
  assert.equal(after.profile.clientId.source.kind, 'page');
  // The secret held went with the old credential: the page has not shown this one's yet.
  assert.equal(after.profile.clientSecret ?? null, null);
  assert.deepEqual(after.pending, []);
  await Promise.all([again.page.close(), popup.close()]);
});

test('an OAuth profile on a JWT credential\'s page: "Switch to this credential" or "Keep the current one", never a mix of the two', async () => {
  await emptyProfile();
  const first = await captureOauth({ retrieve: true });
  await first.page.close();
  const before = values((await stored()).profile);

  const { page, tabId } = await b.openTab(credentialUrl(jwt, 'jwt'));
  await page.getByRole('heading', { name: 'Service Account (JWT)' }).waitFor();
  await until('the JWT credential to wait', async () => ((await stored()).switch ? true : null));
  await settled();
  assert.deepEqual(values((await stored()).profile), before, 'nothing of the JWT credential entered the profile');
  const popup = await b.openPopup(tabId, { expand: false });
  // The guide's question of the moment, in the next-step box, with its one button.
  const next = popup.locator('.next');
  await next.getByRole('group', { name: "Another credential than the profile's" }).waitFor();
  assert.match(await popup.locator('#next-text').textContent(), /^IMS Link read another credential than the profile's\. Switch to it/);
  // The two credentials, named once, in the box.
  assert.match(await next.getByRole('group', { name: "Another credential than the profile's" }).textContent(),
    new RegExp(`Profile: OAuth Server-to-Server, Client ID ${OAUTH_ID}[\\s\\S]*Just read: Service Account \\(JWT\\), Client ID ${JWT_ID}`));
  assert.equal(await popup.locator('#next-action').getByRole('button', { name: 'Switch to this credential' }).isVisible(), true);
  assert.equal(await next.getByRole('button', { name: 'Keep the current one' }).isVisible(), true);
  await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  assert.equal(await popup.locator('input[type=checkbox]').count(), 0, 'no tick box per value anywhere');

  await next.getByRole('button', { name: 'Keep the current one' }).click();
  await popup.getByRole('status').filter({ hasText: 'Kept the current credential.' }).waitFor();
  // The page keeps showing the JWT credential (its "Generate JWT" tab too): not asked again, nothing mixed in.
  await page.getByRole('tab', { name: 'Generate JWT' }).click();
  await page.waitForTimeout(800);
  await settled();
  let now = await stored();
  assert.equal(now.switch ?? null, null);
  assert.deepEqual(values(now.profile), before, 'the OAuth credential, whole');
  await popup.close();

  // Seen again after the profile's own page: asked again; this time the admin switches.
  const own = await b.openTab(credentialUrl(oauth, 'oauthservertoserver'));
  await own.page.getByText(OAUTH_ID).waitFor();
  await settled();
  await own.page.close();
  await page.reload();
  await page.getByRole('heading', { name: 'Service Account (JWT)' }).waitFor();
  await until('the JWT credential to wait again', async () => ((await stored()).switch ? true : null));
  const again = await b.openPopup(tabId, { expand: false });
  await again.locator('#next-action').getByRole('button', { name: 'Switch to this credential' }).click();
  await again.getByRole('status').filter({ hasText: 'Switched the profile to this credential.' }).waitFor();
  now = await stored();
  const p = values(now.profile);
  assert.equal(p.clientId, JWT_ID);
  assert.equal(p.authType, 'jwt');
  assert.equal(p.technicalAccountId, jwt.technicalAccountId);
  assert.equal(p.orgId, ORG_ID);
  // Nothing of the OAuth credential is left to mix with it: its secret and scopes went with it.
  assert.equal(p.clientSecret, undefined);
  assert.equal(p.scopes, undefined);
  assert.equal(p.tenant, before.tenant);
  await Promise.all([page.close(), again.close()]);
});

test('"Clear profile" asks once more, then empties every value', async () => {
  await emptyProfile();
  const target = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  await profileWhere('the tenant', (p) => p.tenant);
  const cred = await captureOauth({ retrieve: true });
  await Promise.all([target.page.close(), cred.page.close()]);
  const popup = await b.openPopup(cred.tabId);
  await textOf(popup, '#pv-clientId', OAUTH_ID);
  await textOf(popup, '#pv-tenant', 'acme');

  await popup.getByRole('button', { name: 'Clear profile' }).click();
  assert.equal((await stored()).profile.clientSecret.value, oauth.clientSecret, 'one click clears nothing');
  await popup.getByRole('button', { name: 'Click again to clear every value' }).click();
  await popup.getByRole('status').filter({ hasText: 'Profile cleared.' }).waitFor();
  const { profile, pending, notices } = await stored();
  assert.deepEqual(values(profile), {});
  assert.deepEqual([pending, notices], [[], []]);
  const everything = await b.worker().evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
  assert.ok(!everything.includes(oauth.clientSecret), 'no storage.session key holds the secret');
  await textOf(popup, '#pv-clientId', '—');
  const shown = await popup.locator('.pv-value').allTextContents();
  assert.ok(shown.length >= 10 && shown.every((t) => t === '—'), `every row is empty: ${shown}`);
  assert.equal(await popup.locator('.pv-source').filter({ hasText: /\S/ }).count(), 0, 'no source lines left');
  assert.equal(await popup.locator('#profile-view').getByRole('button', { name: /^(Reveal|Copy) / }).count(), 0, 'nothing to reveal or copy');
  await popup.getByRole('button', { name: 'Clear profile' }).waitFor();
  await popup.close();
});

/** Isolated worlds IMS Link's content script runs in on `page`. */
async function contentScriptWorlds(page) {
  const cdp = await b.context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const mine = contexts.filter((c) => c.origin === `chrome-extension://${b.extensionId}` && c.auxData?.type === 'isolated');
  return { cdp, mine };
}

test('a look-alike Console page on another host gets nothing into the profile, and forged snapshots are refused', async () => {
  await emptyProfile();
  const fake = await b.openTab('https://www.example.test/console/credential.html');
  await fake.page.getByText('p8e-IMPOSTORsecret0123456789abcdef').waitFor();
  const fakeWorlds = await contentScriptWorlds(fake.page);
  assert.deepEqual(fakeWorlds.mine, [], 'no content script runs on the look-alike');
  // Mutations would trigger a snapshot if a content script were there.
  await fake.page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'changed' })));
  await new Promise((r) => setTimeout(r, 1000));
  // The page itself cannot reach the worker: no externally_connectable.
  const fromPage = await fake.page.evaluate(async (id) => {
    if (!globalThis.chrome?.runtime?.sendMessage) return 'no chrome.runtime';
    try {
      return JSON.stringify(await chrome.runtime.sendMessage(id, { type: 'PageSnapshot', snapshot: { url: location.href, headings: [], pairs: [] } }));
    } catch (e) {
      return `threw: ${e.message}`;
    }
  }, b.extensionId);
  assert.match(fromPage, /^(no chrome\.runtime|threw: )/);
  assert.equal((await stored()).profile ?? null, null, `nothing captured (page got: ${fromPage})`);

  const pairs = [{ label: 'Client ID', value: '0f0e0d0c0b0a09080706050403020100' }, { label: 'Client secret', value: 'p8e-IMPOSTORsecret0123456789abcdef' }];
  // A real Console page's content script world: it may only report its own page's address.
  const real = await b.openTab(credentialUrl(oauth, 'oauthservertoserver'));
  // Into the empty profile the real page's credential goes by itself (issue 18).
  await until('the real page', async () => (await stored()).profile?.clientId?.value === OAUTH_ID);
  await settled();
  const { cdp, mine } = await contentScriptWorlds(real.page);
  assert.equal(mine.length, 1, 'the content script runs on the real Console');
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: mine[0].id,
    awaitPromise: true,
    returnByValue: true,
    expression: `chrome.runtime.sendMessage(${JSON.stringify({
      type: 'PageSnapshot',
      snapshot: { url: 'https://www.example.test/console/projects/1/2/credentials/3/details/oauthservertoserver', headings: ['OAuth Server-to-Server'], pairs },
    })})`,
  });
  assert.deepEqual([result.value?.type, result.value?.problem?.code], ['Refused', 'url-mismatch']);
  // Nor can a content script read what the worker holds: session storage is for IMS Link's own pages.
  const { result: peek } = await cdp.send('Runtime.evaluate', {
    contextId: mine[0].id,
    awaitPromise: true,
    returnByValue: true,
    expression: 'chrome.storage.session.get(null).then((v) => JSON.stringify(v), (e) => `refused: ${e.message}`)',
  });
  assert.match(peek.value, /^refused: /);
  const { result: ask } = await cdp.send('Runtime.evaluate', {
    contextId: mine[0].id, awaitPromise: true, returnByValue: true, expression: 'chrome.runtime.sendMessage({ type: "GetProfile" })',
  });
  assert.deepEqual([ask.value?.type, ask.value?.problem?.code], ['Refused', 'not-from-extension-page']);

  // An IMS Link page is not a page either, whatever address the snapshot claims.
  const popup = await b.openPopup(fake.tabId);
  const replies = await popup.evaluate((pairs) => Promise.all([
    chrome.runtime.sendMessage({ type: 'PageSnapshot', snapshot: { url: 'https://www.example.test/console/credential.html', headings: ['OAuth Server-to-Server'], pairs } }),
    chrome.runtime.sendMessage({ type: 'PageSnapshot', snapshot: { url: 'https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver', headings: ['OAuth Server-to-Server'], pairs } }),
  ]), pairs);
  assert.deepEqual(replies.map((r) => [r.type, r.problem.code]), [['Refused', 'untrusted-page'], ['Refused', 'untrusted-page']]);
  await settled();
  const { profile, taken } = await stored();
  assert.equal(profile.clientId.value, OAUTH_ID, 'only the real page\'s client id got in');
  assert.equal(taken.page, credentialUrl(oauth, 'oauthservertoserver'), 'taken from the real page');
  assert.ok(!JSON.stringify(await stored()).includes('IMPOSTOR') && !JSON.stringify(await stored()).includes('0f0e0d0c'), 'no forged value got in');
  await Promise.all([fake.page.close(), real.page.close(), popup.close()]);
});

test('nothing captured leaves the browser but for IMS Link\'s own IMS check: no secret in any console, only IMS receives it, nothing in local storage', async () => {
  // Make sure both secrets went through the extension in this browser.
  const cred = await captureOauth({ retrieve: true });
  const popup = await b.openPopup(cred.tabId);
  await popup.getByRole('button', { name: 'Reveal Client secret', exact: true }).click();
  await textOf(popup, '#pv-clientSecret', oauth.clientSecret);
  await popup.getByRole('button', { name: 'Copy Client secret from the profile', exact: true }).click();
  await popup.getByRole('status').filter({ hasText: 'Copied Client secret.' }).waitFor();
  await Promise.all([cred.page.close(), popup.close()]);

  const secrets = [oauth.clientSecret, jwt.clientSecret];
  const consoles = [...b.workerConsole.map((m) => ({ url: 'service worker', ...m })), ...pageConsole];
  assert.ok(watchedPages.some((u) => u.startsWith(`chrome-extension://${b.extensionId}/popup.html`)), 'popups were watched');
  for (const secret of secrets) {
    assert.deepEqual(consoles.filter((m) => m.text.includes(secret)), [], 'no console line holds a secret');
  }
  // A complete credential is checked with IMS by itself (issue 18): the token endpoint of
  // Adobe's IMS is the one place a secret goes, in the body of a POST.
  const carrying = b.cloud.requests.filter((r) => secrets.some((s) => `${r.path}${r.search}\n${JSON.stringify(r.headers)}\n${r.body}`.includes(s)));
  assert.ok(carrying.length >= 1, 'IMS Link checked the captured credential with IMS');
  assert.deepEqual([...new Set(carrying.map((r) => `${r.method} ${r.host}${r.path}${r.search}`))], ['POST ims-na1.adobelogin.com/ims/token/v3']);
  assert.ok(carrying.every((r) => !secrets.some((s) => `${r.path}${r.search}${JSON.stringify(r.headers)}`.includes(s))), 'never in an address or a header');
  const secretCalls = b.cloud.requests.filter((r) => r.path.endsWith('/secrets'));
  assert.ok(secretCalls.length >= 1);
  assert.deepEqual([...new Set(secretCalls.map((r) => `${r.method} ${r.host}${r.path}`))],
    [`POST developer.adobe.com/console/api/organizations/${CONSOLE_ORG_ID}/projects/${oauth.projectId}/credentials/${oauth.credentialId}/secrets`]);
  // Capturing calls no other Adobe API: Target's API and staging IMS saw nothing.
  const toApis = b.cloud.requests.filter((r) => ['ims-na1-stg1.adobelogin.com', 'mc.adobe.io'].includes(r.host));
  assert.deepEqual(toApis, []);
  assert.deepEqual(await b.worker().evaluate(() => chrome.storage.local.get(null)), {});
});

test('a customer site running at.js gives its client code, read from the page world', async () => {
  await emptyProfile();
  const site = await b.openTab('https://www.acme-shop.test/');
  await b.clickAction(site.page);
  const popup = await b.openPopup(site.tabId);
  await popup.getByRole('button', { name: "Read the client code from this site's at.js" }).click();
  await popup.getByText('Read the client code from this site.').waitFor();
  const { profile } = await stored();
  assert.equal(profile.clientCode.value, 'acme');
  assert.equal(profile.clientCode.source.url, 'https://www.acme-shop.test/');
  await Promise.all([site.page.close(), popup.close()]);
});
