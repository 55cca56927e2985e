#!/usr/bin/env bash
# Installs everything Eventdesk needs to build, serve and test, on a Debian
# machine with Rust (rustup), Node.js 20 and npm. Idempotent: each step is
# skipped when its tool is already there at the right version.
#
#   - Rust: the wasm32-unknown-unknown target, rustfmt and clippy
#   - Trunk 0.21.14                      (cargo install, ~12 min first time)
#   - wasm-bindgen-cli at Cargo.lock's   (cargo install, ~3 min first time)
#     wasm-bindgen version
#   - npm packages from package-lock.json: binaryen 132 (wasm-opt),
#     @playwright/test, @axe-core/playwright (never a downloaded browser)
#   - Debian's chromium and chromium-driver (apt-get, only if missing)
#   - Python's feedparser in target/feeds-venv (tests/feeds/requirements.txt)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$EVENTDESK_ROOT"

need() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "setup: '$1' is not installed; $2" >&2
    exit 1
  }
}
need cargo "install Rust with rustup first (https://rustup.rs)."
need rustup "install Rust with rustup first (https://rustup.rs)."
need node "install Node.js 20 and npm first (Debian: apt-get install nodejs npm)."
need npm "install Node.js 20 and npm first (Debian: apt-get install nodejs npm)."

# --- Rust target and components -------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: wasm32-unknown-unknown target present"
else
  eventdesk_log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if rustup component list --installed | grep -q "^$component"; then
    echo "setup: $component present"
  else
    eventdesk_log "rustup component add $component"
    rustup component add "$component"
  fi
done

# --- Trunk -------------------------------------------------------------------
trunk_version() { trunk --version 2>/dev/null | awk '{print $2}'; }
if [ "$(trunk_version)" = "$EVENTDESK_TRUNK_VERSION" ]; then
  echo "setup: trunk $EVENTDESK_TRUNK_VERSION present"
else
  eventdesk_log "cargo install trunk $EVENTDESK_TRUNK_VERSION (about 12 minutes on 2 cores)"
  cargo install --locked trunk --version "$EVENTDESK_TRUNK_VERSION"
fi

# --- wasm-bindgen-cli ---------------------------------------------------------
if [ -z "$EVENTDESK_WASM_BINDGEN_VERSION" ]; then
  echo "setup: no wasm-bindgen package in Cargo.lock" >&2
  exit 1
fi
wasm_bindgen_version() { wasm-bindgen --version 2>/dev/null | awk '{print $2}'; }
if [ "$(wasm_bindgen_version)" = "$EVENTDESK_WASM_BINDGEN_VERSION" ]; then
  echo "setup: wasm-bindgen $EVENTDESK_WASM_BINDGEN_VERSION present"
else
  # Not --locked: the CLI's own lockfile for old versions no longer builds.
  eventdesk_log "cargo install wasm-bindgen-cli $EVENTDESK_WASM_BINDGEN_VERSION (a few minutes)"
  cargo install wasm-bindgen-cli --version "$EVENTDESK_WASM_BINDGEN_VERSION"
fi

# --- npm packages ------------------------------------------------------------
# node_modules is current when its stamp matches the lockfile and Node version.
npm_stamp_file="node_modules/.eventdesk-stamp"
npm_stamp="$(cat package-lock.json | sha256sum | cut -d' ' -f1) node-$(node --version)"
if [ -f "$npm_stamp_file" ] && [ "$(cat "$npm_stamp_file")" = "$npm_stamp" ] \
  && [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright ]; then
  echo "setup: node_modules matches package-lock.json"
else
  eventdesk_log "npm ci (binaryen, Playwright; no browser download)"
  npm ci --no-audit --no-fund
  printf '%s\n' "$npm_stamp" >"$npm_stamp_file"
fi
wasm_opt_version="$(wasm-opt --version 2>/dev/null || true)"
case "$wasm_opt_version" in
  *"version 132"*) echo "setup: $wasm_opt_version ($(command -v wasm-opt))" ;;
  *)
    echo "setup: expected wasm-opt 132 first on PATH, found '$wasm_opt_version'" >&2
    exit 1
    ;;
esac

# --- Chromium ----------------------------------------------------------------
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "setup: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) present"
else
  eventdesk_log "apt-get install chromium chromium-driver"
  eventdesk_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  eventdesk_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-liberation
fi

# --- feedparser, for the feed tests ------------------------------------------
bash "$EVENTDESK_ROOT/tests/feeds/venv.sh"

echo "setup: done"
