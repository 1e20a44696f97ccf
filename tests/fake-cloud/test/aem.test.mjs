// The fake AEM's forms, driven the way a user drives them (click, type, choose), record
// exactly what AEM would have saved. One Chromium for the whole file.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { OAUTH_CLIENT_ID } from '../state.mjs';
import { chromiumOnFakeCloud } from '../chromium.mjs';

const AUTHOR = 'https://author.aem.test';
const CLOUD = 'https://author-p12345-e67890.adobeaemcloud.com';
const WIZARD = '/libs/cq/adobeims-configuration/content/configurations/create.html';
const CONSOLE = '/libs/cq/adobeims-configuration/content/configurations.html';

const live = chromiumOnFakeCloud();
let cloud;
let page;
beforeEach(() => {
  ({ cloud, page } = live);
  page.setDefaultTimeout(5000);
  page.on('pageerror', (err) => assert.fail(`page error: ${err.message}`));
});

async function open(url) {
  await page.goto(url);
  await page.waitForSelector('html[data-ready]');
}

/** Opens a Coral select (found by its label) and picks the item with that text, as a user does. */
async function chooseCoral(label, itemText) {
  const id = await page.locator('label', { hasText: label }).first().getAttribute('id');
  const select = page.locator(`coral-select[labelledby="${id}"]`);
  await select.locator('button').first().click();
  await select.locator('coral-selectlist-item', { hasText: itemText }).click();
}


/** The wizard's Account step for JWT, typed as an admin does, then Create. */
async function jwtAccountStep(page) {
  await page.locator('#ims-next').click();
  await page.getByLabel('Title').fill('Adobe Target');
  await page.getByLabel('Authorization Server').fill('https://ims-na1.adobelogin.com');
  await page.getByLabel('API Key').fill('a1b2c3d4e5f60718293a4b5c6d7e8f90');
  await page.getByLabel('Client Secret').fill('p8e-JWTsecret9876543210fedcbaABC');
  await page.getByLabel('Payload').fill('{"aud":"https://ims-na1.adobelogin.com/c/a1b2"}');
  await Promise.all([page.waitForURL(`**${CONSOLE}`), page.locator('#ims-create').click()]);
}

test('Coral components upgrade: select, switch and textfield expose their properties', async () => {
  await open(`${AUTHOR}${WIZARD}`);
  const props = await page.evaluate(() => {
    const select = document.querySelector('coral-select[name="cloudServiceName"]');
    select.value = 'Adobe Target';
    const sw = document.querySelector('coral-switch[name="newKeypair"]');
    return { coral: typeof window.Coral, value: select.value, checked: sw.checked, textfield: document.querySelector('[name="title"]').classList.contains('_coral-Textfield') };
  });
  assert.deepEqual(props, { coral: 'object', value: 'Adobe Target', checked: false, textfield: true });
});

test('IMS wizard (6.5): Account step hidden before Next; filling both steps posts the servlet parameters', async () => {
  await open(`${AUTHOR}${WIZARD}?variant=65-jwt`);
  assert.equal(await page.locator('[name="title"]').isVisible(), false);
  assert.equal(await page.locator('#ims-next').isDisabled(), true);

  await chooseCoral('Cloud Configuration', 'Adobe Target');
  await page.locator('coral-switch', { hasText: 'Create new certificate' }).click();
  await page.getByLabel('Alias').fill('target-ims');
  await page.getByRole('button', { name: 'Create certificate' }).click();
  await page.getByRole('button', { name: 'Download Public Key' }).waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Public Key' }).click();
  assert.equal((await download).suggestedFilename(), 'AEM-Adobe-IMS.crt');
  assert.match(cloud.state.aem.keypairs['target-ims'].certificate, /BEGIN CERTIFICATE/);

  await jwtAccountStep(page);

  assert.deepEqual(cloud.state.aemSubmissions, [{
    path: '/libs/cq/adobeims-configuration/content/configurations/update',
    fields: {
      _charset_: 'UTF-8', cloudServiceName: 'Adobe Target', newKeypair: 'true', newKeypairAlias: 'target-ims', keypairAlias: 'target-ims',
      title: 'Adobe Target', authServerUrl: 'https://ims-na1.adobelogin.com', apiKey: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      clientSecret: 'p8e-JWTsecret9876543210fedcbaABC', jwtClaims: '{"aud":"https://ims-na1.adobelogin.com/c/a1b2"}',
    },
  }]);
  assert.equal(cloud.state.aem.imsConfigs.at(-1).title, 'Adobe Target');
  await page.getByText('Adobe Target', { exact: true }).first().waitFor();
});

