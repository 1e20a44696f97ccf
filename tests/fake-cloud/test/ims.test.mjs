// The fake IMS answers as real IMS does (shared/reference/adobe-surfaces.md §6), so the
// extension's error explanations are tested against the real codes and shapes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fetchFake } from '../client.mjs';
import { startFakeCloud } from '../server.mjs';
import { createState, ORG_ID } from '../state.mjs';
import { jwtClaims, jwtExchangeForm, makeKeyPair, signJwt } from '../test-keys.mjs';

const PROD = 'ims-na1.adobelogin.com';
const STAGE = 'ims-na1-stg1.adobelogin.com';
const JWT_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const OAUTH_ID = '5f0a1b2c3d4e5f60718293a4b5c6d7e8';
const TARGET_SCOPES = 'openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let cloud;
let bound; // key pair whose certificate is on the JWT credential
let stranger; // key pair no credential knows
before(async () => {
  cloud = await startFakeCloud();
  bound = makeKeyPair({ cn: 'aem-ims' });
  stranger = makeKeyPair({ cn: 'someone-else' });
});
after(async () => {
  await cloud.close();
});
// Each test starts from Adobe's default state, with the bound certificate uploaded.
beforeEach(() => {
  Object.assign(cloud.state, createState());
  cloud.state.credentials[JWT_ID].certificates.push(bound.certificatePem);
});

const jwtCredential = () => cloud.state.credentials[JWT_ID];

function exchange(jwt, { host = PROD, clientId = JWT_ID, secret = jwtCredential().clientSecret, timeoutMs } = {}) {
  return fetchFake(cloud, `https://${host}/ims/exchange/jwt`, { method: 'POST', headers: FORM, body: jwtExchangeForm(clientId, secret, jwt), timeoutMs });
}

/** A JWT from the bound key; `edit` changes the claims first. */
function goodJwt(edit = (c) => c, { host = PROD, key = bound.privateKeyPem } = {}) {
  return signJwt(edit(jwtClaims(jwtCredential(), JWT_ID, { imsHost: host })), key);
}

function tokenV3(fields, { host = PROD, timeoutMs } = {}) {
  return fetchFake(cloud, `https://${host}/ims/token/v3`, { method: 'POST', headers: FORM, body: new URLSearchParams(fields).toString(), timeoutMs });
}

function oauthFields(extra = {}) {
  return { grant_type: 'client_credentials', client_id: OAUTH_ID, client_secret: cloud.state.credentials[OAUTH_ID].clientSecret, scope: TARGET_SCOPES, ...extra };
}

function assertError(res, status, error, description) {
  assert.equal(res.status, status, res.text);
  const body = res.json();
  assert.deepEqual(Object.keys(body).sort(), ['error', 'error_description']);
  assert.equal(body.error, error);
  if (description instanceof RegExp) assert.match(body.error_description, description);
  else if (description) assert.equal(body.error_description, description);
}

const MALFORMED = 'JWT token is incorrectly formatted, and can not be decoded.';
const NO_BINDING = 'Could not match JWT signature to any of the bindings';
const NOT_SUBSET = 'The metascopes in the JWT are not a subset of the metascopes in the binding.';

