"""Windowed event clustering on Dask: one task per publication-date window, the merge of
overlapping clusters as the reduce step.

    python examples/distributed_windows.py CORPUS --window-days 7 --overlap-days 3 \\
        [--stats stats.json] [--workers 2] [--scheduler tcp://host:8786] [-o events.csv]

The driver loads the corpus (``talign.read_corpus``) and plans the windows
(``talign.plan_windows``: windows of D days stepping by D - O days, so where they fall
depends on the dates alone). Each window becomes one Dask task that clusters the window's
documents with ``talign.cluster_window``, a pure function of its input, so a window lost
with its worker is simply run again. One reduce task merges the windows
(``talign.merge_windows``: each document takes its event from its home window, and clusters
of consecutive windows join when they share the majority of their overlap documents). The result is the table of
``talign events cluster --window-days D --overlap-days O`` (event,doc,lang,published,title),
with the same events; ``tests/python/test_distributed.py`` checks it.

With ``--stats FILE`` (written by ``talign corpus stats`` or ``talign.corpus_stats`` for the
whole corpus), every task weighs its window with the whole corpus's statistics, as
``--stats`` does on one machine (the file must be readable by every worker).

Without ``--scheduler`` it starts a ``distributed.LocalCluster`` of ``--workers`` worker
processes of one thread each (each runs the Rust pipeline on its own rayon threads). On
stderr it prints how long the cluster took to start and the run took.

Here the driver ships each window's documents with its task, which suits a corpus that fits
on the driver; at the scale of years of coverage each task would read its window's days from
partitioned storage (files per day), and the driver would only plan.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from typing import Dict, List, Optional, Sequence, Tuple

import pandas as pd

import talign


def cluster_task(
    records: List[dict], window: "talign.Window", stats: Optional[str] = None
) -> Tuple["talign.WindowEvents", Dict[int, Optional[str]]]:
    """One window, on a worker: its events as document positions (with its home
    documents, for the merge), and each document's publication date as the pipeline read it."""
    w = talign.cluster_window(records, stats=stats)
    published = {window.docs[i]: p for i, p in enumerate(w.published)}
    return window.events(w.clusters), published


def merge_task(*results: Tuple["talign.WindowEvents", Dict[int, Optional[str]]]) -> Tuple[List[List[int]], Dict]:
    """The reduce step: each document's event from its home window, clusters of consecutive
    windows joined where they agree on the overlap. A document's date is the one its last
    window read (windows come in order of their days)."""
    events = talign.merge_windows([clusters for clusters, _ in results])
    published: Dict[int, Optional[str]] = {}
    for _, p in results:
        published.update(p)
    return events, published


def events_table(docs: pd.DataFrame, events: List[List[int]], published: Dict[int, Optional[str]]) -> pd.DataFrame:
    """The ``events cluster`` table: events in order of their first document, numbered
    E001, E002, … (more digits past 999)."""
    width = max(3, len(str(len(events))))
    rows = []
    for n, event in enumerate(events, start=1):
        for p in event:
            d = docs.iloc[p]
            rows.append((f"E{n:0{width}}", d["id"], d["lang"], published.get(p), d["title"]))
    return pd.DataFrame(rows, columns=["event", "doc", "lang", "published", "title"])


def run(client, corpus, window_days: int, overlap_days: int, stats: Optional[str] = None) -> Tuple[pd.DataFrame, int]:
    """Clusters `corpus` window by window on the Dask `client` (weighed with the statistics
    file `stats`, if given); returns the events table and the number of windows."""
    docs = talign.read_corpus(corpus)
    plan = talign.plan_windows(docs, window_days, overlap_days)
    records = docs.to_dict("records")
    futures = [
        client.submit(cluster_task, [records[p] for p in w.docs], w, stats, key=f"window-{w.index}", pure=False)
        for w in plan
    ]
    merged = client.submit(merge_task, *futures, key="merge-windows", pure=False)
    events, published = merged.result()
    return events_table(docs, events, published), len(plan)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="+", help="a .jsonl file or a directory of .txt files (in date order)")
    ap.add_argument("--window-days", type=int, required=True)
    ap.add_argument("--overlap-days", type=int, default=0)
    ap.add_argument("--stats", help="the whole corpus's statistics (talign corpus stats), for every window")
    ap.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler instead of a local cluster")
    ap.add_argument("-o", "--output", help="CSV file to write (default stdout)")
    args = ap.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    start = time.perf_counter()
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    started = time.perf_counter()
    try:
        corpus = args.corpus[0] if len(args.corpus) == 1 else args.corpus
        table, windows = run(client, corpus, args.window_days, args.overlap_days, args.stats)
    except talign.TalignError as e:
        print(f"distributed_windows: {e}", file=sys.stderr)
        return 2
    finally:
        done = time.perf_counter()
        client.close()
        if cluster is not None:
            cluster.close()
    print(
        f"distributed_windows: cluster start {started - start:.2f} s; {len(table)} documents, {windows} windows, "
        f"{table['event'].nunique()} events in {done - started:.2f} s on {args.workers if cluster else 'remote'} workers",
        file=sys.stderr,
    )
    # The CLI's CSV: RFC 4180, CRLF line ends, quotes only where needed, missing values empty.
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(table.columns)
        w.writerows([["" if pd.isna(v) else v for v in row] for row in table.itertuples(index=False)])
    finally:
        if args.output:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
