//! `talign._talign`, the native half of the Python package `talign`: the CLI's tables
//! computed by the same library calls and handed to Python as columns (a dict of lists,
//! column name → values, in the contract's column order), which `talign/__init__.py`
//! turns into pandas DataFrames. Input coercion (pandas, Arrow, dicts) is done in Python;
//! here a corpus arrives as paths or as JSON Lines text, and a name list as strings or a
//! path, so that every check and every error message is the CLI's own. The work runs with
//! the interpreter released (other Python threads go on), on rayon's threads.

use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use talign::table::Cell;
use talign::tables::EventTable;
use talign_corpus::{Corpus, CorpusError, LoadOptions, Location};
use talign_events::window::{self, WindowError, WindowSpec, Windower};
use talign_events::{Analysis, EventIds, Options};
use talign_names::{Hit, Lexicon, Name, NameIndex, Reading, Romanization};

create_exception!(
    _talign,
    TalignError,
    PyValueError,
    "Bad input: a corpus or name list talign cannot read. `path` and `line` say where (None when unknown); the message starts with them, as the CLI's does."
);

/// A cell owned, so that tables can leave the closure that ran without the interpreter.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    Num(f64),
    Int(i64),
    Null,
}

impl From<Cell<'_>> for Value {
    fn from(c: Cell<'_>) -> Value {
        match c {
            Cell::Str(s) => Value::Str(s.into_owned()),
            Cell::Num(x) => Value::Num(x),
            Cell::Int(i) => Value::Int(i),
            Cell::Null => Value::Null,
        }
    }
}

/// A table: its column names and its rows.
#[derive(Debug, Default)]
struct Columns {
    names: Vec<String>,
    rows: Vec<Vec<Value>>,
}

impl Columns {
    fn new(names: &[&str]) -> Columns {
        Columns { names: names.iter().map(|n| n.to_string()).collect(), rows: Vec::new() }
    }

    /// A dict of lists, one per column, in column order.
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let mut cols: Vec<Vec<Value>> = (0..self.names.len()).map(|_| Vec::with_capacity(self.rows.len())).collect();
        for row in self.rows {
            for (c, v) in cols.iter_mut().zip(row) {
                c.push(v);
            }
        }
        let dict = PyDict::new(py);
        for (name, values) in self.names.iter().zip(cols) {
            let mut items: Vec<Bound<'_, PyAny>> = Vec::with_capacity(values.len());
            for v in values {
                items.push(match v {
                    Value::Str(s) => s.into_pyobject(py)?.into_any(),
                    Value::Num(x) => x.into_pyobject(py)?.into_any(),
                    Value::Int(i) => i.into_pyobject(py)?.into_any(),
                    Value::Null => py.None().into_bound(py),
                });
            }
            dict.set_item(name, PyList::new(py, items)?)?;
        }
        Ok(dict)
    }
}

/// An error with where it happened, raised in Python as [`TalignError`].
#[derive(Debug)]
struct Failure {
    message: String,
    path: Option<String>,
    line: Option<u64>,
}

impl Failure {
    fn at(message: String, at: Option<&Location>) -> Failure {
        Failure { message, path: at.map(|l| l.path.display().to_string()), line: at.and_then(|l| l.line) }
    }

    fn into_py(self, py: Python<'_>) -> PyErr {
        let err = TalignError::new_err(self.message);
        let value = err.value(py);
        // Setting attributes on a fresh exception instance does not fail; if it did, the
        // message still says where.
        let _ = value.setattr("path", self.path);
        let _ = value.setattr("line", self.line);
        err
    }
}

