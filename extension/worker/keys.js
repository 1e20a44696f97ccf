// The key pair: made by the wasm core (WebCrypto underneath), held in session memory.
import * as core from '../pkg/ims_link.js';
import { read, write } from './session.js';

export async function keyPair() {
  const { keyPair: material = null } = await read('keyPair');
  return { type: 'KeyPair', material };
}

export async function generateKeyPair(options) {
  const material = await core.generateKeyPair(options ?? undefined, Date.now());
  await write({ keyPair: material });
  return { type: 'KeyPair', material };
}

export async function importKeyPair(keyText, certText) {
  const material = core.importKeyPair(keyText, certText ?? undefined);
  await write({ keyPair: material });
  return { type: 'KeyPair', material };
}
