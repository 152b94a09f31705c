"""talign from Python: names, events and aligned passages across Bengali, Persian and
Latin-script news, as pandas DataFrames.

Every function computes the table of the CLI command of the same name (see
``docs/cli-contract.md``), with the same columns in the same order and the same rows in
the same order; numbers are kept at full precision (the CLI prints 4 decimals).

Names are given as a list of strings, a pandas Series, an Arrow array or any iterable
of strings (one string is one name), or as a :class:`pathlib.Path` to a name list (UTF-8,
one name per line). Blank names are skipped, as the CLI skips blank lines.

A corpus is given as a path (``str`` or :class:`pathlib.Path`: a directory of ``.txt``
files with an optional ``manifest.csv``, or a ``.jsonl`` file), a list of paths, a pandas
DataFrame or Arrow table with the columns ``id`` and ``text`` (``lang``, ``source``,
``published``, ``title``, ``url`` optional), or an iterable of dicts with those keys.

Bad input raises :class:`TalignError` (a ``ValueError``) whose message names the file
and line, as the CLI's does; its ``path`` and ``line`` attributes say the same. Records
given in memory are named ``<records>`` and their "line" is the record's 1-based position.

>>> import talign
>>> talign.pair(["ল্যাভরভ"], ["لاوروف", "پوتین"])
      left   right     score
0  ল্যাভরভ  لاوروف  0.88...
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import math as _math
import os as _os
import warnings as _warnings
from collections.abc import Iterable as _Iterable
from collections.abc import Mapping as _Mapping
from typing import Any, Dict, List, NamedTuple, Optional, Tuple, Union

import pandas as pd

from . import _talign
from ._talign import TalignError

__all__ = [
    "TalignError",
    "extend_lexicon",
    "TalignWarning",
    "normalize",
    "pair",
    "align",
    "cluster",
    "export_names",
    "export_sentences",
    "report",
    "read_corpus",
    "Window",
    "WindowClusters",
    "WindowEvents",
    "plan_windows",
    "cluster_window",
    "merge_windows",
    "corpus_stats",
]

#: How many candidates per query :func:`pair` scores in full (the CLI's ``--shortlist``).
DEFAULT_SHORTLIST: int = _talign.DEFAULT_SHORTLIST

Names = Union[str, "_os.PathLike[str]", _Iterable]
Corpus = Union[str, "_os.PathLike[str]", _Iterable, pd.DataFrame]


class TalignWarning(UserWarning):
    """A remark made while loading a corpus (an empty document, a guessed language); the
    CLI prints the same as ``talign: warning: …``."""


def _frame(columns: Dict[str, list]) -> pd.DataFrame:
    return pd.DataFrame(columns, columns=list(columns))


def _names(names: Names, what: str) -> List[str]:
    """A name list as a list of str, blank names left out."""
    if isinstance(names, _os.PathLike):
        return _talign.read_names(_os.fspath(names))
    if isinstance(names, str):
        names = [names]
    elif hasattr(names, "to_pylist"):  # an Arrow array or chunked array
        names = names.to_pylist()
    out = []
    for i, n in enumerate(names):
        if not isinstance(n, str):
            raise TypeError(f"{what}[{i}]: a name is a str, not {type(n).__name__} ({n!r})")
        if n.strip():
            out.append(n)
    return out


def _missing(v: Any) -> bool:
    if v is None or v is pd.NaT:
        return True
    if isinstance(v, float) and _math.isnan(v):
        return True
    try:
        return bool(pd.isna(v)) if not isinstance(v, (str, bytes, list, dict, tuple)) else False
    except (TypeError, ValueError):
        return False


def _json_value(key: str, v: Any) -> Any:
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # a NumPy scalar
        v = v.item()
    if isinstance(v, _dt.datetime):  # also pandas.Timestamp
        return v.date().isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if key == "id" and isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return v


def _records_jsonl(records: _Iterable) -> str:
    """Records as JSON Lines, one per record: missing values (None, NaN, NaT) left out,
    dates as ISO dates, integer ids as strings. The Rust loader then checks them exactly
    as it checks a ``.jsonl`` file."""
    lines = []
    for i, rec in enumerate(records, start=1):
        if not isinstance(rec, _Mapping):
            raise TypeError(f"<records>:{i}: a record is a dict, not {type(rec).__name__}")
        doc = {}
        for k, v in rec.items():
            if _missing(v):
                continue
            doc[str(k)] = _json_value(str(k), v)
        try:
            lines.append(_json.dumps(doc, ensure_ascii=False))
        except (TypeError, ValueError) as e:
            raise TypeError(f"<records>:{i}: {e}") from None
    return "\n".join(lines) + "\n" if lines else ""


def _corpus(corpus: Corpus) -> Tuple[List[str], Optional[str]]:
    """(paths, records as JSON Lines) for the native loader."""
    if isinstance(corpus, (str, _os.PathLike)):
        return [_os.fspath(corpus)], None
    if isinstance(corpus, pd.DataFrame):
        return [], _records_jsonl(corpus.to_dict("records"))
    if hasattr(corpus, "to_pylist"):  # an Arrow table
        return [], _records_jsonl(corpus.to_pylist())
    if isinstance(corpus, _Mapping):
        raise TypeError("a corpus is a path, a list of paths, a DataFrame or an iterable of dicts, not one dict")
    items = list(corpus)
    if items and all(isinstance(p, (str, _os.PathLike)) for p in items):
        return [_os.fspath(p) for p in items], None
    return [], _records_jsonl(items)


def _tables(which: List[str], corpus: Corpus, lenient_lang: bool, explain: bool) -> List[pd.DataFrame]:
    paths, records = _corpus(corpus)
    tables, warnings = _talign.tables(which, paths, records, lenient_lang, explain)
    for w in warnings:
        _warnings.warn(w, TalignWarning, stacklevel=3)
    return [_frame(t) for t in tables]


def normalize(
    names: Names, *, vowels: bool = False, explain: bool = False, romanization: Optional[str] = None
) -> pd.DataFrame:
    """Clean, romanize and key names (``talign names normalize``).

    Columns ``input, script, normalized, latin, key`` (and ``phonemes, entity`` with
    ``explain``), one row per name in input order. ``romanization`` says how ``latin`` is
    written, as ``--romanization`` does: ``"rules"`` (the default, letter by letter),
    ``"readable"`` (the learnt model that writes vowels, far slower; ``vowels=True`` is the
    same) or ``"iso"`` (Bengali by ISO 15919, Arabic script by DIN 31635). Any other value,
    or ``vowels=True`` with ``"rules"`` or ``"iso"``, raises ``ValueError``.

    >>> talign.normalize(["ল্যাভরভের", "لاوروف", "Lavrov"])
           input  script normalized      latin    key
    0  ল্যাভরভের      bn  ল্যাভরভের  Lavrover  LPRPR
    1     لاوروف      fa     لاوروف     Lavruf   LPRP
    2     Lavrov   latin     Lavrov     Lavrov   LPRP
    """
    return _frame(_talign.normalize(_names(names, "names"), vowels, explain, romanization))


def pair(
    left: Names,
    right: Names,
    *,
    top: Optional[int] = None,
    min_score: Optional[float] = None,
    explain: bool = False,
    lexicon: bool = True,
    shortlist: int = DEFAULT_SHORTLIST,
) -> pd.DataFrame:
    """For each left name, the right name that most likely names the same entity
    (``talign names pair``).

    Columns ``left, right, score`` (``rank`` with ``top``, ``explanation`` with
    ``explain``): one row per left name in input order, or ``top`` rows, best first. A
    row without a candidate, or whose best score is below ``min_score``, has no
    ``right`` (None). ``lexicon=False`` pairs without the built-in lexicon.

    >>> df = talign.pair(["ল্যাভরভ", "পুতিন"], ["لاوروف", "پوتین"], top=2)
    >>> df[df["rank"] == 1][["left", "right"]].values.tolist()
    [['ল্যাভরভ', 'لاوروف'], ['পুতিন', 'پوتین']]
    """
    return _frame(
        _talign.pair(_names(left, "left"), _names(right, "right"), top, min_score, explain, lexicon, shortlist)
    )


def align(corpus: Corpus, *, lenient_lang: bool = False) -> pd.DataFrame:
    """Pairs of documents that report the same event (``talign events align``).

    Columns ``left, right, score, evidence, relation``, one row per pair, each pair once.

    >>> links = talign.align("corpora/seeds")
    >>> list(links.columns)
    ['left', 'right', 'score', 'evidence', 'relation']
    """
    return _tables(["align"], corpus, lenient_lang, False)[0]


def cluster(
    corpus: Corpus,
    *,
    window_days: Optional[int] = None,
    overlap_days: int = 0,
    stats: Optional[Union[str, "_os.PathLike[str]"]] = None,
    lenient_lang: bool = False,
) -> pd.DataFrame:
    """Every document once, with its event (``talign events cluster``).

    Columns ``event, doc, lang, published, title``; documents of one event share
    ``event``; a document with no partner is its own event.

    With ``window_days``, the corpus is clustered in windows of publication dates (as
    ``--window-days D --overlap-days O``): the documents go through a stream that holds
    only the open windows, each window is clustered alone, and clusters that share a
    document in an overlap are merged. Documents must come in date order (undated ones are
    placed where they arrive). Events come in order of their first document. With
    ``stats`` (a file written by :func:`corpus_stats` for the whole corpus, as
    ``--stats FILE``), every window is weighed with the whole corpus's statistics instead
    of its own, so that it reads and weighs each document as the whole run does; ``stats``
    needs ``window_days``.

    >>> events = talign.cluster([
    ...     {"id": "a", "text": "ল্যাভরভ মারাকেচে পৌঁছেছেন।", "published": "2024-12-01"},
    ...     {"id": "b", "text": "لاوروف وارد مراکش شد.", "published": "2024-12-01"},
    ... ])
    >>> sorted(events["doc"])
    ['a', 'b']
    """
    if window_days is not None:
        paths, records = _corpus(corpus)
        given = None if stats is None else _os.fspath(stats)
        return _frame(_talign.cluster_windowed(paths, records, lenient_lang, window_days, overlap_days, given))
    if stats is not None:
        raise ValueError("stats= weighs windows: give window_days too (a whole run learns from the whole corpus)")
    return _tables(["cluster"], corpus, lenient_lang, False)[0]


def export_names(
    corpus: Corpus,
    *,
    explain: bool = False,
    window_days: Optional[int] = None,
    overlap_days: int = 0,
    stats: Optional[Union[str, "_os.PathLike[str]"]] = None,
    lenient_lang: bool = False,
) -> pd.DataFrame:
    """One row per entity mentioned in the corpus (``talign export names``).

    Columns ``canonical, kind, bn, fa, docs, mentions`` (and ``canonical_from`` with
    ``explain``); ``bn``, ``fa`` and ``docs`` are ``|``-joined.

    With ``window_days`` (as ``--window-days D --overlap-days O``), each document's names
    are read in its home window of publication dates (site furniture and, unless ``stats``
    is given, words too common to be names learnt from that window), then resolved over the
    whole stream; with ``stats`` (a file written by :func:`corpus_stats` for the whole
    corpus) the table is the whole run's. ``stats`` needs ``window_days``.

    >>> names = talign.export_names("corpora/seeds")
    >>> "Vladimir Putin" in set(names["canonical"])
    True
    """
    if window_days is not None:
        paths, records = _corpus(corpus)
        given = None if stats is None else _os.fspath(stats)
        return _frame(
            _talign.names_windowed(paths, records, lenient_lang, window_days, overlap_days, explain, given)
        )
    if stats is not None:
        raise ValueError("stats= weighs windows: give window_days too (a whole run learns from the whole corpus)")
    return _tables(["names"], corpus, lenient_lang, explain)[0]


def extend_lexicon(*paths: Union[str, "_os.PathLike[str]"]) -> None:
    """Adds lexicon tables to the curated lexicon for the rest of the process, as the CLI's
    ``--lexicon`` does: the people and places you follow, with their spellings per
    language, read by the names functions and the event pipeline alike.

    Each table is a CSV file with the columns ``id,canonical,kind,lang,variant,source``
    (see ``examples/lexicon/newsmakers.csv`` and ``docs/cli.md``). Call it before any other
    talign function in the process: afterwards the lexicon is in use and this raises
    :class:`TalignError`, as it does for a table that cannot be read, naming file and line.

    >>> talign.extend_lexicon("examples/lexicon/newsmakers.csv")  # doctest: +SKIP
    >>> talign.pair(["হোসেইন আমির-আবদুল্লাহিয়ান"], ["حسین امیرعبداللهیان"])  # doctest: +SKIP
    """
    _talign.extend_lexicon([_os.fspath(p) for p in paths])


def export_sentences(
    corpus: Corpus, *, explain: bool = False, within_events: bool = False, lenient_lang: bool = False
) -> pd.DataFrame:
    """Aligned passages of the documents that report the same event
    (``talign export sentences``).

    Columns ``event, left_doc, right_doc, left, right, score`` (and ``evidence`` with
    ``explain``), one row per aligned passage. By default the linked pairs are aligned,
    and the pairs of one event in two languages where neither document has a link into
    the other's language (independent reports); with ``within_events`` every pair the
    aligner scored inside one event (``--within-events``).

    >>> list(talign.export_sentences("corpora/seeds").columns)
    ['event', 'left_doc', 'right_doc', 'left', 'right', 'score']
    """
    table = "sentences-within-events" if within_events else "sentences"
    return _tables([table], corpus, lenient_lang, explain)[0]


def report(
    corpus: Corpus, *, within_events: bool = False, lenient_lang: bool = False
) -> Dict[str, pd.DataFrame]:
    """All four tables from one analysis (``talign report``): ``links``, ``events``,
    ``names`` and ``sentences``, as :func:`align`, :func:`cluster`, :func:`export_names`
    and :func:`export_sentences` give them (``within_events`` as in
    :func:`export_sentences`).

    >>> sorted(talign.report("corpora/seeds"))
    ['events', 'links', 'names', 'sentences']
    """
    keys = ["links", "events", "names", "sentences"]
    sentences = "sentences-within-events" if within_events else "sentences"
    frames = _tables(["align", "cluster", "names", sentences], corpus, lenient_lang, False)
    return dict(zip(keys, frames))


def read_corpus(corpus: Corpus, *, lenient_lang: bool = False) -> pd.DataFrame:
    """The documents of a corpus as talign loads them, in load order: columns ``id, lang,
    source, published, title, url, text`` (``lang`` given or detected, ``published`` as
    given). The rows are records every other function accepts as a corpus.

    >>> docs = talign.read_corpus("corpora/seeds")
    >>> list(docs.columns)
    ['id', 'lang', 'source', 'published', 'title', 'url', 'text']
    """
    paths, records = _corpus(corpus)
    columns, warnings = _talign.read_corpus(paths, records, lenient_lang)
    for w in warnings:
        _warnings.warn(w, TalignWarning, stacklevel=2)
    return _frame(columns)


class WindowEvents(NamedTuple):
    """One window's clusters as :func:`merge_windows` takes them: the window's number, the
    positions of its home documents (whose event it decides) and its clusters, as document
    positions."""

    index: int
    home: List[int]
    clusters: List[List[int]]


class Window(NamedTuple):
    """One window of publication dates: days ``start`` to ``last`` (ISO dates, inclusive),
    the positions (in load order) of the documents it holds, and of its home documents:
    those whose date lies in its middle ``window_days - overlap_days`` days, whose event it
    decides (each document has one home window)."""

    index: int
    start: str
    last: str
    docs: List[int]
    home: List[int]

    def events(self, clusters: List[List[int]]) -> WindowEvents:
        """This window's clusters, given as indices into its documents (as
        :func:`cluster_window` returns them), ready for :func:`merge_windows`."""
        return WindowEvents(self.index, list(self.home), [[self.docs[i] for i in c] for c in clusters])


class WindowClusters(NamedTuple):
    """The events of one window, as indices into its documents (events in order of their
    first document), and each document's publication date as the pipeline read it."""

    clusters: List[List[int]]
    published: List[Optional[str]]


