// Issue 3 end to end: the popup makes the key pair in the worker (wasm + WebCrypto), offers
// every export, keeps the private key in session memory, and independent tools accept it all.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from './harness.mjs';

const AUDIENCE = 'https://ims-na1.adobelogin.com/c/a1b2c3d4e5f60718293a4b5c6d7e8f90';
let b;
let dir;
before(async () => {
  b = await launch();
  dir = mkdtempSync(join(tmpdir(), 'ims-link-keys-'));
});
after(async () => {
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function save(popup, name, file) {
  const [dl] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name }).click()]);
  assert.equal(dl.suggestedFilename(), file);
  const path = join(dir, file);
  await dl.saveAs(path);
  return path;
}

test('Generate key pair shows progress, cannot be clicked twice, and offers every export', async () => {
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const popup = await b.openPopup(tabId);
  await popup.locator('#tenant-row').waitFor();
  await popup.getByRole('button', { name: 'Generate key pair' }).waitFor();
  // The click locks the button at once: a second click in the same moment does nothing.
  const lockedAtOnce = await popup.evaluate(() => {
    const button = document.getElementById('generate');
    button.click();
    const locked = button.disabled;
    button.click();
    return locked;
  });
  assert.equal(lockedAtOnce, true);
  await popup.getByText('Key pair ready.').waitFor();
  assert.equal(await popup.locator('#cert-subject').textContent(), 'CN=IMS Link acme,O=IMS Link');
  assert.match(await popup.locator('#cert-sha256').textContent(), /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

  // SHA-1 as the Developer Console lists a credential's certificates, next to SHA-256.
  assert.match(await popup.locator('#cert-sha1').textContent(), /^[0-9a-f]{40}$/);

  // The certificate is the primary download; the private key is behind its warning.
  const certPem = await save(popup, 'Download certificate_pub.crt', 'certificate_pub.crt');
  assert.equal(await popup.getByRole('button', { name: 'Download private.key' }).isVisible(), false);
  await popup.getByText('Private key', { exact: true }).click();
  await popup.getByText('The private key signs in your name').waitFor();
  const keyPem = await save(popup, 'Download private.key', 'private.key');
  const keyDer = await save(popup, 'Download private key (DER, for AEM)', 'private.der');
  const certDer = await save(popup, 'Download certificate (DER)', 'certificate_pub.der');
  assert.match(readFileSync(certPem, 'utf8'), /^-----BEGIN CERTIFICATE-----\n/);
  assert.match(readFileSync(keyPem, 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
  writeFileSync(join(dir, 'cert.pem'), readFileSync(certPem));
  writeFileSync(join(dir, 'key.pem'), readFileSync(keyPem));
  writeFileSync(join(dir, 'key.der'), readFileSync(keyDer));
  writeFileSync(join(dir, 'cert.der'), readFileSync(certDer));

  // A JWT signed by the wasm build inside Chromium, with the key the popup handed out.
  const payload = JSON.stringify({
    exp: 1, iss: '0123456789ABCDEF01234567@AdobeOrg', sub: 'F1E2D3C4B5A6F7E8D9C0B1A2@techacct.adobe.com',
    'https://ims-na1.adobelogin.com/s/ent_marketing_sdk': true, aud: AUDIENCE,
  });
  // (The extension's worker signs inside its checks; signJwt itself is the www page's export.)
  const www = await b.context.newPage();
  await www.goto(new URL('../../dist/www/index.html', import.meta.url).href);
  await www.waitForLoadState('load');
  // eslint-disable-next-line no-undef
  const token = await www.evaluate(({ payload, key }) => wasm_bindgen.signJwt(payload, key, Date.now()), { payload, key: readFileSync(keyPem, 'utf8') });
  await www.close();
  writeFileSync(join(dir, 'token.txt'), token);
  await Promise.all([page.close(), popup.close()]);
});

test('OpenSSL and PyJWT accept the certificate, the key and the JWT made in Chromium', () => {
  const out = execFileSync('python3', [new URL('../tools/verify_outputs.py', import.meta.url).pathname, dir, AUDIENCE], { encoding: 'utf8' });
  const { checks, claims } = JSON.parse(out);
  assert.deepEqual(Object.values(checks).filter((ok) => !ok), []);
  assert.equal(Object.keys(checks).length, 9);
  const now = Math.floor(Date.now() / 1000);
  assert.ok(claims.exp > now + 200 && claims.exp <= now + 300, `exp ${claims.exp} is now + 300 s`);
});

test('the private key stays in session memory: not in local storage, same key after reopening', async () => {
  const stored = await b.worker().evaluate(async () => ({
    session: Object.keys((await chrome.storage.session.get('session')).session ?? {}),
    local: Object.keys(await chrome.storage.local.get(null)),
  }));
  assert.ok(stored.session.includes('keyPair'), `session holds ${stored.session}`);
  assert.deepEqual(stored.local, []);
  const popup = await b.openPopup(1);
  await popup.locator('#keys-ready').waitFor();
  const fingerprint = await popup.locator('#cert-sha256').textContent();
  const key = readFileSync(join(dir, 'cert.der'));
  const expected = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha256'], { input: key, encoding: 'utf8' });
  assert.equal(`sha256 Fingerprint=${fingerprint}`, expected.trim());
  await popup.close();
});

test('replacing the key pair asks first, and a bad validity is explained', async () => {
  const popup = await b.openPopup(1);
  await popup.locator('#keys-ready').waitFor();
  await popup.getByRole('button', { name: 'Generate a new key pair' }).click();
  await popup.getByRole('button', { name: /^Replace the key pair/ }).waitFor();
  await popup.close();

  await b.worker().evaluate(() => chrome.storage.session.clear());
  const fresh = await b.openPopup(1);
  await fresh.getByLabel('Valid for (days)').fill('5000');
  await fresh.getByRole('button', { name: 'Generate key pair' }).click();
  await fresh.locator('#keys-problem').waitFor();
  assert.match(await fresh.locator('#keys-problem').textContent(), /3650/);
  await fresh.close();
});

test('the admin can use their own key: a mismatched certificate is refused, the right one accepted', async () => {
  const popup = await b.openPopup(1);
  const own = (name) => readFileSync(join(dir, name), 'utf8');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=other',
    '-keyout', join(dir, 'other.key'), '-out', join(dir, 'other.crt')], { stdio: 'ignore' });
  await popup.locator('details.paste summary', { hasText: 'Use my own key' }).click();
  await popup.getByLabel('Private key (PEM)').fill(own('key.pem'));
  await popup.getByLabel('Certificate (PEM), optional').fill(own('other.crt'));
  await popup.getByRole('button', { name: 'Use this key' }).click();
  await popup.locator('#keys-problem').waitFor();
  assert.match(await popup.locator('#keys-problem').textContent(), /do not belong together|does not belong|not the certificate of this key|mismatch/i);
  await popup.getByLabel('Certificate (PEM), optional').fill(own('cert.pem'));
  await popup.getByRole('button', { name: 'Use this key' }).click();
  await popup.getByText('Your key and certificate belong together').waitFor();
  await popup.close();
});
