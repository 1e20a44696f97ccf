// Issue 18, fewer clicks: in the side panel, AEM's own Check Health verdict is read by IMS Link
// itself. The admin clicks "Check Health" and "Check" on AEM's page, as the guide says, and
// the panel shows what AEM answered (passed, or AEM's error with its diagnosis) without any
// click in IMS Link. The panel is the popup's page in its panel mode (harness.mjs openPanel);
// the walk up to AEM's console is the guide's own (guide-kit.mjs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CLOUD, OAUTH } from './fixtures.mjs';
import { guideKit } from './guide-kit.mjs';
import { launch } from './harness.mjs';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

const { walk, admin, freshAem, lastAction, readGuide, doStep, nextStep } = guideKit(() => b);

/** The panel walk up to AEM's console, where the guide asks for AEM's own Check Health; the panel stays open. */
async function toCheckHealth() {
  freshAem();
  await b.worker().evaluate((o) => chrome.permissions.remove({ origins: [`${o}/*`] }), CLOUD);
  const cred = b.cloud.state.credentials[OAUTH];
  const knows = admin({ project: cred.projectName, credential: 'OAuth Server-to-Server', aem: CLOUD, site: 'wknd' });
  const { panel, tab, guide, trail } = await walk(knows, null, {
    mode: 'panel',
    keep: true,
    until: (g) => g.steps.some((s) => s.includes('“Check Health”')),
  });
  assert.equal(guide.button, null, `no IMS Link button to press:\n${trail.join('\n')}`);
  // The admin's clicks in IMS Link from here on, counted in the panel itself.
  await panel.evaluate(() => {
    window.imsLinkClicks = 0;
    document.addEventListener('click', () => { window.imsLinkClicks++; }, true);
  });
  return { panel, tab, guide };
}

/** The admin clicks AEM's own buttons, as the guide names them, and looks at the panel. */
async function checkHealthOnThePage(panel, tab, guide) {
  for (const step of guide.steps) await doStep(tab, panel, step);
  await nextStep(panel, guide);
  return readGuide(panel);
}

test("AEM's Check Health clicked on the page shows in the side panel without a click in IMS Link", async () => {
  const { panel, tab, guide } = await toCheckHealth();
  const g = await checkHealthOnThePage(panel, tab, guide);
  const ims = b.cloud.state.aem.imsConfigs.at(-1);
  assert.deepEqual(lastAction('checkHealth'), { action: 'checkHealth', id: ims.id, ok: true });
  const stage = g.stages.find((s) => s.id === 'aem-ims');
  assert.equal(stage.status, 'done', stage.text);
  assert.match(stage.text, /AEM's own Check Health passed/);
  assert.equal(g.next, 'aem-target', 'the next step is the Target configuration');
  assert.equal(await panel.evaluate(() => window.imsLinkClicks), 0, 'no click in IMS Link');
  await panel.close();
});

test("a failing Check Health: AEM's error shows in the side panel without a click in IMS Link, and the next try is read too", async () => {
  const { panel, tab, guide } = await toCheckHealth();
  // AEM holds another client secret than the profile's (an old one, a typo).
  const ims = b.cloud.state.aem.imsConfigs.find((c) => c.clientId === OAUTH);
  const secret = ims.clientSecret;
  ims.clientSecret = 'p8e-OLDsecret-AEM-still-holds';
  let g = await checkHealthOnThePage(panel, tab, guide);
  assert.equal(lastAction('checkHealth')?.ok, false, 'AEM itself asked IMS and failed');
  let stage = g.stages.find((s) => s.id === 'aem-ims');
  assert.equal(stage.status, 'problem', stage.text);
  assert.match(stage.text, /AEM's Check Health failed/);
  assert.match(stage.text, /client secret does not match this client ID/, stage.text);
  // AEM's own words, behind the disclosure.
  assert.match(stage.text, /Unable to retrieve an access token/, stage.text);
  assert.equal(g.button, null, 'still nothing to press in IMS Link');
  assert.ok(g.watching, 'the panel reads the next try by itself');
  // Fixed in AEM; the admin closes AEM's dialog and runs Check Health again: the panel follows.
  ims.clientSecret = secret;
  await tab.page.getByRole('button', { name: 'Close', exact: true }).click();
  g = await checkHealthOnThePage(panel, tab, g);
  stage = g.stages.find((s) => s.id === 'aem-ims');
  assert.equal(stage.status, 'done', stage.text);
  assert.equal(await panel.evaluate(() => window.imsLinkClicks), 0, 'no click in IMS Link');
  await panel.close();
});
