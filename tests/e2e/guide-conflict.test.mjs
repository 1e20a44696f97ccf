// Issue 18, truthful stages: the admin had typed another Client ID into AEM as a Cloud
// Service's IMS wizard before opening IMS Link. The fill leaves that field for the admin's
// choice, and until it is made the guide says neither Saved nor Done: the choice sits inside
// the next-step box, where following the guide leads. Once chosen, the stage goes Filled →
// Saved (AEM's console lists the configuration) → Verified (AEM's own Check Health). Undo
// puts the stage back where it stood before the fill.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { strayText } from '../firefox/stray-text.mjs';
import { CLOUD, IMS_CONSOLE, OAUTH, ORG, WIZARD } from './fixtures.mjs';
import { AEM_HEALTH_ANSWER, guideKit, POPUP_SIZE, selectItem } from './guide-kit.mjs';
import { launch } from './harness.mjs';

const SCOPES = 'openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles';
const TYPED = 'typed-by-admin';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

const { readGuide, freshAem, lastAction } = guideKit(() => b);

beforeEach(async () => {
  freshAem();
  await b.worker().evaluate(() => chrome.storage.session.clear());
});

/** The profile of the fake cloud's OAuth credential, as the admin captured it. */
async function oauthProfile(popup) {
  const values = {
    tenant: 'acme', clientCode: 'acme', authType: 'oauth', clientId: OAUTH, orgId: ORG,
    clientSecret: b.cloud.state.credentials[OAUTH].clientSecret, scopes: SCOPES,
  };
  for (const [field, value] of Object.entries(values)) {
    const reply = await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'EditField', field, value });
    assert.equal(reply.type, 'ProfileState', JSON.stringify(reply.problem));
  }
  // IMS Link's own check passed (stages 1 and 2 done): stage 3 is the one at hand.
  const check = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'CheckIms' }));
  assert.equal(check.report?.ok, true, JSON.stringify(check));
}

