#!/usr/bin/env bash
# Sets everything up, builds the release app and the reference backend, and
# serves the app with the sample events at http://127.0.0.1:8080
# (for example /events/paris-coalition-security-guarantees-2025-09-04).
#
# Override with the server's own variables: EVENTDESK_ADDR (127.0.0.1:8080),
# EVENTDESK_DB (data/eventdesk.sqlite3), EVENTDESK_DIST (dist).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$EVENTDESK_ROOT"

bash scripts/setup.sh
bash scripts/build.sh

eventdesk_log "cargo build --profile server -p eventdesk-server"
cargo build --profile server -p eventdesk-server

addr="${EVENTDESK_ADDR:-127.0.0.1:8080}"
db="${EVENTDESK_DB:-data/eventdesk.sqlite3}"
dist="${EVENTDESK_DIST:-dist}"
mkdir -p "$(dirname "$db")"

eventdesk_log "Eventdesk at http://$addr/events/paris-coalition-security-guarantees-2025-09-04 (Ctrl-C stops it)"
exec "$EVENTDESK_SERVER_BIN" --addr "$addr" --db "$db" --dist "$dist"
