//! Events as groups of documents that hang together: average-linkage clustering over the
//! scored document pairs, with dates that veto a merge.
//!
//! Linking every pair whose score passes a threshold and taking the transitive closure
//! chains: weak links join reports of four different meetings into one "event". Here a
//! group grows only while the *average* score between its documents and the documents of
//! the group it joins stays above a threshold (pairs that were never scored count as 0), so
//! one weak link cannot pull two groups together.
//!
//! Two groups merge only if some pair across them reaches [`ClusterOptions::min_link`], or
//! at least [`ClusterOptions::min_support`] pairs across them reach
//! [`ClusterOptions::support`] (one likely partner, or several): a high average over
//! loosely related documents (five reports on Russia and the Middle East, none about the
//! same happening) is not an event.
//!
//! Each document may also carry a time window for the happening it reports (see
//! [`crate::when`]). Two groups merge only if every pair of windows across them stays
//! within a tolerance: for windows `[lo, hi]` that holds exactly when the largest `lo` and
//! the smallest `hi` of the merged group are at most the tolerance apart, so each group
//! keeps two numbers, not its members' windows. Windows whose year is unknown (a day and
//! month only) are compared on the day of the year.
//!
//! **Invariant:** the result does not depend on the order of the documents or on their ids:
//! ties between equal scores are broken by a key derived from each document's content.

use crate::{HashMap, HashMapExt};
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A time window for the happening a document reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Days since the epoch, inclusive.
    Days(i64, i64),
    /// Days of the year (1–366), inclusive, the year unknown.
    DaysOfYear(i64, i64),
}

/// The constraints a group's windows put on another group.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    /// Largest start and smallest end over the members with a window in days.
    days: Option<(i64, i64)>,
    /// The same on the day of the year, over every member with a window.
    year: Option<(i64, i64)>,
}

fn day_of_year(days: i64) -> i64 {
    i64::from(talign_corpus::Date::day_of_year_of_days(days))
}

impl Span {
    pub(crate) fn of(w: Option<Window>) -> Span {
        match w {
            None => Span { days: None, year: None },
            Some(Window::Days(lo, hi)) => {
                let (a, b) = (day_of_year(lo), day_of_year(hi));
                // A window across New Year is kept only in days.
                let year = (a <= b).then_some((a, b));
                Span { days: Some((lo, hi)), year }
            }
            Some(Window::DaysOfYear(lo, hi)) => Span { days: None, year: Some((lo, hi)) },
        }
    }

    fn join(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> Option<(i64, i64)> {
        match (a, b) {
            (Some(x), Some(y)) => Some((x.0.max(y.0), x.1.min(y.1))),
            (x, None) | (None, x) => x,
        }
    }

    pub(crate) fn merge(self, other: Span) -> Span {
        Span { days: Span::join(self.days, other.days), year: Span::join(self.year, other.year) }
    }

    /// Whether every pair of windows is at most `tolerance` days apart.
    pub(crate) fn consistent(&self, tolerance: i64) -> bool {
        self.days.is_none_or(|(lo, hi)| lo - hi <= tolerance) && self.year.is_none_or(|(lo, hi)| lo - hi <= tolerance)
    }
}

/// Whether two windows are at most `tolerance` days apart.
pub fn windows_agree(a: Window, b: Window, tolerance: i64) -> bool {
    windows_consistent([a, b], tolerance)
}

/// Whether every pair of these windows is at most `tolerance` days apart (in linear time:
/// each group keeps two numbers, see the module's documentation).
pub fn windows_consistent(windows: impl IntoIterator<Item = Window>, tolerance: i64) -> bool {
    windows.into_iter().fold(Span::of(None), |span, w| span.merge(Span::of(Some(w)))).consistent(tolerance)
}

/// For each window, whether all the others are at most `tolerance` days apart: what
/// [`windows_consistent`] says of the windows without it, for all of them in linear time
/// (a group's constraint is a fold that takes the largest start and the smallest end, so
/// the windows before and after each one are folded once each way).
pub(crate) fn consistent_without_each(windows: &[Window], tolerance: i64) -> Vec<bool> {
    let spans: Vec<Span> = windows.iter().map(|&w| Span::of(Some(w))).collect();
    let mut after = vec![Span::of(None); spans.len() + 1];
    for i in (0..spans.len()).rev() {
        after[i] = spans[i].merge(after[i + 1]);
    }
    let mut before = Span::of(None);
    let mut out = Vec::with_capacity(spans.len());
    for (i, s) in spans.iter().enumerate() {
        out.push(before.merge(after[i + 1]).consistent(tolerance));
        before = before.merge(*s);
    }
    out
}

/// Options of the clustering.
#[derive(Debug, Clone, Copy)]
pub struct ClusterOptions {
    /// Two groups merge while the average score between them reaches this.
    pub threshold: f32,
    /// Windows further apart than this many days never share a group.
    pub tolerance: i64,
    /// Pair scores below this count as 0.
    pub min_pair: f32,
    /// Two groups merge only if some pair across them reaches this (one likely partner).
    pub min_link: f32,
    /// Or: two groups merge if at least [`ClusterOptions::min_support`] pairs across them
    /// reach this (several likely partners); 0 pairs: off.
    pub support: f32,
    /// See [`ClusterOptions::support`].
    pub min_support: u32,
    /// How many passes [`refine`] makes over the documents after the grouping (0: none).
    pub refine_rounds: usize,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions {
            threshold: 0.15,
            tolerance: 3,
            min_pair: 0.0,
            min_link: 0.7,
            support: 0.4,
            min_support: 2,
            refine_rounds: 4,
        }
    }
}

