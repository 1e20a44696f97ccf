// The popup only renders what the worker (and so the wasm core) decided, and copies values.
// Opened as popup.html?tab=<id> it acts on that tab, exactly as on the active tab.
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

const SOURCES = {
  'unified-shell': 'Read from the Target address in Experience Cloud.',
  'legacy-shell': 'Read from the classic Marketing Cloud address.',
  'edge-host': 'Read from the Target edge address: this is the client code.',
  'admin-api': 'Read from the Target Admin API address.',
  typed: 'Typed by you.',
};

async function targetTabId() {
  const fromQuery = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  if (Number.isInteger(fromQuery)) return fromQuery;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function send(message) {
  // A message can arrive while the worker restarts; one retry covers that window.
  try {
    return await api.runtime.sendMessage(message);
  } catch {
    await new Promise((r) => setTimeout(r, 200));
    return api.runtime.sendMessage(message);
  }
}

function render(state) {
  $('loading').hidden = true;
  const ids = state?.ids;
  const problem = state?.problem ?? (state ? null : { message: 'IMS Link could not reach its background worker. Close this popup and open it again.' });
  $('found').hidden = !ids;
  $('problem').hidden = !problem;
  $('problem').textContent = problem?.message ?? '';
  if (!ids) return;
  $('tenant-row').hidden = !ids.tenant;
  $('tenant').value = ids.tenant ?? '';
  $('client-code-row').hidden = !ids.clientCode;
  $('client-code').value = ids.clientCode ?? '';
  const outsideTarget = ids.onTarget ? '' : ' This page is outside Target; the tenant is usually the same one Target uses.';
  $('source').textContent = (SOURCES[ids.source] ?? '') + outsideTarget;
}

async function copy(id, what) {
  const value = $(id).value;
  try {
    await navigator.clipboard.writeText(value);
    $('status').textContent = `Copied ${what} "${value}".`;
  } catch {
    $('status').textContent = `Could not copy: select the ${what} and copy it by hand.`;
  }
}

async function refresh(tabId) {
  render(await send({ type: 'GetTabState', tabId }).catch(() => null));
}

async function main() {
  $('version').textContent = `Version ${api.runtime.getManifest().version}`;
  $('copy-tenant').addEventListener('click', () => copy('tenant', 'tenant ID'));
  $('copy-client-code').addEventListener('click', () => copy('client-code', 'client code'));
  const tabId = await targetTabId();
  if (tabId === undefined) return render({ problem: { message: 'No tab to look at.' } });
  api.runtime.onMessage.addListener((msg) => {
    if (msg?.type === 'TabStateChanged' && msg.tabId === tabId) refresh(tabId);
  });
  await refresh(tabId);
}

main();
