// The worker's state lives in storage.session: memory only, gone when the browser closes,
// out of reach of content scripts (session storage is for trusted contexts by default), and
// kept across the service worker's restarts.
import { ext as api } from '../shared/ext.js';

export async function read(...keys) {
  return api.storage.session.get(keys);
}

export async function write(values) {
  await api.storage.session.set(values);
}

export async function remove(...keys) {
  await api.storage.session.remove(keys);
}

/** Tells open IMS Link pages that something changed; nobody listening is the normal case. */
export function broadcast(message) {
  api.runtime.sendMessage(message).catch(() => {});
}