impl ClusterOptions {
    /// Whether the scored pair `(a, b, score)` counts in the grouping: two documents, a
    /// positive score of at least [`ClusterOptions::min_pair`].
    pub fn counts(&self, a: u32, b: u32, score: f32) -> bool {
        a != b && score > 0.0 && score >= self.min_pair
    }

    /// Whether a pair with this score may, on its own or with others, let two groups merge.
    pub fn strong(&self, score: f32) -> bool {
        score >= self.min_link || (self.min_support > 0 && score >= self.support)
    }

    /// Whether the pairs across two groups let them merge, from their strongest score and
    /// how many reach [`ClusterOptions::support`]: one likely partner, or enough
    /// supporting ones.
    pub fn may_merge(&self, strongest: f32, supporting: u32) -> bool {
        strongest >= self.min_link || (self.min_support > 0 && supporting >= self.min_support)
    }
}

/// What the counted pairs across two groups say about merging them: their summed score,
/// the strongest, and how many reach [`ClusterOptions::support`]. The one place the merge
/// rule's sums are kept, for the grouping and for its second look at intruders.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Across {
    pub(crate) sum: f32,
    pub(crate) max: f32,
    pub(crate) supporting: u32,
}

impl Across {
    /// Counts one more pair across, of score `s`.
    pub(crate) fn add(&mut self, s: f32, opts: &ClusterOptions) {
        self.sum += s;
        self.max = self.max.max(s);
        self.supporting += u32::from(s >= opts.support);
    }

    /// Counts the pairs of `other` too (pairs across other documents of the same groups).
    fn join(&mut self, other: Across) {
        self.sum += other.sum;
        self.max = self.max.max(other.max);
        self.supporting += other.supporting;
    }

    /// Whether these pairs let the two groups merge ([`ClusterOptions::may_merge`]).
    pub(crate) fn may_merge(&self, opts: &ClusterOptions) -> bool {
        opts.may_merge(self.max, self.supporting)
    }
}

/// A candidate merge: the average score and the keys of the two groups (for ties).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    score: f32,
    keys: (u64, u64),
    groups: (u32, u32),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Candidate) -> Ordering {
        self.score.total_cmp(&other.score).then_with(|| other.keys.cmp(&self.keys))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Candidate) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A group's best pair in the heap of bests, with the group's count of changes when pushed.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    c: Candidate,
    group: u32,
    stamp: u32,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> Ordering {
        self.c
            .cmp(&other.c)
            .then_with(|| other.c.groups.cmp(&self.c.groups))
            .then_with(|| other.group.cmp(&self.group))
            .then_with(|| self.stamp.cmp(&other.stamp))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

struct Group {
    size: u32,
    key: u64,
    span: Span,
    /// The pairs to each neighbouring group.
    sums: HashMap<u32, Across>,
}

/// Groups `n` documents by average linkage over the scored pairs `edges` (each unordered
/// pair once, scores in [0, 1]); `windows[d]` is document `d`'s time window and `keys[d]`
/// a content key for ties. Returns each document's group, numbered in order of the
/// group's first document.
///
/// Two groups merge only through pairs that [`ClusterOptions::strong`] accepts, so
/// a group never spans two parts of the graph of such pairs: each part is grouped on
/// its own (over every counted pair inside it), the parts in parallel, and the result is
/// the one a single pass over every pair gives (a part's documents keep their relative
/// order, so ties break the same way).
pub fn average_linkage(edges: &[Edge], windows: &[Option<Window>], keys: &[u64], opts: &ClusterOptions) -> Vec<usize> {
    Grouping::new(edges, windows, keys, opts).numbered()
}

/// A scored pair of documents: both documents and the score.
type Edge = (u32, u32, f32);

/// Groups of documents, each document with the smallest document of its group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouping {
    root: Vec<u32>,
}

impl Grouping {
    /// Average linkage over `edges`, as [`average_linkage`].
    pub fn new(edges: &[Edge], windows: &[Option<Window>], keys: &[u64], opts: &ClusterOptions) -> Self {
        Self::regroup(None, edges, windows, keys, opts)
    }

    /// Average linkage over `edges` where only the connected parts holding a document of
    /// `touched` can differ from `self` (pairs of those documents were dropped since `self`
    /// was grouped over a superset of `edges`): the other parts keep their groups.
    pub fn update(
        &self,
        touched: &[u32],
        edges: &[Edge],
        windows: &[Option<Window>],
        keys: &[u64],
        opts: &ClusterOptions,
    ) -> Self {
        Self::regroup(Some((self, touched)), edges, windows, keys, opts)
    }

