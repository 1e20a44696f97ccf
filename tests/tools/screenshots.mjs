// ./build.sh screenshots: the README's pictures, taken from the built extension on the fake cloud.
import { mkdirSync } from 'node:fs';
import { launch } from '../e2e/harness.mjs';

const out = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const b = await launch();
try {
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  await page.setViewportSize({ width: 1100, height: 420 });
  await page.screenshot({ path: `${out}target-activities.png` });
  const popup = await b.openPopup(tabId);
  await popup.setViewportSize({ width: 360, height: 250 });
  await popup.locator('#tenant-row').waitFor();
  await popup.screenshot({ path: `${out}popup-tenant.png` });
  console.log(`screenshots written to ${out}`);
} finally {
  await b.close();
}
