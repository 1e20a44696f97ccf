// The JWT → OAuth Server-to-Server migration every AEM admin faces since Adobe converted JWT
// credentials (issue 13): on AEM 6.5 and on AEM as a Cloud Service, one JWT configuration
// for Target and one auto-provisioned one. Following only the popup's guide, the first is
// switched to OAuth through its Properties and passes AEM's own Check Health; the second is
// left alone, with the reason shown.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { AUTHOR, CLOUD, IMS_CONSOLE, OAUTH, ORG } from './fixtures.mjs';
import { AEM_HEALTH_ANSWER, selectItem } from './guide-kit.mjs';
import { launch } from './harness.mjs';

const SHOTS = process.env.IMS_LINK_SCREENSHOTS ? new URL('../../docs/screenshots/', import.meta.url).pathname : null;

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

const send = (popup, m) => popup.evaluate((msg) => chrome.runtime.sendMessage(msg), m);

/** The profile of the converted credential (same client ID), as the admin captured it, and IMS Link's own check passed. */
async function oauthProfile(popup) {
  const cred = b.cloud.state.credentials[OAUTH];
  for (const [field, value] of [['tenant', 'acme'], ['clientCode', 'acme'], ['authType', 'oauth'], ['clientId', OAUTH], ['clientSecret', cred.clientSecret], ['orgId', ORG]]) {
    assert.equal((await send(popup, { type: 'EditField', field, value })).type, 'ProfileState', field);
  }
  assert.equal((await send(popup, { type: 'ImportText', kind: 'scopes', text: cred.scopes.join(', ') })).type, 'ProfileState');
  assert.equal((await send(popup, { type: 'CheckIms' })).report.ok, true);
}

/** An AEM holding a JWT configuration for Target (converted credential: same client ID) and an auto-provisioned one. */
function jwtAem(title = 'Adobe Target (acme, JWT)', cloudServiceName = 'Adobe Target') {
  const aem = b.cloud.state.aem;
  aem.imsConfigs.splice(0, aem.imsConfigs.length,
    { id: 'target-jwt-1', title, cloudServiceName, authType: 'jwt', clientId: OAUTH, clientSecret: 'p8e-the-old-JWT-era-secret', authServerUrl: 'https://ims-na1.adobelogin.com', keypairAlias: 'target-2023', jwtClaims: '{}' },
    { id: 'asset-compute-1', title: 'Asset Compute', cloudServiceName: 'Adobe Asset Link', authType: 'jwt', autoProvisioned: true, clientId: 'c0ffee00c0ffee00c0ffee00c0ffee00', clientSecret: 'p8e-adobe-managed', authServerUrl: 'https://ims-na1.adobelogin.com', keypairAlias: 'similaritysearch', jwtClaims: '{}' });
  aem.actions.length = 0;
}

async function readGuide(popup) {
  return popup.evaluate(() => {
    const q = (s) => document.querySelector(s);
    return {
      version: q('#guide').dataset.version,
      here: q('#guide-here').textContent,
      // The stage the next step advances says where it stands (and AEM's words) in the next-step box.
      stages: [...document.querySelectorAll('#guide-stages li')].map((li) => ({ id: li.dataset.stage, status: li.className.split(' ')[1],
        text: li.textContent + (li.getAttribute('aria-current') === 'step' ? ` ${q('#next-why').textContent} ${q('#next-more-text').textContent}` : '') })),
      text: q('#next-text').textContent,
      steps: q('#next-steps').hidden ? [] : [...document.querySelectorAll('#next-steps li')].map((li) => li.textContent),
      button: q('#next-action button')?.textContent ?? null,
    };
  });
}

/** "On the page, click “X” [under Y]." on the page, as the admin does. */
async function click(page, text) {
  const selected = text.match(/^On the page, select “(.+)” in the list\.$/);
  if (selected) {
    await selectItem(page, selected[1]);
    return;
  }
  const m = text.match(/click “(.+?)”(?: under (.+?))?\.$/);
  assert.ok(m, `a step the robot cannot read: ${text}`);
  const [, name, within] = m;
  const scope = within ? page.getByRole('row', { name: within }) : page;
  await scope.getByRole('button', { name, exact: true }).or(scope.getByRole('link', { name, exact: true })).first().click();
  if (name === 'Check') await page.getByText(AEM_HEALTH_ANSWER).first().waitFor({ timeout: 15_000 }).catch(() => {});
  await page.waitForLoadState();
  await page.waitForTimeout(500);
}

