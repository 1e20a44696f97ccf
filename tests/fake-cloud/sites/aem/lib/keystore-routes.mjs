// The keystore servlet behind pages/keystore.mjs: create the store with a password, then add
// a private key from DER files. AEM checks what a Java KeyStore would: a PKCS#8 key, an X.509
// certificate chain whose first certificate carries that key's public key, and the store's
// password. What AEM's error texts say is G (PAGES.md); that it refuses these cases is I.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { KEYSTORE_PATH, KEYSTORE_POST, keystorePage } from '../pages/keystore.mjs';
import { parseFormBody } from './form-body.mjs';
import { sendHtml } from './html.mjs';

const one = (v) => (Array.isArray(v) ? v[0] : v);

/** The key pair in the DER files, or the error AEM shows. */
export function readDerPair(keyFile, certFile) {
  if (!keyFile?.data?.length) return { error: 'Error: No private key file was given.' };
  if (!certFile?.data?.length) return { error: 'Error: No certificate chain file was given.' };
  let key;
  try {
    key = createPrivateKey({ key: keyFile.data, format: 'der', type: 'pkcs8' });
  } catch {
    return { error: 'Error: The private key file is not a PKCS#8 DER encoded key.' };
  }
  if (key.asymmetricKeyType !== 'rsa') return { error: 'Error: The private key file is not an RSA key.' };
  let cert;
  try {
    // node reads PEM too; a DER import takes DER only.
    if (certFile.data[0] !== 0x30) throw new Error('not DER');
    cert = new X509Certificate(certFile.data);
  } catch {
    return { error: 'Error: The certificate chain file is not a DER encoded X.509 certificate.' };
  }
  if (!cert.checkPrivateKey(key)) return { error: 'Error: The certificate does not match the private key.' };
  return { pair: { certificate: cert.toString(), privateKey: key.export({ type: 'pkcs8', format: 'pem' }) } };
}

export function handleKeystore(req, res, ctx) {
  const { state, url, json } = ctx;
  const path = decodeURIComponent(url.pathname);
  if (req.method === 'GET' && path === KEYSTORE_PATH) return sendHtml(res, keystorePage(state));
  if (req.method !== 'POST' || path !== KEYSTORE_POST) return false;
  const fields = parseFormBody(req.headers['content-type'], ctx.body, { files: true });
  // Recorded without file bytes or passwords' values beyond what a test asserts on.
  state.aemSubmissions.push({ path, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.filename ?? v])) });
  const op = one(fields[':operation']);
  if (op === 'createStore') {
    if (state.aem.keystore) return json(res, 409, { message: 'Error: The key store already exists.' });
    const pw = one(fields.newPassword) ?? '';
    if (!pw) return json(res, 400, { message: 'Error: A password is required.' });
    if (pw !== one(fields.rePassword)) return json(res, 400, { message: 'Error: The passwords do not match.' });
    state.aem.keystore = { password: pw };
    state.aem.actions.push({ action: 'createKeystore' });
    return json(res, 200, { status: 'ok' });
  }
  if (op === 'add') {
    if (!state.aem.keystore) return json(res, 400, { message: 'Error: The key store does not exist. Create it first.' });
    const alias = String(one(fields.newAlias) ?? '').trim();
    if (!alias) return json(res, 400, { message: 'Error: An alias is required.' });
    if (one(fields.keyStorePass) !== state.aem.keystore.password) return json(res, 403, { message: 'Error: The key store password is incorrect.' });
    if (state.aem.keypairs?.[alias]) return json(res, 409, { message: `Error: The alias ${alias} already exists.` });
    const { pair, error } = readDerPair(one(fields.keyFile), one(fields.certChain));
    if (error) return json(res, 400, { message: error });
    state.aem.keypairs = { ...state.aem.keypairs, [alias]: pair };
    state.aem.actions.push({ action: 'addPrivateKey', alias });
    return json(res, 200, { status: 'ok', alias });
  }
  return json(res, 400, { message: `Error: Unknown operation ${op}` });
}