test('IMS Create (AEMaaCS): one page, every field required, Create disabled until each holds a value; it posts and returns to the console', async () => {
  await open(`${CLOUD}${WIZARD}`);
  assert.equal(await page.locator('#ims-next').count(), 0, 'no steps, no Next');
  assert.equal(await page.getByLabel('Authentication Type').count(), 0);
  const labels = await page.locator('label.coral-Form-fieldlabel').allTextContents();
  assert.deepEqual(labels, ['Cloud Solution *', 'Title *', 'Authorization Server *', 'Client Id *', 'Client Secret *', 'Scope *', 'Org Id *']);
  assert.equal(await page.getByLabel('Authorization Server *').inputValue(), '', 'no default');
  assert.equal(await page.getByLabel('Client Secret *').getAttribute('type'), 'password');
  const create = page.getByRole('button', { name: 'Create', exact: true });
  assert.equal(await create.isDisabled(), true);
  await chooseCoral('Cloud Solution', 'Adobe Target');
  const values = {
    'Title *': 'Target OAuth', 'Authorization Server *': 'https://ims-na1.adobelogin.com', 'Client Id *': '5f0a1b2c3d4e5f60718293a4b5c6d7e8',
    'Client Secret *': 'p8e-OAUTHsecret0123456789abcdefXYZ', 'Scope *': 'openid,AdobeID,target_sdk', 'Org Id *': '0123456789ABCDEF01234567@AdobeOrg',
  };
  for (const [label, value] of Object.entries(values)) {
    assert.equal(await create.isDisabled(), true, `still disabled before ${label}`);
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  assert.equal(await create.isDisabled(), false, 'every required field holds a value');
  await page.getByLabel('Scope *').fill('');
  assert.equal(await create.isDisabled(), true, 'emptied again');
  await page.getByLabel('Scope *').fill(values['Scope *']);
  await Promise.all([page.waitForURL(`**${CONSOLE}`), create.click()]);
  assert.deepEqual(cloud.state.aemSubmissions.at(-1).fields, {
    _charset_: 'UTF-8', './cloudServiceName': 'Adobe Target', './title': 'Target OAuth', './authServerUrl': 'https://ims-na1.adobelogin.com',
    './clientId': '5f0a1b2c3d4e5f60718293a4b5c6d7e8', './clientSecret': 'p8e-OAUTHsecret0123456789abcdefXYZ',
    './scope': 'openid,AdobeID,target_sdk', './orgId': '0123456789ABCDEF01234567@AdobeOrg',
  });
  assert.equal(cloud.state.aem.imsConfigs.at(-1).authType, 'oauth');
});

test('IMS Create at another address (state.aem.imsCreatePath), and as a variant on the 6.5 host', async () => {
  cloud.state.aem.imsCreatePath = '/mnt/overlay/cq/adobeims-configuration/content/configurations/wizard.html';
  await open(`${CLOUD}${cloud.state.aem.imsCreatePath}`);
  assert.equal(await page.getByLabel('Client Id *').count(), 1);
  await open(`${AUTHOR}${WIZARD}?variant=single`);
  assert.equal(await page.locator('#ims-next').count(), 0);
  cloud.state.aem.imsCreateForm = 'single';
  await open(`${AUTHOR}${WIZARD}`);
  assert.equal(await page.getByLabel('Org Id *').count(), 1);
});

test('IMS wizard (two-step variant with "./" names): OAuth fields; the switch left off posts its hidden "false"', async () => {
  await open(`${CLOUD}${WIZARD}?variant=cloud`);
  await chooseCoral('Cloud Solution', 'Adobe Target');
  await page.locator('#ims-next').click();
  assert.equal(await page.locator('[name="./apiKey"]').isVisible(), false);
  await page.getByLabel('Title').fill('Target OAuth');
  await page.getByLabel('Authorization Server').fill('https://ims-na1.adobelogin.com');
  await page.getByLabel('Client ID').fill('5f0a1b2c3d4e5f60718293a4b5c6d7e8');
  await page.getByLabel('Client Secret').fill('p8e-OAUTHsecret0123456789abcdefXYZ');
  await page.getByLabel('Scope').fill('openid,AdobeID,target_sdk');
  await page.getByLabel('Org ID').fill('0123456789ABCDEF01234567@AdobeOrg');
  await Promise.all([page.waitForURL(`**${CONSOLE}`), page.locator('#ims-create').click()]);
  assert.deepEqual(cloud.state.aemSubmissions.at(-1).fields, {
    _charset_: 'UTF-8', './cloudServiceName': 'Adobe Target', './newKeypair': 'false', './keypairAlias': '', './authType': 'oauth',
    './title': 'Target OAuth', './authServerUrl': 'https://ims-na1.adobelogin.com', './clientId': '5f0a1b2c3d4e5f60718293a4b5c6d7e8',
    './clientSecret': 'p8e-OAUTHsecret0123456789abcdefXYZ', './scope': 'openid,AdobeID,target_sdk', './orgId': '0123456789ABCDEF01234567@AdobeOrg',
  });
  assert.deepEqual(cloud.state.aem.imsConfigs.at(-1), {
    id: 'target-oauth-2', title: 'Target OAuth', cloudServiceName: 'Adobe Target', authType: 'oauth',
    clientId: '5f0a1b2c3d4e5f60718293a4b5c6d7e8', authServerUrl: 'https://ims-na1.adobelogin.com', keypairAlias: '',
    // What AEM's own Check Health and Connect use.
    clientSecret: 'p8e-OAUTHsecret0123456789abcdefXYZ', scope: 'openid,AdobeID,target_sdk', orgId: '0123456789ABCDEF01234567@AdobeOrg', jwtClaims: '',
  });
});

test('IMS wizard with unknown names: fields are found by label, Create refuses empty required fields', async () => {
  await open(`${AUTHOR}${WIZARD}?variant=labels`);
  assert.equal(await page.locator('[name="title"], [name="./title"]').count(), 0);
  await chooseCoral('Cloud Configuration', 'Adobe Target');
  await page.locator('#ims-next').click();
  await page.getByLabel('Title').fill('Only a title');
  await page.locator('#ims-create').click();
  await page.getByText('Please fill out all required fields.').waitFor();
  assert.equal(cloud.state.aemSubmissions.length, 0);
});

test('IMS console shows cards; select one, then Check Health > Check in the selection bar asks IMS with what AEM stored, and AEM\'s verdict opens in its own dialog', async () => {
  cloud.state.aem.imsConfigs.push({ id: 'auto-1', title: 'Asset Compute', cloudServiceName: 'Asset Compute', authType: 'jwt', autoProvisioned: true });
  await open(`${AUTHOR}${CONSOLE}`);
  const bar = page.getByRole('toolbar', { name: 'Selection' });
  assert.equal(await bar.isVisible(), false, 'no action before a selection');
  const card = (title) => page.locator('coral-masonry-item').filter({ has: page.getByText(title, { exact: true }) });
  assert.match(await card('Adobe Analytics').innerText(), /JWT Credentials \(deprecated\)[\s\S]*Adobe IMS Technical Account/i);
  assert.match(await card('Asset Compute').innerText(), /Auto Provisioned/i);
  await card('Adobe Analytics').click();
  assert.match(await bar.innerText(), /1 selected/);
  await bar.getByRole('button', { name: 'Check Health' }).click();
  const ask = page.locator('#ims-health-dialog');
  // Coral shows the dialog a moment after it opens.
  await ask.getByText('You are going to check the following item:').waitFor();
  assert.match(await ask.innerText(), /Check\s+You are going to check the following item:\s*Adobe Analytics/);
  await ask.getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = page.locator('#ims-health-verdict');
  await verdict.getByText(/^Adobe Analytics: /).waitFor();
  // The shipped Analytics configuration is JWT with no key pair alias in AEM's keystore.
  assert.deepEqual(cloud.state.aem.actions, [{ action: 'checkHealth', id: 'analytics-ims-1', ok: false }]);
  assert.equal(await verdict.getAttribute('variant'), 'error');
  assert.match(await verdict.innerText(), /Unhealthy configuration\s+Adobe Analytics: Error: No private key found for key pair alias/);
  assert.equal(await ask.isVisible(), false, 'the question closed');
  assert.equal(await page.locator('#ims-console-create').getAttribute('href'), WIZARD);
  await verdict.getByRole('button', { name: 'Close' }).click();
  await bar.getByRole('button', { name: 'Properties' }).click();
  await page.waitForURL(/properties\.html\?item=analytics-ims-1$/);
});

test('IMS console, a healthy configuration: "Healthy configuration", "<title>: Token retrieved successfully!" (Adobe\'s screenshots)', async () => {
  cloud.state.aem.imsConfigs.push({ id: 'target-oauth-2', title: 'Target OAuth', cloudServiceName: 'Adobe Target', authType: 'oauth',
    clientId: OAUTH_CLIENT_ID, authServerUrl: 'https://ims-na1.adobelogin.com', clientSecret: cloud.state.credentials[OAUTH_CLIENT_ID].clientSecret,
    scope: cloud.state.credentials[OAUTH_CLIENT_ID].scopes.join(','), orgId: cloud.state.credentials[OAUTH_CLIENT_ID].orgId });
  await open(`${AUTHOR}${CONSOLE}`);
  const card = page.locator('coral-masonry-item').filter({ has: page.getByText('Target OAuth', { exact: true }) });
  assert.doesNotMatch(await card.innerText(), /JWT/, 'only JWT ones are marked');
  await card.click();
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Check Health' }).click();
  await page.locator('#ims-health-check').click();
  const verdict = page.locator('#ims-health-verdict');
  await verdict.getByText('Target OAuth: Token retrieved successfully!').waitFor();
  assert.equal(await verdict.getAttribute('variant'), 'success');
  assert.match(await verdict.innerText(), /^Healthy configuration/);
});

test('IMS console, variants: a list (state.aem.consoleView), the buttons in each row (consoleRowButtons), the verdict as an alert in the "Check" dialog (healthResult)', async () => {
  cloud.state.aem.consoleView = 'list';
  cloud.state.aem.healthResult = 'alert';
  await open(`${AUTHOR}${CONSOLE}`);
  const bar = page.getByRole('toolbar', { name: 'Selection' });
  await page.getByRole('row', { name: /Adobe Analytics/ }).getByRole('checkbox').check();
  await bar.getByRole('button', { name: 'Check Health' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Check', exact: true }).click();
  await page.locator('.ims-health-result coral-alert').waitFor();
  assert.match(await page.locator('.ims-health-result').textContent(), /No private key found for key pair alias/);
  assert.match(await page.locator('.ims-health-title').textContent(), /^Adobe Analytics$/);
  cloud.state.aem.consoleRowButtons = true;
  await open(`${AUTHOR}${CONSOLE}`);
  assert.equal(await page.getByRole('checkbox').count(), 0);
  await page.getByRole('row', { name: /Adobe Analytics/ }).getByRole('button', { name: 'Check Health' }).click();
  await page.locator('#ims-health-check').click();
  await page.locator('.ims-health-result coral-alert').waitFor();
  assert.deepEqual(cloud.state.aem.actions.map((a) => a.id), ['analytics-ims-1', 'analytics-ims-1']);
});

test('AEM 6.5 classic dialog: ExtJS 3 markup, values in the store, IMS fields shown by the component, OK only after Connect', async () => {
  cloud.state.aem.imsConfigs.push({ id: 'target-ims-2', title: 'Adobe Target', cloudServiceName: 'Adobe Target', authType: 'jwt', clientId: 'x' });
  await open(`${AUTHOR}/etc/cloudservices/testandtarget/acme-target.html`);
  // ExtJS 3 ComboBox markup: trigger-field wrap without x-combo, hidden value input (hiddenName,
  // ext-gen id) before the read-only display input; no list until the field is focused.
  const wrap = page.locator('.x-form-field-trigger-wrap').first();
  assert.equal(await wrap.getAttribute('class'), 'x-form-field-wrap x-form-field-trigger-wrap');
  assert.equal(await page.locator('.x-combo').count(), 0);
  const hidden = wrap.locator('input[type=hidden]');
  assert.equal(await hidden.getAttribute('name'), './authentication');
  assert.match(await hidden.getAttribute('id'), /^ext-gen\d+$/);
  assert.equal(await page.getByLabel('Authentication:').getAttribute('readonly'), '');
  assert.equal(await page.getByLabel('Authentication:').getAttribute('name'), null);
  assert.equal(await page.locator('.x-combo-list').count(), 0, 'lists are created lazily');
  // User Credentials by default: the IMS fields are hidden.
  assert.equal(await page.getByLabel('Tenant ID:').isVisible(), false);

  // Setting the hidden input from outside runs no ExtJS listener.
  await hidden.evaluate((el) => { el.value = 'ims'; el.dispatchEvent(new Event('change', { bubbles: true })); });
  assert.equal(await page.getByLabel('Tenant ID:').isVisible(), false);

  await page.getByLabel('Authentication:').click();
  const list = page.locator('body > .x-layer.x-combo-list').filter({ visible: true });
  assert.deepEqual(await list.locator('.x-combo-list-item').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttributeNames().filter((n) => n !== 'class')])), [['IMS', []], ['User Credentials', []]]);
  await list.locator('.x-combo-list-item', { hasText: 'IMS' }).click();
  assert.equal(await page.getByLabel('Tenant ID:').isVisible(), true);
  assert.equal(await page.evaluate(() => window.CQ.Ext.getCmp(document.querySelector('input[name="./authentication"]').nextElementSibling.id).getValue()), 'ims');

  await page.getByLabel('Client Code:').pressSequentially('acme');
  assert.equal(await page.getByLabel('Tenant ID:').inputValue(), 'acme');
  // A Tenant ID typed differently is kept.
  await page.getByLabel('Tenant ID:').fill('acmecorp');
  await page.getByLabel('Client Code:').fill('acme2');
  assert.equal(await page.getByLabel('Tenant ID:').inputValue(), 'acmecorp');

  await page.getByLabel('IMS Configuration:').click();
  await page.locator('.x-combo-list-item', { hasText: 'Adobe Target' }).filter({ visible: true }).click();
  assert.equal(await page.getByLabel('IMS Configuration:').inputValue(), 'Adobe Target');
  for (const [label, text] of [['API Type:', 'REST'], ['Client library:', 'AT.js']]) {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator('.x-combo-list-item', { hasText: text }).filter({ visible: true }).click();
  }
  await page.getByLabel('Synchronize segments from Adobe Target:').check();
  await page.getByRole('button', { name: 'Connect to Adobe Target' }).click();
  // AEM's own Connect, server side: this IMS configuration has no key pair, so it fails.
  const failed = page.getByRole('dialog').filter({ hasText: 'Connection failed' });
  await failed.waitFor();
  assert.deepEqual([cloud.state.aem.actions[0].action, cloud.state.aem.actions[0].ok], ['connectTarget', false]);
  await failed.getByRole('button', { name: 'OK' }).click();
  // The same configuration with a working OAuth credential, and the tenant typed above.
  const cred = cloud.state.credentials[OAUTH_CLIENT_ID];
  Object.assign(cloud.state.aem.imsConfigs.at(-1), { authType: 'oauth', clientId: OAUTH_CLIENT_ID, clientSecret: cred.clientSecret, scope: cred.scopes.join(',') });
  cloud.state.target.acmecorp = cloud.state.target.acme;

  // OK waits for a successful Connect.
  assert.equal(await page.getByRole('button', { name: 'OK' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Connect to Adobe Target' }).click();
  const message = page.getByRole('dialog', { name: 'Connection successful' });
  await message.waitFor();
  assert.deepEqual(cloud.state.aem.actions.map((a) => [a.action, a.ok]), [['connectTarget', false], ['connectTarget', true]]);
  await message.getByRole('button', { name: 'OK' }).click();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'OK' }).click()]);
  assert.deepEqual(cloud.state.aemSubmissions, [{
    path: '/etc/cloudservices/testandtarget/acme-target/jcr:content',
    fields: {
      _charset_: 'UTF-8', './authentication': 'ims', './tenant': 'acmecorp', './clientcode': 'acme2', './imsConfigId': 'target-ims-2',
      './apiKind': 'rest', './a4tAnalyticsConfig': '', './accurateTargeting': 'true', './accurateTargeting@Delete': '',
      './syncSegments': 'true', './syncSegments@Delete': '', './clientlib': 'atjs', './useLaunch@Delete': '',
    },
  }]);
  assert.equal(await page.locator('.tt-saved-tenant').textContent(), 'acmecorp');
});

