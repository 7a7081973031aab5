#!/usr/bin/env bash
# Installs what the app, its tests and the demo need, when missing. Safe to run again.
# Sourced by test.sh, demo.sh and bench scripts; sets ANDALAN_TOOLS.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ANDALAN_TOOLS="$repo/.tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '[setup] %s\n' "$*" >&2; }

apt_packages=(chromium chromium-headless-shell libgdiplus fonts-liberation fonts-noto-core poppler-utils)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  say "the .NET 10 SDK is required: https://dotnet.microsoft.com/download (or Debian's dotnet-sdk-10.0)"
  exit 1
fi

azurite_version="3.37.0"
if [ ! -x "$ANDALAN_TOOLS/node_modules/.bin/azurite" ]; then
  command -v npm >/dev/null 2>&1 || { say "Node.js and npm are required for Azurite"; exit 1; }
  say "installing Azurite $azurite_version from npm into .tools/"
  mkdir -p "$ANDALAN_TOOLS"
  npm install --prefix "$ANDALAN_TOOLS" --no-audit --no-fund --silent "azurite@$azurite_version" >/dev/null
fi
export ANDALAN_AZURITE="$ANDALAN_TOOLS/node_modules/.bin/azurite"
export ANDALAN_CHROMIUM="${ANDALAN_CHROMIUM:-/usr/bin/chromium}"
