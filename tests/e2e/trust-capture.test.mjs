// Issue 14, finding 3: script on an Adobe page must not fill the profile silently. A
// Developer Console credential page into which a script injected a second, hidden "Client ID /
// Client secret" pair (as an XSS would) says two things about one value: IMS Link takes
// neither and says why.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OAUTH, ORG } from './fixtures.mjs';
import { launch } from './harness.mjs';

const CONSOLE = 'https://developer.adobe.com/console/projects/1234567';
const ATTACKER_ID = 'attacker00000000000000000000000a';
const ATTACKER_SECRET = 'p8e-ATTACKERsecret0000000000000000';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

const profileState = (popup) => popup.evaluate(() => chrome.runtime.sendMessage({ type: 'GetProfile' }));

test('an injected credential pair on a Console page is refused with a notice, and never becomes the profile', async () => {
  const popup = await b.openPopup(1);
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ClearProfile' }));
  const cred = b.cloud.state.credentials[OAUTH];
  const page = await b.context.newPage();
  await page.addInitScript(([id, secret]) => {
    addEventListener('DOMContentLoaded', () => {
      const box = document.createElement('div');
      box.style.display = 'none';
      box.innerHTML = `<div><span>Client ID</span><span>${id}</span></div><div><span>Client secret</span><span>${secret}</span></div>`;
      document.body.prepend(box);
    });
  }, [ATTACKER_ID, ATTACKER_SECRET]);
  await page.goto(`${CONSOLE}/${cred.projectId}/credentials/${cred.credentialId}/details/oauthservertoserver`);
  await page.getByText('Technical account ID').waitFor();
  // The org id is read from the same page: once it is in, the page has been captured.
  for (let i = 0; i < 50; i++) {
    if ((await profileState(popup)).profile.orgId?.value === ORG) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.waitForTimeout(800); // later snapshots (debounced) too
  const state = await profileState(popup);
  assert.equal(state.profile.orgId?.value, ORG, 'the page was read');
  assert.notEqual(state.profile.clientSecret?.value, ATTACKER_SECRET, 'the injected secret became the profile\'s');
  assert.notEqual(state.profile.clientId?.value, ATTACKER_ID, 'the injected client id became the profile\'s');
  assert.ok(state.notices.some((n) => n.code === 'ambiguous-page'), JSON.stringify(state.notices));
  await Promise.all([page.close(), popup.close()]);
});

test('a credential pair on a Console page that does not show its organization waits for the admin\'s yes, which the guide asks for', async () => {
  const popup0 = await b.openPopup(1);
  await popup0.evaluate(() => chrome.runtime.sendMessage({ type: 'ClearProfile' }));
  await popup0.close();
  // A credential page of the Console that shows no credential of its own (one the admin has no
  // access to), into which a script put one.
  const url = `${CONSOLE}/1/2/credentials/3/details/oauthservertoserver`;
  const { page, tabId } = await b.openTab(url);
  await page.evaluate(([id, secret]) => {
    const box = document.createElement('div');
    box.innerHTML = `<div><span>Client ID</span><span>${id}</span></div><div><span>Client secret</span><span>${secret}</span></div>`;
    document.body.append(box);
  }, [ATTACKER_ID, ATTACKER_SECRET]);
  const popup = await b.openPopup(tabId);
  await popup.locator('#captured:not([hidden])').waitFor();
  const state = await profileState(popup);
  assert.equal(state.profile.clientId ?? null, null, 'the client id went into the profile without a yes');
  assert.equal(state.profile.clientSecret ?? null, null, 'the secret went into the profile without a yes');
  const box = await popup.locator('#captured').innerText();
  assert.ok(box.includes(`Captured from ${url}: accept?`), box);
  assert.ok(box.includes(ATTACKER_ID) && !box.includes(ATTACKER_SECRET), 'shows the id, masks the secret');
  // The guide points to it and lends the button.
  assert.match(await popup.locator('#next-text').innerText(), /accept them into the profile/);
  assert.equal(await popup.locator('#next-action button').innerText(), 'Accept both');
  await popup.locator('#discard-captured').click();
  await popup.locator('#captured').waitFor({ state: 'hidden' });
  const after = await profileState(popup);
  assert.equal(after.profile.clientId ?? null, null);
  assert.equal(after.awaiting ?? null, null);
  await Promise.all([page.close(), popup.close()]);
});

test('the admin\'s own credential page into an empty profile: taken by itself, and IMS asked by itself', async () => {
  const popup0 = await b.openPopup(1);
  await popup0.evaluate(() => chrome.runtime.sendMessage({ type: 'ClearProfile' }));
  await popup0.close();
  const cred = b.cloud.state.credentials[OAUTH];
  const { page, tabId } = await b.openTab(`${CONSOLE}/${cred.projectId}/credentials/${cred.credentialId}/details/oauthservertoserver`);
  await page.getByRole('button', { name: 'Retrieve client secret' }).click();
  await page.getByText(cred.clientSecret).waitFor();
  const popup = await b.openPopup(tabId);
  // No "Accept both", no "Check IMS": the guide moved on, IMS's verdict in the credential's stage.
  const stage = popup.locator('#guide-stages li[data-stage="console"].done');
  await stage.waitFor();
  assert.match(await stage.textContent(), /IMS accepts it \(IMS Link asked ims-na1\.adobelogin\.com by itself\)/);
  assert.equal(await popup.locator('#next-action button', { hasText: 'Check IMS' }).count(), 0);
  const state = await profileState(popup);
  assert.equal(state.profile.clientId?.value, OAUTH);
  assert.equal(state.profile.clientSecret?.value, cred.clientSecret);
  assert.equal(state.checks.ims?.ok, true);
  assert.ok(state.taken.text.startsWith(`Took the Client ID ${OAUTH.slice(0, 8)}… and the client secret from developer.adobe.com/console/…/credentials/${cred.credentialId}/details/oauthservertoserver.`), state.taken.text);
  assert.ok(!JSON.stringify(state.taken).includes(cred.clientSecret), 'never the secret');
  // The check went to Adobe's IMS only, once.
  const tokenCalls = b.cloud.requests.filter((r) => r.path === '/ims/token/v3' && r.body?.includes(OAUTH));
  assert.equal(tokenCalls.length, 1, JSON.stringify(tokenCalls.map((r) => r.host)));
  assert.deepEqual([...new Set(tokenCalls.map((r) => r.host))], ['ims-na1.adobelogin.com']);
  await Promise.all([page.close(), popup.close()]);
});

test('what IMS Link took by itself is said on its page with Undo, which makes it wait for the admin\'s yes', async () => {
  const popup0 = await b.openPopup(1);
  await popup0.evaluate(() => chrome.runtime.sendMessage({ type: 'ClearProfile' }));
  await popup0.close();
  const cred = b.cloud.state.credentials[OAUTH];
  const url = `${CONSOLE}/${cred.projectId}/credentials/${cred.credentialId}/details/oauthservertoserver`;
  const { page, tabId } = await b.openTab(url);
  await page.getByRole('button', { name: 'Retrieve client secret' }).waitFor();
  const popup = await b.openPopup(tabId);
  const taken = popup.locator('#taken');
  await taken.waitFor();
  assert.equal(await popup.locator('#taken-text').textContent(),
    `Took the Client ID ${OAUTH.slice(0, 8)}… from developer.adobe.com/console/…/credentials/${cred.credentialId}/details/oauthservertoserver.`);
  await taken.getByRole('button', { name: 'Undo' }).click();
  await popup.locator('#captured:not([hidden])').waitFor();
  await taken.waitFor({ state: 'hidden' });
  const undone = await profileState(popup);
  assert.equal(undone.profile.clientId ?? null, null);
  assert.equal(undone.awaiting.clientId.value, OAUTH);
  await popup.locator('#discard-captured').click();
  await popup.locator('#captured').waitFor({ state: 'hidden' });
  // The page, read again, asks instead of taking.
  await page.reload();
  await page.getByRole('button', { name: 'Retrieve client secret' }).click();
  await page.getByText(cred.clientSecret).waitFor();
  await popup.locator('#captured:not([hidden])').waitFor();
  assert.equal((await profileState(popup)).profile.clientSecret ?? null, null);
  await Promise.all([page.close(), popup.close()]);
});
