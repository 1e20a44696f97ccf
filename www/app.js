// The standalone tools page: uses the same wasm core as the extension, with no network.
// Classic scripts (the page also works opened from disk, where modules are blocked): this
// one loads the core and shares it with inspect.js and curl.js through `imsLinkPage`; the
// sections talk through DOM events, so each file stays independent of the others.
'use strict';
(() => {
  /** An element of the page by id, typed as an input (the page's fields and buttons). */
  const $ = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
  // wasm-bindgen's classic glue declares `wasm_bindgen` with `let`: global, but not on globalThis.
  const core = wasm_bindgen; // eslint-disable-line no-undef
  core.initSync({ module: globalThis.imsLinkWasmBytes() });
  $('version').textContent = core.version();

  const { el } = globalThis.imsLinkDom;

  /** Copies a `<pre>`'s text; falls back to selecting it, as clipboard access may be denied on file://. */
  async function copyPre(pre, what, out) {
    try {
      await navigator.clipboard.writeText(pre.textContent);
      out.textContent = `Copied ${what}.`;
    } catch {
      getSelection().selectAllChildren(pre);
      out.textContent = document.execCommand('copy') ? `Copied ${what}.` : `Could not copy ${what}: it is selected, copy it by hand.`;
    }
  }

  /** A command in a `<pre>` with its own Copy button; `out` is where "Copied" is said. */
  function command(text, what, out) {
    const pre = el('pre', { class: 'cmd', 'aria-label': what }, text);
    return [pre, el('button', { type: 'button', class: 'copy', 'aria-label': `Copy ${what}`, onclick: () => copyPre(pre, what, out) }, 'Copy')];
  }

  let material = null;
  const announce = (name, detail) => document.dispatchEvent(new CustomEvent(`ims-link:${name}`, { detail }));
  globalThis.imsLinkPage = { core, $, el, command, keyPair: () => material };

  function readTenant() {
    const out = $('tenant-result');
    out.classList.remove('problem');
    try {
      const ids = core.tenantFromText($('tenant-input').value);
      out.textContent = ids.tenant ? `Tenant ID: ${ids.tenant}` : `Client code: ${ids.clientCode}`;
      if (ids.tenant) announce('tenant', ids.tenant);
    } catch (err) {
      out.classList.add('problem');
      out.textContent = err.message;
    }
  }
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
      announce('keys', material);
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
    b.addEventListener('click', () => globalThis.imsLinkKeyFiles.save(/** @type {HTMLElement} */ (b).dataset.export, material)));

  $('tenant-read').addEventListener('click', readTenant);
  $('tenant-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') readTenant();
  });
})();
