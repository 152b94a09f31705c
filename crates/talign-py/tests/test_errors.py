"""Bad input raises TalignError (a ValueError) naming the file and line, as the CLI's
message does; wrong Python types raise TypeError."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import talign
from conftest import ROOT


def cli_error(talign_bin: Path, *args: str) -> str:
    r = subprocess.run([str(talign_bin), *args], cwd=ROOT, capture_output=True)
    assert r.returncode == 2
    return r.stderr.decode("utf-8")


def test_malformed_jsonl_names_file_and_line(tmp_path, talign_bin):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Lavrov"}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(talign.TalignError) as e:
        talign.cluster(bad)
    assert e.value.path == str(bad) and e.value.line == 2
    assert str(e.value).startswith(f"{bad}:2: malformed JSON")
    assert str(e.value) in cli_error(talign_bin, "events", "cluster", str(bad))
    assert isinstance(e.value, ValueError)


def test_invalid_utf8_and_duplicate_ids(tmp_path):
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(b'{"id": "a", "text": "Lavrov"}\n{"id": "b", "text": "caf\xe9"}\n')
    with pytest.raises(talign.TalignError, match=r"latin1.jsonl:2: invalid UTF-8") as e:
        talign.align(bad)
    assert e.value.line == 2
    dup = tmp_path / "dup.jsonl"
    dup.write_text('{"id": "a", "text": "Lavrov"}\n\n{"id": "a", "text": "Putin"}\n', encoding="utf-8")
    with pytest.raises(talign.TalignError, match=r"dup.jsonl:3: duplicate document id `a`") as e:
        talign.export_names(dup)
    assert e.value.line == 3


def test_records_are_numbered_from_one():
    docs = [{"id": "a", "text": "Lavrov"}, {"id": "b"}, {"id": "c", "text": "x"}]
    with pytest.raises(talign.TalignError, match=r"^<records>:2: missing field `text`") as e:
        talign.cluster(docs)
    assert (e.value.path, e.value.line) == ("<records>", 2)
    with pytest.raises(talign.TalignError, match=r"^<records>:2: duplicate document id `a`"):
        talign.cluster([{"id": "a", "text": "Lavrov"}, {"id": "a", "text": "Putin"}])
    with pytest.raises(talign.TalignError, match=r"^<records>:1: `yesterday` is not an ISO date"):
        talign.cluster([{"id": "a", "text": "Lavrov", "published": "yesterday"}])
    with pytest.raises(talign.TalignError, match="no documents"):
        talign.cluster([])
    with pytest.raises(TypeError, match=r"<records>:2: a record is a dict"):
        talign.cluster([{"id": "a", "text": "Lavrov"}, "Putin"])


def test_bad_manifest_row(tmp_path):
    (tmp_path / "a.txt").write_text("Lavrov arrived.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("id,lang\na,xx-nonsense\n", encoding="utf-8")
    with pytest.raises(talign.TalignError) as e:
        talign.cluster(tmp_path)
    assert e.value.line == 2 and e.value.path.endswith("manifest.csv")


def test_missing_path():
    with pytest.raises(talign.TalignError, match="no-such-corpus"):
        talign.cluster("no-such-corpus.jsonl")


def test_name_list_errors_name_the_line(tmp_path):
    bad = tmp_path / "names.txt"
    bad.write_bytes(b"Lavrov\n\nPut\xffin\n")
    with pytest.raises(talign.TalignError, match=r"names.txt:3: invalid UTF-8") as e:
        talign.normalize(bad)
    assert (e.value.path, e.value.line) == (str(bad), 3)
    nul = tmp_path / "utf16.txt"
    nul.write_bytes("Lavrov\n".encode("utf-16-le"))
    with pytest.raises(talign.TalignError, match=r"utf16.txt:1: NUL byte"):
        talign.pair(nul, ["Lavrov"])


def test_wrong_types_and_values():
    with pytest.raises(TypeError, match=r"left\[1\]: a name is a str, not float"):
        talign.pair(["Lavrov", float("nan")], ["Lavrov"])
    with pytest.raises(ValueError, match="top must be 1 or more"):
        talign.pair(["Lavrov"], ["Lavrov"], top=0)
    with pytest.raises(ValueError, match="min_score"):
        talign.pair(["Lavrov"], ["Lavrov"], min_score=1.5)
    with pytest.raises(talign.TalignError, match="window-days must be 1 or more"):
        talign.plan_windows(ROOT / "corpora/seeds", 0, 0)
    with pytest.raises(talign.TalignError, match="overlap-days"):
        talign.cluster(ROOT / "corpora/seeds", window_days=3, overlap_days=3)
