//! Document alignment: which documents report the same event, and why.
//!
//! Each document becomes a bag of features (resolved entities, numbers, dates and
//! event concepts), each weighted by its rarity in the corpus (IDF), so that "Russia"
//! counts less than "Shoukry". Candidate partners come from an inverted index over the
//! features (no all-pairs loop); each candidate pair is scored by an IDF-weighted
//! cosine per feature type, combined with fixed weights, and penalised for
//! contradictions (publication dates far apart; the same people with different dates).
//!
//! A pair is linked when its score is high, or when it is fairly high and each document
//! is the other's best partner (among partners whose happening's window agrees with its
//! own: one a month away can never share its event).

use crate::HashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// The kinds of features a document has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeatureKind {
    /// A resolved entity confirmed as a name.
    Entity,
    /// An unconfirmed name candidate (weak evidence).
    Candidate,
    /// A number.
    Number,
    /// A date.
    Date,
    /// An event concept.
    Event,
}

impl FeatureKind {
    fn weight(self) -> f32 {
        match self {
            FeatureKind::Entity => 0.35,
            FeatureKind::Candidate => 0.25,
            FeatureKind::Number => 0.25,
            FeatureKind::Date => 0.10,
            FeatureKind::Event => 0.05,
        }
    }

    fn label(self) -> &'static str {
        match self {
            FeatureKind::Entity => "entities",
            FeatureKind::Candidate => "names",
            FeatureKind::Number => "numbers",
            FeatureKind::Date => "dates",
            FeatureKind::Event => "events",
        }
    }

    /// Every kind, in the order of their numbers.
    pub const ALL: [FeatureKind; 5] =
        [FeatureKind::Entity, FeatureKind::Candidate, FeatureKind::Number, FeatureKind::Date, FeatureKind::Event];
}

/// A feature: its kind and a label (entity name, number, ISO date, concept).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Feature {
    /// The kind.
    pub kind: FeatureKind,
    /// The label shown in evidence.
    pub label: String,
}

/// The features of every document, interned.
#[derive(Debug, Default)]
pub struct FeatureSpace {
    ids: HashMap<Feature, u32>,
    features: Vec<Feature>,
    /// For each document, its distinct feature ids, ascending.
    pub docs: Vec<Vec<u32>>,
    /// Publication date per document (days since epoch), where known.
    pub published: Vec<Option<i64>>,
    /// Language group per document (documents of one group are in one language).
    pub groups: Vec<u32>,
    /// Day dates mentioned per document (days since epoch), ascending.
    pub days: Vec<Vec<i64>>,
    /// For each document, where each of its features (in the order of `docs`) first
    /// occurs, as a fraction of the document's length in units of 1/65535.
    pub positions: Vec<Vec<u16>>,
    /// Per document, a key derived from its content, to break ties between documents
    /// without leaning on their order or ids (see [`FeatureSpace::set_keys`]).
    pub keys: Vec<u64>,
    /// Per document, the time window of the happening it reports, where known.
    pub windows: Vec<Option<crate::cluster::Window>>,
    /// Per document, the script it is written in.
    pub scripts: Vec<talign_names::Script>,
    /// Per document, the weekdays its text names (bit `i` for [`talign_corpus::Weekday::ALL`]`[i]`).
    pub weekdays: Vec<u8>,
    /// Per feature, the share of news documents expected to have it whatever the corpus
    /// (see [`FeatureSpace::set_priors`]).
    pub priors: Vec<f32>,
    /// Per feature, what kind of thing it names, for names (see [`FeatureSpace::set_priors`]).
    pub named: Vec<Option<talign_names::Kind>>,
    /// Document frequencies per feature and the number of documents of the corpus these
    /// documents are part of, when they are weighed as in that corpus (see
    /// [`crate::stats`]); `None`: counted in this space.
    pub corpus_df: Option<(Vec<u32>, usize)>,
    /// What agreeing in time and sharing a date are worth in that corpus (see
    /// [`crate::pairmodel::PairModel::chance`]); `None`: measured in this space.
    pub corpus_chance: Option<(f32, f32)>,
    /// Per document, the worst candidate partner the corpus's run kept for it (see
    /// [`pairs_with_floors`]), where that run had the document; `None` (for the space or a
    /// document): the best [`AlignOptions::candidates`] of this space.
    pub candidate_floor: Option<Vec<Option<Floor>>>,
}

impl FeatureSpace {
    /// An empty space for documents added in order.
    pub fn new() -> FeatureSpace {
        FeatureSpace::default()
    }

    /// Adds a document's features, in the order they occur.
    pub fn push_doc(
        &mut self,
        group: u32,
        feats: impl IntoIterator<Item = Feature>,
        published: Option<i64>,
        days: Vec<i64>,
    ) {
        let feats: Vec<(Feature, usize)> = feats.into_iter().enumerate().map(|(i, f)| (f, i)).collect();
        let len = feats.len();
        self.push_doc_at(group, feats, len, published, days);
    }

