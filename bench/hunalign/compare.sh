#!/bin/sh
# Passage alignment speed, talign against hunalign, on the same document pairs in one run.
#
#   HUNALIGN=/path/to/built/hunalign bench/hunalign/compare.sh [CORPUS.jsonl PAIRS.csv]
#
# Defaults: the NTREX dev articles and their 63 gold document pairs. hunalign is not built
# here: build it from its public sources outside this repository and point HUNALIGN at the
# binary. Both tools get the same sentences (talign's segmentation, `talign corpus
# sentences`, titles and all), and hunalign an empty dictionary (`-text null.dic`, batch
# mode, one process for all pairs). talign's time is its alignment of the pairs alone
# (`export sentences --pairs --timing`), apart from loading, linking and learning, which
# hunalign does not do; its figures are printed beside hunalign's whole run.
set -eu
: "${HUNALIGN:?set HUNALIGN to a built hunalign binary}"
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:-$root/corpora/ntrex-dev/articles.jsonl}
pairs=${2:-}
talign=${TALIGN:-$root/target/release/talign}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$pairs" ]; then
    pairs=$work/pairs.csv
    { echo left,right; tail -n +2 "$root/corpora/ntrex-dev/gold_documents.csv"; } > "$pairs"
fi
"$talign" corpus sentences "$corpus" --format tsv > "$work/sentences.tsv"
: > "$work/null.dic"
python3 - "$work" "$pairs" <<'PY'
import csv, sys, os
work, pairs = sys.argv[1], sys.argv[2]
docs = {}
with open(os.path.join(work, "sentences.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        doc, _index, _start, _end, text = line.rstrip("\n").split("\t", 4)
        docs.setdefault(doc, []).append(text)
with open(pairs, encoding="utf-8") as f, open(os.path.join(work, "batch"), "w") as batch:
    n = sentences = 0
    for r in csv.DictReader(f):
        for side in ("left", "right"):
            with open(os.path.join(work, f"{n}.{side}"), "w", encoding="utf-8") as out:
                out.write("\n".join(docs[r[side]]) + "\n")
            sentences += len(docs[r[side]])
        batch.write(f"{work}/{n}.left\t{work}/{n}.right\t{work}/{n}.ladder\n")
        n += 1
print(f"{n} pairs, {sentences} sentences", file=sys.stderr)
PY
start=$(date +%s.%N)
# hunalign writes translate.txt into its working directory: run it in the scratch one.
(cd "$work" && "$HUNALIGN" -text -batch "$work/null.dic" "$work/batch" > /dev/null 2> "$work/hunalign.err")
end=$(date +%s.%N)
n=$(wc -l < "$work/batch")
sentences=$(tail -n +2 "$work/sentences.tsv" | wc -l)
python3 -c "
s = $end - $start
print(f'hunalign: {$n} pairs in {s:.3f} s wall (whole run): {1000 * s / $n:.3f} ms per pair')"
"$talign" export sentences "$corpus" --pairs "$pairs" --timing > /dev/null
