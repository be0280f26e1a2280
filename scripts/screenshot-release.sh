#!/usr/bin/env bash
# Regenerates docs/images/release.png: runs the demo and photographs its release in headless Chromium.
# Needs chromium (Debian: apt-get install chromium fonts-wqy-microhei).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d -t goveval-demo-XXXXXX)"
trap 'rm -rf "$out"' EXIT
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
  echo "screenshot-release: no chromium found; install it (Debian: apt-get install chromium fonts-wqy-microhei)" >&2
  exit 2
fi
dotnet run -c Release --project src/GovEval.Cli -- demo --out "$out" "$@"
mkdir -p docs/images
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2000 \
  --screenshot="$PWD/docs/images/release.png" "file://$out/release/index.html"
sheet="$(grep -l '查看存档' "$out"/release/gov-website-check-2019/units/*.html | head -1)"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1800 \
  --screenshot="$PWD/docs/images/score-sheet.png" "file://$sheet"
echo "wrote docs/images/release.png and docs/images/score-sheet.png"
