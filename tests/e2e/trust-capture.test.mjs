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
