// The fake Target Admin API behind its gateway (shared/reference/adobe-surfaces.md §7): tokens
// come from the fake IMS, so a test here is the product's "Connect to Target" check end to end.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fetchFake } from '../client.mjs';
import { startFakeCloud } from '../server.mjs';
import { createState } from '../state.mjs';
import { jwtClaims, jwtExchangeForm, makeKeyPair, signJwt } from '../test-keys.mjs';

const OAUTH_ID = '5f0a1b2c3d4e5f60718293a4b5c6d7e8';
const JWT_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const OTHER_ORG = 'FEDCBA9876543210FEDCBA98@AdobeOrg';
const V1 = 'application/vnd.adobe.target.v1+json';
const SCOPES = 'openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let cloud;
let key;
before(async () => {
  cloud = await startFakeCloud();
  key = makeKeyPair();
});
after(async () => {
  await cloud.close();
});
beforeEach(() => {
  Object.assign(cloud.state, createState());
});

async function oauthToken(clientId = OAUTH_ID) {
  const { clientSecret } = cloud.state.credentials[clientId];
  const res = await fetchFake(cloud, 'https://ims-na1.adobelogin.com/ims/token/v3', {
    method: 'POST', headers: FORM, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: SCOPES }).toString(),
  });
  assert.equal(res.status, 200, res.text);
  return res.json().access_token;
}

function activities(token, { tenant = 'acme', query = '?limit=1', apiKey = OAUTH_ID, accept = V1, headers = {} } = {}) {
  const h = { authorization: `Bearer ${token}`, 'x-api-key': apiKey, accept, ...headers };
  for (const k of Object.keys(h)) if (h[k] === null) delete h[k]; // null leaves a header out
  return fetchFake(cloud, `https://mc.adobe.io/${tenant}/target/activities${query}`, { headers: h });
}

function createAb(token, activity, { contentType = V1, apiKey = OAUTH_ID, body = JSON.stringify(activity) } = {}) {
  return fetchFake(cloud, 'https://mc.adobe.io/acme/target/activities/ab', {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-api-key': apiKey, 'content-type': contentType, accept: V1 }, body,
  });
}

function assertGateway(res, status, code, message) {
  assert.equal(res.status, status, res.text);
  assert.deepEqual(res.json(), { error_code: code, message });
}

function assertTarget(res, status, errorCode, message = /./) {
  assert.equal(res.status, status, res.text);
  const body = res.json();
  assert.equal(body.httpStatus, status);
  assert.match(body.requestId, /^[0-9a-f-]{36}$/);
  assert.equal(body.errors.length, 1);
  assert.equal(body.errors[0].errorCode, errorCode);
  assert.match(body.errors[0].message, message);
}

describe('listing activities', () => {
  test('an Editor integration with an OAuth S2S token lists activities in the v1 media type', async () => {
    const res = await activities(await oauthToken());
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers['content-type'], /^application\/vnd\.adobe\.target\.v1\+json/);
    assert.ok(Math.abs(Date.parse(res.headers.date) - Date.now()) < 5_000);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    const body = res.json();
    assert.equal(body.total, 3);
    assert.equal(body.offset, 0);
    assert.equal(body.limit, 1);
    assert.equal(body.activities.length, 1);
    assert.deepEqual(Object.keys(body.activities[0]).sort(), ['id', 'modifiedAt', 'name', 'priority', 'state', 'type', 'workspace']);
    assert.deepEqual(cloud.state.targetApiCalls, [{ method: 'GET', path: '/acme/target/activities', tenant: 'acme', clientId: OAUTH_ID, role: 'editor', status: 200 }]);
  });

  test('a token from the JWT exchange works the same way', async () => {
    const credential = cloud.state.credentials[JWT_ID];
    credential.certificates.push(key.certificatePem);
    const jwt = signJwt(jwtClaims(credential, JWT_ID), key.privateKeyPem);
    const ims = await fetchFake(cloud, 'https://ims-na1.adobelogin.com/ims/exchange/jwt', { method: 'POST', headers: FORM, body: jwtExchangeForm(JWT_ID, credential.clientSecret, jwt) });
    assert.equal(ims.status, 200, ims.text);
    assert.equal((await activities(ims.json().access_token, { apiKey: JWT_ID })).status, 200);
  });

  test('limit and offset page through the list; no limit means Target\'s default', async () => {
    const token = await oauthToken();
    const all = (await activities(token, { query: '' })).json();
    assert.equal(all.limit, 2147483647);
    assert.equal(all.activities.length, 3);
    const second = (await activities(token, { query: '?limit=1&offset=1' })).json();
    assert.deepEqual(second.activities, [all.activities[1]]);
    assertTarget(await activities(token, { query: '?limit=-1' }), 400, 'InvalidParameter');
    assertTarget(await activities(token, { query: '?limit=abc' }), 400, 'InvalidParameter');
  });
});

