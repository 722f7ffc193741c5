#!/usr/bin/env bash
# make demo: ~120 days of simulated landing data through the whole pipeline, on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ti=bin/trendinsight
data=${DEMO_DATA:-data}
days=${DEMO_DAYS:-120}
scale=${DEMO_SCALE:-1}
seed=${DEMO_SEED:-20261122}
end=${DEMO_END:-$(TZ=Asia/Shanghai date -d yesterday +%F)}
start_time=$(date +%s)

# Exit code 3 of ingest and run: it went through, and rows were quarantined (the simulator plants bad rows on purpose).
accepting_rejects() {
  local status=0
  "$@" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    exit "$status"
  fi
}

echo "== simulate $days days ending $end (seed $seed, scale $scale) into $data/landing"
$ti --data "$data" simulate --days "$days" --end "$end" --seed "$seed" --scale "$scale" --out "$data/landing"
prev=$(date -d "$end - 7 days" +%F)
echo "== ingest, analyze, report for $prev (the previous weekly report, which the next one compares its ranks with)"
accepting_rejects "$ti" --data "$data" run --date "$prev"
echo "== ingest, analyze, report for $end"
accepting_rejects "$ti" --data "$data" run --date "$end"
echo
$ti --data "$data" sql "select 'search' as feed, count(*) as rows from search union all select 'comments', count(*) from comments union all select 'engagement', count(*) from engagement union all select 'content', count(*) from content union all select 'products', count(*) from products"
echo "== the week's topics as Arrow IPC, for notebooks (pyarrow.ipc.open_file, polars.read_ipc)"
$ti --data "$data" sql "select * from topics where dt = DATE '$end' order by rank" --format arrow --out "$data/reports/$end/topics.arrow"
echo "demo finished in $(( $(date +%s) - start_time )) s"
echo "warehouse: $(realpath "$data/warehouse.duckdb")   (bin/trendinsight sql \"select rank, name, stage, members from latest_topics where rank is not null order by rank\")"
echo "report:    $(realpath "$data/reports/$end/trend-report.html")"
echo "arrow:     $(realpath "$data/reports/$end/topics.arrow")"