test('AEM 6.5 classic dialog: Connect refuses an IMS configuration that is not chosen', async () => {
  await open(`${AUTHOR}/etc/cloudservices/testandtarget/acme-target.html`);
  await page.evaluate(() => {
    const auth = window.CQ.Ext.getCmp(document.querySelector('input[name="./authentication"]').nextElementSibling.id);
    auth.setValue('ims');
    auth.fireEvent('select', auth, auth.store.getAt(0), 0);
  });
  await page.getByLabel('Client Code:').fill('acme');
  await page.getByRole('button', { name: 'Connect to Adobe Target' }).click();
  await page.getByRole('dialog', { name: /Select an IMS Configuration/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'OK' }).first().isDisabled(), true);
});

test('AEMaaCS Target configuration: coral-select of IMS configurations, Save & Close posts the form', async () => {
  cloud.state.aem.imsConfigs.push({ id: 'target-oauth-2', title: 'Target OAuth', cloudServiceName: 'Adobe Target', authType: 'oauth', clientId: 'x' });
  await open(`${CLOUD}/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html/conf/wknd/settings/cloudconfigs/target`);
  await page.getByLabel('Client Code').pressSequentially('acme');
  assert.equal(await page.getByLabel('Tenant ID').inputValue(), 'acme');
  await chooseCoral('IMS Configuration', 'Target OAuth');
  assert.equal(await page.locator('coral-select[name="./imsConfigId"]').evaluate((s) => s.value), 'target-oauth-2');
  await page.locator('coral-checkbox', { hasText: 'Synchronize segments from Adobe Target' }).click();
  await Promise.all([page.waitForURL('**/cloudconfigs.html/conf/wknd'), page.getByRole('button', { name: 'Save & Close' }).click()]);
  assert.deepEqual(cloud.state.aemSubmissions, [{
    path: '/conf/wknd/settings/cloudconfigs/target/jcr:content',
    fields: {
      _charset_: 'UTF-8', './jcr:title': 'Adobe Target', './authentication': 'ims', './tenant': 'acme', './clientcode': 'acme',
      './imsConfigId': 'target-oauth-2', './apiKind': 'rest', './a4tAnalyticsConfig': '', './accurateTargeting': 'true',
      './accurateTargeting@Delete': '', './syncSegments': 'true', './syncSegments@Delete': '', './clientlib': 'atjs', './useLaunch@Delete': '',
    },
  }]);
  assert.equal(cloud.state.aem.targetConfigs[0].tenant, 'acme');
});

