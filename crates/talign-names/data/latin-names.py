#!/usr/bin/env python3
"""Writes latin-names.tsv: the Latin name words an Arabic-script or Bengali reading may take.

Source: the name frequency files of the 1990 United States census (US Census Bureau,
public domain), as shipped in the PyPI package `names` 0.3.0 (MIT):

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python3 latin-names.py names-0.3.0/names > latin-names.tsv

Every male and female first name and the SURNAMES most frequent surnames, lower-cased,
letters only; a word's weight is its frequency in percent times 100, rounded, at least 1
(the highest of its files). Rows in the files' order: male, female, surnames.
"""
import sys

SURNAMES = 20000

def main(folder):
    weight, order = {}, []
    for name, top in (("dist.male.first", None), ("dist.female.first", None), ("dist.all.last", SURNAMES)):
        with open(f"{folder}/{name}", encoding="ascii") as f:
            for i, line in enumerate(f):
                if top is not None and i >= top:
                    break
                fields = line.split()
                word = fields[0].lower()
                if not word.isalpha():
                    continue
                w = max(1, round(float(fields[1]) * 100))
                if word not in weight:
                    order.append(word)
                weight[word] = max(weight.get(word, 0), w)
    out = sys.stdout
    out.write("# Latin name words (crates/talign-names/data/latin-names.py): 1990 US census first names\n")
    out.write(f"# and the {SURNAMES} most frequent surnames (US Census Bureau, public domain; via PyPI names 0.3.0).\n")
    out.write("# word<TAB>weight (frequency in percent x 100, at least 1)\n")
    for word in order:
        out.write(f"{word}\t{weight[word]}\n")

if __name__ == "__main__":
    main(sys.argv[1])