impl From<CorpusError> for Failure {
    fn from(e: CorpusError) -> Failure {
        let at = match &e {
            CorpusError::Io { path, .. } | CorpusError::NotACorpus(path) => Some(Location::new(path.clone(), None)),
            CorpusError::InvalidUtf8 { at, .. }
            | CorpusError::Json { at, .. }
            | CorpusError::Csv { at, .. }
            | CorpusError::MissingField { at, .. }
            | CorpusError::UnknownLanguage { at, .. }
            | CorpusError::BadDate { at, .. }
            | CorpusError::MissingText { at, .. }
            | CorpusError::TooLong { at, .. }
            | CorpusError::UndetectableLanguage { at, .. }
            | CorpusError::DuplicateInStream { at, .. } => Some(at.clone()),
            CorpusError::DuplicateId { second, .. } => Some(second.clone()),
            CorpusError::Empty(_) => None,
        };
        Failure::at(e.to_string(), at.as_ref())
    }
}

impl From<WindowError> for Failure {
    fn from(e: WindowError) -> Failure {
        Failure::at(e.to_string(), None)
    }
}

/// What a corpus is named in messages when it is given as records rather than files: the
/// "line" of an error is the record's 1-based position.
const RECORDS: &str = "<records>";

/// Loads a corpus from paths, or from JSON Lines text (records converted by the Python side).
fn load(paths: &[PathBuf], records: Option<&str>, lenient_lang: bool) -> Result<Corpus, Failure> {
    let opts = LoadOptions { lenient_lang };
    match records {
        Some(text) => {
            let corpus = Corpus::from_jsonl_str_with(RECORDS, text, &opts)?;
            if corpus.is_empty() {
                return Err(CorpusError::Empty(RECORDS.into()).into());
            }
            Ok(corpus)
        }
        None if paths.is_empty() => Err(Failure::at("no corpus given".into(), None)),
        None => Ok(Corpus::load_with(paths, &opts)?),
    }
}

/// The table called `which`, as the CLI command that prints it makes it.
fn event_table(which: &str, explain: bool) -> PyResult<EventTable> {
    Ok(match which {
        "align" => EventTable::Links,
        "cluster" => EventTable::Events,
        "pairs" => EventTable::Pairs { inputs: explain },
        "names" => EventTable::Names { explain },
        "sentences" => EventTable::Sentences { explain, within_events: false },
        "sentences-within-events" => EventTable::Sentences { explain, within_events: true },
        _ => return Err(PyValueError::new_err(format!("no table `{which}`"))),
    })
}

/// Loads a corpus, analyses it once and returns the tables asked for (`align`, `cluster`,
/// `pairs`, `names`, `sentences`), with the loader's warnings.
#[pyfunction]
#[pyo3(signature = (which, paths, records=None, lenient_lang=false, explain=false))]
fn tables<'py>(
    py: Python<'py>,
    which: Vec<String>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    lenient_lang: bool,
    explain: bool,
) -> PyResult<(Vec<Bound<'py, PyDict>>, Vec<String>)> {
    let kinds = which.iter().map(|w| event_table(w, explain)).collect::<PyResult<Vec<_>>>()?;
    let done = py.detach(move || -> Result<(Vec<Columns>, Vec<String>), Failure> {
        let corpus = load(&paths, records.as_deref(), lenient_lang)?;
        let opts = Options::default();
        let a = Analysis::with_options(&corpus, &opts);
        let mut out = Vec::with_capacity(kinds.len());
        for kind in kinds {
            let mut cols = Columns::new(&kind.columns());
            let done: Result<(), std::convert::Infallible> = kind.rows(&a, &opts.passages, |r| {
                cols.rows.push(r.into_iter().map(Value::from).collect());
                Ok(())
            });
            let Ok(()) = done;
            out.push(cols);
        }
        Ok((out, corpus.warnings().to_vec()))
    });
    let (tables, warnings) = done.map_err(|f| f.into_py(py))?;
    let dicts = tables.into_iter().map(|t| t.into_py(py)).collect::<PyResult<Vec<_>>>()?;
    Ok((dicts, warnings))
}

