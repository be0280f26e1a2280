#!/usr/bin/env bash
# Whole-process benchmark of the simulated web: start `goveval sandbox serve --sites N`, ask every host once,
# measure resident memory (VmRSS, peak VmHWM) and requests per second with wrk on loopback (HTTP and HTTPS).
# Usage: bench/sandbox/bench.sh [SITES] [SECONDS]   (defaults 14475 and 20). Needs wrk and curl (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/../.."

sites=${1:-14475}
seconds=${2:-20}
for tool in dotnet curl wrk; do
  command -v "$tool" >/dev/null || { echo "bench.sh: '$tool' is required (apt-get install -y $tool)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build src/GovEval.Cli -c Release -nologo -v quiet >/dev/null

started=$(date +%s.%N)
dotnet src/GovEval.Cli/bin/Release/net10.0/goveval.dll sandbox serve --sites "$sites" --seed 1 --now 2020-11-30 \
  --routes "$work/routes.txt" --truth "$work/truth.json" >"$work/serve.log" 2>&1 &
server=$!
until grep -q '^sandbox:' "$work/serve.log"; do
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
ready=$(date +%s.%N)
rss() { awk -v k="$1" '$1 == k":" { printf "%.1f MiB", $2 / 1024 }' "/proc/$server/status"; }

echo "sites:                 $sites"
echo "$(cat "$work/serve.log")"
echo "startup (incl. truth): $(awk -v a="$started" -v b="$ready" "BEGIN { printf \"%.1f\", b - a }") s"
echo "RSS after start:       $(rss VmRSS)"

http_port=$(head -1 "$work/routes.txt" | cut -d: -f4)
tls_port=$(sed -n 2p "$work/routes.txt" | cut -d: -f4)

# Every host once (robots.txt over HTTP): a site that redirects to HTTPS answers 301, a rate-limited one may answer 429.
grep ':80:127.0.0.1:' "$work/routes.txt" | cut -d: -f1 | while read -r host; do
  printf 'url = "http://%s/robots.txt"\nconnect-to = "%s:80:127.0.0.1:%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' "$host" "$host" "$http_port"
done >"$work/all.curl"
curl --parallel --parallel-max 32 -s --no-progress-meter -K "$work/all.curl" >"$work/codes.txt" || true
echo "hosts answered:        $(grep -cv '^000$' "$work/codes.txt") of $sites ($(sort "$work/codes.txt" | uniq -c | tr -s ' ' | tr '\n' ';'))"
echo "RSS after every host:  $(rss VmRSS)"

export SANDBOX_ROUTES="$work/routes.txt"
echo "--- wrk HTTP, rotating hosts and pages (2 threads, 64 connections, ${seconds}s)"
wrk -t2 -c64 -d"${seconds}s" --timeout 5s -s bench/sandbox/rotate.lua "http://127.0.0.1:$http_port/" | grep -E 'Requests/sec|Transfer/sec|Latency|Non-2xx|Socket errors|requests in'
echo "--- wrk HTTPS, rotating hosts and pages (2 threads, 64 connections, ${seconds}s)"
wrk -t2 -c64 -d"${seconds}s" --timeout 5s -s bench/sandbox/rotate.lua "https://127.0.0.1:$tls_port/" | grep -E 'Requests/sec|Transfer/sec|Latency|Non-2xx|Socket errors|requests in'
echo "--- wrk HTTPS, a working set of 2,000 hosts (2 threads, 64 connections, ${seconds}s)"
SANDBOX_HOSTS=2000 wrk -t2 -c64 -d"${seconds}s" --timeout 5s -s bench/sandbox/rotate.lua "https://127.0.0.1:$tls_port/" | grep -E 'Requests/sec|Transfer/sec|Latency|Non-2xx|Socket errors|requests in'
echo "RSS after load:        $(rss VmRSS) (peak $(rss VmHWM))"
