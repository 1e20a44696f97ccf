// Issue 14, finding 2: the IMS and Target checks never follow a redirect. The allow-list
// judges the first address only, so a 307 from (something posing as) IMS would otherwise make
// the browser post client_id, client_secret and scope to the address it names, twice with the
// retry. The fake IMS answers 307 to an attacker's collector, which must receive nothing.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { apiRequests, clickCheck, fill, finish, oauthProfile, reset, send, start } from './checks-kit.mjs';

let kit;
before(async () => {
  kit = await start();
});
after(async () => {
  await finish(kit);
});
beforeEach(async () => {
  await reset(kit);
});

test('a redirecting IMS: the secret never reaches the address it points to, and the popup says it was a redirect', async () => {
  kit.b.cloud.state.faults.imsRedirectTo = 'https://collector.evil.test/steal';
  await fill(kit, oauthProfile(kit));
  const sentFrom = kit.b.cloud.requests.length;
  const r = await clickCheck(kit, 'ims');
  assert.deepEqual(kit.b.cloud.state.collected, [], 'the collector received something');
  assert.equal(r.ok, false);
  assert.equal(r.summary, 'ims-na1.adobelogin.com answered with a redirect to another address; IMS Link did not follow it.');
  assert.match(r.cause, /Nothing was sent to the other address\.$/);
  // A redirect is deliberate: no retry, one request to IMS.
  assert.deepEqual(apiRequests(kit, sentFrom).map((q) => q.path), ['/ims/token/v3']);
  const { checks } = await send(kit, { type: 'GetProfile' });
  assert.equal(checks.ims.diagnosis.code, 'redirected');
  assert.equal(checks.ims.attempts, 1);
});

test('a redirecting Target API: the token never reaches the address it points to', async () => {
  await fill(kit, oauthProfile(kit));
  assert.equal((await clickCheck(kit, 'ims')).ok, true);
  kit.b.cloud.state.faults.targetRedirectTo = 'https://collector.evil.test/steal';
  const r = await clickCheck(kit, 'target');
  assert.deepEqual(kit.b.cloud.state.collected, [], 'the collector received something');
  assert.equal(r.ok, false);
  assert.equal(r.summary, 'mc.adobe.io answered with a redirect to another address; IMS Link did not follow it.');
});
