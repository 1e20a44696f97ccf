// ./build.sh demo: the fake Adobe cloud plus Chromium with the built extension, on a Target page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startFakeCloud } from '../fake-cloud/server.mjs';

const ext = new URL('../../dist/chrome/', import.meta.url).pathname;
const start = 'https://experience.adobe.com/#/@acme/target/activities';
const cloud = await startFakeCloud({ port: Number(process.env.PORT ?? 8443) });
const flags = [`--host-resolver-rules=${cloud.hostRules}`, '--ignore-certificate-errors',
  `--disable-extensions-except=${ext}`, `--load-extension=${ext}`];

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`No display here, so no browser window. The fake Adobe cloud runs on https://127.0.0.1:${cloud.port}.
Open it from a machine with a display (or under xvfb-run) with:

  chromium --user-data-dir="$(mktemp -d)" --no-first-run \\
    ${flags.map((f) => `'${f}'`).join(' \\\n    ')} \\
    '${start}'

Press Ctrl+C to stop.`);
} else {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ims-link-demo-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: false,
    viewport: null,
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...flags],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(start);
  console.log('Chromium is open on the fake Target page: click the IMS Link icon. Close the window or press Ctrl+C to stop.');
  context.on('close', async () => {
    await cloud.close();
    process.exit(0);
  });
}