/// Reads a name list file as the CLI does: UTF-8, one name per line, blank lines skipped;
/// an error names the file and line.
#[pyfunction]
fn read_names(py: Python<'_>, path: PathBuf) -> PyResult<Vec<String>> {
    let read = py.detach(|| talign::input::read_name_list(&path));
    match read {
        Ok(lines) => Ok(lines.into_iter().map(|l| l.text).collect()),
        Err(e) => {
            let message = format!("{e:#}");
            let label = talign::input::label(&path);
            Err(Failure { line: line_of(&message, &label), path: Some(label), message }.into_py(py))
        }
    }
}

/// Adds lexicon tables to the built-in lexicon, as `--lexicon` does; before anything reads
/// it in this process. An error names the file and line.
#[pyfunction]
fn extend_lexicon(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<()> {
    let done = py.detach(|| talign::input::extend_lexicon(&paths));
    done.map_err(|e| {
        let message = format!("{e:#}");
        let file = paths.iter().map(|p| talign::input::label(p)).find(|l| message.starts_with(l.as_str()));
        let line = file.as_deref().and_then(|l| line_of(&message, l));
        Failure { line, path: file, message }.into_py(py)
    })
}

/// Reads a statistics file (`talign corpus stats`), as a [`Failure`] naming the file (and
/// the line) when it cannot be used.
fn read_stats(path: &std::path::Path) -> Result<std::sync::Arc<talign_events::stats::Stats>, Failure> {
    talign::input::read_stats(path).map(std::sync::Arc::new).map_err(|e| {
        let message = format!("{e:#}");
        let label = talign::input::label(path);
        Failure { line: line_of(&message, &label), path: Some(label), message }
    })
}

/// Writes the statistics of the whole corpus to `out` (the file `talign corpus stats`
/// writes), for windows to be weighed with.
#[pyfunction]
#[pyo3(signature = (paths, records, lenient_lang, out))]
fn corpus_stats(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    lenient_lang: bool,
    out: PathBuf,
) -> PyResult<()> {
    let done = py.detach(move || -> Result<(), Failure> {
        let corpus = load(&paths, records.as_deref(), lenient_lang)?;
        let a = Analysis::new(&corpus);
        let bytes = talign::input::stats_json(&a.stats()).map_err(|e| Failure::at(format!("{e:#}"), None))?;
        talign::table::write_atomic(&out, &bytes).map_err(|e| Failure {
            message: format!("{e:#}"),
            path: Some(out.display().to_string()),
            line: None,
        })
    });
    done.map_err(|f| f.into_py(py))
}

/// The line number of a message that starts `{label}:{line}:`.
fn line_of(message: &str, label: &str) -> Option<u64> {
    let rest = message.strip_prefix(label)?.strip_prefix(':')?;
    let (line, _) = rest.split_once(':')?;
    line.parse().ok()
}

/// `names normalize`: input,script,normalized,latin,key (and phonemes,entity with `explain`).
/// `romanization` is `rules`, `readable` or `iso` (`vowels` means `readable`).
#[pyfunction]
#[pyo3(signature = (names, vowels=false, explain=false, romanization=None))]
fn normalize<'py>(
    py: Python<'py>,
    names: Vec<String>,
    vowels: bool,
    explain: bool,
    romanization: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    let how = match romanization {
        None if vowels => Romanization::Readable,
        None => Romanization::Rules,
        Some(r) => {
            let how: Romanization = r.parse().map_err(PyValueError::new_err)?;
            if vowels && how != Romanization::Readable {
                return Err(PyValueError::new_err(format!(
                    "vowels=True means romanization=\"readable\": it cannot be given with romanization={r:?}"
                )));
            }
            how
        }
    };
    let cols = py.detach(move || {
        use rayon::prelude::*;
        let lex = Lexicon::builtin();
        let mut headers = vec!["input", "script", "normalized", "latin", "key"];
        if explain {
            headers.extend(["phonemes", "entity"]);
        }
        let mut cols = Columns::new(&headers);
        cols.rows = names
            .par_iter()
            .map_init(Reading::default, |reading, text| {
                if explain {
                    let n = Name::with_lexicon(text, lex);
                    let latin = n.romanize_as(how);
                    vec![
                        Value::Str(text.clone()),
                        Value::Str(n.orthography().code().into()),
                        Value::Str(n.clean().into()),
                        Value::Str(latin),
                        Value::Str(n.key()),
                        Value::Str(n.phonemes().join(" ")),
                        n.entity().map_or(Value::Null, |e| Value::Str(lex.entity(e).canonical.clone())),
                    ]
                } else {
                    Name::read_into_as(text, reading, how);
                    vec![
                        Value::Str(text.clone()),
                        Value::Str(reading.orthography.code().into()),
                        Value::Str(reading.clean.clone()),
                        Value::Str(reading.latin.clone()),
                        Value::Str(reading.key.clone()),
                    ]
                }
            })
            .collect();
        cols
    });
    cols.into_py(py)
}

