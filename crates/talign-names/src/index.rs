//! Pairing many names against many without comparing every pair.
//!
//! Each candidate is indexed under the bigrams and trigrams of its words' consonant
//! skeletons (with word-boundary marks) and under its lexicon entity. A query gathers
//! candidates from the trigram postings first, weighting each shared gram by its rarity,
//! keeps the best [`NameIndex::shortlist`] of them and scores only those in full. Only
//! when no candidate then scores as a confident match does it also gather from the
//! (longer) bigram postings, which find names whose every trigram a changed sound broke.
//! Identical candidates (lists drawn from text repeat names) are scored once per query.
//!
//! **Invariant:** results do not depend on the number of threads: ties are broken by
//! candidate position, and parallel work is collected in input order.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::lexicon::{EntityId, Lexicon};
use crate::name::{Match, Name, skeleton_variants};

const CLASSES: usize = 9;
const BEGIN: usize = CLASSES;
const END: usize = CLASSES + 1;
const SYMBOLS: usize = CLASSES + 2;
const TRIGRAMS: usize = SYMBOLS * SYMBOLS * SYMBOLS;
const GRAMS: usize = TRIGRAMS + SYMBOLS * SYMBOLS;

/// A best score at or above this after the trigram pass ends the search for a query.
const CONFIDENT: f32 = 0.85;

/// How many times wider the shortlist of the second pass is (queries without a confident match).
const WIDEN: usize = 2;

/// How many times the shortlist is gathered by gram counts before reranking by skeleton.
const RERANK_WIDTH: usize = 3;

/// Substitution costs between key class letters, in halves, indexed by `letter & 31`: the
/// classes scripts write one for the other (s/z, sh/ch, g/j, t/s) cost half.
static KEY_SUB: [[u8; 32]; 32] = {
    let mut t = [[2u8; 32]; 32];
    let mut i = 0;
    while i < 32 {
        t[i][i] = 0;
        i += 1;
    }
    let near: [(u8, u8); 4] = [(b'J', b'S'), (b'J', b'K'), (b'S', b'T'), (b'J', b'T')];
    let mut k = 0;
    while k < near.len() {
        let (x, y) = ((near[k].0 & 31) as usize, (near[k].1 & 31) as usize);
        t[x][y] = 1;
        t[y][x] = 1;
        k += 1;
    }
    t
};

/// Edit similarity of two consonant skeletons (ASCII class letters): one minus the edit
/// distance over the longer length, a substitution between near classes costing half.
/// On bytes and without allocating: it runs for every gathered candidate.
pub(crate) fn key_similarity(a: &[u8], b: &[u8]) -> f32 {
    let n = a.len().max(b.len());
    if n == 0 {
        return 1.0;
    }
    if n > 63 {
        return strsim::normalized_levenshtein(
            std::str::from_utf8(a).unwrap_or(""),
            std::str::from_utf8(b).unwrap_or(""),
        ) as f32;
    }
    // Costs in halves.
    let mut row = [0u8; 64];
    for (j, r) in row.iter_mut().enumerate().take(b.len() + 1) {
        *r = 2 * j as u8;
    }
    for (i, &x) in a.iter().enumerate() {
        let subs = &KEY_SUB[usize::from(x & 31)];
        let mut diag = row[0];
        row[0] = 2 * (i as u8 + 1);
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            let v = (diag + subs[usize::from(y & 31)]).min(up + 2).min(row[j] + 2);
            diag = up;
            row[j + 1] = v;
        }
    }
    1.0 - f32::from(row[b.len()]) / (2 * n) as f32
}

/// The skeletons of many names in one buffer, each name's separated by [`KEY_SEP`]: the
/// rerank reads them for every gathered candidate, so they sit together in memory.
#[derive(Debug, Default)]
struct Keys {
    bytes: Vec<u8>,
    starts: Vec<u32>,
}

const KEY_SEP: u8 = b'|';

impl Keys {
    fn push(&mut self, name: &Name) {
        self.starts.push(self.bytes.len() as u32);
        for (i, k) in name.skeletons().enumerate() {
            if i > 0 {
                self.bytes.push(KEY_SEP);
            }
            self.bytes.extend_from_slice(k.as_bytes());
        }
    }

    fn get(&self, i: usize) -> &[u8] {
        let start = self.starts[i] as usize;
        let end = self.starts.get(i + 1).map_or(self.bytes.len(), |&e| e as usize);
        &self.bytes[start..end]
    }
}

