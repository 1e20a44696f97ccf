// One Debian Chromium and the fake Adobe cloud for a test file that drives the fake pages
// without the extension, with fresh fake state and a fresh page for each test. Registers the
// file's hooks; the returned object holds the live `cloud`, `browser` and `page`.
import { after, before, beforeEach } from 'node:test';
import { chromium } from 'playwright-core';
import { startFakeCloud } from './server.mjs';
import { createState } from './state.mjs';

export function chromiumOnFakeCloud() {
  const live = { cloud: null, browser: null, page: null };
  before(async () => {
    live.cloud = await startFakeCloud();
    live.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        `--host-resolver-rules=${live.cloud.hostRules}`, '--ignore-certificate-errors'],
    });
  });
  after(async () => {
    await live.browser?.close();
    await live.cloud?.close();
  });
  beforeEach(async () => {
    Object.assign(live.cloud.state, createState());
    await live.page?.close();
    live.page = await live.browser.newPage();
  });
  return live;
}
