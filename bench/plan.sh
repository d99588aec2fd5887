#!/usr/bin/env bash
# The shared plan at scale: an import of N demo actions from an Entente CSV
# (rows per second, against sqlite3's own `.import` of the same file into a
# bare table as the floor), then the latency of the workspace's list,
# filters and search over HTTP at that size, with wrk.
#
#   bench/plan.sh                      # 1,000,000 actions on SQLite
#   ACTIONS=100000 bench/plan.sh       # a smaller run
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench bench/plan.sh
#   IMPORT_ONLY=1 bench/plan.sh        # the import and its floor, no lists
#
# Prints Markdown; paste it into bench/RESULTS.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."

actions="${ACTIONS:-1000000}"
duration="${DURATION:-5s}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

cargo build --release --quiet -p entente
entente=./target/release/entente
work=$(mktemp -d)
log="$work/serve.log"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
export ENTENTE_DATA_DIR="$work/data"
backend=sqlite
[[ "${DATABASE_URL:-}" == postgres* ]] && backend=postgresql

seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.1f", (e - s) / 1e9 }'; }

"$entente" demo --seed 1 >/dev/null 2>&1
"$entente" demo --seed 1 --scale "$actions" --csv "$work/actions.csv" 2>/dev/null
size=$(du -m "$work/actions.csv" | cut -f1)

start=$(date +%s%N)
"$entente" import actions "$work/actions.csv" --org gdw-demo >/dev/null 2>"$work/import.log" \
  || { cat "$work/import.log" >&2; exit 1; }
end=$(date +%s%N)
import_s=$(seconds "$start" "$end")

tail -n +2 "$work/actions.csv" >"$work/rows.csv"
header=$(head -n 1 "$work/actions.csv" | sed 's/^\xEF\xBB\xBF//')
start=$(date +%s%N)
sqlite3 "$work/floor.db" "CREATE TABLE actions ($(sed 's/,/ TEXT, /g' <<<"$header") TEXT);" \
  ".mode csv" ".import $work/rows.csv actions"
end=$(date +%s%N)
floor_s=$(seconds "$start" "$end")

echo "### Import of $actions actions ($size MB CSV), $backend"
echo
echo "| what | seconds | rows/s |"
echo "|---|---|---|"
echo "| \`entente import actions\` (read, map, check every row, write all in one transaction, index for search) | $import_s | $(awk -v n="$actions" -v s="$import_s" 'BEGIN { printf "%d", n / s }') |"
echo "| \`sqlite3 .import\` into a bare table (the floor) | $floor_s | $(awk -v n="$actions" -v s="$floor_s" 'BEGIN { printf "%d", n / s }') |"
echo
[ -n "${IMPORT_ONLY:-}" ] && exit 0

token=$("$entente" token create admin.gdw@demo.example.org --name bench --read-only 2>/dev/null || true)
"$entente" serve --listen 127.0.0.1:0 --log warn >"$log" 2>&1 &
server=$!
for _ in $(seq 1 300); do grep -q 'http://' "$log" && break; sleep 0.1; done
base=$(grep -o 'http://[^/ ]*' "$log" | head -n 1)
[ -n "$base" ] || { echo "the server did not start" >&2; cat "$log" >&2; exit 1; }

echo "### Lists, filters and search at $actions actions, $backend (1 connection, $duration each)"
echo
echo "| request | reader | requests/s | p50 ms | p99 ms |"
echo "|---|---|---|---|---|"
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.1f", v/1000; else if (v ~ /ms$/) printf "%.1f", v+0; else printf "%.1f", v*1000 }'; }
measure() { # reader path [header]
  local reader=$1 path=$2 out
  local args=(-t 1 -c 1 -d "$duration" --latency)
  [ -n "${3:-}" ] && args+=(-H "$3")
  curl -fsS -o /dev/null ${3:+-H "$3"} "$base$path" || { echo "| \`$path\` | $reader | failed | | |"; return; }
  out=$(wrk "${args[@]}" --timeout 10s "$base$path")
  echo "| \`$path\` | $reader | $(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out") | $(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")") | $(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")") |"
}
for path in "/api/v1/actions?limit=50" "/api/v1/actions?state=FRA&limit=50" \
  "/api/v1/actions?status=planned&phase=ratification&level=national&limit=50" \
  "/api/v1/actions?from=2027-01-01&to=2027-01-31&limit=50" "/api/v1/search?q=parliament" \
  "/actions?lang=fr" "/search?q=n%C3%A9gociation&lang=fr"; do
  measure anonymous "$path"
  [ -n "$token" ] && measure "member (token)" "$path" "Authorization: Bearer $token"
done
echo

echo "### Coordination analysis at $actions actions, $backend (\`entente analyze\`, the whole plan as the command line sees it)"
echo
echo "| finding | seconds |"
echo "|---|---|"
for finding in overlaps gaps deadlines; do
  start=$(date +%s%N)
  "$entente" analyze "$finding" --format json --limit 100 >/dev/null
  end=$(date +%s%N)
  echo "| $finding | $(seconds "$start" "$end") |"
done
