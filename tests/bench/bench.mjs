// ./build.sh bench: timings of the built extension in one Chromium session, printed as a
// table and written to dist/bench.json as { metric: { median_ms, p95_ms, n } }.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch } from '../e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median_ms: +at(0.5).toFixed(3), p95_ms: +at(0.95).toFixed(3), n: s.length };
};

const b = await launch();
const results = {};
try {
  const { tabId } = await b.openTab('https://experience.adobe.com/#/@acme/target/activities');
  const popupReady = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const popup = await b.openPopup(tabId);
    await popup.locator('#tenant-row').waitFor();
    popupReady.push(performance.now() - t0);
    await popup.close();
  }
  results.popup_ready = stats(popupReady);

  const popup = await b.openPopup(tabId);
  await popup.locator('#tenant-row').waitFor();
  const wasmInit = await popup.evaluate(async (runs) => {
    const { default: init } = await import('./pkg/ims_link.js');
    const bytes = await (await fetch('./pkg/ims_link_bg.wasm')).arrayBuffer();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await WebAssembly.compile(bytes);
      times.push(performance.now() - t0);
    }
    await init({ module_or_path: bytes });
    return times;
  }, RUNS);
  results.wasm_compile = stats(wasmInit);
  const parse = await popup.evaluate(async (runs) => {
    const core = await import('./pkg/ims_link.js');
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      core.tenantFromUrl('https://experience.adobe.com/#/@acme/sname:prod/target/activities');
      times.push(performance.now() - t0);
    }
    return times;
  }, RUNS);
  results.tenant_parse_wasm = stats(parse);
} finally {
  await b.close();
}
const wasm = readFileSync(new URL('../../dist/chrome/pkg/ims_link_bg.wasm', import.meta.url));
results.wasm_gzip_bytes = { value: gzipSync(wasm, { level: 9 }).length };

console.log(`\n| metric | median ms | p95 ms | n |\n|---|---|---|---|`);
for (const [k, v] of Object.entries(results)) {
  console.log(v.value !== undefined ? `| ${k} | ${v.value} bytes | | |` : `| ${k} | ${v.median_ms} | ${v.p95_ms} | ${v.n} |`);
}
writeFileSync(new URL('../../dist/bench.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
console.log('\nwritten to dist/bench.json');
