#!/usr/bin/env bash
# Installs what Safety Net needs to build (and, with `test`, to test) on a fresh machine.
# Every step is skipped when the right version is already there. Nothing is downloaded
# from anywhere but crates.io, the npm registry, Debian's packages and rustup's targets.
#   scripts/setup.sh build   -> wasm32 target, trunk, wasm-bindgen-cli, npm deps (wasm-opt)
#   scripts/setup.sh test    -> the above + Debian chromium/chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-build}"
TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen version in Cargo.lock (Trunk checks it).
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock 2>/dev/null || true)"
if [ -z "$WB_VERSION" ]; then
  echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    rustup component add "$comp"
  fi
done

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 9 min on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (about 3.5 min)"
  # Without --locked: the CLI's own lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# wasm-split-cli: splits the secondary screens into chunks (scripts/build-wasm.mjs). The
# crate named wasm-split-cli is something else; this is cargo-leptos's splitter.
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v0.2.4:"; then
  log "installing wasm_split_cli_support 0.2.4 (wasm-split-cli, about 5 min)"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked
fi

if [ "$mode" = "test" ]; then
  # twiggy: the budget report's list of the largest contributors to the wasm.
  if [ "$(twiggy --version 2>/dev/null | awk '{print $2}')" != "0.8.0" ]; then
    log "installing twiggy 0.8.0 (about 2 min)"
    cargo install twiggy --version 0.8.0 --locked
  fi
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

# npm deps: binaryen's wasm-opt (Debian's binaryen 108 breaks the app), Playwright (no browser download).
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || ! cmp -s package-lock.json node_modules/.package-lock.json.copy; then
    log "installing npm dependencies from package-lock.json"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.package-lock.json.copy
  fi
fi
log "tools ready"
