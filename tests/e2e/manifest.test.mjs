// Least privilege: the built manifests ask for exactly these permissions. A new permission
// must be added here on purpose, with the feature that needs it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = (browser) => JSON.parse(readFileSync(new URL(`../../dist/${browser}/manifest.json`, import.meta.url), 'utf8'));

const EXPECTED = {
  // storage: session memory for the profile, key pair and token; activeTab: read the tab the
  // admin clicked on; scripting: inject the content script into Adobe tabs open before install;
  // alarms: wake the worker to clear a copied secret from the clipboard (no install warning).
  permissions: ['activeTab', 'alarms', 'scripting', 'storage'],
  // Asked for when the first secret is copied, never at install (their warnings are the admin's call).
  optional_permissions: ['clipboardRead', 'clipboardWrite'],
  host_permissions: [
    'https://*.experiencecloud.adobe.com/*', // Target's legacy shell (tenant)
    'https://developer.adobe.com/*', // Developer Console credential pages (capture)
    'https://experience.adobe.com/*', // Target (tenant, client code)
    'https://ims-na1-stg1.adobelogin.com/*', // IMS check, stage
    'https://ims-na1.adobelogin.com/*', // IMS check
    'https://mc.adobe.io/*', // Target Admin API check
  ],
};

// offscreen: Chrome's worker has no DOM, so the clipboard is read and cleared in an offscreen
// document; sidePanel: Chrome's side panel (the popup's page in its panel mode). Firefox's
// background page and sidebar_action need neither.
const OWN_PERMISSIONS = { chrome: ['offscreen', 'sidePanel'], firefox: [] };

for (const browser of ['chrome', 'firefox']) {
  test(`${browser} manifest asks for exactly the expected permissions`, () => {
    const m = manifest(browser);
    assert.deepEqual([...m.permissions].sort(), [...EXPECTED.permissions, ...OWN_PERMISSIONS[browser]].sort());
    assert.deepEqual(m.optional_permissions, EXPECTED.optional_permissions);
    assert.deepEqual([...m.host_permissions].sort(), EXPECTED.host_permissions);
    // AEM runs on any host: its site access is asked for at run time, for the host the admin chooses.
    assert.deepEqual(m.optional_host_permissions, ['https://*/*', 'http://*/*']);
    assert.equal(m.externally_connectable, undefined, 'no web page may message the extension');
    // connect-src: the worker and popup may fetch only their own files (the wasm core), IMS and
    // the Target API, so even a followed redirect or a bug could not reach another host.
    assert.equal(
      m.content_security_policy.extension_pages,
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self' https://ims-na1.adobelogin.com https://ims-na1-stg1.adobelogin.com https://mc.adobe.io",
    );
    assert.ok(!JSON.stringify(m).includes('<all_urls>'));
  });
}

test('both browsers declare the side panel on the popup\'s page in its panel mode; the toolbar popup stays', () => {
  const chrome = manifest('chrome');
  const firefox = manifest('firefox');
  assert.deepEqual(chrome.side_panel, { default_path: 'popup.html?panel' });
  assert.equal(firefox.sidebar_action.default_panel, 'popup.html?panel');
  assert.equal(firefox.sidebar_action.open_at_install, false, 'the sidebar opens when the admin asks');
  assert.equal(chrome.sidebar_action, undefined);
  assert.equal(firefox.side_panel, undefined);
  for (const m of [chrome, firefox]) assert.equal(m.action.default_popup, 'popup.html');
});

test('per-browser differences come from the one source', () => {
  const chrome = manifest('chrome');
  const firefox = manifest('firefox');
  // A classic script, one file (./build.sh bundles it): Chrome keeps its compiled code.
  assert.deepEqual(chrome.background, { service_worker: 'background.js' });
  assert.deepEqual(firefox.background, { scripts: ['background.js'] });
  assert.equal(firefox.browser_specific_settings.gecko.id, 'ims-link@ims-link.dev');
  const strip = ({ background, browser_specific_settings, minimum_chrome_version, side_panel, sidebar_action, permissions, ...rest }) => rest;
  assert.deepEqual(strip(chrome), strip(firefox));
  assert.deepEqual(chrome.permissions.filter((p) => !firefox.permissions.includes(p)), OWN_PERMISSIONS.chrome);
});