def plan_windows(corpus: Corpus, window_days: int, overlap_days: int, *, lenient_lang: bool = False) -> List[Window]:
    """Which documents each window of ``window_days`` days, overlapping by
    ``overlap_days``, holds. Windows step by ``window_days - overlap_days`` days from
    1970-01-01, so where they fall depends on the dates alone. A document's day is its
    publication date, given or read from its text; an undated one is placed where it
    arrives. The plan is the one ``cluster(..., window_days=...)`` follows: run
    :func:`cluster_window` on each window (one task each, anywhere), then
    :func:`merge_windows`.

    >>> docs = [
    ...     {"id": "a", "text": "Lavrov arrived in Marrakech.", "published": "2024-05-01"},
    ...     {"id": "b", "text": "Lavrov met Bourita in Marrakech.", "published": "2024-05-06"},
    ... ]
    >>> [w.docs for w in talign.plan_windows(docs, 7, 3)]
    [[0], [0, 1], [1]]
    """
    paths, records = _corpus(corpus)
    return [Window(*w) for w in _talign.plan_windows(paths, records, lenient_lang, window_days, overlap_days)]


def cluster_window(
    docs: Corpus, *, lenient_lang: bool = False, stats: Optional[Union[str, "_os.PathLike[str]"]] = None
) -> WindowClusters:
    """Clusters one window's documents on their own (the whole-corpus pipeline on them
    alone). A pure function of its input: the same documents give the same clusters on
    every run, so a failed window can be run again. With ``stats`` (a file written by
    :func:`corpus_stats` for the whole corpus), the window is weighed with the whole
    corpus's statistics instead of its own: load it on every worker.

    >>> docs = talign.read_corpus("corpora/seeds")
    >>> sorted(len(c) for c in talign.cluster_window(docs).clusters)
    [1, 1, 1, 2]
    """
    paths, records = _corpus(docs)
    given = None if stats is None else _os.fspath(stats)
    return WindowClusters(*_talign.cluster_window(paths, records, lenient_lang, given))


