#!/usr/bin/env bash
# Runs the whole test suite: installs what it needs first (Chromium, Azurite, ...). Safe to run again.
# Extra arguments go to `dotnet test`, for example: scripts/test.sh --filter "FullyQualifiedName~Sheets"
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
source scripts/setup.sh

dotnet build Andalan.Functions.sln -c Release -warnaserror -nologo -clp:NoSummary -v:q

results="$repo/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
# Benchmarks (Trait Category=Benchmark) measure memory and speed; they run from scripts/bench-*.sh, not here,
# because a figure taken inside a test host full of other tests' state says little.
filter=()
case " $* " in *" --filter "*) ;; *) filter=(--filter "Category!=Benchmark") ;; esac

status=0
dotnet test Andalan.Functions.Tests/Andalan.Functions.Tests.csproj -c Release --no-build --nologo \
  --logger "trx;LogFileName=tests.trx" --results-directory "$results" "${filter[@]}" "$@" | tee "$results/console.txt" || status=$?

# One plain closing line that any CI reads: "N passed, N failed, N skipped".
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$results/console.txt" | tail -n 1 || true)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
exit "$status"
