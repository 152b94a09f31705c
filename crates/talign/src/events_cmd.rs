//! `talign events align|cluster`, `talign export names|sentences` and `talign report`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use talign_corpus::{Corpus, Date, LoadOptions};
use talign_events::stats::Stats;
use talign_events::{Analysis, Options, Stage};

use crate::progress::Progress;
use crate::{CorpusArgs, Output, ReportFormat};
use talign::table::{self, Staged, TableWriter, write_rows, write_table};
use talign::tables::{EventTable, sentence_rows_counted};

/// Loads the corpora named on the command line, or the built-in seeds when there are none.
pub(crate) fn load(args: &CorpusArgs) -> Result<Corpus> {
    let progress = Progress::spinner("loading documents");
    let corpus = if args.corpus.is_empty() {
        talign::seeds::corpus().context("loading the built-in seed corpus")?
    } else {
        Corpus::load_with(&args.corpus, &LoadOptions { lenient_lang: args.lenient_lang })?
    };
    drop(progress);
    for w in corpus.warnings() {
        eprintln!("talign: warning: {w}");
    }
    Ok(corpus)
}

/// Runs the analysis, showing its stages on `progress`.
fn analyse<'c>(corpus: &'c Corpus, opts: &Options, progress: &Progress) -> Analysis<'c> {
    analyse_with(corpus, opts, None, progress)
}

/// [`analyse`], with a whole corpus's statistics when given.
fn analyse_with<'c>(corpus: &'c Corpus, opts: &Options, stats: Option<&Stats>, progress: &Progress) -> Analysis<'c> {
    progress.count("documents analysed", corpus.len() as u64);
    Analysis::with_stats(corpus, opts, stats, &|stage| match stage {
        Stage::Extracted { done, total } if done < total => progress.set(done as u64),
        Stage::Extracted { .. } => progress.spin("resolving names across documents"),
        Stage::Resolved => progress.spin("scoring and linking document pairs"),
        Stage::Linked => progress.spin("grouping documents into events"),
        Stage::Grouped => progress.spin("linking documents inside events"),
    })
}

/// Learns what passage alignment learns from the corpus, then counts links as their
/// passages are aligned.
fn start_passages(a: &Analysis<'_>, opts: &Options, links: usize, progress: &Progress) {
    progress.spin("learning sentence boundaries and word translations");
    a.prepare_passages(&opts.passages);
    progress.count("links aligned", links as u64);
}

fn emit(table: &table::Table, out: &Output) -> Result<()> {
    write_table(out.output.as_deref(), table, out.format)
}

/// `talign corpus docs`.
pub(crate) fn corpus_docs(args: &CorpusArgs, out: &Output) -> Result<()> {
    let corpus = load(args)?;
    let mut t = table::Table::new(&[
        "doc",
        "lang",
        "published",
        "published_from",
        "title",
        "sentences",
        "chars",
        "happened",
        "happened_from",
    ]);
    for d in corpus.docs() {
        let (published, from) = match d.published {
            Some(p) => (Some(p), Some("corpus")),
            None => match talign_events::temporal::published_with_source(&d.text, d.url.as_deref()) {
                Some((p, talign_events::temporal::PublishedFrom::Url)) => (Some(p), Some("url")),
                Some((p, _)) => (Some(p), Some("text")),
                None => (None, None),
            },
        };
        let dates = talign_events::temporal::find_dates(&d.text, published);
        let when = talign_events::when::when_in_page(&d.text, d.url.as_deref(), &dates, published);
        t.push(vec![
            d.id.as_str().into(),
            d.lang.code().into(),
            published.map(|p| p.to_string()).into(),
            from.into(),
            d.title.clone().into(),
            d.sentences().len().into(),
            d.text.chars().count().into(),
            when.map(|w| window_text(w.window)).into(),
            when.map(|w| w.source.name()).into(),
        ]);
    }
    emit(&t, out)
}

/// A happening's window as ISO days (`2024-01-16`, `2024-01-13..2024-01-16`), or as days of
/// an unknown year (`--01-16`).
fn window_text(w: talign_events::cluster::Window) -> String {
    use talign_events::cluster::Window;
    let (lo, hi, year) = match w {
        Window::Days(lo, hi) => (lo, hi, true),
        Window::DaysOfYear(lo, hi) => (lo, hi, false),
    };
    let day = |n: i64| {
        if year {
            Date::from_days_since_epoch(n).to_string()
        } else {
            // A day of a common year, its year left out.
            let d = Date::from_days_since_epoch(Date::from_ymd(2023, 1, 1).map_or(0, |j| j.days_since_epoch()) + n - 1);
            format!("--{:02}-{:02}", d.month(), d.day())
        }
    };
    if lo == hi { day(lo) } else { format!("{}..{}", day(lo), day(hi)) }
}

