#!/usr/bin/env bash
# Measures the memory of the export downloads: PSS summed over the whole process tree (the .NET process,
# Playwright's node driver and every Chromium process, from /proc/PID/smaps_rollup, sampled every 50 ms)
# while the four exports download from a sandbox at default sizes; the sandbox runs as its own process
# and is not counted. Prints the peak for the tuned launch and, for comparison, the plain launch.
# Usage: scripts/bench-backend.sh [--lean-only]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
source scripts/setup.sh

dotnet build Andalan.Functions.Tests -c Release -nologo -clp:NoSummary -v:q

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
run() {
  ANDALAN_BENCH_LEAN="$1" ANDALAN_BENCH_REPORT="$report" \
    dotnet test Andalan.Functions.Tests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~Backend.BackendMemoryTests" >/dev/null || status=$?
}

status=0
run true
[ "${1:-}" = "--lean-only" ] || run false
cat "$report"
exit "$status"
