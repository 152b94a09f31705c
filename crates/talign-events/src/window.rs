//! Time-windowed clustering: events over a corpus too large to hold, one window of
//! publication dates at a time.
//!
//! Events are local in time (two reports of one meeting are days apart, not months), so a
//! stream of documents in date order is cut into windows of `days` days that step by
//! `days − overlap` days. Window `k` covers the days `[k·step, k·step + days)` counted from
//! 1970-01-01, so where windows fall depends on the dates alone, never on which document
//! comes first. Each window is clustered by the whole-corpus pipeline ([`Analysis`]) on its
//! documents only ([`cluster_window`]: a pure function of the window's documents, the same
//! bytes on every run and thread count, so a failed window can simply be run again).
//!
//! Each document has one home window, the one whose core (its middle `step` days) holds its
//! date ([`WindowSpec::home`]); its event is its cluster there. A cluster of window `k` and
//! one of window `k + 1` are one event when the documents they share are the majority of
//! each one's documents in the overlap ([`majority_matches`], [`merge_windows`]). An event
//! that lies within `overlap` days is seen whole by the windows that hold it and joined
//! across them; a chain of clusters needs agreement on every overlap, so near-twins that two
//! windows group differently do not percolate into one giant event (plain union-find over
//! shared documents did: 99,224 of 100,000 generated documents in one event). When every
//! window clusters its documents as the whole run restricted to the window would, and every
//! event lies within the overlap, the windowed events are the whole run's (tested with a
//! stand-in clusterer). The pipeline itself learns statistics from the corpus it is given
//! (feature rarity, frequent words, confirmed names, furniture), so a window's clusters
//! equal the whole run's restricted to it only when the window holds the corpus (tested on
//! NTREX with generated dates); README, Scale, gives how far they differ otherwise.
//!
//! Links (`events align`) are made the same way, one window at a time: a pair of documents
//! is decided by one window only, its pair's home window ([`WindowSpec::pair_home`], the
//! home of the midpoint of their days, which holds both whenever they are at most
//! `overlap` days apart), and the link is kept when the two end in one event, as a whole
//! run keeps links inside events only ([`Windower::keep_links`]).
//!
//! A document's day is its publication date, given or read from its text
//! ([`document_date`]). A document without one is placed where it arrives in the stream:
//! it takes the day of the latest dated document before it (or, before any, of the first
//! dated document after it); a stream with no dates at all is one window.
//!
//! [`plan_windows`] says which documents each window holds for a list of dates (for a
//! caller that holds the documents, e.g. a distributed engine: one task per window, then
//! [`merge_windows`] as the reduce step). [`Windower`] does the same for a stream, holding
//! only the documents of the windows still open: a window is clustered as soon as a
//! document dated past its end arrives, and an event is handed out once none of its
//! documents can be in a later window, each with its documents in stream order. Events come
//! out in the order they finish (a long story finishes late): a caller that numbers them
//! as [`Analysis`] does, by first document, sorts them (the CLI spills them to disk and
//! sorts an index of 16 bytes an event), so that nothing waits in memory for a long story.
//!
//! ```
//! use talign_corpus::{Date, Document};
//! use talign_events::window::{WindowSpec, cluster_window, document_date, merge_windows, plan_windows};
//! let doc = |id: &str, day: Option<u32>, text: &str| Document {
//!     published: day.map(|d| Date::from_ymd(2024, 5, d).unwrap()),
//!     ..Document::new(id, text)
//! };
//! let docs = vec![
//!     doc("a", Some(1), "Lavrov arrived in Marrakech on Sunday for talks with Bourita."),
//!     doc("b", None, "Rain is expected over the weekend."),
//!     doc("c", Some(6), "Bourita and Lavrov signed three agreements in Marrakech."),
//!     doc("d", Some(20), "The central bank left its rate unchanged."),
//! ];
//! let spec = WindowSpec::new(7, 3).unwrap();
//! let dates: Vec<Option<Date>> = docs.iter().map(document_date).collect();
//! let plan = plan_windows(&dates, spec).unwrap();
//! // Windows step by 4 days from 1970-01-01. The undated document is placed where it
//! // arrives, beside the one of May 1st; May 1st and 6th share one window.
//! let held: Vec<Vec<usize>> = plan.iter().map(|w| w.docs.clone()).collect();
//! assert_eq!(held, [vec![0, 1], vec![0, 1, 2], vec![2], vec![3]]);
//! // Each document has one home window, which decides its event.
//! let home: Vec<Vec<usize>> = plan.iter().map(|w| w.home.clone()).collect();
//! assert_eq!(home, [vec![0, 1], vec![], vec![2], vec![3]]);
//! // One task per window (pure, safe to retry), then one merge.
//! let per_window = plan.iter().map(|w| {
//!     let mine: Vec<Document> = w.docs.iter().map(|&p| docs[p].clone()).collect();
//!     w.events(&cluster_window(&mine, &Default::default()).unwrap().clusters)
//! });
//! let events = merge_windows(per_window);
//! assert_eq!(events.iter().flatten().count(), 4);
//! ```

use crate::{HashMap, HashMapExt};
use std::collections::BTreeMap;

use talign_corpus::{Corpus, CorpusError, Date, Document};

use crate::align::Link;
use crate::entities::MentionRecord;
use crate::{Analysis, Options};

/// Window length and overlap, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowSpec {
    days: i64,
    overlap: i64,
}

/// Why a window setting or a stream cannot be windowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    /// A window must be at least a day long.
    #[error("--window-days must be 1 or more (got {0})")]
    NoDays(i64),
    /// The overlap must be shorter than the window (else windows never move on).
    #[error("--overlap-days must be 0 or more and less than --window-days ({days}; got {overlap})")]
    BadOverlap {
        /// The window length.
        days: i64,
        /// The overlap asked for.
        overlap: i64,
    },
    /// A document came after every window its date falls in had been clustered.
    #[error(
        "{at}: document `{id}` is dated {date}, but the stream had already reached {clock}: with --window-days, \
         documents must come in date order (every window holding {date} was already clustered; sort the corpus by \
         `published`)"
    )]
    OutOfOrder {
        /// Where the document was read.
        at: String,
        /// Its id.
        id: String,
        /// Its day.
        date: Date,
        /// The latest day seen before it.
        clock: Date,
    },
    /// The documents of a window could not form a corpus (a duplicate id).
    #[error("{0}")]
    Corpus(String),
}

impl From<CorpusError> for WindowError {
    fn from(e: CorpusError) -> WindowError {
        WindowError::Corpus(e.to_string())
    }
}

impl WindowSpec {
    /// Windows of `days` days overlapping by `overlap` days: `days` ≥ 1, 0 ≤ `overlap` < `days`.
    pub fn new(days: i64, overlap: i64) -> Result<WindowSpec, WindowError> {
        if days < 1 {
            return Err(WindowError::NoDays(days));
        }
        if overlap < 0 || overlap >= days {
            return Err(WindowError::BadOverlap { days, overlap });
        }
        Ok(WindowSpec { days, overlap })
    }

    /// The window length in days.
    pub fn days(self) -> i64 {
        self.days
    }

    /// The overlap in days.
    pub fn overlap(self) -> i64 {
        self.overlap
    }

    /// Days from one window's start to the next's.
    pub fn step(self) -> i64 {
        self.days - self.overlap
    }

    /// The first day of window `k` (days since 1970-01-01).
    pub fn start(self, k: i64) -> i64 {
        k * self.step()
    }

    /// The day after the last day of window `k`.
    pub fn end(self, k: i64) -> i64 {
        self.start(k) + self.days
    }

    /// The first window not complete once the stream has reached day `clock` (window `k`
    /// is complete when `end(k) ≤ clock`).
    pub fn first_unclosed(self, clock: i64) -> i64 {
        (clock - self.days).div_euclid(self.step()) + 1
    }

    /// The home window of `day`: the window whose core holds it. Window `k`'s core is its
    /// days from `start(k) + overlap / 2`, `step` days long, so cores tile the calendar, a
    /// core lies inside its window, and each day has exactly one home.
    pub fn home(self, day: i64) -> i64 {
        (day - self.overlap / 2).div_euclid(self.step())
    }

    /// The home window of a pair of documents on days `a` and `b`: the home window of their
    /// midpoint day, `⌊(a + b) / 2⌋`. It decides whether the two are linked (see
    /// [`Windower`]), so that a pair held by several overlapping windows is decided once.
    /// When the two days are at most `overlap` apart, that window holds both: with `a ≤ b`,
    /// `g = b − a ≤ overlap` and the midpoint `m` in the core `[start + ⌊overlap/2⌋, start +
    /// ⌊overlap/2⌋ + step)`, `a = m − ⌊g/2⌋ ≥ start` and `b = m + ⌈g/2⌉ < start + step +
    /// ⌊overlap/2⌋ + ⌈overlap/2⌉ = end`.
    pub fn pair_home(self, a: i64, b: i64) -> i64 {
        self.home((a + b).div_euclid(2))
    }

