#!/usr/bin/env python3
"""Check the web-dev page cache against the manifest (standard library only).

The page texts are not in the repository: they live in a cache folder,
`$TALIGN_WEB_CACHE` or `~/.cache/talign/web-dev`, one `<id>.txt` per manifest
row (see README.md for how to rebuild it). This script reports manifest rows
whose file is missing or empty, files in the cache that no manifest row names,
labelling problems (unknown event, reprint pointing nowhere, unknown kind),
files whose bytes differ from `cache.sha256` (the texts the labels and the
passage offsets were made on), and prints counts per language, per kind and
per event.

Usage: python3 corpora/web-dev/check_cache.py [--cache DIR]
Exit status: 0 when every manifest row has a non-empty file and the labels are
consistent, 1 otherwise.
"""

import argparse
import collections
import csv
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ("report", "reprint", "preview", "followup", "negative")
COLUMNS = ["id", "url", "lang", "source", "published", "event", "kind", "of", "query"]


def default_cache():
    env = os.environ.get("TALIGN_WEB_CACHE")
    if env:
        return env
    return os.path.join(os.path.expanduser("~"), ".cache", "talign", "web-dev")


def read_sums(path):
    """The rows of a `sha256sum` file: (line number, hex digest, file name)."""
    with open(path, encoding="utf-8") as f:
        for line, text in enumerate(f, start=1):
            want, _, name = text.rstrip("\n").partition("  ")
            yield line, want, name


def read_csv(path, columns):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != columns:
            sys.exit(f"{path}: header is {reader.fieldnames}, expected {columns}")
        return list(reader)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=default_cache(), help="cache folder (default: %(default)s)")
    ap.add_argument("--manifest", default=os.path.join(HERE, "manifest.csv"))
    ap.add_argument("--events", default=os.path.join(HERE, "events.csv"))
    ap.add_argument("--sums", default=os.path.join(HERE, "cache.sha256"))
    args = ap.parse_args()

    rows = read_csv(args.manifest, COLUMNS)
    events = read_csv(args.events, ["event", "date", "place", "people", "description"])
    event_ids = {e["event"] for e in events}
    problems = []

    ids = collections.Counter(r["id"] for r in rows)
    for i, n in ids.items():
        if n > 1:
            problems.append(f"id {i} appears {n} times in the manifest")
    urls = collections.Counter(r["url"] for r in rows)
    for u, n in urls.items():
        if n > 1:
            problems.append(f"url {u} appears {n} times in the manifest")
    by_id = {r["id"]: r for r in rows}
    for line, r in enumerate(rows, start=2):
        where = f"{args.manifest}:{line} ({r['id']})"
        if r["kind"] not in KINDS:
            problems.append(f"{where}: unknown kind {r['kind']!r}")
        if r["event"] not in event_ids:
            problems.append(f"{where}: event {r['event']!r} is not in events.csv")
        if r["of"]:
            if r["kind"] != "reprint":
                problems.append(f"{where}: 'of' is set but kind is {r['kind']}")
            elif r["of"] not in by_id:
                problems.append(f"{where}: reprint of unknown id {r['of']!r}")
            elif by_id[r["of"]]["event"] != r["event"]:
                problems.append(f"{where}: reprint of a page of another event")
        if not r["query"]:
            problems.append(f"{where}: no query recorded, the page cannot be rebuilt")

    missing, empty = [], []
    if not os.path.isdir(args.cache):
        print(f"cache folder {args.cache} does not exist: rebuild it as README.md says")
        missing = [r["id"] for r in rows]
    else:
        for r in rows:
            p = os.path.join(args.cache, r["id"] + ".txt")
            if not os.path.isfile(p):
                missing.append(r["id"])
            elif not open(p, encoding="utf-8").read().strip():
                empty.append(r["id"])
        extra = sorted(
            f[:-4] for f in os.listdir(args.cache) if f.endswith(".txt") and f[:-4] not in ids
        )
        for e in extra:
            print(f"note: {e}.txt is in the cache but not in the manifest")
    if os.path.isfile(args.sums) and os.path.isdir(args.cache):
        for line, want, name in read_sums(args.sums):
            p = os.path.join(args.cache, name)
            if os.path.isfile(p):
                got = hashlib.sha256(open(p, "rb").read()).hexdigest()
                if got != want:
                    problems.append(
                        f"{args.sums}:{line}: {name} differs from the text the labels were made on"
                    )
    for m in missing:
        problems.append(f"missing cache file {m}.txt")
    for e in empty:
        problems.append(f"empty cache file {e}.txt")

    def show(title, counter):
        print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))

    print(f"{len(rows)} pages, {len({r['event'] for r in rows})} events, "
          f"{len({r['source'] for r in rows})} sources, cache {args.cache}")
    show("languages", collections.Counter(r["lang"] for r in rows))
    show("kinds", collections.Counter(r["kind"] for r in rows))
    per_event = collections.defaultdict(collections.Counter)
    for r in rows:
        per_event[r["event"]][r["lang"]] += 1
    both = [e for e, c in per_event.items() if c["bn"] and c["fa"]]
    print(f"events with both bn and fa pages: {len(both)}")
    for e in sorted(per_event):
        srcs = len({r["source"] for r in rows if r["event"] == e})
        langs = " ".join(f"{k}:{v}" for k, v in sorted(per_event[e].items()))
        print(f"  {e}: {sum(per_event[e].values())} pages, {srcs} sources ({langs})")

    for p in problems:
        print("problem:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
