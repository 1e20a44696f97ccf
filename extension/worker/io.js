// The browser and network calls the core asks for, each turned into the event that carries its
// result back. A call the browser refuses comes back as that event with an `error`: what to tell
// the admin about it is the core's to say.
import { ext } from '../shared/ext.js';
import { applyActions, snapshotForm } from './aem-page.js';
import { fetchAemFile, readAemResult } from './aem-result.js';
import { runPageSteps } from './page-steps.js';
import { atjsSettings } from './site-page.js';

async function inPage(tabId, func, args = []) {
  const [frame] = await ext.scripting.executeScript({ target: { tabId }, world: 'MAIN', func, args });
  return frame?.result;
}

const why = (err) => String(err?.message ?? err);
// How long the fields a fill wrote stay outlined on the page: long enough to look, short
// enough not to be mistaken for AEM's own validation marks.
const FILLED_OUTLINE_MS = 4000;

const calls = {
  async 'tab-facts'({ tabId, then }) {
    // Both asked at once: the popup's first answer waits for them.
    const [tab, { origins = [] }] = await Promise.all([
      ext.tabs.get(tabId).catch(() => null),
      ext.permissions.getAll().catch(() => ({ origins: [] })),
    ]);
    // The tab's own URL is the truth: the browser shows it only for hosts IMS Link may read,
    // or after the admin clicked the toolbar button on that tab (activeTab).
    return { type: 'TabFacts', tabId, then, url: tab?.url || tab?.pendingUrl || undefined, grantedOrigins: origins };
  },
  async 'open-tabs'({ asked }) {
    const tabs = await ext.tabs.query({}).catch(() => null);
    return { type: 'OpenTabs', asked, open: tabs?.flatMap((t) => (t.id === undefined ? [] : [t.id])) };
  },
  async 'snapshot-form'({ tabId, resume }) {
    try {
      return { type: 'FormSnapshot', tabId, resume, snapshot: await inPage(tabId, snapshotForm) };
    } catch (err) {
      return { type: 'FormSnapshot', tabId, resume, error: why(err) };
    }
  },
  async 'page-url'({ tabId }) {
    try {
      return { type: 'PageUrl', tabId, url: await inPage(tabId, () => location.href) };
    } catch (err) {
      return { type: 'PageUrl', tabId, error: why(err) };
    }
  },
  async 'apply-fill'({ tabId, url, echo, steps }) {
    try {
      return { type: 'FillApplied', tabId, url, echo, results: await inPage(tabId, applyActions, [steps, FILLED_OUTLINE_MS]) };
    } catch (err) {
      return { type: 'FillApplied', tabId, url, echo, error: why(err) };
    }
  },
  async 'apply-undo'({ tabId, steps, notKept }) {
    try {
      return { type: 'UndoApplied', tabId, notKept, results: steps.length ? await inPage(tabId, applyActions, [steps]) : [] };
    } catch (err) {
      return { type: 'UndoApplied', tabId, notKept, error: why(err) };
    }
  },
  async 'read-site-settings'({ tabId }) {
    try {
      return { type: 'SiteSettings', settings: await inPage(tabId, atjsSettings) };
    } catch (err) {
      return { type: 'SiteSettings', error: why(err) };
    }
  },
  async 'read-aem-result'({ tabId, waitMs, refusals }) {
    try {
      return { type: 'AemResultRead', tabId, refusals, page: await inPage(tabId, readAemResult, [waitMs ?? 0]) };
    } catch (err) {
      return { type: 'AemResultRead', tabId, refusals, error: why(err) };
    }
  },
  async 'fetch-aem-folders'({ tabId, url, maxBytes }) {
    // AEM's Target console, read for its folders (src/session/target_folders.rs).
    const file = await inPage(tabId, fetchAemFile, [url, maxBytes]).catch(() => undefined);
    return { type: 'AemFoldersFetched', tabId, url, file };
  },
  async 'run-page-steps'({ tabId, key, echo, steps }) {
    try {
      return { type: 'PageStepsRun', tabId, key, echo, done: await inPage(tabId, runPageSteps, [steps]) };
    } catch (err) {
      return { type: 'PageStepsRun', tabId, key, echo, error: why(err) };
    }
  },
  async 'fetch-aem-certificate'({ tabId, url, fileName }) {
    try {
      return { type: 'AemCertificateFetched', tabId, url, fileName, file: await inPage(tabId, fetchAemFile, [url, 64 * 1024]) };
    } catch (err) {
      return { type: 'AemCertificateFetched', tabId, url, fileName, error: why(err) };
    }
  },
  // A new key pair by the parameters the core names; its private key goes back as PKCS#8.
  async 'make-key'({ echo, name, modulusLength, publicExponent, hash }) {
    try {
      const params = { name, modulusLength, publicExponent: new Uint8Array(publicExponent), hash };
      const pair = await crypto.subtle.generateKey(params, true, ['sign', 'verify']);
      const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
      return { type: 'KeyMade', echo, pkcs8: Array.from(new Uint8Array(pkcs8)) };
    } catch (err) {
      return { type: 'KeyMade', echo, error: why(err) };
    }
  },
  // The IMS check's JWT or a new key's certificate, signed with the key the core read (PKCS#8
  // DER) by the algorithm it names.
  async sign({ echo, algorithm, hash, pkcs8, data }) {
    try {
      const params = { name: algorithm, hash };
      const key = await crypto.subtle.importKey('pkcs8', new Uint8Array(pkcs8), params, false, ['sign']);
      const signature = await crypto.subtle.sign(params, key, new Uint8Array(data));
      return { type: 'Signed', echo, signature: Array.from(new Uint8Array(signature)) };
    } catch (err) {
      return { type: 'Signed', echo, error: why(err) };
    }
  },
  // A check's request, to the Adobe host the core allowed, with the options it set (no
  // cookies, no redirect followed). What the answer means is the core's to say.
  async send({ echo, request, credentials, redirect, timeoutMs, delayMs }) {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const { url, method, headers, body } = request;
      const resp = await fetch(url, { method, headers, body: body ?? undefined, credentials, redirect, signal: abort.signal });
      const response = {
        status: resp.status,
        date: resp.headers.get('date') ?? undefined,
        contentType: resp.headers.get('content-type') ?? undefined,
        body: await resp.text(),
      };
      return { type: 'Answered', echo, response, responseType: resp.type, redirected: resp.redirected };
    } catch {
      return { type: 'Answered', echo, timedOut: abort.signal.aborted };
    } finally {
      clearTimeout(timer);
    }
  },
};

/** Makes the call `io` names and returns the event that reports its result. */
export function call(io) {
  const make = calls[io.do];
  if (!make) throw new Error(`unknown call ${io.do}`);
  return make(io);
}