    /// The windows holding `day`, first to last.
    pub fn windows_of(self, day: i64) -> std::ops::RangeInclusive<i64> {
        let s = self.step();
        // k·s ≤ day < k·s + days  ⇔  (day − days)/s < k ≤ day/s.
        (day - self.days).div_euclid(s) + 1..=day.div_euclid(s)
    }
}

/// One window: its days and the documents it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Its number: it covers `[spec.start(index), spec.end(index))`.
    pub index: i64,
    /// The first day.
    pub start: Date,
    /// The last day (inclusive).
    pub last: Date,
    /// The positions in the stream of its documents, ascending.
    pub docs: Vec<usize>,
    /// The positions of the documents whose event this window decides (its home
    /// documents, see [`WindowSpec::home`]), ascending: a subset of `docs`.
    pub home: Vec<usize>,
}

impl Window {
    /// Local clusters (indices into this window's documents, as [`cluster_window`] returns
    /// them) as stream positions.
    pub fn positions(&self, clusters: &[Vec<usize>]) -> Vec<Vec<usize>> {
        clusters.iter().map(|c| c.iter().map(|&i| self.docs[i]).collect()).collect()
    }

    /// Local clusters as this window's part of [`merge_windows`]: its index, its home
    /// documents and its clusters, in stream positions.
    pub fn events(&self, clusters: &[Vec<usize>]) -> WindowEvents<usize> {
        WindowEvents { index: self.index, home: self.home.clone(), clusters: self.positions(clusters) }
    }
}

/// One window's clusters, as [`merge_windows`] takes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowEvents<I> {
    /// The window's number ([`Window::index`]): windows `k` and `k + 1` are joined.
    pub index: i64,
    /// Its home documents: the documents whose event it decides.
    pub home: Vec<I>,
    /// Its clusters, every document of the window in one.
    pub clusters: Vec<Vec<I>>,
}

/// The day a document is placed on: its publication date, given by the corpus or read from
/// its text (as [`crate::extract`] reads it), if any.
pub fn document_date(doc: &Document) -> Option<Date> {
    doc.published.or_else(|| crate::temporal::infer_published_with_url(&doc.text, doc.url.as_deref()))
}

/// The day each document of a stream is placed on (days since 1970-01-01): its own date,
/// else the latest dated document's before it, else the first dated one's after it, else 0.
pub fn stream_days(dates: &[Option<Date>]) -> Vec<i64> {
    let first = dates.iter().flatten().next().map_or(0, |d| d.days_since_epoch());
    let mut clock: Option<i64> = None;
    dates
        .iter()
        .map(|d| {
            let day = d.map(Date::days_since_epoch).or(clock).unwrap_or(first);
            clock = Some(clock.map_or(day, |c| c.max(day)));
            day
        })
        .collect()
}

/// Which documents each window holds, for the dates of a stream in stream order (`None`:
/// undated, placed where it arrives, see [`stream_days`]). Only windows holding a document
/// are listed, in order of their days. The plan is what [`Windower`] does with the same
/// stream: a window is complete once a document dated past its end has arrived, and a
/// document that comes later still, dated inside it (the stream out of date order), joins
/// only its windows that are not complete; one whose every window is complete is an error.
pub fn plan_windows(dates: &[Option<Date>], spec: WindowSpec) -> Result<Vec<Window>, WindowError> {
    let mut windows: BTreeMap<i64, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    let mut clock: Option<i64> = None;
    for (i, day) in stream_days(dates).into_iter().enumerate() {
        let first = match clock {
            // Windows that end by the latest day seen are complete.
            Some(c) => spec.first_unclosed(c),
            None => i64::MIN,
        };
        if *spec.windows_of(day).end() < first {
            let c = clock.unwrap_or(day);
            return Err(WindowError::OutOfOrder {
                at: format!("document {} of the stream", i + 1),
                id: i.to_string(),
                date: Date::from_days_since_epoch(day),
                clock: Date::from_days_since_epoch(c),
            });
        }
        // Undated documents before the first dated one take its day, and arrive with it.
        if dates[i].is_some() || clock.is_some() {
            clock = Some(clock.map_or(day, |c| c.max(day)));
        }
        for k in spec.windows_of(day).filter(|&k| k >= first) {
            windows.entry(k).or_default().0.push(i);
        }
        // Its home window, or the first open one if that was already complete.
        windows.entry(spec.home(day).max(first)).or_default().1.push(i);
    }
    Ok(windows
        .into_iter()
        .map(|(index, (docs, home))| Window {
            index,
            start: Date::from_days_since_epoch(spec.start(index)),
            last: Date::from_days_since_epoch(spec.end(index) - 1),
            docs,
            home,
        })
        .collect())
}

/// The events of one window.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowClusters {
    /// Each event as indices into the window's documents, ascending; events in order of
    /// their first document.
    pub clusters: Vec<Vec<usize>>,
    /// Each document's publication date as the pipeline read it (given, or from the text).
    pub published: Vec<Option<Date>>,
    /// The window's links (`events align`), `left` and `right` indices into the window's
    /// documents, `left < right`, sorted; empty for a clusterer that makes none.
    pub links: Vec<Link>,
    /// With passages asked for ([`Windower::with_passages`]), per link (as `links`), its
    /// aligned passages where this window decides the pair, else none.
    pub passages: Vec<Vec<LinkPassage>>,
    /// With pairs asked for ([`Windower::with_pairs`]), the scored pairs this window
    /// decides (`left` and `right` indices into the window's documents, `left < right`,
    /// sorted), else none.
    pub pairs: Vec<WindowPair>,
    /// With names asked for ([`Windower::with_names`]), the mentions of the documents whose
    /// names this window reads (their home window's), as (index into the window's
    /// documents, mentions), ascending; else none.
    pub names: Vec<(usize, Vec<MentionRecord>)>,
}

/// A pair of documents the same-event model scored, as `events pairs` writes it (its
/// `event` column is known only once both documents' events are).
#[derive(Debug, Clone, PartialEq)]
pub struct WindowPair {
    /// The earlier document.
    pub left: usize,
    /// The later document.
    pub right: usize,
    /// The score, the order of the shared features included.
    pub score: f32,
    /// The score before the order of shared features is taken into account.
    pub raw: f32,
    /// The probability that the two report the same event.
    pub same_event: f32,
    /// Whether the window linked the two (the link stands if they end in one event).
    pub linked: bool,
    /// What the two share ([`Analysis::pair_evidence`]).
    pub evidence: String,
    /// The same-event model's inputs ([`Analysis::pair_inputs`]), when asked for.
    pub inputs: Option<[f32; crate::pairmodel::N_INPUTS]>,
}

/// A scored pair as [`Windower::take_pairs`] hands it out: `left` and `right` are stream
/// positions, and `ids` the two documents' ids.
#[derive(Debug, Clone, PartialEq)]
pub struct DecidedPair {
    /// The pair, its documents by stream position.
    pub pair: WindowPair,
    /// The ids of the left and right documents.
    pub ids: (String, String),
}

/// One document's mentions as [`Windower::take_names`] hands them out.
#[derive(Debug, Clone, PartialEq)]
pub struct DecidedNames {
    /// The document's position in the stream.
    pub position: usize,
    /// Its id.
    pub id: String,
    /// Its mentions, as its home window read them.
    pub mentions: Vec<MentionRecord>,
}

/// The names of a stream read in windows ([`Windower::with_names`]), resolved over the
/// whole stream at once: each document's mentions join one [`MentionTable`] in stream
/// order (a document read by its window before an earlier one waits), then
/// [`NameCollector::finish`] resolves them as a whole run does. Holds, per document, its id
/// and its mentions as numbers into a table of distinct spellings (4 bytes a mention).
///
/// [`MentionTable`]: crate::entities::MentionTable
#[derive(Debug, Default)]
pub struct NameCollector {
    table: crate::entities::MentionTable,
    ids: Vec<String>,
    /// Documents read before an earlier document of the stream was, by position.
    early: BTreeMap<usize, DecidedNames>,
}

impl NameCollector {
    /// Nothing read yet.
    pub fn new() -> NameCollector {
        NameCollector::default()
    }

    /// Takes what `windower` read since the last call ([`Windower::take_names`]).
    pub fn take(&mut self, windower: &mut Windower) {
        for read in windower.take_names() {
            self.add(read);
        }
    }

    /// Adds one document's mentions, as [`Windower::take_names`] handed them out.
    pub fn add(&mut self, read: DecidedNames) {
        self.early.insert(read.position, read);
        while let Some(next) = self.early.first_entry().filter(|e| *e.key() == self.ids.len()) {
            let read = next.remove();
            self.table.push_records(&read.mentions);
            self.ids.push(read.id);
        }
    }

