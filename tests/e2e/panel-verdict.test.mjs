// Issue 18, fewer clicks: in the side panel, AEM's own Check Health is run and its verdict read
// by IMS Link itself. Once AEM lists the configuration IMS Link filled, IMS Link selects it and
// clicks "Check Health" and "Check" on AEM's page, and the panel shows what AEM answered
// (passed, or AEM's error with its diagnosis) without any click; a next try is the admin's. The panel is the popup's page in its panel mode (harness.mjs openPanel);
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

/**
 * The panel walk up to AEM's console after the admin created the IMS configuration, where IMS
 * Link runs AEM's own Check Health itself; the panel stays open. `tamper` acts on each guide read.
 */
async function toCheckHealth(tamper = null) {
  freshAem();
  await b.worker().evaluate((o) => chrome.permissions.remove({ origins: [`${o}/*`] }), CLOUD);
  const cred = b.cloud.state.credentials[OAUTH];
  const knows = admin({ project: cred.projectName, credential: 'OAuth Server-to-Server', aem: CLOUD, site: 'wknd' });
  const { panel, tab, trail } = await walk(knows, null, {
    mode: 'panel',
    keep: true,
    tamper,
    until: (g) => g.runs || g.next === 'aem-target' || g.stages.some((s) => s.id === 'aem-ims' && s.status === 'problem'),
  });
  // The admin's clicks in IMS Link from here on, counted in the panel itself.
  await panel.evaluate(() => {
    window.imsLinkClicks = 0;
    document.addEventListener('click', () => { window.imsLinkClicks++; }, true);
  });
  return { panel, tab, trail };
}

/** The panel's guide once AEM's verdict about the IMS configuration is in (passed or failed). */
async function verdict(panel) {
  await panel.waitForFunction(() => {
    const stage = document.querySelector('#guide-stages [data-stage="aem-ims"]');
    return /\b(done|problem)\b/.test(stage?.className ?? '') && !document.querySelector('[aria-busy]');
  }, null, { timeout: 90_000 });
  await panel.waitForTimeout(300); // a late ProfileChanged re-render
  return readGuide(panel);
}

