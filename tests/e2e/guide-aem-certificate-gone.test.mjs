// JWT on AEM 6.5 with AEM's own certificate: the third walk, and AEM's certificate taken off
// the credential after IMS Link saw it (tests/e2e/aem-certificate-kit.mjs holds the route's
// helpers and says why the walks are in two files).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUTHOR } from './fixtures.mjs';
import { aemCertificateKit } from './aem-certificate-kit.mjs';
import { makeKeyPair } from '../fake-cloud/test-keys.mjs';

const { browser, kit, fingerprint, freshCredential, walkTest } = aemCertificateKit();
const { walk, admin, lastAction } = kit;

walkTest('sha256-colons', false);

test('AEM\'s certificate no longer on the credential: AEM\'s own Check Health fails, and the guide shows its diagnosis and does not say done', async () => {
  const cred = freshCredential(null);
  const other = makeKeyPair({ cn: 'someone-else', days: 30 }).certificatePem;
  const { guide } = await walk(admin({ project: cred.projectName, credential: 'Service Account (JWT)', aem: AUTHOR, site: null, certificate: 'aem' }), null, {
    // After IMS Link saw AEM's certificate on the credential, another one replaces it there
    // (a colleague rotating keys): only AEM's own Check Health can notice.
    tamper: (g) => {
      const aem = Object.values(browser().cloud.state.aem.keypairs ?? {})[0]?.certificate;
      if (g.stages[1]?.status === 'done' && aem && cred.certificates.some((c) => fingerprint(c) === fingerprint(aem))) {
        cred.certificates = [other];
      }
    },
    until: (g) => g.stages[2]?.status === 'problem',
  });
  assert.equal(lastAction('checkHealth')?.ok, false, 'AEM itself asked IMS and failed');
  const aemIms = guide.stages[2].text;
  assert.match(aemIms, /AEM's Check Health failed/);
  assert.match(aemIms, /Could not match JWT signature to any of the bindings/, aemIms);
  assert.match(aemIms, /The JWT's signature matches none of the credential's certificates/, aemIms);
  // The fix, said once in the next step, names AEM's certificate, not IMS Link's key pair.
  assert.match(guide.text, /AEM signs its JWT with AEM's certificate “ims-link-acme”/, guide.text);
  assert.doesNotMatch(aemIms + guide.text, /certificate_pub\.crt from IMS Link's key pair/, "the advice fits AEM's certificate, not IMS Link's key pair");
  assert.doesNotMatch(guide.text, /All four stages are done/);
  assert.equal(lastAction('connectTarget'), undefined, 'never sent on to Connect');
});