/// `talign corpus sentences`.
pub(crate) fn corpus_sentences(args: &CorpusArgs, out: &Output) -> Result<()> {
    let corpus = load(args)?;
    let mut t = table::Table::new(&["doc", "index", "start", "end", "text"]);
    for d in corpus.docs() {
        for (i, s) in d.sentences().iter().enumerate() {
            t.push(vec![d.id.as_str().into(), i.into(), s.start.into(), s.end.into(), s.text.into()]);
        }
    }
    emit(&t, out)
}

/// `talign corpus cuts`.
pub(crate) fn corpus_cuts(args: &CorpusArgs, out: &Output) -> Result<()> {
    let corpus = load(args)?;
    let model = talign_events::boundaries::BoundaryModel::new(corpus.docs().iter().map(|d| (d.lang, d.text.as_str())));
    let mut t = table::Table::new(&["doc", "sentence", "offset", "probability", "before", "after"]);
    for d in corpus.docs() {
        for (i, s) in d.sentences().iter().enumerate() {
            for c in model.cuts(d.lang, s.text) {
                let before = s.text[..c.at].split_whitespace().next_back().unwrap_or_default();
                let after = s.text[c.at..].split_whitespace().next().unwrap_or_default();
                t.push(vec![
                    d.id.as_str().into(),
                    i.into(),
                    (s.start + c.at).into(),
                    c.probability.into(),
                    before.into(),
                    after.into(),
                ]);
            }
        }
    }
    emit(&t, out)
}

/// `talign corpus facts`.
pub(crate) fn corpus_facts(args: &CorpusArgs, out: &Output) -> Result<()> {
    let corpus = load(args)?;
    let a = Analysis::new(&corpus);
    let mut t = table::Table::new(&["doc", "kind", "start", "end", "text", "value", "note"]);
    for (d, doc) in corpus.docs().iter().enumerate() {
        let f = a.facts(d);
        let id = doc.id.as_str();
        let mut rows: Vec<(usize, usize, &str, String, String)> = Vec::new();
        for (m, &e) in f.mentions.iter().zip(&a.resolution.doc_entities[d]) {
            let ent = &a.resolution.entities[e as usize];
            let source = format!("{:?}", m.source).to_lowercase();
            // An unconfirmed candidate counts (weakly) only where the corpus writes it in two
            // scripts; otherwise it carries no evidence.
            let note = if ent.confirmed {
                source
            } else if ent.variants.len() >= 2 {
                format!("{source}, unconfirmed, in two scripts")
            } else {
                format!("{source}, unconfirmed, ignored")
            };
            rows.push((m.start, m.end, "name", ent.canonical().to_owned(), note));
        }
        for dm in &f.dates {
            let value = serde_json::to_string(&dm.value).unwrap_or_default();
            let note = dm.note.map(|n| format!("{n:?}").to_lowercase()).unwrap_or_default();
            rows.push((dm.start, dm.end, "date", value, note));
        }
        for (n, unit) in f.numbers.iter().zip(&f.units) {
            // A figure with a unit is read in metric units too, as a translator rounds it.
            let note = unit.map(|m| talign_events::measures::labels(n.value, m).join(" ")).unwrap_or_default();
            rows.push((n.start, n.end, "number", n.value.to_string(), note));
        }
        for e in &f.events {
            rows.push((e.start, e.end, "event", e.concept.clone(), String::new()));
        }
        for &(start, end) in a.furniture(d) {
            let end = start + doc.text[start..end].trim_end().len();
            rows.push((start, end, "furniture", String::new(), "repeated on the site or the corpus".into()));
        }
        for (start, end) in talign_events::furniture::urls(&doc.text) {
            rows.push((start, end, "furniture", String::new(), "web address".into()));
        }
        if let Some(w) = a.whens[d] {
            let value = match w.window {
                talign_events::cluster::Window::Days(lo, hi) => {
                    let (lo, hi) = (Date::from_days_since_epoch(lo), Date::from_days_since_epoch(hi));
                    if lo == hi { lo.to_string() } else { format!("{lo}/{hi}") }
                }
                talign_events::cluster::Window::DaysOfYear(lo, hi) => format!("day {lo}–{hi} of an unknown year"),
            };
            let note = format!("happening, from {:?}", w.source).to_lowercase();
            rows.push((0, 0, "when", value, note));
        }
        rows.sort_by(|x, y| (x.0, x.1, x.2).cmp(&(y.0, y.1, y.2)));
        for (start, end, kind, value, note) in rows {
            let text = doc.text.get(start..end).unwrap_or_default();
            t.push(vec![id.into(), kind.into(), start.into(), end.into(), text.into(), value.into(), note.into()]);
        }
    }
    emit(&t, out)
}

/// The tables the event commands print.
pub(crate) type Table = EventTable;

/// Loads the corpus, runs the analysis (weighing the documents with a whole corpus's
/// statistics when given) and prints one table, a row at a time as it is made.
pub(crate) fn run_with(
    which: Table,
    args: &CorpusArgs,
    opts: &Options,
    stats: Option<&Stats>,
    out: &Output,
) -> Result<()> {
    if let EventTable::Sentences { explain, within_events } = which {
        return sentences(args, opts, explain, within_events, out);
    }
    let corpus = load(args)?;
    let progress = Progress::spinner("analysing");
    let a = analyse_with(&corpus, opts, stats, &progress);
    progress.spin("writing");
    write_rows(out.output.as_deref(), out.format, &which.columns(), &mut |w| {
        which.rows(&a, &opts.passages, |r| w.row(&r))
    })?;
    Ok(())
}