describe('JWT exchange', () => {
  test('a well-signed JWT gets a bearer token whose expires_in is in milliseconds', async () => {
    const res = await exchange(goodJwt());
    assert.equal(res.status, 200, res.text);
    const body = res.json();
    assert.equal(body.token_type, 'bearer');
    assert.equal(body.expires_in, 86_399_993);
    const recorded = cloud.state.tokens[body.access_token];
    assert.equal(recorded.clientId, JWT_ID);
    assert.equal(recorded.orgId, ORG_ID);
    assert.ok(Math.abs(recorded.expiresAt - (Date.now() + body.expires_in)) < 5_000);
    assert.equal(recorded.scope, 'ent_marketing_sdk');
  });

  test('answers carry a real Date header, JSON, and no CORS grant', async () => {
    const res = await exchange(goodJwt());
    assert.ok(Math.abs(Date.parse(res.headers.date) - Date.now()) < 5_000);
    assert.match(res.headers['content-type'], /^application\/json/);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    const failed = await exchange('garbage');
    assert.ok(failed.headers.date);
    assert.equal(failed.headers['access-control-allow-origin'], undefined);
  });

  test('stage IMS accepts a JWT whose aud and metascopes name stage', async () => {
    const res = await exchange(goodJwt(undefined, { host: STAGE }), { host: STAGE });
    assert.equal(res.status, 200, res.text);
    assert.equal(cloud.state.tokens[res.json().access_token].host, STAGE);
  });

  test('any bound certificate verifies, so rotation with two certificates works', async () => {
    const next = makeKeyPair({ cn: 'rotated' });
    jwtCredential().certificates.unshift(stranger.certificatePem, 'not a certificate');
    jwtCredential().certificates.push(next.certificatePem);
    assert.equal((await exchange(goodJwt(undefined, { key: next.privateKeyPem }))).status, 200);
    assert.equal((await exchange(goodJwt())).status, 200);
  });

  test('unknown client id is 400 invalid_client', async () => {
    assertError(await exchange(goodJwt(), { clientId: 'ffffffffffffffffffffffffffffffff' }), 400, 'invalid_client');
  });

  test('aud naming another client is 400 invalid_client', async () => {
    assertError(await exchange(goodJwt((c) => ({ ...c, aud: `https://${PROD}/c/${OAUTH_ID}` }))), 400, 'invalid_client', /client_id/);
  });

  test('aud naming the other IMS environment is 400 invalid_client', async () => {
    assertError(await exchange(goodJwt(), { host: STAGE }), 400, 'invalid_client', /ims-na1\.adobelogin\.com/);
    assertError(await exchange(goodJwt(undefined, { host: STAGE })), 400, 'invalid_client');
  });

  test('missing aud is 400 invalid_client', async () => {
    assertError(await exchange(goodJwt(({ aud, ...c }) => c)), 400, 'invalid_client');
  });

  test('wrong client secret is 400 invalid_client "invalid client_secret parameter"', async () => {
    assertError(await exchange(goodJwt(), { secret: 'p8e-wrong' }), 400, 'invalid_client', 'invalid client_secret parameter');
  });

  test('missing or undecodable JWT is 400 invalid_token with IMS wording', async () => {
    for (const jwt of ['', 'garbage', 'a.b.c', `${goodJwt()}.extra`, `${Buffer.from('[1]').toString('base64url')}.e30.sig`]) {
      assertError(await exchange(jwt), 400, 'invalid_token', MALFORMED);
    }
    const missing = await fetchFake(cloud, `https://${PROD}/ims/exchange/jwt`, {
      method: 'POST', headers: FORM, body: new URLSearchParams({ client_id: JWT_ID, client_secret: jwtCredential().clientSecret }).toString(),
    });
    assertError(missing, 400, 'invalid_token', MALFORMED);
  });

  test('a JSON body is not read: 400 invalid_client, as for a missing client_id', async () => {
    const res = await fetchFake(cloud, `https://${PROD}/ims/exchange/jwt`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: JWT_ID, client_secret: jwtCredential().clientSecret, jwt_token: goodJwt() }),
    });
    assertError(res, 400, 'invalid_client');
  });

  test('exp in the past is 400 invalid_token saying expired', async () => {
    assertError(await exchange(goodJwt((c) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 1 }))), 400, 'invalid_token', /expired/);
  });

  test('exp missing, a string or fractional is 400 invalid_token', async () => {
    const now = Math.floor(Date.now() / 1000) + 300;
    for (const exp of [undefined, String(now), now + 0.5]) {
      assertError(await exchange(goodJwt((c) => ({ ...c, exp }))), 400, 'invalid_token', /exp/);
    }
  });

  test('a key whose certificate is not bound is 400 invalid_token', async () => {
    assertError(await exchange(goodJwt(undefined, { key: stranger.privateKeyPem })), 400, 'invalid_token', NO_BINDING);
    jwtCredential().certificates = [];
    assertError(await exchange(goodJwt()), 400, 'invalid_token', NO_BINDING);
  });

  test('a tampered payload or a non-RS256 algorithm is 400 invalid_token', async () => {
    const [h, , s] = goodJwt().split('.');
    const forged = Buffer.from(JSON.stringify({ ...jwtClaims(jwtCredential(), JWT_ID), sub: 'x@techacct.adobe.com' })).toString('base64url');
    assertError(await exchange(`${h}.${forged}.${s}`), 400, 'invalid_token', NO_BINDING);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${forged}.`;
    assertError(await exchange(none), 400, 'invalid_token', NO_BINDING);
    assertError(await exchange(signJwt(jwtClaims(jwtCredential(), JWT_ID), bound.privateKeyPem, { alg: 'HS256' })), 400, 'invalid_token');
  });

  test('iss of another org or sub of another technical account is 400 invalid_token', async () => {
    assertError(await exchange(goodJwt((c) => ({ ...c, iss: 'FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg' }))), 400, 'invalid_token', /iss/);
    assertError(await exchange(goodJwt((c) => ({ ...c, sub: 'FFFF@techacct.adobe.com' }))), 400, 'invalid_token', /sub/);
  });

  test('metascopes not bound, absent, or for the other IMS host are 400 invalid_scope', async () => {
    const claimsWith = (extra) => (c) => ({ ...c, ...extra });
    assertError(await exchange(goodJwt(claimsWith({ [`https://${PROD}/s/ent_analytics_bulk_ingest_sdk`]: true }))), 400, 'invalid_scope', NOT_SUBSET);
    const bare = jwtClaims(jwtCredential(), JWT_ID, { metascopes: [] });
    assertError(await exchange(signJwt(bare, bound.privateKeyPem)), 400, 'invalid_scope', NOT_SUBSET);
    assertError(await exchange(signJwt({ ...bare, [`https://${PROD}/s/ent_marketing_sdk`]: false }, bound.privateKeyPem)), 400, 'invalid_scope', NOT_SUBSET);
    assertError(await exchange(signJwt({ ...bare, [`https://${STAGE}/s/ent_marketing_sdk`]: true }, bound.privateKeyPem)), 400, 'invalid_scope', NOT_SUBSET);
  });

  test('a credential migrated to OAuth, or an OAuth one, makes IMS fail with 500 internal_error', async () => {
    jwtCredential().migratedToOAuth = true;
    assertError(await exchange(goodJwt()), 500, 'internal_error');
    const oauth = cloud.state.credentials[OAUTH_ID];
    oauth.certificates.push(bound.certificatePem);
    const jwt = signJwt(jwtClaims({ ...oauth, metascopes: ['ent_marketing_sdk'] }, OAUTH_ID), bound.privateKeyPem);
    assertError(await exchange(jwt, { clientId: OAUTH_ID, secret: oauth.clientSecret }), 500, 'internal_error');
  });
});