    /// Adds a document's features with the offsets where they occur in a text of `len` bytes.
    pub fn push_doc_at(
        &mut self,
        group: u32,
        feats: impl IntoIterator<Item = (Feature, usize)>,
        len: usize,
        published: Option<i64>,
        mut days: Vec<i64>,
    ) {
        self.groups.push(group);
        let scale = |at: usize| (at.min(len) as f64 / len.max(1) as f64 * f64::from(u16::MAX)) as u16;
        let mut ids: Vec<(u32, u16)> = feats
            .into_iter()
            .map(|(f, at)| {
                let next = self.features.len() as u32;
                let id = *self.ids.entry(f.clone()).or_insert_with(|| {
                    self.features.push(f);
                    next
                });
                (id, scale(at))
            })
            .collect();
        // One entry per feature, at its first occurrence.
        ids.sort_unstable();
        ids.dedup_by_key(|x| x.0);
        days.sort_unstable();
        days.dedup();
        self.docs.push(ids.iter().map(|x| x.0).collect());
        self.positions.push(ids.iter().map(|x| x.1).collect());
        self.published.push(published);
        self.days.push(days);
    }

    /// Numbers the features in the order of their kinds and labels (they were numbered as
    /// first met), so that every sum over a document's features, which runs in the order
    /// of their numbers, adds the same terms in the same order whatever the order of the
    /// documents (floating-point sums in another order differ in the last bits, and the
    /// base rate's slow estimate carried such bits to 1.4e-5 on NTREX dev with dates).
    /// Call before the priors, keys and context are set.
    pub fn number_by_label(&mut self) {
        let mut tagged: Vec<(Feature, u32)> = std::mem::take(&mut self.features).into_iter().zip(0u32..).collect();
        tagged.sort_unstable();
        let mut new_id = vec![0u32; tagged.len()];
        for (new, (_, old)) in tagged.iter().enumerate() {
            new_id[*old as usize] = new as u32;
        }
        self.features = tagged.into_iter().map(|(f, _)| f).collect();
        for id in self.ids.values_mut() {
            *id = new_id[*id as usize];
        }
        for (ids, positions) in self.docs.iter_mut().zip(self.positions.iter_mut()) {
            let mut both: Vec<(u32, u16)> =
                ids.iter().map(|&f| new_id[f as usize]).zip(positions.iter().copied()).collect();
            both.sort_unstable();
            (*ids, *positions) = both.into_iter().unzip();
        }
    }

    /// The number of documents that have each feature (by feature id), and the number of
    /// documents counted: this space's own, or those of the corpus it is part of
    /// ([`FeatureSpace::corpus_df`]).
    pub fn df(&self) -> (Vec<u32>, usize) {
        if let Some(c) = &self.corpus_df {
            return c.clone();
        }
        let mut df = vec![0u32; self.features.len()];
        for d in &self.docs {
            for &f in d {
                df[f as usize] += 1;
            }
        }
        (df, self.docs.len())
    }

    /// Sets the content keys of the documents (one per document, in order). Without them,
    /// ties are broken by document index.
    pub fn set_keys(&mut self, keys: Vec<u64>) {
        self.keys = keys;
    }

    /// Sets each document's time window and script (one per document, in order).
    pub fn set_context(&mut self, windows: Vec<Option<crate::cluster::Window>>, scripts: Vec<talign_names::Script>) {
        self.windows = windows;
        self.scripts = scripts;
    }

    /// The time window of document `d`, where known.
    pub fn window(&self, d: usize) -> Option<crate::cluster::Window> {
        self.windows.get(d).copied().flatten()
    }

    /// Sets the weekdays each document names (see [`FeatureSpace::weekdays`]).
    pub fn set_weekdays(&mut self, weekdays: Vec<u8>) {
        self.weekdays = weekdays;
    }

    /// The weekdays document `d` names, one bit each (0 when none or not set).
    pub fn weekdays(&self, d: usize) -> u8 {
        self.weekdays.get(d).copied().unwrap_or(0)
    }

    /// The script of document `d` (`Other` when not set).
    pub fn script(&self, d: usize) -> talign_names::Script {
        self.scripts.get(d).copied().unwrap_or(talign_names::Script::Other)
    }

    /// Sets each feature's prior share of documents, by feature id: how common it is in
    /// news at large (a country in a tenth of the news, a minister in far fewer). Rarity is
    /// measured against these as much as against the corpus, so that a corpus of five
    /// documents does not make Russia rare.
    pub fn set_priors(&mut self, prior: impl Fn(&Feature) -> (f32, Option<talign_names::Kind>)) {
        (self.priors, self.named) = self.features.iter().map(prior).unzip();
    }

    /// What feature `f` names (a person, a place…), when it is a name of known kind.
    pub fn named(&self, f: u32) -> Option<talign_names::Kind> {
        self.named.get(f as usize).copied().flatten()
    }

    /// The prior share of feature `f` (0.01 when not set).
    pub fn prior(&self, f: u32) -> f32 {
        self.priors.get(f as usize).copied().unwrap_or(0.01)
    }

    /// How many distinct features the documents have.
    pub fn feature_count(&self) -> usize {
        self.features.len()
    }

    /// The tie-breaking key of document `d`.
    pub fn key(&self, d: usize) -> u64 {
        self.keys.get(d).copied().unwrap_or(d as u64)
    }

