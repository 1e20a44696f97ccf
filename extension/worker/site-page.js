// Runs in a customer site's page, in the page's own world (MAIN), where at.js lives.
// Serialized by chrome.scripting, so it must be self-contained. It only gathers raw facts,
// bounded; the core (src/capture/atjs.rs) decides what they mean:
// - targetGlobalSettings (an optional override) and adobe.target.VERSION;
// - the addresses the page loaded (resource timing: at.js's delivery requests name the client);
// - each script's address and the end of its text (at.js ends with its init call and settings);
// - the Web SDK's instance names, when the page runs alloy instead of at.js.

/** Reads at.js's facts where they live (needs activeTab). */
export async function atjsSettings() {
  const MAX_RESOURCES = 1000;
  const MAX_SCRIPTS = 100;
  const MAX_FETCHES = 12;
  const TAIL = 65536;
  const text = (v, n = 256) => (typeof v === 'string' ? v.slice(0, n) : '');
  const s = globalThis.targetGlobalSettings ?? {};
  const resources = performance.getEntriesByType('resource').slice(-MAX_RESOURCES).map((e) => text(e.name, 2048));

  /** The end of a script file's text, or '' when the page may not read it (CORS, CSP, slow). */
  async function tailOf(src) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 2000);
    try {
      const r = await fetch(src, { cache: 'force-cache', credentials: 'same-origin', signal: abort.signal });
      return r.ok ? (await r.text()).slice(-TAIL) : '';
    } catch {
      return '';
    } finally {
      clearTimeout(timer);
    }
  }
  const scripts = [...document.scripts].slice(0, MAX_SCRIPTS);
  let fetches = 0;
  const facts = await Promise.all(scripts.map((el) => {
    const src = text(el.src, 2048);
    if (!src) return { src: '', tail: text(el.text, Infinity).slice(-TAIL) };
    if (++fetches > MAX_FETCHES) return { src, tail: '' };
    return tailOf(src).then((tail) => ({ src, tail }));
  }));
  const ns = globalThis.__alloyNS;
  return {
    url: location.href,
    clientCode: text(s.clientCode),
    serverDomain: text(s.serverDomain),
    imsOrgId: text(s.imsOrgId),
    version: text(globalThis.adobe?.target?.VERSION),
    resources,
    scripts: facts,
    alloy: Array.isArray(ns) ? ns.slice(0, 8).map((n) => text(n, 64)) : [],
  };
}
