// Content script for Target pages: reports the page address to the worker, on load and on
// every route change (the Unified Shell changes its hash route without reloading).
// It reads nothing else and never loads wasm: the page's CSP could block it here.
(() => {
  if (globalThis.__imsLinkTarget) return; // injected twice (manifest + install-time injection)
  globalThis.__imsLinkTarget = true;
  const api = globalThis.browser ?? globalThis.chrome;
  let last = '';
  const report = () => {
    if (location.href === last) return;
    last = location.href;
    // The worker may be restarting; it also follows the tab's URL itself, so a lost report is harmless.
    api.runtime.sendMessage({ type: 'PageSeen', url: location.href }).catch(() => {});
  };
  report();
  addEventListener('hashchange', report);
  addEventListener('popstate', report);
  // pushState fires no event in this world; the Navigation API sees it where it exists.
  globalThis.navigation?.addEventListener('navigatesuccess', report);
})();
