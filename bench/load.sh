#!/usr/bin/env bash
# Load test of the public portal and API, side by side with what a
# data-minded NGO would otherwise use, in one run on one machine:
#
# - Entente: the dashboard, a state page and the state JSON, served by a
#   release build of `entente serve` on a fresh database with the shipped
#   dataset;
# - the peer: Datasette (from PyPI, in a virtualenv under target/bench)
#   serving the very same SQLite file, with queries that return the same
#   information (each state's OPCAT events and stage facts; one state's
#   treaty events as an HTML table and as JSON);
# - the ceiling: nginx (Debian) serving the very same response bytes as
#   Entente, saved as static files.
#
# Rows alternate between the three so that noise hits them alike. Then: the
# peak resident memory of `entente serve` after the load, and its start-up
# time to the first answered request on the existing database.
#
#   bench/load.sh                                   # SQLite
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench bench/load.sh
#                                                   # PostgreSQL, one and two servers
#   DURATION=10s CONNECTIONS="1 16 64" bench/load.sh
#
# wrk sends no Accept-Encoding, so every answer is measured uncompressed.
# Prints Markdown; paste it into bench/RESULTS.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-5s}"
connections="${CONNECTIONS:-1 16 64}"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

venv=target/bench/datasette
if [ ! -x "$venv/bin/datasette" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'datasette==0.65.*'
fi

cargo build --release --quiet -p entente
entente=./target/release/entente
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

backend=sqlite
[[ "${DATABASE_URL:-}" == postgres* ]] && backend=postgresql
export ENTENTE_DATA_DIR="$work/data"

# Starts `entente serve` on a free port; prints its base URL.
start_entente() {
  local log="$work/serve-$1.log"
  "$entente" serve --listen 127.0.0.1:0 --log warn >"$log" 2>&1 &
  pids+=($!)
  echo $! >"$work/pid-$1"
  for _ in $(seq 1 300); do grep -q 'http://' "$log" && break; sleep 0.05; done
  grep -o 'http://[^/ ]*' "$log" | head -n 1 || { cat "$log" >&2; exit 1; }
}

entente_base=$(start_entente main)
curl -fsS -o /dev/null "$entente_base/"

# The same response bytes, as static files for nginx.
static="$work/static"
mkdir -p "$static/states" "$static/api/v1/states"
curl -fsS "$entente_base/?lang=en" -o "$static/index.html"
curl -fsS "$entente_base/states/FRA?lang=fr" -o "$static/states/FRA.html"
curl -fsS "$entente_base/api/v1/states/FRA" -o "$static/api/v1/states/FRA.json"
# nginx's workers run as nobody: let them read the files.
chmod 755 "$work"
chmod -R a+rX "$static"
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; application/json json; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $static;
    location = / { try_files /index.html =404; }
    location /states/ { default_type text/html; try_files \$uri.html =404; }
    location /api/v1/states/ { default_type application/json; try_files \$uri.json =404; }
  }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
nginx_base="http://127.0.0.1:$nginx_port"

# Datasette reads the same SQLite file (a copy on PostgreSQL runs, made by
# a SQLite instance of Entente loading the same shipped dataset).
db_file="$ENTENTE_DATA_DIR/entente.db"
if [ "$backend" = postgresql ]; then
  mkdir -p "$work/sqlite-copy"
  env -u DATABASE_URL ENTENTE_DATA_DIR="$work/sqlite-copy" "$entente" status FRA >/dev/null 2>&1
  db_file="$work/sqlite-copy/entente.db"
fi
# Datasette's --immutable mode (its fastest) ignores the write-ahead log:
# move what is in it into the file first.
sqlite3 "$db_file" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
datasette_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$venv/bin/datasette" serve --immutable "$db_file" --host 127.0.0.1 --port "$datasette_port" \
  --setting sql_time_limit_ms 5000 >"$work/datasette.log" 2>&1 &
pids+=($!)
datasette_base="http://127.0.0.1:$datasette_port"
for _ in $(seq 1 200); do curl -fsS -o /dev/null "$datasette_base/-/versions.json" 2>/dev/null && break; sleep 0.1; done
datasette_version=$(curl -fsS "$datasette_base/-/versions.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["datasette"]["version"])')

# What each Entente page shows, asked of Datasette: every state's OPCAT
# events with the state's names and group (the dashboard derives the stages
# from these); France's treaty events as an HTML table (the state page);
# the same as JSON (the state JSON).
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
dashboard_sql="select s.iso3, s.name_en, s.regional_group, e.kind, e.date from states s left join treaty_events e on e.state = s.iso3 and e.treaty in ('cat', 'opcat') where s.un_member order by s.iso3, e.date"
datasette_dashboard="/entente?sql=$(urlencode "$dashboard_sql")"
datasette_state="/entente/treaty_events?state=FRA&_size=max"
datasette_json="/entente/treaty_events.json?state=FRA&_shape=array&_size=max"
for path in "$datasette_dashboard" "$datasette_state" "$datasette_json"; do
  curl -fsS -o /dev/null "$datasette_base$path" || { echo "Datasette refused $path" >&2; cat "$work/datasette.log" >&2; exit 1; }
done

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else printf "%.2f", v*1000 }'; }

