// The JWT route on AEM 6.5 with AEM's own certificate (issue 13, point 3, route A), shared by
// guide-aem-certificate.test.mjs and guide-aem-certificate-gone.test.mjs: each walk takes
// 40-50 s, and node's runner gives a file 180 s in all, so the walks are split over two files.
//
// The admin lets AEM create the key pair in its IMS wizard, IMS Link takes AEM's public key
// and offers it for the Console's "Upload public key", sees it on the credential by its
// fingerprint, and sends the admin back to the same wizard to finish it. IMS Link holds no
// private key on this route, so only AEM's own Check Health (then Connect) proves AEM is
// configured.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { AUTHOR, JWT } from './fixtures.mjs';
import { guideKit } from './guide-kit.mjs';
import { browserPerFile } from './harness.mjs';

/** A browser for the file's tests, and the route's helpers. */
export function aemCertificateKit() {
  const browser = browserPerFile();
  const kit = guideKit(browser);
  const { walk, admin, freshAem, lastAction, uploads } = kit;
  const fingerprint = (pem) => new X509Certificate(pem).fingerprint256;

  /**
   * A fresh JWT credential with no certificate, its page's fingerprints written as `format`;
   * AEM's Download Public Key serves PEM, or DER with `der`.
   */
  function freshCredential(format, der = false) {
    freshAem();
    browser().cloud.state.aem.keypairs = {};
    if (der) browser().cloud.state.aem.publicKeyFormat = 'der';
    else delete browser().cloud.state.aem.publicKeyFormat;
    const cred = browser().cloud.state.credentials[JWT];
    cred.certificates = [];
    if (format) cred.fingerprintFormat = format;
    else delete cred.fingerprintFormat;
    return cred;
  }

  /** The whole walk with one of the plausible formats (G): the Console's fingerprints, AEM's file PEM or DER. */
  function walkTest(format, der) {
    test(`AEM 6.5, Service Account (JWT), AEM's own certificate${format ? ` (Console fingerprints as ${format})` : ''}${der ? ', AEM serving DER' : ''}: done only when AEM's own Check Health and Connect pass`, async () => {
      const cred = freshCredential(format, der);
      const { own, axe, guide, trail } = await walk(admin({ project: cred.projectName, credential: 'Service Account (JWT)', aem: AUTHOR, site: null, certificate: 'aem' }));
      // axe-core finds nothing on the popup at any stage.
      assert.deepEqual(Object.values(axe).flat(), [], JSON.stringify(axe));
      // AEM made the key pair; the certificate on the credential is AEM's, uploaded under AEM's name.
      const aliases = Object.keys(browser().cloud.state.aem.keypairs);
      assert.equal(aliases.length, 1, aliases.join());
      const [alias] = aliases;
      assert.equal(alias, 'ims-link-acme');
      assert.deepEqual(cred.certificates.map(fingerprint), [fingerprint(browser().cloud.state.aem.keypairs[alias].certificate)]);
      assert.equal(uploads.at(-1), 'AEM-Adobe-IMS.crt');
      // The configuration AEM saved signs with that alias, from the same wizard.
      const ims = browser().cloud.state.aem.imsConfigs.at(-1);
      assert.deepEqual([ims.authType, ims.keypairAlias, ims.clientId], ['jwt', alias, JWT]);
      assert.ok(browser().cloud.state.aemSubmissions.some((s) => Object.values(s.fields).includes(cred.clientSecret)), 'AEM received the client secret');
      // The order the route needs: certificate in the wizard, upload, back to the same wizard.
      const at = (re) => trail.findIndex((t) => re.test(t));
      assert.ok(at(/Let AEM create the certificate/) < at(/upload AEM's certificate/i) && at(/upload AEM's certificate/i) < at(/Go back to the tab with AEM's IMS wizard/), trail.join('\n'));
      // IMS Link never claimed its own JWT check on this route: it holds no private key.
      assert.equal(browser().cloud.state.aem.actions.filter((a) => a.action === 'createCertificate').length, 1);
      assert.deepEqual(lastAction('checkHealth'), { action: 'checkHealth', id: ims.id, ok: true });
      assert.equal(lastAction('connectTarget')?.ok, true);
      // AEM 6.5's classic Target dialog was saved as Adobe documents it: IMS, this configuration, REST, at.js.
      const dialog = browser().cloud.state.aemSubmissions.filter((s) => s.fields['./authentication'] !== undefined).at(-1)?.fields ?? {};
      assert.deepEqual([dialog['./authentication'], dialog['./imsConfigId'], dialog['./apiKind'], dialog['./clientlib']], ['ims', ims.id, 'rest', 'atjs']);
      assert.match(guide.text, /AEM's own Check Health got a token from IMS; AEM's own Connect reached Target/);
      // What the admin knew without IMS Link: choosing AEM's certificate, the project (once: for
      // the upload the guide links to the credential's own page, read at the first visit) and
      // the wizard's tab to go back to.
      assert.deepEqual(own.map((t) => t.split(/[,:(.]/)[0]), [
        'Open your project',
        'Generate a key pair here and upload its certificate_pub',
        "Go back to the tab with AEM's IMS wizard",
      ], own.join('\n'));
      assert.ok(trail.some((t) => t.endsWith('Open the credential in the Developer Console')), trail.join('\n'));
    });
  }

  return { browser, kit, fingerprint, freshCredential, walkTest };
}