    /// Documents taken so far, in stream order.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no document was taken.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The entities of every document taken (after [`Windower::finish`] and a last
    /// [`NameCollector::take`]), and the documents' ids in stream order (an entity's
    /// `docs` index them).
    pub fn finish(self) -> (crate::entities::Resolution, Vec<String>) {
        debug_assert!(self.early.is_empty(), "every document's names are read once, by its home window");
        let resolution = crate::entities::resolve_table(&self.table, talign_names::lexicon::Lexicon::builtin());
        (resolution, self.ids)
    }
}

/// One pair of aligned passages of a link, as `export sentences` writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkPassage {
    /// The left document's passage.
    pub left: String,
    /// The right document's passage.
    pub right: String,
    /// Confidence in [0, 1].
    pub score: f32,
    /// Why the two were paired ([`Analysis::passage_evidence`]), when asked for.
    pub evidence: Option<String>,
}

/// Clusters one window's documents with the whole-corpus pipeline, on them alone. A pure
/// function of `docs` and `opts`: the same input gives the same clusters on every run and
/// thread count (safe to retry). Fails only on a duplicate id.
pub fn cluster_window(docs: &[Document], opts: &Options) -> Result<WindowClusters, WindowError> {
    cluster_window_with(docs, opts, None)
}

/// [`cluster_window`], weighing the window's documents with the statistics of the whole
/// corpus ([`crate::stats`]) when given: a pure function of `docs`, `opts` and `stats`.
pub fn cluster_window_with(
    docs: &[Document],
    opts: &Options,
    stats: Option<&crate::stats::Stats>,
) -> Result<WindowClusters, WindowError> {
    if docs.is_empty() {
        return Ok(WindowClusters {
            clusters: Vec::new(),
            published: Vec::new(),
            links: Vec::new(),
            passages: Vec::new(),
            pairs: Vec::new(),
            names: Vec::new(),
        });
    }
    let corpus = Corpus::from_docs(docs.iter().cloned())?;
    let mut a = Analysis::with_stats(&corpus, opts, stats, &|_| {});
    Ok(WindowClusters {
        clusters: clusters_of(&a.events),
        published: a.published.clone(),
        links: std::mem::take(&mut a.links),
        passages: Vec::new(),
        pairs: Vec::new(),
        names: Vec::new(),
    })
}

/// [`cluster_window_with`], and the scored pairs for which `decides(left, right)` holds
/// (indices into `docs`), each with its evidence and, with `inputs`, the same-event
/// model's inputs, as `events pairs` gives a whole run's. A pure function of its
/// arguments.
pub fn cluster_window_pairs(
    docs: &[Document],
    opts: &Options,
    stats: Option<&crate::stats::Stats>,
    decides: &dyn Fn(usize, usize) -> bool,
    inputs: bool,
) -> Result<WindowClusters, WindowError> {
    if docs.is_empty() {
        return cluster_window_with(docs, opts, stats);
    }
    let corpus = Corpus::from_docs(docs.iter().cloned())?;
    let mut a = Analysis::with_stats(&corpus, opts, stats, &|_| {});
    let linked: crate::HashSet<(usize, usize)> = a.links.iter().map(|l| (l.left, l.right)).collect();
    let pairs = a
        .pairs
        .iter()
        .map(|p| (p.left as usize, p.right as usize, p))
        .filter(|&(l, r, _)| decides(l, r))
        .map(|(l, r, p)| WindowPair {
            left: l,
            right: r,
            score: p.score,
            raw: p.raw,
            same_event: p.same_event,
            linked: linked.contains(&(l, r)),
            evidence: a.pair_evidence(l, r),
            inputs: inputs.then(|| a.pair_inputs(l, r)),
        })
        .collect();
    Ok(WindowClusters {
        clusters: clusters_of(&a.events),
        published: a.published.clone(),
        links: std::mem::take(&mut a.links),
        passages: Vec::new(),
        pairs,
        names: Vec::new(),
    })
}

/// The mentions of the window's documents for which `decides(i, i)` holds (their home
/// window's, see [`Windower::with_names`]), read as a run over the window's documents reads
/// them ([`crate::analysis::mentions_of`]: furniture found among them, words too common to
/// be names from `stats` or else from them), each document its own cluster: names do not
/// need events, and a window is read, not clustered. A pure function of its arguments.
pub fn window_names(
    docs: &[Document],
    stats: Option<&crate::stats::Stats>,
    decides: &dyn Fn(usize, usize) -> bool,
) -> Result<WindowClusters, WindowError> {
    let which: Vec<usize> = (0..docs.len()).filter(|&i| decides(i, i)).collect();
    let names = if which.is_empty() {
        Vec::new()
    } else {
        let corpus = Corpus::from_docs(docs.iter().cloned())?;
        which.iter().copied().zip(crate::analysis::mentions_of(&corpus, stats, &which)).collect()
    };
    Ok(WindowClusters {
        clusters: (0..docs.len()).map(|i| vec![i]).collect(),
        published: vec![None; docs.len()],
        links: Vec::new(),
        passages: Vec::new(),
        pairs: Vec::new(),
        names,
    })
}

/// Each event's documents (ascending), from each document's event number (events are
/// numbered in order of their first document).
fn clusters_of(events: &[usize]) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (d, &e) in events.iter().enumerate() {
        if e == clusters.len() {
            clusters.push(Vec::new());
        }
        clusters[e].push(d);
    }
    clusters
}

/// [`cluster_window_with`], and the passages of the links for which `decides(left, right)`
/// holds (indices into `docs`), aligned as `export sentences` aligns a whole run's links
/// (with what the window's documents teach: sentence boundaries, the translation table),
/// with their evidence when `explain` is set. A pure function of its arguments.
pub fn cluster_window_passages(
    docs: &[Document],
    opts: &Options,
    stats: Option<&crate::stats::Stats>,
    decides: &dyn Fn(usize, usize) -> bool,
    explain: bool,
) -> Result<WindowClusters, WindowError> {
    if docs.is_empty() {
        return cluster_window_with(docs, opts, stats);
    }
    let corpus = Corpus::from_docs(docs.iter().cloned())?;
    let mut a = Analysis::with_stats(&corpus, opts, stats, &|_| {});
    a.release_pair_scoring();
    let clusters = clusters_of(&a.events);
    let decided: Vec<Link> = a.links.iter().filter(|l| decides(l.left, l.right)).cloned().collect();
    let mut by_pair: HashMap<(usize, usize), Vec<LinkPassage>> = HashMap::new();
    if !decided.is_empty() {
        a.prepare_passages(&opts.passages);
        let done: Result<(), std::convert::Infallible> = a.each_passages_of(&decided, &opts.passages, |l, pairs| {
            let rows = pairs
                .into_iter()
                .map(|p| LinkPassage {
                    evidence: explain.then(|| a.passage_evidence(&p.bead)),
                    left: p.left,
                    right: p.right,
                    score: p.score,
                })
                .collect();
            by_pair.insert((l.left, l.right), rows);
            Ok(())
        });
        let Ok(()) = done;
    }
    let links = std::mem::take(&mut a.links);
    let passages = links.iter().map(|l| by_pair.remove(&(l.left, l.right)).unwrap_or_default()).collect();
    Ok(WindowClusters {
        clusters,
        published: a.published.clone(),
        links,
        passages,
        pairs: Vec::new(),
        names: Vec::new(),
    })
}

/// The clusters of two consecutive windows that are one event: pairs `(a, b)` where the
/// documents cluster `a` of the earlier window and cluster `b` of the later one share are
/// more than half of `a`'s documents in the overlap and more than half of `b`'s. Each
/// cluster has at most one partner, so joins cannot fan out: a chain of events across
/// windows needs clusters that agree on every overlap.
pub fn majority_matches<I>(earlier: &[Vec<I>], later: &[Vec<I>]) -> Vec<(usize, usize)>
where
    I: Eq + std::hash::Hash,
{
    fn of<I: Eq + std::hash::Hash>(clusters: &[Vec<I>]) -> HashMap<&I, usize> {
        clusters.iter().enumerate().flat_map(|(c, m)| m.iter().map(move |id| (id, c))).collect()
    }
    let (first, second) = (of(earlier), of(later));
    let mut part_first = vec![0usize; earlier.len()];
    let mut part_second = vec![0usize; later.len()];
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for (id, &b) in &second {
        if let Some(&a) = first.get(id) {
            part_first[a] += 1;
            part_second[b] += 1;
            *shared.entry((a, b)).or_default() += 1;
        }
    }
    let mut out: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&((a, b), n)| 2 * n > part_first[a] && 2 * n > part_second[b])
        .map(|(ab, _)| ab)
        .collect();
    out.sort_unstable();
    out
}

