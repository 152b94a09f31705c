"""examples/distributed_windows.py on a Dask LocalCluster of 2 workers: its events equal
the one-machine windowed run's (`talign events cluster --window-days D --overlap-days O`,
with `--stats FILE` too)."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT, cli_rows, partition

pytest.importorskip("distributed")


@pytest.mark.parametrize("days,overlap,stats", [(7, 3, False), (5, 1, False), (7, 3, True)])
def test_distributed_run_equals_the_windowed_cli(talign_bin, dated_corpus, tmp_path, days, overlap, stats):
    out = tmp_path / "events.csv"
    # With the whole corpus's statistics, every task weighs its window with them.
    weighed = []
    if stats:
        path = tmp_path / "stats.json"
        subprocess.run([str(talign_bin), "corpus", "stats", str(dated_corpus), "-o", str(path)], check=True)
        weighed = ["--stats", str(path)]
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples/distributed_windows.py"), str(dated_corpus),
         "--window-days", str(days), "--overlap-days", str(overlap), "--workers", "2", "-o", str(out), *weighed],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "on 2 workers" in run.stderr
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    cli = cli_rows(
        talign_bin, "events", "cluster", str(dated_corpus), "--window-days", str(days), "--overlap-days", str(overlap), *weighed
    )
    expected = pd.DataFrame(cli[1:], columns=cli[0])
    assert partition(got) == partition(expected)
    assert len(partition(got)) < len(got), "some event holds two documents"
    # The same table, byte for byte: events in the same order, each document's date as
    # the pipeline read it.
    cli_bytes = subprocess.run(
        [str(talign_bin), "events", "cluster", str(dated_corpus), "--window-days", str(days), "--overlap-days", str(overlap), *weighed],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout
    assert out.read_bytes() == cli_bytes


def test_a_bad_corpus_fails_with_its_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Lavrov", "published": "2024-05-01"}\n{"id": "b"}\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples/distributed_windows.py"), str(bad), "--window-days", "7", "--workers", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 2
    assert f"{bad}:2: missing field `text`" in run.stderr
