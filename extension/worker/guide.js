// The popup's guide: gathers what the wasm core needs to decide the four stages and the
// next step for one tab. Only non-secret facts come out (the core only tests whether the
// profile's values are present).
import * as core from '../pkg/ims_link.js';
import { read } from './session.js';

import { ext as api } from '../shared/ext.js';

export async function guide(tabId) {
  const tab = await api.tabs.get(tabId).catch(() => null);
  const { profile, keyPair, checks = {}, filled = [], fills = {}, secretOrigins = [] } = await read('profile', 'keyPair', 'checks', 'filled', 'fills', 'secretOrigins');
  const { origins = [] } = await api.permissions.getAll().catch(() => ({}));
  const here = fills[tabId];
  const input = {
    url: tab?.url || tab?.pendingUrl || undefined,
    profile: profile ?? core.emptyProfile(),
    hasKeyPair: Boolean(keyPair),
    checks,
    filled,
    grantedOrigins: origins,
    secretOrigins, // [issue 14] origins allowed to receive secrets
    fillHere: here?.form ? { form: here.form, url: here.url, consent: here.consent ?? undefined } : undefined,
  };
  return { type: 'Guide', guide: core.guide(input, Date.now()) };
}