/// `names pair`: left,right,score (and rank with `top`, explanation with `explain`).
#[pyfunction]
#[pyo3(signature = (left, right, top=None, min_score=None, explain=false, lexicon=true, shortlist=talign_names::DEFAULT_SHORTLIST))]
#[allow(clippy::too_many_arguments)]
fn pair<'py>(
    py: Python<'py>,
    left: Vec<String>,
    right: Vec<String>,
    top: Option<usize>,
    min_score: Option<f64>,
    explain: bool,
    lexicon: bool,
    shortlist: usize,
) -> PyResult<Bound<'py, PyDict>> {
    if top == Some(0) {
        return Err(PyValueError::new_err("top must be 1 or more"));
    }
    if shortlist == 0 {
        return Err(PyValueError::new_err("shortlist must be 1 or more"));
    }
    if let Some(s) = min_score
        && !(0.0..=1.0).contains(&s)
    {
        return Err(PyValueError::new_err(format!("min_score must be a number from 0 to 1, not {s}")));
    }
    let cols = py.detach(move || {
        let empty = Lexicon::empty();
        let lex = if lexicon { Lexicon::builtin() } else { &empty };
        let right_texts: Vec<&str> = right.iter().map(String::as_str).collect();
        let index = NameIndex::new(&right_texts, lex).with_shortlist(shortlist);
        let k = top.unwrap_or(1);
        // One row per name, or K with `top`: ranks without a candidate have no `right`.
        let rows_wanted = if top.is_some() { k.min(right.len()).max(1) } else { 1 };
        let mut headers = vec!["left", "right", "score"];
        if top.is_some() {
            headers.push("rank");
        }
        if explain {
            headers.push("explanation");
        }
        let mut cols = Columns::new(&headers);
        let queries: Vec<Name> = left.iter().map(|t| Name::with_lexicon(t, lex)).collect();
        let results: Vec<Vec<Hit>> = index.query_all(&queries, k);
        for (text, hits) in left.iter().zip(&results) {
            for (rank, h) in hits.iter().enumerate() {
                let below = min_score.is_some_and(|s| f64::from(h.matched.score) < s);
                let mut row = vec![
                    Value::Str(text.clone()),
                    if below { Value::Null } else { Value::Str(right[h.index].clone()) },
                    Value::from(Cell::from(h.matched.score)),
                ];
                if top.is_some() {
                    row.push(Value::Int(rank as i64 + 1));
                }
                if explain {
                    row.push(Value::Str(h.matched.explain()));
                }
                cols.rows.push(row);
            }
            for rank in hits.len()..rows_wanted {
                let mut row = vec![Value::Str(text.clone()), Value::Null, Value::Null];
                if top.is_some() {
                    row.push(Value::Int(rank as i64 + 1));
                }
                if explain {
                    let why = if hits.is_empty() { "no candidate shares a sound" } else { "no further candidate" };
                    row.push(Value::Str(why.into()));
                }
                cols.rows.push(row);
            }
        }
        cols
    });
    cols.into_py(py)
}