const LEGACY_CONSOLE = '/libs/cq/core/content/tools/cloudservices.html';
const TARGET_CONSOLE = '/libs/cq/personalization/touch-ui/content/v2/configurations.html';
const CLOUD_EDIT = '/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html';

test('Legacy Cloud Services (6.5): Adobe Target lists its configurations; Create refuses an empty Title', async () => {
  cloud.state.aem.targetConfigs.push({ path: '/etc/cloudservices/testandtarget/acme-target', title: 'Acme Target', tenant: 'acme', clientCode: 'acme', imsConfigId: '' });
  await open(`${AUTHOR}${LEGACY_CONSOLE}`);
  const target = page.getByRole('region', { name: 'Adobe Target' });
  assert.equal(await target.getByRole('link', { name: 'Acme Target' }).getAttribute('href'), '/etc/cloudservices/testandtarget/acme-target.html');
  // Every service offers "Configure now": the Adobe Target one is found inside its section.
  assert.ok((await page.getByRole('link', { name: 'Configure now', exact: true }).count()) > 1);
  assert.equal(await page.getByRole('dialog').count(), 0);

  await target.getByRole('link', { name: 'Configure now', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create Configuration' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Parent Configuration').inputValue(), '/etc/cloudservices/testandtarget');
  assert.equal(await dialog.getByLabel('Title', { exact: true }).inputValue(), '');
  assert.equal(await dialog.getByLabel('Name', { exact: true }).inputValue(), '');
  assert.equal(await dialog.getByRole('option', { selected: true }).textContent(), 'Adobe Target Configuration');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'title');

  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  assert.match(await dialog.getByRole('alert').textContent(), /Title/);
  assert.equal(await dialog.getByLabel('Title', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await dialog.isVisible(), true);
  assert.equal(new URL(page.url()).pathname, LEGACY_CONSOLE);
  assert.deepEqual(cloud.state.aemSubmissions, []);

  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  assert.equal(await dialog.isVisible(), false);
  assert.equal(cloud.state.aem.targetConfigs.length, 1);

  // Another service's "Configure now" opens the same dialog for its parent; the fake creates Target configurations only.
  await page.getByRole('region', { name: 'Adobe Analytics' }).getByRole('link', { name: 'Configure now', exact: true }).click();
  assert.equal(await dialog.getByLabel('Parent Configuration').inputValue(), '/etc/cloudservices/sitecatalyst');
  await dialog.getByLabel('Title', { exact: true }).fill('Acme Analytics');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await dialog.getByRole('alert').filter({ hasText: 'Adobe Target configurations only' }).waitFor();
  assert.equal(cloud.state.aem.targetConfigs.length, 1);
});

