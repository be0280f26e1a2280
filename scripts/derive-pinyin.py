#!/usr/bin/env python3
"""Derive data/dictionaries/pinyin.tsv (character -> toneless readings) for content.typo's same-pinyin matching.

Source: Debian package golang-github-mozillazg-go-pinyin-dev (go-pinyin, MIT, (c) 2016 mozillazg), file
pinyin_dict.go, itself generated from mozillazg/pinyin-data (MIT), which derives from Unicode Unihan kMandarin /
kHanyuPinyin. Install with `apt-get install golang-github-mozillazg-go-pinyin-dev`, then run this script from
the repository root. Only the CJK Unified Ideographs block (U+4E00..U+9FFF) is kept: that is where government
prose lives, and it keeps the embedded table small. Tones are dropped: 付/副 (fù) and 书记/书纪 (jì) must meet.
"""
import re
import sys
import unicodedata

SOURCE = "/usr/share/gocode/src/github.com/mozillazg/go-pinyin/pinyin_dict.go"
TARGET = "data/dictionaries/pinyin.tsv"


def toneless(reading: str) -> str:
    # NFD splits ü into u + diaeresis: mark it as v first so lü and lu stay apart, then drop the tone marks.
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    plain = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return plain.lower()


def main() -> int:
    source = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    entry = re.compile(r'^\s*0x([0-9A-Fa-f]+):\s*"([^"]*)",')
    rows = []
    with open(source, encoding="utf-8") as f:
        for line in f:
            m = entry.match(line)
            if not m:
                continue
            code = int(m.group(1), 16)
            if not 0x4E00 <= code <= 0x9FFF:
                continue
            readings = []
            for r in m.group(2).split(","):
                t = toneless(r.strip())
                if t and t not in readings:
                    readings.append(t)
            if readings:
                rows.append((chr(code), ",".join(readings)))
    with open(TARGET, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Toneless Mandarin readings of CJK Unified Ideographs, derived by scripts/derive-pinyin.py from\n")
        out.write("# go-pinyin's pinyin_dict.go (MIT, see LICENSE-pinyin-MIT.txt; data from pinyin-data / Unicode Unihan).\n")
        out.write("char\treadings\n")
        for ch, readings in rows:
            out.write(f"{ch}\t{readings}\n")
    print(f"{len(rows)} characters -> {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