/// `export sentences`: the passages of the linked pairs, or with `within_events` of every
/// pair the aligner scored inside one event ([`Analysis::event_pairs`]).
pub(crate) fn sentences(
    args: &CorpusArgs,
    opts: &Options,
    explain: bool,
    within_events: bool,
    out: &Output,
) -> Result<()> {
    sentences_of(args, opts, None, explain, within_events, out)
}

/// `export sentences --stats FILE` (without windows): the links' passages, the documents
/// weighed with a whole corpus's statistics.
pub(crate) fn sentences_with(
    args: &CorpusArgs,
    opts: &Options,
    stats: Option<&Stats>,
    explain: bool,
    out: &Output,
) -> Result<()> {
    sentences_of(args, opts, stats, explain, false, out)
}

fn sentences_of(
    args: &CorpusArgs,
    opts: &Options,
    stats: Option<&Stats>,
    explain: bool,
    within_events: bool,
    out: &Output,
) -> Result<()> {
    let corpus = load(args)?;
    let progress = Progress::spinner("analysing");
    let mut a = analyse_with(&corpus, opts, stats, &progress);
    let event_pairs = pairs_then_release(&mut a, &opts.passages, within_events);
    let links = event_pairs.as_deref().unwrap_or(&a.links);
    start_passages(&a, opts, links.len(), &progress);
    let which = EventTable::Sentences { explain, within_events };
    write_rows(out.output.as_deref(), out.format, &which.columns(), &mut |w| {
        sentence_rows_counted(&a, links, &opts.passages, explain, &mut || progress.inc(), |r| w.row(&r))
    })?;
    Ok(())
}

/// The pairs whose passages are shown when they are not the links (`--within-events`: every
/// scored pair of an event; else the links and the unlinked reports of
/// [`Analysis::shown_pairs`], `None` when there are none), then frees what scored the pairs:
/// nothing after it reads them (the links carry their evidence).
fn pairs_then_release(
    a: &mut Analysis<'_>,
    opts: &talign_events::passages::PassageOptions,
    within_events: bool,
) -> Option<Vec<talign_events::align::Link>> {
    let shown = if within_events { a.event_pairs(opts) } else { a.shown_pairs(opts) };
    a.release_pair_scoring();
    (within_events || shown.len() > a.links.len()).then_some(shown)
}

/// `export sentences --pairs FILE` (the passages of the given document pairs, linked or
/// not) and `--timing` (how long alignment took, apart from loading, linking and learning).
pub(crate) fn sentences_for_pairs(
    args: &CorpusArgs,
    opts: &Options,
    pairs: Option<&Path>,
    explain: bool,
    within_events: bool,
    timing: bool,
    out: &Output,
) -> Result<()> {
    let start = std::time::Instant::now();
    let corpus = load(args)?;
    let mut given = pairs.map(|p| read_pairs(&corpus, p)).transpose()?;
    let a = Analysis::with_options(&corpus, opts);
    // Learnt before the shown pairs are chosen (which may need the tables), so that the
    // timing tells learning from linking.
    let analysed = start.elapsed();
    if timing {
        a.prepare_passages(&opts.passages);
    }
    let learnt = start.elapsed() - analysed;
    if given.is_none() {
        given = Some(if within_events { a.event_pairs(&opts.passages) } else { a.shown_pairs(&opts.passages) });
    }
    let links = given.as_deref().unwrap_or(&a.links);
    if timing {
        let t = std::time::Instant::now();
        let mut sentences = 0;
        for l in links {
            let pairs = a.passages(l, &opts.passages);
            std::hint::black_box(&pairs);
        }
        let aligned = t.elapsed();
        for l in links {
            sentences += corpus.docs()[l.left].sentences().len() + corpus.docs()[l.right].sentences().len();
        }
        let secs = aligned.as_secs_f64();
        eprintln!(
            "talign: timing: load+extract+link {:.3} s; learning {:.3} s; alignment of {} pairs ({} sentences) {:.3} s: {:.3} ms per pair, {:.0} sentences/s",
            analysed.as_secs_f64(),
            learnt.as_secs_f64(),
            links.len(),
            sentences,
            secs,
            1000.0 * secs / links.len().max(1) as f64,
            sentences as f64 / secs.max(1e-9)
        );
    }
    let which = EventTable::Sentences { explain, within_events };
    write_rows(out.output.as_deref(), out.format, &which.columns(), &mut |w| {
        sentence_rows_counted(&a, links, &opts.passages, explain, &mut || {}, |r| w.row(&r))
    })?;
    Ok(())
}