async function migrate(origin, shots, tamper = null, setup = jwtAem) {
  await b.worker().evaluate(() => chrome.storage.session.clear());
  setup();
  const { page, tabId } = await b.openTab(`${origin}${IMS_CONSOLE}`);
  let popup = await b.openPopup(tabId);
  await oauthProfile(popup);
  await popup.close();
  const trail = [];
  const seen = [];
  for (let i = 0; i < 14; i++) {
    await page.bringToFront();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await b.clickAction(page);
    popup = await b.openPopup(tabId);
    await popup.locator('#guide[data-version]').waitFor({ state: 'attached' });
    // Where the step ends with AEM's answer (its list, its Check Health), the popup reads it as it opens.
    await popup.waitForFunction(() => !document.querySelector('[aria-busy]'), null, { timeout: 30_000 });
    await popup.waitForTimeout(300);
    const g = await readGuide(popup);
    // The popup redraws as its read of AEM's page comes back: still one "Show all", not two.
    assert.ok(await popup.locator('#guide-here ~ .show-all').count() <= 1, 'one "Show all" under where it stands');
    // A box cut to three lines always has its "Show all" (each clamped box keeps its own).
    for (const id of ['guide-here', 'next-why']) {
      const cut = await popup.evaluate((i) => {
        const box = document.getElementById(i);
        return !!box?.classList.contains('clamped') && !box.nextElementSibling?.classList.contains('show-all');
      }, id);
      assert.ok(!cut, `#${id} is cut to three lines without "Show all"`);
    }
    seen.push(g);
    trail.push(`${i + 1}. ${page.url()} — ${g.here} | ${g.text} [${g.steps.join(' / ')}] ${g.button ?? ''}`);
    if (shots) {
      mkdirSync(SHOTS, { recursive: true });
      // The popup as Chrome shows it (380 x 600 at most), never a full-page capture.
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.screenshot({ path: `${SHOTS}migration-${i + 1}.png` });
    }
    if (g.stages[2]?.status !== 'needs-you') {
      await popup.close();
      return { guide: g, seen, trail };
    }
    tamper?.();
    for (const step of g.steps) await click(page, step);
    if (g.button) {
      const v = g.version;
      await popup.bringToFront();
      await popup.locator('#next-action button').click();
      await popup.waitForFunction((x) => document.querySelector('#guide').dataset.version !== x && !document.querySelector('[aria-busy]'), v, { timeout: 30_000 });
      await popup.waitForTimeout(300);
    }
    await popup.close();
  }
  assert.fail(`the migration did not finish:\n${trail.join('\n')}`);
}

// AEM's console as documented (select the configuration, then the toolbar's Properties and
// Check Health) in its card view (Adobe's screenshots), and the G variants of a list, and of a
// list with those buttons in each row (PAGES.md).
const VARIANTS = [['AEM 6.5', AUTHOR, {}], ['AEM as a Cloud Service', CLOUD, {}],
  ['AEM as a Cloud Service, its console as a list', CLOUD, { consoleView: 'list' }],
  ['AEM as a Cloud Service, buttons in each row of its console', CLOUD, { consoleRowButtons: true }]];
