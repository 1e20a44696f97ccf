// Trust: the profile and key pair survive Chrome stopping the idle worker, and no secret,
// key or token ever reaches the disk.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OAUTH } from './fixtures.mjs';
import { launch } from './harness.mjs';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

const send = (page, msg) => page.evaluate((m) => chrome.runtime.sendMessage(m), msg);

async function fillOauthProfile(popup) {
  const secret = b.cloud.state.credentials[OAUTH].clientSecret;
  for (const [field, value] of [['tenant', 'acme'], ['authType', 'oauth'], ['clientId', OAUTH], ['clientSecret', secret],
    ['scopes', b.cloud.state.credentials[OAUTH].scopes.join(',')]]) {
    const reply = await send(popup, { type: 'EditField', field, value });
    assert.equal(reply.type, 'ProfileState', JSON.stringify(reply));
  }
}

test('the profile, key pair and token survive the worker being stopped', async () => {
  const popup = await b.openPopup(1);
  await fillOauthProfile(popup);
  // An OAuth profile offers no key pair card (it needs no key); a key pair held still shows.
  assert.equal((await send(popup, { type: 'GenerateKeyPair', options: { validityDays: 365 } })).type, 'KeyPair');
  await popup.locator('#keys-ready').waitFor();
  const fingerprint = await popup.locator('#cert-sha256').textContent();
  await popup.getByRole('button', { name: 'Check IMS' }).click();
  await popup.locator('#ims-result .check.ok').waitFor();
  await popup.close();

  // stopWorker() returns once chrome://serviceworker-internals shows the worker STOPPED.
  await b.stopWorker();

  // Opening the popup sends messages that wake the worker; nothing was lost.
  const again = await b.openPopup(1);
  await again.locator('#keys-ready').waitFor();
  assert.equal(await again.locator('#cert-sha256').textContent(), fingerprint);
  await again.locator('#ims-result .check.ok').waitFor();
  assert.match(await again.locator('#pv-clientId').textContent(), new RegExp(OAUTH));
  // The token kept in session memory still works for the next step.
  await again.getByRole('button', { name: 'Connect to Target' }).click();
  await again.locator('#target-result .check.ok').waitFor();
  await again.close();
});

test('a message sent while the worker restarts is answered', async () => {
  const popup = await b.openPopup(1);
  await popup.locator('#keys-ready').waitFor();
  await b.stopWorker();
  const reply = await send(popup, { type: 'GetProfile' });
  assert.equal(reply.type, 'ProfileState');
  assert.equal(reply.profile.clientId.value, OAUTH);
  await popup.close();
});

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) yield* files(path);
    else if (st.isFile() && st.size < 50 * 1024 * 1024) yield path;
  }
}

test('no secret, private key or token reaches the disk', async () => {
  const popup = await b.openPopup(1);
  const state = await b.worker().evaluate(async () => (await chrome.storage.session.get('session')).session);
  await popup.close();
  const needles = {
    'client secret': b.cloud.state.credentials[OAUTH].clientSecret,
    'private key (base64 DER)': state.keyPair.privateKeyDerBase64.slice(100, 160),
    'private key (PEM line)': state.keyPair.privateKeyPem.split('\n')[5],
    'access token': state.token.accessToken,
  };
  for (const [what, v] of Object.entries(needles)) assert.ok(v && v.length >= 20, `${what} is known to the test`);
  await b.closeBrowser();
  const found = [];
  for (const file of files(b.userDataDir)) {
    const bytes = readFileSync(file);
    for (const [what, v] of Object.entries(needles)) {
      if (bytes.includes(Buffer.from(v)) || bytes.includes(Buffer.from(v, 'utf16le'))) found.push(`${what} in ${file}`);
    }
  }
  assert.deepEqual(found, []);
});
