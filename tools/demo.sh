#!/usr/bin/env bash
# make demo: simulated data through the whole pipeline.
set -euo pipefail
cd "$(dirname "$0")/.."
bin/trendinsight version
