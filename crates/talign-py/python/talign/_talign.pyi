"""Stubs of the native module (crates/talign-py/src/lib.rs). Use the functions of `talign`."""

from typing import Dict, List, Optional, Tuple

DEFAULT_SHORTLIST: int

class TalignError(ValueError):
    path: Optional[str]
    line: Optional[int]

Columns = Dict[str, list]

def tables(
    which: List[str], paths: List[str], records: Optional[str] = None, lenient_lang: bool = False, explain: bool = False
) -> Tuple[List[Columns], List[str]]: ...
def read_names(path: str) -> List[str]: ...
def extend_lexicon(paths: List[str]) -> None: ...
def normalize(
    names: List[str], vowels: bool = False, explain: bool = False, romanization: Optional[str] = None
) -> Columns: ...
def pair(
    left: List[str],
    right: List[str],
    top: Optional[int] = None,
    min_score: Optional[float] = None,
    explain: bool = False,
    lexicon: bool = True,
    shortlist: int = ...,
) -> Columns: ...
def read_corpus(paths: List[str], records: Optional[str] = None, lenient_lang: bool = False) -> Tuple[Columns, List[str]]: ...
def plan_windows(
    paths: List[str], records: Optional[str], lenient_lang: bool, days: int, overlap: int
) -> List[Tuple[int, str, str, List[int], List[int]]]: ...
def cluster_window(
    paths: List[str], records: Optional[str] = None, lenient_lang: bool = False, stats: Optional[str] = None
) -> Tuple[List[List[int]], List[Optional[str]]]: ...
def merge_windows(windows: List[Tuple[int, List[int], List[List[int]]]]) -> List[List[int]]: ...
def cluster_windowed(
    paths: List[str], records: Optional[str], lenient_lang: bool, days: int, overlap: int, stats: Optional[str] = None
) -> Columns: ...
def names_windowed(
    paths: List[str],
    records: Optional[str],
    lenient_lang: bool,
    days: int,
    overlap: int,
    explain: bool,
    stats: Optional[str] = None,
) -> Columns: ...
def corpus_stats(paths: List[str], records: Optional[str], lenient_lang: bool, out: str) -> None: ...