/** AEM's IMS wizard with the admin's own Client ID typed in, and IMS Link opened on it. */
async function typedWizard() {
  const { page, tabId } = await b.openTab(`${CLOUD}${WIZARD}`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.locator('[name="./clientId"]').evaluate((el, v) => { el.value = v; }, TYPED);
  await b.clickAction(page);
  const popup = await b.openPopup(tabId, { expand: false });
  await popup.setViewportSize(POPUP_SIZE);
  await oauthProfile(popup);
  await popup.reload();
  await popup.locator('#guide[data-version]').waitFor({ state: 'attached' });
  return { page, tabId, popup };
}

/** What the popup shows about stage 3 and the next step, as text, with the whole body. */
async function shown(popup) {
  return popup.evaluate(() => ({
    stage: document.querySelector('#guide-stages li[data-stage="aem-ims"]').className,
    line: document.querySelector('#guide-stages li[data-stage="aem-ims"]').textContent,
    heading: document.querySelector('#next-heading').textContent,
    why: document.querySelector('#next-why').textContent,
    text: document.querySelector('#next-text').textContent,
    steps: document.querySelector('#next-steps').hidden ? '' : document.querySelector('#next-steps').textContent,
    body: document.body.innerText,
  }));
}

/** "Fill this form", and the one yes to this AEM origin for the secret (issue 14). */
async function fillHere(popup) {
  const version = await popup.evaluate(() => document.querySelector('#guide').dataset.version);
  await popup.locator('#fill').click();
  // The fill's answer: the question for this origin, or (allowed before) the choice. The
  // preview shown on opening is no answer.
  await popup.locator('#allow-secrets:visible, #next-choices li:visible').first().waitFor();
  if (await popup.locator('#allow-secrets').isVisible()) await popup.locator('#allow-secrets').click();
  await popup.waitForFunction((v) => document.querySelector('#guide').dataset.version !== v && !document.querySelector('[aria-busy]'), version);
  await popup.locator('#next-choices li').first().waitFor();
  await popup.waitForTimeout(300); // a late ProfileChanged redraw
}

/** The open choice: inside the next-step box, the typed value struck through, IMS Link's after it. */
async function assertChoiceOpen(popup, page) {
  const choice = popup.locator('.next #next-choices li');
  assert.equal(await choice.count(), 1, 'one field waits, inside the next-step box');
  assert.equal(await choice.isVisible(), true);
  assert.match(await choice.textContent(), new RegExp(`^Client ID: ${TYPED} → ${OAUTH}`));
  assert.equal(await choice.locator('s').textContent(), TYPED);
  assert.equal(await choice.getByRole('button', { name: "Use IMS Link's Client ID" }).isVisible(), true);
  assert.equal(await choice.getByRole('button', { name: 'Keep my Client ID' }).isVisible(), true);
  const s = await shown(popup);
  // Never "Saved" or "Done" while the choice is open, and no "Create" to click either.
  assert.doesNotMatch(s.stage, /\bp-done\b|\bdone\b/, s.stage);
  assert.doesNotMatch(`${s.line} ${s.why} ${s.text}`, /Saved|Done/, `${s.line} ${s.why} ${s.text}`);
  assert.doesNotMatch(s.steps, /Create/);
  assert.match(s.heading, /AEM IMS configuration/);
  assert.match(s.why, /except the Client ID/);
  assert.deepEqual(strayText(s.body), [], s.body);
  assert.equal(await page.locator('[name="./clientId"]').inputValue(), TYPED, 'not overwritten without asking');
  // The popup as Chrome shows it: the choice needs no scrolling.
  const bottom = await choice.evaluate((el) => el.getBoundingClientRect().bottom);
  assert.ok(bottom <= POPUP_SIZE.height, `the choice ends at ${bottom} px`);
}

test('a Client ID the admin typed: the choice is in the next-step box, the stage never says Saved or Done until it is made, then Filled → Saved → Verified', async () => {
  const { page, tabId, popup } = await typedWizard();
  await fillHere(popup);
  await assertChoiceOpen(popup, page);
  // Opened again (the popup closes when the admin clicks into the page): the same question.
  await popup.reload();
  await popup.locator('#next-choices li').first().waitFor();
  await assertChoiceOpen(popup, page);
  assert.equal(await popup.evaluate(() => document.activeElement?.closest('#next-choices') !== null), true, 'the focus is on the choice');

  await popup.getByRole('button', { name: "Use IMS Link's Client ID" }).click();
  await popup.locator('#next-choices').waitFor({ state: 'hidden' });
  await popup.waitForTimeout(300);
  assert.equal(await page.locator('[name="./clientId"]').inputValue(), OAUTH);
  let g = await readGuide(popup);
  // AEM as a Cloud Service's Create form is one page: Create alone.
  assert.deepEqual(g.steps, ['On the page, click “Create”.']);
  const filled = g.stages.find((s) => s.id === 'aem-ims');
  assert.match(filled.text, /Filled on https:\/\/author-p12345-e67890\.adobeaemcloud\.com; /);
  assert.doesNotMatch(filled.text, /Saved/);
  await popup.close();

  // The admin saves, as the guide says; AEM returns to its console.
  await Promise.all([page.waitForURL(`**${IMS_CONSOLE}`), page.locator('#ims-create').click()]);
  const saved = b.cloud.state.aem.imsConfigs.at(-1);
  assert.equal(saved.clientId, OAUTH, "AEM saved IMS Link's Client ID, the one chosen");
  await b.clickAction(page);
  const onConsole = await b.openPopup(tabId, { expand: false });
  await onConsole.locator('#guide[data-version]').waitFor({ state: 'attached' });
  // "Saved" only from the page that shows it: the popup reads AEM's console as it opens.
  await onConsole.waitForFunction(() => !document.querySelector('[aria-busy]'));
  await onConsole.waitForTimeout(300);
  g = await readGuide(onConsole);
  assert.match(g.stages.find((s) => s.id === 'aem-ims').text, new RegExp(`Saved: AEM lists “${saved.title.replace(/[()]/g, '\\$&')}”`));
  assert.equal(g.button, "Read AEM's result", "the popup's button for AEM's Check Health (a click on the page closes the popup)");
  // Verified: AEM's own Check Health, read by IMS Link.
  // As AEM's documentation has it: select the configuration, then the toolbar's Check Health.
  assert.deepEqual(g.steps, [`On the page, select “${saved.title}” in the list.`, 'On the page, click “Check Health”.', 'On the page, click “Check”.']);
  await selectItem(page, saved.title);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Check Health' }).click();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  // The admin reads AEM's answer before asking IMS Link to.
  await page.getByText(AEM_HEALTH_ANSWER).first().waitFor();
  const version = g.version;
  await onConsole.locator('#next-action button').click();
  await onConsole.waitForFunction((v) => document.querySelector('#guide').dataset.version !== v && !document.querySelector('[aria-busy]'), version);
  await onConsole.waitForTimeout(300);
  g = await readGuide(onConsole);
  assert.deepEqual(lastAction('checkHealth'), { action: 'checkHealth', id: saved.id, ok: true });
  assert.equal(g.stages.find((s) => s.id === 'aem-ims').status, 'done');
  assert.deepEqual(strayText(await onConsole.locator('body').innerText()), []);
  await Promise.all([page.close(), onConsole.close()]);
});

test('"Keep mine": the page keeps the typed Client ID and the guide moves on to saving', async () => {
  const { page, popup } = await typedWizard();
  await fillHere(popup);
  await assertChoiceOpen(popup, page);
  await popup.getByRole('button', { name: 'Keep my Client ID' }).click();
  await popup.locator('#next-choices').waitFor({ state: 'hidden' });
  await popup.waitForTimeout(300);
  assert.equal(await page.locator('[name="./clientId"]').inputValue(), TYPED, 'the admin kept it');
  const g = await readGuide(popup);
  // AEM as a Cloud Service's Create form is one page: Create alone.
  assert.deepEqual(g.steps, ['On the page, click “Create”.']);
  assert.match(g.stages.find((s) => s.id === 'aem-ims').text, /Filled on /);
  await Promise.all([page.close(), popup.close()]);
});

test('Undo while the choice is open puts the stage back where it stood before the fill', async () => {
  const { page, popup } = await typedWizard();
  // Where it stood as the admin sees it before pressing Fill: with the fill's preview drawn
  // (the button then names the count). Read earlier, it raced the preview.
  await popup.locator('#fill[data-previewed]').waitFor({ state: 'attached' });
  const before = await shown(popup);
  const guideBefore = await readGuide(popup);
  await fillHere(popup);
  await assertChoiceOpen(popup, page);
  await popup.getByRole('button', { name: 'Undo fill' }).click();
  await popup.getByText(/Undo restored \d+ field/).waitFor();
  await popup.locator('#next-choices').waitFor({ state: 'hidden' });
  await popup.waitForTimeout(300);
  const after = await shown(popup);
  const guideAfter = await readGuide(popup);
  assert.deepEqual(guideAfter.stages, guideBefore.stages, 'every stage as before the fill');
  assert.equal(after.why, before.why);
  assert.equal(after.text, before.text);
  // The same Fill button (its count may grow by the secret: the origin is allowed by now).
  const fillButton = (label) => label?.replace(/^Fill \d+ fields/, 'Fill N fields');
  assert.equal(fillButton(guideAfter.button), fillButton(guideBefore.button));
  assert.equal(await page.locator('[name="./clientId"]').inputValue(), TYPED);
  assert.deepEqual(strayText(after.body), [], after.body);
  await Promise.all([page.close(), popup.close()]);
});
