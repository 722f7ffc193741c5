#!/usr/bin/env bash
# Runs every test project of the solution and closes with one line that counts them all.
set -uo pipefail
config=${1:-Release}
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet build TrendInsight.sln -c "$config" --no-restore --verbosity quiet -nologo || exit 1
dotnet test TrendInsight.sln -c "$config" --no-build --verbosity quiet -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
