// Writes one browser's manifest from the single source `manifest.json`: the shared keys,
// the version from Cargo.toml, and that browser's own block merged over them.
// Firefox's minimum (gecko.strict_min_version 140, gecko_android 142) is set by
// `data_collection_permissions`, which Firefox supports from those versions (README "Firefox");
// JSON has no comments, so the reason lives here.
// The side panel: Chrome's `side_panel` needs the `sidePanel` permission (the chrome block's
// `permissions` are added to the shared ones); Firefox's `sidebar_action` needs none. Both open
// the popup's own page in its panel mode (`popup.html?panel`, see popup/first.js).
import { readFileSync, writeFileSync } from 'node:fs';

const [browser, version, out] = process.argv.slice(2);
if (!['chrome', 'firefox'].includes(browser) || !version || !out) {
  console.error('usage: node build-manifest.mjs chrome|firefox VERSION OUT_FILE');
  process.exit(2);
}
const source = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));
const { chrome, firefox, ...shared } = source;
const own = browser === 'chrome' ? chrome : firefox;
const manifest = { ...shared, ...own, version };
// A browser's own permissions add to the shared ones (Chrome's offscreen document) rather
// than replace them.
for (const key of ['permissions', 'optional_permissions']) {
  if (own[key]) manifest[key] = [...(shared[key] ?? []), ...own[key]];
}
writeFileSync(out, JSON.stringify(manifest, null, 2) + '\n');
