// Writes one browser's manifest from the single source `manifest.json`: the shared keys,
// the version from Cargo.toml, and that browser's own block merged over them.
import { readFileSync, writeFileSync } from 'node:fs';

const [browser, version, out] = process.argv.slice(2);
if (!['chrome', 'firefox'].includes(browser) || !version || !out) {
  console.error('usage: node build-manifest.mjs chrome|firefox VERSION OUT_FILE');
  process.exit(2);
}
const source = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));
const { chrome, firefox, ...shared } = source;
const manifest = { ...shared, ...(browser === 'chrome' ? chrome : firefox), version };
writeFileSync(out, JSON.stringify(manifest, null, 2) + '\n');
