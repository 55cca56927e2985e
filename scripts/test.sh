#!/usr/bin/env bash
# Sets everything up and runs every check and test: formatting, clippy (native
# and wasm32), the Rust unit and server tests, the release app build, both
# programs (eventdesk-server, eventdesk-web), the API fuzz, and the browser
# tests (Playwright in Debian's Chromium against eventdesk-web in front of the
# reference backend). Runs every step even when an earlier one fails, then prints
#   eventdesk: N passed, M failed
# (tests passed; tests and steps failed) and exits non-zero on any failure.
# This is what .ci/run runs.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$EVENTDESK_ROOT"

logs="$EVENTDESK_ROOT/target/eventdesk-test-logs"
mkdir -p "$logs"
passed=0
failed=0
summary=()
total_start=$SECONDS

# step NAME COMMAND...: runs COMMAND, logging to $logs/NAME.log; a failing
# step counts as one failure.
step() {
  local name="$1"
  shift
  local start=$SECONDS
  eventdesk_log "[$name] $*"
  "$@" 2>&1 | tee "$logs/$name.log"
  local rc=${PIPESTATUS[0]}
  local took=$((SECONDS - start))
  if [ "$rc" -eq 0 ]; then
    summary+=("ok      $name (${took} s)")
  else
    summary+=("FAILED  $name (${took} s, exit $rc; log: $logs/$name.log)")
    failed=$((failed + 1))
  fi
  return "$rc"
}

if ! step setup bash scripts/setup.sh; then
  echo "test: setup failed; nothing else can run" >&2
  echo "eventdesk: 0 passed, $failed failed"
  exit 1
fi

# The app crate (eventdesk) is browser code: it is linted for wasm32, where it
# runs, and tested in the browser; its pure logic lives in page-logic/ (and
# the contract's rules in model/), both tested natively. Native steps leave it out, which also spares a native
# build of Leptos.
step fmt cargo fmt --all -- --check
step clippy-native cargo clippy --workspace --exclude eventdesk --all-targets --locked -- -D warnings
step clippy-wasm cargo clippy -p eventdesk --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

# Rust tests (model, page-logic, server, web), counted from cargo's result lines.
if step cargo-test cargo test --workspace --exclude eventdesk --locked --no-fail-fast; then :; fi
read -r rust_passed rust_failed < <(
  grep -E '^test result: ' "$logs/cargo-test.log" |
    sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/' |
    awk '{p += $1; f += $2} END {print p + 0, f + 0}'
)
passed=$((passed + rust_passed))
failed=$((failed + rust_failed))
# A failing test run already counted its failed tests; count the step itself
# only when it failed without a failed test (a build error, say).
if [ "$rust_failed" -gt 0 ]; then failed=$((failed - 1)); fi

# Browser tests need the release app and both programs' binaries.
app_ok=0
server_ok=0
step build-app bash scripts/build.sh && app_ok=1
step build-server cargo build --profile server -p eventdesk-server -p eventdesk-web --locked && server_ok=1

# The API fuzz (scripts/fuzz-api.sh) ends with `fuzz: N passed, M failed`;
# its counts join the totals. A missing script, or a run without that line,
# is one failed step.
fuzz_passed=0
fuzz_failed=0
if [ "$server_ok" -eq 1 ] && [ -f scripts/fuzz-api.sh ]; then
  step fuzz bash scripts/fuzz-api.sh
  fuzz_rc=$?
  if read -r fuzz_passed fuzz_failed < <(
    grep -E '^fuzz: [0-9]+ passed, [0-9]+ failed' "$logs/fuzz.log" | tail -n 1 |
      sed -E 's/^fuzz: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/'
  ) && [ -n "$fuzz_passed" ]; then
    passed=$((passed + fuzz_passed))
    failed=$((failed + fuzz_failed))
    # The step already counted one failure; its failed cases stand for it.
    if [ "$fuzz_rc" -ne 0 ] && [ "$fuzz_failed" -gt 0 ]; then failed=$((failed - 1)); fi
  else
    fuzz_passed=0
    fuzz_failed=0
    echo "test: the fuzz printed no 'fuzz: N passed, M failed' line" >&2
    if [ "$fuzz_rc" -eq 0 ]; then
      summary+=("FAILED  fuzz (no result line; log: $logs/fuzz.log)")
      failed=$((failed + 1))
    fi
  fi
elif [ ! -f scripts/fuzz-api.sh ]; then
  summary+=("FAILED  fuzz (scripts/fuzz-api.sh is missing)")
  failed=$((failed + 1))
else
  summary+=("FAILED  fuzz (not run: the programs did not build)")
  failed=$((failed + 1))
fi

report="$EVENTDESK_ROOT/tests/playwright-report/results.json"
if [ "$app_ok" -eq 1 ] && [ "$server_ok" -eq 1 ]; then
  rm -f "$report"
  step playwright npx --no-install playwright test -c tests/playwright.config.ts
  pw_rc=$?
  if [ -f "$report" ]; then
    read -r pw_passed pw_failed < <(node -e '
      const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).stats;
      console.log((s.expected || 0) + (s.flaky || 0), s.unexpected || 0);
    ' "$report")
    passed=$((passed + pw_passed))
    failed=$((failed + pw_failed))
    if [ "$pw_rc" -ne 0 ] && [ "$pw_failed" -gt 0 ]; then failed=$((failed - 1)); fi
    if [ "$pw_rc" -eq 0 ] && [ "$pw_passed" -eq 0 ]; then
      echo "test: Playwright ran no test" >&2
      summary+=("FAILED  playwright ran no test")
      failed=$((failed + 1))
    fi
  fi
else
  summary+=("FAILED  playwright (not run: the app or the programs did not build)")
  failed=$((failed + 1))
fi

echo
echo "Summary (total $((SECONDS - total_start)) s):"
printf '  %s\n' "${summary[@]}"
echo "  rust tests: $rust_passed passed, $rust_failed failed"
echo "  fuzz: $fuzz_passed passed, $fuzz_failed failed"
echo "  browser tests: ${pw_passed:-0} passed, ${pw_failed:-0} failed"
echo "eventdesk: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
