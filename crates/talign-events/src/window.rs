//! Time-windowed clustering: events over a corpus too large to hold, one window of
//! publication dates at a time.
//!
//! Events are local in time (two reports of one meeting are days apart, not months), so a
//! stream of documents in date order is cut into windows of `days` days that step by
//! `days − overlap` days. Window `k` covers the days `[k·step, k·step + days)` counted from
//! 1970-01-01, so where windows fall depends on the dates alone, never on which document
//! comes first. Each window is clustered by the whole-corpus pipeline ([`Analysis`]) on its
//! documents only ([`cluster_window`]: a pure function of the window's documents, the same
//! bytes on every run and thread count, so a failed window can simply be run again). Two
//! windows that hold one document (it lies in their overlap) have their clusters merged by
//! union-find over documents ([`merge_windows`]), so every document ends in exactly one
//! event. When every event of the corpus lies within `overlap` days, some window holds each
//! event whole, and the windowed result equals the whole-corpus run (the tests check this on
//! NTREX with generated dates).
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
//! documents can be in a later window. Events are numbered, and their documents listed, in
//! order of their first document in the stream, as [`Analysis`] numbers them in corpus
//! order.
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
//! // One task per window (pure, safe to retry), then one merge.
//! let per_window = plan.iter().map(|w| {
//!     let mine: Vec<Document> = w.docs.iter().map(|&p| docs[p].clone()).collect();
//!     w.positions(&cluster_window(&mine, &Default::default()).unwrap().clusters)
//! });
//! let events = merge_windows(per_window);
//! assert_eq!(events.iter().flatten().count(), 4);
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};

use talign_corpus::{Corpus, CorpusError, Date, Document};

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
}

impl Window {
    /// Local clusters (indices into this window's documents, as [`cluster_window`] returns
    /// them) as stream positions, ready for [`merge_windows`].
    pub fn positions(&self, clusters: &[Vec<usize>]) -> Vec<Vec<usize>> {
        clusters.iter().map(|c| c.iter().map(|&i| self.docs[i]).collect()).collect()
    }
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
    let mut windows: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
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
            windows.entry(k).or_default().push(i);
        }
    }
    Ok(windows
        .into_iter()
        .map(|(index, docs)| Window {
            index,
            start: Date::from_days_since_epoch(spec.start(index)),
            last: Date::from_days_since_epoch(spec.end(index) - 1),
            docs,
        })
        .collect())
}

/// The events of one window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowClusters {
    /// Each event as indices into the window's documents, ascending; events in order of
    /// their first document.
    pub clusters: Vec<Vec<usize>>,
    /// Each document's publication date as the pipeline read it (given, or from the text).
    pub published: Vec<Option<Date>>,
}

/// Clusters one window's documents with the whole-corpus pipeline, on them alone. A pure
/// function of `docs` and `opts`: the same input gives the same clusters on every run and
/// thread count (safe to retry). Fails only on a duplicate id.
pub fn cluster_window(docs: &[Document], opts: &Options) -> Result<WindowClusters, WindowError> {
    if docs.is_empty() {
        return Ok(WindowClusters { clusters: Vec::new(), published: Vec::new() });
    }
    let corpus = Corpus::from_docs(docs.iter().cloned())?;
    let a = Analysis::with_options(&corpus, opts);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (d, &e) in a.events.iter().enumerate() {
        // Events are numbered in order of their first document.
        if e == clusters.len() {
            clusters.push(Vec::new());
        }
        clusters[e].push(d);
    }
    Ok(WindowClusters { clusters, published: a.published.clone() })
}