# Runs wrk; sets rps, p50, p99.
measure() {
  local url=$1 c=$2 out
  out=$(wrk -t "$(( c < 2 ? 1 : 2 ))" -c "$c" -d "$duration" --latency "$url")
  rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  local errors
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  [ -z "$errors" ] || echo "warning: $errors non-2xx answers from $url" >&2
}

bytes() { curl -fsS "$1" | wc -c; }

echo "### Public pages and API, $backend (Datasette $datasette_version, $(nginx -v 2>&1 | sed 's/.*: //'))"
echo
echo "| page | connections | Entente req/s | p50 ms | p99 ms | Datasette req/s | p99 ms | nginx req/s | p99 ms | × Datasette | share of nginx |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
pages=(
  "/?lang=en|$datasette_dashboard|/"
  "/states/FRA?lang=fr|$datasette_state|/states/FRA"
  "/api/v1/states/FRA|$datasette_json|/api/v1/states/FRA"
)
for page in "${pages[@]}"; do
  IFS='|' read -r ours theirs static_path <<<"$page"
  for c in $connections; do
    measure "$entente_base$ours" "$c"; e_rps=$rps e_p50=$p50 e_p99=$p99
    measure "$datasette_base$theirs" "$c"; d_rps=$rps d_p99=$p99
    measure "$nginx_base$static_path" "$c"; n_rps=$rps n_p99=$p99
    ratio=$(awk -v a="$e_rps" -v b="$d_rps" 'BEGIN { if (b > 0) printf "%.0f", a / b; else print "-" }')
    share=$(awk -v a="$e_rps" -v b="$n_rps" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "-" }')
    echo "| \`$ours\` | $c | $e_rps | $e_p50 | $e_p99 | $d_rps | $d_p99 | $n_rps | $n_p99 | $ratio | $share |"
  done
done
echo
echo "Sizes: dashboard $(bytes "$entente_base/?lang=en") B, state page $(bytes "$entente_base/states/FRA?lang=fr") B, state JSON $(bytes "$entente_base/api/v1/states/FRA") B;" \
  "Datasette's answers $(bytes "$datasette_base$datasette_dashboard"), $(bytes "$datasette_base$datasette_state") and $(bytes "$datasette_base$datasette_json") B."
echo

main_pid=$(cat "$work/pid-main")
peak=$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$main_pid/status")
echo "Peak resident memory of \`entente serve\` after the load: $peak MB."

# Start-up on the existing database: from exec to the first answer.
kill "$main_pid"; wait "$main_pid" 2>/dev/null || true
started=$(date +%s%N)
log="$work/serve-restart.log"
"$entente" serve --listen 127.0.0.1:0 --log warn >"$log" 2>&1 &
pids+=($!)
base=""
while [ -z "$base" ]; do base=$(grep -o 'http://[^/ ]*' "$log" | head -n 1 || true); done
until curl -fsS -o /dev/null "$base/api/v1/states/FRA" 2>/dev/null; do :; done
answered=$(date +%s%N)
echo "Start-up to the first answered request on the existing database: $(( (answered - started) / 1000000 )) ms."
echo

if [ "$backend" = postgresql ]; then
  # Two servers on one database, the load split between them: two wrk
  # processes, each with half the connections, at the same time.
  second=$(start_entente second)
  echo "#### Two servers on one PostgreSQL, 16 connections in all"
  echo
  echo "| page | one server req/s | two servers req/s |"
  echo "|---|---|---|"
  for path in "/?lang=en" "/states/FRA?lang=fr" "/api/v1/states/FRA"; do
    measure "$base$path" 16; one=$rps
    wrk -t 1 -c 8 -d "$duration" "$base$path" >"$work/a.txt" &
    a=$!
    wrk -t 1 -c 8 -d "$duration" "$second$path" >"$work/b.txt" &
    b=$!
    wait "$a" "$b"
    both=$(cat "$work/a.txt" "$work/b.txt" | awk '/Requests\/sec/ {s += $2} END {printf "%d", s}')
    echo "| \`$path\` | $one | $both |"
  done
fi
