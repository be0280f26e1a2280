#!/usr/bin/env bash
# The product path against linkinator: a generated 21,001-page static government portal (six columns whose lists
# run to 167 pages chained by 下一页, 19,994 articles, one page in a hundred with a broken link; GovEval.PortalBench)
# served by nginx on loopback (the "external" site it links on a second loopback address), crawled in one run by
#   linkinator 6 (pinned below, installed into bench/linkinator/.tools, not committed; --recurse --concurrency 100),
#   goveval check (the CLI users run, JIT-compiled as shipped; WARC on as always; --no-politeness --max-pages 100000),
#   goveval-links (for reference; the same crawler, --no-politeness --parallelism 64 --max-depth 1000 --warc).
# Each run measures the three in turn (the order rotates from run to run) and prints, per tool, the site's pages
# it crawled, the broken targets it found (and against the generator's truth and linkinator's set: what it missed,
# what only it found), wall time, pages/s, the ratio of its pages/s to linkinator's, CPU time and peak RSS
# (/usr/bin/time -v, the whole process, start-up included); with several runs, each tool's median at the end.
# The load average is printed before every tool: this machine is shared.
# Usage: bench/linkinator/run.sh [RUNS]   (default 3)
#   PORT=18141             the loopback port (both addresses)
#   CHECK_ARGS="…"         extra options for goveval check (e.g. to compare settings)
#   LINKS_NATIVE=1         goveval-links as the native executable (scripts/publish-links.sh) instead of under the JIT
#   ONLY="check links"     run only these tools (linkinator, check, links); the ratio then needs linkinator
#   KEEP=1                 keep the work folder (site, reports, WARC) and print where it is
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

runs=${1:-3}
port=${PORT:-18141}
only=${ONLY:-linkinator check links}
linkinator_version=6.3.0
origin="http://127.0.0.1:$port"
external="http://127.0.0.2:$port"
tools=bench/linkinator/.tools

# nginx, as the issue measured; when it cannot be had, Python's static server, and the output says so.
server=nginx
if ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y nginx-light >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y nginx-light >/dev/null 2>&1; } || true
  fi
  if ! command -v nginx >/dev/null; then
    command -v python3 >/dev/null || { echo "run.sh: neither nginx (apt-get install nginx-light, as root) nor python3 is available" >&2; exit 2; }
    server="python3 -m http.server (nginx could not be installed: not root or no package)"
  fi
fi
for tool in node npm dotnet; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is required" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }
if [ "$(node -e "try{console.log(require('./$tools/node_modules/linkinator/package.json').version)}catch{}")" != "$linkinator_version" ]; then
  npm install --prefix "$tools" "linkinator@$linkinator_version" --no-audit --no-fund >/dev/null
fi
linkinator="$tools/node_modules/.bin/linkinator"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/linkinator/GovEval.PortalBench -c Release -nologo -v quiet >/dev/null
dotnet build src/GovEval.Cli -c Release -nologo -v quiet >/dev/null
dotnet build src/GovEval.LinkCheck -c Release -nologo -v quiet >/dev/null
portal="dotnet $root/bench/linkinator/GovEval.PortalBench/bin/Release/net10.0/GovEval.PortalBench.dll"
goveval="$root/src/GovEval.Cli/bin/Release/net10.0/goveval"
links="$root/src/GovEval.LinkCheck/bin/Release/net10.0/goveval-links"
links_kind="JIT"

work=$(mktemp -d -t goveval-linkinator.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "${KEEP:-}" ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [ -n "${LINKS_NATIVE:-}" ]; then
  links=$(scripts/publish-links.sh "$work/native")
  links_kind="native"
fi

$portal generate "$work/portal" "$origin" "$external"
chmod -R a+rX "$work/portal"

if [ "$server" = nginx ]; then
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
  types { text/html html htm; text/css css; application/javascript js; image/png png; image/jpeg jpg;
          application/pdf pdf; application/msword doc; application/vnd.ms-excel xls; text/plain txt; }
  default_type application/octet-stream;
  server { listen 127.0.0.1:$port; root $work/portal/site; charset utf-8; }
  server { listen 127.0.0.2:$port; root $work/portal/external; charset utf-8; }
}
CONF
  nginx -c "$work/nginx.conf" -p "$work/nginx" &
  pids+=($!)
  server="nginx $(nginx -v 2>&1 | cut -d/ -f2) (1 worker)"
else
  python3 -m http.server --bind 127.0.0.1 --directory "$work/portal/site" "$port" >/dev/null 2>&1 &
  pids+=($!)
  python3 -m http.server --bind 127.0.0.2 --directory "$work/portal/external" "$port" >/dev/null 2>&1 &
  pids+=($!)
fi
for _ in $(seq 100); do curl -sf -o /dev/null "$origin/" && curl -sf -o /dev/null "$external/" && break; sleep 0.1; done

echo "server: $server on $origin and $external"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(uname -sr); node $(node --version), linkinator $linkinator_version, $(dotnet --version | sed 's/^/.NET SDK /'), goveval-links $links_kind"

# One line per tool and run: run tool seconds cpu-seconds peak-KiB pages broken load
measure() {
  local run=$1 name=$2; shift 2
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  sync
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  awk -F': ' -v run="$run" -v name="$name" -v load="$load" '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%s %s %.2f %.2f %d %s\n", run, name, wall, cpu, rss, load }' "$work/$name.time" >>"$work/times.txt"
}

