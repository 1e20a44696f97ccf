// The popup's guide: gathers what the wasm core needs to decide the four stages and the
// next step for one tab. Only non-secret facts leave here (the popup never needs the secret
// to show the guide; the core only tests whether values are present).
import * as core from '../pkg/ims_link.js';
import { read } from './session.js';

const api = globalThis.browser ?? globalThis.chrome;

/** AEM authors the admin allowed IMS Link on ("Allow on this AEM site"), as origins. */
async function allowedOrigins() {
  const { origins = [] } = await api.permissions.getAll().catch(() => ({}));
  // Granted patterns also hold Adobe's own hosts (manifest, content scripts): not AEM authors.
  const adobe = /(^|\.)(adobe\.com|adobelogin\.com|adobe\.io)$/;
  return origins
    .map((o) => o.replace(/\/\*$/, ''))
    .filter((o) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/.test(o) && !adobe.test(new URL(o).hostname));
}

export async function guide(tabId) {
  const tab = await api.tabs.get(tabId).catch(() => null);
  const url = tab?.url || tab?.pendingUrl || undefined;
  const { profile, keyPair, checks = {}, filled = [], fills = {} } = await read('profile', 'keyPair', 'checks', 'filled', 'fills');
  const here = fills[tabId];
  const input = {
    url,
    profile: profile ?? core.emptyProfile(),
    hasKeyPair: Boolean(keyPair),
    checks,
    filled,
    aemOrigins: await allowedOrigins(),
    // A fill belongs to the page it was made on; after Create or Save the page is another one.
    filledHere: here?.form && here.url === url ? here.form : undefined,
  };
  return { type: 'Guide', guide: core.guide(input, Date.now()) };
}