/// Merges the clusters of overlapping windows into events. Each document takes its event
/// from its home window (see [`WindowSpec::home`]; a document no window names as home,
/// from the first window that holds it); a cluster of window `k` and one of window `k + 1`
/// are one event when they share the majority of their documents in the overlap
/// ([`majority_matches`]). Ids are anything ordered, e.g. stream positions (see
/// [`Window::events`]); each event lists its members ascending, and events come in order of
/// their smallest member, so the result depends neither on the order of the windows nor on
/// the order of clusters inside them.
///
/// When every window clusters its documents as a whole-corpus run restricted to the
/// window would, and every event lies within the overlap, the events are the whole run's.
pub fn merge_windows<I, W>(windows: W) -> Vec<Vec<I>>
where
    I: Ord + Clone + std::hash::Hash,
    W: IntoIterator<Item = WindowEvents<I>>,
{
    let mut windows: Vec<WindowEvents<I>> = windows.into_iter().collect();
    windows.sort_by_key(|w| w.index);
    let mut base = Vec::with_capacity(windows.len());
    let mut nodes = 0usize;
    for w in &windows {
        base.push(nodes);
        nodes += w.clusters.len();
    }
    let mut uf = crate::uf::UnionFind::new(nodes);
    for j in 1..windows.len() {
        if windows[j].index == windows[j - 1].index + 1 {
            for (a, b) in majority_matches(&windows[j - 1].clusters, &windows[j].clusters) {
                uf.union((base[j - 1] + a) as u32, (base[j] + b) as u32);
            }
        }
    }
    // Each document's cluster in its home window, else in its first window.
    let mut home: HashMap<I, usize> = HashMap::new();
    for (j, w) in windows.iter().enumerate() {
        let mine: crate::HashSet<&I> = w.home.iter().collect();
        for (c, members) in w.clusters.iter().enumerate() {
            for id in members.iter().filter(|id| mine.contains(id)) {
                home.entry(id.clone()).or_insert(base[j] + c);
            }
        }
    }
    for (j, w) in windows.iter().enumerate() {
        for (c, members) in w.clusters.iter().enumerate() {
            for id in members {
                home.entry(id.clone()).or_insert(base[j] + c);
            }
        }
    }
    let mut groups: HashMap<u32, Vec<I>> = HashMap::new();
    for (id, node) in home {
        groups.entry(uf.find(node as u32)).or_default().push(id);
    }
    let mut events: Vec<Vec<I>> = groups.into_values().collect();
    for e in &mut events {
        e.sort();
    }
    events.sort();
    events
}

/// A document of a finished event, as [`Windower`] hands it out.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDoc {
    /// Its position in the stream.
    pub position: usize,
    /// The document, its text dropped (empty) once it was clustered for the last time.
    pub doc: Document,
    /// Its publication date as the pipeline read it in its last window.
    pub published: Option<Date>,
    /// With [`Windower::keep_links`], the links from this document to later documents of
    /// its event (`left` is this document's position, `right` the other's), each as the
    /// window that decided it gave it (see [`Windower`]), sorted by `right`; else empty.
    pub links: Vec<Link>,
}

/// The passages of a link, handed out by [`Windower::take_passages`] as soon as the window
/// that decided the link has aligned them (before the link's event is known).
#[derive(Debug, Clone, PartialEq)]
pub struct DecidedPassages {
    /// The link's left document (stream position).
    pub left: usize,
    /// Its right document.
    pub right: usize,
    /// The ids of the left and right documents.
    pub ids: (String, String),
    /// Its aligned passages, in order.
    pub passages: Vec<LinkPassage>,
}

/// A document held while one of its windows is open.
#[derive(Debug)]
struct Held {
    doc: Document,
    day: i64,
    /// The window that decides its event.
    home: i64,
    /// The first and last window that hold it (it missed the windows of its day that
    /// were complete when it arrived).
    windows: (i64, i64),
    published: Option<Date>,
}

/// Documents and window clusters joined so far (union-find over nodes: document `p` is
/// node `2p`, the `c`-th cluster made is node `2c + 1`).
#[derive(Debug, Default)]
struct Events {
    parent: HashMap<u64, u64>,
    /// Per root, its group.
    groups: HashMap<u64, Group>,
    /// Finished groups by smallest document, until they are taken.
    ready: BTreeMap<usize, Vec<usize>>,
    /// Cluster nodes made so far.
    clusters: u64,
}

/// A group of joined nodes.
#[derive(Debug)]
struct Group {
    nodes: Vec<u64>,
    docs: Vec<usize>,
    /// Its smallest document.
    first: Option<usize>,
    /// Its nodes still open: documents with a window to come, clusters the next window
    /// may still join.
    open: usize,
}

impl Events {
    fn doc(p: usize) -> u64 {
        2 * p as u64
    }

    fn add_doc(&mut self, p: usize) {
        let n = Events::doc(p);
        self.parent.insert(n, n);
        self.groups.insert(n, Group { nodes: vec![n], docs: vec![p], first: Some(p), open: 1 });
    }

    fn add_cluster(&mut self) -> u64 {
        let n = 2 * self.clusters + 1;
        self.clusters += 1;
        self.parent.insert(n, n);
        self.groups.insert(n, Group { nodes: vec![n], docs: Vec::new(), first: None, open: 1 });
        n
    }

    fn find(&mut self, n: u64) -> u64 {
        let mut r = n;
        while self.parent[&r] != r {
            r = self.parent[&r];
        }
        let mut c = n;
        while self.parent[&c] != r {
            let next = self.parent[&c];
            self.parent.insert(c, r);
            c = next;
        }
        r
    }

    /// Joins the groups of nodes `a` and `b` (both open).
    fn union(&mut self, a: u64, b: u64) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        self.parent.insert(gone, keep);
        let g = self.groups.remove(&gone).expect("a root has a group");
        let k = self.groups.get_mut(&keep).expect("a root has a group");
        k.nodes.extend(g.nodes);
        k.docs.extend(g.docs);
        k.open += g.open;
        k.first = match (k.first, g.first) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
    }

    /// Node `n` can join nothing more; its group is finished when all its nodes are.
    fn done(&mut self, n: u64) {
        let r = self.find(n);
        let g = self.groups.get_mut(&r).expect("a root has a group");
        g.open -= 1;
        if g.open == 0 {
            let g = self.groups.remove(&r).expect("a root has a group");
            for m in &g.nodes {
                self.parent.remove(m);
            }
            if let Some(f) = g.first {
                let mut docs = g.docs;
                docs.sort_unstable();
                self.ready.insert(f, docs);
            }
        }
    }

    /// The finished groups, in order of their smallest document.
    fn take_ready(&mut self) -> Vec<Vec<usize>> {
        std::mem::take(&mut self.ready).into_values().collect()
    }
}

/// What clusters one window's documents (see [`Windower::with_clusterer`]).
pub type Clusterer = Box<dyn FnMut(&[Document]) -> Result<WindowClusters, WindowError> + Send>;

/// What clusters one window's documents, told which pairs of them (indices into the
/// documents) the window decides.
type Linker = Box<dyn FnMut(&[Document], &dyn Fn(usize, usize) -> bool) -> Result<WindowClusters, WindowError> + Send>;

impl std::fmt::Debug for Windower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Windower").field("spec", &self.spec).field("clock", &self.clock).finish_non_exhaustive()
    }
}

/// Windowed clustering of a stream: [`Windower::push`] each document in stream order, then
/// [`Windower::finish`]. Only the documents of the windows still open are held (about
/// `days` days of the stream), and those of events that a later window may still join.
/// Events come out as they finish (those finishing together in order of their first
/// document), each with its documents in stream order; sorted by first document they are
/// exactly what [`merge_windows`] over [`plan_windows`] gives.
///
/// **Links** ([`Windower::keep_links`]). A pair of documents held by several overlapping
/// windows is decided by one of them: among the windows that hold both, the one nearest
/// to the pair's home window ([`WindowSpec::pair_home`], the home of their midpoint day),
/// which is that home window itself whenever the two days are at most `overlap` apart
/// and the stream is in date order. The link that window makes (if it makes one) is kept
/// when its two documents end in one event, as a whole run keeps only links inside an
/// event, and is handed out with the event ([`EventDoc::links`]); links the window does
/// not decide are dropped at once. So each pair is linked at most once, whatever the
/// overlap, and links are held only until their event finishes. With
/// [`Windower::with_passages`], the deciding window also aligns the link's passages, which
/// are handed out at once ([`Windower::take_passages`]) rather than held with the link.
pub struct Windower {
    spec: WindowSpec,
    /// Clusters one window ([`cluster_window`] with the options given).
    cluster: Linker,
    /// The latest day seen.
    clock: Option<i64>,
    /// Undated documents that came before any dated one.
    leading: Vec<Document>,
    /// Positions per open window.
    open: BTreeMap<i64, Vec<usize>>,
    /// Documents of open windows, and of documents whose event may still grow.
    held: HashMap<usize, Held>,
    next: usize,
    events: Events,
    /// The last window clustered: its number, its clusters (stream positions) and their
    /// nodes, until the next window is clustered and joined to it.
    last: Option<(i64, Vec<Vec<usize>>, Vec<u64>)>,
    /// Windows clustered so far, and the most documents one held.
    windows: usize,
    largest: usize,
    /// Whether links are kept ([`Windower::keep_links`]).
    keep_links: bool,
    /// Links decided so far, by left document, until its event finishes.
    links: HashMap<usize, Vec<Link>>,
    /// The passages of links decided since the last [`Windower::take_passages`].
    passages: Vec<DecidedPassages>,
    /// The scored pairs decided since the last [`Windower::take_pairs`].
    pairs: Vec<DecidedPair>,
    /// The mentions read since the last [`Windower::take_names`].
    names: Vec<DecidedNames>,
}

