// A first-time admin, from an empty profile to both checks passing, doing only what the
// popup's guide says: its links, the page buttons it names, the values it says to type and
// its own buttons. What the admin knows without IMS Link (which Console project, which AEM
// author, which site) is the robot's only other knowledge, and each use of it is counted.
import assert from 'node:assert/strict';
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

const { walk, admin, freshAem, lastAction, SHOTS } = guideKit(() => b);

/** The popup's height and focus at each step of a walk, for the note (the kit asserts ≤ 600 px). */
function report(name, heights) {
  console.log(`${name}: popup height by step (px): ${heights.map((h) => `${h.stage ?? 'done'} ${h.height}${h.focus === 'next' ? '' : ` (focus ${h.focus})`}`).join(', ')}`);
}

test('a first-time admin connects AEM as a Cloud Service with OAuth, guided by the popup alone, done only when AEM\'s own Check Health and Connect pass', async () => {
  freshAem();
  const cred = b.cloud.state.credentials[OAUTH];
  const shot = SHOTS ? { taken: new Set() } : null;
  const { own, axe, guide, trail, heights } = await walk(admin({ project: cred.projectName, credential: 'OAuth Server-to-Server', aem: CLOUD, site: 'wknd' }), shot);
  report('OAuth walk', heights);
  // axe-core finds nothing on the popup at any stage, light or dark.
  assert.deepEqual(axe, { target: [], console: [], 'aem-ims': [], 'aem-target': [], done: [] });
  assert.deepEqual(own.map((t) => t.split(/[,:(]/)[0]), ['Open your project', "Open your AEM author's Tools > Security > Adobe IMS Configurations ", "Open your site's configuration folder"]);
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

test('AEM 6.5 with a Service Account (JWT) and a key pair made by IMS Link: AEM never received the private key, so its own Check Health fails and the guide says why', async () => {
  freshAem();
  const cred = b.cloud.state.credentials[JWT];
  cred.certificates = [];
  const { own, axe, guide, heights } = await walk(admin({ project: cred.projectName, credential: 'Service Account (JWT)', aem: AUTHOR, site: null }), null, {
    until: (g) => g.stages[2]?.status === 'problem',
  });
  report('JWT walk', heights);
  assert.deepEqual(Object.values(axe).flat(), []);
  assert.equal(own.length, 2, own.join(' / '));
  assert.equal(cred.certificates.length, 1, 'the certificate the popup made was uploaded');
  const ims = b.cloud.state.aem.imsConfigs.at(-1);
  assert.equal(ims.authType, 'jwt');
  assert.ok(b.cloud.state.aemSubmissions.some((s) => Object.values(s.fields).includes(cred.clientSecret)), 'AEM received the client secret');
  assert.equal(guide.stages[1].status, 'done', "IMS Link's own JWT check passed with its key pair");
  assert.equal(lastAction('checkHealth')?.ok, false);
  assert.match(guide.stages[2].text, /AEM holds no private key for this configuration's certificate/, guide.stages[2].text);
  assert.doesNotMatch(guide.text, /All four stages are done/);
});
