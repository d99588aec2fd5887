#!/usr/bin/env bash
# Load test of the public portal and API: requests per second and latency
# percentiles for the dashboard, a state page and the state JSON, with wrk
# (Debian), against a release build on a fresh database.
#
#   bench/load.sh                 # SQLite in a temporary data directory
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench bench/load.sh
#
# Prints a Markdown table; paste it into bench/RESULTS.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-10s}"
connections="${CONNECTIONS:-1 16 64}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

cargo build --release --quiet -p entente
data_dir=$(mktemp -d)
log=$(mktemp)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data_dir" "$log"' EXIT
./target/release/entente serve --listen 127.0.0.1:0 --data-dir "$data_dir" --log warn >"$log" &
server=$!
for _ in $(seq 1 100); do grep -q 'http://' "$log" && break; sleep 0.1; done
base=$(grep -o 'http://[^/ ]*' "$log" | head -n 1)
[ -n "$base" ] || { echo "the server did not start" >&2; cat "$log" >&2; exit 1; }

backend=sqlite
[[ "${DATABASE_URL:-}" == postgres* ]] && backend=postgresql

echo "| page | backend | connections | requests/s | p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|"
for path in "/?lang=en" "/states/FRA?lang=fr" "/api/v1/states/FRA"; do
  curl -fsS -o /dev/null "$base$path" # warm up and check it answers
  for c in $connections; do
    out=$(wrk -t "$(( c < 2 ? 1 : 2 ))" -c "$c" -d "$duration" --latency "$base$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else printf "%.2f", v*1000 }'; }
    echo "| \`$path\` | $backend | $c | ${rps%.*} | $(to_ms "$p50") | $(to_ms "$p99") |"
  done
done
