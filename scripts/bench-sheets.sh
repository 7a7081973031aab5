#!/usr/bin/env bash
# Times the Sheets sync at scale against the in-process sandbox: a first load of 100,000 transactions into a new
# tab, then a re-sync with 1,000 changed and 2,000 new records. Prints rows, cells, API calls and seconds.
# Usage: scripts/bench-sheets.sh [runs]   (default 1 run; Release build)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
runs="${1:-1}"

dotnet build Andalan.Functions.Tests -c Release -nologo -clp:NoSummary -v:q

for run in $(seq 1 "$runs"); do
  echo "run $run of $runs ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  output=$(dotnet test Andalan.Functions.Tests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~SheetSyncScaleTests" --logger "console;verbosity=detailed" 2>&1) || {
    echo "$output" | tail -n 40
    exit 1
  }
  grep -o 'bench: .*' <<<"$output"
done
