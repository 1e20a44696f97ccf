// IMS Link service worker: routes messages to the worker/ modules, which hold state in
// session memory and ask the wasm core to decide.
// Listeners are registered synchronously at top level, so an event that wakes the worker is
// never missed; each one awaits the wasm module before using it.
import init, * as core from './pkg/ims_link.js';
import { ext as api } from './shared/ext.js';
import { checkIms, checkTarget } from './worker/checks.js';
import { fillForm, forgetSecretOrigin, undoFill } from './worker/fill.js';
import { guide } from './worker/guide.js';
import { generateKeyPair, importKeyPair, keyPair } from './worker/keys.js';
import { clearProfile, editField, importText, pageSnapshot, profileState, readSiteSettings, resolveConflicts } from './worker/profile.js';

const ready = init({ module_or_path: api.runtime.getURL('pkg/ims_link_bg.wasm') });
const me = { id: api.runtime.id, origin: new URL(api.runtime.getURL('/')).origin };

api.runtime.onMessage.addListener((raw, sender, sendResponse) => {
  handle(raw, sender).then(sendResponse, (err) => sendResponse(refused(err)));
  return true; // answered asynchronously
});
api.tabs.onUpdated.addListener((tabId, change) => {
  // Only visible for hosts IMS Link may read; that covers every hash route change there.
  if (change.url) tabChanged(tabId);
});
api.runtime.onInstalled.addListener(() => {
  injectIntoOpenTabs();
});

async function handle(raw, sender) {
  await ready;
  const msg = core.acceptMessage(raw, { id: sender.id, url: sender.url }, me);
  switch (msg.type) {
    case 'PageSeen':
      return tabChanged(sender.tab?.id);
    case 'GetTabState':
      return tabState(msg.tabId);
    case 'PageSnapshot':
      return pageSnapshot(msg.snapshot, sender.tab?.id);
    case 'GenerateKeyPair':
      return generateKeyPair(msg.options);
    case 'GetKeyPair':
      return keyPair();
    case 'ImportKeyPair':
      return importKeyPair(msg.keyText, msg.certText);
    case 'GetProfile':
      return profileState();
    case 'GetGuide':
      return guide(msg.tabId);
    case 'ReadSiteSettings':
      return readSiteSettings(msg.tabId);
    case 'ImportText':
      return importText(msg.kind, msg.text, msg.fileName);
    case 'EditField':
      return editField(msg.field, msg.value);
    case 'ResolveConflicts':
      return resolveConflicts(msg.accept);
    case 'ClearProfile':
      return clearProfile(msg.fields);
    case 'CheckIms':
      return checkIms(msg.timeoutMs);
    case 'CheckTarget':
      return checkTarget(msg.timeoutMs);
    case 'FillForm':
      return fillForm(msg.tabId, msg.confirm, msg.allowOrigin);
    case 'UndoFill':
      return undoFill(msg.tabId);
    case 'ForgetSecretOrigin':
      return forgetSecretOrigin(msg.tabId, msg.origin);
    default:
      throw new Error(`unhandled ${msg.type}`);
  }
}

function refused(err) {
  // Message text comes from Rust and never contains secrets; it helps a developer see refusals.
  console.warn(`IMS Link: ${err.message}`);
  return { type: 'Refused', problem: { code: err.code ?? 'internal', message: err.message } };
}

function tabChanged(tabId) {
  // Nobody listening (popup closed) is the normal case.
  api.runtime.sendMessage({ type: 'TabStateChanged', tabId }).catch(() => {});
  return null;
}

async function tabState(tabId) {
  // The tab's own URL is the truth: the browser shows it only for hosts IMS Link may read,
  // or after the admin clicked the toolbar button on that tab (activeTab).
  const tab = await api.tabs.get(tabId).catch(() => null);
  return core.describeTab(tabId, tab?.url || tab?.pendingUrl || undefined);
}

async function injectIntoOpenTabs() {
  const { content_scripts: scripts = [] } = api.runtime.getManifest();
  for (const cs of scripts) {
    const tabs = await api.tabs.query({ url: cs.matches });
    for (const tab of tabs) {
      // A tab can close or be a page scripts may not touch; that tab is simply skipped.
      api.scripting.executeScript({ target: { tabId: tab.id }, files: cs.js }).catch(() => {});
    }
  }
}