impl Windower {
    /// An empty stream, each window clustered by [`cluster_window`] with `opts`.
    pub fn new(spec: WindowSpec, opts: &Options) -> Windower {
        Windower::with_stats(spec, opts, None)
    }

    /// An empty stream, each window clustered by [`cluster_window_with`] with `opts` and
    /// the whole corpus's statistics.
    pub fn with_stats(
        spec: WindowSpec,
        opts: &Options,
        stats: Option<std::sync::Arc<crate::stats::Stats>>,
    ) -> Windower {
        let opts = *opts;
        Windower::with_clusterer(spec, Box::new(move |docs| cluster_window_with(docs, &opts, stats.as_deref())))
    }

    /// An empty stream, each window clustered by `cluster` (which must be pure, as
    /// [`cluster_window`] is).
    pub fn with_clusterer(spec: WindowSpec, mut cluster: Clusterer) -> Windower {
        Windower::with_linker(spec, Box::new(move |docs, _| cluster(docs)))
    }

    /// An empty stream, each window clustered by [`cluster_window_passages`] with `opts`
    /// and the whole corpus's statistics, if given: links are kept ([`Windower::keep_links`])
    /// and each link's passages are aligned by the window that decides it, their evidence
    /// with `explain`, and handed out at once ([`Windower::take_passages`]).
    pub fn with_passages(
        spec: WindowSpec,
        opts: &Options,
        stats: Option<std::sync::Arc<crate::stats::Stats>>,
        explain: bool,
    ) -> Windower {
        let opts = *opts;
        Windower::with_linker(
            spec,
            Box::new(move |docs, decides| cluster_window_passages(docs, &opts, stats.as_deref(), decides, explain)),
        )
        .keep_links()
    }

    fn with_linker(spec: WindowSpec, cluster: Linker) -> Windower {
        Windower {
            spec,
            cluster,
            clock: None,
            leading: Vec::new(),
            open: BTreeMap::new(),
            held: HashMap::new(),
            next: 0,
            events: Events::default(),
            last: None,
            windows: 0,
            largest: 0,
            keep_links: false,
            links: HashMap::new(),
            passages: Vec::new(),
            pairs: Vec::new(),
            names: Vec::new(),
        }
    }

    /// An empty stream, each window clustered by [`cluster_window_pairs`] with `opts` and
    /// the whole corpus's statistics, if given: each scored pair (with the model's inputs
    /// when `inputs` is set) is handed out by the window that decides it, at once
    /// ([`Windower::take_pairs`]; the window that decides a pair is the one that decides
    /// its link, see [`Windower`]).
    pub fn with_pairs(
        spec: WindowSpec,
        opts: &Options,
        stats: Option<std::sync::Arc<crate::stats::Stats>>,
        inputs: bool,
    ) -> Windower {
        let opts = *opts;
        Windower::with_linker(
            spec,
            Box::new(move |docs, decides| cluster_window_pairs(docs, &opts, stats.as_deref(), decides, inputs)),
        )
    }

    /// The scored pairs decided since the last call (with [`Windower::with_pairs`]), in
    /// the order the windows decided them. Every pair whose documents some window scored
    /// comes out once, whichever events its documents end in: a pair's documents are
    /// finished (handed out with their events by [`Windower::push`] or
    /// [`Windower::finish`]) only after it came out.
    pub fn take_pairs(&mut self) -> Vec<DecidedPair> {
        std::mem::take(&mut self.pairs)
    }

    /// An empty stream whose windows read names instead of clustering ([`window_names`]):
    /// each document's mentions are read once, by its home window (the window that
    /// decides its event in the other modes), with the whole corpus's statistics if given,
    /// and handed out at once ([`Windower::take_names`]). Every document is its own event.
    pub fn with_names(spec: WindowSpec, stats: Option<std::sync::Arc<crate::stats::Stats>>) -> Windower {
        Windower::with_linker(spec, Box::new(move |docs, decides| window_names(docs, stats.as_deref(), decides)))
    }

    /// The mentions read since the last call (with [`Windower::with_names`]), in the order
    /// the windows read them: every document of the stream comes out once, in stream order
    /// within a window, not across windows when the stream is out of date order.
    pub fn take_names(&mut self) -> Vec<DecidedNames> {
        std::mem::take(&mut self.names)
    }

    /// Keeps the links the windows make and hands them out with their events
    /// ([`EventDoc::links`]; see [`Windower`] for which window decides a pair). Without
    /// it, links are dropped as each window is clustered.
    pub fn keep_links(mut self) -> Windower {
        self.keep_links = true;
        self
    }

    /// The passages of the links decided since the last call (with
    /// [`Windower::with_passages`]), in the order the windows decided them. A link's
    /// passages come out before the link itself (with its event, from
    /// [`Windower::push`] or [`Windower::finish`]), so that a caller can spill them at once
    /// instead of holding them while a long story goes on; a link whose two documents end
    /// in different events never comes out, and its passages are to be dropped.
    pub fn take_passages(&mut self) -> Vec<DecidedPassages> {
        std::mem::take(&mut self.passages)
    }

    /// Windows clustered so far, and the most documents one of them held.
    pub fn stats(&self) -> (usize, usize) {
        (self.windows, self.largest)
    }

    /// Documents pushed so far.
    pub fn read(&self) -> usize {
        self.next + self.leading.len()
    }

    /// Adds the next document of the stream; returns the events it finished (often none).
    /// Fails on a document dated before every window still open (the stream is not in date
    /// order) and on a duplicate id inside one window.
    pub fn push(&mut self, doc: Document) -> Result<Vec<Vec<EventDoc>>, WindowError> {
        let date = document_date(&doc);
        let Some(clock) = self.clock else {
            let Some(date) = date else {
                self.leading.push(doc);
                return Ok(Vec::new());
            };
            // The first dated document: the undated ones before it go on its day.
            let day = date.days_since_epoch();
            self.clock = Some(day);
            for d in std::mem::take(&mut self.leading) {
                self.place(d, day);
            }
            self.place(doc, day);
            return Ok(Vec::new());
        };
        let day = date.map_or(clock, Date::days_since_epoch);
        if *self.spec.windows_of(day).end() < self.spec.first_unclosed(clock) {
            return Err(WindowError::OutOfOrder {
                at: doc.origin.to_string(),
                id: doc.id,
                date: Date::from_days_since_epoch(day),
                clock: Date::from_days_since_epoch(clock),
            });
        }
        let mut out = Vec::new();
        if day > clock {
            self.clock = Some(day);
            // Every window that ends by `day` is complete.
            while let Some((&k, _)) = self.open.first_key_value() {
                if self.spec.end(k) > day {
                    break;
                }
                self.close(k)?;
                out.extend(self.take_ready());
            }
        }
        self.place(doc, day);
        Ok(out)
    }

    /// Clusters the windows still open; returns the remaining events.
    pub fn finish(&mut self) -> Result<Vec<Vec<EventDoc>>, WindowError> {
        if !self.leading.is_empty() {
            // No document of the stream had a date: they share one day.
            for d in std::mem::take(&mut self.leading) {
                self.place(d, 0);
            }
        }
        let mut out = Vec::new();
        while let Some((&k, _)) = self.open.first_key_value() {
            self.close(k)?;
            out.extend(self.take_ready());
        }
        self.release_last(None, &[], &[]);
        out.extend(self.take_ready());
        debug_assert!(self.held.is_empty() && self.links.is_empty());
        Ok(out)
    }