    fn regroup(
        previous: Option<(&Grouping, &[u32])>,
        edges: &[Edge],
        windows: &[Option<Window>],
        keys: &[u64],
        opts: &ClusterOptions,
    ) -> Self {
        let n = windows.len();
        let mut uf = crate::uf::UnionFind::new(n);
        for &(a, b, s) in edges {
            if opts.counts(a, b, s) && opts.strong(s) {
                uf.union(a, b);
            }
        }
        let part: Vec<u32> = (0..n as u32).map(|d| uf.find(d)).collect();
        let mut redo = vec![previous.is_none(); n];
        if let Some((_, touched)) = previous {
            for &d in touched {
                redo[part[d as usize] as usize] = true;
            }
        }
        // Each part to group: its documents (ascending) and its counted pairs (in input order).
        let mut index: HashMap<u32, usize> = HashMap::new();
        let mut parts: Vec<(Vec<u32>, Vec<Edge>)> = Vec::new();
        let mut local = vec![0u32; n];
        for d in 0..n as u32 {
            let p = part[d as usize];
            if !redo[p as usize] {
                continue;
            }
            let i = *index.entry(p).or_insert_with(|| {
                parts.push((Vec::new(), Vec::new()));
                parts.len() - 1
            });
            local[d as usize] = parts[i].0.len() as u32;
            parts[i].0.push(d);
        }
        for &(a, b, s) in edges {
            if opts.counts(a, b, s)
                && part[a as usize] == part[b as usize]
                && let Some(&i) = index.get(&part[a as usize])
            {
                parts[i].1.push((local[a as usize], local[b as usize], s));
            }
        }
        // The largest parts first, so that the cores share the work evenly.
        let mut order: Vec<usize> = (0..parts.len()).filter(|&i| !parts[i].1.is_empty()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(parts[i].1.len()));
        let grouped: Vec<(usize, Vec<u32>)> = order
            .par_iter()
            .map(|&i| {
                let (docs, part_edges) = &parts[i];
                let w: Vec<Option<Window>> = docs.iter().map(|&d| windows[d as usize]).collect();
                let k: Vec<u64> = docs.iter().map(|&d| keys[d as usize]).collect();
                (i, link(part_edges, &w, &k, opts))
            })
            .collect();
        let mut root: Vec<u32> = match previous {
            Some((g, _)) => g.root.clone(),
            None => (0..n as u32).collect(),
        };
        for &i in index.values() {
            for &d in &parts[i].0 {
                root[d as usize] = d;
            }
        }
        for (i, parent) in grouped {
            let docs = &parts[i].0;
            // The smallest document of each local group: documents are ascending, so the
            // first met.
            let mut smallest: HashMap<u32, u32> = HashMap::new();
            for (l, &d) in docs.iter().enumerate() {
                root[d as usize] = *smallest.entry(parent[l]).or_insert(d);
            }
        }
        Grouping { root }
    }

    /// Each document's group, numbered in order of the group's first document.
    pub fn numbered(&self) -> Vec<usize> {
        numbered_by_first(&self.root)
    }
}

/// Group labels renumbered 0, 1, … in the order their first document comes.
fn numbered_by_first<T: Copy + Eq + std::hash::Hash>(labels: &[T]) -> Vec<usize> {
    let mut number: HashMap<T, usize> = HashMap::new();
    labels
        .iter()
        .map(|&l| {
            let next = number.len();
            *number.entry(l).or_insert(next)
        })
        .collect()
}

/// A second look at each document's group after the grouping: average linkage merges
/// greedily, so a document joined early to a group it fits less well than another it could
/// join (a report of Sheikh Hasina's resignation drawn into her election of January by
/// two pairs at 0.41, though three reports of the resignation find it likelier, 0.45 to
/// 0.59, once their group is whole) stays there. Each document whose average score with
/// its own group (without it) has fallen below [`ClusterOptions::threshold`], in the order
/// of its content key, moves to the group whose average score with it is highest, if that
/// average is higher than its own group's, reaches the threshold, the pairs with that group
/// let a merge ([`ClusterOptions::may_merge`]) and the windows agree.
/// Up to [`ClusterOptions::refine_rounds`] passes, until nothing moves. `groups[d]` is document `d`'s
/// group, any numbering; the result is numbered as [`Grouping::numbered`] numbers.
pub fn refine(
    edges: &[Edge],
    windows: &[Option<Window>],
    keys: &[u64],
    groups: &[usize],
    opts: &ClusterOptions,
) -> Vec<usize> {
    let n = groups.len();
    let mut adj: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    for &(a, b, s) in edges {
        if opts.counts(a, b, s) {
            adj[a as usize].push((b, s));
            adj[b as usize].push((a, s));
        }
    }
    let mut group: Vec<usize> = groups.to_vec();
    let mut members: HashMap<usize, Vec<u32>> = HashMap::new();
    for (d, &g) in group.iter().enumerate() {
        members.entry(g).or_default().push(d as u32);
    }
    // Per group: its smallest content key (to break ties) and its windows' span, kept up
    // to date as documents move (a group that loses one is folded again; moves are few).
    let summary = |ms: &[u32]| {
        let first = ms.iter().map(|&m| keys[m as usize]).min().unwrap_or(u64::MAX);
        (first, ms.iter().fold(Span::of(None), |s, &m| s.merge(Span::of(windows[m as usize]))))
    };
    let mut summaries: HashMap<usize, (u64, Span)> = members.iter().map(|(&g, ms)| (g, summary(ms))).collect();
    let mut order: Vec<u32> = (0..n as u32).filter(|&d| !adj[d as usize].is_empty()).collect();
    order.sort_by_key(|&d| (keys[d as usize], d));
    for _ in 0..opts.refine_rounds {
        let mut moved = false;
        for &d in &order {
            let own = group[d as usize];
            // The document's pairs with each neighbouring group.
            let mut across: HashMap<usize, Across> = HashMap::new();
            for &(o, s) in &adj[d as usize] {
                across.entry(group[o as usize]).or_default().add(s, opts);
            }
            let own_size = members[&own].len();
            let own_avg =
                if own_size > 1 { across.get(&own).map_or(0.0, |e| e.sum) / (own_size - 1) as f32 } else { 0.0 };
            if own_avg >= opts.threshold {
                continue;
            }
            let mine = Span::of(windows[d as usize]);
            let mut best: Option<(f32, u64, usize)> = None;
            for (&g, pairs) in &across {
                if g == own {
                    continue;
                }
                let avg = pairs.sum / members[&g].len() as f32;
                if avg <= own_avg || avg < opts.threshold || !pairs.may_merge(opts) {
                    continue;
                }
                let (first, span) = summaries[&g];
                if best.is_some_and(|(b, k, _)| (avg, std::cmp::Reverse(first)) <= (b, std::cmp::Reverse(k))) {
                    continue;
                }
                if !span.merge(mine).consistent(opts.tolerance) {
                    continue;
                }
                best = Some((avg, first, g));
            }
            let Some((_, _, to)) = best else { continue };
            // The group left behind agrees in time still (it has fewer windows).
            if let Some(ms) = members.get_mut(&own) {
                ms.retain(|&m| m != d);
                summaries.insert(own, summary(ms));
            }
            members.entry(to).or_default().push(d);
            if let Some((first, span)) = summaries.get_mut(&to) {
                *first = (*first).min(keys[d as usize]);
                *span = span.merge(mine);
            }
            group[d as usize] = to;
            moved = true;
        }
        if !moved {
            break;
        }
    }
    numbered_by_first(&group)
}

