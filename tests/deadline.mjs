// node:test's `test` with a deadline of its own for each test, so the browser suites can run
// files side by side (./build.sh, node_e2e): node applies `--test-timeout` to a whole file as
// well as to each of its tests, and a file of long walks that passes on its own can pass that
// deadline when it shares the machine with another file, although none of its tests hung.
import { test as nodeTest } from 'node:test';

/** A test that runs longer than this has hung (the longest walk takes about 50 s alone). */
const TEST_TIMEOUT_MS = 180_000;

/**
 * `test(name, [options], fn)` as node:test's, with `timeout` defaulting to TEST_TIMEOUT_MS.
 * @param {string} name
 * @param {any} options
 * @param {any} [fn]
 */
export function test(name, options, fn) {
  if (typeof options === 'function') return nodeTest(name, { timeout: TEST_TIMEOUT_MS }, options);
  return nodeTest(name, { timeout: TEST_TIMEOUT_MS, ...options }, fn);
}
