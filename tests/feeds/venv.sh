#!/usr/bin/env bash
# Makes the Python venv the feed tests parse Atom with (feedparser, pinned in
# tests/feeds/requirements.txt) at $EVENTDESK_FEEDS_VENV. Idempotent: kept
# while the requirements are unchanged and the venv still runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/env.sh"
venv="$EVENTDESK_FEEDS_VENV"
requirements="$EVENTDESK_ROOT/tests/feeds/requirements.txt"
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$requirements" | cut -d' ' -f1)
works() { "$venv/bin/python" -c 'import feedparser' >/dev/null 2>&1; }
if works && [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
  echo "setup: feedparser venv present ($venv)"
  exit 0
fi
command -v python3 >/dev/null || { echo "setup: python3 is missing" >&2; exit 1; }
if ! works; then
  rm -rf "$venv"
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    rm -rf "$venv"
    eventdesk_log "apt-get install python3-venv"
    eventdesk_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
    python3 -m venv "$venv"
  fi
fi
eventdesk_log "pip install $(tr '\n' ' ' <"$requirements")into $venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
echo "$want" >"$stamp"
