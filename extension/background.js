// IMS Link service worker: an effect runner around the wasm core. Each event (a message, an
// alarm) goes to the core with the session held in storage.session; the worker writes
// back what the core returns, performs its effects and makes the one browser or network call
// it asks for (worker/runner.js). It decides nothing itself.
// Listeners are registered synchronously at top level, so an event that wakes the worker is
// never missed; each one awaits the wasm module before using it. None listens to the browser's
// tabs: each of their events would start the worker, wasm and all, for every tab anywhere.
import init, * as core from './pkg/ims_link.js';
import { ext } from './shared/ext.js';
import { CLIPBOARD_ALARM } from './worker/clipboard.js';
import { run } from './worker/runner.js';

// Compiled once per wake, streamed while the file is read. The performance measure is how long
// that took (fetch, compile, instantiate), for ./build.sh bench's worker_cold.
performance.mark('ims-link:wasm-start');
const ready = init({ module_or_path: ext.runtime.getURL('pkg/ims_link_bg.wasm') }).then((wasm) => {
  performance.measure('ims-link:wasm', 'ims-link:wasm-start');
  return wasm;
});
const me = { id: ext.runtime.id, origin: new URL(ext.runtime.getURL('/')).origin };

ext.runtime.onMessage.addListener((raw, sender, sendResponse) => {
  handle(raw, sender).then(sendResponse, (err) => sendResponse(refused(err)));
  return true; // answered asynchronously
});
// The clipboard watch's alarm (worker/clipboard.js): the core says whether to clear.
ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === CLIPBOARD_ALARM) ready.then(() => run({ type: 'ClipboardDue' })).catch(logged);
});
ext.runtime.onInstalled.addListener(() => {
  injectIntoOpenTabs();
});

async function handle(raw, sender) {
  await ready;
  // The browser's own facts about the sender; the core reads the message and decides, first,
  // whether that sender may send it.
  const from = { id: sender.id, url: sender.url, frameId: sender.frameId, tabUrl: sender.tab?.url, tabId: sender.tab?.id };
  return run({ type: 'Received', message: raw, sender: from, me });
}

function refused(err) {
  // Message text comes from Rust and never contains secrets; it helps a developer see refusals.
  logged(err);
  return { type: 'Refused', problem: { code: err.code ?? 'internal', message: err.message } };
}

function logged(err) {
  console.warn(`IMS Link: ${err.message}`);
}

async function injectIntoOpenTabs() {
  const { content_scripts: scripts = [] } = ext.runtime.getManifest();
  for (const cs of scripts) {
    const tabs = await ext.tabs.query({ url: cs.matches });
    for (const tab of tabs) {
      // A tab can close or be a page scripts may not touch; that tab is simply skipped.
      ext.scripting.executeScript({ target: { tabId: tab.id }, files: cs.js }).catch(() => {});
    }
  }
}
