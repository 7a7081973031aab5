#!/usr/bin/env bash
# The main job, end to end, against the sandbox: starts Azurite and the sandbox (every outside service on
# 127.0.0.1), runs all four exports once with the `run` verb, writes the run dashboard as a static page,
# prints the summary and where to look. Installs what it needs first; safe to run again. Leaves nothing
# running unless --keep is given. --webhook also reports to the sandbox's webhook receiver (JSON shape).
#
#   scripts/demo.sh [--keep] [--webhook] [--transactions N] [--point-transactions N] [--users N] [--coin-payments N]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
source scripts/setup.sh
say() { printf '[demo] %s\n' "$*" >&2; }

keep=0
webhook=false
sandbox_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --webhook) webhook=true ;;
    --transactions|--point-transactions|--users|--coin-payments|--seed) sandbox_args+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

say "building (Release)"
dotnet build Andalan.Functions.sln -c Release -nologo -clp:NoSummary -v:q >/dev/null

work="$(mktemp -d -t andalan-demo-XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
say "starting Azurite (blob $blob_port, queue $queue_port, table $table_port)"
"$ANDALAN_AZURITE" --silent --skipApiVersionCheck --location "$work/azurite" \
  --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" >"$work/azurite.log" 2>&1 &
pids+=($!)

say "starting the sandbox"
dotnet Andalan.Sandbox/bin/Release/net10.0/Andalan.Sandbox.dll --port 0 --https-port 0 \
  --settings-file "$work/sandbox.settings.json" --work-dir "$work/sandbox" "${sandbox_args[@]}" >"$work/sandbox.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q "Andalan sandbox ready" "$work/sandbox.log" 2>/dev/null && break
  kill -0 "${pids[1]}" 2>/dev/null || { cat "$work/sandbox.log" >&2; exit 1; }
  sleep 0.5
done
grep -q "Andalan sandbox ready" "$work/sandbox.log" || { echo "the sandbox did not start; see $work/sandbox.log" >&2; exit 1; }
base=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Values"]["Andalan__Panel__BaseUrl"])' "$work/sandbox.settings.json")

storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"

say "running all exports once"
status=0
AzureWebJobsStorage="$storage" Andalan__Webhook__Enabled="$webhook" \
  dotnet Andalan.Functions/bin/Release/net10.0/Andalan.Functions.dll run \
  --settings "$work/sandbox.settings.json" --summary "$work/summary.json" --dashboard "$work/dashboard.html" || status=$?

cat <<TXT

Where to look:
  sheets (what the run wrote):   ${base}_sandbox/sheets
  Telegram chat (what it said):  ${base}_sandbox/chat
  webhook posts (--webhook):     ${base}_sandbox/webhook
  run dashboard (static page):   $work/dashboard.html   (open it in a browser; the live one is GET /api/dashboard)
  the admin panel it read:       ${base}login   (credentials: $work/sandbox.settings.json)
  run summary (JSON):            $work/summary.json
  sandbox log:                   $work/sandbox.log
TXT

if [ "$keep" = 1 ]; then
  echo
  echo "Azurite and the sandbox keep running; press Ctrl-C to stop them."
  wait
fi
exit "$status"
