#!/usr/bin/env bash
# The soak: many whole runs one after another on one long-lived app (the orchestration with the real
# activities, one browser, as a Functions worker), the sandbox's data advancing an hour before each run and a
# random fault injected into most; after each run every tab is compared with the panel's truth. Writes
# artifacts/soak/soak.md and soak.json: runs, faults injected, recovered, failed, rows lost, rows duplicated,
# browser processes and memory over the runs. Exit status 0 only when nothing was lost or duplicated and every
# run ended as its fault predicts.
#
#   scripts/soak.sh [--runs N] [--seed S]      (default 50 runs, a random seed printed in the report)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
source scripts/setup.sh

runs=50
seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --seed) seed="$2"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

dotnet build Andalan.Functions.sln -c Release -warnaserror -nologo -clp:NoSummary -v:q

report="$repo/artifacts/soak"
mkdir -p "$report"
status=0
ANDALAN_SOAK_RUNS="$runs" ANDALAN_SOAK_SEED="$seed" ANDALAN_SOAK_REPORT="$report" \
  dotnet test Andalan.Functions.Tests/Andalan.Functions.Tests.csproj -c Release --no-build --nologo \
  --filter "Category=Soak" --logger "console;verbosity=normal" >"$report/console.txt" 2>&1 || status=$?

if [ -f "$report/soak.md" ]; then
  sed -n '1,/^```$/p' "$report/soak.md" | head -n -1
  echo "report: $report/soak.md, $report/soak.json"
else
  echo "no report was written; see $report/console.txt" >&2
fi
exit "$status"
