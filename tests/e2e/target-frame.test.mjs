// Issue 12, point 2: Target runs inside an iframe of the Unified Shell, served from another
// origin than the top page (adobe-surfaces.md §8 "Target pages"). IMS Link reads the tenant
// from the top address and the Implementation page's Client Code and IMS Organization ID from
// inside Target's frame, on either solutions origin, and takes nothing from any other frame.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from './harness.mjs';
import { sessionKit } from './session-kit.mjs';
import { ORG_ID } from '../fake-cloud/state.mjs';
import { SOLUTION_ORIGINS } from '../fake-cloud/sites/solutions/handler.mjs';

let b;
const { stored, until, emptyProfile, settled } = sessionKit(() => b);

before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

async function profileWhere(what, ok) {
  return until(what, async () => {
    const { profile } = await stored();
    return profile && ok(profile) ? profile : null;
  });
}

const targetFrame = (page) => page.frameLocator('iframe[title="Adobe Target"]');

for (const origin of SOLUTION_ORIGINS) {
  test(`Target in the shell's iframe from ${origin}: tenant from the top address, client code and org id from the frame`, async () => {
    await emptyProfile();
    b.cloud.state.shell = { solutionsOrigin: origin };
    const org = b.cloud.state.orgs[ORG_ID];
    org.clientCode = 'acmecode'; // differs from the tenant, so it can only come from Target's frame
    try {
      // Shell segments after the org (V) stay in the top address.
      const top = 'https://experience.adobe.com/#/@acme/sname:prod/so:acme/target/setup/implementation';
      const { page, tabId } = await b.openTab(top);
      await targetFrame(page).getByText('IMS Organization ID').waitFor();
      assert.ok(page.frames().some((f) => f.url().startsWith(`${origin}/solutions/target/`)), 'Target runs in the frame');
      const p = await profileWhere('client code and org id from the frame', (q) => q.clientCode && q.orgId);
      assert.equal(p.tenant?.value, 'acme');
      assert.equal(p.clientCode.value, 'acmecode');
      assert.equal(p.orgId.value, ORG_ID);
      // The admin sees where the values are: the shell's address, not the frame's.
      assert.equal(p.clientCode.source.url, top);

      const popup = await b.openPopup(tabId);
      await popup.locator('#tenant').filter({ hasText: /^acme$/ }).waitFor();
      await popup.locator('#pv-clientCode').filter({ hasText: /^acmecode$/ }).waitFor();
      await popup.locator('#pv-orgId').filter({ hasText: ORG_ID }).waitFor();
      await Promise.all([popup.close(), page.close()]);
    } finally {
      org.clientCode = 'acme';
      b.cloud.state.shell = {};
    }
  });
}

// Adobe's screenshots show an ⓘ between each label and its value; how it sits in the markup is
// unknown, so each plausible form is a variant of the fake (PAGES.md). An icon is never the value.
for (const infoIcon of ['button', 'between', 'in-label', 'none']) {
  test(`Account details with the ⓘ as '${infoIcon}': the client code and org id are the values, not the icon`, async () => {
    await emptyProfile();
    b.cloud.state.shell = { infoIcon };
    const org = b.cloud.state.orgs[ORG_ID];
    org.clientCode = 'acmecode';
    try {
      const { page } = await b.openTab('https://experience.adobe.com/#/@acme/target/setup/implementation');
      await targetFrame(page).getByText(ORG_ID, { exact: true }).waitFor();
      const p = await profileWhere('client code and org id from the frame', (q) => q.clientCode?.value === 'acmecode' && q.orgId);
      assert.equal(p.orgId.value, ORG_ID);
      await settled();
      const s = await stored();
      assert.equal(s.profile.clientCode.value, 'acmecode');
      assert.deepEqual(s.pending ?? [], [], 'no second reading (an icon\'s text) is offered');
      await page.close();
    } finally {
      org.clientCode = 'acme';
      b.cloud.state.shell = {};
    }
  });
}

test("a hostile frame on the shell's page showing Target's labels gives nothing; Target's own frame still does", async () => {
  await emptyProfile();
  b.cloud.state.shell = { extraFrames: ['https://evil.test/target-lookalike.html'] };
  try {
    const { page } = await b.openTab('https://experience.adobe.com/#/@acme/target/setup/implementation');
    await page.frameLocator('iframe[title="Partner widget"]').getByText('evilcode').waitFor();
    await targetFrame(page).getByText('IMS Organization ID').waitFor();
    await profileWhere('the real client code', (q) => q.clientCode?.value === 'acme' && q.orgId);
    await settled();
    const s = await stored();
    assert.equal(s.profile.clientCode.value, 'acme');
    assert.equal(s.profile.orgId.value, ORG_ID);
    assert.deepEqual(s.pending ?? [], [], 'the hostile values are not even offered as conflicts');
    assert.ok(!JSON.stringify(s).includes('evilcode') && !JSON.stringify(s).includes('EEEEEEEE'));
    await page.close();
  } finally {
    b.cloud.state.shell = {};
  }
});

test("Target's frame opened on its own (no shell around it) is not read", async () => {
  await emptyProfile();
  const { page } = await b.openTab(`${SOLUTION_ORIGINS[0]}/solutions/target/#/setup/implementation`);
  await page.getByText('Loading…').waitFor();
  await settled();
  assert.equal((await stored()).profile?.clientCode, undefined);
  await page.close();
});