test("IMS Link runs AEM's own Check Health in the side panel once AEM lists the configuration: the verdict shows without a click", async () => {
  const { panel, trail } = await toCheckHealth();
  const g = await verdict(panel);
  const ims = b.cloud.state.aem.imsConfigs.at(-1);
  assert.deepEqual(lastAction('checkHealth'), { action: 'checkHealth', id: ims.id, ok: true }, 'AEM itself asked IMS');
  const stage = g.stages.find((s) => s.id === 'aem-ims');
  assert.equal(stage.status, 'done', stage.text);
  assert.match(stage.text, /AEM's own Check Health passed/);
  assert.equal(g.next, 'aem-target', 'the next step is the Target configuration');
  assert.ok(!trail.some((t) => t.includes('On the page, click “Check Health”')), `AEM's buttons were IMS Link's to press:\n${trail.join('\n')}`);
  assert.equal(await panel.evaluate(() => window.imsLinkClicks), 0, 'no click in IMS Link');
  await panel.close();
});

test("a failing Check Health: AEM's error shows in the side panel without a click, and the admin's next try is read too", async () => {
  // IMS no longer takes the secret AEM holds (rotated in the Console after IMS Link's own check
  // passed, before AEM's).
  const cred = b.cloud.state.credentials[OAUTH];
  const secret = cred.clientSecret;
  const { panel, tab } = await toCheckHealth((g) => {
    if (g.text.includes('then save the IMS configuration')) cred.clientSecret = 'p8e-ROTATEDsecret-AEM-does-not-hold';
  });
  let g = await verdict(panel);
  assert.equal(lastAction('checkHealth')?.ok, false, 'AEM itself asked IMS and failed');
  let stage = g.stages.find((s) => s.id === 'aem-ims');
  assert.equal(stage.status, 'problem', stage.text);
  assert.match(stage.text, /AEM's Check Health failed/);
  assert.match(stage.text, /client secret does not match this client ID/, stage.text);
  // AEM's own words, behind the disclosure.
  assert.match(stage.text, /Unable to retrieve an access token/, stage.text);
  assert.equal(g.button, null, 'still nothing to press in IMS Link');
  assert.ok(g.watching && !g.runs, 'the next try is the admin\'s, and the panel reads it by itself');
  // Fixed; the admin closes AEM's dialog and runs Check Health again: the panel follows.
  cred.clientSecret = secret;
  await tab.page.getByRole('button', { name: 'Close', exact: true }).click();
  for (const step of g.steps) await doStep(tab, panel, step);
  await nextStep(panel, g);
  g = await readGuide(panel);
  stage = g.stages.find((s) => s.id === 'aem-ims');
  assert.equal(stage.status, 'done', stage.text);
  assert.equal(await panel.evaluate(() => window.imsLinkClicks), 0, 'no click in IMS Link');
  await panel.close();
});

// How a configuration is selected and where Check Health sits are G (PAGES.md): IMS Link runs it
// on each console variant, and reads the verdict where AEM shows it.
for (const [name, variant] of [
  ['the list view (a select box per row)', { consoleView: 'list' }],
  ['the list with Check Health in each row', { consoleRowButtons: true }],
  ['the verdict as an alert in the "Check" dialog', { healthResult: 'alert' }],
]) {
  test(`IMS Link runs AEM's Check Health itself on ${name}`, async () => {
    Object.assign(b.cloud.state.aem, variant);
    try {
      const { panel } = await toCheckHealth();
      const g = await verdict(panel);
      const stage = g.stages.find((s) => s.id === 'aem-ims');
      assert.equal(stage.status, 'done', stage.text);
      assert.equal(lastAction('checkHealth')?.ok, true);
      assert.equal(await panel.evaluate(() => window.imsLinkClicks), 0, 'no click in IMS Link');
      await panel.close();
    } finally {
      for (const key of Object.keys(variant)) delete b.cloud.state.aem[key];
    }
  });
}

test("a card that is also a link: IMS Link selects it by Coral's own select box, so the tab stays on the console", async () => {
  b.cloud.state.aem.cardNavigator = true;
  try {
    const { panel, tab } = await toCheckHealth();
    const g = await verdict(panel);
    assert.equal(g.stages.find((s) => s.id === 'aem-ims').status, 'done');
    assert.equal(lastAction('checkHealth')?.ok, true);
    assert.match(tab.page.url(), /\/configurations\.html$/, 'the tab was not taken to the card\'s page');
    await panel.close();
  } finally {
    delete b.cloud.state.aem.cardNavigator;
  }
});

// Whether AEM's page takes a script's click is G: where it does not, IMS Link's clicks leave the
// page as it was, and the guide must not go on saying IMS Link runs the check. Once AEM has shown
// nothing for a while, the steps are the admin's, with why; the admin's own clicks are read.
test("a console that takes only a person's click: the steps IMS Link clicked in vain are the admin's again, with why", async () => {
  b.cloud.state.aem.trustedClicksOnly = true;
  try {
    const { panel, tab } = await toCheckHealth();
    await panel.waitForFunction(() => document.querySelector('#next-text')?.textContent.startsWith('IMS Link could not see an answer from AEM'), null, { timeout: 90_000 });
    const g = await readGuide(panel);
    assert.match(g.text, /^IMS Link could not see an answer from AEM within 20 seconds of its clicks on this page: do these steps yourself\./);
    assert.ok(!g.runs && g.watching, 'the steps are the admin\'s, and the panel still reads AEM\'s answer');
    assert.equal(lastAction('checkHealth'), undefined, 'AEM never asked IMS');
    assert.equal(g.stages.find((s) => s.id === 'aem-ims').status, 'needs-you');
    // The admin closes the "Check" dialog AEM left open, then does the steps.
    await tab.page.getByRole('button', { name: 'Cancel', exact: true }).click();
    for (const step of g.steps) await doStep(tab, panel, step);
    const done = await verdict(panel);
    assert.equal(done.stages.find((s) => s.id === 'aem-ims').status, 'done');
    assert.equal(lastAction('checkHealth')?.ok, true, 'AEM itself asked IMS, on the admin\'s click');
    assert.equal(await panel.evaluate(() => window.imsLinkClicks), 0, 'no click in IMS Link');
    await panel.close();
  } finally {
    delete b.cloud.state.aem.trustedClicksOnly;
  }
});
