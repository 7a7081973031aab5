#!/usr/bin/env bash
# Measures the document readers through the extract verb (Release build):
#   PDF pages per second and memory per page, from a 100-page and a 1,000-page report (absolutely positioned
#   cells, 38 rows a page), and xlsx rows per second from a 20,000-row and a 200,000-row workbook.
# Rates come from the difference between the small and the large run, so process start-up and JIT do not
# count; memory per page is the difference in peak RSS divided by the extra pages (records included).
# CPU time is the process's user plus system time, all threads; on a shared machine it is the steadier figure.
# Usage: scripts/bench-documents.sh [WORKDIR]   (files are generated once into WORKDIR, default /tmp/andalan-bench)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/andalan-bench}"
generators="$repo/Andalan.Functions.Tests/Fixtures/Generators"
mkdir -p "$work"

[ -f "$work/report-100.pdf" ] || python3 "$generators/positioned_pdf.py" bench "$work/report-100.pdf" 100
[ -f "$work/report-1000.pdf" ] || python3 "$generators/positioned_pdf.py" bench "$work/report-1000.pdf" 1000
[ -f "$work/rows-20000.xlsx" ] || python3 "$generators/xlsx_reports.py" bench "$work/rows-20000.xlsx" 20000
[ -f "$work/rows-200000.xlsx" ] || python3 "$generators/xlsx_reports.py" bench "$work/rows-200000.xlsx" 200000

dotnet build "$repo/Andalan.Functions" -c Release -nologo -v:q >/dev/null
app="$repo/Andalan.Functions/bin/Release/net10.0/Andalan.Functions.dll"

# run EXPORT FILE -> prints "wall_seconds cpu_seconds max_rss_kb" (cpu = user + system)
run() {
  local timing
  timing=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$timing" dotnet "$app" extract --export "$1" "$2" >/dev/null 2>&1
  awk '{ print $1, $2 + $3, $4 }' "$timing"
  rm -f "$timing"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
read -r pw1 pu1 pm1 < <(run coin_payments "$work/report-100.pdf")
read -r pw2 pu2 pm2 < <(run coin_payments "$work/report-1000.pdf")
read -r xw1 xu1 xm1 < <(run transactions "$work/rows-20000.xlsx")
read -r xw2 xu2 xm2 < <(run transactions "$work/rows-200000.xlsx")

awk -v pw1="$pw1" -v pw2="$pw2" -v pu1="$pu1" -v pu2="$pu2" -v pm1="$pm1" -v pm2="$pm2" \
    -v xw1="$xw1" -v xw2="$xw2" -v xu1="$xu1" -v xu2="$xu2" -v xm1="$xm1" -v xm2="$xm2" 'BEGIN {
  printf "pdf   100 pages: %6.2f s wall, %6.2f s cpu, %7.1f MB peak\n", pw1, pu1, pm1 / 1024
  printf "pdf  1000 pages: %6.2f s wall, %6.2f s cpu, %7.1f MB peak\n", pw2, pu2, pm2 / 1024
  printf "pdf  rate: %6.0f pages/s wall, %6.0f pages/s cpu; memory %.1f KB per page (records included)\n",
    900 / (pw2 - pw1), 900 / (pu2 - pu1), (pm2 - pm1) / 900
  printf "xlsx  20000 rows: %6.2f s wall, %6.2f s cpu, %7.1f MB peak\n", xw1, xu1, xm1 / 1024
  printf "xlsx 200000 rows: %6.2f s wall, %6.2f s cpu, %7.1f MB peak\n", xw2, xu2, xm2 / 1024
  printf "xlsx rate: %8.0f rows/s wall, %8.0f rows/s cpu\n", 180000 / (xw2 - xw1), 180000 / (xu2 - xu1)
}'