/// The documents of a corpus as loaded (id, lang, source, published, title, url, text),
/// `published` as given (not read from the text).
#[pyfunction]
#[pyo3(signature = (paths, records=None, lenient_lang=false))]
fn read_corpus<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    lenient_lang: bool,
) -> PyResult<(Bound<'py, PyDict>, Vec<String>)> {
    let done = py.detach(move || -> Result<(Columns, Vec<String>), Failure> {
        let corpus = load(&paths, records.as_deref(), lenient_lang)?;
        let mut cols = Columns::new(&["id", "lang", "source", "published", "title", "url", "text"]);
        let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::Str);
        for d in corpus.docs() {
            cols.rows.push(vec![
                Value::Str(d.id.clone()),
                Value::Str(d.lang.code().into()),
                text(&d.source),
                d.published.map_or(Value::Null, |p| Value::Str(p.to_string())),
                text(&d.title),
                text(&d.url),
                Value::Str(d.text.clone()),
            ]);
        }
        Ok((cols, corpus.warnings().to_vec()))
    });
    let (cols, warnings) = done.map_err(|f| f.into_py(py))?;
    Ok((cols.into_py(py)?, warnings))
}

/// Which documents (positions in load order) each window of `days` days overlapping by
/// `overlap` days holds: `(index, first day, last day, positions, home positions)` per
/// window, in order.
#[pyfunction]
#[pyo3(signature = (paths, records, lenient_lang, days, overlap))]
#[allow(clippy::type_complexity)]
fn plan_windows(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    lenient_lang: bool,
    days: i64,
    overlap: i64,
) -> PyResult<Vec<(i64, String, String, Vec<usize>, Vec<usize>)>> {
    let done = py.detach(move || -> Result<_, Failure> {
        let spec = WindowSpec::new(days, overlap)?;
        let corpus = load(&paths, records.as_deref(), lenient_lang)?;
        let dates: Vec<_> = corpus.docs().iter().map(window::document_date).collect();
        let plan = window::plan_windows(&dates, spec)?;
        Ok(plan.into_iter().map(|w| (w.index, w.start.to_string(), w.last.to_string(), w.docs, w.home)).collect())
    });
    done.map_err(|f| f.into_py(py))
}

/// Clusters one window's documents on their own: the events as indices into the window's
/// documents (events in order of their first document), and each document's publication
/// date as the pipeline read it. A pure function of its input: safe to run again.
#[pyfunction]
#[pyo3(signature = (paths, records=None, lenient_lang=false, stats=None))]
#[allow(clippy::type_complexity)]
fn cluster_window(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    lenient_lang: bool,
    stats: Option<PathBuf>,
) -> PyResult<(Vec<Vec<usize>>, Vec<Option<String>>)> {
    let done = py.detach(move || -> Result<_, Failure> {
        let stats = stats.as_deref().map(read_stats).transpose()?;
        let corpus = load(&paths, records.as_deref(), lenient_lang)?;
        let w = window::cluster_window_with(corpus.docs(), &Options::default(), stats.as_deref())?;
        Ok((w.clusters, w.published.into_iter().map(|p| p.map(|p| p.to_string())).collect()))
    });
    done.map_err(|f| f.into_py(py))
}

/// Merges the clusters of overlapping windows, each `(index, home positions, clusters of
/// positions)`: a document takes its event from its home window, and clusters of windows
/// `k` and `k + 1` join when they share the majority of their overlap documents. Events
/// list their members ascending and come in order of their smallest member, whatever the
/// order of the input.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn merge_windows(py: Python<'_>, windows: Vec<(i64, Vec<u64>, Vec<Vec<u64>>)>) -> Vec<Vec<u64>> {
    py.detach(move || {
        window::merge_windows(windows.into_iter().map(|(index, home, clusters)| window::WindowEvents {
            index,
            home,
            clusters,
        }))
    })
}