    /// The id of a feature, if any document has it.
    pub fn id_of(&self, f: &Feature) -> Option<u32> {
        self.ids.get(f).copied()
    }

    /// The feature with this id.
    pub fn feature(&self, id: u32) -> &Feature {
        &self.features[id as usize]
    }
}

/// Postings read per document to gather candidates (beyond the rarest few features).
const POSTING_BUDGET: usize = 20_000;
/// Features always read, however long their postings.
const MIN_CANDIDATE_FEATURES: usize = 4;

/// A link between two documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// The earlier document (corpus index).
    pub left: usize,
    /// The later document.
    pub right: usize,
    /// Score in [0, 1].
    pub score: f32,
    /// Why.
    pub evidence: String,
    /// How the two documents relate.
    pub relation: Relation,
}

/// How two linked documents relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// One text in two languages: a translation (or two translations of one wire story).
    Translation,
    /// One text published again, in the same language (site furniture aside).
    Reprint,
    /// Two reports of one happening, written independently.
    Report,
    /// One of the two announces the happening the other reports.
    Preview,
}

impl Relation {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Translation => "translation",
            Relation::Reprint => "reprint",
            Relation::Report => "report",
            Relation::Preview => "preview",
        }
    }
}

impl std::fmt::Display for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How two linked documents that are not a reprint or preview pair relate: documents in
/// two languages that the link rule scores at [`AlignOptions::link`] or more share so much
/// (names, numbers, dates, event words, in order) that one translates the other; the rest
/// are independent reports.
pub fn written_relation(space: &FeatureSpace, opts: &AlignOptions, a: usize, b: usize, score: f32) -> Relation {
    if space.groups[a] != space.groups[b] && score >= opts.link { Relation::Translation } else { Relation::Report }
}

/// Thresholds of the link decision.
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// Linked whatever else the documents match.
    pub link: f32,
    /// Linked when each is the other's best partner.
    pub mutual: f32,
    /// Candidate partners scored in full per document.
    pub candidates: usize,
    /// Two documents in the same language are linked only from this score.
    pub same_language: f32,
    /// Score every pair instead of using the inverted index (a baseline for benchmarks).
    pub all_pairs: bool,
    /// How much the order of shared features moves a score (0: not at all).
    pub order_weight: f32,
    /// Each document's this many best candidates in other languages are verified by their
    /// passages (see `Analysis::with_stats`); 0: none.
    pub verify: usize,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            link: 0.5,
            mutual: 0.10,
            candidates: 20,
            same_language: 0.7,
            all_pairs: false,
            order_weight: 0.5,
            verify: 3,
        }
    }
}

struct Scored {
    /// The score, order of shared features included.
    score: f32,
    /// The score before the order of shared features is taken into account.
    raw: f32,
    parts: [f32; 5],
    shared: Vec<u32>,
    factor: f32,
    /// Kendall's tau between the orders in which the two documents first mention their
    /// rarest shared features, and how many features it was measured on.
    order: Option<(f32, usize)>,
}

/// Shared features whose order is compared (the rarest ones).
const ORDER_FEATURES: usize = 24;

/// Kendall's tau over (idf, position in a, position in b), on the rarest features.
fn order_agreement(mut shared: Vec<(f32, u16, u16)>) -> Option<(f32, usize)> {
    if shared.len() > ORDER_FEATURES {
        shared.select_nth_unstable_by(ORDER_FEATURES - 1, |x, y| y.0.total_cmp(&x.0));
        shared.truncate(ORDER_FEATURES);
    }
    let (mut concordant, mut discordant) = (0u32, 0u32);
    for (i, x) in shared.iter().enumerate() {
        for y in &shared[i + 1..] {
            match ((x.1.cmp(&y.1)) as i8) * ((x.2.cmp(&y.2)) as i8) {
                1 => concordant += 1,
                -1 => discordant += 1,
                _ => {}
            }
        }
    }
    let n = concordant + discordant;
    (shared.len() >= 3 && n > 0).then(|| ((concordant as f32 - discordant as f32) / n as f32, shared.len()))
}

/// Kendall's tau over `n` features as a z score under independence (Kendall 1938): it
/// weighs agreement by how much of it there is.
pub fn order_z(tau: f32, n: usize) -> f32 {
    let n = n as f32;
    3.0 * tau * (n * (n - 1.0)).sqrt() / (2.0 * (2.0 * n + 5.0)).sqrt()
}

