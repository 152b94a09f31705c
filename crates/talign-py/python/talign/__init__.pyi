"""Type stubs of the talign package (see the docstrings in __init__.py)."""

import os
from typing import Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

import pandas as pd

Names = Union[str, os.PathLike[str], Iterable[str]]
"""One name (str), a name list file (pathlib.Path), or an iterable of names (list, pandas
Series, Arrow array)."""

Corpus = Union[str, os.PathLike[str], Iterable[Union[str, os.PathLike[str]]], Iterable[Mapping[str, object]], pd.DataFrame]
"""A path, a list of paths, a DataFrame or Arrow table of documents, or an iterable of dicts
with `id` and `text` (`lang`, `source`, `published`, `title`, `url` optional)."""

DEFAULT_SHORTLIST: int

class TalignError(ValueError):
    """Bad input; the message starts with `path:line:`."""

    path: Optional[str]
    line: Optional[int]

class TalignWarning(UserWarning): ...

class WindowEvents(NamedTuple):
    index: int
    home: List[int]
    clusters: List[List[int]]

class Window(NamedTuple):
    index: int
    start: str
    last: str
    docs: List[int]
    home: List[int]
    def events(self, clusters: List[List[int]]) -> WindowEvents: ...

class WindowClusters(NamedTuple):
    clusters: List[List[int]]
    published: List[Optional[str]]

def normalize(
    names: Names, *, vowels: bool = False, explain: bool = False, romanization: Optional[str] = None
) -> pd.DataFrame: ...
def pair(
    left: Names,
    right: Names,
    *,
    top: Optional[int] = None,
    min_score: Optional[float] = None,
    explain: bool = False,
    lexicon: bool = True,
    shortlist: int = ...,
) -> pd.DataFrame: ...
def align(corpus: Corpus, *, lenient_lang: bool = False) -> pd.DataFrame: ...
def cluster(
    corpus: Corpus,
    *,
    window_days: Optional[int] = None,
    overlap_days: int = 0,
    stats: Optional[Union[str, os.PathLike[str]]] = None,
    lenient_lang: bool = False,
) -> pd.DataFrame: ...
def extend_lexicon(*paths: Union[str, os.PathLike[str]]) -> None: ...
def export_names(
    corpus: Corpus,
    *,
    explain: bool = False,
    window_days: Optional[int] = None,
    overlap_days: int = 0,
    stats: Optional[Union[str, os.PathLike[str]]] = None,
    lenient_lang: bool = False,
) -> pd.DataFrame: ...
def export_sentences(
    corpus: Corpus, *, explain: bool = False, within_events: bool = False, lenient_lang: bool = False
) -> pd.DataFrame: ...
def report(
    corpus: Corpus, *, within_events: bool = False, lenient_lang: bool = False
) -> Dict[str, pd.DataFrame]: ...
def read_corpus(corpus: Corpus, *, lenient_lang: bool = False) -> pd.DataFrame: ...
def plan_windows(corpus: Corpus, window_days: int, overlap_days: int, *, lenient_lang: bool = False) -> List[Window]: ...
def cluster_window(
    docs: Corpus, *, lenient_lang: bool = False, stats: Optional[Union[str, os.PathLike[str]]] = None
) -> WindowClusters: ...
def corpus_stats(corpus: Corpus, path: Union[str, os.PathLike[str]], *, lenient_lang: bool = False) -> None: ...
def merge_windows(windows: Iterable[Tuple[int, List[int], List[List[int]]]]) -> List[List[int]]: ...
