"""The examples in the docstrings run and print what they say; the stubs name every
public function with the same parameters."""

from __future__ import annotations

import ast
import doctest
import inspect
from pathlib import Path

import talign
from conftest import ROOT


def test_docstring_examples(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = doctest.testmod(talign, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, extraglobs={"talign": talign})
    assert r.attempted >= 15
    assert r.failed == 0


def test_stubs_match_the_module():
    stub = Path(talign.__file__).with_suffix(".pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    stubbed = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    for name in talign.__all__:
        obj = getattr(talign, name)
        if inspect.isfunction(obj):
            assert name in stubbed, f"{name} has no stub"
            a = stubbed[name].args
            params = [x.arg for x in a.args + ([a.vararg] if a.vararg else []) + a.kwonlyargs]
            assert params == list(inspect.signature(obj).parameters), name
