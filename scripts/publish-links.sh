#!/usr/bin/env bash
# Publishes goveval-links, GovEval's crawler and link checker, as one native executable (Native AOT): it needs no
# .NET runtime where it runs and starts crawling at once. Prints the executable's path.
# Usage: scripts/publish-links.sh [DIR]   (default: artifacts/goveval-links in the clone)
# Needs the .NET 10 SDK and a C toolchain to link (clang, or gcc: apt-get install clang, or gcc).
set -euo pipefail
out=$(realpath -m "${1:-$(dirname "$0")/../artifacts/goveval-links}")
cd "$(dirname "$0")/.."

if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y gcc >/dev/null || { apt-get update -qq && apt-get install -y gcc >/dev/null; }
  else
    echo "scripts/publish-links.sh: a C toolchain is required to link the native executable (apt-get install clang, or gcc)" >&2
    exit 2
  fi
fi

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "scripts/publish-links.sh: no native build for $(uname -m); run it with 'dotnet run --project src/GovEval.LinkCheck -- URL'" >&2; exit 2 ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/GovEval.LinkCheck -c Release -r "$rid" -nologo -v quiet -o "$out" >&2
echo "$out/goveval-links"
