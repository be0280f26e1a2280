#!/usr/bin/env bash
# Validates WARC files written by GovEval: with `warcio check` when python's warcio is installed (Debian
# python3-warcio or pip), otherwise gzip -t plus a stdlib check of every record (WARC/1.1 version line, mandatory
# fields, Content-Length, and the sha256 block and payload digests).
# Usage: scripts/validate-warc.sh FILE.warc.gz...    Exit 0 when every file is valid.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 FILE.warc.gz..." >&2; exit 2; }

if python3 -c 'import warcio' 2>/dev/null; then
  exec python3 -m warcio check -v "$@"
fi

status=0
for file in "$@"; do
  if ! gzip -t "$file"; then
    echo "$file: not a valid gzip stream" >&2
    status=1
    continue
  fi
  python3 - "$file" <<'PY' || status=1
import base64, gzip, hashlib, sys

path = sys.argv[1]
data = gzip.open(path, "rb").read()
pos, records, problems = 0, 0, []
while pos < len(data):
    end = data.find(b"\r\n\r\n", pos)
    if end < 0:
        problems.append(f"offset {pos}: truncated header")
        break
    lines = data[pos:end].decode("utf-8").split("\r\n")
    if lines[0] != "WARC/1.1":
        problems.append(f"offset {pos}: version line {lines[0]!r}")
        break
    fields = dict(l.split(": ", 1) for l in lines[1:])
    for name in ("WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length"):
        if name not in fields:
            problems.append(f"record {records}: missing {name}")
    length = int(fields.get("Content-Length", "0"))
    block = data[end + 4:end + 4 + length]
    if len(block) != length:
        problems.append(f"record {records}: block shorter than Content-Length")
        break
    def digest(b):
        return "sha256:" + base64.b32encode(hashlib.sha256(b).digest()).decode()
    if "WARC-Block-Digest" in fields and fields["WARC-Block-Digest"] != digest(block):
        problems.append(f"record {records} ({fields.get('WARC-Target-URI')}): block digest mismatch")
    if "WARC-Payload-Digest" in fields:
        split = block.find(b"\r\n\r\n")
        payload = block[split + 4:] if split >= 0 else block
        if fields["WARC-Payload-Digest"] != digest(payload):
            problems.append(f"record {records} ({fields.get('WARC-Target-URI')}): payload digest mismatch")
    if data[end + 4 + length:end + 8 + length] != b"\r\n\r\n":
        problems.append(f"record {records}: missing record terminator")
    pos = end + 8 + length
    records += 1
for p in problems:
    print(f"{path}: {p}", file=sys.stderr)
print(f"{path}: {records} records, {'valid' if not problems else f'{len(problems)} problem(s)'}")
sys.exit(1 if problems else 0)
PY
done
exit $status