/// Reads a `left,right` CSV of document ids; an unknown id is an error naming file and line.
fn read_pairs(corpus: &Corpus, pairs: &Path) -> Result<Vec<talign_events::align::Link>> {
    let index: std::collections::HashMap<&str, usize> =
        corpus.docs().iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let mut rdr = csv::Reader::from_path(pairs).with_context(|| format!("reading {}", pairs.display()))?;
    let headers = rdr.headers().with_context(|| format!("{}: line 1", pairs.display()))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("{}: line 1: no `{name}` column", pairs.display()))
    };
    let (left, right) = (col("left")?, col("right")?);
    let mut links = Vec::new();
    for (k, rec) in rdr.records().enumerate() {
        let line = k + 2;
        let rec = rec.with_context(|| format!("{}: line {line}", pairs.display()))?;
        let doc = |c: usize| -> Result<usize> {
            let id = rec.get(c).unwrap_or_default();
            index.get(id).copied().with_context(|| format!("{}: line {line}: no document `{id}`", pairs.display()))
        };
        let (l, r) = (doc(left)?, doc(right)?);
        links.push(talign_events::align::Link {
            left: l.min(r),
            right: l.max(r),
            score: 0.0,
            evidence: "given".into(),
            relation: talign_events::align::Relation::Report,
        });
    }
    Ok(links)
}

/// A hidden directory beside `dir` to fill before renaming it to `dir`.
fn staging_dir(dir: &Path) -> PathBuf {
    let parent = dir.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "report".into());
    parent.join(format!(".{name}.tmp-{}", std::process::id()))
}

/// `talign report`: every table into `dir`, or the HTML pages (see [`talign::html`]).
/// Each file is written as it is made into a temporary file beside its destination, and
/// all of them are renamed into place at the end: a run that fails or is interrupted
/// leaves the report that was there whole.
pub(crate) fn report(
    args: &CorpusArgs,
    opts: &Options,
    dir: &Path,
    format: ReportFormat,
    within_events: bool,
) -> Result<()> {
    let corpus = load(args)?;
    let progress = Progress::spinner("analysing");
    let mut a = analyse(&corpus, opts, &progress);
    let event_pairs = pairs_then_release(&mut a, &opts.passages, within_events);
    let shown = event_pairs.as_deref().unwrap_or(&a.links);
    // A new directory is filled beside it under a temporary name and renamed into place, so
    // that an interrupted or failed report leaves no empty or partial directory.
    let staging = (!dir.exists()).then(|| staging_dir(dir));
    let target = staging.as_deref().unwrap_or(dir);
    std::fs::create_dir_all(target).with_context(|| format!("creating {}", dir.display()))?;
    let mut summary = String::new();
    let mut pages: Option<Vec<String>> = None;
    let mut write_all = || -> Result<()> {
        let mut staged = Staged::new();
        start_passages(&a, opts, shown.len(), &progress);
        match format.table() {
            Some(format) => {
                let tables = [
                    ("links", EventTable::Links),
                    ("events", EventTable::Events),
                    ("names", EventTable::Names { explain: false }),
                    ("sentences", EventTable::Sentences { explain: false, within_events: false }),
                ];
                let mut rows = [0usize; 4];
                for ((name, which), n) in tables.into_iter().zip(&mut rows) {
                    let path = target.join(format!("{name}.{}", format.extension()));
                    staged.write(&path, &mut |out| {
                        let mut w = TableWriter::new(format, &which.columns(), out)?;
                        match which {
                            EventTable::Sentences { explain, .. } => sentence_rows_counted(
                                &a,
                                shown,
                                &opts.passages,
                                explain,
                                &mut || progress.inc(),
                                |r| w.row(&r),
                            )?,
                            _ => which.rows(&a, &opts.passages, |r| w.row(&r))?,
                        }
                        *n = w.finish()?;
                        Ok(())
                    })?;
                }
                summary = format!("{} names, {} passage pairs", rows[2], rows[3]);
            }
            None => {
                let mut emit = |name: &str, bytes: &[u8]| -> Result<()> {
                    staged.write(&target.join(name), &mut |out| {
                        out.write_all(bytes)?;
                        Ok(())
                    })
                };
                let written = talign::html::write_pairs(
                    &a,
                    shown,
                    &opts.passages,
                    talign::html::Limits::default(),
                    &mut emit,
                    &mut || progress.inc(),
                )?;
                pages = Some(written.files.clone());
                summary = format!(
                    "{} names, {} passage pairs, {} pages ({:.1} MB)",
                    written.names,
                    written.passages,
                    written.files.len(),
                    written.bytes.iter().sum::<usize>() as f64 / 1e6
                );
            }
        }
        staged.commit()?;
        if let (None, Some(files)) = (&staging, &pages) {
            remove_stale_pages(dir, files);
        }
        Ok(())
    };
    let written = write_all();
    if let Some(tmp) = &staging {
        let renamed = written.and_then(|()| {
            std::fs::rename(tmp, dir).with_context(|| format!("{}: cannot create the directory", dir.display()))
        });
        if renamed.is_err() {
            let _ = std::fs::remove_dir_all(tmp);
        }
        renamed?;
    } else {
        written?;
    }
    drop(progress);
    if !crate::progress::quiet() {
        eprintln!(
            "talign: {} documents, {} links, {} events, {summary} → {}",
            corpus.len(),
            a.links.len(),
            a.events.iter().max().map_or(0, |m| m + 1),
            dir.display()
        );
    }
    Ok(())
}