: >"$work/times.txt"
: >"$work/found.txt"
tools_in_order=(linkinator check links)
for run in $(seq "$runs"); do
  order=("${tools_in_order[@]:$(((run - 1) % 3))}" "${tools_in_order[@]:0:$(((run - 1) % 3))}")
  for tool in "${order[@]}"; do
    [[ " $only " == *" $tool "* ]] || continue
    case $tool in
      linkinator)
        measure "$run" linkinator "$linkinator" "$origin/" --recurse --concurrency 100 --timeout 10000 --format csv ;;
      check)
        rm -rf "$work/check"
        # shellcheck disable=SC2086
        measure "$run" check "$goveval" check "$origin/" --no-politeness --max-pages 100000 --now 2020-12-01T10:00:00 --out "$work/check" ${CHECK_ARGS:-} ;;
      links)
        rm -rf "$work/links-warc"
        measure "$run" links "$links" "$origin/" --no-politeness --parallelism 64 --max-pages 100000 --max-depth 1000 --warc "$work/links-warc" ;;
    esac
  done

  compare=()
  [ -f "$work/linkinator.out" ] && compare+=("linkinator=$work/linkinator.out")
  [ -f "$work/check/report.json" ] && compare+=("check=$work/check/report.json")
  [ -f "$work/links.out" ] && compare+=("links=$work/links.out")
  $portal compare "$work/portal/broken.txt" "$origin" "${compare[@]}" | sed "s/^/$run /" >>"$work/found.txt"
  # goveval-links counts its pages on standard error; `check` says how long collection took before the checks ran.
  [ -f "$work/links.err" ] && sed -i "s/^$run links: pages=-/$run links: pages=$(grep -o '^goveval-links: [0-9]* pages' "$work/links.err" | grep -o '[0-9]*')/" "$work/found.txt"
  echo "--- run $run"
  grep "^$run " "$work/found.txt" | cut -d' ' -f2-
  [ -f "$work/check.out" ] && grep -o 'collected [0-9]* pages and [0-9]* links in [0-9.]* s' "$work/check.out" | sed 's/^/check: /' || true
  [ -f "$work/links.err" ] && tail -1 "$work/links.err" | sed 's/^/links: /' || true
  [ -f "$work/check.err" ] && [ -s "$work/check.err" ] && { echo "check stderr:"; tail -5 "$work/check.err"; }
done

# The table: pages/s over the whole process's wall time; the ratio is the tool's pages/s over linkinator's in the
# same run. rows.txt keeps the same figures for the medians.
awk -v found="$work/found.txt" -v rows="$work/rows.txt" '
  BEGIN { while ((getline line < found) > 0) { split(line, f, " "); tool = f[2]; sub(":", "", tool);
            for (i = 3; i in f; i++) { split(f[i], kv, "="); v[f[1], tool, kv[1]] = kv[2] } } }
  { run = $1; tool = $2; wall[run, tool] = $3; cpu[run, tool] = $4; rss[run, tool] = $5; load[run, tool] = $6; order[++n] = run SUBSEP tool }
  END {
    printf "%-4s %-11s %6s %7s %7s %9s %8s %9s %7s %7s %8s\n", "run", "tool", "load", "pages", "broken", "vs-lk", "seconds", "pages/s", "ratio", "cpu-s", "RSS-MiB"
    for (k = 1; k <= n; k++) {
      split(order[k], rt, SUBSEP); run = rt[1]; tool = rt[2]
      pages = v[run, tool, "pages"] + 0
      rate = pages / wall[run, tool]
      lkrate = ((run, "linkinator") in wall) ? v[run, "linkinator", "pages"] / wall[run, "linkinator"] : 0
      ratio = lkrate > 0 ? rate / lkrate : 0
      diff = tool == "linkinator" ? "-" : "-" v[run, tool, "linkinator-only"] "/+" v[run, tool, "only-here"]
      printf "%-4s %-11s %6s %7d %7d %9s %8.2f %9.0f %6.2fx %7.2f %8.1f\n", run, tool, load[run, tool], pages, v[run, tool, "broken"], diff, wall[run, tool], rate, ratio, cpu[run, tool], rss[run, tool] / 1024
      printf "%s %s %.2f %.0f %.4f %.2f %.1f\n", run, tool, wall[run, tool], rate, ratio, cpu[run, tool], rss[run, tool] / 1024 > rows
    }
  }' "$work/times.txt" >"$work/table.txt"
echo "--- all runs (vs-lk: broken targets linkinator found that the tool did not / that only the tool found)"
cat "$work/table.txt"
if [ "$runs" -gt 1 ]; then
  echo "--- medians of $runs runs (each column's own median)"
  for tool in linkinator check links; do
    for column in 3 4 5 6 7; do
      awk -v t="$tool" -v c="$column" '$2 == t { print $c }' "$work/rows.txt" | sort -g \
        | awk '{ a[NR] = $1 } END { if (NR) printf "%s ", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
    done | awk -v t="$tool" 'NF { printf "%-11s %.2f s, %.0f pages/s, %.2fx linkinator, cpu %.2f s, peak RSS %.1f MiB\n", t, $1, $2, $3, $4, $5 }'
  done
fi
