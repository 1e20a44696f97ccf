// The standalone tools page: uses the same wasm core as the extension, with no network.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  // wasm-bindgen's classic glue declares `wasm_bindgen` with `let`: global, but not on globalThis.
  const core = wasm_bindgen; // eslint-disable-line no-undef
  core.initSync({ module: globalThis.imsLinkWasmBytes() });
  $('version').textContent = core.version();

  function readTenant() {
    const out = $('tenant-result');
    out.classList.remove('problem');
    try {
      const ids = core.tenantFromText($('tenant-input').value);
      out.textContent = ids.tenant ? `Tenant ID: ${ids.tenant}` : `Client code: ${ids.clientCode}`;
    } catch (err) {
      out.classList.add('problem');
      out.textContent = err.message;
    }
  }
  $('tenant-read').addEventListener('click', readTenant);
  $('tenant-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') readTenant();
  });
})();