/// Removes the split pages of an earlier HTML report in `dir` that this one did not write
/// (`events-N.html`, `names-N.html`, `overview-N.html`), so that no page links into an
/// older report. Called once the new pages are in place.
fn remove_stale_pages(dir: &Path, files: &[String]) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let page = ["events-", "names-", "overview-"].iter().any(|k| {
            name.strip_prefix(k)
                .and_then(|r| r.strip_suffix(".html"))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        });
        if page && !files.contains(&name) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A file removed when dropped (the spill of a windowed run).
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// What a windowed command does with each batch of finished events, given the windower
/// (to take what else it hands out).
type Finished<'f> =
    dyn FnMut(&mut talign_events::window::Windower, Vec<Vec<talign_events::window::EventDoc>>) -> Result<()> + 'f;

/// Reads the corpora as a stream into `windower`, handing each batch of finished events to
/// `finished` as they come (in the order they finish), with the windower (to take what else
/// it hands out), with progress on a spinner.
fn stream_windows(
    args: &CorpusArgs,
    windower: &mut talign_events::window::Windower,
    progress: &Progress,
    finished: &mut Finished<'_>,
) -> Result<()> {
    let mut stream = Corpus::stream(&args.corpus, &LoadOptions { lenient_lang: args.lenient_lang });
    let mut reported = 0usize;
    while let Some(doc) = stream.next() {
        let doc = doc?;
        for warning in stream.take_warnings() {
            eprintln!("talign: warning: {warning}");
        }
        let events = windower.push(doc)?;
        finished(windower, events)?;
        if windower.stats().0 > reported {
            reported = windower.stats().0;
            progress.spin(&format!("{reported} windows clustered, {read} documents read", read = windower.read()));
        }
    }
    for warning in stream.take_warnings() {
        eprintln!("talign: warning: {warning}");
    }
    let events = windower.finish()?;
    finished(windower, events)
}

/// The closing summary of a windowed run on standard error (unless quiet): documents,
/// windows (clustered, and the most documents one held), then `counts`.
fn summarize_windows(
    spec: talign_events::window::WindowSpec,
    (windows, largest): (usize, usize),
    docs: usize,
    counts: &str,
) {
    if !crate::progress::quiet() {
        let s = if windows == 1 { "" } else { "s" };
        eprintln!(
            "talign: {docs} documents in {windows} window{s} of {} days overlapping by {} (at most {largest} documents in one), {counts}",
            spec.days(),
            spec.overlap()
        );
    }
}

/// A spill file of a windowed run: JSON rows, one a line, written as events finish and
/// read back by offset when the table is written in the whole run's order. Removed when
/// dropped.
struct Spill {
    file: TempFile,
    writer: std::io::BufWriter<std::fs::File>,
    /// Where the next row starts.
    at: u64,
}

impl Spill {
    /// A spill file in the temporary directory, named for `what`.
    fn create(what: &str) -> Result<Spill> {
        let file = TempFile(std::env::temp_dir().join(format!("talign-{what}-{}.jsonl", std::process::id())));
        let f = std::fs::File::create(&file.0).with_context(|| format!("creating {}", file.0.display()))?;
        Ok(Spill { file, writer: std::io::BufWriter::new(f), at: 0 })
    }

    /// Where the next row starts.
    fn at(&self) -> u64 {
        self.at
    }

    /// Writes one row.
    fn write(&mut self, row: &serde_json::Value) -> Result<()> {
        use std::io::Write;
        let line = format!("{row}\n");
        self.writer.write_all(line.as_bytes())?;
        self.at += line.len() as u64;
        Ok(())
    }

    /// Ends the writing, to read the rows back.
    fn into_reader(self) -> Result<SpillReader> {
        let Spill { file, writer, .. } = self;
        writer.into_inner().map_err(|e| e.into_error()).with_context(|| format!("writing {}", file.0.display()))?;
        let f = std::fs::File::open(&file.0).with_context(|| format!("reading {}", file.0.display()))?;
        Ok(SpillReader { file, reader: std::io::BufReader::new(f), line: String::new() })
    }
}

/// A score spilt as its bits (`score.to_bits()`, so that it is read back exactly).
fn spilt_score(v: &serde_json::Value) -> Option<f32> {
    v.as_u64().and_then(|b| u32::try_from(b).ok()).map(f32::from_bits)
}

/// A [`Spill`] read back.
struct SpillReader {
    file: TempFile,
    reader: std::io::BufReader<std::fs::File>,
    line: String,
}

impl SpillReader {
    /// Moves to the row that starts at `at`.
    fn seek(&mut self, at: u64) -> Result<()> {
        use std::io::Seek;
        self.reader.seek(std::io::SeekFrom::Start(at))?;
        Ok(())
    }

