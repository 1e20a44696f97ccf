// The side panel's walks (guide-panel.test.mjs, guide-panel-folders.test.mjs): a browser per
// file and the OAuth walk in the panel. The walks take 20-50 s each and node's runner gives a
// file 180 s in all, so they are split over two files.
import assert from 'node:assert/strict';
import { CLOUD, OAUTH } from './fixtures.mjs';
import { guideKit } from './guide-kit.mjs';
import { browserPerFile } from './harness.mjs';

/** A browser for the file's tests, the guide's kit, and the panel's walk. */
export function panelKit() {
  const browser = browserPerFile();
  const kit = guideKit(browser);
  const { walk, admin, freshAem, lastAction } = kit;

  /** The OAuth walk in the side panel; the AEM author's site access starts not granted. */
  async function panelWalk(keyboard, seed = () => {}) {
    freshAem();
    seed();
    await browser().worker().evaluate((o) => chrome.permissions.remove({ origins: [`${o}/*`] }), CLOUD);
    const cred = browser().cloud.state.credentials[OAUTH];
    return walk(admin({ project: cred.projectName, credential: 'OAuth Server-to-Server', aem: CLOUD, site: 'wknd' }), null, { mode: 'panel', keyboard });
  }

  /** AEM's own checks passed and the Target configuration was saved after Connect. */
  function connected() {
    const ims = browser().cloud.state.aem.imsConfigs.at(-1);
    assert.equal(ims.clientId, OAUTH);
    assert.deepEqual(lastAction('checkHealth'), { action: 'checkHealth', id: ims.id, ok: true });
    assert.equal(lastAction('connectTarget')?.ok, true);
    const target = browser().cloud.state.aem.targetConfigs.at(-1);
    assert.deepEqual([target.tenant, target.clientCode, target.imsConfigId], ['acme', 'acme', ims.id], 'saved after Connect');
  }

  return { browser, kit, panelWalk, connected };
}
