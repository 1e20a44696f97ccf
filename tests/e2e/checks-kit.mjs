// Shared by checks.test.mjs and checks-failures.test.mjs (issue 6 end to end): one browser
// with the fake cloud, one popup on a Target tab, the profile filled the way the admin would,
// the popup's "Check IMS" and "Connect to Target" clicked and their verdicts read back.
import assert from 'node:assert/strict';
import { createState, ORG_ID } from '../fake-cloud/state.mjs';
import { launch } from './harness.mjs';

export const OAUTH_CLIENT = '5f0a1b2c3d4e5f60718293a4b5c6d7e8';
export const JWT_CLIENT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const ALLOWED_HOSTS = ['ims-na1.adobelogin.com', 'mc.adobe.io'];
/** The hosts the fake cloud plays for Adobe's token and Target APIs (stage included). */
export const API_HOSTS = ['ims-na1.adobelogin.com', 'ims-na1-stg1.adobelogin.com', 'mc.adobe.io'];
const METASCOPE = 'https://ims-na1.adobelogin.com/s/ent_marketing_sdk';

/**
 * Launches the browser and opens a Target tab with its popup. Everything the worker and the
 * popup write to the console, and every request the browser makes, is collected.
 */
export async function start() {
  const b = await launch();
  const kit = {
    b,
    popupConsole: [],
    /** Every URL any page or the service worker of this browser asked for. */
    browserRequests: [],
    /** Every secret and token this file's fake cloud knew; states are replaced between tests. */
    secrets: new Set(),
    tokens: new Set(),
  };
  b.context.on('request', (r) => kit.browserRequests.push({ url: r.url(), fromWorker: Boolean(r.serviceWorker()) }));
  const { tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  kit.popup = await b.openPopup(tabId);
  kit.popup.on('console', (m) => kit.popupConsole.push({ type: m.type(), text: m.text() }));
  kit.popup.on('pageerror', (e) => kit.popupConsole.push({ type: 'pageerror', text: e.message }));
  await kit.popup.locator('#check-ims').waitFor();
  remember(kit);
  return kit;
}

function remember(kit) {
  const state = kit.b.cloud.state;
  for (const c of Object.values(state.credentials)) kit.secrets.add(c.clientSecret);
  for (const t of Object.keys(state.tokens)) kit.tokens.add(t);
}

/** Sends a message to the worker from the popup page, as the popup's own code does. */
export function send(kit, message) {
  return kit.popup.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/**
 * A fresh fake cloud (certificates uploaded to the JWT credential stay), an empty profile
 * with no check results, and a freshly loaded popup.
 */
export async function reset(kit) {
  remember(kit);
  const state = kit.b.cloud.state;
  const certificates = state.credentials[JWT_CLIENT].certificates;
  Object.assign(state, createState());
  state.credentials[JWT_CLIENT].certificates = certificates;
  remember(kit);
  const reply = await send(kit, { type: 'ClearProfile' });
  assert.equal(reply.type, 'ProfileState');
  await kit.popup.reload();
  await kit.popup.locator('#check-ims').waitFor();
  assert.equal(await kit.popup.locator('#ims-result').innerHTML(), '');
  assert.equal(await kit.popup.locator('#target-result').innerHTML(), '');
}

/** Types each value into the profile (message EditField, what the popup's Save sends). */
export async function fill(kit, values) {
  for (const [field, value] of Object.entries(values)) {
    const reply = await send(kit, { type: 'EditField', field, value });
    assert.equal(reply.type, 'ProfileState', `EditField ${field}: ${JSON.stringify(reply.problem ?? '')}`);
  }
}

export function oauthProfile(kit, overrides = {}) {
  const c = kit.b.cloud.state.credentials[OAUTH_CLIENT];
  return {
    tenant: 'acme',
    authType: 'oauth',
    clientId: OAUTH_CLIENT,
    clientSecret: c.clientSecret,
    orgId: c.orgId,
    technicalAccountId: c.technicalAccountId,
    scopes: c.scopes.join(','),
    ...overrides,
  };
}

/** The payload the Developer Console shows for the JWT credential, minus what `drop` names. */
export function jwtPayload(kit, { drop = [] } = {}) {
  const c = kit.b.cloud.state.credentials[JWT_CLIENT];
  const claims = {
    exp: Math.floor(Date.now() / 1000) + 300,
    iss: c.orgId ?? ORG_ID,
    sub: c.technicalAccountId,
    [METASCOPE]: true,
    aud: `https://ims-na1.adobelogin.com/c/${JWT_CLIENT}`,
  };
  for (const k of drop) delete claims[k === 'metascope' ? METASCOPE : k];
  return JSON.stringify(claims);
}

export function jwtProfile(kit, overrides = {}, payloadOptions = {}) {
  const c = kit.b.cloud.state.credentials[JWT_CLIENT];
  return {
    tenant: 'acme',
    authType: 'jwt',
    clientId: JWT_CLIENT,
    clientSecret: c.clientSecret,
    orgId: c.orgId,
    technicalAccountId: c.technicalAccountId,
    payload: jwtPayload(kit, payloadOptions),
    ...overrides,
  };
}

/** The key pair's certificate PEM, generated with the popup's button if there is none yet. */
export async function keyPairCertificate(kit) {
  const read = () => kit.b.worker().evaluate(async () => (await chrome.storage.session.get('session')).session?.keyPair?.certificate?.pem ?? null);
  let pem = await read();
  if (!pem) {
    await kit.popup.getByRole('button', { name: 'Generate key pair' }).click();
    await kit.popup.getByText('Key pair ready.').waitFor();
    pem = await read();
  }
  assert.match(pem ?? '', /^-----BEGIN CERTIFICATE-----\n/);
  return pem;
}

/** "Uploads" the key pair's certificate to the JWT credential in the fake Developer Console. */
export async function uploadCertificate(kit) {
  const pem = await keyPairCertificate(kit);
  const certs = kit.b.cloud.state.credentials[JWT_CLIENT].certificates;
  if (!certs.includes(pem)) certs.push(pem);
  return pem;
}

/**
 * Clicks a check's button and reads what the popup shows: { ok, text, summary, cause,
 * nextStep, warning, raw }. `which` is 'ims' or 'target'.
 */
export async function clickCheck(kit, which) {
  const name = which === 'ims' ? 'Check IMS' : 'Connect to Target';
  const box = kit.popup.locator(`#${which}-result`);
  const before = await box.innerHTML();
  await kit.popup.getByRole('button', { name, exact: true }).click();
  await kit.popup.waitForFunction(([id, old]) => {
    const el = document.getElementById(id);
    return el.querySelector('.check') && el.innerHTML !== old;
  }, [`${which}-result`, before]);
  // The button unlocks once the worker replied and the popup re-rendered.
  await kit.popup.waitForFunction((id) => !document.getElementById(id).hasAttribute('aria-busy'), `check-${which}`);
  return readResult(kit, which);
}

/** What the popup shows in #<which>-result now. */
export function readResult(kit, which) {
  return kit.popup.evaluate((id) => {
    const box = document.querySelector(`#${id} .check`);
    if (!box) return null;
    const ps = [...box.querySelectorAll(':scope > p')];
    const next = ps.find((p) => p.querySelector('strong')?.textContent === 'Next step: ');
    return {
      ok: box.classList.contains('ok'),
      role: box.getAttribute('role'),
      text: box.textContent,
      head: box.querySelector('strong')?.textContent,
      summary: box.classList.contains('ok') ? null : box.childNodes[1]?.textContent,
      cause: box.classList.contains('ok') ? null : ps[0]?.textContent,
      nextStep: next ? next.textContent.replace(/^Next step: /, '') : null,
      warning: box.querySelector('.warn')?.textContent ?? null,
      raw: box.querySelector('details pre')?.textContent ?? null,
      rawLabel: box.querySelector('details summary')?.textContent ?? null,
    };
  }, `${which}-result`);
}

/** The fake cloud's requests from index `from` on, to the token and Target APIs. */
export function apiRequests(kit, from = 0) {
  return kit.b.cloud.requests.slice(from).filter((r) => API_HOSTS.includes(r.host));
}

/** Everything that could hold a leaked secret: worker and popup consoles. */
export function consoleText(kit) {
  return [...kit.b.workerConsole, ...kit.popupConsole].map((m) => m.text).join('\n');
}

export async function finish(kit) {
  await kit?.b?.close();
}