/// Merges the clusters of overlapping windows: clusters that share a document become one
/// event (union-find). Ids are anything ordered, e.g. stream positions (see
/// [`Window::positions`]); each event lists its members ascending, and events come in order
/// of their smallest member, so the result depends neither on the order of the windows nor
/// on the order of clusters inside them.
pub fn merge_windows<I, W>(windows: W) -> Vec<Vec<I>>
where
    I: Ord + Clone + std::hash::Hash,
    W: IntoIterator<Item = Vec<Vec<I>>>,
{
    let mut index: HashMap<I, usize> = HashMap::new();
    let mut ids: Vec<I> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    fn find(parent: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while parent[r] != r {
            r = parent[r];
        }
        let mut c = x;
        while parent[c] != r {
            let n = parent[c];
            parent[c] = r;
            c = n;
        }
        r
    }
    for clusters in windows {
        for c in clusters {
            let mut first: Option<usize> = None;
            for id in c {
                let x = *index.entry(id.clone()).or_insert_with(|| {
                    ids.push(id);
                    parent.push(parent.len());
                    parent.len() - 1
                });
                if let Some(f) = first {
                    let (a, b) = (find(&mut parent, f), find(&mut parent, x));
                    parent[a.max(b)] = a.min(b);
                } else {
                    first = Some(x);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<I>> = HashMap::new();
    for (x, id) in ids.into_iter().enumerate() {
        let r = find(&mut parent, x);
        groups.entry(r).or_default().push(id);
    }
    let mut events: Vec<Vec<I>> = groups.into_values().collect();
    for e in &mut events {
        e.sort();
    }
    events.sort();
    events
}

/// A document of a finished event, as [`Windower`] hands it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDoc {
    /// Its position in the stream.
    pub position: usize,
    /// The document, its text dropped (empty) once it was clustered for the last time.
    pub doc: Document,
    /// Its publication date as the pipeline read it in its last window.
    pub published: Option<Date>,
}

/// A document held while one of its windows is open.
#[derive(Debug)]
struct Held {
    doc: Document,
    day: i64,
    published: Option<Date>,
}

/// Documents joined so far through the windows (union-find over stream positions).
#[derive(Debug, Default)]
struct Events {
    parent: HashMap<usize, usize>,
    /// Per root: members, and how many of them may still be in a window to come.
    groups: HashMap<usize, (Vec<usize>, usize)>,
    /// The smallest member of every group that is not finished.
    unfinished: BTreeSet<usize>,
    /// Finished groups by smallest member, waiting for every earlier group to finish.
    ready: BTreeMap<usize, Vec<usize>>,
}

impl Events {
    fn add(&mut self, p: usize) {
        self.parent.insert(p, p);
        self.groups.insert(p, (vec![p], 1));
        self.unfinished.insert(p);
    }

    fn find(&mut self, p: usize) -> usize {
        let mut r = p;
        while self.parent[&r] != r {
            r = self.parent[&r];
        }
        let mut c = p;
        while self.parent[&c] != r {
            let n = self.parent[&c];
            self.parent.insert(c, r);
            c = n;
        }
        r
    }

    /// Joins the groups of `a` and `b`; the root is the smallest member.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        self.parent.insert(gone, keep);
        let (members, open) = self.groups.remove(&gone).expect("a root has a group");
        self.unfinished.remove(&gone);
        let g = self.groups.get_mut(&keep).expect("a root has a group");
        g.0.extend(members);
        g.1 += open;
    }

    /// Document `p` will be in no later window; its group is ready when all its members are.
    fn done(&mut self, p: usize) {
        let r = self.find(p);
        let g = self.groups.get_mut(&r).expect("a root has a group");
        g.1 -= 1;
        if g.1 == 0 {
            let (mut members, _) = self.groups.remove(&r).expect("a root has a group");
            for m in &members {
                self.parent.remove(m);
            }
            members.sort_unstable();
            self.unfinished.remove(&r);
            self.ready.insert(r, members);
        }
    }

    /// The ready groups that come before every unfinished one, in order.
    fn take_ready(&mut self) -> Vec<Vec<usize>> {
        let bound = self.unfinished.first().copied().unwrap_or(usize::MAX);
        let mut out = Vec::new();
        while let Some(entry) = self.ready.first_entry() {
            if *entry.key() > bound {
                break;
            }
            out.push(entry.remove());
        }
        out
    }
}

/// What clusters one window's documents (see [`Windower::with_clusterer`]).
pub type Clusterer = Box<dyn FnMut(&[Document]) -> Result<WindowClusters, WindowError> + Send>;

impl std::fmt::Debug for Windower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Windower").field("spec", &self.spec).field("clock", &self.clock).finish_non_exhaustive()
    }
}

