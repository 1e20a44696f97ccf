// Issue 18, walk steps 1–2: the guide's first link opens Target straight at Administration >
// Implementation, without a tenant (`#/target/setup/implementation`), where IMS Link reads the
// tenant from the address and the Client Code from the page. What the Unified Shell does with
// an address without `@<org>` is a guess (PAGES.md, G), so both are walked: the shell keeps the
// route (one link), or lands on the org's Activities, where the guide falls back to its link
// to the Implementation page with the tenant (two links).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { guideKit } from './guide-kit.mjs';
import { launch } from './harness.mjs';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

const { walk, admin } = guideKit(() => b);

/** The walk until the Target stage is done: its trail and clicks. */
async function toTarget(withoutOrg) {
  b.cloud.state.shell = { withoutOrg };
  try {
    return await walk(admin({ project: null, credential: null, aem: null, site: null }), null, {
      until: (g) => g.stages[0]?.status === 'done',
    });
  } finally {
    b.cloud.state.shell = {};
  }
}

test("the shell keeps the route: one link opens Target's Implementation page, and the tenant and Client Code are read there", async () => {
  const { clicks, trail, guide } = await toTarget('route');
  assert.equal(clicks.links, 1, trail.join('\n'));
  assert.equal(clicks.own, 0, trail.join('\n'));
  assert.match(trail[0], /^1\. about:blank — Open Target's Administration > Implementation .* Open Target's Implementation page$/, trail.join('\n'));
  assert.match(guide.stages[0].text, /Tenant ID and Client Code acme/);
  assert.equal(guide.next, 'console', 'on to the Developer Console');
});

test("the shell lands on Activities instead: the guide's second link opens the Implementation page with the tenant", async () => {
  const { clicks, trail, guide } = await toTarget('default');
  assert.equal(clicks.links, 2, trail.join('\n'));
  assert.match(trail[1], /^2\. https:\/\/experience\.adobe\.com\/#\/@acme\/target\/activities — Open Target's Administration > Implementation: IMS Link reads the Client Code there\./, trail.join('\n'));
  assert.match(guide.stages[0].text, /Tenant ID and Client Code acme/);
  assert.equal(guide.next, 'console');
});