describe('gateway checks', () => {
  const NOT_VALID = ['401013', 'Oauth token is not valid'];

  test('no token, an unknown one, or another scheme is 401 in the gateway shape', async () => {
    assertGateway(await activities(undefined, { headers: { authorization: null } }), 401, ...NOT_VALID);
    assertGateway(await activities('eyJunknown'), 401, ...NOT_VALID);
    const token = await oauthToken();
    assertGateway(await activities(undefined, { headers: { authorization: `Basic ${token}` } }), 401, ...NOT_VALID);
  });

  test('an expired token is 401', async () => {
    const token = await oauthToken();
    cloud.state.tokens[token].expiresAt = Date.now() - 1;
    assertGateway(await activities(token), 401, ...NOT_VALID);
  });

  test('expiry is judged on the cloud\'s (skewed) clock', async () => {
    const token = await oauthToken();
    cloud.state.tokens[token].expiresAt = Date.now() + 60_000;
    assert.equal((await activities(token)).status, 200);
    cloud.state.faults.clockSkewMs = 120_000;
    const res = await activities(token);
    assertGateway(res, 401, ...NOT_VALID);
    assert.ok(Math.abs(Date.parse(res.headers.date) - (Date.now() + 120_000)) < 5_000);
  });

  test('a missing API key is 403000, another client\'s is 403003', async () => {
    const token = await oauthToken();
    assertGateway(await activities(token, { apiKey: null }), 403, '403000', 'Api Key is required');
    assertGateway(await activities(token, { apiKey: JWT_ID }), 403, '403003', 'Api Key is invalid');
  });
});

describe('Target checks', () => {
  test('an Accept other than the v1 vendor type is 406 in Target\'s shape', async () => {
    const token = await oauthToken();
    for (const accept of ['application/json', '*/*', null]) {
      assertTarget(await activities(token, { accept }), 406, 'NotAcceptable', /vnd\.adobe\.target\.v1\+json/);
    }
    assert.equal((await activities(token, { accept: `application/json, ${V1};q=0.9` })).status, 200);
  });

  test('an unknown tenant is 404', async () => {
    assertTarget(await activities(await oauthToken(), { tenant: 'nosuchtenant' }), 404, 'NotFound', /nosuchtenant/);
  });

  test('a tenant of another org is 403 naming the tenant', async () => {
    cloud.state.target.globex = { orgId: OTHER_ORG, roles: { [OAUTH_ID]: 'editor' } };
    assertTarget(await activities(await oauthToken(), { tenant: 'globex' }), 403, 'Forbidden', /globex/);
  });

  test('no role on the tenant is 403025 "Profile is not valid", and recorded', async () => {
    delete cloud.state.target.acme.roles[OAUTH_ID];
    assertGateway(await activities(await oauthToken()), 403, '403025', 'Profile is not valid');
    assert.equal(cloud.state.targetApiCalls.at(-1).role, null);
    assert.equal(cloud.state.targetApiCalls.at(-1).status, 403);
  });

  test('unknown paths under mc.adobe.io are 404 once the gateway let the call through', async () => {
    const res = await fetchFake(cloud, 'https://mc.adobe.io/acme/target/offers', { headers: { authorization: `Bearer ${await oauthToken()}`, 'x-api-key': OAUTH_ID, accept: V1 } });
    assertTarget(res, 404, 'NotFound');
  });
});

describe('roles: Observer reads, Editor writes', () => {
  test('Observer may list activities, and the call is recorded with its role', async () => {
    cloud.state.target.acme.roles[OAUTH_ID] = 'observer';
    assert.equal((await activities(await oauthToken())).status, 200);
    assert.equal(cloud.state.targetApiCalls.at(-1).role, 'observer');
  });

  test('Observer creating an A/B activity is 403', async () => {
    cloud.state.target.acme.roles[OAUTH_ID] = 'observer';
    assertTarget(await createAb(await oauthToken(), { name: 'Should fail' }), 403, 'Forbidden', /Editor/);
    assert.deepEqual(cloud.state.targetApiCalls.at(-1), { method: 'POST', path: '/acme/target/activities/ab', tenant: 'acme', clientId: OAUTH_ID, role: 'observer', status: 403 });
  });

  test('Editor creates an A/B activity that the list then shows', async () => {
    const token = await oauthToken();
    const res = await createAb(token, { name: 'IMS Link connection check', priority: 1 });
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers['content-type'], /^application\/vnd\.adobe\.target\.v1\+json/);
    const created = res.json();
    assert.equal(created.type, 'ab');
    assert.equal(created.state, 'saved');
    assert.equal(created.priority, 1);
    const list = (await activities(token, { query: '' })).json();
    assert.equal(list.total, 4);
    assert.deepEqual(list.activities[0], created);
  });

  test('creating needs a Target media type and a JSON body with a name', async () => {
    const token = await oauthToken();
    assertTarget(await createAb(token, { name: 'x' }, { contentType: 'application/json' }), 415, 'UnsupportedMediaType');
    assertTarget(await createAb(token, null, { body: '{not json' }), 400, 'InvalidJson');
    assertTarget(await createAb(token, { priority: 3 }), 400, 'InvalidParameter', /name/);
    assert.equal((await createAb(token, { name: 'v3 body' }, { contentType: 'application/vnd.adobe.target.v3+json' })).status, 200);
  });
});
