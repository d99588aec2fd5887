#!/usr/bin/env bash
# The latency of the workspace's list, filters and search over HTTP, with
# wrk, on an existing data directory (made by bench/plan.sh, or by
# `entente demo --seed 1` then an import of `entente demo --scale N --csv`):
#
#   ENTENTE_DATA_DIR=target/bench/1m bench/lists.sh
#   ENTENTE=/tmp/entente-before ENTENTE_DATA_DIR=target/bench/1m bench/lists.sh
#
# The anonymous reader's answers are not taken from the server's cache of
# anonymous answers (PAGE_CACHE_MB=0 by default), so that both readers'
# figures are those of the queries; PAGE_CACHE_MB=64 measures the cache.
# The member reads with a read-only token of the demo's gdw-demo admin.
# MORE=1 adds a range with no last day, the search page for a common
# word, searches for a word in nearly every action and for one in none,
# and lists of two populous states, of a region, of a region with a
# status, of a state with a phase and of a state's quarter. PAIR=1 then starts a second server on the same database and puts
# the member's reads at 16 connections on one server, then split between
# the two (issue 7, item 6: on PostgreSQL, DATABASE_URL=postgres://...).
# Prints a Markdown table, with the server's CPU time per request,
# then the server's start-up time to its first answer and its peak resident
# memory after all the rows.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${ENTENTE_DATA_DIR:?set ENTENTE_DATA_DIR to a data directory with the demo and its actions}"
export ENTENTE_DATA_DIR
entente="${ENTENTE:-./target/release/entente}"
duration="${DURATION:-5s}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
log="$work/serve.log"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

token=$("$entente" token create admin.gdw@demo.example.org --name "bench-$$" --read-only 2>/dev/null || true)
started=$(date +%s%N)
ENTENTE_PAGE_CACHE_MB="${PAGE_CACHE_MB:-0}" "$entente" serve --listen 127.0.0.1:0 --log warn >"$log" 2>&1 &
server=$!
for _ in $(seq 1 6000); do grep -q 'http://' "$log" && break; sleep 0.01; done
base=$(grep -o 'http://[^/ ]*' "$log" | head -n 1)
[ -n "$base" ] || { echo "the server did not start" >&2; cat "$log" >&2; exit 1; }
until curl -fsS -o /dev/null "$base/api/v1/states/FRA"; do sleep 0.01; done
answered=$(date +%s%N)

echo "| request | reader | requests/s | p50 ms | p99 ms | server CPU ms/request |"
echo "|---|---|---|---|---|---|"
# The server's CPU time (user + sys) in clock ticks: on a shared machine,
# what a request costs the server is steadier than its wall time.
ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.1f", v/1000; else if (v ~ /ms$/) printf "%.1f", v+0; else printf "%.1f", v*1000 }'; }
measure() { # reader path [header]
  local reader=$1 path=$2 out
  local args=(-t 1 -c 1 -d "$duration" --latency)
  [ -n "${3:-}" ] && args+=(-H "$3")
  curl -fsS -o /dev/null ${3:+-H "$3"} "$base$path" || { echo "| \`$path\` | $reader | failed | | | |"; return; }
  local before after requests
  before=$(ticks)
  out=$(wrk "${args[@]}" --timeout 10s "$base$path")
  after=$(ticks)
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "| \`$path\` | $reader | $(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out") | $(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")") | $(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")") | $(awk -v t="$((after - before))" -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.1f", t * 1000 / hz / n }') |"
}
# France is not among the states the demo campaigns on, so it has no
# action: its row is the empty filter. Malawi has the most, 9,467 of a
# million (seed 1); Albania with a status is two filters at once.
paths=("/api/v1/actions?limit=50" "/api/v1/actions?state=FRA&limit=50"
  "/api/v1/actions?state=MWI&limit=50" "/api/v1/actions?state=ALB&status=planned&limit=50"
  "/api/v1/actions?status=planned&phase=ratification&level=national&limit=50"
  "/api/v1/actions?from=2027-01-01&to=2027-01-31&limit=50" "/api/v1/search?q=parliament"
  "/actions?lang=fr" "/search?q=n%C3%A9gociation&lang=fr")
[ -n "${MORE:-}" ] && paths+=("/api/v1/actions?from=2027-01-01&limit=50" "/search?q=parliament"
  "/api/v1/search?q=torture" "/api/v1/search?q=zzyzx"
  "/api/v1/actions?state=MWI,GTM&limit=50" "/api/v1/actions?region=african&limit=50"
  "/api/v1/actions?region=weog&status=planned&limit=50"
  "/api/v1/actions?state=MWI&phase=ratification&limit=50"
  "/api/v1/actions?state=MWI&from=2027-01-01&to=2027-03-31&limit=50")
for path in "${paths[@]}"; do
  measure anonymous "$path"
  [ -n "$token" ] && measure "member (token)" "$path" "Authorization: Bearer $token"
done
echo
awk -v s="$started" -v a="$answered" 'BEGIN { printf "Start-up to the first answer: %.0f ms. ", (a - s) / 1e6 }'
awk '/VmHWM/ { printf "Peak resident memory of the server after the rows: %.0f MB.\n", $2 / 1024 }' \
  "/proc/$server/status"

if [ -n "${PAIR:-}" ] && [ -n "$token" ]; then
  second_log="$work/second.log"
  ENTENTE_PAGE_CACHE_MB="${PAGE_CACHE_MB:-0}" "$entente" serve --listen 127.0.0.1:0 --log warn >"$second_log" 2>&1 &
  second=$!
  trap '[ -n "$server" ] && kill "$server" 2>/dev/null; kill "$second" 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 1 6000); do grep -q 'http://' "$second_log" && break; sleep 0.01; done
  second_base=$(grep -o 'http://[^/ ]*' "$second_log" | head -n 1)
  [ -n "$second_base" ] || { echo "the second server did not start" >&2; cat "$second_log" >&2; exit 1; }
  echo
  echo "Member's reads at 16 connections: one server, then two servers on the same database with 8 connections each."
  echo
  echo "| request | one server requests/s | p50 ms | p99 ms | two servers requests/s | p50 ms (each) | p99 ms (each) |"
  echo "|---|---|---|---|---|---|---|"
  auth="Authorization: Bearer $token"
  for path in "/api/v1/actions?limit=50" "/api/v1/actions?state=FRA&limit=50" "/api/v1/search?q=parliament" "/actions?lang=fr"; do
    one=$(wrk -t 2 -c 16 -d "$duration" --latency --timeout 10s -H "$auth" "$base$path")
    wrk -t 1 -c 8 -d "$duration" --latency --timeout 10s -H "$auth" "$base$path" >"$work/a.txt" &
    a=$!
    wrk -t 1 -c 8 -d "$duration" --latency --timeout 10s -H "$auth" "$second_base$path" >"$work/b.txt" &
    b=$!
    wait "$a" "$b"
    pct() { to_ms "$(awk -v p="$1" '$1 == p {print $2}' <<<"$2")"; }
    a_out=$(cat "$work/a.txt") b_out=$(cat "$work/b.txt")
    both=$(cat "$work/a.txt" "$work/b.txt" | awk '/Requests\/sec/ {s += $2} END {printf "%d", s}')
    echo "| \`$path\` | $(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$one") | $(pct 50% "$one") | $(pct 99% "$one") | $both | $(pct 50% "$a_out") / $(pct 50% "$b_out") | $(pct 99% "$a_out") / $(pct 99% "$b_out") |"
  done
fi