/// The windowed `events cluster` on one machine: the documents go through a stream holding
/// only the open windows. Columns event,doc,lang,published,title; events in order of their
/// first document, numbered as the whole-corpus run numbers them.
#[pyfunction]
#[pyo3(signature = (paths, records, lenient_lang, days, overlap, stats=None))]
fn cluster_windowed<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    lenient_lang: bool,
    days: i64,
    overlap: i64,
    stats: Option<PathBuf>,
) -> PyResult<Bound<'py, PyDict>> {
    let done = py.detach(move || -> Result<Columns, Failure> {
        let spec = WindowSpec::new(days, overlap)?;
        let stats = stats.as_deref().map(read_stats).transpose()?;
        let corpus = load(&paths, records.as_deref(), lenient_lang)?;
        let mut w = Windower::with_stats(spec, &Options::default(), stats);
        let mut events = Vec::new();
        for d in corpus.docs() {
            events.extend(w.push(d.clone())?);
        }
        events.extend(w.finish()?);
        // Events come as they finish; the whole run numbers them by first document.
        events.sort_by_key(|e: &Vec<window::EventDoc>| e[0].position);
        let ids = EventIds::new(events.len());
        let docs = corpus.docs();
        let mut cols = Columns::new(&EventTable::Events.columns());
        for (n, event) in events.iter().enumerate() {
            for e in event {
                let d = &docs[e.position];
                cols.rows.push(vec![
                    Value::Str(ids.id(n)),
                    Value::Str(d.id.clone()),
                    Value::Str(d.lang.code().into()),
                    e.published.map_or(Value::Null, |p| Value::Str(p.to_string())),
                    d.title.clone().map_or(Value::Null, Value::Str),
                ]);
            }
        }
        Ok(cols)
    });
    done.map_err(|f| f.into_py(py))?.into_py(py)
}

/// The windowed `export names` on one machine: each document's names read in its home
/// window (with the whole corpus's frequent words when `stats` is given), then resolved
/// over the whole stream. Columns canonical,kind,bn,fa,docs,mentions (and canonical_from).
#[pyfunction]
#[pyo3(signature = (paths, records, lenient_lang, days, overlap, explain, stats=None))]
#[allow(clippy::too_many_arguments)]
fn names_windowed<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    records: Option<String>,
    lenient_lang: bool,
    days: i64,
    overlap: i64,
    explain: bool,
    stats: Option<PathBuf>,
) -> PyResult<Bound<'py, PyDict>> {
    let done = py.detach(move || -> Result<Columns, Failure> {
        let spec = WindowSpec::new(days, overlap)?;
        let stats = stats.as_deref().map(read_stats).transpose()?;
        let corpus = load(&paths, records.as_deref(), lenient_lang)?;
        let mut w = Windower::with_names(spec, stats);
        let mut names = window::NameCollector::new();
        for d in corpus.docs() {
            w.push(d.clone())?;
            names.take(&mut w);
        }
        w.finish()?;
        names.take(&mut w);
        let (resolution, ids) = names.finish();
        let mut cols = Columns::new(&EventTable::Names { explain }.columns());
        let done: Result<(), std::convert::Infallible> = talign::tables::entity_rows(
            &resolution,
            |d| ids[d as usize].as_str(),
            explain,
            |cells| {
                cols.rows.push(cells.into_iter().map(Value::from).collect());
                Ok(())
            },
        );
        let Ok(()) = done;
        Ok(cols)
    });
    done.map_err(|f| f.into_py(py))?.into_py(py)
}

/// The native module.
#[pymodule]
fn _talign(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("TalignError", m.py().get_type::<TalignError>())?;
    m.add("DEFAULT_SHORTLIST", talign_names::DEFAULT_SHORTLIST)?;
    m.add_function(wrap_pyfunction!(tables, m)?)?;
    m.add_function(wrap_pyfunction!(read_names, m)?)?;
    m.add_function(wrap_pyfunction!(extend_lexicon, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(pair, m)?)?;
    m.add_function(wrap_pyfunction!(read_corpus, m)?)?;
    m.add_function(wrap_pyfunction!(plan_windows, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_window, m)?)?;
    m.add_function(wrap_pyfunction!(merge_windows, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_windowed, m)?)?;
    m.add_function(wrap_pyfunction!(names_windowed, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_stats, m)?)?;
    Ok(())
}