/// The best key similarity between any skeleton of the query and any of the candidate.
fn best_key_similarity(query: &[&[u8]], cand: &[u8]) -> f32 {
    let mut best = 0f32;
    for cs in cand.split(|&b| b == KEY_SEP) {
        for qs in query {
            best = best.max(key_similarity(qs, cs));
            if best >= 1.0 {
                return best;
            }
        }
    }
    best
}

/// Default number of candidates scored in full per query.
pub const DEFAULT_SHORTLIST: usize = 48;

/// One candidate found for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position of the candidate in the index.
    pub index: usize,
    /// The score and its explanation.
    pub matched: Match,
}

/// An index over a list of candidate names.
#[derive(Debug)]
pub struct NameIndex<'l> {
    lexicon: &'l Lexicon,
    names: Vec<Name>,
    postings: Vec<Vec<u32>>,
    idf: Vec<f32>,
    by_entity: HashMap<EntityId, Vec<u32>>,
    /// One-word names by the concept they stand for (a cognate given name: یوسف, Joseph).
    by_concept: HashMap<u32, Vec<u32>>,
    keys: Keys,
    /// For each candidate, the first candidate identical to it (itself if none before it):
    /// a query scores identical candidates once (lists of names drawn from text repeat).
    canon: Vec<u32>,
    shortlist: usize,
}

