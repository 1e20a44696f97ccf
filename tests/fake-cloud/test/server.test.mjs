// The fake cloud answers for Adobe's host names and records what it receives.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fetchFake } from '../client.mjs';
import { startFakeCloud } from '../server.mjs';

let cloud;
before(async () => {
  cloud = await startFakeCloud();
});
after(async () => {
  await cloud.close();
});

test('serves the Unified Shell under its real host name and records the request', async () => {
  const res = await fetchFake(cloud, 'https://experience.adobe.com/');
  assert.equal(res.status, 200);
  assert.match(res.text, /Adobe Experience Cloud/);
  assert.equal(cloud.requests.at(-1).host, 'experience.adobe.com');
});

test('unknown hosts and handler sources are not served', async () => {
  assert.equal((await fetchFake(cloud, 'https://unknown.test/')).status, 404);
  assert.equal((await fetchFake(cloud, 'https://experience.adobe.com/../server.mjs')).status, 404);
});