/// Windowed clustering of a stream: [`Windower::push`] each document in stream order, then
/// [`Windower::finish`]. Only the documents of the windows still open are held (about
/// `days` days of the stream), and the documents of finished events until every earlier
/// event is finished too. Events come out in order of their first document, each with its
/// documents in stream order, exactly as [`merge_windows`] over [`plan_windows`] would give
/// them.
pub struct Windower {
    spec: WindowSpec,
    /// Clusters one window ([`cluster_window`] with the options given).
    cluster: Clusterer,
    /// The latest day seen.
    clock: Option<i64>,
    /// Undated documents that came before any dated one.
    leading: Vec<Document>,
    /// Positions per open window.
    open: BTreeMap<i64, Vec<usize>>,
    /// Documents of open windows, and of finished documents until their event is handed out.
    held: HashMap<usize, Held>,
    next: usize,
    events: Events,
    /// Windows clustered so far, and the most documents one held.
    windows: usize,
    largest: usize,
}

impl Windower {
    /// An empty stream, each window clustered by [`cluster_window`] with `opts`.
    pub fn new(spec: WindowSpec, opts: &Options) -> Windower {
        let opts = *opts;
        Windower::with_clusterer(spec, Box::new(move |docs| cluster_window(docs, &opts)))
    }

    /// An empty stream, each window clustered by `cluster` (which must be pure, as
    /// [`cluster_window`] is).
    pub fn with_clusterer(spec: WindowSpec, cluster: Clusterer) -> Windower {
        Windower {
            spec,
            cluster,
            clock: None,
            leading: Vec::new(),
            open: BTreeMap::new(),
            held: HashMap::new(),
            next: 0,
            events: Events::default(),
            windows: 0,
            largest: 0,
        }
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
        debug_assert!(self.held.is_empty());
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
        self.events.add(p);
        self.held.insert(p, Held { doc, day, published: None });
    }

    /// Clusters window `k`, joins its clusters, and marks the documents it was the last
    /// window of as done.
    fn close(&mut self, k: i64) -> Result<(), WindowError> {
        let positions = self.open.remove(&k).unwrap_or_default();
        let docs: Vec<Document> = positions.iter().map(|p| self.held[p].doc.clone()).collect();
        let result = (self.cluster)(&docs)?;
        drop(docs);
        self.windows += 1;
        self.largest = self.largest.max(positions.len());
        for c in &result.clusters {
            for w in c.windows(2) {
                self.events.union(positions[w[0]], positions[w[1]]);
            }
        }
        for (i, &p) in positions.iter().enumerate() {
            let h = self.held.get_mut(&p).expect("an open window's documents are held");
            h.published = result.published[i];
            if *self.spec.windows_of(h.day).end() == k {
                // Its last window: keep what the table needs, not the text.
                h.doc.text = String::new();
                h.doc.text.shrink_to_fit();
                self.events.done(p);
            }
        }
        Ok(())
    }

    fn take_ready(&mut self) -> Vec<Vec<EventDoc>> {
        self.events
            .take_ready()
            .into_iter()
            .map(|members| {
                members
                    .into_iter()
                    .map(|p| {
                        let h = self.held.remove(&p).expect("a finished event's documents are held");
                        EventDoc { position: p, doc: h.doc, published: h.published }
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rng(seed: u64) -> impl FnMut(u64) -> u64 {
        let mut state = seed;
        move |m| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        }
    }

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
    fn undated_documents_go_where_they_arrive() {
        let d = |n| Some(Date::from_days_since_epoch(n));
        assert_eq!(stream_days(&[None, d(10), None, d(5), None, d(12), None]), [10, 10, 10, 5, 10, 12, 12]);
        assert_eq!(stream_days(&[None, None]), [0, 0]);
    }

    #[test]
    fn merging_follows_neither_window_order_nor_cluster_order() {
        let a = vec![vec![vec![3, 1], vec![2]], vec![vec![2, 5]], vec![vec![7], vec![5, 6]]];
        let mut b = a.clone();
        b.reverse();
        for w in &mut b {
            w.reverse();
        }
        assert_eq!(merge_windows(a.clone()), vec![vec![1, 3], vec![2, 5, 6], vec![7]]);
        assert_eq!(merge_windows(a), merge_windows(b));
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
        Ok(WindowClusters { clusters, published: docs.iter().map(|d| d.published).collect() })
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
                w.positions(&by_topic(&mine).unwrap().clusters)
            }));
            assert_eq!(got, want, "round {round}, {spec:?}");
            // Every document exactly once.
            let mut all: Vec<usize> = got.into_iter().flatten().collect();
            all.sort_unstable();
            assert_eq!(all, (0..docs.len()).collect::<Vec<_>>());
        }
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