describe('OAuth Server-to-Server token', () => {
  test('client credentials with the Target scopes get a token whose expires_in is in seconds', async () => {
    const res = await tokenV3(oauthFields());
    assert.equal(res.status, 200, res.text);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type']);
    assert.equal(body.token_type, 'bearer');
    assert.equal(body.expires_in, 86_399);
    const recorded = cloud.state.tokens[body.access_token];
    assert.equal(recorded.clientId, OAUTH_ID);
    assert.equal(recorded.orgId, ORG_ID);
    assert.ok(Math.abs(recorded.expiresAt - (Date.now() + 86_399_000)) < 5_000);
    assert.equal(recorded.scope, TARGET_SCOPES);
    assert.ok(Math.abs(Date.parse(res.headers.date) - Date.now()) < 5_000);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });

  test('a subset of the scopes is fine, on stage too', async () => {
    assert.equal((await tokenV3(oauthFields({ scope: 'openid, AdobeID,target_sdk' }), { host: STAGE })).status, 200);
  });

  test('unknown client and wrong secret are both 400 invalid_client, told apart only by error_description', async () => {
    assertError(await tokenV3(oauthFields({ client_id: 'ffffffffffffffffffffffffffffffff' })), 400, 'invalid_client', 'invalid client_id parameter');
    assertError(await tokenV3(oauthFields({ client_secret: 'p8e-wrong' })), 400, 'invalid_client', 'invalid client_secret parameter');
  });

  test('any grant type but client_credentials is 400 unsupported_grant_type', async () => {
    assertError(await tokenV3(oauthFields({ grant_type: 'password' })), 400, 'unsupported_grant_type');
    const { grant_type, ...noGrant } = oauthFields();
    assertError(await tokenV3(noGrant), 400, 'unsupported_grant_type');
  });

  test('a scope the credential lacks, or no scope, is 400 invalid_scope', async () => {
    assertError(await tokenV3(oauthFields({ scope: `${TARGET_SCOPES},ent_analytics_bulk_ingest_sdk` })), 400, 'invalid_scope', /ent_analytics_bulk_ingest_sdk/);
    assertError(await tokenV3(oauthFields({ scope: '' })), 400, 'invalid_scope');
  });

  test('a JWT credential not yet migrated has no OAuth S2S: 400 invalid_client; once migrated it works', async () => {
    const fields = { grant_type: 'client_credentials', client_id: JWT_ID, client_secret: jwtCredential().clientSecret, scope: TARGET_SCOPES };
    assertError(await tokenV3(fields), 400, 'invalid_client');
    Object.assign(jwtCredential(), { migratedToOAuth: true, scopes: TARGET_SCOPES.split(',') });
    assert.equal((await tokenV3(fields)).status, 200);
  });
});

