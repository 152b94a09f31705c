#!/usr/bin/env python3
"""Save page excerpts into the web-dev cache, keeping only exact ones (standard library only).

Usage: python3 corpora/web-dev/save_excerpts.py PART.json [PART.json ...] [--cache DIR]

Each PART.json is a JSON list of {"id": ID, "excerpt": TEXT}: the excerpt copied as the
JSON string literal the search tool printed (escapes and all), so that JSON decoding
gives back its exact characters. An excerpt whose SHA-256 equals the one `cache.sha256`
records for `<id>.txt` is written to the cache (`$TALIGN_WEB_CACHE` or
`~/.cache/talign/web-dev`); any other is reported BAD and not written, so a copying slip
never enters the cache. Prints OK or BAD per id; exit status 1 if any was BAD.

To make the part files, group the manifest's rows by `query`, run each query on the search
tool's `pages` corpus and take the result whose `url` equals the row's (see README.md,
"Rebuilding the cache"). The work splits well over several helpers, a quarter of the
queries each.
"""

import argparse
import hashlib
import json
import os
import sys

from check_cache import HERE, default_cache, read_sums


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", nargs="+")
    ap.add_argument("--cache", default=default_cache())
    args = ap.parse_args()
    want = {name: digest for _, digest, name in read_sums(os.path.join(HERE, "cache.sha256"))}
    os.makedirs(args.cache, exist_ok=True)
    bad = 0
    for part in args.parts:
        with open(part, encoding="utf-8") as f:
            try:
                items = json.load(f)
            except json.JSONDecodeError as e:
                sys.exit(f"{part}:{e.lineno}:{e.colno}: not JSON: {e.msg}")
        for item in items:
            name = item["id"] + ".txt"
            data = item["excerpt"].encode("utf-8")
            if name in want and hashlib.sha256(data).hexdigest() == want[name]:
                with open(os.path.join(args.cache, name), "wb") as out:
                    out.write(data)
                print("OK   " + name)
            else:
                bad += 1
                print("BAD  " + name + ("" if name in want else " (not in cache.sha256)"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
