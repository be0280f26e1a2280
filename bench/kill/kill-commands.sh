#!/usr/bin/env bash
# Kill -9 resilience: each long command of goveval is killed KILLS times at a random moment (half of the kills in
# its first 1.5 s, when it opens and migrates the store; the others anywhere in its run), and after every kill the
# same store must still serve `runs list`, `score` and `publish`, with data that is all old or all new:
# - registry import: the store holds either none or all of the file's units;
# - collect: the killed run resumes (collect --run again) and scores;
# - score: every score sheet of the run comes from one scoring, and the results are those sheets';
# - recheck: the run shows the previous judgement or the new one whole, with one revision kept per completed recheck;
# - publish: the release folder is the old release or the new one, whole (every file its manifest lists), and
#   the next publish leaves nothing beside it.
# The simulated web (goveval sandbox serve) stands in for the internet; nothing leaves loopback.
# Usage: bench/kill/kill-commands.sh [KILLS] [SITES]   (defaults 10 and 16). Needs jq and sqlite3.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
kills=${1:-10}
sites=${2:-16}

for tool in jq sqlite3; do
  if ! command -v "$tool" >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y "$tool" >/dev/null; else echo "kill-commands.sh: '$tool' is required (apt-get install $tool)" >&2; exit 2; fi
  fi
done