describe('IMS faults, clock and routing', () => {
  test('imsFailNext answers 500 internal_error that many times, then succeeds', async () => {
    cloud.state.faults.imsFailNext = 2;
    assertError(await tokenV3(oauthFields()), 500, 'internal_error');
    assertError(await exchange(goodJwt()), 500, 'internal_error');
    assert.equal(cloud.state.faults.imsFailNext, 0);
    assert.equal((await tokenV3(oauthFields())).status, 200);
    assert.equal((await exchange(goodJwt())).status, 200);
  });

  test('every answer carries its handling time in Server-Timing, kept in state.imsTimings too', async () => {
    const ok = await tokenV3(oauthFields());
    const bad = await tokenV3(oauthFields({ client_secret: 'wrong' }));
    const durs = [ok, bad].map((r) => {
      const m = /^app;dur=(\d+\.\d{3})$/.exec(r.headers['server-timing']);
      assert.ok(m, r.headers['server-timing']);
      return Number(m[1]);
    });
    assert.deepEqual(cloud.state.imsTimings.map((t) => [t.path, t.status, +t.durMs.toFixed(3)]),
      [['/ims/token/v3', 200, durs[0]], ['/ims/token/v3', 400, durs[1]]]);
  });

  test('imsHang never answers; a client timeout is the only way out, and IMS recovers', async () => {
    cloud.state.faults.imsHang = true;
    const before = cloud.requests.length;
    await assert.rejects(tokenV3(oauthFields(), { timeoutMs: 300 }), { code: 'ETIMEDOUT' });
    await assert.rejects(exchange(goodJwt(), { timeoutMs: 100 }), { code: 'ETIMEDOUT' });
    assert.equal(cloud.requests.length, before + 2);
    assert.equal(Object.keys(cloud.state.tokens).length, 0);
    cloud.state.faults.imsHang = false;
    assert.equal((await tokenV3(oauthFields())).status, 200);
  });

  test('closing the cloud drops a request IMS is hanging on', async () => {
    const own = await startFakeCloud();
    own.state.faults.imsHang = true;
    const pending = fetchFake(own, `https://${PROD}/ims/token/v3`, { method: 'POST', headers: FORM, body: 'grant_type=client_credentials' });
    while (own.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    await own.close();
    assert.ok(Date.now() - started < 1_000);
    await assert.rejects(pending);
  });

  test('clockSkewMs moves the Date header and the "now" IMS judges exp by', async () => {
    cloud.state.faults.clockSkewMs = 10 * 60_000; // IMS is 10 minutes ahead of this machine
    const res = await exchange(goodJwt()); // exp = this machine's now + 300 s
    assertError(res, 400, 'invalid_token', /expired/);
    assert.ok(Math.abs(Date.parse(res.headers.date) - (Date.now() + 10 * 60_000)) < 5_000);
    const ok = await exchange(goodJwt((c) => ({ ...c, exp: c.exp + 600 })));
    assert.equal(ok.status, 200);
    const recorded = cloud.state.tokens[ok.json().access_token];
    assert.ok(Math.abs(recorded.expiresAt - (Date.now() + 10 * 60_000 + 86_399_993)) < 5_000);
    cloud.state.faults.clockSkewMs = -10 * 60_000; // behind: the same JWT is still valid for IMS
    assert.equal((await exchange(goodJwt())).status, 200);
  });

  test('unknown IMS paths are 404 JSON; GET on a token endpoint is 405', async () => {
    const res = await fetchFake(cloud, `https://${PROD}/ims/authorize/v2`);
    assert.equal(res.status, 404);
    assert.equal(res.json().error, 'not_found');
    assert.ok(res.headers.date);
    assert.equal((await fetchFake(cloud, `https://${STAGE}/ims/token/v3`)).status, 405);
  });
});
