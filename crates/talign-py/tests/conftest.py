"""Shared fixtures: the repository root, the `talign` binary (built in release mode if it
is not there yet), and CLI output parsed as rows of strings for comparison with DataFrames."""

from __future__ import annotations

import csv
import io
import math
import os
import subprocess
from pathlib import Path
from typing import List

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def talign_bin() -> Path:
    """The CLI to compare with: $TALIGN_BIN, or target/release/talign, built if missing."""
    given = os.environ.get("TALIGN_BIN")
    if given:
        return Path(given)
    path = ROOT / "target" / "release" / "talign"
    if not path.exists():
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "talign"], cwd=ROOT, check=True)
    return path


def cli_rows(talign_bin: Path, *args: str) -> List[List[str]]:
    """Runs the CLI (from the repository root) and parses its CSV, header first."""
    out = subprocess.run([str(talign_bin), *args], cwd=ROOT, check=True, capture_output=True).stdout
    return list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))


def cell(v) -> str:
    """A DataFrame value as the CLI's CSV writes it: numbers with 4 decimals, missing empty."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float):
        return f"{v:.4f}"
    return str(v)


def frame_rows(df: pd.DataFrame) -> List[List[str]]:
    """A DataFrame as rows of strings, header first, as `cli_rows` gives the CLI's output."""
    rows = [list(df.columns)]
    for rec in df.itertuples(index=False):
        rows.append([cell(v) for v in rec])
    return rows


def dated_ntrex(path: Path) -> Path:
    """NTREX dev with generated publication dates, in date order: the 63 stories spread
    over 126 days from 2024-05-01, the Persian copy of two stories in three a day or two
    after the Bengali one (so that events cross window boundaries and windows must be
    merged)."""
    import datetime
    import json

    docs = [json.loads(line) for line in (ROOT / "corpora/ntrex-dev/articles.jsonl").read_text(encoding="utf-8").splitlines()]
    stories = sorted({d["id"].split("-", 1)[1] for d in docs})
    day_of = {s: (i * 37) % 126 for i, s in enumerate(stories)}
    for d in docs:
        lang, story = d["id"].split("-", 1)
        i = stories.index(story)
        shift = (i % 3) if lang == "fa" and i % 3 else 0
        d["published"] = (datetime.date(2024, 5, 1) + datetime.timedelta(days=day_of[story] + shift)).isoformat()
    docs.sort(key=lambda d: (d["published"], d["id"]))
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def dated_corpus(tmp_path_factory) -> Path:
    return dated_ntrex(tmp_path_factory.mktemp("dated") / "ntrex-dated.jsonl")


def partition(table: pd.DataFrame):
    """The events of an events table as a set of frozensets of document ids."""
    return {frozenset(g["doc"]) for _, g in table.groupby("event")}