    /// The next row.
    fn next_row(&mut self) -> Result<serde_json::Value> {
        use std::io::BufRead;
        self.line.clear();
        self.reader.read_line(&mut self.line)?;
        serde_json::from_str(&self.line).with_context(|| format!("reading {}", self.file.0.display()))
    }
}

/// `events cluster --window-days D --overlap-days O`: the corpora read as a stream in date
/// order, one window of days clustered at a time (see `talign_events::window`). Only the
/// open windows are held in memory. Each finished event's rows go to a spill file as they
/// come, in the order events finish; the table is then written from it in the whole run's
/// order (events by first document, ids as wide as the largest), through an index of where
/// each event's rows start (24 bytes an event).
pub(crate) fn cluster_windowed(
    args: &CorpusArgs,
    opts: &Options,
    spec: talign_events::window::WindowSpec,
    stats: Option<std::sync::Arc<Stats>>,
    out: &Output,
) -> Result<()> {
    let mut windower = talign_events::window::Windower::with_stats(spec, opts, stats);
    let progress = Progress::spinner("clustering windows");
    let mut spill = Spill::create("windows")?;
    let mut docs = 0usize;
    // Per event: its first document's position in the stream, where its rows start, and
    // how many there are.
    let mut index: Vec<(usize, u64, usize)> = Vec::new();
    stream_windows(args, &mut windower, &progress, &mut |_, finished| {
        for event in finished {
            index.push((event[0].position, spill.at(), event.len()));
            for d in event {
                let row = serde_json::json!([
                    d.position,
                    d.doc.id,
                    d.doc.lang.code(),
                    d.published.map(|p| p.to_string()),
                    d.doc.title
                ]);
                spill.write(&row)?;
                docs += 1;
            }
        }
        Ok(())
    })?;
    index.sort_unstable();
    let events = index.len();
    let ids = talign_events::EventIds::new(events);
    let mut spilt = spill.into_reader()?;
    write_rows(out.output.as_deref(), out.format, &EventTable::Events.columns(), &mut |t| {
        for (n, &(_, start, rows)) in index.iter().enumerate() {
            spilt.seek(start)?;
            for _ in 0..rows {
                let v = spilt.next_row()?;
                let text = |i: usize| v[i].as_str().map(str::to_owned);
                t.row(&[ids.id(n).into(), text(1).into(), text(2).into(), text(3).into(), text(4).into()])?;
            }
        }
        Ok(())
    })?;
    drop(progress);
    summarize_windows(spec, windower.stats(), docs, &format!("{events} events"));
    Ok(())
}

/// `events align --window-days D --overlap-days O`: the links of a stream read in date
/// order, one window of days at a time (see `talign_events::window::Windower`: a pair is
/// decided by one window, its pair's home window, and kept when its two documents end in
/// one windowed event, the events `events cluster --window-days` gives). Only the open
/// windows, and the links of events not finished yet, are held in memory. Each finished
/// event's links go to a spill file as they come; the table is then written from it in the
/// whole run's order (by left document, then right, in stream order), through an index of
/// where each link's row is (24 bytes a link).
pub(crate) fn align_windowed(
    args: &CorpusArgs,
    opts: &Options,
    spec: talign_events::window::WindowSpec,
    stats: Option<std::sync::Arc<Stats>>,
    out: &Output,
) -> Result<()> {
    let mut windower = talign_events::window::Windower::with_stats(spec, opts, stats).keep_links();
    let progress = Progress::spinner("clustering and linking windows");
    let mut spill = Spill::create("window-links")?;
    let (mut docs, mut events) = (0usize, 0usize);
    // Per link: its documents' positions in the stream and where its row starts.
    let mut index: Vec<(usize, usize, u64)> = Vec::new();
    stream_windows(args, &mut windower, &progress, &mut |_, finished| {
        for event in finished {
            events += 1;
            docs += event.len();
            // A link's right document is a later document of its event (sorted by position).
            let id = |p: usize| event.binary_search_by_key(&p, |d| d.position).map(|i| event[i].doc.id.as_str());
            for d in &event {
                for l in &d.links {
                    let right = id(l.right).map_err(|_| anyhow::anyhow!("a link leaves its event"))?;
                    // The score's bits, so that it is read back exactly.
                    let row = serde_json::json!([d.doc.id, right, l.score.to_bits(), l.evidence, l.relation.as_str()]);
                    index.push((l.left, l.right, spill.at()));
                    spill.write(&row)?;
                }
            }
        }
        Ok(())
    })?;
    index.sort_unstable();
    let links = index.len();
    let mut spilt = spill.into_reader()?;
    write_rows(out.output.as_deref(), out.format, &EventTable::Links.columns(), &mut |t| {
        for &(_, _, start) in &index {
            spilt.seek(start)?;
            let v = spilt.next_row()?;
            let text = |i: usize| v[i].as_str().unwrap_or_default().to_owned();
            let score = spilt_score(&v[2]);
            t.row(&[text(0).into(), text(1).into(), score.into(), text(3).into(), text(4).into()])?;
        }
        Ok(())
    })?;
    drop(progress);
    summarize_windows(spec, windower.stats(), docs, &format!("{events} events, {links} links"));
    Ok(())
}

