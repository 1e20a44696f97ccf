#!/usr/bin/env bash
# IMS Link build driver. Every subcommand installs what it needs on a fresh Debian machine
# and skips what is already there.
#
#   ./build.sh          build the extension into dist/ (chrome, firefox, www, zips)
#   ./build.sh test     every test; ends with "N passed, N failed"
#   ./build.sh demo     build, start the fake Adobe cloud, open Chromium with the extension
#   ./build.sh bench    timings, printed as a table and written to dist/bench.json
#   ./build.sh size     the extension's module in five function orders, gzipped, and their average
#   ./build.sh screenshots  the README's pictures, from the fake cloud, into docs/screenshots/
#   ./build.sh fuzz     the parsers' property tests with many more cases (FUZZ_CASES, default 50000)
#   ./build.sh fresh-check  the README's two commands in a fresh clone of HEAD, as a newcomer
#                       meets them: empty cargo home and npm cache, no node_modules, timed
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
# rustup's usual place, for shells that never sourced it; tools installed by `cargo install`
# land in $CARGO_HOME/bin, so look there first.
command -v cargo >/dev/null || PATH="$HOME/.cargo/bin:$PATH"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# The wasm names each crate's files where they were built (panic locations): under
# $CARGO_HOME/registry/src/..., so the shipped module's bytes changed with the machine's cargo
# home (575,188 or 575,268 bytes for one commit). Mapped to "cargo", every machine builds the
# same module. The standard library's files are named /rustc/<commit>/library/..., unless
# rustup's rust-src component is installed (rust-analyzer wants it): rustc then names them by
# that copy's path under the toolchain (568,652 bytes instead of 568,188), so they are mapped
# back. This replaces .cargo/config.toml's rustflags (cargo does not merge the two), so it
# carries them too.
WASM_RUSTFLAGS="--cfg sha2_backend_soft=\"compact\" -C llvm-args=-max-store-memcpy=1 --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=cargo"
if command -v rustc >/dev/null; then
  WASM_RUSTFLAGS+=" --remap-path-prefix=$(rustc --print sysroot)/lib/rustlib/src/rust=/rustc/$(rustc -vV | sed -n 's/^commit-hash: //p')"
fi
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=$WASM_RUSTFLAGS
WASM_TARGET=wasm32-unknown-unknown
DENY_VERSION=0.20.2
# WebDriver for the Firefox suite, from the Rust package registry; pinned like wasm-bindgen-cli.
GECKODRIVER_VERSION=0.37.1
CRATE=ims_link

say() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

crate_version() { sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1; }
# The CLI must match the wasm-bindgen crate exactly, or the generated glue is rejected.
bindgen_version() { grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p'; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_ensure() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  # Other builds on the machine may hold apt's lock for a while: wait for it instead of failing.
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
}

ensure_build_tools() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
  rustup target list --installed | grep -qx "$WASM_TARGET" || { say "adding Rust target $WASM_TARGET"; rustup target add "$WASM_TARGET"; }
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want have
  want=$(bindgen_version)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (about 3 minutes)"
    # --locked fails here: a pinned dependency of the CLI is missing from the registry.
    cargo install -q wasm-bindgen-cli --version "$want"
  fi
  command -v node >/dev/null || apt_ensure nodejs npm
  command -v python3 >/dev/null || apt_ensure python3
  # npm's binaryen: Debian's wasm-opt 108 breaks wasm-bindgen's externref table.
  npm_ensure tools "build tools"
}