test('Create Configuration with a Title opens the new Target page, which keeps that title after OK', async () => {
  await open(`${AUTHOR}${LEGACY_CONSOLE}`);
  await page.getByRole('region', { name: 'Adobe Target' }).getByRole('link', { name: 'Configure now', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create Configuration' });
  await dialog.getByLabel('Title', { exact: true }).fill('Adobe Target (acme)');
  const loadedAt = await page.evaluate(() => performance.timeOrigin);
  await Promise.all([
    page.waitForURL(`${AUTHOR}/etc/cloudservices/testandtarget/adobe-target-acme.html`),
    dialog.getByRole('button', { name: 'Create', exact: true }).click(),
  ]);
  await page.waitForSelector('html[data-ready]');
  assert.notEqual(await page.evaluate(() => performance.timeOrigin), loadedAt, 'a real page load');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Adobe Target (acme)');
  assert.deepEqual(cloud.state.aemSubmissions, [{
    path: '/bin/wcmcommand',
    fields: {
      _charset_: 'UTF-8', cmd: 'createPage', parentPath: '/etc/cloudservices/testandtarget', title: 'Adobe Target (acme)', label: '',
      template: '/libs/cq/analytics/templates/testandtarget',
    },
  }]);
  assert.equal(cloud.state.aem.targetConfigs[0].title, 'Adobe Target (acme)');

  // OK saves the dialog (which has no title field): the title given at creation stays.
  await page.getByLabel('Client Code:').fill('acme');
  await page.getByLabel('Email:').fill('admin@acme.test');
  await page.getByLabel('Password:').fill('pw');
  await page.getByRole('button', { name: 'Connect to Adobe Target' }).click();
  await page.getByRole('dialog', { name: 'Connection successful' }).getByRole('button', { name: 'OK' }).click();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'OK' }).click()]);
  await page.waitForSelector('html[data-ready]');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Adobe Target (acme)');
  assert.equal(cloud.state.aem.targetConfigs.length, 1);
  assert.equal(cloud.state.aem.targetConfigs[0].clientCode, 'acme');

  // Back in the overview: listed under Adobe Target; the same name again is refused.
  await open(`${AUTHOR}${LEGACY_CONSOLE}`);
  const target = page.getByRole('region', { name: 'Adobe Target' });
  assert.equal(await target.getByRole('link', { name: 'Adobe Target (acme)' }).getAttribute('href'), '/etc/cloudservices/testandtarget/adobe-target-acme.html');
  await target.getByRole('link', { name: 'Configure now', exact: true }).click();
  await dialog.getByLabel('Title', { exact: true }).fill('Another');
  await dialog.getByLabel('Name', { exact: true }).fill('Adobe Target (ACME)');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  assert.match(await dialog.getByRole('alert').textContent(), /already exists/);
  // A typed Name is made a page name the same way.
  await dialog.getByLabel('Name', { exact: true }).fill(' Acme: Staging! ');
  await Promise.all([page.waitForURL('**/testandtarget/acme-staging.html'), dialog.getByRole('button', { name: 'Create', exact: true }).click()]);
  assert.equal(cloud.state.aem.targetConfigs.at(-1).title, 'Another');
});