fn score_pair(space: &FeatureSpace, idf: &[f32], norms: &[[f32; 5]], order_weight: f32, a: usize, b: usize) -> Scored {
    let (fa, fb) = (&space.docs[a], &space.docs[b]);
    let (pa, pb) = (&space.positions[a], &space.positions[b]);
    let mut dot = [0f32; 5];
    let mut shared = Vec::new();
    let mut placed = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < fa.len() && j < fb.len() {
        match fa[i].cmp(&fb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let f = fa[i];
                let k = space.feature(f).kind as usize;
                dot[k] += idf[f as usize] * idf[f as usize];
                shared.push(f);
                placed.push((idf[f as usize], pa[i], pb[j]));
                i += 1;
                j += 1;
            }
        }
    }
    // Each feature type counts where either document has some: a type neither has says
    // nothing, a type only one has is a mismatch.
    let mut parts = [0f32; 5];
    let (mut score, mut present) = (0f32, 0f32);
    // The weight of a feature one document of the corpus has: of the whole corpus, when
    // these documents are weighed as part of one (as `idf` is).
    let corpus_len = space.corpus_df.as_ref().map_or(space.docs.len(), |c| c.1);
    let full_evidence = (1.0 + corpus_len as f32).ln().powi(2);
    for k in FeatureKind::ALL {
        let x = k as usize;
        let den = (norms[a][x] * norms[b][x]).sqrt();
        parts[x] = if den > 0.0 { (dot[x] / den).min(1.0) } else { 0.0 };
        // A cosine over weak features (the numbers 1, 2 and 10 of two articles with few
        // numbers) says little however high it is: each type counts in full only once the
        // two share as much evidence of it as one feature no other document has.
        parts[x] *= (dot[x] / full_evidence).sqrt().min(1.0);
        if norms[a][x] > 0.0 || norms[b][x] > 0.0 {
            score += k.weight() * parts[x];
            present += k.weight();
        }
    }
    let score = if present > 0.0 { score / present } else { 0.0 };
    // Contradictions.
    let mut factor = 1.0f32;
    if let (Some(pa), Some(pb)) = (space.published[a], space.published[b]) {
        let d = (pa - pb).abs() as f32;
        // Gaussian in the publication gap (σ = 7 days), never below one half.
        factor *= 0.5 + 0.5 * (-(d * d) / (2.0 * 49.0)).exp();
    }
    let (da, db) = (&space.days[a], &space.days[b]);
    if !da.is_empty() && !db.is_empty() {
        let close = da.iter().any(|x| db.iter().any(|y| (x - y).abs() <= 2));
        if !close {
            factor *= 0.8;
        }
    }
    let raw = (score * factor).clamp(0.0, 1.0);
    let order = order_agreement(placed);
    if let Some((tau, n)) = order {
        // Translations and rewrites of one report mention their rare names and numbers in
        // the same order; reports of related stories in any order.
        factor *= (order_weight * order_z(tau, n).clamp(-3.0, 4.0) / 4.0).exp();
    }
    Scored { score: (score * factor).clamp(0.0, 1.0), raw, parts, shared, factor, order }
}

/// How a feature is shown in evidence: its label, or for an entity its name.
pub type ShowFeature<'a> = &'a (dyn Fn(u32) -> Option<&'a str> + Sync);

fn evidence(space: &FeatureSpace, idf: &[f32], s: &Scored, show: ShowFeature<'_>) -> String {
    let mut by_kind: Vec<(FeatureKind, Vec<(f32, &str)>)> = FeatureKind::ALL.iter().map(|&k| (k, Vec::new())).collect();
    for &f in &s.shared {
        let feat = space.feature(f);
        by_kind[feat.kind as usize].1.push((idf[f as usize], show(f).unwrap_or(feat.label.as_str())));
    }
    let mut parts = Vec::new();
    for (k, mut v) in by_kind {
        if v.is_empty() {
            continue;
        }
        // The six rarest, in order; the rest only counted.
        let order = |a: &(f32, &str), b: &(f32, &str)| b.0.total_cmp(&a.0).then(a.1.cmp(b.1));
        if v.len() > 6 {
            v.select_nth_unstable_by(5, order);
            v[..6].sort_by(order);
        } else {
            v.sort_by(order);
        }
        let shown: Vec<&str> = v.iter().take(6).map(|x| x.1).collect();
        let more = if v.len() > 6 { format!(" (+{})", v.len() - 6) } else { String::new() };
        parts.push(format!("{} {:.2}: {}{}", k.label(), s.parts[k as usize], shown.join(", "), more));
    }
    if let Some((tau, n)) = s.order {
        parts.push(format!("order {tau:.2} over {n}"));
    }
    if s.factor < 1.0 {
        parts.push(format!("contradiction x{:.2}", s.factor));
    }
    if parts.is_empty() { "nothing shared".into() } else { parts.join("; ") }
}

/// A scored pair of documents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoredPair {
    /// The earlier document (corpus index).
    pub left: u32,
    /// The later document.
    pub right: u32,
    /// The score, the order of the shared features included.
    pub score: f32,
    /// The score before the order of shared features is taken into account.
    pub raw: f32,
    /// The probability that the two report the same event ([`crate::pairmodel`]).
    pub same_event: f32,
}

/// IDF weights and per-type norms of a feature space, computed once.
#[derive(Debug)]
pub struct Weights {
    idf: Vec<f32>,
    norms: Vec<[f32; 5]>,
}

impl Weights {
    /// The weights of `space`.
    pub fn new(space: &FeatureSpace) -> Weights {
        let (df, n) = space.df();
        let idf: Vec<f32> = df.iter().map(|&x| if x == 0 { 0.0 } else { (1.0 + n as f32 / x as f32).ln() }).collect();
        let mut norms = vec![[0f32; 5]; space.docs.len()];
        for (d, fs) in space.docs.iter().enumerate() {
            for &f in fs {
                norms[d][space.feature(f).kind as usize] += idf[f as usize] * idf[f as usize];
            }
        }
        Weights { idf, norms }
    }

