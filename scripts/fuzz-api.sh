#!/usr/bin/env bash
# Fuzzes the reference API (eventdesk-server) against its contract,
# api/openapi.yaml, with Schemathesis: every check, real sample ids (see
# tests/fuzz/schemathesis.toml), a fresh database loaded from server/fixtures.
#
# Self-contained and idempotent: makes the Python venv target/fuzz-venv with
# the pinned Schemathesis (tests/fuzz/requirements.txt) when it is missing or
# stale, builds target/server/eventdesk-server when it is missing, starts it on
# a free port, fuzzes, and stops it again whatever happens.
#
# Its last line is always `fuzz: N passed, M failed`: N API operations passed
# every check, M did not (or errored); the exit code is non-zero when M > 0 or
# the run could not be made.
#
# Knobs (environment): FUZZ_MAX_EXAMPLES (examples per operation and phase,
# default 100), FUZZ_SEED (default 1, for a repeatable run; "random" for a new
# one each time), FUZZ_TIMEOUT (seconds for the whole Schemathesis run,
# default 300), FUZZ_REPORT_DIR (keep the JUnit report and server log there).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

venv=target/fuzz-venv
requirements=tests/fuzz/requirements.txt
config=tests/fuzz/schemathesis.toml
server_bin=target/server/eventdesk-server
max_examples=${FUZZ_MAX_EXAMPLES:-100}
seed=${FUZZ_SEED:-1}
budget=${FUZZ_TIMEOUT:-300}

passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eventdesk-fuzz.XXXXXX")
server_pid=

finish() {
    local rc=$?
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ -n ${FUZZ_REPORT_DIR:-} ]]; then
        mkdir -p "$FUZZ_REPORT_DIR"
        cp -f "$tmp"/junit.xml "$tmp"/server.log "$FUZZ_REPORT_DIR"/ 2>/dev/null || true
    fi
    rm -rf "$tmp"
    # A run that stopped before Schemathesis reported still counts as failed.
    if [[ $rc -ne 0 && $failed -eq 0 ]]; then
        failed=1
    fi
    echo "fuzz: $passed passed, $failed failed"
    if [[ $failed -gt 0 ]]; then
        exit 1
    fi
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

say() { echo "fuzz-api: $*" >&2; }

# --- The venv, with the pinned Schemathesis ---------------------------------
ensure_venv_module() {
    local probe="$tmp/venv-probe"
    if python3 -m venv "$probe" >/dev/null 2>&1; then
        rm -rf "$probe"
        return
    fi
    rm -rf "$probe"
    say "python3 -m venv does not work here; installing Debian's python3-venv"
    local sudo=
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || { say "need root or sudo to install python3-venv"; exit 1; }
        sudo="sudo -n"
    fi
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
}