# Installs a folder's npm packages exactly as its lock file says, unless they are there already.
npm_ensure() {
  local dir=$1 what=$2
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing $what (npm ci in $dir/)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_test_tools() {
  ensure_build_tools
  npm_ensure tests "test packages"
  if [ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" != "$DENY_VERSION" ]; then
    say "installing cargo-deny $DENY_VERSION (about 4 minutes)"
    cargo install -q cargo-deny --version "$DENY_VERSION" --locked
  fi
  apt_ensure chromium chromium-driver firefox-esr openssl
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
    cargo install -q geckodriver --version "$GECKODRIVER_VERSION"
  fi
  if [ -f tests/requirements.txt ] && ! python3 -c 'import jwt, cryptography' 2>/dev/null; then
    say "installing Python test packages"
    python3 -m pip install -q -r tests/requirements.txt
  fi
}

# ---------------------------------------------------------------- build

# wasm-opt on one module, in place. -Os, not -Oz: 3 KB larger but 991 bytes smaller gzipped on
# the shipped module. --low-memory-unused lets it fold added constants into load/store offsets
# (2,700 bytes smaller gzipped): rustc's layout puts only the
# stack's deepest KB there (the stack runs from 1 MB down to 0), which no run reaches short of
# overflowing it. The producers and target-features sections are for tools, not browsers.
# --one-caller-inline-max-function-size 20: binaryen otherwise inlines every function with one
# caller, whatever its size, and made the worker's step one 133 KB function that V8 compiles
# whole (lazily, on first call) at every wake: about 10 ms of the first step. Kept as separate
# functions, a wake compiles only what its event runs (first step about 2 ms), and the module
# is 14 KB smaller gzipped (228 vs 242 KB; 11 KB larger raw; likely because small functions
# number their locals alike, which gzip finds). 0, 10, 30 and 50 measured within 2 KB of 20;
# 200 and up lose most of it.
# tools/order-functions.py then --reorder-functions-by-name: each function next to the one its
# code most resembles, so gzip finds the repeats (deflate looks back 32 KB only): the same code,
# 5.7 KB smaller gzipped (217,870 to 212,129; by name alone, 216,229; raw size within 200 bytes).
# --flatten --rereloop -Os -Os after the first -Os: binaryen's Relooper lays out each function's
# control flow anew, and -Os then folds it further: 4.2 KB smaller raw and 1.2 KB gzipped
# (171,782 to 170,570 on average over five function orders; -O4's --flatten alone gains nothing,
# -Oz after it is larger gzipped, a third -Os 30 bytes more). Compiling the module in V8 takes as
# long as before (1.5 to 1.7 ms in Node); wasm-opt takes 5 s longer per module.
# --minify-imports-and-exports-and-modules: wasm-bindgen's import names (71 of them, such as
# `__wbg_fetch_654fba40e8e12c90`, each under the module `./ims_link_bg.js`) and the exports become
# one or two letters, 3.7 KB smaller raw and 1.8 KB gzipped (their hashes are hex gzip cannot
# shrink); tools/rename-glue.py gives the glue (<name>.js beside the module) the same names.
# Arguments after the module go to tools/order-functions.py (`./build.sh size`).
optimize() {
  local features=(--enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int
    --enable-mutable-globals --enable-reference-types --enable-multivalue)
  python3 tools/order-functions.py "$1" "$1.named" "${@:2}"
  tools/node_modules/.bin/wasm-opt -Os --flatten --rereloop -Os -Os --one-caller-inline-max-function-size 20 \
    --low-memory-unused \
    --strip-producers --strip-target-features --reorder-functions-by-name "${features[@]}" \
    --minify-imports-and-exports-and-modules -o "$1.opt" "$1.named" >"$1.names.json" &&
    python3 tools/rename-glue.py "$1.names.json" "$1.opt" "${1%_bg.wasm}.js" &&
    mv "$1.opt" "$1" && rm "$1.named" "$1.names.json"
}

build() {
  ensure_build_tools
  local version out=target/bindgen
  version=$(crate_version)
  say "compiling the core to wasm (release)"
  cargo build -q --release --target "$WASM_TARGET" --lib
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out/web" "target/$WASM_TARGET/release/$CRATE.wasm"
  # The www page's module has its own exports too (`www`: inspector, cURL, JWT), which the
  # extension never calls. It must also work opened from disk, where ES modules and fetch are
  # blocked.
  cargo build -q --release --target "$WASM_TARGET" --lib --features www
  wasm-bindgen --target no-modules --no-typescript --out-dir "$out/classic" "target/$WASM_TARGET/release/$CRATE.wasm"
  for f in "$out"/web/*_bg.wasm "$out"/classic/*_bg.wasm; do optimize "$f"; done

  say "assembling dist/"
  # The zips stay until replaced (zipdir.py renames the new one over the old): Firefox keeps
  # reading a temporarily loaded add-on from its file, so a zip that vanished mid-build would
  # break the content scripts of a Firefox that loaded it ("Unable to load script").
  rm -rf dist/chrome dist/firefox dist/www && mkdir -p dist
  local browser
  for browser in chrome firefox; do
    local d=dist/$browser
    mkdir -p "$d/pkg"
    (cd extension && tar --exclude=manifest.json --exclude=build-manifest.mjs --exclude='*.py' -cf - .) | tar -xf - -C "$d"
    cp "$out/web/$CRATE.js" "$out/web/${CRATE}_bg.wasm" "$d/pkg/"
    bundle "$d"
    node extension/build-manifest.mjs "$browser" "$version" "$d/manifest.json"
  done
  mkdir -p dist/www/pkg
  cp www/* dist/www/
  cp -r extension/shared dist/www/
  cp "$out/classic/$CRATE.js" dist/www/pkg/
  node tools/inline-wasm.mjs "$out/classic/${CRATE}_bg.wasm" dist/www/pkg/${CRATE}_wasm.js
  for browser in chrome firefox; do
    python3 tools/zipdir.py "dist/$browser" "dist/ims-link-$browser-$version.zip"
  done
  say "built dist/chrome, dist/firefox, dist/www and the zips (wasm $(stat -c %s dist/chrome/pkg/${CRATE}_bg.wasm) bytes)"
}

# The popup and the worker each as one script: a page pays for every module it fetches
# (measured: the popup's twelve modules took longer to load than the page itself), so the
# sources stay small files and dist/ gets one file per entry, readable (not minified). The
# worker's is a classic script, not a module: Chrome keeps V8's compiled code of a classic
# service worker script and parses a module one again at every wake (traced: 4 ms parsing
# and 4 ms compiling its functions, gone). The glue's `import.meta.url` is never read: the
# worker names the wasm file itself. The popup's is a classic script too, run in the page's
# head so that its first request goes out before the body is parsed. Both in strict mode, as the
# modules were. The modules they came from leave dist/; pkg/ stays whole (the tests import its
# glue).
bundle() {
  local d=$1
  # The popup's stylesheet goes in the page itself (tools/inline-css.mjs says why).
  tools/node_modules/.bin/esbuild "$d/popup.js" --bundle --format=iife --log-level=warning \
    --banner:js='"use strict";' --outfile="$d/popup.js" --allow-overwrite
  node tools/inline-css.mjs "$d/popup.html"
  tools/node_modules/.bin/esbuild "$d/background.js" --bundle --format=iife --log-level=warning \
    --log-override:empty-import-meta=silent --banner:js='"use strict";' \
    --outfile="$d/background.js" --allow-overwrite
  rm -r "$d/popup" "$d/worker" "$d/shared/ext.js" "$d/shared/dom.js" "$d/shared/keyfiles.js"
}

# ---------------------------------------------------------------- test

PASSED=0
FAILED=0
SKIPPED=0
FAILURES=()
SECOND_RUN=()

log_of() { echo "target/test-logs/${1//[^A-Za-z0-9]/-}.log"; }

# Why a step failed, in one line read from its log: the failed tests' names, else the first
# error line, else the last line. The summary prints it next to the step's name.
reason() {
  local log=$1 r
  r=$(sed -n 's/^test \(.*\) \.\.\. FAILED$/\1/p' "$log" | head -n 5 | paste -sd ',' -)
  [ -n "$r" ] || r=$(awk '/^✖ failing tests:/ { f = 1; next }
    f && /^✖ / { sub(/^✖ /, ""); sub(/ \([0-9.]+m?s\)$/, ""); print }' "$log" | head -n 5 | paste -sd ',' -)
  [ -n "$r" ] && r="tests failed: $r"
  [ -n "$r" ] || r=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -m 1 -iE 'error|failed|panicked|timed out' || true)
  [ -n "$r" ] || r=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -v '^[[:space:]]*$' | tail -n 1 || true)
  printf '%s' "${r:0:300}"
}

failed_step() { FAILURES+=("$1: $(reason "$2") (log: $2)"); }

# Runs one check that counts as a single test.
check() {
  local name=$1 log; shift
  log=$(log_of "$name")
  say "$name"
  if "$@" 2>&1 | tee "$log"; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); failed_step "$name" "$log"; fi
}

# Runs a test suite and adds its own counts, read from its output.
suite() {
  local name=$1 parser=$2; shift 2
  local log rc=0
  log=$(log_of "$name")
  say "$name"
  "$@" 2>&1 | tee "$log" || rc=$?
  local p f s
  read -r p f s < <("$parser" "$log")
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + s))
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then FAILED=$((FAILED + 1)); fi
  if [ "$rc" != 0 ]; then failed_step "$name" "$log"; fi
}

cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
       END { print p + 0, f + 0, s + 0 }' "$1"
}

# Reads the summary of node's spec reporter ("ℹ pass 5", "ℹ fail 0", ...).
node_counts() {
  awk '$1 == "ℹ" && $2 == "pass" { p += $3 } $1 == "ℹ" && ($2 == "fail" || $2 == "cancelled") { f += $3 }
       $1 == "ℹ" && ($2 == "skipped" || $2 == "todo") { s += $3 }
       END { print p + 0, f + 0, s + 0 }' "$1"
}

# The browser suites, each test with a deadline so a hung browser fails instead of eating CI's
# time. node applies `--test-timeout` to a whole file as well as to each test, and with two
# files at a time a file of long walks (146 s alone) passed 180 s: 10 minutes bounds both. A file
# that fails runs once more on its own: a second failure counts; a pass on the second run is
# named in the summary, never hidden.
node_e2e() {
  local limit=$1 files=$2; shift 2
  timeout -k 30 "$limit" node --test --test-concurrency="$files" --test-timeout=600000 --test-force-exit --test-reporter=spec "$@"
}

# e2e NAME LOG LIMIT FILES PATH...: one browser suite, FILES of its files at a time, counted in
# the summary under NAME.
e2e() {
  local name=$1 base=$2 limit=$3 files=$4; shift 4
  local log=target/test-logs/$base.log rc=0 p f s
  say "$name"
  node_e2e "$limit" "$files" "$@" 2>&1 | tee "$log" || rc=$?
  read -r p f s < <(node_counts "$log")
  local again=()
  [ "$rc" != 0 ] && mapfile -t again < <(sed -n 's/^test at \(tests\/[^:]*\):[0-9].*/\1/p' "$log" | sort -u)
  if [ ${#again[@]} -gt 0 ] && [ "$f" -gt 0 ]; then
    say "running the files that failed once more: ${again[*]}"
    local rc2=0 p2 f2 s2
    node_e2e 15m 1 "${again[@]}" 2>&1 | tee "target/test-logs/$base-again.log" || rc2=$?
    read -r p2 f2 s2 < <(node_counts "target/test-logs/$base-again.log")
    # A second run that ran no test proves nothing (the files named were not the ones that failed).
    if [ "$rc2" = 0 ] && [ "$p2" -gt 0 ]; then
      SECOND_RUN+=("${again[@]}")
      p=$((p + f)); f=0; rc=0
    elif [ $((p2 + f2)) -gt 0 ]; then
      p=$((p + f - f2)); f=$f2
    fi
  fi
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + s))
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then FAILED=$((FAILED + 1)); fi
  if [ "$rc" != 0 ]; then
    [ ${#again[@]} -gt 0 ] && log=target/test-logs/$base-again.log
    failed_step "$name" "$log"
  fi
}

# web-ext lint on the Firefox build: no errors, warnings or notices.
lint_firefox() {
  tests/node_modules/.bin/web-ext lint --source-dir dist/firefox --output json 2>/dev/null |
    node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const r = JSON.parse(s); const all = [...r.errors, ...r.warnings, ...r.notices];
      all.forEach((m) => console.log(`${m._type} ${m.code}: ${m.message}`));
      console.log(`web-ext lint: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
      process.exit(all.length ? 1 : 0); })'
}

# cargo deny reads `cargo metadata` for every target in deny.toml, so every crate the lock file
# lists must be on disk, not only those this machine's builds fetched: fetch them all first.
deny_check() {
  cargo fetch --locked -q && cargo deny --offline check licenses bans sources
}

# The extension's and the www page's JavaScript against the browser's types, JSDoc and the wasm
# API's generated declarations (see tsconfig.json).
js_types() {
  local wasm=target/$WASM_TARGET/release/$CRATE.wasm
  cargo build -q --release --target "$WASM_TARGET" --lib
  rm -rf target/types && mkdir -p target/types/extension/pkg target/types/www
  wasm-bindgen --target web --out-dir target/types/extension/pkg "$wasm"
  cargo build -q --release --target "$WASM_TARGET" --lib --features www
  wasm-bindgen --target no-modules --out-dir target/types/www "$wasm"
  tools/node_modules/.bin/tsc -p tsconfig.json
}

run_tests() {
  ensure_test_tools
  mkdir -p target/test-logs
  check "cargo fmt --check" cargo fmt --check
  check "cargo clippy (native)" cargo clippy -q --all-targets -- -D warnings
  check "cargo clippy (wasm)" cargo clippy -q --target "$WASM_TARGET" --lib -- -D warnings
  # The bench's and the wasm tests' exports (Cargo.toml [features]).
  check "cargo clippy (wasm, all features)" cargo clippy -q --target "$WASM_TARGET" --lib --all-features -- -D warnings
  # Advisories are not checked: their database is on GitHub, which these machines cannot reach.
  check "cargo deny (licenses, bans, sources)" deny_check
  check "JavaScript types (tsc --noEmit)" js_types
  suite "native unit tests" cargo_counts cargo test --release
  # Every browser suite has a deadline, so a hung browser fails the run instead of eating CI's 90 minutes.
  suite "wasm tests in headless Chromium" cargo_counts env CHROMEDRIVER=/usr/bin/chromedriver \
    timeout -k 30 20m cargo test --release --target "$WASM_TARGET" --features test-api,portable --test wasm_core
  build
  check "web-ext lint (Firefox)" lint_firefox
  # Two files at a time: a browser suite leaves a core idle about a third of the time (waiting on
  # pages and timers), and two Chromiums side by side took 11.1 minutes where one at a time took
  # 17.7, with the same results.
  e2e "end-to-end tests in Chromium" end-to-end 35m 2 tests/fake-cloud/test/ tests/e2e/
  # The packed zip in Debian's Firefox ESR through geckodriver; its fake cloud listens on port
  # 443 of a loopback address (root, as CI runs; see tests/firefox/harness.mjs).
  # The geckodriver checked above, wherever PATH found it (the harness would otherwise look only
  # in $CARGO_HOME/bin, which an already installed one need not be in).
  GECKODRIVER=${GECKODRIVER:-$(command -v geckodriver)} e2e "end-to-end tests in Firefox ESR" firefox 15m 1 tests/firefox/
  echo
  [ ${#FAILURES[@]} -gt 0 ] && printf 'failed: %s\n' "${FAILURES[@]}"
  [ ${#SECOND_RUN[@]} -gt 0 ] && printf 'passed only when run a second time (flaky, look into it): %s\n' "${SECOND_RUN[@]}"
  local line="$PASSED passed, $FAILED failed"
  [ "$SKIPPED" -gt 0 ] && line+=", $SKIPPED skipped"
  echo "$line"
  [ "$FAILED" = 0 ] && [ ${#FAILURES[@]} = 0 ]
}

# ---------------------------------------------------------------- demo, bench

demo() {
  ensure_test_tools
  build
  node tests/tools/demo.mjs
}

bench() {
  ensure_test_tools
  build
  bench_pkg
  node tests/bench/bench.mjs
}

# The core with the pure-Rust key generation and signing (the `portable` feature), for the
# bench's keygen_portable and jwt_sign_portable, and `www`'s signJwt for jwt_sign_wasm (the
# extension's module has no JWT export: the worker has WebCrypto sign the check's JWT,
# `Io::Sign`): target/bindgen/bench,
# never in dist/.
bench_pkg() {
  say "compiling the bench's portable core"
  cargo build -q --release --target "$WASM_TARGET" --lib --features portable,www
  rm -rf target/bindgen/bench
  wasm-bindgen --target web --no-typescript --out-dir target/bindgen/bench "target/$WASM_TARGET/release/$CRATE.wasm"
  optimize target/bindgen/bench/${CRATE}_bg.wasm
}

# The extension's module (cargo's, or SIZE_MODULE=<a cargo .wasm>) through optimize() in five
# function orders, each gzipped as the bench gzips it (Node's zlib, level 9), and their average:
# the order alone moves the gzipped size by up to 600 bytes either way, so a change worth a few
# hundred bytes is judged by the average (PERFORMANCE.md: The module's size).
size_orders() {
  ensure_build_tools
  # The first is the shipped order.
  local module=${SIZE_MODULE:-} dir order pid pids=() orders=(4:0.5 4:0.4 4:0.6 3:0.5 5:0.5)
  if [ -z "$module" ]; then
    cargo build -q --release --target "$WASM_TARGET" --lib
    module=target/$WASM_TARGET/release/$CRATE.wasm
  fi
  dir=$(mktemp -d)
  # Under the crate's name, which wasm-bindgen names its output after.
  cp "$module" "$dir/$CRATE.wasm"
  wasm-bindgen --target web --no-typescript --out-dir "$dir/bindgen" "$dir/$CRATE.wasm"
  for order in "${orders[@]}"; do
    mkdir "$dir/$order" && cp "$dir"/bindgen/* "$dir/$order/"
    optimize "$dir/$order/${CRATE}_bg.wasm" --gram "${order%:*}" --power "${order#*:}" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  node - "$dir" "$CRATE" "${orders[@]}" <<'JS'
const { readFileSync } = require('node:fs');
const { gzipSync } = require('node:zlib');
const [dir, crate, ...orders] = process.argv.slice(2);
console.log('| order (--gram:--power) | bytes | gzipped |\n|---|---|---|');
const sizes = orders.map((o) => {
  const wasm = readFileSync(`${dir}/${o}/${crate}_bg.wasm`);
  const gz = gzipSync(wasm, { level: 9 }).length;
  console.log(`| ${o}${o === orders[0] ? ' (shipped)' : ''} | ${wasm.length} | ${gz} |`);
  return gz;
});
console.log(`| average | | ${Math.round(sizes.reduce((a, b) => a + b) / sizes.length)} |`);
JS
  rm -rf "$dir"
}

fuzz() {
  ensure_build_tools
  local cases=${FUZZ_CASES:-50000} log=target/fuzz.log start
  mkdir -p target
  start=$(date +%s)
  say "property tests of every parser, $cases cases each"
  FUZZ_CASES=$cases cargo test --release -- --test-threads=2 never_panic parsers_never_panic page_snapshots \
    ims_and_target_answers keys_and_certificates jwts messages urls tenant_from_url 2>&1 | tee "$log"
  local props failed
  props=$(grep -cE '^test .* \.\.\. ok$' "$log" || true)
  failed=$(grep -cE '^test .* FAILED$' "$log" || true)
  echo
  echo "| properties | cases each | executions | crashes | seconds |"
  echo "|---|---|---|---|---|"
  echo "| $props | $cases | $((props * cases)) | $failed | $(( $(date +%s) - start )) |"
  [ "$failed" = 0 ]
}

screenshots() {
  ensure_test_tools
  build
  node tests/tools/screenshots.mjs
  rm -f docs/screenshots/guide-*.png docs/screenshots/migration-*.png
  IMS_LINK_SCREENSHOTS=1 node --test --test-reporter=dot tests/e2e/capture.test.mjs tests/e2e/guide.test.mjs tests/e2e/migration.test.mjs
}

# The README's two commands as a newcomer meets them: a fresh clone of HEAD, an empty cargo
# home (the rustup toolchain kept), an empty npm cache, no node_modules, and none of this
# machine's cargo-installed CLIs on PATH, so a missing install step fails here as it would there.
fresh_check() {
  local dir home bin npm_cache proxies tool path start built rc=0
  dir=$(mktemp -d) home=$(mktemp -d) bin=$(mktemp -d) npm_cache=$(mktemp -d)
  proxies=$(dirname "$(command -v rustup || die 'rustup not found')")
  for tool in rustup cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
    if [ -e "$proxies/$tool" ]; then ln -s "$proxies/$tool" "$bin/$tool"; fi
  done
  path=$(tr ':' '\n' <<<"$PATH" | grep -vxF -e "$proxies" -e "${CARGO_HOME:-$HOME/.cargo}/bin" | paste -sd ':' -)
  git clone -q . "$dir"
  say "fresh clone in $dir, CARGO_HOME=$home, npm cache $npm_cache"
  local run=(env CARGO_HOME="$home" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" npm_config_cache="$npm_cache" PATH="$bin:$path")
  start=$(date +%s)
  (cd "$dir" && "${run[@]}" ./build.sh) || rc=$?
  built=$(date +%s)
  [ "$rc" = 0 ] && { (cd "$dir" && "${run[@]}" ./build.sh test) || rc=$?; }
  echo
  echo "fresh clone: ./build.sh took $((built - start)) s; ./build.sh test took $(( $(date +%s) - built )) s; exit $rc"
  [ "$rc" = 0 ] && rm -rf "$dir" "$home" "$bin" "$npm_cache"
  return "$rc"
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  demo) demo ;;
  bench) bench ;;
  size) size_orders ;;
  screenshots) screenshots ;;
  fuzz) fuzz ;;
  fresh-check) fresh_check ;;
  help | -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (try ./build.sh help)" ;;
esac
