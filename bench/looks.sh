#!/usr/bin/env bash
# The memory and time of the job worker's looks (what concerns each member,
# gathered after a change), on an existing SQLite data directory made by
# `entente demo --seed 1` then an import of `entente demo --scale N --csv`:
#
#   ENTENTE_DATA_DIR=target/bench/1m bench/looks.sh
#   ENTENTE=/tmp/entente-before ENTENTE_DATA_DIR=target/bench/1m bench/looks.sh
#
# Three rows: one member due, `entente jobs run --once`; every member due,
# the same; every member due, `entente serve` alone, its peak resident
# memory (VmHWM, read from /proc each 0.2 s) until every member has been
# looked for, then its resident memory 10 s later. A member is made due by
# deleting its mark in `notification_refreshes` (and its findings, so that
# they are recorded again). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${ENTENTE_DATA_DIR:?set ENTENTE_DATA_DIR to a data directory with the demo and its actions}"
export ENTENTE_DATA_DIR
entente="${ENTENTE:-./target/release/entente}"
db="$ENTENTE_DATA_DIR/entente.db"
[ -f "$db" ] || { echo "no SQLite database at $db" >&2; exit 1; }
missing=()
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

sql() { sqlite3 -cmd ".timeout 10000" "$db" "$1"; }
members=$(sql "SELECT count(DISTINCT user_id) FROM memberships")
actions=$(sql "SELECT count(*) FROM actions")
first=$(sql "SELECT min(user_id) FROM memberships")
due() { # [user]
  if [ -n "${1:-}" ]; then
    sql "DELETE FROM notification_refreshes WHERE user_id = $1; DELETE FROM notifications WHERE user_id = $1;"
  else
    sql "DELETE FROM notification_refreshes; DELETE FROM notifications;"
  fi
}
looked() { sql "SELECT count(*) FROM notification_refreshes"; }

work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

echo "$actions actions, $members members"
echo
echo "| run | looks | wall s | CPU s (user + sys) | peak MB | resident 10 s later MB |"
echo "|---|---|---|---|---|---|"
once() { # label [user]
  due "${2:-}"
  local before after
  before=$(looked)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$entente" jobs run --once --log error >/dev/null 2>&1
  after=$(looked)
  read -r wall user sys kb <"$work/time"
  echo "| \`jobs run --once\`, $1 | $((after - before)) | $wall | $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') | $((kb / 1024)) | |"
}
once "one member due" "$first"
once "every member due"

due
started=$(date +%s%N)
"$entente" serve --listen 127.0.0.1:0 --log warn >"$work/serve.log" 2>&1 &
server=$!
kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$server/status"; }
until [ "$(looked)" -ge "$members" ]; do
  kill -0 "$server" 2>/dev/null || { echo "the server stopped" >&2; cat "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
finished=$(date +%s%N)
peak=$(kb VmHWM)
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server/stat")
sleep 10
echo "| \`serve\`, every member due, alone | $members | $(awk -v ns="$((finished - started))" 'BEGIN { printf "%.2f", ns / 1e9 }') | $cpu | $((peak / 1024)) | $(($(kb VmRSS) / 1024)) |"
