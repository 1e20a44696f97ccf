// Issue 6 end to end, part 2: OAuth credential and Target API failures, each with its own
// diagnosis and next step in the popup, and IMS faults (a hang, 500s) with the time limit and
// the single retry. (Good credentials, JWT failures, the allow-list: checks.test.mjs.)
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { WERETAIL_ORG_ID } from '../fake-cloud/state.mjs';
import {
  ALLOWED_HOSTS, OAUTH_CLIENT, apiRequests, clickCheck, consoleText, fill, finish, oauthProfile, readResult, reset, send, start,
} from './checks-kit.mjs';

const WRONG_SECRET = 'p8e-WRONGsecret0000000000000000XYZ';
let kit;
before(async () => {
  kit = await start();
  kit.secrets.add(WRONG_SECRET);
});
after(async () => {
  await finish(kit);
});
beforeEach(async () => {
  await reset(kit);
});

test('OAuth: a wrong client secret is diagnosed as the wrong secret', async () => {
  await fill(kit, oauthProfile(kit, { clientSecret: WRONG_SECRET }));
  const r = await clickCheck(kit, 'ims');
  assert.equal(r.ok, false);
  assert.equal(r.head, 'Failed: ');
  assert.equal(r.summary, 'The client secret does not match this client ID.');
  assert.equal(r.nextStep, 'In the Developer Console open the credential, click "Retrieve client secret" and capture it again.');
  // IMS's real answer: 400 invalid_client, the same status and error as an unknown client ID;
  // only error_description tells them apart.
  assert.equal(r.raw, 'HTTP 400 invalid_client\n{"error":"invalid_client","error_description":"invalid client_secret parameter"}');
  assert.equal(await kit.popup.locator('#check-target').isDisabled(), true, 'no Target call without a token');
});

test('OAuth: an unknown client ID is diagnosed as unknown to IMS', async () => {
  await fill(kit, oauthProfile(kit, { clientId: 'ffffffffffffffffffffffffffffffff' }));
  const r = await clickCheck(kit, 'ims');
  assert.equal(r.summary, 'Adobe IMS does not know this client ID.');
  assert.match(r.nextStep, /^Capture the Client ID again from the credential page in the Developer Console/);
  assert.match(r.raw, /^HTTP 400 invalid_client\n.*invalid client_id parameter/);
});

/** Passes "Check IMS", then clicks "Connect to Target" and returns what the popup shows. */
async function connect() {
  const ims = await clickCheck(kit, 'ims');
  assert.equal(ims.ok, true, ims.text);
  return clickCheck(kit, 'target');
}