/// The distinct grams of a name's words.
fn grams(name: &Name, out: &mut Vec<u32>) {
    out.clear();
    let mut seq: Vec<usize> = Vec::new();
    for t in &name.tokens {
        // Every reading of the word's ambiguous letters (ج as j or g) is indexed, and a word
        // with the Arabic article also without it (البخاري, Bukhari).
        let article = t.text.starts_with("ال") && !t.stems.is_empty();
        let bare = if article { t.stems.first().map(|s| skeleton_variants(s)) } else { None };
        for skel in skeleton_variants(&t.ph).into_iter().chain(bare.into_iter().flatten()) {
            seq.clear();
            seq.push(BEGIN);
            seq.extend(skel.iter().map(|&c| usize::from(c)));
            seq.push(END);
            for w in seq.windows(2) {
                out.push((TRIGRAMS + w[0] * SYMBOLS + w[1]) as u32);
            }
            for w in seq.windows(3) {
                out.push((w[0] * SYMBOLS * SYMBOLS + w[1] * SYMBOLS + w[2]) as u32);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

impl<'l> NameIndex<'l> {
    /// Prepares and indexes `names` (in parallel) with the given lexicon.
    pub fn new<S: AsRef<str> + Sync>(names: &[S], lexicon: &'l Lexicon) -> NameIndex<'l> {
        let prepared: Vec<Name> = names.par_iter().map(|s| Name::with_lexicon(s.as_ref(), lexicon)).collect();
        NameIndex::from_prepared(prepared, lexicon)
    }

    /// Indexes names already prepared.
    pub fn from_prepared(names: Vec<Name>, lexicon: &'l Lexicon) -> NameIndex<'l> {
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); GRAMS];
        let mut by_entity: HashMap<EntityId, Vec<u32>> = HashMap::new();
        let mut by_concept: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut g = Vec::new();
        let mut keys = Keys::default();
        let mut first: HashMap<_, u32> = HashMap::with_capacity(names.len());
        let canon: Vec<u32> =
            names.iter().enumerate().map(|(i, n)| *first.entry(n.identity()).or_insert(i as u32)).collect();
        drop(first);
        for (i, n) in names.iter().enumerate() {
            keys.push(n);
            grams(n, &mut g);
            for &x in &g {
                postings[x as usize].push(i as u32);
            }
            if let Some(e) = n.entity {
                by_entity.entry(e).or_default().push(i as u32);
            }
            if let Some(c) = n.concept() {
                by_concept.entry(c).or_default().push(i as u32);
            }
        }
        let total = names.len().max(1) as f32;
        let idf =
            postings.iter().map(|p| if p.is_empty() { 0.0 } else { (1.0 + total / p.len() as f32).ln() }).collect();
        NameIndex { lexicon, names, postings, idf, by_entity, by_concept, keys, canon, shortlist: DEFAULT_SHORTLIST }
    }

    /// Sets how many candidates per query are scored in full (more is slower and surer).
    pub fn with_shortlist(mut self, n: usize) -> Self {
        self.shortlist = n.max(1);
        self
    }

    /// The number of candidates scored in full per query.
    pub fn shortlist(&self) -> usize {
        self.shortlist
    }

    /// The indexed names, in input order.
    pub fn names(&self) -> &[Name] {
        &self.names
    }

    /// The best `k` candidates for `query`, best first (ties: earlier candidate first).
    pub fn query(&self, query: &Name, k: usize) -> Vec<Hit> {
        let mut scratch = Scratch::new(self.names.len());
        self.query_with(query, k, &mut scratch)
    }

    fn query_with(&self, query: &Name, k: usize, scratch: &mut Scratch) -> Vec<Hit> {
        if self.names.is_empty() || k == 0 {
            return Vec::new();
        }
        // A candidate list no longer than the shortlist is scored whole.
        if self.names.len() <= self.shortlist.max(k) {
            scratch.touched.extend(0..self.names.len() as u32);
            for &c in &scratch.touched {
                scratch.acc[c as usize] = 1.0;
            }
            let hits = self.score_shortlist(query, k, self.shortlist, scratch);
            scratch.forget();
            return hits;
        }
        let mut g = std::mem::take(&mut scratch.grams);
        grams(query, &mut g);
        // Pass 1: trigrams only; their postings are short.
        self.accumulate(g.iter().copied().filter(|&x| (x as usize) < TRIGRAMS), scratch);
        let mut hits = self.score_shortlist(query, k, self.shortlist, scratch);
        let confident = hits.len() >= k && hits[k - 1].matched.score >= CONFIDENT;
        if !confident {
            // Pass 2: bigrams too, for names whose every trigram was broken by a changed sound.
            // Bigrams in more than a twentieth of all names say little and cost much: skipped,
            // unless the query has nothing else.
            let cap = (self.names.len() / 20).max(2_000);
            let has_rare = g.iter().any(|&x| self.postings[x as usize].len() <= cap);
            self.accumulate(
                g.iter().copied().filter(|&x| !has_rare || self.postings[x as usize].len() <= cap),
                scratch,
            );
            // Without a confident match the right one is often just past the shortlist:
            // this pass scores a wider one.
            hits = self.score_shortlist(query, k, self.shortlist * WIDEN, scratch);
        }
        scratch.grams = g;
        scratch.forget();
        hits
    }

    /// Adds the weights of the given grams' postings to the accumulator.
    fn accumulate(&self, grams: impl Iterator<Item = u32>, scratch: &mut Scratch) {
        for x in grams {
            let w = self.idf[x as usize];
            for &c in &self.postings[x as usize] {
                let slot = &mut scratch.acc[c as usize];
                if *slot == 0.0 {
                    scratch.touched.push(c);
                }
                *slot += w;
            }
        }
    }

    /// Scores the best-accumulated candidates (and the query's lexicon entity) in full, and
    /// clears the accumulator.
    fn score_shortlist(&self, query: &Name, k: usize, shortlist: usize, scratch: &mut Scratch) -> Vec<Hit> {
        let mut cands: Vec<(f32, u32)> = scratch.touched.iter().map(|&c| (scratch.acc[c as usize], c)).collect();
        for &c in &scratch.touched {
            scratch.acc[c as usize] = 0.0;
        }
        scratch.touched.clear();
        let keep = shortlist.max(k);
        // Gram counts are a rough proxy: take a wider set by them, then rerank that set by
        // the edit similarity of the consonant skeletons (strsim), and score the best in full.
        let wide = keep * RERANK_WIDTH;
        if cands.len() > wide {
            cands.select_nth_unstable_by(wide - 1, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            cands.truncate(wide);
        }
        if cands.len() > keep {
            let top = cands.iter().map(|c| c.0).fold(0f32, f32::max).max(f32::MIN_POSITIVE);
            let qs: Vec<&[u8]> = query.skeletons().map(str::as_bytes).collect();
            for c in cands.iter_mut() {
                // The second pass reranks many of the first pass's candidates again.
                let id = self.canon[c.1 as usize];
                let ks = match scratch.recall(id, Memo::Key) {
                    Some(ks) => ks,
                    None => {
                        let ks = best_key_similarity(&qs, self.keys.get(id as usize));
                        scratch.store(id, Memo::Key, ks);
                        ks
                    }
                };
                c.0 = ks + 0.25 * c.0 / top;
            }
            cands.select_nth_unstable_by(keep - 1, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            cands.truncate(keep);
        }
        // The query's lexicon entity and concept first (they score high), then the shortlist
        // best first, so that the k-th best score so far rises early: a candidate sure to
        // score below it is abandoned ([`Name::score_value_at_least`]), which changes nothing
        // of what is returned.
        let mut order = cands;
        if let Some(e) = query.entity
            && let Some(list) = self.by_entity.get(&e)
        {
            order.extend(list.iter().map(|&c| (f32::INFINITY, c)));
        }
        if let Some(c) = query.concept()
            && let Some(list) = self.by_concept.get(&c)
        {
            // Bounded: a generic word shared by many names must not make every query slow.
            order.extend(list[..list.len().min(keep)].iter().map(|&c| (f32::INFINITY, c)));
        }
        order.sort_unstable_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)));
        order.dedup_by_key(|c| c.1);
        order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut scored: Vec<(f32, u32)> = Vec::with_capacity(order.len());
        // The k best scores so far, least first.
        let mut best: Vec<f32> = Vec::with_capacity(k);
        for &(_, c) in &order {
            let floor = if best.len() >= k { best[0] } else { f32::NEG_INFINITY };
            // The second pass scores most of the first pass's shortlist again, and identical
            // candidates score the same: scores are kept, and so is the floor below which a
            // candidate was abandoned (floors only rise within a pass).
            let id = self.canon[c as usize];
            let v = match scratch.recall(id, Memo::Score) {
                Some(v) => v,
                None => {
                    if scratch.recall(id, Memo::Below).is_some_and(|below| floor >= below) {
                        continue;
                    }
                    let cand = &self.names[id as usize];
                    let v = if floor.is_finite() {
                        match query.score_value_at_least(cand, self.lexicon, floor) {
                            Some(v) => v,
                            None => {
                                scratch.store(id, Memo::Below, floor.max(0.0));
                                continue;
                            }
                        }
                    } else {
                        query.score_value(cand, self.lexicon)
                    };
                    scratch.store(id, Memo::Score, v);
                    v
                }
            };
            scored.push((v, c));
            if best.len() < k {
                best.push(v);
                best.sort_unstable_by(f32::total_cmp);
            } else if v > best[0] {
                best[0] = v;
                best.sort_unstable_by(f32::total_cmp);
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // Candidates that score the same are told apart by their spelling, doubles counted.
        let mut start = 0;
        let mut spelt: Option<crate::name::Spelling> = None;
        while start < scored.len().min(k) {
            let end = start + scored[start..].iter().take_while(|c| c.0 == scored[start].0).count();
            if end - start > 1 {
                let q = spelt.get_or_insert_with(|| query.spelling());
                let mut tied: Vec<(f32, u32)> = Vec::with_capacity(end - start);
                for &(_, c) in &scored[start..end] {
                    let id = self.canon[c as usize];
                    let sim = match scratch.recall(id, Memo::Spelling) {
                        Some(sim) => sim,
                        None => {
                            let sim = q.similarity(&self.names[id as usize].spelling());
                            scratch.store(id, Memo::Spelling, sim);
                            sim
                        }
                    };
                    tied.push((sim, c));
                }
                tied.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                for (slot, (_, c)) in scored[start..end].iter_mut().zip(tied) {
                    slot.1 = c;
                }
            }
            start = end;
        }
        scored.truncate(k);
        // Explanations only for what is returned.
        scored
            .into_iter()
            .map(|(_, c)| Hit { index: c as usize, matched: query.score_with(&self.names[c as usize], self.lexicon) })
            .collect()
    }

    /// Runs [`NameIndex::query`] for every query in parallel; results in query order.
    pub fn query_all(&self, queries: &[Name], k: usize) -> Vec<Vec<Hit>> {
        queries
            .par_iter()
            .map_init(|| Scratch::new(self.names.len()), |scratch, q| self.query_with(q, k, scratch))
            .collect()
    }
}

/// Per-thread buffers, reused across queries.
struct Scratch {
    acc: Vec<f32>,
    touched: Vec<u32>,
    grams: Vec<u32>,
    /// What one query has computed for a candidate (see [`Memo`]), by the first of its
    /// identical candidates, negative when not yet; a candidate's values side by side, in
    /// one cache line.
    memo: Vec<[f32; 4]>,
    memo_touched: Vec<u32>,
}

/// What [`Scratch`] keeps per candidate for the query at hand: both passes of a query
/// without a confident match rerank and score many of the same candidates.
#[derive(Clone, Copy)]
enum Memo {
    /// The best key similarity to the query's skeletons.
    Key = 0,
    /// The full score.
    Score = 1,
    /// The similarity of spellings that breaks a tie.
    Spelling = 2,
    /// The floor the candidate was sure to score below (its full score not computed).
    Below = 3,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            acc: vec![0.0; n],
            touched: Vec::new(),
            grams: Vec::new(),
            memo: vec![[-1.0; 4]; n],
            memo_touched: Vec::new(),
        }
    }

    /// The value of `what` for candidate `c` if the query at hand has computed it.
    fn recall(&self, c: u32, what: Memo) -> Option<f32> {
        Some(self.memo[c as usize][what as usize]).filter(|&v| v >= 0.0)
    }

    /// Keeps the value of `what` for candidate `c` (values are at least 0).
    fn store(&mut self, c: u32, what: Memo, v: f32) {
        let slot = &mut self.memo[c as usize];
        if slot.iter().all(|&x| x < 0.0) {
            self.memo_touched.push(c);
        }
        slot[what as usize] = v;
    }

    /// Clears what the query at hand kept.
    fn forget(&mut self) {
        for &c in &self.memo_touched {
            self.memo[c as usize] = [-1.0; 4];
        }
        self.memo_touched.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_right_candidate_among_many() {
        let right = ["Lavrov", "Sergey Lavrov", "Shoukry", "Pezeshkian", "Putin", "Cairo", "Egypt", "Tehran"];
        let lex = Lexicon::builtin();
        let idx = NameIndex::new(&right, lex);
        let best = |q: &str| right[idx.query(&Name::new(q), 1)[0].index];
        assert_eq!(best("ল্যাভরভের"), "Lavrov");
        assert_eq!(best("سرگئی لاوروف"), "Sergey Lavrov");
        assert_eq!(best("پزشکیان"), "Pezeshkian");
        assert_eq!(best("মিশর"), "Egypt");
    }

    #[test]
    fn identical_candidates_are_each_returned_with_one_score() {
        // Three copies of each name, interleaved: a query scores each name once, and its
        // copies come back one after another, earlier position first.
        let distinct = ["Lavrov", "Lavrova", "Shoukry", "Pezeshkian", "Putin", "Cairo", "Egypt", "Tehran", "Larvov"];
        let right: Vec<&str> = (0..3).flat_map(|_| distinct.iter().copied()).collect();
        let lex = Lexicon::builtin();
        let alone = NameIndex::new(&distinct, lex).with_shortlist(3);
        let copies = NameIndex::new(&right, lex).with_shortlist(9);
        let n = distinct.len();
        for q in ["ল্যাভরভ", "لاوروف", "পুতিন", "تهران", "شکری"] {
            let q = Name::new(q);
            let best = alone.query(&q, 1)[0].index;
            let hits = copies.query(&q, 3);
            let got: Vec<usize> = hits.iter().map(|h| h.index).collect();
            assert_eq!(got, vec![best, best + n, best + 2 * n], "{}", q.clean());
            assert!(hits.iter().all(|h| h.matched.score == alone.query(&q, 1)[0].matched.score));
        }
        // Scored whole (no shortlist): every candidate, each with its own full score.
        let whole = NameIndex::new(&right, lex).with_shortlist(right.len());
        let q = Name::new("লাভরভ");
        let hits = whole.query(&q, right.len());
        assert_eq!(hits.len(), right.len());
        for h in &hits {
            assert_eq!(h.matched.score, q.score_value(&whole.names()[h.index], lex));
        }
        for pair in hits.windows(2) {
            let same = pair[0].index % n == pair[1].index % n;
            assert!(!same || pair[0].index < pair[1].index);
        }
    }

    #[test]
    fn query_all_matches_query() {
        let right = ["Moscow", "Beijing", "Ashgabat", "Tehran", "Cairo", "Marrakech"];
        let idx = NameIndex::new(&right, Lexicon::builtin());
        let qs: Vec<Name> = ["মস্কোর", "বেইজিংয়ে", "আশবাগাত", "تهران"].iter().map(|s| Name::new(s)).collect();
        let all = idx.query_all(&qs, 2);
        for (q, hits) in qs.iter().zip(&all) {
            assert_eq!(&idx.query(q, 2), hits);
        }
    }
}
