#!/usr/bin/env bash
# Sets everything up, builds the release app and both programs, and serves the
# app with the sample events at http://127.0.0.1:8080
# (for example /events/paris-coalition-security-guarantees-2025-09-04):
#   - eventdesk-server, the reference backend (the API over SQLite), on
#     127.0.0.1:8090, behind
#   - eventdesk-web, the app's server (pages, share cards, the API passed
#     through), on 127.0.0.1:8080.
# Ctrl-C stops both; so does either of them stopping.
#
# Override with EVENTDESK_ADDR (eventdesk-web's address, 127.0.0.1:8080),
# EVENTDESK_API_ADDR (the reference API's, 127.0.0.1:8090), EVENTDESK_DB
# (data/eventdesk.sqlite3) and EVENTDESK_DIST (dist).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$EVENTDESK_ROOT"

bash scripts/setup.sh
bash scripts/build.sh

eventdesk_log "cargo build --profile server -p eventdesk-server -p eventdesk-web"
cargo build --profile server -p eventdesk-server -p eventdesk-web

addr="${EVENTDESK_ADDR:-127.0.0.1:8080}"
api_addr="${EVENTDESK_API_ADDR:-127.0.0.1:8090}"
db="${EVENTDESK_DB:-data/eventdesk.sqlite3}"
dist="${EVENTDESK_DIST:-dist}"
mkdir -p "$(dirname "$db")"
# Both programs read EVENTDESK_ADDR: each gets its address as a flag instead.
unset EVENTDESK_ADDR

api_pid=""
web_pid=""
stop() {
  trap - INT TERM EXIT
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null
  wait 2>/dev/null
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

eventdesk_log "eventdesk-server (the reference API) on http://$api_addr/api/v1"
"$EVENTDESK_SERVER_BIN" --addr "$api_addr" --db "$db" --fixtures server/fixtures --trust-proxy &
api_pid=$!
for _ in $(seq 1 600); do
  if curl -fsS -o /dev/null "http://$api_addr/api/v1/categories" 2>/dev/null; then break; fi
  if ! kill -0 "$api_pid" 2>/dev/null; then
    echo "serve: eventdesk-server stopped before it answered" >&2
    exit 1
  fi
  sleep 0.1
done
if ! curl -fsS -o /dev/null "http://$api_addr/api/v1/categories"; then
  echo "serve: eventdesk-server did not answer on http://$api_addr within 60 s" >&2
  exit 1
fi

"$EVENTDESK_WEB_BIN" --addr "$addr" --dist "$dist" --upstream "http://$api_addr/api/v1" &
web_pid=$!

eventdesk_log "Eventdesk at http://$addr/events/paris-coalition-security-guarantees-2025-09-04 (Ctrl-C stops it)"
# Until either stops (wait -n returns when the first child exits).
set +e
wait -n "$api_pid" "$web_pid"
rc=$?
echo "serve: a program stopped (exit $rc); stopping the other" >&2
exit "$rc"