test('Target: a tenant of another organization is diagnosed as the wrong tenant', async () => {
  kit.b.cloud.state.target.weretailprod = { orgId: WERETAIL_ORG_ID, roles: { [OAUTH_CLIENT]: 'editor' } };
  await fill(kit, oauthProfile(kit, { tenant: 'weretailprod' }));
  const r = await connect();
  assert.equal(r.ok, false);
  assert.equal(r.summary, "This tenant does not belong to the credential's organization.");
  assert.match(r.raw, /^HTTP 403 Forbidden\n/);
  // Issue 12 point 7: the #/@ name is the org's shell name; the Admin Console shows the tenant.
  assert.match(r.cause, /the name after "#\/@" there is the organization's shell name: for most companies it is also the Target tenant ID, but not for all\./);
  assert.match(r.nextStep, /^Find the real tenant ID in the Admin Console \(adminconsole\.adobe\.com\) > Products: the Target product is named "Adobe Target - <tenant ID>"/);
});

test('IMS: an answer IMS Link does not recognise is shown raw with only the closest known cause', async () => {
  kit.b.cloud.state.faults.imsAnswer = { status: 400, body: { error: 'invalid_client', error_description: 'Client credentials are not valid for this org' } };
  await fill(kit, oauthProfile(kit));
  const r = await clickCheck(kit, 'ims');
  assert.equal(r.ok, false);
  assert.equal(r.summary, 'Adobe IMS refused the request with "invalid_client" ("Client credentials are not valid for this org"), an answer IMS Link does not recognise.');
  assert.match(r.cause, /^The closest known cause: IMS uses "invalid_client" both for a client ID it does not know and for a client secret that does not belong to the client ID\./);
  assert.doesNotMatch(r.text, /does not know this client ID\./, 'no confident wrong verdict');
  assert.equal(r.raw, 'HTTP 400 invalid_client\n{"error":"invalid_client","error_description":"Client credentials are not valid for this org"}');
});

test('Target: a tenant Target does not know is diagnosed as not found', async () => {
  await fill(kit, oauthProfile(kit, { tenant: 'nosuchtenant' }));
  const r = await connect();
  assert.equal(r.summary, 'Target does not know this tenant ID.');
  assert.match(r.nextStep, /^Find the real tenant ID in the Admin Console/);
  assert.match(r.raw, /^HTTP 404 NotFound\n/);
});

test('Target: a credential in no Target product profile is diagnosed as such', async () => {
  delete kit.b.cloud.state.target.acme.roles[OAUTH_CLIENT];
  await fill(kit, oauthProfile(kit));
  const r = await connect();
  assert.equal(r.summary, 'The integration has no Target product profile.');
  assert.match(r.nextStep, /^In the Admin Console open Adobe Target > Product Profiles > your workspace > API Credentials, add this credential/);
  assert.match(r.raw, /^HTTP 403 403025\n.*Profile is not valid/);
  assert.deepEqual(kit.b.cloud.state.targetApiCalls.map((c) => [c.role, c.status]), [[null, 403]]);
});

// Documented limitation: the connection check is the read-only GET of one activity, which
// Target grants to Observers too, so an Observer-only integration passes it. AEM's later
// writes (offers, activities) are what need Editor; the observer-role diagnosis exists for
// their 403 (src/ims/diagnose.rs) but the check itself cannot produce it.
test('Target: an Observer-only integration passes the read-only check (GET cannot tell Observer from Editor)', async () => {
  kit.b.cloud.state.target.acme.roles[OAUTH_CLIENT] = 'observer';
  await fill(kit, oauthProfile(kit));
  const r = await connect();
  assert.equal(r.text, 'Passed. Target answered: the tenant has 3 activities.');
  assert.deepEqual(kit.b.cloud.state.targetApiCalls.map((c) => [c.method, c.role, c.status]), [['GET', 'observer', 200]]);
});

test('IMS unreachable: a hanging IMS times out (1 s limit, one retry) and the popup says so', async () => {
  kit.b.cloud.state.faults.imsHang = true;
  await fill(kit, oauthProfile(kit));
  const sentFrom = kit.b.cloud.requests.length;
  const t0 = Date.now();
  const reply = await send(kit, { type: 'CheckIms', timeoutMs: 1000 });
  const took = Date.now() - t0;
  assert.equal(reply.type, 'CheckResult');
  assert.equal(reply.report.ok, false);
  assert.equal(reply.report.diagnosis.code, 'timeout');
  assert.equal(reply.report.attempts, 2);
  // Two 1 s attempts and the 0.6 s back-off between them.
  assert.ok(took >= 2_500 && took < 6_000, `took ${took} ms`);
  assert.deepEqual(apiRequests(kit, sentFrom).map((r) => r.path), ['/ims/token/v3', '/ims/token/v3']);

  await kit.popup.reload();
  await kit.popup.locator('#ims-result .check').waitFor();
  const r = await readResult(kit, 'ims');
  assert.equal(r.ok, false);
  assert.equal(r.summary, 'ims-na1.adobelogin.com did not answer in time.');
  assert.equal(r.nextStep, "Check this computer's network or VPN and run the check again; https://status.adobe.com shows Adobe outages.");
  assert.equal(r.raw, null, 'nothing answered');
  assert.equal(await kit.popup.locator('#check-target').isDisabled(), true);
});

test('IMS 500 then success: the retry passes, attempts 2, and the popup notes the second try', async () => {
  kit.b.cloud.state.faults.imsFailNext = 1;
  await fill(kit, oauthProfile(kit));
  const sentFrom = kit.b.cloud.requests.length;
  const r = await clickCheck(kit, 'ims');
  assert.equal(r.ok, true, r.text);
  assert.match(r.text, /^Passed\. Token obtained, expires .+\. \(IMS answered on the second try\.\)$/);
  const { checks } = await send(kit, { type: 'GetProfile' });
  assert.equal(checks.ims.attempts, 2);
  assert.equal(kit.b.cloud.state.faults.imsFailNext, 0);
  assert.deepEqual(apiRequests(kit, sentFrom).map((q) => q.path), ['/ims/token/v3', '/ims/token/v3']);
  assert.equal((await clickCheck(kit, 'target')).ok, true);
});

test('IMS 500 twice: one retry only, then an IMS server error verdict', async () => {
  kit.b.cloud.state.faults.imsFailNext = 2;
  await fill(kit, oauthProfile(kit));
  const sentFrom = kit.b.cloud.requests.length;
  const r = await clickCheck(kit, 'ims');
  assert.equal(r.summary, 'Adobe IMS had an internal problem.');
  assert.equal(r.nextStep, 'Wait a few minutes and run the check again; https://status.adobe.com shows outages.');
  assert.match(r.raw, /^HTTP 500 internal_error\n/);
  assert.equal(apiRequests(kit, sentFrom).length, 2);
});

test('an empty profile is refused before any request, naming the first missing value', async () => {
  const sentFrom = kit.b.cloud.requests.length;
  let r = await clickCheck(kit, 'ims');
  assert.equal(r.summary, 'No authentication type yet.');
  await fill(kit, { authType: 'oauth', clientId: OAUTH_CLIENT });
  r = await clickCheck(kit, 'ims');
  assert.equal(r.summary, 'No client secret yet.');
  assert.match(r.nextStep, /"Retrieve client secret"/);
  assert.deepEqual(apiRequests(kit, sentFrom), []);
});

test('a passing check still warns about a clock 10 minutes fast', async () => {
  kit.b.cloud.state.faults.clockSkewMs = -10 * 60_000;
  await fill(kit, oauthProfile(kit));
  const r = await clickCheck(kit, 'ims');
  assert.equal(r.ok, true, r.text);
  assert.match(r.warning, /^This computer's clock is about 10 minute\(s\) ahead of Adobe's\. /);
  assert.equal((await clickCheck(kit, 'target')).ok, true, 'the token works on Adobe\'s clock');
});

test('changing the credential after a pass drops the pass: no stale "Passed", no Target call with the old token', async () => {
  await fill(kit, oauthProfile(kit));
  assert.equal((await clickCheck(kit, 'ims')).ok, true);
  assert.equal((await clickCheck(kit, 'target')).ok, true);
  // The admin pastes a wrong secret: the earlier pass no longer says anything about it.
  await fill(kit, { clientSecret: WRONG_SECRET });
  await kit.popup.locator('#ims-result .check').waitFor({ state: 'detached' });
  assert.equal(await kit.popup.locator('#target-result').innerHTML(), '');
  assert.equal(await kit.popup.locator('#check-target').isDisabled(), true);
  const stale = await send(kit, { type: 'CheckTarget' });
  assert.equal(stale.report.diagnosis.code, 'no-token', 'the old credential\'s token is not used');
  assert.equal((await clickCheck(kit, 'ims')).summary, 'The client secret does not match this client ID.');

  // A new tenant only makes the Target result stale; the token still belongs to the credential.
  await fill(kit, { clientSecret: kit.b.cloud.state.credentials[OAUTH_CLIENT].clientSecret });
  assert.equal((await clickCheck(kit, 'ims')).ok, true);
  assert.equal((await clickCheck(kit, 'target')).ok, true);
  await fill(kit, { tenant: 'nosuchtenant' });
  await kit.popup.locator('#target-result .check').waitFor({ state: 'detached' });
  assert.equal((await readResult(kit, 'ims')).ok, true);
  assert.equal((await clickCheck(kit, 'target')).summary, 'Target does not know this tenant ID.');
});

test('a check still on the network when the secret changes records no pass for the new secret', async () => {
  await fill(kit, oauthProfile(kit));
  kit.b.cloud.state.faults.imsDelayMs = 1500;
  const checking = send(kit, { type: 'CheckIms' });
  // The admin retrieves another secret while IMS has not answered yet.
  await new Promise((r) => setTimeout(r, 300));
  await fill(kit, { clientSecret: WRONG_SECRET });
  const reply = await checking;
  kit.b.cloud.state.faults.imsDelayMs = 0;
  assert.equal(reply.report.ok, true, 'IMS accepted the secret it was sent');
  const state = await send(kit, { type: 'GetProfile' });
  assert.equal(state.profile.clientSecret.value, WRONG_SECRET);
  assert.equal(state.checks.ims, null, 'a pass was recorded for a secret IMS never saw');
  assert.equal((await send(kit, { type: 'CheckTarget' })).report.diagnosis.code, 'no-token', 'the old secret\'s token is not kept');
});

test('over this whole file: only ims-na1.adobelogin.com and mc.adobe.io were called, and no secret or token was logged or stored', async () => {
  const api = apiRequests(kit);
  assert.ok(api.length >= 10, `${api.length} calls`);
  assert.deepEqual([...new Set(api.map((r) => r.host))].sort(), [...ALLOWED_HOSTS].sort());
  const fromWorker = kit.browserRequests.filter((r) => r.fromWorker && /^https?:/.test(r.url)).map((r) => new URL(r.url).host);
  assert.deepEqual([...new Set(fromWorker)].sort(), [...ALLOWED_HOSTS].sort());

  const tokens = [...kit.tokens, ...Object.keys(kit.b.cloud.state.tokens)];
  assert.ok(tokens.length >= 5, `${tokens.length} tokens`);
  const logs = consoleText(kit);
  const dom = await kit.popup.content();
  const local = await kit.b.worker().evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  for (const t of tokens) {
    assert.ok(!logs.includes(t), 'a token reached a console');
    assert.ok(!dom.includes(t), 'a token reached the popup');
    assert.ok(!local.includes(t), 'a token reached chrome.storage.local');
  }
  for (const s of kit.secrets) {
    assert.ok(!logs.includes(s), 'a client secret reached a console');
    assert.ok(!local.includes(s), 'a client secret reached chrome.storage.local');
  }
});
