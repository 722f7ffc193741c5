#!/usr/bin/env bash
# make eval: the simulated demo world and a sparse one (scale 0.05), analysed on 7 consecutive dates,
# scored by `trendinsight evaluate` against what the simulator planted.
set -euo pipefail
cd "$(dirname "$0")/.."
ti=${EVAL_TI:-bin/trendinsight}
root=${EVAL_DATA:-data/eval}
end=${EVAL_END:-2026-11-21}
dates=${EVAL_DATES:-7}
seed=${EVAL_SEED:-20261122}
first=$(date -d "$end - $((dates - 1)) days" +%F)

world() {
  local name=$1 days=$2 scale=$3
  local data="$root/$name"
  echo "== $name world: $days days ending $end, scale $scale; analysed $first..$end"
  rm -rf "$data"
  $ti --data "$data" simulate --days "$days" --end "$end" --seed "$seed" --scale "$scale" --out "$data/landing" >/dev/null 2>&1
  # Exit code 3: rows were quarantined, which the simulator plants on purpose.
  $ti --data "$data" ingest >/dev/null || [ $? -eq 3 ]
  for ((i = dates - 1; i >= 0; i--)); do
    $ti --data "$data" analyze --date "$(date -d "$end - $i days" +%F)" >/dev/null
  done
  $ti --data "$data" evaluate --truth "$data/landing/ground_truth.json" --from "$first" --to "$end"
  echo
}

world demo "${EVAL_DEMO_DAYS:-120}" "${EVAL_DEMO_SCALE:-1}"
world sparse "${EVAL_SPARSE_DAYS:-60}" 0.05