test('Legacy Cloud Services on AEMaaCS: not available, with the way to Adobe Target', async () => {
  await open(`${CLOUD}${LEGACY_CONSOLE}`);
  await page.getByText('Legacy Cloud Services are not available').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Configure now' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: /Adobe Target/ }).getAttribute('href'), TARGET_CONSOLE);
});

/** On wknd's folder page: Create, then the edit page's Title, Client Code and Save & Close. */
async function createWkndTarget() {
  const create = page.getByRole('button', { name: 'Create', exact: true });
  assert.equal(await create.getAttribute('href'), `${CLOUD_EDIT}/conf/wknd/settings/cloudconfigs/target`);
  await Promise.all([page.waitForURL(`**${CLOUD_EDIT}/conf/wknd/settings/cloudconfigs/target`), create.click()]);
  await page.waitForSelector('html[data-ready]');
  await page.getByLabel('Title', { exact: true }).fill('WKND Target');
  await page.getByLabel('Client Code').fill('acme');
  await Promise.all([page.waitForURL('**/cloudconfigs.html/conf/wknd'), page.getByRole('button', { name: 'Save & Close' }).click()]);
}

test('AEMaaCS Adobe Target console, a column view (Adobe\'s screenshot): the folders, then a folder\'s own items or its preview; an item\'s box selects it, Properties opens it', async () => {
  cloud.state.aem.targetConfigs.push({ path: '/conf/acme/settings/cloudconfigs/target', title: 'Acme Target', tenant: 'acme', clientCode: 'acme', imsConfigId: '' });
  await open(`${CLOUD}${TARGET_CONSOLE}`);
  const item = (title) => page.locator('coral-columnview-item').filter({ has: page.getByText(title, { exact: true }) });
  assert.deepEqual(await page.locator('coral-columnview-item .foundation-collection-item-title').allInnerTexts(), ['wknd', 'acme']);
  assert.equal(await page.getByRole('button', { name: 'Create', exact: true }).count(), 0, 'Create once a folder is open');
  await Promise.all([page.waitForURL(`**${TARGET_CONSOLE}/conf/wknd`), item('wknd').click()]);
  await page.waitForSelector('html[data-ready]');
  // No configuration in it: the folder's preview, as Adobe's screenshot shows it.
  assert.match(await page.locator('coral-columnview-preview').innerText(), /Title\s+wknd\s+Name\s+wknd/);
  await createWkndTarget();

  await open(`${CLOUD}${TARGET_CONSOLE}/conf/wknd`);
  assert.equal(await page.locator('coral-columnview-preview').count(), 0);
  assert.equal(await item('WKND Target').getAttribute('data-foundation-collection-item-id'), '/conf/wknd/settings/cloudconfigs/target');
  const bar = page.getByRole('toolbar', { name: 'Selection' });
  assert.equal(await bar.isVisible(), false);
  await item('WKND Target').locator('[coral-columnview-itemselect]').click();
  assert.match(await bar.innerText(), /1 selected/);
  await Promise.all([page.waitForURL(`**${CLOUD_EDIT}/conf/wknd/settings/cloudconfigs/target`), bar.getByRole('button', { name: 'Properties' }).click()]);
  await page.waitForSelector('html[data-ready]');
  assert.equal(await page.getByRole('button', { name: 'Re-connect to Adobe Target' }).count(), 1);
});

