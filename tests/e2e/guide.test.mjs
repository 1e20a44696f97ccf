// A first-time admin, from an empty profile to both checks passing, doing only what the
// popup's guide says: its links, the page buttons it names, the values it says to type and
// its own buttons. What the admin knows without IMS Link (which Console project, which AEM
// author, which site) is the robot's only other knowledge, and each use of it is counted.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, test } from 'node:test';
import { AUTHOR, CLOUD, JWT, OAUTH } from './fixtures.mjs';
import { guideKit } from './guide-kit.mjs';
import { launch } from './harness.mjs';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

const { walk, admin, freshAem, lastAction, clickLine, SHOTS } = guideKit(() => b);

/** The popup's height and focus at each step of a walk, for the note (the kit asserts ≤ 600 px). */
function report(name, heights) {
  console.log(`${name}: popup height by step (px): ${heights.map((h) => `${h.stage ?? 'done'} ${h.height}${h.focus === 'next' ? '' : ` (focus ${h.focus})`}`).join(', ')}`);
}

test('a first-time admin connects AEM as a Cloud Service with OAuth, guided by the popup alone, done only when AEM\'s own Check Health and Connect pass', async () => {
  freshAem();
  const cred = b.cloud.state.credentials[OAUTH];
  const shot = SHOTS ? { taken: new Set() } : null;
  const { own, axe, guide, trail, heights, clicks } = await walk(admin({ project: cred.projectName, credential: 'OAuth Server-to-Server', aem: CLOUD, site: 'wknd' }), shot);
  report('OAuth walk', heights);
  // The admin's clicks with the toolbar popup, for the note (the side panel's: guide-panel.test.mjs).
  console.log(clickLine('OAuth walk, AEM as a Cloud Service, toolbar popup', clicks));
  // axe-core finds nothing on the popup at any stage, light or dark.
  assert.deepEqual(axe, { target: [], console: [], 'aem-ims': [], 'aem-target': [], done: [] });
  // AEM's Target console lists one site's folder: the guide's link goes there (no folder to pick).
  assert.deepEqual(own.map((t) => t.split(/[,:(]/)[0]), ['Open your project', "Give your AEM author's address"]);
  const ims = b.cloud.state.aem.imsConfigs.at(-1);
  assert.equal(ims.clientId, OAUTH);
  // The guide led to the one yes for this AEM origin (issue 14), so AEM got the secret.
  assert.ok(b.cloud.state.aemSubmissions.some((s) => Object.values(s.fields).includes(cred.clientSecret)), 'AEM received the client secret');
  // AEM itself proved both, server side, and the guide asked for each before saying done.
  assert.deepEqual(lastAction('checkHealth'), { action: 'checkHealth', id: ims.id, ok: true });
  assert.equal(lastAction('connectTarget')?.ok, true);
  assert.ok(trail.some((t) => t.includes('now run Check Health') || t.includes('Check Health”')), trail.join('\n'));
  assert.match(guide.text, /AEM's own Check Health got a token from IMS; AEM's own Connect reached Target/);
  const target = b.cloud.state.aem.targetConfigs.at(-1);
  assert.deepEqual([target.tenant, target.clientCode, target.imsConfigId], ['acme', 'acme', ims.id], 'saved after Connect');
});

test('AEM holding another client secret than the profile: the guide shows AEM\'s Check Health failure with its diagnosis and does not say done', async () => {
  freshAem();
  const cred = b.cloud.state.credentials[OAUTH];
  const { guide, heights } = await walk(admin({ project: cred.projectName, credential: 'OAuth Server-to-Server', aem: CLOUD, site: 'wknd' }), null, {
    // Once AEM holds the configuration, its secret is not the profile's (an old one, a typo).
    tamper: () => {
      const ims = b.cloud.state.aem.imsConfigs.find((c) => c.clientId === OAUTH);
      if (ims) ims.clientSecret = 'p8e-OLDsecret-AEM-still-holds';
    },
    until: (g) => g.stages[2]?.status === 'problem',
  });
  report('OAuth walk, AEM holding another secret', heights);
  assert.equal(lastAction('checkHealth')?.ok, false, 'AEM itself asked IMS and failed');
  const aemIms = guide.stages[2].text;
  assert.match(aemIms, /AEM's Check Health failed/);
  assert.match(aemIms, /client secret does not match this client ID/, aemIms);
  assert.equal(guide.stages[1].status, 'done', "IMS Link's own check passed with the profile");
  assert.doesNotMatch(guide.text, /All four stages are done/);
  assert.equal(guide.button, "Read AEM's result", 'after fixing, Check Health is read again');
});

test('AEM 6.5 with a Service Account (JWT) and a key pair made by IMS Link: the guide puts its private key into AEM\'s keystore, the wizard uses that certificate, and AEM\'s own Check Health and Connect pass', async () => {
  freshAem();
  const cred = b.cloud.state.credentials[JWT];
  cred.certificates = [];
  const { own, axe, guide, trail, heights, clicks } = await walk(admin({ project: cred.projectName, credential: 'Service Account (JWT)', aem: AUTHOR, site: null }));
  report('JWT walk', heights);
  console.log(clickLine('JWT walk, AEM 6.5, toolbar popup', clicks));
  assert.deepEqual(Object.values(axe).flat(), []);
  // The admin's own knowledge: the project, the author, and the key store password they chose
  // (typed twice to create the store, once to add the key), never known to IMS Link.
  assert.deepEqual(own.filter((t) => t.startsWith('type ')), [
    'type a key store password of your own in New Password', 'type the same password in Confirm Password', 'type your key store password in Key Store Password']);
  assert.equal(cred.certificates.length, 1, 'the certificate the popup made was uploaded');
  const ims = b.cloud.state.aem.imsConfigs.at(-1);
  assert.equal(ims.authType, 'jwt');
  assert.match(ims.keypairAlias, /^ims-link-[0-9a-f]{12}$/, 'the wizard used the alias IMS Link proposed');
  // AEM holds IMS Link's key pair under that alias: the same certificate as on the credential.
  const held = b.cloud.state.aem.keypairs[ims.keypairAlias];
  assert.equal(new X509Certificate(held.certificate).fingerprint256, new X509Certificate(cred.certificates[0]).fingerprint256);
  // The key went as a file in AEM's keystore form, nowhere else.
  const upload = b.cloud.state.aemSubmissions.find((s) => s.fields[':operation'] === 'add');
  assert.deepEqual([upload.fields.keyFile, upload.fields.certChain, upload.fields.newAlias], ['private_key.der', 'certificate.der', ims.keypairAlias]);
  assert.ok(b.cloud.state.aemSubmissions.some((s) => Object.values(s.fields).includes(cred.clientSecret)), 'AEM received the client secret');
  assert.deepEqual(lastAction('checkHealth'), { action: 'checkHealth', id: ims.id, ok: true });
  assert.equal(lastAction('connectTarget')?.ok, true);
  // AEM 6.5's classic Target dialog was saved as Adobe documents it: IMS, this configuration, REST, at.js.
  const dialog = b.cloud.state.aemSubmissions.filter((s) => s.fields['./authentication'] !== undefined).at(-1)?.fields ?? {};
  assert.deepEqual([dialog['./authentication'], dialog['./imsConfigId'], dialog['./apiKind'], dialog['./clientlib']], ['ims', ims.id, 'rest', 'atjs']);
  assert.ok(trail.some((t) => t.includes('Add Private Key from DER file')), trail.join('\n'));
  // The key waited for the admin's yes to this author, like the client secret.
  assert.ok(trail.some((t) => t.includes('has not sent the private key yet')), trail.join('\n'));
  assert.match(guide.text, /AEM's own Check Health got a token from IMS; AEM's own Connect reached Target/);
});

test('AEM 6.5 with IMS Link\'s key pair in its keystore but its certificate taken off the credential: AEM\'s Check Health fails, the guide shows why and does not say done', async () => {
  freshAem();
  const cred = b.cloud.state.credentials[JWT];
  cred.certificates = [];
  const { guide } = await walk(admin({ project: cred.projectName, credential: 'Service Account (JWT)', aem: AUTHOR, site: null }), null, {
    // Once AEM holds the key, the certificate is deleted from the credential in the Console.
    tamper: () => {
      if (Object.keys(b.cloud.state.aem.keypairs ?? {}).some((a) => a.startsWith('ims-link-'))) cred.certificates = [];
    },
    until: (g) => g.stages[2]?.status === 'problem',
  });
  assert.equal(lastAction('checkHealth')?.ok, false, 'AEM itself asked IMS and failed');
  const aemIms = guide.stages[2].text;
  assert.match(aemIms, /AEM's Check Health failed/);
  assert.match(aemIms, /Could not match JWT signature to any of the bindings/, aemIms);
  // The fix is said once, in the next step.
  assert.match(guide.text, /Upload certificate_pub\.crt/, guide.text);
  assert.equal(guide.stages[1].status, 'done', "IMS Link's own check passed before the certificate was removed");
  assert.doesNotMatch(guide.text, /All four stages are done/);
});
