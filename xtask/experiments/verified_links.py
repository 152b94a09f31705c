#!/usr/bin/env python3
"""What passage-verified linking would give, measured with the CLI alone (an experiment,
not a feature; standard library only).

talign links documents by the names, numbers, dates and event words they share. A report
that translates a third of another shares fewer names with it than a neighbouring story on
the same subject does, so its true partner can rank second. This script asks what linking
would give if a candidate pair were *verified* by its passages:

1. the candidates: for each document, its K best-scored partners in another language
   (`talign events pairs`);
2. `talign export sentences --pairs` aligns exactly those pairs (`--explain` gives each
   passage's regime);
3. a pair is verified when it gets at least MIN passages aligned as a translation;
4. verified pairs that are each other's best verified candidate (most translation
   passages, then score) are linked, and replace their documents' other cross-language
   links that are not verified; every other link of `talign events align` stays.

Run `cargo xtask eval events` (and `cargo xtask eval web`) first: they write the sets under
target/xtask-eval. Usage, from the repository root:

    python3 xtask/experiments/verified_links.py v-staggered-fa [K] [MIN]
    python3 xtask/experiments/verified_links.py web [K] [MIN]

For a variant it prints document precision, recall and F1 of today's links and of the
verified ones; for `web` it counts the verified pairs by whether their pages report one
event and whether talign links them today.
"""

import collections
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "target", "release", "talign")
SETS = os.path.join(ROOT, "target", "xtask-eval")


def talign(*args):
    out = subprocess.run([BIN, *args, "-q"], capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(out.splitlines()))


def key(a, b):
    return (a, b) if a < b else (b, a)


def main():
    name = sys.argv[1]
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    least = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    corpus = os.path.join(SETS, name + ".jsonl")
    lang = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            lang[d["id"]] = d["lang"]
    scored = talign("events", "pairs", corpus)
    links = {key(r["left"], r["right"]) for r in talign("events", "align", corpus)}

    candidates = collections.defaultdict(list)
    for r in scored:
        a, b = r["left"], r["right"]
        if lang[a] != lang[b]:
            candidates[a].append((float(r["score"]), b))
            candidates[b].append((float(r["score"]), a))
    top = {d: sorted(c, reverse=True)[:k] for d, c in candidates.items()}
    pairs = sorted({key(d, o) for d, c in top.items() for _, o in c})
    pairs_csv = os.path.join(SETS, name + ".verify-pairs.csv")
    with open(pairs_csv, "w", encoding="utf-8") as f:
        f.write("left,right\n")
        f.writelines(f"{a},{b}\n" for a, b in pairs)
    passages = talign("export", "sentences", corpus, "--pairs", pairs_csv, "--explain")
    translated = collections.Counter(
        key(r["left_doc"], r["right_doc"]) for r in passages if r["evidence"].startswith("translation")
    )

    best = {}
    for d, c in top.items():
        verified = [(translated[key(d, o)], s, o) for s, o in c if translated[key(d, o)] >= least]
        if verified:
            best[d] = max(verified)[2]
    verified_links = {key(d, o) for d, o in best.items() if best.get(o) == d}
    new = set(links)
    for p in verified_links:
        for q in list(new):
            if q != p and set(q) & set(p) and lang[q[0]] != lang[q[1]] and translated[q] < least:
                new.discard(q)
        new.add(p)

    gold_docs = os.path.join(SETS, name + ".gold_documents.csv")
    if os.path.exists(gold_docs):
        with open(gold_docs, encoding="utf-8") as f:
            gold = {key(r["left"], r["right"]) for r in csv.DictReader(f)}

        def prf(pred):
            tp = len(pred & gold)
            p, r = tp / max(1, len(pred)), tp / max(1, len(gold))
            return f"{p:.3f} / {r:.3f} / {2 * p * r / max(1e-9, p + r):.3f}"

        print(f"{name}: document P / R / F1 {prf(links)} now, {prf(new)} verified ({len(new - links)} added)")
    else:
        with open(os.path.join(SETS, name + ".gold.csv"), encoding="utf-8") as f:
            event = {r["id"]: r["event"] for r in csv.DictReader(f)}
        counts = collections.Counter(
            (event[a] == event[b], (a, b) in links) for (a, b), n in translated.items() if n >= least
        )
        print(f"{name}: pairs among each page's {k} best candidates in another language with {least}+ translation passages:")
        for (same, linked), n in sorted(counts.items()):
            print(f"  {'one event' if same else 'two events'}, {'linked' if linked else 'not linked'} today: {n}")
        right = sum(event[a] == event[b] for a, b in links)
        print(f"  today's links: {right} of {len(links)} within one event")


if __name__ == "__main__":
    main()
