// The side panel's link to the site's Target configurations, on each way AEM's Target console
// may list its folders (the panel's other walks: guide-panel.test.mjs; tests/e2e/panel-kit.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { panelKit } from './panel-kit.mjs';

const { browser, panelWalk, connected } = panelKit();

// Which folders AEM's Target console lists, and how, are G (PAGES.md): with one site's folder
// the link goes there; with several the admin picks one, as before; the list view's links are
// read as well as the column view's items.
for (const [name, variant, own] of [
  ['several site folders: the admin picks one', { confSites: ['wknd', 'wknd-events'] }, 3],
  ['global listed beside the site\'s folder', { confSites: ['global', 'wknd'] }, 2],
  ['the list view of folders', { targetConsoleView: 'list' }, 2],
]) {
  test(`the panel's link to the Target configurations, ${name}`, async () => {
    Object.assign(browser().cloud.state.aem, variant);
    try {
      const { clicks, trail } = await panelWalk(false);
      connected();
      assert.equal(clicks.own, own, trail.join('\n'));
      const folderLink = trail.some((t) => t.includes('Open the Adobe Target configurations of /conf/wknd'));
      assert.equal(folderLink, own === 2, trail.join('\n'));
    } finally {
      for (const key of Object.keys(variant)) delete browser().cloud.state.aem[key];
    }
  });
}