    /// Kendall's tau of the rarest features two documents share, as a z score (0 when too
    /// few are shared to tell).
    pub fn order(&self, space: &FeatureSpace, a: usize, b: usize) -> f32 {
        score_pair(space, &self.idf, &self.norms, 0.0, a, b).order.map_or(0.0, |(t, n)| order_z(t, n))
    }

    /// The score of a pair (as [`Weights::explain`] gives it, without the words).
    pub fn score(&self, space: &FeatureSpace, opts: &AlignOptions, a: usize, b: usize) -> f32 {
        score_pair(space, &self.idf, &self.norms, opts.order_weight, a, b).score
    }

    /// The score of a pair and its evidence, in words; `show` names the features it can
    /// (entities, whose features are keyed by [`crate::entities::Entity::key`]), the others
    /// are shown by their labels.
    pub fn explain(
        &self,
        space: &FeatureSpace,
        opts: &AlignOptions,
        a: usize,
        b: usize,
        show: ShowFeature<'_>,
    ) -> (f32, String) {
        let s = score_pair(space, &self.idf, &self.norms, opts.order_weight, a, b);
        (s.score, evidence(space, &self.idf, &s, show))
    }
}

/// The best-scoring partners of every document (up to `opts.candidates` each, found
/// through an inverted index over the features), as unordered pairs scored once, sorted.
pub fn pairs(
    space: &FeatureSpace,
    weights: &Weights,
    model: &crate::pairmodel::PairModel,
    opts: &AlignOptions,
) -> Vec<ScoredPair> {
    pairs_with_floors(space, weights, model, opts).0
}

/// The worst candidate partner a document kept, as (accumulated score, content key), or
/// `None` where it kept every document it touched (see [`pairs_with_floors`]).
pub type Floor = Option<(f32, u64)>;

/// [`pairs`], and per document the worst of its candidates that were kept, as (accumulated
/// score, content key), where some candidate was left out (`None`: every document it
/// touched was kept). With [`FeatureSpace::candidate_floor`] set (a part of a corpus,
/// weighed with that corpus's statistics), a document keeps exactly the candidates at or
/// above its floor: those the corpus's run keeps that are here. With
/// [`FeatureSpace::corpus_df`] set, features are taken rarest first and within the budget
/// by the corpus's document frequencies, as the corpus's run takes them.
pub fn pairs_with_floors(
    space: &FeatureSpace,
    weights: &Weights,
    model: &crate::pairmodel::PairModel,
    opts: &AlignOptions,
) -> (Vec<ScoredPair>, Vec<Floor>) {
    let n = space.docs.len();
    let nf = space.features.len();
    let (idf, norms) = (&weights.idf, &weights.norms);
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); nf];
    for (d, fs) in space.docs.iter().enumerate() {
        for &f in fs {
            postings[f as usize].push(d as u32);
        }
    }
    // How many documents have each feature: here, or in the corpus these documents are
    // part of (what the corpus's run read).
    let corpus_df = space.corpus_df.as_ref();
    let df = |f: u32| corpus_df.map_or(postings[f as usize].len(), |(df, _)| df[f as usize] as usize);
    // Features in more than a quarter of a large corpus say little and cost much.
    let cap = (corpus_df.map_or(n, |c| c.1) / 4).max(64);
    // A stable order of features of equal rarity: by label, not by first occurrence.
    let label_key: Vec<u64> = space.features.iter().map(|f| fnv64(f.label.as_bytes()) ^ f.kind as u64).collect();

    // Best candidates per document, in parallel; results in document order.
    let best: Vec<(Vec<ScoredPair>, Floor)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0f32; n], vec![0u32; n]),
            |(acc, seen), a| {
                // `seen[..len]`: the documents touched, in the order first touched.
                let mut len = 0usize;
                if opts.all_pairs {
                    for b in (0..n as u32).filter(|&b| b as usize != a) {
                        seen[len] = b;
                        len += 1;
                    }
                } else {
                    // Rarest features first, until a budget of postings is spent: common
                    // features add many candidates and little evidence.
                    let mut feats: Vec<u32> = space.docs[a].iter().copied().filter(|&f| df(f) <= cap).collect();
                    feats.sort_by_key(|&f| (df(f), label_key[f as usize]));
                    let mut spent = 0usize;
                    for (rank, &f) in feats.iter().enumerate() {
                        let p = &postings[f as usize];
                        if rank >= MIN_CANDIDATE_FEATURES && spent + df(f) > POSTING_BUDGET {
                            break;
                        }
                        spent += df(f);
                        let w = idf[f as usize] * idf[f as usize] * space.feature(f).kind.weight();
                        // Room for every posting to list its document: a feature that weighs
                        // nothing (idf 0, from statistics that count no document for it)
                        // leaves scores at 0, so its documents are listed again.
                        if seen.len() < len + p.len() {
                            seen.resize(len + p.len(), 0);
                        }
                        for &b in p {
                            if b as usize == a {
                                continue;
                            }
                            // Without a branch on whether `b` was touched before: which
                            // documents a feature's postings touch first is not
                            // predictable, and a missed guess cost more than the write.
                            let s = acc[b as usize];
                            seen[len] = b;
                            len += usize::from(s == 0.0);
                            acc[b as usize] = s + w;
                        }
                    }
                }
                let touched = &seen[..len];
                let keep = if opts.all_pairs { touched.len() } else { opts.candidates };
                let floor = space.candidate_floor.as_ref().filter(|_| !opts.all_pairs).and_then(|f| f[a]);
                let cands: Vec<u32> = match floor {
                    Some(Some((score, key))) => touched
                        .iter()
                        .copied()
                        .filter(|&b| {
                            let s = acc[b as usize];
                            s > score || (s == score && space.key(b as usize) <= key)
                        })
                        .collect(),
                    Some(None) => touched.to_vec(),
                    None => best_candidates(touched, acc, |b| space.key(b as usize), keep),
                };
                let worst = (cands.len() < touched.len())
                    .then(|| {
                        cands
                            .iter()
                            .map(|&b| Partner(acc[b as usize], space.key(b as usize), b))
                            .min()
                            .map(|p| (p.0, p.1))
                    })
                    .flatten();
                for &b in touched {
                    acc[b as usize] = 0.0;
                }
                let scored = cands
                    .into_iter()
                    .map(|b| {
                        let b = b as usize;
                        // Scored one way round whichever document found the other, the one
                        // with the smaller content key first: the model's sums in the other
                        // order differ in the last bits, and the order of the documents
                        // would then move the base rate (by 1.4e-5 on NTREX dev with dates).
                        let (x, y) = if (space.key(a), a) <= (space.key(b), b) { (a, b) } else { (b, a) };
                        let s = score_pair(space, idf, norms, opts.order_weight, x, y);
                        let same_event = model.probability(space, x, y, s.order.map_or(0.0, |(t, n)| order_z(t, n)));
                        ScoredPair {
                            left: a.min(b) as u32,
                            right: a.max(b) as u32,
                            score: s.score,
                            raw: s.raw,
                            same_event,
                        }
                    })
                    .filter(|p| p.score > 0.0 || p.same_event > 0.0)
                    .collect();
                (scored, worst)
            },
        )
        .collect();
    drop(postings);
    let (best, floors): (Vec<Vec<ScoredPair>>, Vec<Floor>) = best.into_iter().unzip();
    let mut out: Vec<ScoredPair> = best.into_iter().flatten().collect();
    out.sort_unstable_by_key(|x| (x.left, x.right));
    out.dedup_by(|x, y| (x.left, x.right) == (y.left, y.right));
    (out, floors)
}