test('AEMaaCS Adobe Target console, the list variant (state.aem.targetConsoleView): containers, then a container\'s configurations; Create opens the edit page', async () => {
  cloud.state.aem.targetConsoleView = 'list';
  cloud.state.aem.targetConfigs.push({ path: '/conf/acme/settings/cloudconfigs/target', title: 'Acme Target', tenant: 'acme', clientCode: 'acme', imsConfigId: '' });
  await open(`${CLOUD}${TARGET_CONSOLE}`);
  assert.equal(await page.getByRole('link', { name: 'wknd', exact: true }).getAttribute('href'), `${TARGET_CONSOLE}/conf/wknd`);
  assert.equal(await page.getByRole('link', { name: 'acme', exact: true }).getAttribute('href'), `${TARGET_CONSOLE}/conf/acme`);

  await Promise.all([page.waitForURL(`**${TARGET_CONSOLE}/conf/wknd`), page.getByRole('link', { name: 'wknd', exact: true }).click()]);
  await page.waitForSelector('html[data-ready]');
  await page.getByText('There is no item.').waitFor();
  await createWkndTarget();

  // The saved configuration is listed under its container; selected, its Properties open it,
  // where AEM's button is "Re-connect to Adobe Target" (Adobe's docs, editing).
  await open(`${CLOUD}${TARGET_CONSOLE}/conf/wknd`);
  assert.equal(await page.getByText('There is no item.').count(), 0);
  const bar = page.getByRole('toolbar', { name: 'Selection' });
  assert.equal(await bar.isVisible(), false);
  await page.getByRole('row', { name: /WKND Target/ }).getByRole('checkbox').check();
  await Promise.all([page.waitForURL(`**${CLOUD_EDIT}/conf/wknd/settings/cloudconfigs/target`), bar.getByRole('button', { name: 'Properties' }).click()]);
  await page.waitForSelector('html[data-ready]');
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'WKND Target');
  assert.equal(await page.getByRole('button', { name: 'Re-connect to Adobe Target' }).count(), 1);
  await open(`${CLOUD}${TARGET_CONSOLE}/conf/acme`);
  assert.equal(await page.getByRole('row', { name: /Acme Target/ }).count(), 1);
});

