"""The Python package gives the CLI's tables: same columns, same rows, same order, on the
seed articles, NTREX dev and the example name lists, whether the corpus comes as a path or
as records in memory."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import talign
from conftest import ROOT, cli_rows, frame_rows

CORPORA = ["corpora/seeds", "corpora/ntrex-dev/articles.jsonl"]

TABLES = [
    (("events", "align"), talign.align),
    (("events", "cluster"), talign.cluster),
    (("export", "names"), talign.export_names),
    (("export", "sentences"), talign.export_sentences),
]


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_tables_equal_the_cli(talign_bin, corpus):
    report = talign.report(str(ROOT / corpus))
    for (command, key), (args, fn) in zip(
        [("links", 0), ("events", 1), ("names", 2), ("sentences", 3)], TABLES
    ):
        expected = cli_rows(talign_bin, *args, corpus)
        assert len(expected) > 1, f"{args} printed no rows on {corpus}"
        got = frame_rows(fn(str(ROOT / corpus)))
        assert got == expected, f"talign {' '.join(args)} {corpus}"
        # report() analyses once and gives the same tables.
        assert frame_rows(report[command]) == expected, f"report()[{command}] on {corpus}"


def test_records_give_the_tables_of_the_file(talign_bin):
    """A DataFrame (or list of dicts) of the documents is the same corpus as its file."""
    path = ROOT / "corpora/ntrex-dev/articles.jsonl"
    docs = talign.read_corpus(path)
    assert len(docs) == 126
    expected = cli_rows(talign_bin, "events", "cluster", "corpora/ntrex-dev/articles.jsonl")
    assert frame_rows(talign.cluster(docs)) == expected
    assert frame_rows(talign.cluster(docs.to_dict("records"))) == expected
    expected = cli_rows(talign_bin, "export", "sentences", "corpora/seeds")
    seeds = talign.read_corpus(ROOT / "corpora/seeds")
    assert frame_rows(talign.export_sentences(seeds)) == expected


def test_sentences_within_events_equal_the_cli(talign_bin):
    """``within_events`` is ``export sentences --within-events``: on NTREX dev it adds the
    passages of reports that share an event without a link (the Palu earthquake's)."""
    corpus = "corpora/ntrex-dev/articles.jsonl"
    expected = cli_rows(talign_bin, "export", "sentences", corpus, "--within-events")
    got = frame_rows(talign.export_sentences(str(ROOT / corpus), within_events=True))
    assert got == expected
    linked = cli_rows(talign_bin, "export", "sentences", corpus)
    assert len(expected) > len(linked)
    report = talign.report(str(ROOT / corpus), within_events=True)
    assert frame_rows(report["sentences"]) == expected


def test_dates_and_integer_ids_in_records():
    """pandas Timestamps are ISO dates, integer ids strings, missing values absent."""
    docs = pd.DataFrame(
        {
            "id": [1, 2],
            "text": ["ল্যাভরভ মারাকেচে পৌঁছেছেন।", "لاوروف وارد مراکش شد."],
            "published": pd.to_datetime(["2024-05-01", None]),
            "title": ["ল্যাভরভ", None],
        }
    )
    back = talign.read_corpus(docs)
    assert list(back["id"]) == ["1", "2"]
    assert back["published"].iloc[0] == "2024-05-01"
    assert pd.isna(back["published"].iloc[1]) and pd.isna(back["title"].iloc[1])
    assert list(back["lang"]) == ["bn", "fa"]


NAMES = ["examples/names/bengali.txt", "examples/names/persian.txt", "examples/names/english.txt"]


@pytest.mark.parametrize("names", NAMES)
@pytest.mark.parametrize(
    "flags", [(), ("--explain",), ("--vowels",), ("--romanization", "iso"), ("--romanization", "iso", "--explain")]
)
def test_normalize_equals_the_cli(talign_bin, names, flags):
    expected = cli_rows(talign_bin, "names", "normalize", names, *flags)
    kwargs = {f.lstrip("-"): True for f in flags if f.startswith("--") and f != "--romanization"}
    if "--romanization" in flags:
        kwargs["romanization"] = flags[flags.index("--romanization") + 1]
    assert frame_rows(talign.normalize(Path(ROOT / names), **kwargs)) == expected
    listed = (ROOT / names).read_text(encoding="utf-8").splitlines()
    assert frame_rows(talign.normalize(listed, **kwargs)) == expected
    assert frame_rows(talign.normalize(pd.Series(listed), **kwargs)) == expected


@pytest.mark.parametrize(
    "flags,kwargs",
    [((), {}), (("--top", "3"), {"top": 3}), (("--explain",), {"explain": True}), (("--min-score", "0.9"), {"min_score": 0.9})],
)
def test_pair_equals_the_cli(talign_bin, flags, kwargs):
    left, right = NAMES[0], NAMES[1]
    expected = cli_rows(talign_bin, "names", "pair", left, right, *flags)
    got = talign.pair(Path(ROOT / left), Path(ROOT / right), **kwargs)
    assert frame_rows(got) == expected
    lists = [(ROOT / p).read_text(encoding="utf-8").splitlines() for p in (left, right)]
    assert frame_rows(talign.pair(*lists, **kwargs)) == expected


def test_pair_takes_arrow_columns():
    pa = pytest.importorskip("pyarrow")
    got = talign.pair(pa.array(["ল্যাভরভ"]), pa.chunked_array([["لاوروف", "پوتین"]]))
    assert got["right"].tolist() == ["لاوروف"]


def test_the_readme_example():
    df = talign.pair(["ল্যাভরভ"], ["لاوروف", "پوتین"])
    assert list(df.columns) == ["left", "right", "score"]
    assert df["right"].tolist() == ["لاوروف"]
    assert 0.5 < df["score"].iloc[0] <= 1.0


def test_normalize_romanization_is_checked():
    assert list(talign.normalize(["বাংলাদেশ", "مسعود پزشکیان"], romanization="iso")["latin"]) == [
        "bāṁlādēśa",
        "msʿūd pzškyān",
    ]
    assert list(talign.normalize(["مسعود پزشکیان"], vowels=True, romanization="readable")["latin"]) == [
        "Masoud Pezeshkian"
    ]
    with pytest.raises(ValueError, match="romanization must be"):
        talign.normalize(["x"], romanization="scholarly")
    with pytest.raises(ValueError, match="vowels=True means"):
        talign.normalize(["x"], vowels=True, romanization="iso")