def corpus_stats(corpus: Corpus, path: Union[str, "_os.PathLike[str]"], *, lenient_lang: bool = False) -> None:
    """Writes what the event pipeline learns from the whole corpus to ``path`` (JSON, as
    ``talign corpus stats``): its frequent words, the entity each spelling of a name
    resolves to, how many documents have each feature, what agreeing in time and sharing a
    date are worth, and the base rate of same-event pairs. Give the file to
    :func:`cluster_window` or ``cluster(..., window_days=..., stats=...)`` so that windows
    weigh their documents as the whole run does. Runs the pipeline over the whole corpus
    once; the file grows with the corpus's vocabulary and by about 54 bytes a document.

    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "stats.json")
    >>> talign.corpus_stats("corpora/seeds", path)
    >>> docs = talign.read_corpus("corpora/seeds")
    >>> sorted(len(c) for c in talign.cluster_window(docs, stats=path).clusters)
    [1, 1, 1, 2]
    """
    paths, records = _corpus(corpus)
    _talign.corpus_stats(paths, records, lenient_lang, _os.fspath(path))


def merge_windows(windows: _Iterable) -> List[List[int]]:
    """Merges the clusters of overlapping windows, each given as a :class:`WindowEvents`
    (or a tuple ``(index, home, clusters)``; see :meth:`Window.events`): each document takes
    its event from its home window, and a cluster of window ``k`` and one of window
    ``k + 1`` are one event when they share the majority of each one's documents in the
    overlap. Events list their members ascending and come in order of their smallest
    member, whatever the order of the windows.

    >>> talign.merge_windows([(0, [0, 1], [[0, 1], [2]]), (1, [2, 3], [[2, 3]]), (2, [4], [[4]])])
    [[0, 1], [2, 3], [4]]
    """
    return _talign.merge_windows([(int(i), list(h), [list(c) for c in cs]) for i, h, cs in windows])