/// Average linkage over one connected part: `edges` between its documents `0..n`, which
/// must all count. Returns each document's group as the root document of the group.
fn link(edges: &[Edge], windows: &[Option<Window>], keys: &[u64], opts: &ClusterOptions) -> Vec<u32> {
    let n = windows.len();
    // Each document's pairs, in the order of `edges` (a pair given twice is summed in that
    // order), then each map sized for them at once and filled on every core.
    let mut start = vec![0usize; n + 1];
    for &(a, b, _) in edges {
        start[a as usize + 1] += 1;
        start[b as usize + 1] += 1;
    }
    for d in 0..n {
        start[d + 1] += start[d];
    }
    let mut next = start.clone();
    let mut adjacent = vec![(0u32, 0f32); start[n]];
    for &(a, b, s) in edges {
        for (x, y) in [(a, b), (b, a)] {
            adjacent[next[x as usize]] = (y, s);
            next[x as usize] += 1;
        }
    }
    drop(next);
    let mut groups: Vec<Group> = (0..n)
        .into_par_iter()
        .map(|d| {
            let pairs = &adjacent[start[d]..start[d + 1]];
            let mut sums: HashMap<u32, Across> = HashMap::with_capacity(pairs.len());
            for &(y, s) in pairs {
                sums.entry(y).or_default().add(s, opts);
            }
            Group { size: 1, key: keys[d], span: Span::of(windows[d]), sums }
        })
        .collect();
    drop(adjacent);
    let candidate = |groups: &[Group], a: u32, b: u32, sum: f32| {
        let (ga, gb) = (&groups[a as usize], &groups[b as usize]);
        let (a, b, ka, kb) = if ga.key <= gb.key { (a, b, ga.key, gb.key) } else { (b, a, gb.key, ga.key) };
        Candidate { score: sum / (ga.size as f32 * gb.size as f32), keys: (ka, kb), groups: (a, b) }
    };
    // A pair that may merge now: the pairs across let it (`may_merge`), the average reaches
    // the threshold, and the windows agree.
    let eligible = |groups: &[Group], a: u32, b: u32, across: Across| {
        if !across.may_merge(opts) {
            return None;
        }
        let c = candidate(groups, a, b, across.sum);
        let consistent = || groups[a as usize].span.merge(groups[b as usize].span).consistent(opts.tolerance);
        (c.score >= opts.threshold && consistent()).then_some(c)
    };
    // Candidates are compared by score, then keys, then (for pairs equal in both) groups.
    let better = |x: &Candidate, y: &Candidate| x.cmp(y).then_with(|| y.groups.cmp(&x.groups)).is_gt();
    let rescan = |groups: &[Group], g: u32| {
        let mut best: Option<Candidate> = None;
        for (&x, &e) in &groups[g as usize].sums {
            if let Some(c) = eligible(groups, g, x, e)
                && best.is_none_or(|b| better(&c, &b))
            {
                best = Some(c);
            }
        }
        best
    };
    // Each group keeps its best eligible pair, and a heap holds the groups' bests, each
    // stamped with its group's count of changes: an entry whose stamp is old is passed
    // over. The best of the bests is the best pair of all, as looking at every pair would
    // find it. Merging two groups changes only the pairs of the merged group, so only it
    // and its neighbours look at their pairs again.
    //
    // A neighbour whose best was with one of the two is not rescanned at once: its pair
    // with the merged group is weaker than before (the same sums over a larger group) or
    // is compared on its own, and its other pairs did not change, so its old best is an
    // upper bound of its new one. It stays in the heap as that bound, marked `dirty`, and
    // is rescanned only when the bound comes first; a neighbour of a hub that grows by
    // many merges is rescanned once, not at each. An entry that comes first and is not a
    // bound is at least every group's best, as before.
    let mut best: Vec<Option<Candidate>> = (0..n as u32).into_par_iter().map(|g| rescan(&groups, g)).collect();
    let mut dirty = vec![false; n];
    // The group a best pair pairs `g` with.
    let other = |c: &Candidate, g: u32| if c.groups.0 == g { c.groups.1 } else { c.groups.0 };
    // Per group, the groups whose best pair is (or was, since it was last looked at) with
    // it: after a merge, only these and the neighbours of the group merged away can have
    // a best pair that changed (see below).
    let mut pointed: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (g, c) in best.iter().enumerate() {
        if let Some(c) = c {
            pointed[other(c, g as u32) as usize].push(g as u32);
        }
    }
    let mut stamp: Vec<u32> = vec![0; n];
    let mut heap: BinaryHeap<Entry> =
        best.iter().enumerate().filter_map(|(g, c)| c.map(|c| Entry { c, group: g as u32, stamp: 0 })).collect();
    // Gives group `g` its best `c` (exact) and, when it changed or `again`, a heap entry.
    let set_best = |best: &mut Vec<Option<Candidate>>,
                    pointed: &mut Vec<Vec<u32>>,
                    stamp: &mut Vec<u32>,
                    heap: &mut BinaryHeap<Entry>,
                    g: u32,
                    c: Option<Candidate>,
                    again: bool| {
        if again || best[g as usize] != c {
            best[g as usize] = c;
            stamp[g as usize] += 1;
            if let Some(c) = c {
                heap.push(Entry { c, group: g, stamp: stamp[g as usize] });
                pointed[other(&c, g) as usize].push(g);
            }
        }
    };
    let mut alive = vec![true; n];
    let mut parent: Vec<u32> = (0..n as u32).collect();
    while let Some(e) = heap.pop() {
        if !alive[e.group as usize] || stamp[e.group as usize] != e.stamp {
            continue;
        }
        if dirty[e.group as usize] {
            // A bound came first: the group's best is looked for now.
            dirty[e.group as usize] = false;
            let c = rescan(&groups, e.group);
            set_best(&mut best, &mut pointed, &mut stamp, &mut heap, e.group, c, true);
            continue;
        }
        let (a, b) = e.c.groups;
        let (ga, gb) = (&groups[a as usize], &groups[b as usize]);
        // Merge the smaller group into the larger (ties: into the one with the smaller key).
        let (keep, gone) = if (ga.size, gb.key) >= (gb.size, ga.key) { (a, b) } else { (b, a) };
        let gone_group = std::mem::replace(
            &mut groups[gone as usize],
            Group { size: 0, key: 0, span: Span::of(None), sums: HashMap::new() },
        );
        parent[gone as usize] = keep;
        alive[gone as usize] = false;
        best[gone as usize] = None;
        {
            let k = &mut groups[keep as usize];
            k.size += gone_group.size;
            k.key = k.key.min(gone_group.key);
            k.span = k.span.merge(gone_group.span);
            k.sums.remove(&gone);
        }
        // The groups whose best pair may have changed: the neighbours of `gone` (their pair
        // with it is now one with `keep`) and the groups whose best was with either. Every
        // other neighbour `x` of `keep` keeps its best: its pair with `keep` has the same
        // sums over a larger group, so a lower average (and windows that agree less), and
        // was not better than its best before.
        let mut visit: Vec<u32> = std::mem::take(&mut pointed[keep as usize]);
        visit.append(&mut pointed[gone as usize]);
        visit.extend(gone_group.sums.keys().copied());
        visit.sort_unstable();
        visit.dedup();
        // The neighbours of `gone` now point at `keep`.
        for (x, across) in gone_group.sums {
            if x == keep {
                continue;
            }
            let e = groups[keep as usize].sums.entry(x).or_default();
            e.join(across);
            let pair = *e;
            let g = groups[x as usize].sums.entry(keep).or_default();
            *g = pair;
            groups[x as usize].sums.remove(&gone);
        }
        dirty[keep as usize] = false;
        let c = rescan(&groups, keep);
        set_best(&mut best, &mut pointed, &mut stamp, &mut heap, keep, c, false);
        // A pair's sums are kept alike on both sides, so `keep`'s own map gives them.
        for &x in &visit {
            let Some(&pair) = groups[keep as usize].sums.get(&x) else { continue };
            let c = eligible(&groups, x, keep, pair);
            let b = best[x as usize];
            let with_them = b.is_some_and(|b| [keep, gone].contains(&b.groups.0) || [keep, gone].contains(&b.groups.1));
            if dirty[x as usize] || with_them {
                // `b` is an upper bound of the best of `x`'s other pairs: a pair with
                // `keep` better than it is the best; otherwise `b` stays as the bound.
                match (b, c) {
                    (Some(b), Some(c)) if better(&c, &b) => {
                        dirty[x as usize] = false;
                        set_best(&mut best, &mut pointed, &mut stamp, &mut heap, x, Some(c), false);
                    }
                    _ => dirty[x as usize] = true,
                }
                continue;
            }
            let c = match (b, c) {
                (Some(b), Some(c)) if better(&c, &b) => Some(c),
                (None, c) => c,
                (b, _) => b,
            };
            // (A best that stays is not with `keep` or `gone`, so no list needs it again.)
            set_best(&mut best, &mut pointed, &mut stamp, &mut heap, x, c, false);
        }
    }
    (0..n as u32)
        .map(|mut d| {
            while parent[d as usize] != d {
                d = parent[d as usize];
            }
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn keys(n: usize) -> Vec<u64> {
        (0..n as u64).map(|k| k * 7919 % 1000).collect()
    }

    #[test]
    fn one_weak_link_does_not_chain_two_groups() {
        // Two tight triangles joined by one weak edge.
        let e = vec![(0, 1, 0.8), (1, 2, 0.7), (0, 2, 0.75), (3, 4, 0.8), (4, 5, 0.7), (3, 5, 0.75), (2, 3, 0.3)];
        let g =
            average_linkage(&e, &[None; 6], &keys(6), &ClusterOptions { threshold: 0.2, ..ClusterOptions::default() });
        assert_eq!(g, vec![0, 0, 0, 1, 1, 1]);
        // Transitive closure at the same threshold would have made one group.
    }

    #[test]
    fn several_likely_partners_join_a_group_that_no_single_pair_would() {
        // A group of three (0, 1, 2) and a document (3) whose best pair with it is 0.6,
        // below the one strong pair a merge needs (0.7).
        let group = [(0, 1, 0.95), (1, 2, 0.95), (0, 2, 0.95)];
        let two = [group.as_slice(), &[(3, 0, 0.6), (3, 1, 0.45)]].concat();
        let one = [group.as_slice(), &[(3, 0, 0.6), (3, 1, 0.35)]].concat();
        let off = ClusterOptions { min_support: 0, ..ClusterOptions::default() };
        let on = ClusterOptions { min_support: 2, support: 0.4, ..ClusterOptions::default() };
        let g = |e: &[Edge], o: &ClusterOptions| average_linkage(e, &[None; 4], &keys(4), o);
        // Two pairs of at least 0.4 across: it joins; with one, it stays apart.
        assert_eq!(g(&two, &on), vec![0, 0, 0, 0]);
        assert_eq!(g(&one, &on), vec![0, 0, 0, 1]);
        // Without the rule, only a pair of 0.7 lets it in.
        assert_eq!(g(&two, &off), vec![0, 0, 0, 1]);
        // The rule does not lift the average: two supporting pairs over a large group
        // whose average stays below the threshold do not merge.
        let big: Vec<Edge> = (0..8u32).flat_map(|a| (a + 1..8).map(move |b| (a, b, 0.95))).collect();
        let thin = [big.as_slice(), &[(8, 0, 0.45), (8, 1, 0.45)]].concat();
        assert_eq!(average_linkage(&thin, &[None; 9], &keys(9), &on)[8], 1);
    }

    #[test]
    fn leaving_each_window_out_agrees_with_folding_the_others() {
        // Windows in days and on the day of the year, some across New Year, some far apart.
        let mut x: u64 = 12345;
        let mut next = |m: i64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((x >> 33) % m as u64) as i64
        };
        let mut seen = [0usize; 2];
        for n in 0..40 {
            let windows: Vec<Window> = (0..n % 9)
                .map(|_| {
                    let lo = 19_700 + next(12) * next(3);
                    if next(4) == 0 {
                        let d = 1 + next(366);
                        Window::DaysOfYear(d, (d + next(3)).min(366))
                    } else {
                        Window::Days(lo, lo + next(4))
                    }
                })
                .collect();
            let fast = consistent_without_each(&windows, 3);
            for i in 0..windows.len() {
                let others = windows.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, &w)| w);
                assert_eq!(fast[i], windows_consistent(others, 3), "{windows:?} without {i}");
                seen[usize::from(fast[i])] += 1;
            }
        }
        assert!(seen[0] > 10 && seen[1] > 10, "both answers tested: {seen:?}");
    }

    #[test]
    fn dates_too_far_apart_veto_a_merge() {
        let e = vec![(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.9)];
        let w = [Some(Window::Days(100, 100)), Some(Window::Days(101, 102)), Some(Window::Days(130, 130))];
        let g = average_linkage(&e, &w, &keys(3), &ClusterOptions::default());
        assert_eq!(g, vec![0, 0, 1]);
        // A document without a window joins either.
        let w = [Some(Window::Days(100, 100)), None, Some(Window::Days(101, 101))];
        assert_eq!(average_linkage(&e, &w, &keys(3), &ClusterOptions::default()), vec![0, 0, 0]);
        // A day and month without a year still disagrees with a date a month away.
        let may20 = talign_corpus::Date::from_ymd(2024, 5, 20).unwrap().days_since_epoch();
        let w = [Some(Window::Days(may20, may20)), Some(Window::DaysOfYear(172, 172)), None];
        assert_eq!(average_linkage(&e, &w, &keys(3), &ClusterOptions::default()), vec![0, 1, 0]);
    }

    #[test]
    fn the_order_of_documents_does_not_matter() {
        let e = vec![(0, 1, 0.5), (1, 2, 0.5), (2, 3, 0.5), (0, 3, 0.1), (3, 4, 0.9)];
        let k = keys(5);
        let g = average_linkage(&e, &[None; 5], &k, &ClusterOptions { threshold: 0.2, ..ClusterOptions::default() });
        // The same documents in reverse order.
        let rev = |d: u32| 4 - d;
        let e2: Vec<(u32, u32, f32)> = e.iter().map(|&(a, b, s)| (rev(a), rev(b), s)).collect();
        let k2: Vec<u64> = (0..5).map(|d| k[rev(d) as usize]).collect();
        let g2 = average_linkage(&e2, &[None; 5], &k2, &ClusterOptions { threshold: 0.2, ..ClusterOptions::default() });
        for a in 0..5u32 {
            for b in 0..5u32 {
                assert_eq!(g[a as usize] == g[b as usize], g2[rev(a) as usize] == g2[rev(b) as usize]);
            }
        }
    }

    /// Graphs with hubs (documents most others pair with, more strongly than with each
    /// other): a hub's neighbours have their best pair with it, and every merge into it
    /// leaves their best a bound to look at again (the lazy rescan of [`link`]).
    #[test]
    fn hubs_group_as_looking_at_every_pair_does() {
        let mut next = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15u64);
        for _ in 0..200 {
            let n = 8 + next(18) as usize;
            let hubs = 1 + next(3) as u32;
            let mut edges = Vec::new();
            for a in 0..n as u32 {
                for b in a + 1..n as u32 {
                    let s = if a < hubs {
                        (4 + next(5)) as f32 / 8.0
                    } else if next(4) == 0 {
                        next(6) as f32 / 8.0
                    } else {
                        continue;
                    };
                    edges.push((a, b, s));
                }
            }
            let windows: Vec<Option<Window>> = (0..n)
                .map(|_| (next(5) == 0).then(|| Window::Days(next(3) as i64 * 3, next(3) as i64 * 3 + 1)))
                .collect();
            let keys: Vec<u64> = (0..n).map(|_| next(1000)).collect();
            let opts = ClusterOptions {
                threshold: 0.1 + next(3) as f32 / 10.0,
                min_support: next(2) as u32 * 2,
                ..ClusterOptions::default()
            };
            let fast = average_linkage(&edges, &windows, &keys, &opts);
            let slow = naive(&edges, &windows, &keys, &opts);
            for a in 0..n {
                for b in 0..n {
                    assert_eq!(fast[a] == fast[b], slow[a] == slow[b], "{edges:?} {windows:?} {keys:?}");
                }
            }
        }
    }

    /// The textbook algorithm: every round, the best pair of groups by average, keys and
    /// windows as in [`average_linkage`], found by looking at every pair.
    fn naive(edges: &[(u32, u32, f32)], windows: &[Option<Window>], keys: &[u64], opts: &ClusterOptions) -> Vec<usize> {
        let n = windows.len();
        let mut w = vec![vec![0f32; n]; n];
        let mut mx = vec![vec![0f32; n]; n];
        for &(a, b, s) in edges {
            if a != b && s > 0.0 && s >= opts.min_pair {
                w[a as usize][b as usize] += s;
                w[b as usize][a as usize] += s;
                mx[a as usize][b as usize] = mx[a as usize][b as usize].max(s);
                mx[b as usize][a as usize] = mx[b as usize][a as usize].max(s);
            }
        }
        let mut groups: Vec<Vec<usize>> = (0..n).map(|d| vec![d]).collect();
        loop {
            let key = |g: &Vec<usize>| g.iter().map(|&d| keys[d]).min().unwrap();
            let span = |g: &Vec<usize>| g.iter().fold(Span::of(None), |s, &d| s.merge(Span::of(windows[d])));
            let mut best: Option<(f32, (u64, u64), usize, usize)> = None;
            for i in 0..groups.len() {
                for j in i + 1..groups.len() {
                    let sum: f32 = groups[i]
                        .iter()
                        .flat_map(|&a| groups[j].iter().map(move |&b| (a, b)))
                        .map(|(a, b)| w[a][b])
                        .sum();
                    let score = sum / (groups[i].len() * groups[j].len()) as f32;
                    let across = || groups[i].iter().flat_map(|&a| groups[j].iter().map(move |&b| (a, b)));
                    let max = across().map(|(a, b)| mx[a][b]).fold(0f32, f32::max);
                    let supporting = across().filter(|&(a, b)| w[a][b] > 0.0 && w[a][b] >= opts.support).count();
                    if !opts.may_merge(max, supporting as u32) {
                        continue;
                    }
                    let (ki, kj) = (key(&groups[i]), key(&groups[j]));
                    let ks = (ki.min(kj), ki.max(kj));
                    if score < opts.threshold || !span(&groups[i]).merge(span(&groups[j])).consistent(opts.tolerance) {
                        continue;
                    }
                    if best.is_none_or(|b| score > b.0 || (score == b.0 && ks < b.1)) {
                        best = Some((score, ks, i, j));
                    }
                }
            }
            let Some((_, _, i, j)) = best else { break };
            let g = groups.remove(j);
            groups[i].extend(g);
        }
        let mut part = vec![0; n];
        for (k, g) in groups.iter().enumerate() {
            for &d in g {
                part[d] = k;
            }
        }
        part
    }

    #[test]
    fn the_heap_finds_what_looking_at_every_pair_finds() {
        let mut next = crate::testing::xorshift(0x2545_f491_4f6c_dd1du64);
        for _ in 0..300 {
            let n = 2 + next(14) as usize;
            let mut edges = Vec::new();
            for a in 0..n as u32 {
                for b in a + 1..n as u32 {
                    if next(3) > 0 {
                        // Scores on a grid of eighths, so that ties happen.
                        edges.push((a, b, next(9) as f32 / 8.0));
                    }
                }
            }
            let windows: Vec<Option<Window>> = (0..n)
                .map(|_| {
                    if next(3) == 0 {
                        None
                    } else {
                        let d = next(12) as i64 * 2;
                        Some(Window::Days(d, d + 1))
                    }
                })
                .collect();
            let keys: Vec<u64> = (0..n).map(|_| next(1000)).collect();
            // With and without the rule of several supporting pairs.
            let opts = ClusterOptions { threshold: 0.3, min_support: next(2) as u32 * 2, ..ClusterOptions::default() };
            let fast = average_linkage(&edges, &windows, &keys, &opts);
            let slow = naive(&edges, &windows, &keys, &opts);
            for a in 0..n {
                for b in 0..n {
                    assert_eq!(fast[a] == fast[b], slow[a] == slow[b], "{edges:?} {windows:?} {keys:?}");
                }
            }
            // Dropping some pairs and grouping again only where they were gives what
            // grouping the rest from scratch gives.
            let first = Grouping::new(&edges, &windows, &keys, &opts);
            let (mut kept, mut touched) = (Vec::new(), Vec::new());
            for &e in &edges {
                if next(4) == 0 {
                    touched.extend([e.0, e.1]);
                } else {
                    kept.push(e);
                }
            }
            let again = first.update(&touched, &kept, &windows, &keys, &opts);
            assert_eq!(again, Grouping::new(&kept, &windows, &keys, &opts), "{edges:?} {kept:?}");
            let slow = naive(&kept, &windows, &keys, &opts);
            let again = again.numbered();
            for a in 0..n {
                for b in 0..n {
                    assert_eq!(again[a] == again[b], slow[a] == slow[b], "{kept:?} {windows:?} {keys:?}");
                }
            }
        }
    }

    /// Groups as sets of documents, whatever their numbers.
    fn partition(groups: &[usize]) -> Vec<Vec<usize>> {
        let mut by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (d, &g) in groups.iter().enumerate() {
            by.entry(g).or_default().push(d);
        }
        let mut out: Vec<Vec<usize>> = by.into_values().collect();
        out.sort();
        out
    }

    #[test]
    fn a_document_that_no_longer_fits_its_group_moves_to_the_one_it_fits() {
        // 0..=5: one event, closely knit; 6 joined it early on two pairs at 0.41, and its
        // average with the six has fallen to 0.82 / 6 = 0.137, below the threshold. 7, 8, 9:
        // another event, with which 6 averages 0.95 / 3 = 0.317 on two pairs of 0.4 or more.
        let mut e: Vec<Edge> = Vec::new();
        for a in 0..6u32 {
            for b in a + 1..6 {
                e.push((a, b, 0.9));
            }
        }
        e.extend([(7, 8, 0.8), (7, 9, 0.8), (8, 9, 0.8), (6, 0, 0.41), (6, 1, 0.41), (6, 7, 0.5), (6, 8, 0.45)]);
        let groups = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1];
        let opts = ClusterOptions::default();
        let refined = refine(&e, &[None; 10], &keys(10), &groups, &opts);
        assert_eq!(partition(&refined), vec![vec![0, 1, 2, 3, 4, 5], vec![6, 7, 8, 9]]);
        // Not where the other event's dates disagree with its own...
        let mut w = [None; 10];
        w[6] = Some(Window::Days(0, 0));
        w[7] = Some(Window::Days(100, 100));
        assert_eq!(partition(&refine(&e, &w, &keys(10), &groups, &opts)), partition(&groups));
        // ...nor where one pair at 0.45 is all it has with the other event (no merge rule
        // would let it join)...
        let one: Vec<Edge> = e.iter().copied().filter(|&(a, b, _)| (a, b) != (6, 7)).collect();
        assert_eq!(partition(&refine(&one, &[None; 10], &keys(10), &groups, &opts)), partition(&groups));
        // ...nor where it still fits its own (a third pair at 0.41: 1.23 / 6 = 0.205)...
        let mut fits = e.clone();
        fits.push((6, 2, 0.41));
        assert_eq!(partition(&refine(&fits, &[None; 10], &keys(10), &groups, &opts)), partition(&groups));
        // ...nor with no rounds.
        let off = ClusterOptions { refine_rounds: 0, ..opts };
        assert_eq!(partition(&refine(&e, &[None; 10], &keys(10), &groups, &off)), partition(&groups));
    }

    #[test]
    fn refining_follows_neither_the_order_of_the_documents_nor_their_numbers() {
        let mut next = crate::testing::xorshift(0x2545_f491_4f6c_dd1du64);
        for _ in 0..200 {
            let n = 4 + next(16) as usize;
            let mut edges = Vec::new();
            for a in 0..n as u32 {
                for b in a + 1..n as u32 {
                    if next(3) == 0 {
                        edges.push((a, b, next(9) as f32 / 8.0));
                    }
                }
            }
            let windows: Vec<Option<Window>> =
                (0..n).map(|_| (next(4) == 0).then(|| Window::Days(next(3) as i64 * 5, next(3) as i64 * 5))).collect();
            // Distinct content keys, as distinct texts have.
            let mut keys: Vec<u64> = (0..n as u64).map(|k| k * 7 + 3).collect();
            for i in (1..n).rev() {
                keys.swap(i, next(i as u64 + 1) as usize);
            }
            let opts = ClusterOptions { threshold: 0.2, ..ClusterOptions::default() };
            let groups: Vec<usize> = (0..n).map(|_| next(4) as usize).collect();
            let refined = refine(&edges, &windows, &keys, &groups, &opts);
            // The same documents in another order, under other group numbers.
            let mut perm: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                perm.swap(i, next(i as u64 + 1) as usize);
            }
            // perm[new] = old.
            let mut at = vec![0u32; n];
            for (new, &old) in perm.iter().enumerate() {
                at[old] = new as u32;
            }
            let e2: Vec<Edge> = edges.iter().map(|&(a, b, s)| (at[a as usize], at[b as usize], s)).collect();
            let w2: Vec<Option<Window>> = perm.iter().map(|&o| windows[o]).collect();
            let k2: Vec<u64> = perm.iter().map(|&o| keys[o]).collect();
            let g2: Vec<usize> = perm.iter().map(|&o| groups[o] + 10).collect();
            let r2 = refine(&e2, &w2, &k2, &g2, &opts);
            for a in 0..n {
                for b in 0..n {
                    assert_eq!(
                        refined[a] == refined[b],
                        r2[at[a] as usize] == r2[at[b] as usize],
                        "{edges:?} {windows:?} {groups:?}"
                    );
                }
            }
            // Every group still agrees in time.
            let agree = |groups: &[usize]| {
                let mut spans: BTreeMap<usize, Span> = BTreeMap::new();
                for (d, &g) in groups.iter().enumerate() {
                    let s = spans.entry(g).or_insert(Span::of(None));
                    *s = s.merge(Span::of(windows[d]));
                }
                spans.values().all(|s| s.consistent(opts.tolerance))
            };
            if agree(&groups) {
                assert!(agree(&refined), "{edges:?} {windows:?} {groups:?}");
            }
        }
    }
}
