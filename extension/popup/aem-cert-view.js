// AEM's own certificate (JWT with AEM's key pair): "Take AEM's certificate" asks the worker to
// read it from the IMS wizard in this tab (the core checks and keeps it); the download offers
// it under the name AEM gave it, for the Developer Console's "Upload public key".
import { $, busy, send, status } from './shared.js';

/** @type {{ pem: string, fileName: string, alias?: string, notAfter: number, sha1Fingerprint: string } | null} */
let cert = null;

export function wireAemCertificate(tabId, refresh) {
  $('take-aem-cert').addEventListener('click', () => busy($('take-aem-cert'), async () => {
    status("Taking AEM's certificate…");
    const reply = await send({ type: 'ReadAemResult', tabId });
    status(reply?.type === 'Refused' ? reply.problem.message : "Took AEM's certificate; upload it to the credential.");
    refresh();
  }));
  $('aem-cert-download').addEventListener('click', () => {
    if (!cert) return;
    const url = URL.createObjectURL(new Blob([cert.pem], { type: 'application/x-x509-ca-cert' }));
    Object.assign(document.createElement('a'), { href: url, download: cert.fileName }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status(`Saved ${cert.fileName}.`);
  });
}

/** AEM's certificate from the popup's one request (none: the section hides). */
export function showAemCertificate(c) {
  cert = c ?? null;
  $('aem-cert').hidden = !cert;
  if (!cert) return;
  $('aem-cert-alias').textContent = cert.alias ?? '—';
  $('aem-cert-expires').textContent = new Date(cert.notAfter * 1000).toLocaleDateString(undefined, { dateStyle: 'long' });
  $('aem-cert-sha1').textContent = cert.sha1Fingerprint;
  $('aem-cert-download').textContent = `Download ${cert.fileName}`;
}
