#!/usr/bin/env bash
# Crawl benchmark: a generated 20,000-page government-like static site served by nginx on loopback, crawled side by
# side by wrk (the ceiling), linkinator 6, wget --spider -r and goveval-links (GovEval's crawler and link checker;
# politeness off, WARC on), as shipped (a native executable, scripts/publish-links.sh) and the same program run by
# the .NET runtime's JIT (goveval-jit, as `dotnet run` would run it).
# Reports pages/s, CPU time per page and peak RSS (/usr/bin/time -v) for each, and the ratio to linkinator.
# With several RUNS, each run measures every tool in turn, and a last table gives each tool's median over the runs
# (the ratio to linkinator is then the ratio of the median times) and GovEval's ratio run by run.
# Usage: bench/crawl/bench.sh [PAGES] [RUNS]   (defaults 20000 and 1). Needs nginx (nginx-light), wrk, wget, node+npm,
# and a C toolchain (gcc or clang) for the native build.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

pages=${1:-20000}
runs=${2:-1}
port=${BENCH_PORT:-18089}
parallelism=${GOVEVAL_PARALLELISM:-64}

if ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y nginx-light >/dev/null; else echo "bench.sh: nginx is required (apt-get install nginx-light)" >&2; exit 2; fi
fi
for tool in wrk wget node npm dotnet cc; do
  command -v "$tool" >/dev/null || { echo "bench.sh: '$tool' is required" >&2; exit 2; }
done
if [ ! -x bench/crawl/.tools/node_modules/.bin/linkinator ]; then
  npm install --prefix bench/crawl/.tools linkinator@6 --no-audit --no-fund >/dev/null
fi

work=$(mktemp -d -t goveval-crawlbench.XXXXXX)  # honours TMPDIR
chmod 755 "$work"
nginx_pid=""
cleanup() { [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build bench/GovEval.CrawlBench -c Release -nologo -v quiet >/dev/null
dotnet build src/GovEval.LinkCheck -c Release -nologo -v quiet >/dev/null
bench="dotnet $root/bench/GovEval.CrawlBench/bin/Release/net10.0/GovEval.CrawlBench.dll"
scripts/publish-links.sh "$work/links" >/dev/null
links="$work/links/goveval-links"
links_jit="dotnet $root/src/GovEval.LinkCheck/bin/Release/net10.0/goveval-links.dll"
$bench generate "$work/site" "$pages"
chmod -R a+rX "$work/site"

mkdir -p "$work/nginx/logs"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; text/css css; image/png png; application/pdf pdf; text/plain txt; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$port;
    root $work/site;
    charset utf-8;
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
url="http://127.0.0.1:$port/"

# One line per tool: name elapsed-seconds cpu-seconds peak-rss-KiB
measure() {
  local name=$1; shift
  # Written-back pages of the generated site or of the previous tool's output are not this tool's work.
  sync
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  local elapsed user sys rss
  elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/$name.time")
  user=$(awk -F': ' '/User time/ { print $2 }' "$work/$name.time")
  sys=$(awk -F': ' '/System time/ { print $2 }' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/$name.time")
  echo "$name $elapsed $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $rss" >>"$work/results.txt"
}

echo "site: $pages pages on $url (nginx $(nginx -v 2>&1 | cut -d/ -f2)), $(nproc) cores"
if [ -z "${GOVEVAL_ONLY:-}" ]; then
  echo "--- wrk ceiling (2 threads, 64 connections, 10 s, rotating pages)"
  PAGES=$pages wrk -t2 -c64 -d10s -s bench/crawl/rotate.lua "$url" | grep -E 'Requests/sec|Latency|requests in'
fi

table() {
  printf '%-11s %10s %10s %14s %12s %10s\n' tool seconds pages/s cpu-ms/page peak-RSS-MiB vs-linkinator
  local lk
  lk=$(awk '$1 == "linkinator" { print $2 }' "$1")
  while read -r name elapsed cpu rss; do
    awk -v n="$name" -v e="$elapsed" -v c="$cpu" -v r="$rss" -v p="$pages" -v lk="$lk" \
      'BEGIN { printf "%-11s %10.2f %10.0f %14.3f %12.1f %9.2fx\n", n, e, p / e, c * 1000 / p, r / 1024, lk / e }'
  done <"$1"
}

: >"$work/all.txt"
for run in $(seq "$runs"); do
  : >"$work/results.txt"
  if [ -z "${GOVEVAL_ONLY:-}" ]; then
    measure linkinator bench/crawl/.tools/node_modules/.bin/linkinator "$url" --recurse --concurrency 100 --timeout 10000 --format csv
    rm -rf "$work/wget"
    measure wget wget --spider -r -l inf -nd -nv -e robots=on -P "$work/wget" "$url"
  else
    echo "linkinator ${LINKINATOR_SECONDS:-16.03} 0 0" >>"$work/results.txt"
  fi
  crawl=("$url" --warc "$work/warc" --no-politeness --parallelism "$parallelism" --max-pages 100000 --max-depth 1000)
  rm -rf "$work/warc"
  measure goveval "$links" "${crawl[@]}"
  echo "--- run $run: $(cat "$work/goveval.err")"
  echo "    warc: $(du -sh "$work/warc" | cut -f1) in $(ls "$work/warc" | wc -l) file(s); broken links listed: $(($(wc -l <"$work/goveval.out") - 1))"
  rm -rf "$work/warc"
  measure goveval-jit $links_jit "${crawl[@]}"
  table "$work/results.txt"
  sed "s/^/$run /" "$work/results.txt" >>"$work/all.txt"
done

if [ "$runs" -gt 1 ]; then
  # One run pairs one noisy sample of each tool; the medians over the runs are the figures to quote.
  echo "--- median of $runs runs"
  for name in $(awk '{ print $2 }' "$work/all.txt" | awk '!seen[$0]++'); do
    for column in 3 4 5; do
      awk -v n="$name" -v c="$column" '$2 == n { print $c }' "$work/all.txt" | sort -g \
        | awk '{ v[NR] = $1 } END { printf "%s ", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
    done | awk -v n="$name" '{ print n, $1, $2, $3 }'
  done >"$work/median.txt"
  table "$work/median.txt"
  echo "goveval vs linkinator, run by run: $(awk '$2 == "linkinator" { lk[$1] = $3 } $2 == "goveval" { g[$1] = $3 } END { for (r = 1; r in g; r++) printf "%.2fx ", lk[r] / g[r] }' "$work/all.txt")"
fi
