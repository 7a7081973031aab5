#!/usr/bin/env bash
# The whole-run benchmark (issue 9): the `run` verb end to end against a fresh sandbox at the default scale and
# at a large one (200,000 transactions, 50,000 point transactions, 20,000 users, 20,000 coin payments), three
# repetitions each. Writes a Markdown and a JSON report to artifacts/bench/ and prints the Markdown.
# Installs what it needs first; safe to run again.
#
#   scripts/bench-run.sh [--scale default|large]... [--reps N]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
source scripts/setup.sh
say() { printf '[bench] %s\n' "$*" >&2; }

say "building (Release)"
dotnet build Andalan.Functions.sln -c Release -nologo -clp:NoSummary -v:q >/dev/null

work="$(mktemp -d -t andalan-bench-XXXXXX)"
azurite_pid=
cleanup() {
  [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
say "starting Azurite"
"$ANDALAN_AZURITE" --silent --skipApiVersionCheck --inMemoryPersistence \
  --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" >"$work/azurite.log" 2>&1 &
azurite_pid=$!
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"

python3 scripts/bench/whole_run.py --repo "$repo" --app "$repo/Andalan.Functions/bin/Release/net10.0/Andalan.Functions.dll" --storage "$storage" --out "$repo/artifacts/bench" "$@"
