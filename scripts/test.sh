#!/usr/bin/env bash
# Runs every test of GovEval. CI (.ci/run) calls this same script on a clean checkout.
# Tests never touch the network beyond loopback; what they need from the system is checked here.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }

if ! need dotnet; then
  echo "scripts/test.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 2
fi

configuration=${CONFIGURATION:-Release}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build GovEval.slnx -c "$configuration" -nologo -v minimal
# goveval-links ships as a native executable; the tests run that executable, published once here (it needs a C
# toolchain to link: the script installs gcc when it runs as root, and otherwise says what to install).
GOVEVAL_LINKS_NATIVE=$(scripts/publish-links.sh artifacts/goveval-links)
export GOVEVAL_LINKS_NATIVE
dotnet test GovEval.slnx -c "$configuration" --no-build -nologo -v minimal --logger "console;verbosity=normal" "$@"
