import { chromium } from 'playwright-core';
import { startFakeCloud } from '../fake-cloud/server.mjs';
const cloud = await startFakeCloud();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update', `--host-resolver-rules=${cloud.hostRules}`, '--ignore-certificate-errors'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('requestfailed', r => console.log('fail', r.url())); page.on('response', r => r.status() >= 400 && console.log('status', r.status(), r.url()));
const [url, shot, ...steps] = process.argv.slice(2);
await page.goto(url);
await page.waitForSelector('html[data-ready]', { timeout: 5000 }).catch(() => console.log('not ready'));
for (const s of steps) { console.log(s, '=>', await page.evaluate(s)); await page.waitForTimeout(200); }
await page.screenshot({ path: shot, fullPage: true });
console.log(JSON.stringify(cloud.state.aemSubmissions), JSON.stringify(cloud.state.aem.actions));
await browser.close(); await cloud.close();