dotnet build src/GovEval.Cli -c Release -nologo -v quiet >/dev/null
goveval=(dotnet "$root/src/GovEval.Cli/bin/Release/net10.0/goveval.dll")
work=$(mktemp -d -t goveval-kill.XXXXXX)
sandbox_pid=""
cleanup() { [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export GOVEVAL_DB="$work/store/goveval.db"
now=2020-12-01T10:00:00+08:00

"${goveval[@]}" sandbox serve --sites "$sites" --seed 7 --now "$now" --truth "$work/truth.json" --routes "$work/routes.txt" \
  --ipv6-routes "$work/routes6.txt" --ca "$work/ca.pem" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 600); do grep -q '^sandbox:' "$work/sandbox.log" && break; sleep 0.1; done
grep -q '^sandbox:' "$work/sandbox.log" || { echo "the simulated web did not start:"; cat "$work/sandbox.log"; exit 1; }
network=(--connect-to-file "$work/routes.txt" --ipv6-routes "$work/routes6.txt" --ca "$work/ca.pem" --no-politeness --max-pages 20 --concurrency 8)

{ echo "code,channel,url,portal"; jq -r '.sites[] | "\(.unit),website,http://\(.host)/,是"' "$work/truth.json"; } >"$work/websites.csv"
"${goveval[@]}" registry import "$work/websites.csv" >/dev/null
jq -r '.sites[].unit' "$work/truth.json" | sort >"$work/served.txt"
cohorts=()
: >"$work/sample.txt"
for cohort in province municipality sub-provincial-city provincial-capital prefecture-city county ministry-constituent ministry-other; do
  "${goveval[@]}" registry list --cohort "$cohort" --format json | jq -r '.[].code' | sort >"$work/members.txt"
  if [ -n "$(comm -12 "$work/served.txt" "$work/members.txt")" ]; then
    cohorts+=(--cohort "$cohort")
    comm -12 "$work/served.txt" "$work/members.txt" >>"$work/sample.txt"
  fi
done
sort -u -o "$work/sample.txt" "$work/sample.txt"
new_run() { "${goveval[@]}" runs create --name "$1" --framework gov-website-check-2019 "${cohorts[@]}" --units "$work/sample.txt" --now "$now" 2>/dev/null; }

ms() { date +%s%3N; }
# Runs a command to the end and prints how long it took, in milliseconds.
timed() { local t0; t0=$(ms); "$@" >/dev/null; echo $(($(ms) - t0)); }
# The i-th kill's moment: odd kills within the first 1.5 s, even ones anywhere in the command's usual duration.
offset() { local i=$1 span=$2; ((i % 2 == 1 && span > 1500)) && span=1500; echo $((RANDOM * 32768 + RANDOM)) | awk -v s="$span" '{ printf "%d", $1 % (s > 0 ? s : 1) }'; }
# Starts a command, kills it with SIGKILL after OFFSET ms; prints "killed" or "finished" (it ended first).
kill_after() {
  local at=$1; shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(awk -v m="$at" 'BEGIN { printf "%.3f", m / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; echo killed; else wait "$pid" 2>/dev/null || true; echo finished; fi
}
sql() { sqlite3 -batch -noheader "$GOVEVAL_DB" "$1"; }
failures=0
fail() { echo "FAIL: $*"; [ -s "$work/follow-up.log" ] && tail -3 "$work/follow-up.log"; failures=$((failures + 1)); }
# What every kill is followed by: the store opens, the run scores and publishes.
follow_up() {
  local run=$1
  timeout 120 "${goveval[@]}" runs list >/dev/null 2>>"$work/follow-up.log" || fail "runs list after a kill"
  timeout 300 "${goveval[@]}" score --run "$run" >/dev/null 2>>"$work/follow-up.log" || fail "score after a kill"
  timeout 300 "${goveval[@]}" publish --run "$run" --out "$work/release" >/dev/null 2>>"$work/follow-up.log" || fail "publish after a kill"
  [ -z "$(find "$work" -maxdepth 1 -name '.release.*' -print -quit)" ] || fail "publish left $(ls -a "$work" | grep '^\.release\.' | head -3)"
}
# Every score sheet of the run from one scoring, and a result for every unit scored.
scores_consistent() {
  local run=$1
  [ "$(sql "SELECT count(DISTINCT ScoredAt) FROM ScoreSheets WHERE RunId = '$run'")" -le 1 ] || return 1
  [ "$(sql "SELECT count(*) FROM ScoreSheets WHERE RunId = '$run'")" = "0" ] && return 0
  [ "$(sql "SELECT count(*) FROM ScoreSheets s WHERE RunId = '$run' AND NOT EXISTS (SELECT 1 FROM Results r WHERE r.RunId = s.RunId AND r.UnitCode = s.UnitCode)")" = "0" ]
}
# The release folder is absent or whole: every file its manifest lists is there.
release_whole() {
  [ -d "$work/release" ] || return 0
  [ -f "$work/release/.goveval-release" ] || return 1
  while IFS= read -r file; do [ -f "$work/release/$file" ] || return 1; done <"$work/release/.goveval-release"
}

printf '%-16s %6s %8s %8s %10s %10s\n' command kills ended-1st span-ms median-ms consistent
report() { printf '%-16s %6s %8s %8s %10s %10s\n' "$@"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR ? a[int((NR + 1) / 2)] : 0) }'; }

# A collected, scored and published run: what score and publish are killed on.
run=$(new_run baseline)
span_collect=$(timed "${goveval[@]}" collect --run "$run" "${network[@]}")
span_score=$(timed "${goveval[@]}" score --run "$run")
span_publish=$(timed "${goveval[@]}" publish --run "$run" --out "$work/release")

# registry import: a file of 5,000 new units each time, all stored or none.
units_now() { sql "SELECT count(*) FROM Units"; }
department_file() { { echo "code,name,level,kind,parent"; for n in $(seq 1 5000); do echo "K$1-$n,测试部门$1-$n,county,department,110000"; done; } >"$work/units-$1.csv"; }
department_file 0
span_import=$(timed "${goveval[@]}" registry import "$work/units-0.csv")
ended=0; offsets=(); ok=0
for i in $(seq 1 "$kills"); do
  department_file "$i"
  before=$(units_now)
  at=$(offset "$i" "$span_import"); offsets+=("$at")
  [ "$(kill_after "$at" "${goveval[@]}" registry import "$work/units-$i.csv")" = finished ] && ended=$((ended + 1))
  after=$(timeout 60 "${goveval[@]}" registry list --format json | jq length) || fail "registry list after a killed import"
  stored=$(units_now)
  if [ "$stored" = "$before" ] || [ "$stored" = $((before + 5000)) ]; then ok=$((ok + 1)); else fail "import killed at $at ms stored $((stored - before)) of 5000 units"; fi
  [ -n "$after" ] || fail "registry list printed nothing"
  follow_up "$run"
done
report "registry import" "$kills" "$ended" "$span_import" "$(printf '%s\n' "${offsets[@]}" | median)" "$ok/$kills"

# collect: a new run each time, killed, then collected again to the end.
ended=0; offsets=(); ok=0
for i in $(seq 1 "$kills"); do
  killed=$(new_run "collect-$i")
  at=$(offset "$i" "$span_collect"); offsets+=("$at")
  [ "$(kill_after "$at" "${goveval[@]}" collect --run "$killed" "${network[@]}")" = finished ] && ended=$((ended + 1))
  if timeout 600 "${goveval[@]}" collect --run "$killed" "${network[@]}" >/dev/null; then ok=$((ok + 1)); else fail "collect --run did not resume after a kill at $at ms"; fi
  follow_up "$killed"
done
report collect "$kills" "$ended" "$span_collect" "$(printf '%s\n' "${offsets[@]}" | median)" "$ok/$kills"

# score: killed on the baseline run; sheets and results are one scoring's.
ended=0; offsets=(); ok=0
for i in $(seq 1 "$kills"); do
  at=$(offset "$i" "$span_score"); offsets+=("$at")
  [ "$(kill_after "$at" "${goveval[@]}" score --run "$run")" = finished ] && ended=$((ended + 1))
  if scores_consistent "$run"; then ok=$((ok + 1)); else fail "score killed at $at ms left sheets and results of different scorings"; fi
  follow_up "$run"
done
report score "$kills" "$ended" "$span_score" "$(printf '%s\n' "${offsets[@]}" | median)" "$ok/$kills"

# recheck: killed while it judges the stored observations again or stores the result; the run shows one judgement
# whole: as many revisions kept as rechecks completed, and the findings of the collection (same framework).
findings_before=$(sql "SELECT count(*) FROM Findings WHERE RunId = '$run'")
span_recheck=$(timed "${goveval[@]}" recheck --run "$run" 2>/dev/null)
rechecks_consistent() {
  [ "$(sql "SELECT Revision FROM Runs WHERE Id = '$run'")" = "$(sql "SELECT count(*) FROM RunRevisions WHERE RunId = '$run'")" ] || return 1
  [ "$(sql "SELECT count(*) FROM Findings WHERE RunId = '$run'")" = "$findings_before" ]
}
ended=0; offsets=(); ok=0
for i in $(seq 1 "$kills"); do
  at=$(offset "$i" "$span_recheck"); offsets+=("$at")
  [ "$(kill_after "$at" "${goveval[@]}" recheck --run "$run")" = finished ] && ended=$((ended + 1))
  if rechecks_consistent; then ok=$((ok + 1)); else fail "recheck killed at $at ms left a run of two judgements"; fi
  follow_up "$run"
done
report recheck "$kills" "$ended" "$span_recheck" "$(printf '%s\n' "${offsets[@]}" | median)" "$ok/$kills"

# publish: killed while it writes the release; the folder is the old release or the new one.
ended=0; offsets=(); ok=0
for i in $(seq 1 "$kills"); do
  at=$(offset "$i" "$span_publish"); offsets+=("$at")
  [ "$(kill_after "$at" "${goveval[@]}" publish --run "$run" --out "$work/release")" = finished ] && ended=$((ended + 1))
  if release_whole; then ok=$((ok + 1)); else fail "publish killed at $at ms left a partial release"; fi
  follow_up "$run"
done
report publish "$kills" "$ended" "$span_publish" "$(printf '%s\n' "${offsets[@]}" | median)" "$ok/$kills"

echo "sites: $sites; follow-ups after every kill: runs list, score, publish; failures: $failures"
[ "$failures" = 0 ]
