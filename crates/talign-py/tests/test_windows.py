"""Windows from Python: the plan, one window's clusters (pure: the same output twice),
the merge, and the one-machine windowed run, against the CLI's `--window-days`."""

from __future__ import annotations

import subprocess

import pandas as pd
import pytest

import talign
from conftest import ROOT, cli_rows, frame_rows, partition

D, O = 7, 3


def test_plan_windows_covers_every_document(dated_corpus):
    plan = talign.plan_windows(dated_corpus, D, O)
    docs = talign.read_corpus(dated_corpus)
    assert len(plan) > 5
    seen = set()
    for w in plan:
        assert w.docs == sorted(w.docs)
        for p in w.docs:
            day = docs["published"].iloc[p]
            assert w.start <= day <= w.last, (w, day)
        seen.update(w.docs)
    assert seen == set(range(len(docs)))
    # Each dated document lies in every window whose days hold it: D / (D − O) of them, rounded.
    counts = pd.Series([p for w in plan for p in w.docs]).value_counts()
    assert set(counts) <= {1, 2}
    # And has exactly one home, among its windows.
    homes = [p for w in plan for p in w.home]
    assert sorted(homes) == list(range(len(docs)))
    assert all(set(w.home) <= set(w.docs) for w in plan)


def test_a_window_run_twice_gives_the_same_result(dated_corpus):
    docs = talign.read_corpus(dated_corpus)
    w = max(talign.plan_windows(dated_corpus, D, O), key=lambda w: len(w.docs))
    mine = docs.iloc[w.docs]
    first = talign.cluster_window(mine)
    assert first == talign.cluster_window(mine.to_dict("records"))
    assert len(first.clusters) < len(w.docs), "the largest window has an event of two documents"
    assert sorted(i for c in first.clusters for i in c) == list(range(len(w.docs)))


def test_merge_joins_clusters_that_agree_on_the_overlap():
    windows = [(0, [3], [[3, 1]]), (1, [0, 1, 2], [[1, 2], [0]]), (2, [5], [[5]])]
    assert talign.merge_windows(windows) == [[0], [1, 2, 3], [5]]
    assert talign.merge_windows(list(reversed(windows))) == [[0], [1, 2, 3], [5]]
    # Window 1 splits the overlap {1, 2, 3} of window 0's one cluster 1 + 1 + 1: no
    # cluster holds a majority, so nothing joins across (union over shared documents would
    # make one event of all).
    split = [talign.WindowEvents(0, [1, 4], [[1, 2, 3, 4]]), talign.WindowEvents(1, [2, 3], [[1], [2], [3]])]
    assert talign.merge_windows(split) == [[1, 4], [2], [3]]


def test_plan_cluster_merge_equals_the_windowed_run(dated_corpus):
    docs = talign.read_corpus(dated_corpus)
    plan = talign.plan_windows(dated_corpus, D, O)
    per_window = []
    for w in plan:
        local = talign.cluster_window(docs.iloc[w.docs])
        per_window.append(w.events(local.clusters))
    events = talign.merge_windows(per_window)
    windowed = talign.cluster(dated_corpus, window_days=D, overlap_days=O)
    assert {frozenset(docs["id"].iloc[e]) for e in events} == partition(windowed)
    # Events in order of their first document, each in document order.
    assert list(windowed["doc"]) == [docs["id"].iloc[p] for e in events for p in e]


def test_windowed_run_equals_the_cli(talign_bin, dated_corpus):
    expected = cli_rows(talign_bin, "events", "cluster", str(dated_corpus), "--window-days", str(D), "--overlap-days", str(O))
    assert frame_rows(talign.cluster(dated_corpus, window_days=D, overlap_days=O)) == expected



def test_windows_weighed_with_the_corpus_statistics_agree_with_the_cli(talign_bin, dated_corpus, tmp_path):
    stats = tmp_path / "stats.json"
    talign.corpus_stats(dated_corpus, stats)
    # The same bytes as the CLI's file.
    cli = subprocess.run([talign_bin, "corpus", "stats", str(dated_corpus)], check=True, capture_output=True).stdout
    assert stats.read_bytes() == cli
    expected = cli_rows(
        talign_bin, "events", "cluster", str(dated_corpus), "--window-days", str(D), "--overlap-days", str(O), "--stats", str(stats)
    )
    weighed = talign.cluster(dated_corpus, window_days=D, overlap_days=O, stats=stats)
    assert frame_rows(weighed) == expected
    # Weighed otherwise than on their own statistics.
    assert frame_rows(talign.cluster(dated_corpus, window_days=D, overlap_days=O)) != expected
    # One task per window, each loading the file, then the merge: the same events.
    docs = talign.read_corpus(dated_corpus)
    plan = talign.plan_windows(dated_corpus, D, O)
    events = talign.merge_windows(w.events(talign.cluster_window(docs.iloc[w.docs], stats=stats).clusters) for w in plan)
    assert {frozenset(docs["id"].iloc[e]) for e in events} == partition(weighed)


def test_a_statistics_file_that_cannot_be_used_raises_with_its_name(dated_corpus, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": 3\n}\n', encoding="utf-8")
    with pytest.raises(talign.TalignError) as e:
        talign.cluster(dated_corpus, window_days=D, overlap_days=O, stats=bad)
    assert e.value.path == str(bad) and e.value.line == 2, (e.value.path, e.value.line, str(e.value))
    assert "not a statistics file" in str(e.value)
    with pytest.raises(ValueError, match="window_days"):
        talign.cluster(dated_corpus, stats=bad)


def test_windowed_names_agree_with_the_cli_and_with_the_whole_run_when_weighed(talign_bin, dated_corpus, tmp_path):
    args = ("export", "names", str(dated_corpus), "--explain", "--window-days", str(D), "--overlap-days", str(O))
    own = talign.export_names(dated_corpus, explain=True, window_days=D, overlap_days=O)
    assert frame_rows(own) == cli_rows(talign_bin, *args)
    # Weighed with the whole corpus's statistics, the windows give the whole run's names.
    stats = tmp_path / "stats.json"
    talign.corpus_stats(dated_corpus, stats)
    whole = frame_rows(talign.export_names(dated_corpus, explain=True))
    weighed = talign.export_names(dated_corpus, explain=True, window_days=D, overlap_days=O, stats=stats)
    assert frame_rows(weighed) == whole
    assert frame_rows(own) != whole
    with pytest.raises(ValueError, match="window_days"):
        talign.export_names(dated_corpus, stats=stats)
