// Runs in a customer site's page, in the page's own world (MAIN), where at.js keeps its settings.
// Serialized by chrome.scripting, so it must be self-contained; the core reads what it returns.

/** Reads at.js's settings where they live (needs activeTab). */
export function atjsSettings() {
  const s = globalThis.targetGlobalSettings ?? {};
  const text = (v) => (typeof v === 'string' ? v.slice(0, 256) : '');
  return { url: location.href, clientCode: text(s.clientCode), serverDomain: text(s.serverDomain), imsOrgId: text(s.imsOrgId), version: text(globalThis.adobe?.target?.VERSION) };
}
