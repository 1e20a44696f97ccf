// Public key certificates bound to a JWT credential. State keeps them as PEM strings (what
// the fake IMS verifies JWT signatures against); the Console shows fingerprint and expiry.
import { X509Certificate } from 'node:crypto';

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** A PEM string from an uploaded body (PEM/CRT text, or DER bytes as .cer/.der), or null if it is no X.509 certificate. */
export function toPem(body) {
  const text = body.toString('latin1');
  const pem = text.match(PEM)?.[0];
  try {
    const cert = new X509Certificate(pem ?? body);
    return cert.toString().trim();
  } catch {
    return null;
  }
}

/**
 * How the page writes a fingerprint. The default is SHA-1, lower-case hex without colons, as
 * Adobe's aio tooling names the field `certificateFingerprint` (I: the page's own format is not
 * documented); the other variants are G, so the product must read each (PAGES.md).
 */
export const FINGERPRINT_FORMATS = {
  'sha1-hex': (cert) => cert.fingerprint.replaceAll(':', '').toLowerCase(),
  'sha1-colons': (cert) => cert.fingerprint.toUpperCase(),
  'sha256-colons': (cert) => cert.fingerprint256.toUpperCase(),
};

/** What the Console lists for one certificate, its fingerprint written as `format` says. */
export function describe(pem, format = 'sha1-hex') {
  const cert = new X509Certificate(pem);
  return {
    certificateFingerprint: (FINGERPRINT_FORMATS[format] ?? FINGERPRINT_FORMATS['sha1-hex'])(cert),
    notAfter: new Date(cert.validTo).toISOString(),
    subject: cert.subject,
  };
}
