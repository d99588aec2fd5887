#!/usr/bin/env bash
# The coordination analysis at scale: for 10,000, 100,000 and 1,000,000
# demo actions on SQLite, the wall time and peak memory of the full
# analysis (`entente analyze all`: overlaps, gaps, partners and deadlines
# from one read of the plan), and, on the same database file in the same
# run, the overlap question asked as an SQL self-join through the sqlite3
# command line. The databases are made once under target/bench/ and reused.
#
#   bench/analysis.sh                          # 10k, 100k and 1M actions
#   SIZES="10000 100000" bench/analysis.sh     # fewer sizes
#   SQL_TIMEOUT=1800 bench/analysis.sh         # let the self-join run longer
#   RUNS=5 bench/analysis.sh                   # median of 5 runs (3 by default)
#
# Prints Markdown; paste it into bench/RESULTS.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="${SIZES:-10000 100000 1000000}"
runs="${RUNS:-3}"
sql_timeout="${SQL_TIMEOUT:-900}"
as_of=2026-12-01
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cargo build --release --quiet -p entente
entente="$PWD/target/release/entente"
root="$PWD/target/bench"
mkdir -p "$root"

# The demo coalition and N of its actions imported for its lead, once.
make_data() { # size dir
  local size=$1 dir=$2
  [ -f "$dir/ready" ] && return
  rm -rf "$dir" && mkdir -p "$dir"
  ENTENTE_DATA_DIR="$dir" "$entente" demo --seed 1 >/dev/null 2>&1
  "$entente" demo --seed 1 --scale "$size" --csv "$dir/actions.csv" 2>/dev/null
  ENTENTE_DATA_DIR="$dir" "$entente" import actions "$dir/actions.csv" --org gdw-demo \
    >/dev/null 2>"$dir/import.log" || { cat "$dir/import.log" >&2; exit 1; }
  rm -f "$dir/actions.csv"
  sqlite3 "$dir/entente.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  touch "$dir/ready"
}

# The median of the numbers on standard input.
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Seconds and peak RSS (MB) of one run of a command, from /usr/bin/time -v.
measure() { # out command...
  local out=$1
  shift
  /usr/bin/time -v -o "$out.time" "$@" >"$out" 2>"$out.err" \
    || { cat "$out.err" "$out.time" >&2; return 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
      for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.3f ", s }
    /Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$out.time"
}

# The overlap question in SQL: pairs of open actions that share a state and
# an audience but no organisation (lead or partner), and whose spans (start
# to end, or the due date alone when there is no start) overlap or lie
# within 30 days of each other. Each pair counted once: the same count as
# the analysis's total.
overlap_sql="
WITH spans AS (
  SELECT id, lead_org,
         coalesce(start_date, due_date) AS first_day,
         CASE WHEN start_date IS NULL THEN due_date
              ELSE max(start_date, coalesce(end_date, start_date)) END AS last_day
  FROM actions
  WHERE status NOT IN ('done', 'cancelled') AND coalesce(start_date, due_date) IS NOT NULL
)
SELECT count(*) FROM (
  SELECT DISTINCT a.id, b.id
  FROM spans a
  JOIN action_states sa ON sa.action_id = a.id
  JOIN action_states sb ON sb.state = sa.state AND sb.action_id > a.id
  JOIN spans b ON b.id = sb.action_id
  JOIN action_audiences aa ON aa.action_id = a.id
  JOIN action_audiences ab ON ab.action_id = b.id AND ab.audience = aa.audience
  WHERE b.lead_org <> a.lead_org
    AND NOT EXISTS (SELECT 1 FROM action_partners p WHERE p.action_id = b.id AND p.org_id = a.lead_org)
    AND NOT EXISTS (SELECT 1 FROM action_partners p WHERE p.action_id = a.id
                    AND (p.org_id = b.lead_org
                         OR p.org_id IN (SELECT q.org_id FROM action_partners q WHERE q.action_id = b.id)))
    AND julianday(b.first_day) - julianday(a.last_day) <= 30
    AND julianday(a.first_day) - julianday(b.last_day) <= 30
);"

echo "### Coordination analysis, SQLite, as of $as_of (median of $runs runs)"
echo
echo "| actions | open actions | \`entente analyze all\` s | peak RSS MB | overlaps found (Rust) | SQL self-join s | pairs (SQL) | SQL / Rust |"
echo "|---|---|---|---|---|---|---|---|"
declare -A took
for size in $sizes; do
  dir="$root/analysis-$size"
  make_data "$size" "$dir"
  db="$dir/entente.db"
  open=$(sqlite3 "$db" "SELECT count(*) FROM actions WHERE status NOT IN ('done', 'cancelled');")
  times=()
  rss=()
  for _ in $(seq 1 "$runs"); do
    read -r s m < <(ENTENTE_DATA_DIR="$dir" measure "$dir/all.json" "$entente" analyze all \
      --format json --as-of "$as_of" --limit 100 --partners-of gdw-demo --partners-at FRA)
    times+=("$s")
    rss+=("$m")
  done
  secs=$(printf '%s\n' "${times[@]}" | median)
  mem=$(printf '%s\n' "${rss[@]}" | median)
  total=$(grep -o '"overlaps_total": *[0-9]*' "$dir/all.json" | grep -o '[0-9]*$')
  took[$size]=$secs
  start=$(date +%s%N)
  if pairs=$(timeout "$sql_timeout" sqlite3 "$db" "$overlap_sql"); then
    end=$(date +%s%N)
    sql_s=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
    ratio=$(awk -v a="$sql_s" -v b="$secs" 'BEGIN { printf "%.0f", a / b }')
  else
    sql_s="> $sql_timeout (stopped)"
    pairs="-"
    ratio=$(awk -v a="$sql_timeout" -v b="$secs" 'BEGIN { printf "> %.0f", a / b }')
  fi
  echo "| $size | $open | $secs | $mem | $total | $sql_s | $pairs | $ratio |"
done
echo

echo "### Growth of the full analysis against n log n"
echo
echo "| from | to | n ratio | n log n ratio | time ratio |"
echo "|---|---|---|---|---|"
previous=""
for size in $sizes; do
  if [ -n "$previous" ]; then
    awk -v a="$previous" -v b="$size" -v ta="${took[$previous]}" -v tb="${took[$size]}" \
      'BEGIN { printf "| %d | %d | %.1f | %.1f | %.1f |\n", a, b, b / a, (b * log(b)) / (a * log(a)), tb / ta }'
  fi
  previous=$size
done