/// `events pairs --window-days D --overlap-days O`: every pair the windows score, each
/// decided by one window (the one that decides its link, see
/// `talign_events::window::Windower`), with the whole run's columns. A pair's row is spilt
/// as soon as its window scored it; its `event` column (and whether its link stands) is
/// known once both documents' events are finished. The table is then written in the whole
/// run's order (by left document, then right, in stream order), through an index of where
/// each row starts (24 bytes a pair) and each document's event (8 bytes a document).
pub(crate) fn pairs_windowed(
    args: &CorpusArgs,
    opts: &Options,
    spec: talign_events::window::WindowSpec,
    stats: Option<std::sync::Arc<Stats>>,
    inputs: bool,
    out: &Output,
) -> Result<()> {
    let mut windower = talign_events::window::Windower::with_pairs(spec, opts, stats, inputs);
    let progress = Progress::spinner("clustering and scoring windows");
    let mut spill = Spill::create("window-pairs")?;
    let (mut docs, mut events) = (0usize, 0usize);
    // Per pair, its documents' positions and where its row starts; per document, the first
    // document of its event.
    let mut index: Vec<(usize, usize, u64)> = Vec::new();
    let mut event_of: Vec<usize> = Vec::new();
    stream_windows(args, &mut windower, &progress, &mut |windower, finished| {
        for decided in windower.take_pairs() {
            let p = &decided.pair;
            let bits = |x: &[f32]| x.iter().map(|v| v.to_bits()).collect::<Vec<u32>>();
            let row = serde_json::json!([
                decided.ids.0,
                decided.ids.1,
                bits(&[p.score, p.raw, p.same_event]),
                p.linked,
                p.evidence,
                p.inputs.map(|x| bits(&x)),
            ]);
            index.push((p.left, p.right, spill.at()));
            spill.write(&row)?;
        }
        for event in finished {
            events += 1;
            docs += event.len();
            let first = event[0].position;
            for d in &event {
                if event_of.len() <= d.position {
                    event_of.resize(d.position + 1, usize::MAX);
                }
                event_of[d.position] = first;
            }
        }
        Ok(())
    })?;
    index.sort_unstable();
    let pairs = index.len();
    let mut spilt = spill.into_reader()?;
    let event = |p: usize| event_of.get(p).copied().unwrap_or(usize::MAX);
    let which = EventTable::Pairs { inputs };
    write_rows(out.output.as_deref(), out.format, &which.columns(), &mut |t| {
        for &(left, right, start) in &index {
            spilt.seek(start)?;
            let v = spilt.next_row()?;
            let text = |x: &serde_json::Value| x.as_str().unwrap_or_default().to_owned();
            let same = event(left) == event(right) && event(left) != usize::MAX;
            let scores: Vec<Option<f32>> =
                v[2].as_array().map(Vec::as_slice).unwrap_or_default().iter().map(spilt_score).collect();
            let score = |i: usize| scores.get(i).copied().flatten();
            let mut cells: Vec<table::Cell<'_>> = vec![
                text(&v[0]).into(),
                text(&v[1]).into(),
                score(0).into(),
                score(1).into(),
                score(2).into(),
                if same { "same" } else { "apart" }.into(),
                if same && v[3].as_bool() == Some(true) { "yes" } else { "no" }.into(),
                text(&v[4]).into(),
            ];
            if inputs {
                cells.extend(
                    v[5].as_array().map(Vec::as_slice).unwrap_or_default().iter().map(|x| spilt_score(x).into()),
                );
            }
            t.row(&cells)?;
        }
        Ok(())
    })?;
    drop(progress);
    summarize_windows(spec, windower.stats(), docs, &format!("{events} events, {pairs} scored pairs"));
    Ok(())
}