    fn place(&mut self, doc: Document, day: i64) {
        let p = self.next;
        self.next += 1;
        let first = self.clock.map_or(i64::MIN, |c| self.spec.first_unclosed(c));
        let mut placed = false;
        for k in self.spec.windows_of(day) {
            if k >= first {
                self.open.entry(k).or_default().push(p);
                placed = true;
            }
        }
        debug_assert!(placed, "push checks that some window of the day is open");
        self.events.add_doc(p);
        // Its home window, or the first open one if that was already complete.
        let home = self.spec.home(day).max(first);
        let ks = self.spec.windows_of(day);
        let windows = ((*ks.start()).max(first), *ks.end());
        self.held.insert(p, Held { doc, day, home, windows, published: None });
    }

    /// Joins the last window's clusters to window `next`'s clusters `later` (their nodes
    /// `later_nodes`; `None`: there is no next window), and marks them done: no later window
    /// can join them.
    fn release_last(&mut self, next: Option<i64>, later: &[Vec<usize>], later_nodes: &[u64]) {
        let Some((k, clusters, nodes)) = self.last.take() else { return };
        if next == Some(k + 1) {
            for (a, b) in majority_matches(&clusters, later) {
                self.events.union(nodes[a], later_nodes[b]);
            }
        }
        for n in nodes {
            self.events.done(n);
        }
    }

    /// Clusters window `k`, joins its clusters to the previous window's, gives its home
    /// documents their cluster, and marks the documents it was the last window of as done.
    fn close(&mut self, k: i64) -> Result<(), WindowError> {
        let positions = self.open.remove(&k).unwrap_or_default();
        let docs: Vec<Document> = positions.iter().map(|p| self.held[p].doc.clone()).collect();
        let (spec, held) = (self.spec, &self.held);
        let decides = |i: usize, j: usize| {
            let (a, b) = (positions[i.min(j)], positions[i.max(j)]);
            Windower::decider(spec, held, a, b) == k
        };
        let mut result = (self.cluster)(&docs, &decides)?;
        drop(docs);
        self.windows += 1;
        self.largest = self.largest.max(positions.len());
        let clusters: Vec<Vec<usize>> =
            result.clusters.iter().map(|c| c.iter().map(|&i| positions[i]).collect()).collect();
        let nodes: Vec<u64> = clusters.iter().map(|_| self.events.add_cluster()).collect();
        self.release_last(Some(k), &clusters, &nodes);
        for (c, members) in clusters.iter().enumerate() {
            for &p in members {
                if self.held[&p].home == k {
                    self.events.union(Events::doc(p), nodes[c]);
                }
            }
        }
        if self.keep_links {
            let mut passages = std::mem::take(&mut result.passages).into_iter();
            for l in std::mem::take(&mut result.links) {
                let (a, b) = (positions[l.left.min(l.right)], positions[l.left.max(l.right)]);
                let rows = passages.next().unwrap_or_default();
                if Windower::decider(self.spec, &self.held, a, b) == k {
                    self.links.entry(a).or_default().push(Link { left: a, right: b, ..l });
                    if !rows.is_empty() {
                        let ids = (self.held[&a].doc.id.clone(), self.held[&b].doc.id.clone());
                        self.passages.push(DecidedPassages { left: a, right: b, ids, passages: rows });
                    }
                }
            }
        }
        for pair in std::mem::take(&mut result.pairs) {
            let (a, b) = (positions[pair.left], positions[pair.right]);
            if Windower::decider(self.spec, &self.held, a, b) == k {
                let ids = (self.held[&a].doc.id.clone(), self.held[&b].doc.id.clone());
                self.pairs.push(DecidedPair { pair: WindowPair { left: a, right: b, ..pair }, ids });
            }
        }
        for (i, mentions) in std::mem::take(&mut result.names) {
            let p = positions[i];
            self.names.push(DecidedNames { position: p, id: self.held[&p].doc.id.clone(), mentions });
        }
        for (i, &p) in positions.iter().enumerate() {
            let h = self.held.get_mut(&p).expect("an open window's documents are held");
            h.published = result.published[i];
            if *self.spec.windows_of(h.day).end() == k {
                // Its last window: keep what the table needs, not the text.
                h.doc.text = String::new();
                h.doc.text.shrink_to_fit();
                self.events.done(Events::doc(p));
            }
        }
        self.last = Some((k, clusters, nodes));
        Ok(())
    }

    /// The window that decides whether documents `a` and `b` (both held) are linked: of the
    /// windows holding both, the one nearest to their pair's home window.
    fn decider(spec: WindowSpec, held: &HashMap<usize, Held>, a: usize, b: usize) -> i64 {
        let (x, y) = (&held[&a], &held[&b]);
        let (lo, hi) = (x.windows.0.max(y.windows.0), x.windows.1.min(y.windows.1));
        debug_assert!(lo <= hi, "a window holding both was clustered");
        spec.pair_home(x.day, y.day).min(hi).max(lo)
    }

