# Sourced by every script in scripts/: the repository root, PATH and the
# environment the build tools need. Safe to source more than once.

EVENTDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export EVENTDESK_ROOT

# Cargo-installed tools (trunk, wasm-bindgen) live here under rustup.
if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
  case ":$PATH:" in
    *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
    *) PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
  esac
fi

# npm's binaryen 132 must come FIRST so that Trunk finds wasm-opt 132, not
# Debian's wasm-opt 108 (which breaks the output).
case ":$PATH:" in
  ":$EVENTDESK_ROOT/node_modules/.bin:"*) ;;
  *) PATH="$EVENTDESK_ROOT/node_modules/.bin:$PATH" ;;
esac
export PATH

# Trunk 0.21.14 is the last that builds with our rustc; don't let it nag or
# try to fetch anything: every tool it needs is installed by setup.sh.
export TRUNK_SKIP_VERSION_CHECK=true
# Never let Playwright download a browser: tests use Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Pinned tool versions.
EVENTDESK_TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
EVENTDESK_WASM_BINDGEN_VERSION="$(awk '
  /^\[\[package\]\]/ { inpkg = 0 }
  /^name = "wasm-bindgen"$/ { inpkg = 1; next }
  inpkg && /^version = / { gsub(/"/, "", $3); print $3; exit }
' "$EVENTDESK_ROOT/Cargo.lock")"
export EVENTDESK_TRUNK_VERSION EVENTDESK_WASM_BINDGEN_VERSION

# The two programs, built with `cargo build --profile server -p
# eventdesk-server -p eventdesk-web`: the reference backend (the API over
# SQLite) and the app's server in front of any backend (eventdesk-web).
EVENTDESK_SERVER_BIN="$EVENTDESK_ROOT/target/server/eventdesk-server"
EVENTDESK_WEB_BIN="$EVENTDESK_ROOT/target/server/eventdesk-web"
export EVENTDESK_SERVER_BIN EVENTDESK_WEB_BIN

# Python's feedparser, which the feed tests read the Atom feeds with
# (made by setup.sh with tests/feeds/venv.sh).
EVENTDESK_FEEDS_VENV="$EVENTDESK_ROOT/target/feeds-venv"
export EVENTDESK_FEEDS_VENV

eventdesk_log() { printf '\n==> %s\n' "$*" >&2; }

# Run a command as root: directly when we are root (CI), else with sudo.
eventdesk_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
