// The files a key pair is exported as, shared by the popup and the www page (a classic
// script, so the www page can load it from disk). `data(m)` takes generateKeyPair's output.
'use strict';
(() => {
  const fromBase64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const files = {
    certPem: { file: 'certificate_pub.crt', type: 'application/x-x509-ca-cert', what: 'certificate', data: (m) => m.certificate.pem },
    keyPem: { file: 'private.key', type: 'application/x-pem-file', what: 'private key', data: (m) => m.privateKeyPem },
    keyDer: { file: 'private.der', type: 'application/octet-stream', what: 'private key', data: (m) => fromBase64(m.privateKeyDerBase64) },
    certDer: { file: 'certificate_pub.der', type: 'application/x-x509-ca-cert', what: 'certificate', data: (m) => fromBase64(m.certificate.derBase64) },
  };
  /** Saves one export through a temporary link; returns the file name. */
  function save(kind, material) {
    const x = files[kind];
    const url = URL.createObjectURL(new Blob([x.data(material)], { type: x.type }));
    const a = Object.assign(document.createElement('a'), { href: url, download: x.file });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return x.file;
  }
  globalThis.imsLinkKeyFiles = { files, save };
})();
