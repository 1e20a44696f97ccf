// ./build.sh screenshots: the README's pictures, taken from the built extension on the fake cloud.
import { mkdirSync } from 'node:fs';
import { launch } from '../e2e/harness.mjs';

const out = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const b = await launch();
try {
  const { page, tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  await page.setViewportSize({ width: 1100, height: 420 });
  // Target draws in the shell's frame, after the shell itself.
  await page.frameLocator('iframe.solution-frame').getByRole('heading', { name: 'Activities' }).waitFor();
  await page.screenshot({ path: `${out}target-activities.png` });
  // The popup as Chrome shows it: its real size (380 x 600 at most), light and dark.
  const popup = await b.openPopup(tabId, { expand: false });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.locator('#tenant-row').waitFor();
  await popup.screenshot({ path: `${out}popup-tenant.png` });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: `${out}popup-tenant-dark.png` });
  console.log(`screenshots written to ${out}`);
} finally {
  await b.close();
}
