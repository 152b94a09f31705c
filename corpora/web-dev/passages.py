#!/usr/bin/env python3
"""Sentence units and byte spans for the web-dev passage gold (standard library only).

The gold of `passages-gold.csv` was labelled by reading numbered sentences of the
cached page texts (see PASSAGES.md). This script is how those sentences and
their byte offsets were produced, and how the CSV files are rebuilt from the
hand-written label file `passages.labels`:

    python3 passages.py show ID [ID ...]   # numbered sentences with byte spans
    python3 passages.py build              # labels -> passage-pairs.csv, passages-gold.csv
    python3 passages.py check              # every gold span decodes to whole sentences

Sentences: a page text is cut at line breaks, after । ؟ ۔ wherever they occur,
and after . ! ? … when white space follows, except after a few
abbreviations (ড. মো. ডা. রহ. Dr. Mr. Mrs. St.) and single letters; each unit is
trimmed of surrounding white space and units with no letter are dropped. A span
is the UTF-8 byte range [start, end) of one unit, or of several adjacent units
(from the first unit's start to the last unit's end).

The cache folder is `$TALIGN_WEB_CACHE` or `~/.cache/talign/web-dev`.
"""

import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "passages.labels")
PAIRS = os.path.join(HERE, "passage-pairs.csv")
GOLD = os.path.join(HERE, "passages-gold.csv")

TERMINATORS = ".!?।؟۔…"
CLOSERS = "\"'’”»)]"
ABBREVIATIONS = {"ড", "মো", "ডা", "রহ", "Dr", "Mr", "Mrs", "St"}


def cache_dir():
    return os.environ.get("TALIGN_WEB_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "talign", "web-dev"
    )


def read_text(doc):
    path = os.path.join(cache_dir(), doc + ".txt")
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        sys.exit(f"{path}: cannot read the cached page ({e.strerror}); rebuild the cache (README.md)")


def has_letter(s):
    return any(unicodedata.category(c).startswith("L") for c in s)


def units(text):
    """Sentence units of a text as (start_char, end_char) pairs, in order."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line_start = m.start()
        line = m.group()
        cuts = [0]
        for i, c in enumerate(line):
            if c not in TERMINATORS:
                continue
            # closing quotes and brackets right after the stop stay with it
            j = i + 1
            while j < len(line) and line[j] in CLOSERS:
                j += 1
            # the Bengali danda and the Arabic-script stops end a sentence even
            # when the next word follows without a space; a Latin-script stop
            # needs white space after it (decimals, abbreviations, domains)
            if c not in "।؟۔" and j < len(line) and not line[j].isspace():
                continue
            # the word before the dot: an abbreviation or a single letter
            # (an initial) does not end a sentence
            word = re.search(r"(\S+)$", line[:i])
            if c == "." and word:
                w = word.group(1).lstrip("(\"'‘“«")
                letters = [x for x in w if unicodedata.category(x).startswith("L")]
                if w in ABBREVIATIONS or len(letters) == 1:
                    continue
            if j > cuts[-1]:
                cuts.append(j)
        cuts.append(len(line))
        for a, b in zip(cuts, cuts[1:]):
            seg = line[a:b]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            s, e = line_start + a + lead, line_start + b - trail
            if e > s and has_letter(text[s:e]):
                out.append((s, e))
    return out


def byte_span(text, start, end):
    return len(text[:start].encode("utf-8")), len(text[:end].encode("utf-8"))


def show(docs):
    for doc in docs:
        text = read_text(doc)
        print(f"== {doc}")
        for i, (s, e) in enumerate(units(text)):
            b0, b1 = byte_span(text, s, e)
            print(f"[{i}] {b0}-{b1} {text[s:e]}")


def parse_range(spec, n, where):
    """'3' or '3+4' (adjacent units) -> (first, last) unit indices."""
    parts = [int(p) for p in spec.split("+")]
    if parts != list(range(parts[0], parts[0] + len(parts))):
        sys.exit(f"{where}: {spec!r} is not a run of adjacent units")
    if parts[0] < 0 or parts[-1] >= n:
        sys.exit(f"{where}: unit {spec!r} out of range (the page has {n} units)")
    return parts[0], parts[-1]


def read_labels():
    """Label file: 'pair LEFT RIGHT' lines, then 'L | R | fact' lines for that pair."""
    pairs, gold = [], []
    current = None
    with open(LABELS, encoding="utf-8") as f:
        for line_no, line in enumerate(f, start=1):
            where = f"{LABELS}:{line_no}"
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("pair "):
                fields = line.split()
                if len(fields) != 3:
                    sys.exit(f"{where}: expected 'pair LEFT RIGHT'")
                left, right = fields[1], fields[2]
                lt, rt = read_text(left), read_text(right)
                current = (left, right, lt, rt, units(lt), units(rt))
                pairs.append((left, right))
                continue
            if current is None:
                sys.exit(f"{where}: a sentence pair before any 'pair' line")
            fields = [x.strip() for x in line.split("|", 2)]
            if len(fields) != 3 or not fields[2]:
                sys.exit(f"{where}: expected 'LEFT_UNITS | RIGHT_UNITS | fact'")
            left, right, lt, rt, lu, ru = current
            l0, l1 = parse_range(fields[0], len(lu), where)
            r0, r1 = parse_range(fields[1], len(ru), where)
            lb = byte_span(lt, lu[l0][0], lu[l1][1])
            rb = byte_span(rt, ru[r0][0], ru[r1][1])
            gold.append((left, lb[0], lb[1], right, rb[0], rb[1], fields[2]))
    return pairs, gold


def build():
    pairs, gold = read_labels()
    if len(set(pairs)) != len(pairs):
        sys.exit(f"{LABELS}: a document pair is labelled twice")
    with open(PAIRS, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["left_doc", "right_doc"])
        w.writerows(pairs)
    with open(GOLD, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["left_doc", "left_start", "left_end", "right_doc", "right_start", "right_end", "fact"])
        w.writerows(gold)
    print(f"{len(pairs)} document pairs, {len(gold)} sentence pairs")


def check():
    """Every span decodes and covers whole units; every gold row's documents are a labelled pair."""
    with open(PAIRS, encoding="utf-8", newline="") as f:
        pairs = {(r["left_doc"], r["right_doc"]) for r in csv.DictReader(f)}
    problems = 0
    with open(GOLD, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for line_no, r in enumerate(rows, start=2):
        where = f"{GOLD}:{line_no}"
        if (r["left_doc"], r["right_doc"]) not in pairs:
            print(f"{where}: documents not listed in {PAIRS}")
            problems += 1
        for side in ("left", "right"):
            text = read_text(r[side + "_doc"])
            raw = text.encode("utf-8")
            s, e = int(r[side + "_start"]), int(r[side + "_end"])
            try:
                span = raw[s:e].decode("utf-8")
            except UnicodeDecodeError:
                print(f"{where}: {side} span {s}-{e} cuts a character")
                problems += 1
                continue
            starts = {byte_span(text, a, b)[0] for a, b in units(text)}
            ends = {byte_span(text, a, b)[1] for a, b in units(text)}
            if s not in starts or e not in ends or not span.strip():
                print(f"{where}: {side} span {s}-{e} is not a run of whole sentences")
                problems += 1
    print(f"{len(rows)} sentence pairs over {len(pairs)} document pairs: "
          + ("OK" if not problems else f"{problems} problem(s)"))
    return 1 if problems else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "show":
        show(argv[2:])
    elif argv[1:] == ["build"]:
        build()
    elif argv[1:] == ["check"]:
        return check()
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
