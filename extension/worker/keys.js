// The key pair: made by the wasm core (WebCrypto underneath), held in session memory.
import * as core from '../pkg/ims_link.js';
import { voided } from './profile.js';
import { broadcast, read, write } from './session.js';

export async function keyPair() {
  const { keyPair: material = null } = await read('keyPair');
  return { type: 'KeyPair', material };
}

/** A new key signs JWTs differently: an earlier IMS pass no longer proves anything. */
async function hold(material) {
  await write({ keyPair: material, ...(await voided(['certificateSha256'])) });
  broadcast({ type: 'ProfileChanged' });
  return { type: 'KeyPair', material };
}

export async function generateKeyPair(options) {
  return hold(await core.generateKeyPair(options ?? undefined, Date.now()));
}

export async function importKeyPair(keyText, certText) {
  return hold(core.importKeyPair(keyText, certText ?? undefined));
}
