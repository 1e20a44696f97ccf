// Compares builds on a busy machine: `node tests/bench/ab.mjs old=/path/to/dist/chrome new=dist/chrome`
// runs bench.mjs on each build in turn, AB_ROUNDS times (default 3, BENCH_RUNS samples per
// round, default 10), alternating, so that load from other work hits every build alike. It
// prints, per metric, the median over the rounds of each build's median, and each build's
// ratio to the first one. BENCH_ONLY passes through (default: every section).
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const builds = process.argv.slice(2).map((a) => {
  const [name, dir] = a.split('=');
  return { name, dir: resolve(dir) };
});
if (builds.length < 2) throw new Error('usage: node tests/bench/ab.mjs name=dist/chrome name=other/dist/chrome ...');
const rounds = Number(process.env.AB_ROUNDS ?? 3);
const tmp = mkdtempSync(join(tmpdir(), 'ims-link-ab-'));
const bench = new URL('./bench.mjs', import.meta.url).pathname;
const seen = Object.fromEntries(builds.map((b) => [b.name, []]));

for (let r = 0; r < rounds; r++) {
  // Alternate the order too, so neither build always runs first after a pause.
  const order = r % 2 ? [...builds].reverse() : builds;
  for (const b of order) {
    const out = join(tmp, `${b.name}-${r}.json`);
    console.error(`round ${r + 1}/${rounds}: ${b.name}`);
    const run = spawnSync(process.execPath, [bench], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, BENCH_DIST: b.dir, BENCH_OUT: out, BENCH_RUNS: process.env.BENCH_RUNS ?? '10' },
    });
    if (run.status !== 0) {
      console.error(`${b.name} round ${r + 1} failed (exit ${run.status})`);
      continue;
    }
    seen[b.name].push(JSON.parse(readFileSync(out, 'utf8')));
  }
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : undefined;
};
const metrics = [...new Set(Object.values(seen).flat().flatMap((r) => Object.keys(r)))];
const rows = [];
const table = {};
for (const m of metrics) {
  for (const field of ['median_ms', 'value', 'in_page_ms', 'over_blank_ms', 'over_blank_end_to_end_ms', 'over_popup_ms', 'wasm_ms', 'gzip_bytes', 'ratio']) {
    const per = builds.map((b) => median(seen[b.name].map((r) => r[m]?.[field])));
    if (per.every((x) => x === undefined)) continue;
    const key = field === 'median_ms' || field === 'value' ? m : `${m}.${field}`;
    table[key] = Object.fromEntries(builds.map((b, i) => [b.name, per[i]]));
    const base = per[0];
    rows.push(`| ${key} | ${per.map((x) => x ?? '–').join(' | ')} | ${per.slice(1).map((x) => (x !== undefined && base ? (x / base).toFixed(2) : '–')).join(' | ')} |`);
  }
}
console.log(`\n${rounds} alternating rounds, medians of the rounds' medians (ms; bytes for sizes)\n`);
console.log(`| metric | ${builds.map((b) => b.name).join(' | ')} | ${builds.slice(1).map((b) => `${b.name}/${builds[0].name}`).join(' | ')} |`);
console.log(`|---|${builds.map(() => '---').join('|')}|${builds.slice(1).map(() => '---').join('|')}|`);
rows.forEach((r) => console.log(r));
const outFile = process.env.AB_OUT ?? join(tmp, 'ab.json');
writeFileSync(outFile, JSON.stringify({ rounds, table, raw: seen }, null, 2) + '\n');
console.log(`\nwritten to ${outFile}`);