    fn take_ready(&mut self) -> Vec<Vec<EventDoc>> {
        self.events
            .take_ready()
            .into_iter()
            .map(|members| {
                members
                    .iter()
                    .map(|&p| {
                        let h = self.held.remove(&p).expect("a finished event's documents are held");
                        // Links to a document of another event are dropped (members are sorted).
                        let mut links = self.links.remove(&p).unwrap_or_default();
                        links.retain(|l| members.binary_search(&l.right).is_ok());
                        links.sort_by_key(|l| l.right);
                        EventDoc { position: p, doc: h.doc, published: h.published, links }
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::xorshift as rng;

    #[test]
    fn a_day_is_in_exactly_the_windows_that_cover_it() {
        for (days, overlap) in [(1, 0), (7, 3), (7, 6), (10, 0), (30, 14)] {
            let spec = WindowSpec::new(days, overlap).unwrap();
            for day in -40..40 {
                let ks: Vec<i64> = spec.windows_of(day).collect();
                let want: Vec<i64> = (-100..100).filter(|&k| spec.start(k) <= day && day < spec.end(k)).collect();
                assert_eq!(ks, want, "{spec:?} day {day}");
            }
        }
    }

    #[test]
    fn bad_settings_are_refused() {
        assert_eq!(WindowSpec::new(0, 0), Err(WindowError::NoDays(0)));
        assert_eq!(WindowSpec::new(7, 7), Err(WindowError::BadOverlap { days: 7, overlap: 7 }));
        assert_eq!(WindowSpec::new(7, -1), Err(WindowError::BadOverlap { days: 7, overlap: -1 }));
        assert!(WindowSpec::new(7, 6).is_ok());
    }

    #[test]
    fn a_pairs_home_window_holds_both_documents_when_they_are_at_most_the_overlap_apart() {
        for (days, overlap) in [(1, 0), (2, 1), (7, 0), (7, 3), (7, 4), (7, 6), (10, 5), (30, 14), (30, 15)] {
            let spec = WindowSpec::new(days, overlap).unwrap();
            let holds = |k: i64, day: i64| spec.start(k) <= day && day < spec.end(k);
            for a in -60..60 {
                for b in a..=a + overlap {
                    let k = spec.pair_home(a, b);
                    assert!(holds(k, a) && holds(k, b), "{spec:?}: days {a} and {b}, window {k}");
                    // Either order, and a pair on one day is at that day's home.
                    assert_eq!(spec.pair_home(b, a), k);
                }
                assert_eq!(spec.pair_home(a, a), spec.home(a));
            }
            // One day more apart, some pair's home window misses one of them: the bound is
            // tight (with ⌈(a + b) / 2⌉ it would fail inside it for an odd overlap).
            let g = overlap + 1;
            assert!((-60..60).any(|a| !holds(spec.pair_home(a, a + g), a) || !holds(spec.pair_home(a, a + g), a + g)));
        }
    }

    #[test]
    fn undated_documents_go_where_they_arrive() {
        let d = |n| Some(Date::from_days_since_epoch(n));
        assert_eq!(stream_days(&[None, d(10), None, d(5), None, d(12), None]), [10, 10, 10, 5, 10, 12, 12]);
        assert_eq!(stream_days(&[None, None]), [0, 0]);
    }

    fn we(index: i64, home: &[u32], clusters: &[&[u32]]) -> WindowEvents<u32> {
        WindowEvents { index, home: home.to_vec(), clusters: clusters.iter().map(|c| c.to_vec()).collect() }
    }

    #[test]
    fn merging_follows_neither_window_order_nor_cluster_order() {
        // Window 0 holds 1–4 (home 1, 2), window 1 holds 3–6 (home 3, 4, 5), window 2
        // holds 5–7 (home 6, 7); windows 0 and 1 agree on their overlap {3, 4}, windows 1
        // and 2 on theirs, {5, 6} (one cluster each side).
        let a = vec![
            we(0, &[1, 2], &[&[1, 3, 4], &[2]]),
            we(1, &[3, 4, 5], &[&[3, 4], &[5, 6]]),
            we(2, &[6, 7], &[&[5, 6], &[7]]),
        ];
        let mut b = a.clone();
        b.reverse();
        for w in &mut b {
            w.clusters.reverse();
        }
        assert_eq!(merge_windows(a.clone()), vec![vec![1, 3, 4], vec![2], vec![5, 6], vec![7]]);
        assert_eq!(merge_windows(a), merge_windows(b));
    }

    #[test]
    fn clusters_join_only_where_they_agree_on_most_of_the_overlap() {
        // The overlap of windows 0 and 1 is {2, 3, 4}. Window 0 puts all three in one
        // cluster; window 1 splits them 2 + 1: the pair of clusters sharing {2, 3} joins,
        // the third cluster (sharing {4}, a minority of window 0's part) does not.
        assert_eq!(majority_matches(&[vec![1, 2, 3, 4]], &[vec![2, 3, 5], vec![4, 6]]), [(0, 0)]);
        // Split 1 + 1 + 1: no cluster of window 1 holds a majority; nothing joins.
        assert!(majority_matches(&[vec![1, 2, 3, 4]], &[vec![2, 5], vec![3], vec![4, 6]]).is_empty());
        // Union over shared documents would chain 1 … 6 into one event; the majority rule
        // keeps each document's home cluster apart from clusters it agrees with on nothing.
        let events = merge_windows([we(0, &[1, 2, 3], &[&[1, 2, 3, 4]]), we(1, &[4, 5, 6], &[&[2, 5], &[3], &[4, 6]])]);
        assert_eq!(events, vec![vec![1, 2, 3], vec![4, 6], vec![5]]);
        // No window names a home for documents 7 and 9: each takes its first window's
        // cluster (9's joins 8's through their overlap {8}).
        assert_eq!(merge_windows([we(3, &[], &[&[8, 9]]), we(4, &[8], &[&[8], &[7]])]), vec![vec![7], vec![8, 9]]);
    }

    /// A stand-in for the pipeline: documents whose texts name one topic are one event.
    fn by_topic(docs: &[Document]) -> Result<WindowClusters, WindowError> {
        let mut topics: Vec<&str> = Vec::new();
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        for (i, d) in docs.iter().enumerate() {
            match topics.iter().position(|&t| t == d.text) {
                Some(k) => clusters[k].push(i),
                None => {
                    topics.push(&d.text);
                    clusters.push(vec![i]);
                }
            }
        }
        Ok(WindowClusters {
            clusters,
            published: docs.iter().map(|d| d.published).collect(),
            links: Vec::new(),
            passages: Vec::new(),
            pairs: Vec::new(),
            names: Vec::new(),
        })
    }

    /// [`by_topic`], linking every two documents of a cluster (as `left < right`).
    fn by_topic_linked(docs: &[Document]) -> Result<WindowClusters, WindowError> {
        let mut w = by_topic(docs)?;
        for c in &w.clusters {
            for (i, &a) in c.iter().enumerate() {
                for &b in &c[i + 1..] {
                    let evidence = format!("{} {}", docs[a].id, docs[b].id);
                    let relation = crate::align::Relation::Report;
                    w.links.push(Link { left: a, right: b, score: 0.5, evidence, relation });
                }
            }
        }
        w.links.sort_by_key(|l| (l.left, l.right));
        Ok(w)
    }

    /// Each document's event (by stream position): its index among `events`.
    fn event_of(events: &[Vec<EventDoc>]) -> HashMap<usize, usize> {
        events.iter().enumerate().flat_map(|(e, m)| m.iter().map(move |d| (d.position, e))).collect()
    }

    /// The links handed out with events, as (left, right) positions, checking each carries
    /// the ids of its own documents.
    fn links_of(events: &[Vec<EventDoc>], ids: &[String]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for d in events.iter().flatten() {
            for l in &d.links {
                assert_eq!(l.left, d.position);
                assert_eq!(l.evidence, format!("{} {}", ids[l.left], ids[l.right]));
                out.push((l.left, l.right));
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn each_pair_is_linked_once_by_one_window_and_only_inside_an_event() {
        let mut next = rng(0x2545_f491_4f6c_dd1d);
        let mut checked = 0;
        for round in 0..300 {
            let n = 1 + next(40) as usize;
            let docs = stream(&mut next, n);
            let ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
            let days = 1 + next(8) as i64;
            let spec = WindowSpec::new(days, next(days as u64) as i64).unwrap();
            let mut w = Windower::with_clusterer(spec, Box::new(by_topic_linked)).keep_links();
            let mut events: Vec<Vec<EventDoc>> = Vec::new();
            let mut in_order = true;
            for d in &docs {
                match w.push(d.clone()) {
                    Ok(finished) => events.extend(finished),
                    Err(_) => {
                        in_order = false;
                        break;
                    }
                }
            }
            if !in_order {
                continue;
            }
            events.extend(w.finish().unwrap());
            checked += 1;
            let event_of = event_of(&events);
            let got = links_of(&events, &ids);
            // What a window can link: two documents of one topic that some window holds, and
            // the windowed events keep only those in one event. Each exactly once.
            let dates: Vec<Option<Date>> = docs.iter().map(|d| d.published).collect();
            let plan = plan_windows(&dates, spec).unwrap();
            let mut want = Vec::new();
            for a in 0..n {
                for b in a + 1..n {
                    let together = plan.iter().any(|w| w.docs.contains(&a) && w.docs.contains(&b));
                    if together && docs[a].text == docs[b].text && event_of[&a] == event_of[&b] {
                        want.push((a, b));
                    }
                }
            }
            assert_eq!(got, want, "round {round}, {spec:?}");
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn passages_come_out_once_for_each_decided_pair_before_its_link() {
        let mut next = rng(0x6a09_e667_f3bc_c908);
        let mut checked = 0;
        for round in 0..300 {
            let n = 1 + next(40) as usize;
            let docs = stream(&mut next, n);
            let days = 1 + next(8) as i64;
            let spec = WindowSpec::new(days, next(days as u64) as i64).unwrap();
            // The stand-in aligns one passage (the two ids) for each pair the window decides.
            let linker: Linker = Box::new(|docs: &[Document], decides: &dyn Fn(usize, usize) -> bool| {
                let mut w = by_topic_linked(docs)?;
                w.passages = w
                    .links
                    .iter()
                    .map(|l| {
                        let (left, right) = (docs[l.left].id.clone(), docs[l.right].id.clone());
                        let p = LinkPassage { left, right, score: 1.0, evidence: None };
                        if decides(l.left, l.right) { vec![p] } else { Vec::new() }
                    })
                    .collect();
                Ok(w)
            });
            let mut w = Windower::with_linker(spec, linker).keep_links();
            let mut taken: Vec<(usize, usize)> = Vec::new();
            let mut events: Vec<Vec<EventDoc>> = Vec::new();
            let mut take = |w: &mut Windower, finished: Vec<Vec<EventDoc>>, events: &mut Vec<Vec<EventDoc>>| {
                for d in w.take_passages() {
                    assert_eq!(d.ids, (docs[d.left].id.clone(), docs[d.right].id.clone()));
                    assert_eq!(d.passages.len(), 1);
                    assert_eq!((&d.passages[0].left, &d.passages[0].right), (&d.ids.0, &d.ids.1));
                    taken.push((d.left, d.right));
                }
                // Every link handed out had its passages taken first.
                for l in finished.iter().flatten().flat_map(|d| &d.links) {
                    assert!(taken.contains(&(l.left, l.right)), "round {round}: {l:?}");
                }
                events.extend(finished);
            };
            let mut in_order = true;
            for d in &docs {
                match w.push(d.clone()) {
                    Ok(finished) => take(&mut w, finished, &mut events),
                    Err(_) => {
                        in_order = false;
                        break;
                    }
                }
            }
            if !in_order {
                continue;
            }
            let finished = w.finish().unwrap();
            take(&mut w, finished, &mut events);
            checked += 1;
            // Each decided pair once; those not linked are pairs of two events.
            let mut once = taken.clone();
            once.sort_unstable();
            once.dedup();
            assert_eq!(once.len(), taken.len(), "round {round}");
            let ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
            let links = links_of(&events, &ids);
            let event_of = event_of(&events);
            for p in &once {
                assert_eq!(links.contains(p), event_of[&p.0] == event_of[&p.1], "round {round}: {p:?}");
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn links_are_the_whole_runs_when_every_event_fits_in_the_overlap() {
        // Every two documents of an event (one text) lie at most `overlap` days apart: the
        // pair's home window holds both and links them, and no other window does.
        let mut next = rng(0x0ddb_1a5e_5bad_5eed);
        for round in 0..200 {
            let days = 1 + next(9) as i64;
            let overlap = next(days as u64) as i64;
            let spec = WindowSpec::new(days, overlap).unwrap();
            let mut docs: Vec<(i64, u64, String)> = Vec::new();
            let mut day = 19_000i64;
            for e in 0..1 + next(30) {
                day += next(4) as i64;
                for _ in 0..1 + next(5) {
                    docs.push((day + next(overlap as u64 + 1) as i64, next(1 << 20), format!("event {e}")));
                }
            }
            docs.sort();
            let ids: Vec<String> = (0..docs.len()).map(|i| format!("d{i}")).collect();
            let mut w = Windower::with_clusterer(spec, Box::new(by_topic_linked)).keep_links();
            let mut events: Vec<Vec<EventDoc>> = Vec::new();
            for (i, (day, _, text)) in docs.iter().enumerate() {
                let d = Document {
                    published: Some(Date::from_days_since_epoch(*day)),
                    ..Document::new(ids[i].as_str(), text.as_str())
                };
                events.extend(w.push(d).unwrap());
            }
            events.extend(w.finish().unwrap());
            let mut want = Vec::new();
            for a in 0..docs.len() {
                for b in a + 1..docs.len() {
                    if docs[a].2 == docs[b].2 {
                        want.push((a, b));
                    }
                }
            }
            assert_eq!(links_of(&events, &ids), want, "round {round}, {spec:?}");
            // Without keep_links, none.
            let mut w = Windower::with_clusterer(spec, Box::new(by_topic_linked));
            let d = Document { published: Some(Date::from_days_since_epoch(day)), ..Document::new("x", "t") };
            let mut none = w.push(d.clone()).unwrap();
            none.extend(w.push(Document { id: "y".into(), ..d }).unwrap());
            none.extend(w.finish().unwrap());
            assert_eq!(none.iter().flatten().map(|d| d.links.len()).sum::<usize>(), 0);
        }
    }

    fn stream(next: &mut impl FnMut(u64) -> u64, n: usize) -> Vec<Document> {
        let mut day = 19_000i64;
        (0..n)
            .map(|i| {
                day += next(3) as i64;
                // Some documents go back a day or two; some have no date.
                let d = if next(5) == 0 { None } else { Some(Date::from_days_since_epoch(day - next(3) as i64)) };
                Document { published: d, ..Document::new(format!("d{i}"), format!("topic {}", next(6))) }
            })
            .collect()
    }

    #[test]
    fn the_stream_gives_what_the_plan_and_merge_give() {
        let mut next = rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..200 {
            let n = 1 + next(40) as usize;
            let docs = stream(&mut next, n);
            let days = 1 + next(8) as i64;
            let spec = WindowSpec::new(days, next(days as u64) as i64).unwrap();
            let mut w = Windower::with_clusterer(spec, Box::new(by_topic));
            let mut got: Vec<Vec<usize>> = Vec::new();
            let mut failed = false;
            for d in &docs {
                match w.push(d.clone()) {
                    Ok(events) => got.extend(events.into_iter().map(|e| e.into_iter().map(|x| x.position).collect())),
                    Err(WindowError::OutOfOrder { .. }) => {
                        let dates: Vec<Option<Date>> = docs.iter().map(|d| d.published).collect();
                        assert!(plan_windows(&dates, spec).is_err(), "round {round}");
                        failed = true;
                        break;
                    }
                    Err(e) => panic!("{e}"),
                }
            }
            if failed {
                continue;
            }
            got.extend(w.finish().unwrap().into_iter().map(|e| e.into_iter().map(|x| x.position).collect()));
            let dates: Vec<Option<Date>> = docs.iter().map(|d| d.published).collect();
            let plan = plan_windows(&dates, spec).unwrap();
            let want = merge_windows(plan.iter().map(|w| {
                let mine: Vec<Document> = w.docs.iter().map(|&p| docs[p].clone()).collect();
                w.events(&by_topic(&mine).unwrap().clusters)
            }));
            // Events come as they finish; sorted by first document they are the merge's.
            got.sort();
            assert_eq!(got, want, "round {round}, {spec:?}");
            // Every document exactly once.
            let mut all: Vec<usize> = got.into_iter().flatten().collect();
            all.sort_unstable();
            assert_eq!(all, (0..docs.len()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn windows_give_the_whole_partition_when_every_event_fits_in_the_overlap() {
        // Windows that cluster as a whole run restricted to them would (here: one event per
        // text), events each within `overlap` days, many events a day, days without any:
        // the windowed events are the whole run's.
        let mut next = rng(0x51_7cc1_b727_220a);
        for round in 0..200 {
            let days = 1 + next(9) as i64;
            let overlap = next(days as u64) as i64;
            let spec = WindowSpec::new(days, overlap).unwrap();
            let mut docs: Vec<(i64, u64, String)> = Vec::new();
            let mut day = 19_000i64;
            for e in 0..1 + next(30) {
                day += next(4) as i64;
                for _ in 0..1 + next(5) {
                    docs.push((day + next(overlap as u64 + 1) as i64, next(1 << 20), format!("event {e}")));
                }
            }
            docs.sort();
            let mut w = Windower::with_clusterer(spec, Box::new(by_topic));
            let mut got: Vec<Vec<usize>> = Vec::new();
            for (i, (day, _, text)) in docs.iter().enumerate() {
                let d = Document {
                    published: Some(Date::from_days_since_epoch(*day)),
                    ..Document::new(format!("d{i}"), text.as_str())
                };
                got.extend(w.push(d).unwrap().into_iter().map(|e| e.into_iter().map(|x| x.position).collect()));
            }
            got.extend(w.finish().unwrap().into_iter().map(|e| e.into_iter().map(|x| x.position).collect()));
            let mut whole: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for (i, (_, _, text)) in docs.iter().enumerate() {
                whole.entry(text).or_default().push(i);
            }
            let mut want: Vec<Vec<usize>> = whole.into_values().collect();
            want.sort();
            // Events come as they finish; sorted by first document they are the merge's.
            got.sort();
            assert_eq!(got, want, "round {round}, {spec:?}");
        }
    }

    #[test]
    fn names_read_out_of_stream_order_are_resolved_in_stream_order_as_a_whole_run_does() {
        let doc = |id: &str, day: i64, text: &str| Document {
            published: Some(Date::from_days_since_epoch(day)),
            ..Document::new(id, text)
        };
        let docs = vec![
            doc("a", 10, "Sergey Lavrov met Nasser Bourita in Marrakech on Monday."),
            // Dated before `a` but in a window still open: its home window (1) closes
            // before `a`'s (2), so its names come out first.
            doc("b", 8, "ল্যাভরভ মারাকেচে বুরিতার সঙ্গে বৈঠক করেছেন।"),
            doc("c", 30, "لاوروف و بوریطه در مراکش دیدار کردند."),
        ];
        let spec = WindowSpec::new(7, 3).unwrap();
        let mut w = Windower::with_names(spec, None);
        for d in &docs {
            w.push(d.clone()).unwrap();
        }
        w.finish().unwrap();
        let read = w.take_names();
        let order: Vec<usize> = read.iter().map(|r| r.position).collect();
        assert_eq!(order, [1, 0, 2]);
        let mut names = NameCollector::new();
        let mut taken = Vec::new();
        for r in read {
            names.add(r);
            taken.push(names.len());
        }
        // `b` waits for `a`, then both join the table.
        assert_eq!(taken, [0, 2, 3]);
        let (got, ids) = names.finish();
        assert_eq!(ids, ["a", "b", "c"]);
        // The whole run's entities, in the same order, with the same documents and counts.
        let corpus = Corpus::from_docs(docs).unwrap();
        let whole = Analysis::new(&corpus).resolution;
        let view = |r: &crate::entities::Resolution| -> Vec<(String, Vec<u32>, usize, bool)> {
            r.entities.iter().map(|e| (e.key.clone(), e.docs.clone(), e.mentions, e.confirmed)).collect()
        };
        assert_eq!(view(&got), view(&whole));
        assert!(got.entities.iter().any(|e| e.docs == [0, 1, 2]), "Lavrov in all three: {:?}", view(&got));
    }

    #[test]
    fn a_document_dated_before_every_open_window_is_an_error() {
        let spec = WindowSpec::new(2, 0).unwrap();
        let mut w = Windower::with_clusterer(spec, Box::new(by_topic));
        let at =
            |n| Document { published: Some(Date::from_days_since_epoch(n)), ..Document::new(format!("x{n}"), "t") };
        w.push(at(100)).unwrap();
        w.push(at(103)).unwrap();
        // Day 101 is in window 50 ([100, 102)), clustered when day 103 arrived.
        let err = w.push(at(101)).unwrap_err().to_string();
        assert!(err.contains("document `x101` is dated 1970-04-12") && err.contains("date order"), "{err}");
        // Day 102 is in window 51, still open.
        assert!(w.push(at(102)).is_ok());
    }
}
