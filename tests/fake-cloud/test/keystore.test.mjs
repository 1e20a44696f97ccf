// The fake AEM's keystore servlet: a key store is created with a password, then a private key
// is added from DER files (PKCS#8 key, X.509 certificate) only with that password and only
// when the certificate carries the key's public key; AEM's Check Health then signs with it.
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { fetchFake } from '../client.mjs';
import { startFakeCloud } from '../server.mjs';
import { createState } from '../state.mjs';
import { makeKeyPair } from '../test-keys.mjs';
import { requestToken } from '../sites/aem/lib/adobe-calls.mjs';

const AUTHOR = 'https://author.aem.test';
const PAGE = '/libs/granite/security/content/keystore.html/home/users/system/authentication-service';
const POST = '/home/users/system/authentication-service.ks.json';

let cloud;
before(async () => {
  cloud = await startFakeCloud();
});
after(async () => {
  await cloud.close();
});
beforeEach(() => {
  Object.assign(cloud.state, createState());
});

const der = ({ privateKeyPem, certificatePem }) => ({
  key: createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' }),
  cert: new X509Certificate(certificatePem).raw,
});

function multipart(parts) {
  const boundary = '----fakeKeystore';
  const chunks = [];
  for (const [name, value] of Object.entries(parts)) {
    const file = Buffer.isBuffer(value);
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${name}.der"\r\nContent-Type: application/octet-stream` : ''}\r\n\r\n`, 'latin1'));
    chunks.push(file ? value : Buffer.from(value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(chunks) };
}

const post = (body) => fetchFake(cloud, `${AUTHOR}${POST}`, { method: 'POST', ...body });
const create = (pw, re = pw) => post({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ':operation': 'createStore', newPassword: pw, rePassword: re }).toString() });
const add = (alias, files, pw) => post(multipart({ ':operation': 'add', newAlias: alias, keyFile: files.key, certChain: files.cert, keyStorePass: pw }));

test('the page asks to create the key store first, then offers "Add Private Key from DER file"', async () => {
  let page = await fetchFake(cloud, `${AUTHOR}${PAGE}`);
  assert.match(page.text, /Create KeyStore/);
  assert.doesNotMatch(page.text, /Add Private Key from DER file/);
  assert.equal((await create('s3cret', 'other')).json().message, 'Error: The passwords do not match.');
  assert.equal((await create('s3cret')).status, 200);
  assert.equal((await create('again')).status, 409, 'a second create is refused');
  page = await fetchFake(cloud, `${AUTHOR}${PAGE}`);
  assert.match(page.text, /Add Private Key from DER file/);
  assert.match(page.text, /New Alias[\s\S]*Private Key File[\s\S]*Certificate Chain File[\s\S]*Key Store Password/);
});

test('a PKCS#8 DER key with its DER certificate and the right password is stored under the alias, and AEM signs with it', async () => {
  await create('s3cret');
  const pair = makeKeyPair({ cn: 'ims-link' });
  const res = await add('ims-link-key', der(pair), 's3cret');
  assert.equal(res.status, 200, res.text);
  const stored = cloud.state.aem.keypairs['ims-link-key'];
  assert.ok(new X509Certificate(stored.certificate).checkPrivateKey(createPrivateKey(stored.privateKey)));
  assert.match((await fetchFake(cloud, `${AUTHOR}${PAGE}`)).text, />ims-link-key</);
  // AEM's Check Health now finds a private key for the alias (IMS then judges the certificate).
  const out = await requestToken(cloud.state, { authType: 'jwt', keypairAlias: 'ims-link-key', clientId: 'x', clientSecret: 'y', jwtClaims: '{}' });
  assert.equal(out.reason, undefined);
});

test('a wrong password, a mismatched certificate, a PEM or PKCS#1 key and a missing store are refused with AEM\'s error', async () => {
  const pair = makeKeyPair();
  assert.match((await add('a', der(pair), 'x')).json().message, /does not exist/);
  await create('s3cret');
  assert.equal((await add('a', der(pair), 'wrong')).json().message, 'Error: The key store password is incorrect.');
  const other = makeKeyPair();
  assert.equal((await add('a', { key: der(pair).key, cert: der(other).cert }, 's3cret')).json().message, 'Error: The certificate does not match the private key.');
  assert.match((await add('a', { key: Buffer.from(pair.privateKeyPem), cert: der(pair).cert }, 's3cret')).json().message, /not a PKCS#8 DER/);
  const pkcs1 = createPrivateKey(pair.privateKeyPem).export({ type: 'pkcs1', format: 'der' });
  assert.match((await add('a', { key: pkcs1, cert: der(pair).cert }, 's3cret')).json().message, /not a PKCS#8 DER/);
  assert.match((await add('a', { key: der(pair).key, cert: Buffer.from(pair.certificatePem) }, 's3cret')).json().message, /not a DER encoded X.509/);
  assert.deepEqual(Object.keys(cloud.state.aem.keypairs ?? {}), []);
});
