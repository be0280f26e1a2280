#!/usr/bin/env bash
# Whole-process benchmark of `goveval registry import`: generated files of N departments under the provinces (each
# with a website, every third one under the previous department by name) imported into a fresh store, and the same
# file with a bad last row (reported before any store is made). Prints wall time, CPU time and peak memory.
# Usage: bench/registry-import/bench.sh [ROWS...]   (default 10000 100000). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x /usr/bin/time ] || { echo "bench.sh: /usr/bin/time is required (apt-get install -y time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/GovEval.Cli -c Release -nologo -v quiet >/dev/null
goveval="dotnet src/GovEval.Cli/bin/Release/net10.0/goveval.dll"

for rows in "${@:-10000 100000}"; do
  for n in $rows; do
    awk -v n="$n" 'BEGIN {
      split("110000 320000 440000 510000 650000", p, " ");
      print "code,name,level,kind,parent,channel,url";
      for (i = 0; i < n; i++) {
        parent = (i % 3 == 1) ? "部门" (i - 1) : p[i % 5 + 1];
        printf "D%d,部门%d,province,department,%s,website,https://d%d.example.gov.cn/\n", i, i, parent, i;
      }
    }' >"$work/units-$n.csv"
    { cat "$work/units-$n.csv"; echo "D-last,最后,province,department,440000,website,ftp://bad.example.gov.cn/"; } >"$work/bad-$n.csv"
    for file in units bad; do
      rm -rf "$work/data"
      /usr/bin/time -f "$file-$n: wall %e s, user %U s, peak RSS %M KB, exit %x" \
        $goveval registry import "$work/$file-$n.csv" --db "$work/data/goveval.db" >/dev/null 2>"$work/err" || true
      tail -1 "$work/err"
    done
  done
done