for (const [name, origin, variant] of VARIANTS) {
  test(`${name}: the JWT configuration for Target is migrated to OAuth through Properties and passes AEM's Check Health; the auto-provisioned one is left alone`, async () => {
    const cred = b.cloud.state.credentials[OAUTH];
    const rowButtons = Boolean(variant.consoleRowButtons);
    Object.assign(b.cloud.state.aem, variant);
    // The variant ends with this test, failed or not.
    const { guide, seen, trail } = await migrate(origin, SHOTS && origin === CLOUD && !Object.keys(variant).length)
      .finally(() => { for (const key of Object.keys(variant)) delete b.cloud.state.aem[key]; });
    const why = trail.join('\n');
    // Each step as that console offers it.
    const steps = seen.flatMap((g) => g.steps);
    if (rowButtons) assert.ok(steps.includes('On the page, click “Properties” under Adobe Target (acme, JWT).') && !steps.some((s) => s.includes('select')), why);
    else assert.ok(steps.includes('On the page, select “Adobe Target (acme, JWT)” in the list.') && steps.includes('On the page, click “Check Health”.'), why);
    // The console listed both with their types, and said which to leave and why.
    assert.ok(seen.some((g) => g.here.includes('“Adobe Target (acme, JWT)” (JWT, deprecated: migrate to OAuth Server-to-Server)')), why);
    assert.ok(seen.some((g) => g.here.includes('“Asset Compute” (auto-provisioned: Adobe migrates these; leave them)')), why);
    assert.ok(seen.some((g) => g.text.includes('same Console credential')), why);
    const [target, auto] = b.cloud.state.aem.imsConfigs;
    assert.deepEqual([target.title, target.authType, target.clientId, target.clientSecret, target.scope, target.orgId],
      ['Adobe Target (acme, JWT)', 'oauth', OAUTH, cred.clientSecret, cred.scopes.join(','), ORG], 'migrated, title kept');
    assert.deepEqual([auto.authType, auto.clientSecret], ['jwt', 'p8e-adobe-managed'], 'left alone');
    assert.ok(!b.cloud.state.aem.actions.some((a) => a.id === 'asset-compute-1'), 'nothing touched the auto-provisioned one');
    assert.deepEqual(b.cloud.state.aem.actions.filter((a) => a.action === 'checkHealth').at(-1), { action: 'checkHealth', id: 'target-jwt-1', ok: true });
    assert.equal(guide.stages[2].status, 'done', why);
    assert.match(guide.stages[2].text, /AEM's own Check Health passed for “Adobe Target \(acme, JWT\)”/);
    assert.match(guide.here, /“Adobe Target \(acme, JWT\)” \(OAuth Server-to-Server\)/, 'the list, read again, shows it migrated');
  });
}

test("AEM's Check Health failing with only its own words (no IMS answer quoted): the guide shows them, explains what to compare, and does not say done", async () => {
  b.cloud.state.aem.healthText = 'plain';
  try {
    const { guide, trail } = await migrate(CLOUD, false, () => {
      // After the migration AEM holds a secret other than the profile's (saved before a rotation).
      const c = b.cloud.state.aem.imsConfigs[0];
      if (c.authType === 'oauth') c.clientSecret = 'p8e-rotated-away';
    });
    assert.equal(guide.stages[2].status, 'problem', trail.join('\n'));
    assert.match(guide.stages[2].text, /AEM said “(Adobe Target \(acme, JWT\): )?Error: Unable to retrieve an access token\. See the error\.log for details\.”/);
    assert.match(guide.stages[2].text, /its message does not say why/);
    // What to do is the next step's, said once there.
    assert.match(guide.text, /let IMS Link fill Client ID, Client Secret and Scope again/);
    assert.doesNotMatch(guide.text, /All four stages are done/);
  } finally {
    delete b.cloud.state.aem.healthText;
  }
});

// AEM's cards show no cloud solution (Adobe's screenshots), and admins title configurations as
// they like: a JWT card whose title names no solution may be Target's. IMS Link sends the admin
// to its Properties, which do name it: Target's is migrated, another solution's is left alone.
test('a JWT configuration whose card does not say Target ("IMS production") is migrated through its Properties', async () => {
  const { guide, seen, trail } = await migrate(CLOUD, false, null, () => jwtAem('IMS production'));
  const why = trail.join('\n');
  assert.ok(seen.some((g) => g.text.includes('its card does not say which cloud solution it serves')), why);
  const [target] = b.cloud.state.aem.imsConfigs;
  assert.deepEqual([target.title, target.authType, target.clientId], ['IMS production', 'oauth', OAUTH], why);
  assert.equal(guide.stages[2].status, 'done', why);
});

test("the unmarked JWT configuration is another solution's: its Properties are not filled with Target's credential", async () => {
  await b.worker().evaluate(() => chrome.storage.session.clear());
  jwtAem('IMS production', 'Adobe Analytics');
  const { page, tabId } = await b.openTab(`${CLOUD}${IMS_CONSOLE}`);
  let popup = await b.openPopup(tabId);
  await oauthProfile(popup);
  await popup.close();
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await b.clickAction(page);
  popup = await b.openPopup(tabId);
  await popup.waitForFunction(() => !document.querySelector('[aria-busy]') && document.querySelector('#next-steps li'), null, { timeout: 30_000 });
  const g = await readGuide(popup);
  assert.deepEqual(g.steps, ['On the page, select “IMS production” in the list.', 'On the page, click “Properties”.'], g.text);
  await popup.close();
  for (const step of g.steps) await click(page, step);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await b.clickAction(page);
  popup = await b.openPopup(tabId);
  await popup.locator('#fill').click();
  await popup.locator('#fill-result').filter({ hasText: 'This IMS configuration serves “Adobe Analytics”, not Adobe Target' }).waitFor();
  const [config] = b.cloud.state.aem.imsConfigs;
  assert.deepEqual([config.authType, config.clientSecret], ['jwt', 'p8e-the-old-JWT-era-secret'], 'untouched');
  assert.equal(await popup.getByText(/Filled \d+ field/).count(), 0, 'nothing filled');
  await Promise.all([popup.close(), page.close()]);
});
