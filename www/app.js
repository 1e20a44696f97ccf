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
  let material = null;
  async function generate() {
    const out = $('keys-result');
    out.classList.remove('problem');
    $('generate').disabled = true;
    out.textContent = 'Generating…';
    try {
      const options = { commonName: $('cn').value || undefined, validityDays: Number($('validity-days').value) };
      material = await core.generateKeyPair(options, Date.now());
      const c = material.certificate;
      out.textContent = `Ready: ${c.subject}, valid until ${c.notAfterRfc3339}, SHA-256 ${c.sha256Fingerprint}`;
    } catch (err) {
      out.classList.add('problem');
      out.textContent = err.message;
    } finally {
      $('generate').disabled = false;
      $('keys-files').hidden = !material;
    }
  }
  $('generate').addEventListener('click', generate);
  document.querySelectorAll('[data-export]').forEach((b) =>
    b.addEventListener('click', () => globalThis.imsLinkKeyFiles.save(b.dataset.export, material)));

  $('tenant-read').addEventListener('click', readTenant);
  $('tenant-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') readTenant();
  });
})();
