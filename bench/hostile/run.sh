#!/usr/bin/env bash
# Times `goveval check` on hostile homepages (issue 19): 5k/10k/20k/100k links and 1,000,000 <p>, served on loopback.
# The pages are generated into a temporary folder and deleted afterwards (never committed).
# Prints one line per page: CPU seconds (user+sys) and peak RSS from /usr/bin/time -v.
# Usage: bench/hostile/run.sh [path/to/goveval]   (default: the Release build of src/GovEval.Cli)
set -euo pipefail
cd "$(dirname "$0")/../.."
goveval=${1:-src/GovEval.Cli/bin/Release/net10.0/goveval}
[ -x "$goveval" ] || { echo "bench/hostile: build first: dotnet build src/GovEval.Cli -c Release" >&2; exit 2; }
work=$(mktemp -d -t goveval-hostile-XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import os, sys
root = sys.argv[1]
def page(name, body):
    os.makedirs(os.path.join(root, name), exist_ok=True)
    with open(os.path.join(root, name, 'index.html'), 'w', encoding='utf-8') as f:
        f.write('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>首页</title></head><body><h1>某某市人民政府</h1>\n')
        f.write(body)
        f.write('</body></html>\n')
for n in (5000, 10000, 20000, 100000):
    page(f'links{n}', ''.join(f'<a href="/a/{i}.html">政务公开第{i}条</a>\n' for i in range(n)))
page('p1m', '<p>' * 1000000)
PY

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -c '
import sys, http.server, functools
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
    def translate_path(self, path):
        # www.<name>.gov.cn serves folder <name>
        return super().translate_path("/" + self.headers["Host"].split(".")[1] + path)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), functools.partial(H, directory=sys.argv[1])).serve_forever()
' "$work" "$port" &
server=$!
sleep 1

run() {
  local name=$1; shift
  local host="www.$name.gov.cn"
  /usr/bin/time -v "$goveval" check "http://$host/" --connect-to "$host:80:127.0.0.1:$port" --out "$work/out-$name" --max-pages 5 \
    --now 2024-06-01T10:00:00 --db "$work/db.sqlite" "$@" > "$work/$name.log" 2> "$work/$name.time" || true
  awk -v name="$name $*" '/User time/ {u=$4} /System time/ {s=$4} /Maximum resident/ {r=$6} /Elapsed/ {w=$8}
    END {printf "%-40s cpu %7.1f s  rss %5.0f MB  wall %s\n", name, u+s, r/1024, w}' "$work/$name.time"
}

run links5000
run links10000
run links20000
run links100000
run links100000 --max-links-per-page 200000
run p1m
