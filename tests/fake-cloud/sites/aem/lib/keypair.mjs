// A self-signed public key certificate, as AEM's "Create certificate" makes one for the
// Developer Console (X.509, RSA 2048, SHA-256, 365 days). Real, so a later test can upload
// it to the fake Console and sign a JWT with the private key.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** { certificate, privateKey } as PEM strings, subject CN = alias. */
export function createKeypair(alias) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-aem-keypair-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-sha256', '-nodes', '-days', '365', '-newkey', 'rsa:2048',
      '-subj', `/CN=${alias.replace(/[/\\=+,]/g, '_')}`, '-keyout', join(dir, 'private.key'), '-out', join(dir, 'certificate_pub.crt')], { stdio: 'ignore' });
    return { certificate: readFileSync(join(dir, 'certificate_pub.crt'), 'utf8'), privateKey: readFileSync(join(dir, 'private.key'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
