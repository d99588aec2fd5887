#!/usr/bin/env bash
# The shared plan at scale: an import of N demo actions from an Entente CSV
# (rows per second, against sqlite3's own `.import` of the same file into a
# bare table as the floor), then the latency of the workspace's list,
# filters and search over HTTP at that size, with wrk (bench/lists.sh,
# which also runs alone on an existing data directory).
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
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

cargo build --release --quiet -p entente
entente=./target/release/entente
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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

echo "### Lists, filters and search at $actions actions, $backend (1 connection, $duration each)"
echo
ENTENTE="$entente" DURATION="$duration" bench/lists.sh
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