stamp="$venv/.requirements.sha256"
want=$(sha256sum "$requirements" | cut -d' ' -f1)
# A venv moved from elsewhere (its scripts name their old interpreter's path)
# is as good as none: it is made again.
venv_works() {
    "$venv/bin/schemathesis" --version >/dev/null 2>&1
}
if ! venv_works || [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    command -v python3 >/dev/null || { say "python3 is missing"; exit 1; }
    if [[ ! -x $venv/bin/python ]] || ! venv_works; then
        ensure_venv_module
        rm -rf "$venv"
        python3 -m venv "$venv"
    fi
    say "installing $(tr '\n' ' ' < "$requirements")into $venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    echo "$want" > "$stamp"
fi
py="$venv/bin/python"

# --- The server --------------------------------------------------------------
if [[ ! -x $server_bin ]]; then
    say "building $server_bin"
    cargo build --profile server -p eventdesk-server
fi

# The fixtures and limits come from the command line alone.
for var in EVENTDESK_ADDR EVENTDESK_DB EVENTDESK_FIXTURES EVENTDESK_SUBMIT_LIMIT EVENTDESK_TRUST_PROXY; do
    unset "$var"
done
"$server_bin" --addr 127.0.0.1:0 --db "$tmp/fuzz.sqlite3" --fixtures server/fixtures \
    --submit-limit 100000/1m >"$tmp/server.out" 2>"$tmp/server.log" &
server_pid=$!

base=
for _ in $(seq 600); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        say "eventdesk-server exited before listening:"
        cat "$tmp/server.log" >&2
        exit 1
    fi
    base=$(sed -n 's/^listening on //p' "$tmp/server.out" | head -n1)
    [[ -n $base ]] && break
    sleep 0.1
done
[[ -n $base ]] || { say "eventdesk-server did not listen within 60 s"; exit 1; }
api="$base/api/v1"
say "eventdesk-server at $base"

# --- The sample ids -----------------------------------------------------------
# A listed event, an entity it names, a submission sent to it now, and the
# cursor of the first page of one event.
export FUZZ_EVENT_ID=${FUZZ_EVENT_ID:-paris-coalition-security-guarantees-2025-09-04}
read -r FUZZ_ENTITY_ID FUZZ_SUBMISSION_ID FUZZ_CURSOR < <("$py" - "$api" "$FUZZ_EVENT_ID" <<'PY'
import json, sys, urllib.request

api, event_id = sys.argv[1], sys.argv[2]
with urllib.request.urlopen(f"{api}/events/{event_id}", timeout=10) as res:
    event = json.load(res)
entity_id = event["entities"][0]["id"]
with urllib.request.urlopen(f"{api}/events?limit=1", timeout=10) as res:
    cursor = json.load(res)["next_cursor"]
req = urllib.request.Request(
    f"{api}/events/{event_id}/submissions",
    data=json.dumps({"url": "https://fuzz.example/first-submission", "note": "fuzz-api.sh"}).encode(),
    headers={"Content-Type": "application/json"},
    method="POST",
)
with urllib.request.urlopen(req, timeout=10) as res:
    assert res.status == 202, res.status
    submission_id = json.load(res)["id"]
print(entity_id, submission_id, cursor)
PY
)
export FUZZ_ENTITY_ID FUZZ_SUBMISSION_ID FUZZ_CURSOR
[[ -n ${FUZZ_CURSOR:-} ]] || { say "could not make the sample ids"; exit 1; }
say "sample ids: event $FUZZ_EVENT_ID, entity $FUZZ_ENTITY_ID, submission $FUZZ_SUBMISSION_ID"

# --- Schemathesis ---------------------------------------------------------------
args=(
    --checks all
    --max-examples "$max_examples"
    --workers 2
    --request-timeout 10
    --report junit --report-junit-path "$tmp/junit.xml"
    --no-color
)
if [[ $seed != random ]]; then
    args+=(--seed "$seed")
fi
say "schemathesis $("$venv/bin/schemathesis" --version | sed 's/.*version //') run api/openapi.yaml --url $api ${args[*]}"
started=$SECONDS
# Lines cut at 2000 characters: a failure's reproduction can carry a 16 KiB body.
set +e
timeout --kill-after=10 "$budget" \
    "$venv/bin/schemathesis" --config-file "$config" run api/openapi.yaml --url "$api" "${args[@]}" \
    2>&1 | cut -c1-2000
st_rc=${PIPESTATUS[0]}
set -e
say "schemathesis exited $st_rc after $((SECONDS - started)) s"
if [[ $st_rc -eq 124 || $st_rc -eq 137 ]]; then
    say "schemathesis ran past FUZZ_TIMEOUT=${budget}s"
fi

# Operations that passed every check, and those with a failure or an error,
# as Schemathesis reports them (one JUnit test case per operation).
if [[ -s $tmp/junit.xml ]]; then
    read -r passed failed < <("$py" - "$tmp/junit.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET

ok = bad = 0
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
        bad += 1
    elif case.find("skipped") is None:
        ok += 1
print(ok, bad)
PY
)
fi
if [[ $st_rc -ne 0 && $failed -eq 0 ]]; then
    failed=1
fi
[[ $failed -eq 0 ]]
