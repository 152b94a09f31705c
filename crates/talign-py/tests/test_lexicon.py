"""extend_lexicon: an analyst's table of names, read as the curated lexicon is; it must
come before anything reads the lexicon. Each case runs in a fresh interpreter, since the
lexicon is the process's."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

TABLE = (
    "id,canonical,kind,lang,variant,source\n"
    "zorbek-tamarin,Zorbek Tamarin,person,en,Zorbek Tamarin,test: a made-up person\n"
    "zorbek-tamarin,Zorbek Tamarin,person,bn,জোরবেক তামারিন,test\n"
    "zorbek-tamarin,Zorbek Tamarin,person,fa,زوربک تامارین,test\n"
)


def run(code: str) -> dict:
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=True)
    return json.loads(r.stdout)


def test_a_table_names_its_people_in_pairs_and_events(tmp_path):
    table = tmp_path / "watchlist.csv"
    table.write_text(TABLE, encoding="utf-8")
    docs = [
        {"id": "b", "lang": "bn", "text": "মস্কোয় জোরবেক তামারিন বক্তব্য দেন।"},
        {"id": "f", "lang": "fa", "text": "زوربک تامارین در مسکو سخنرانی کرد."},
    ]
    code = f"""
import json, talign
talign.extend_lexicon({str(table)!r})
p = talign.pair(["জোরবেক তামারিন"], ["زوربک تامارین"], explain=True)
n = talign.export_names({docs!r})
row = n[n["canonical"] == "Zorbek Tamarin"]
print(json.dumps({{"score": float(p["score"][0]), "why": p["explanation"][0], "docs": list(row["docs"])}}))
"""
    out = run(code)
    assert out["score"] == 1.0
    assert out["why"] == "lexicon: both name Zorbek Tamarin"
    assert out["docs"] == ["b|f"]


def test_errors_name_the_file_and_line_and_a_lexicon_in_use_cannot_grow(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,canonical,kind,lang,variant,source\nx,X,place,bn,ইসরায়েল,test\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text(TABLE, encoding="utf-8")
    code = f"""
import json, talign
out = {{}}
try:
    talign.extend_lexicon({str(bad)!r})
except talign.TalignError as e:
    out["bad"] = [str(e), e.path, e.line]
talign.pair(["ল্যাভরভ"], ["لاوروف"])
try:
    talign.extend_lexicon({str(good)!r})
except talign.TalignError as e:
    out["late"] = str(e)
print(json.dumps(out))
"""
    out = run(code)
    assert out["bad"] == [f"{bad}:2: variant `ইসরায়েল` already names `israel`", str(bad), 2]
    assert "already in use" in out["late"]