test('AEM 6.5 author serves the Adobe Target console too', async () => {
  await open(`${AUTHOR}${TARGET_CONSOLE}/conf/wknd`);
  assert.equal(await page.getByRole('button', { name: 'Create', exact: true }).getAttribute('href'), `${CLOUD_EDIT}/conf/wknd/settings/cloudconfigs/target`);
});

test('IMS wizard (6.5) with key pairs in the keystore: "Certificate" offers them while "Create new certificate" is off, and posts the one chosen', async () => {
  cloud.state.aem.keypairs = { 'ims-link-0a1b2c3d4e5f': { certificate: '', privateKey: '' }, other: { certificate: '', privateKey: '' } };
  await open(`${AUTHOR}${WIZARD}?variant=65-jwt`);
  await chooseCoral('Cloud Configuration', 'Adobe Target');
  // (chooseCoral finds labels by text, and "Create new certificate" comes first.)
  await page.locator('#ims-existingKeypairAlias button').first().click();
  await page.locator('#ims-existingKeypairAlias coral-selectlist-item', { hasText: 'ims-link-0a1b2c3d4e5f' }).click();
  // With the switch on, the existing certificates give way to a new one.
  await page.locator('coral-switch', { hasText: 'Create new certificate' }).click();
  assert.equal(await page.locator('#ims-existingKeypairAlias').isVisible(), false);
  await page.locator('coral-switch', { hasText: 'Create new certificate' }).click();
  assert.equal(await page.locator('#ims-existingKeypairAlias').isVisible(), true);
  await jwtAccountStep(page);
  const fields = cloud.state.aemSubmissions.at(-1).fields;
  assert.deepEqual([fields.newKeypair, fields.keypairAlias], ['false', 'ims-link-0a1b2c3d4e5f']);
  assert.equal(cloud.state.aem.imsConfigs.at(-1).keypairAlias, 'ims-link-0a1b2c3d4e5f');
});

test('AEM keystore: Create KeyStore with a password, then "Add Private Key from DER file" with two DER files stores the key pair; a wrong password shows AEM\'s error', async () => {
  const { createPrivateKey, X509Certificate } = await import('node:crypto');
  const { makeKeyPair } = await import('../test-keys.mjs');
  const pair = makeKeyPair({ cn: 'ims-link' });
  const key = { name: 'private_key.der', mimeType: 'application/octet-stream', buffer: createPrivateKey(pair.privateKeyPem).export({ type: 'pkcs8', format: 'der' }) };
  const cert = { name: 'certificate.der', mimeType: 'application/octet-stream', buffer: new X509Certificate(pair.certificatePem).raw };
  await open(`${AUTHOR}/libs/granite/security/content/keystore.html/home/users/system/authentication-service`);
  await page.getByLabel('New Password', { exact: true }).fill('s3cret');
  await page.getByLabel('Confirm Password', { exact: true }).fill('s3cret');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save' }).click()]);
  await page.waitForSelector('html[data-ready]');
  await page.getByRole('button', { name: 'Add Private Key from DER file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Private Key from DER file' });
  await dialog.getByLabel('New Alias').fill('ims-link-key');
  await dialog.getByLabel('Private Key File').setInputFiles(key);
  await dialog.getByLabel('Certificate Chain File').setInputFiles(cert);
  await dialog.getByLabel('Key Store Password').fill('wrong');
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await dialog.getByText('The key store password is incorrect.').waitFor();
  assert.equal(cloud.state.aem.keypairs?.['ims-link-key'], undefined);
  await dialog.getByLabel('Key Store Password').fill('s3cret');
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Submit' }).click()]);
  await page.getByText('ims-link-key', { exact: true }).waitFor();
  const stored = cloud.state.aem.keypairs['ims-link-key'];
  assert.equal(new X509Certificate(stored.certificate).fingerprint256, new X509Certificate(pair.certificatePem).fingerprint256);
});