/// `export sentences --window-days D --overlap-days O`: the passages of the links
/// `events align --window-days` gives, each link's passages aligned inside the window that
/// decided it (which holds both documents; see `talign_events::window::Windower`), with what
/// that window's documents teach (sentence boundaries, the translation table). A link's
/// passages are spilt as soon as its window aligned them (a long story does not hold them
/// in memory); when its event finishes, the link is kept (an index entry of 32 bytes) or,
/// if its documents ended in two events, its spilt passages are left unread. The table is
/// then written in the whole run's order (links by left then right document, each link's
/// passages in order), the event column numbered as `events cluster --window-days` numbers
/// events (8 bytes an event).
pub(crate) fn sentences_windowed(
    args: &CorpusArgs,
    opts: &Options,
    spec: talign_events::window::WindowSpec,
    stats: Option<std::sync::Arc<Stats>>,
    explain: bool,
    out: &Output,
) -> Result<()> {
    let mut windower = talign_events::window::Windower::with_passages(spec, opts, stats, explain);
    let progress = Progress::spinner("clustering, linking and aligning windows");
    let mut spill = Spill::create("window-sentences")?;
    let (mut docs, mut links) = (0usize, 0usize);
    // Per event, its first document's position (events are numbered by it); per link, its
    // documents' positions, where its passages start and how many lines they take, and
    // the event's first document.
    let mut firsts: Vec<usize> = Vec::new();
    let mut index: Vec<(usize, usize, u64, usize)> = Vec::new();
    // The spilt passages of links whose event is not finished yet, by left document: the
    // right document and where its passages start (the passages are written as soon as
    // the window that decided the link aligned them, not held while a long story goes on).
    let mut pending: std::collections::HashMap<usize, Vec<(usize, u64)>> = Default::default();
    stream_windows(args, &mut windower, &progress, &mut |windower, finished| {
        for decided in windower.take_passages() {
            let rows: Vec<serde_json::Value> = decided
                .passages
                .iter()
                .map(|p| serde_json::json!([p.left, p.right, p.score.to_bits(), p.evidence]))
                .collect();
            pending.entry(decided.left).or_default().push((decided.right, spill.at()));
            spill.write(&serde_json::json!([decided.ids.0, decided.ids.1, rows]))?;
        }
        for event in finished {
            let first = event[0].position;
            firsts.push(first);
            docs += event.len();
            for d in &event {
                // Passages of links to another event are dropped with the entry.
                let spilt = pending.remove(&d.position).unwrap_or_default();
                for l in &d.links {
                    links += 1;
                    if let Some(&(_, start)) = spilt.iter().find(|x| x.0 == l.right) {
                        index.push((l.left, l.right, start, first));
                    }
                }
            }
        }
        Ok(())
    })?;
    firsts.sort_unstable();
    index.sort_unstable();
    let events = firsts.len();
    let ids = talign_events::EventIds::new(events);
    let mut spilt = spill.into_reader()?;
    let which = EventTable::Sentences { explain, within_events: false };
    let written = write_rows(out.output.as_deref(), out.format, &which.columns(), &mut |t| {
        for &(_, _, start, first) in &index {
            spilt.seek(start)?;
            let v = spilt.next_row()?;
            let event = ids.id(firsts.binary_search(&first).unwrap_or_default());
            let text = |x: &serde_json::Value| x.as_str().unwrap_or_default().to_owned();
            for p in v[2].as_array().map(Vec::as_slice).unwrap_or_default() {
                let score = spilt_score(&p[2]);
                let mut cells: Vec<table::Cell<'_>> = vec![
                    event.clone().into(),
                    text(&v[0]).into(),
                    text(&v[1]).into(),
                    text(&p[0]).into(),
                    text(&p[1]).into(),
                    score.into(),
                ];
                if explain {
                    cells.push(text(&p[3]).into());
                }
                t.row(&cells)?;
            }
        }
        Ok(())
    })?;
    drop(progress);
    summarize_windows(
        spec,
        windower.stats(),
        docs,
        &format!("{events} events, {links} links, {written} passage pairs"),
    );
    Ok(())
}

/// `export names --window-days D --overlap-days O`: the names of a stream read in date
/// order, each document's mentions read by its home window (its furniture found among the
/// window's documents; words too common to be names from `--stats`, else from the window:
/// see `talign_events::window::Windower::with_names`), then resolved to entities over the
/// whole stream at once, in stream order, as a whole run resolves them. Held in memory:
/// the open windows' documents, and per document its id and its mentions as numbers into a
/// table of distinct spellings (4 bytes a mention; a corpus repeats its names).
pub(crate) fn names_windowed(
    args: &CorpusArgs,
    spec: talign_events::window::WindowSpec,
    stats: Option<std::sync::Arc<Stats>>,
    explain: bool,
    out: &Output,
) -> Result<()> {
    let mut windower = talign_events::window::Windower::with_names(spec, stats);
    let progress = Progress::spinner("reading names in windows");
    let mut names = talign_events::window::NameCollector::new();
    stream_windows(args, &mut windower, &progress, &mut |windower, _| {
        names.take(windower);
        Ok(())
    })?;
    progress.spin("resolving names");
    let (resolution, ids) = names.finish();
    let which = EventTable::Names { explain };
    let rows = write_rows(out.output.as_deref(), out.format, &which.columns(), &mut |t| {
        talign::tables::entity_rows(&resolution, |d| ids[d as usize].as_str(), explain, |cells| t.row(&cells))
    })?;
    drop(progress);
    summarize_windows(spec, windower.stats(), ids.len(), &format!("{rows} names"));
    Ok(())
}

/// `corpus stats`: what the pipeline learns from the whole corpus, as JSON.
pub(crate) fn corpus_stats(args: &CorpusArgs, opts: &Options, output: Option<&Path>) -> Result<()> {
    let corpus = load(args)?;
    let progress = Progress::spinner("analysing");
    let a = analyse(&corpus, opts, &progress);
    progress.spin("collecting the corpus's statistics");
    let bytes = talign::input::stats_json(&a.stats())?;
    drop(progress);
    table::write_with(output, &mut |w| Ok(w.write_all(&bytes)?))
}
