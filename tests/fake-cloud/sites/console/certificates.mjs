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

/** What the Console lists for one certificate. Fingerprint: SHA-1, lower-case hex without colons (as `aio console publickey list`). */
export function describe(pem) {
  const cert = new X509Certificate(pem);
  return {
    certificateFingerprint: cert.fingerprint.replaceAll(':', '').toLowerCase(),
    notAfter: new Date(cert.validTo).toISOString(),
    subject: cert.subject,
  };
}
