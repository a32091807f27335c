#!/usr/bin/env bash
# Every check and test, in the order that fails fastest; then the budget report.
# Called by `make test` (after scripts/setup.sh test) and so by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$SECONDS
log=target/test-output.log
mkdir -p target
: > "$log"

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native and wasm32) -D warnings"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: domain, migrations, storage rules, import fuzzing"
cargo test 2>&1 | tee -a "$log"

step "browser tests of the storage adapter (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web 2>&1 | tee -a "$log"

step "release build"
trunk build --release

step "the built app: no \"clean\", no 2020 storage range in any shipped file"
SCAN_DIST=1 cargo test --test static_pages no_shipped_file 2>&1 | tee -a "$log"

step "end-to-end tests (Playwright, Debian Chromium)"
rm -rf target/screenshots target/playwright/stack.json
playwright test --grep-invert @budget 2>&1 | tee -a "$log"
e2e_report=target/playwright/report.json
read -r e2e_passed e2e_failed < <(node -e 'const r=require(process.argv[1]).stats; console.log(r.expected, r.unexpected + r.flaky)' "$PWD/$e2e_report")

step "budget measurements (Playwright, one worker)"
playwright test --grep @budget --workers 1 2>&1 | tee -a "$log"

step "Lighthouse, mobile, 3 runs (served with gzip by scripts/serve.mjs)"
rm -f target/budget/lighthouse.json
node scripts/lighthouse.mjs 3 2>&1 | tee -a "$log"

step "budget report"
node scripts/budget.mjs

# One closing line for all suites.
rust_passed=$(grep -oE 'test result: ok\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
echo
echo "done in $((SECONDS - started)) s; screenshots in target/screenshots/, budget in target/budget.json"
echo "tests: $((rust_passed + e2e_passed)) passed, ${e2e_failed} failed"