/// A candidate partner while the best few are chosen: its accumulated score, its content
/// key and its index, ordered so that the better candidate is the greater (a higher score,
/// then a smaller key, then a smaller index).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Partner(f32, u64, u32);

impl Eq for Partner {}

impl Ord for Partner {
    fn cmp(&self, other: &Partner) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1)).then(other.2.cmp(&self.2))
    }
}

impl PartialOrd for Partner {
    fn partial_cmp(&self, other: &Partner) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The best `keep` of the documents `touched` by their score in `acc` (ties: the smaller
/// content key, then the smaller index), in no particular order. A bounded heap keeps the
/// worst of the best so far on top, so that most documents cost one comparison of scores
/// and their key is read only when they tie with it or enter the heap.
fn best_candidates(touched: &[u32], acc: &[f32], key: impl Fn(u32) -> u64, keep: usize) -> Vec<u32> {
    if keep >= touched.len() {
        return touched.to_vec();
    }
    let mut heap: std::collections::BinaryHeap<std::cmp::Reverse<Partner>> =
        std::collections::BinaryHeap::with_capacity(keep + 1);
    for &b in touched {
        let s = acc[b as usize];
        if heap.len() < keep {
            heap.push(std::cmp::Reverse(Partner(s, key(b), b)));
            continue;
        }
        let Some(mut worst) = heap.peek_mut() else { break };
        match s.total_cmp(&worst.0.0) {
            std::cmp::Ordering::Less => continue,
            std::cmp::Ordering::Greater => *worst = std::cmp::Reverse(Partner(s, key(b), b)),
            std::cmp::Ordering::Equal => {
                let p = Partner(s, key(b), b);
                if p > worst.0 {
                    *worst = std::cmp::Reverse(p);
                }
            }
        }
    }
    heap.into_iter().map(|p| p.0.2).collect()
}

/// FNV-1a, 64 bits: a stable hash (the same on every run and platform).
pub fn fnv64(bytes: &[u8]) -> u64 {
    fnv64_extend(FNV64_START, bytes)
}

/// The FNV-1a state before any byte.
pub const FNV64_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a state `h` after `bytes` (for hashing a sequence piece by piece).
pub fn fnv64_extend(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Which scored pairs the link rule keeps: across languages, a high score, or a fairly high
/// one between documents that are each other's best partner in the other's language (of the
/// partners whose time window agrees); in one language, a very high score (a reprint, a
/// rewrite of one wire story).
pub fn decide(space: &FeatureSpace, scored: &[ScoredPair], opts: &AlignOptions) -> Vec<bool> {
    let n = space.docs.len();
    let mut best: Vec<Vec<(f32, u64, usize)>> = vec![Vec::new(); n];
    let tol = crate::cluster::ClusterOptions::default().tolerance;
    let conflict = |a: usize, b: usize| match (space.window(a), space.window(b)) {
        (Some(x), Some(y)) => !crate::cluster::windows_agree(x, y, tol),
        _ => false,
    };
    for p in scored {
        let (a, b) = (p.left as usize, p.right as usize);
        // A partner whose happening is days apart can never share an event: it is no one's
        // best partner, and does not keep a document's true partner from being its best.
        if conflict(a, b) {
            continue;
        }
        best[a].push((p.score, space.key(b), b));
        best[b].push((p.score, space.key(a), a));
    }
    for list in &mut best {
        list.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    }
    let best_in = |a: usize, group: u32| best[a].iter().find(|x| space.groups[x.2] == group).map(|x| x.2);
    scored
        .iter()
        .map(|p| {
            let (a, b) = (p.left as usize, p.right as usize);
            if space.groups[a] == space.groups[b] {
                p.raw >= opts.same_language
            } else {
                let mutual = best_in(a, space.groups[b]) == Some(b) && best_in(b, space.groups[a]) == Some(a);
                p.raw >= opts.link || (mutual && p.score >= opts.mutual)
            }
        })
        .collect()
}

/// Finds the links between documents by the link rule alone ([`decide`] over [`pairs`]),
/// without grouping them into events; [`crate::Analysis`] also requires a link to stay
/// inside one event.
pub fn align(space: &FeatureSpace, opts: &AlignOptions) -> Vec<Link> {
    let weights = Weights::new(space);
    let model = crate::pairmodel::PairModel::new(space);
    let scored = pairs(space, &weights, &model, opts);
    let keep = decide(space, &scored, opts);
    scored
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| {
            let (score, evidence) = weights.explain(space, opts, p.left as usize, p.right as usize, &|_| None);
            let relation = written_relation(space, opts, p.left as usize, p.right as usize, score);
            Link { left: p.left as usize, right: p.right as usize, score, evidence, relation }
        })
        .collect()
}

/// Groups documents into events: linked documents share an event. Returns, for each
/// document, its event number; events are numbered in order of their first document.
pub fn cluster(n_docs: usize, links: &[Link]) -> Vec<usize> {
    let mut uf = crate::uf::UnionFind::new(n_docs);
    for l in links {
        uf.union(l.left as u32, l.right as u32);
    }
    uf.numbering()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(kind: FeatureKind, l: &str) -> Feature {
        Feature { kind, label: l.into() }
    }

    #[test]
    fn shared_rare_features_link_and_common_ones_do_not() {
        let mut s = FeatureSpace::new();
        use FeatureKind::*;
        s.push_doc(0, [f(Entity, "Lavrov"), f(Entity, "Shoukry"), f(Entity, "Russia"), f(Number, "6")], None, vec![]);
        s.push_doc(0, [f(Entity, "Lavrov"), f(Entity, "Shoukry"), f(Entity, "Russia"), f(Number, "6")], None, vec![]);
        s.push_doc(0, [f(Entity, "Russia"), f(Entity, "Putin"), f(Number, "20")], None, vec![]);
        s.push_doc(0, [f(Entity, "Russia"), f(Entity, "Xi"), f(Number, "10")], None, vec![]);
        let links = align(&s, &AlignOptions::default());
        assert_eq!(links.len(), 1, "{links:?}");
        assert_eq!((links[0].left, links[0].right), (0, 1));
        assert!(links[0].evidence.contains("Shoukry"), "{}", links[0].evidence);
        assert_eq!(cluster(4, &links), vec![0, 0, 1, 2]);
    }

    #[test]
    fn partners_that_tell_in_the_same_order_rank_first() {
        let mut s = FeatureSpace::new();
        use FeatureKind::*;
        let names = ["Lavrov", "Shoukry", "Cairo", "Gaza", "Borita", "Marrakech", "Zaki"];
        let feats = |order: &[usize]| order.iter().map(|&i| f(Entity, names[i])).collect::<Vec<_>>();
        s.push_doc(0, feats(&[0, 1, 2, 3, 4, 5, 6]), None, vec![]);
        s.push_doc(1, feats(&[0, 1, 2, 3, 4, 5, 6]), None, vec![]);
        s.push_doc(1, feats(&[6, 4, 2, 0, 5, 1, 3]), None, vec![]);
        let idf = vec![1.0; names.len()];
        let norms = vec![[7.0, 0.0, 0.0, 0.0, 0.0]; 3];
        let same = score_pair(&s, &idf, &norms, 0.5, 0, 1);
        let shuffled = score_pair(&s, &idf, &norms, 0.5, 0, 2);
        assert!(same.score > shuffled.score, "{} vs {}", same.score, shuffled.score);
        assert_eq!(same.raw, shuffled.raw);
        assert_eq!(same.order.map(|o| o.1), Some(7));
        assert!(
            evidence(&s, &idf, &same, &|_| None).contains("order 1.00 over 7"),
            "{}",
            evidence(&s, &idf, &same, &|_| None)
        );
        // Without the order weight the two are alike.
        assert_eq!(score_pair(&s, &idf, &norms, 0.0, 0, 1).score, score_pair(&s, &idf, &norms, 0.0, 0, 2).score);
    }

    #[test]
    fn a_type_shared_only_through_common_features_counts_little() {
        let mut s = FeatureSpace::new();
        use FeatureKind::*;
        // Every document mentions the number 2; documents 2 and 3 also share a rare name.
        for d in 0..20 {
            let mut feats = vec![f(Number, "2")];
            if d == 2 || d == 3 {
                feats.push(f(Entity, "Shoukry"));
            }
            s.push_doc(d % 2, feats, None, vec![]);
        }
        let links = align(&s, &AlignOptions::default());
        let score = |a: usize, b: usize| links.iter().find(|l| (l.left, l.right) == (a, b)).map_or(0.0, |l| l.score);
        // The number alone has a cosine of 1 between any two documents, but little evidence.
        assert!(score(0, 1) < 0.3, "{links:?}");
        assert!(score(2, 3) > 0.5, "{links:?}");
    }

    #[test]
    fn far_apart_dates_are_a_contradiction() {
        let mut s = FeatureSpace::new();
        use FeatureKind::*;
        let feats = || [f(Entity, "Lavrov"), f(Entity, "Shoukry")];
        s.push_doc(0, feats(), Some(0), vec![0]);
        s.push_doc(0, feats(), Some(100), vec![100]);
        s.push_doc(0, feats(), Some(1), vec![1]);
        let idf = vec![1.0; 2];
        let norms = vec![[2.0, 0.0, 0.0, 0.0, 0.0]; 3];
        let far = score_pair(&s, &idf, &norms, 0.0, 0, 1);
        let near = score_pair(&s, &idf, &norms, 0.0, 0, 2);
        assert!(far.score < near.score);
        assert!(evidence(&s, &idf, &far, &|_| None).contains("contradiction"));
    }

    #[test]
    fn a_partner_days_apart_is_not_a_best_partner() {
        use crate::cluster::Window;
        // Document 0 in one language, 1 and 2 in another: 0 and 1 are each other's best by
        // score, 0 and 2 score less.
        let mut s = FeatureSpace::new();
        for group in [0, 1, 1] {
            s.push_doc(group, [f(FeatureKind::Entity, "Lavrov")], None, vec![]);
        }
        let pair = |left, right, score| ScoredPair { left, right, score, raw: score, same_event: 0.5 };
        let scored = [pair(0, 1, 0.4), pair(0, 2, 0.2)];
        let opts = AlignOptions { link: 0.9, mutual: 0.1, ..AlignOptions::default() };
        let scripts = vec![talign_names::Script::Latin; 3];
        s.set_context(vec![None; 3], scripts.clone());
        assert_eq!(decide(&s, &scored, &opts), vec![true, false]);
        // When 0's and 1's happenings are a month apart, 2 is 0's best partner.
        let windows = vec![Some(Window::Days(100, 100)), Some(Window::Days(130, 130)), Some(Window::Days(101, 101))];
        s.set_context(windows, scripts);
        assert_eq!(decide(&s, &scored, &opts), vec![false, true]);
    }

    #[test]
    fn features_that_weigh_nothing_do_not_overrun_the_list_of_partners() {
        // Statistics that count no document for a feature give it no weight (idf 0): the
        // documents its postings reach keep a score of 0 and are listed again, here twelve
        // times for three documents.
        let mut s = FeatureSpace::new();
        use FeatureKind::*;
        let names = ["a", "b", "c", "d", "e", "f"];
        for group in [0, 1, 1] {
            s.push_doc(group, names.iter().map(|x| f(Entity, x)).chain([f(Number, "7")]), None, vec![]);
        }
        let mut df = vec![0u32; s.features.len()];
        df[s.id_of(&f(Number, "7")).unwrap() as usize] = 3;
        s.corpus_df = Some((df, 3));
        let model = crate::pairmodel::PairModel::new(&s);
        let found = pairs(&s, &Weights::new(&s), &model, &AlignOptions::default());
        assert_eq!(found.iter().map(|p| (p.left, p.right)).collect::<Vec<_>>(), vec![(0, 1), (0, 2), (1, 2)]);
    }

    #[test]
    fn the_bounded_heap_keeps_what_sorting_keeps() {
        let mut next = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15u64);
        for _ in 0..500 {
            let n = 1 + next(60) as usize;
            // Scores and keys on small grids, so that both tie often.
            let acc: Vec<f32> = (0..n).map(|_| next(6) as f32 / 4.0).collect();
            let keys: Vec<u64> = (0..n).map(|_| next(5)).collect();
            let touched: Vec<u32> = (0..n as u32).filter(|_| next(4) > 0).collect();
            let keep = next(12) as usize;
            let mut fast = best_candidates(&touched, &acc, |b| keys[b as usize], keep);
            let mut slow: Vec<(f32, u64, u32)> =
                touched.iter().map(|&b| (acc[b as usize], keys[b as usize], b)).collect();
            slow.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
            slow.truncate(keep);
            let mut slow: Vec<u32> = slow.into_iter().map(|x| x.2).collect();
            fast.sort_unstable();
            slow.sort_unstable();
            assert_eq!(fast, slow, "{acc:?} {keys:?} {touched:?} {keep}");
        }
    }
}
