//! Passage alignment inside two documents that report the same event: a monotonic
//! alignment in the spirit of Gale–Church, hunalign and Moore (2002).
//!
//! The aligner works on units: sentences, or parts of a sentence where the corpus says a
//! full stop may be missing (see [`crate::boundaries`]; ending a passage there costs the
//! unit's `cut`). Beads join units touching one to three sentences on each side (1–1, 1–2,
//! 2–1, 2–2, 1–3, 3–1, the prior counted in sentences) or skip a unit. A bead's cost adds:
//! - the Gale–Church length cost, with the length ratio of the two languages estimated
//!   from the two documents (from sentences sharing a unique anchor, when the documents'
//!   lengths say one covers only part of the other);
//! - the prior cost of its shape;
//! - a reward for each anchor both sides share (entity, number, date, event concept) and
//!   a charge for each anchor found on one side only, both weighted by the anchor's rarity
//!   in the pair, and a charge when both sides have anchors and share none;
//! - a reward for words both spell with one consonant skeleton (loanwords, names);
//! - with a translation table learnt from the corpus ([`crate::lexical`]), a reward for
//!   the share of their words that translate each other, above what unrelated units share.
//!
//! The alignment has two layers: inside the content two documents share (beads, skips at
//! the full cost) and outside it (skips only, cheap), with a cost to switch, so that a
//! report sharing a third of another leaves the rest unmatched. Independent reports of
//! one event (not translations of each other) are paired sentence by sentence on their
//! shared anchors instead; see [`align_passages`].

use serde::Serialize;

use crate::lexical::Translations;

/// One sentence, or one part of a sentence that may have lost its full stop, as the
/// aligner sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Byte range in the document text.
    pub start: usize,
    /// Byte offset just past the sentence.
    pub end: usize,
    /// Length in characters (letters and digits).
    pub len: f32,
    /// Anchors: (feature id, weight), sorted by id.
    pub anchors: Vec<(u32, f32)>,
    /// Whether the unit starts a sentence (the text marks the boundary before it).
    pub starts_sentence: bool,
    /// Cost of a passage boundary just before this unit: 0 where a sentence starts, the
    /// cost of cutting the sentence here otherwise.
    pub cut: f32,
    /// The unit's share of its sentence's length (1 for a whole sentence): leaving the
    /// unit unmatched costs this share of the skip cost.
    pub share: f32,
    /// Words that may be written the same in both languages (loanwords and names spelt
    /// with one consonant skeleton: পুলিশ, پلیس), as hashes of their keys, sorted. Shared
    /// ones are evidence; missing ones are not (most words have no such twin).
    pub cognates: Vec<u32>,
    /// The unit's words (ids of [`crate::lexical::Vocabulary`]), sorted, for a learnt
    /// translation table; empty when there is none.
    pub words: Vec<u32>,
    /// The common news words of the unit (see [`crate::lists::Lists::words`]), as
    /// [`news_anchor`] ids, sorted. They count in how alike two sentences are, as anchors
    /// of their own weight, not in the costs of a monotonic alignment.
    pub news: Vec<u32>,
    /// Whether the unit's sentence asks a question (ends with a question mark: see
    /// [`asks`]). A question states no fact, so mining does not pair it with a sentence
    /// that does not ask.
    pub asks: bool,
    /// The unit's figures: the feature ids of the numbers it states, sorted. Two sentences
    /// that both state figures and share none tell different facts (ten dead in one, 65 in
    /// the other: a later toll, or another count), so mining does not pair them.
    pub figures: Vec<u32>,
    /// The ids of its anchors that name something specific (a person, a place, a figure, a
    /// date; not an event word), sorted.
    pub specific: Vec<u32>,
    /// Whether the unit's sentence is a dateline: a date and nothing else but figures and
    /// punctuation (`16 شهریور 1402 - 18:53`). It states no fact, so mining pairs it with
    /// nothing (a page's dateline shares its date with the other report's "today").
    pub dateline: bool,
}

/// Whether a sentence asks a question: it ends with a question mark (Latin ?, Arabic-script
/// ؟, full-width ？, Armenian ՞, Ethiopic ፧), closing quotes and brackets aside. "Who is
/// Iran's new president?" and a crowd's "when will you resign?" state no fact a report of
/// the answer states.
pub fn asks(sentence: &str) -> bool {
    let closing = |c: char| {
        c.is_whitespace()
            || matches!(c, '»' | '”' | '’' | '"' | '\'' | ')' | ']' | '}' | '›' | '」' | '』' | '）' | '.' | '…')
    };
    matches!(sentence.trim_end_matches(closing).chars().next_back(), Some('?' | '؟' | '？' | '՞' | '፧'))
}

/// Whether any of these units belongs to a sentence that asks (see [`asks`]).
fn any_asks(units: &[Unit]) -> bool {
    units.iter().any(|u| u.asks)
}

/// Whether any of these units belongs to a dateline (see [`Unit::dateline`]).
fn any_dateline(units: &[Unit]) -> bool {
    units.iter().any(|u| u.dateline)
}

/// The anchor id of news-word concept `concept`: counted down from the largest id, which no
/// feature of a corpus reaches.
pub fn news_anchor(concept: u32) -> u32 {
    u32::MAX - concept
}

/// The concept of news-word anchor id `id` (the inverse of [`news_anchor`]).
fn news_concept(id: u32) -> u32 {
    u32::MAX - id
}

/// The weight of a news word as an anchor of a sentence's similarity, before its rarity:
/// a common word is weaker evidence than a name, a number or an event word.
const NEWS_WEIGHT: f32 = 0.5;

impl Unit {
    /// A whole sentence.
    pub fn sentence(start: usize, end: usize, len: f32, anchors: Vec<(u32, f32)>) -> Unit {
        Unit {
            start,
            end,
            len,
            anchors,
            starts_sentence: true,
            cut: 0.0,
            share: 1.0,
            cognates: Vec::new(),
            words: Vec::new(),
            news: Vec::new(),
            asks: false,
            figures: Vec::new(),
            specific: Vec::new(),
            dateline: false,
        }
    }
}

/// A learnt translation table and which way round it reads the two documents.
#[derive(Debug, Clone, Copy)]
pub struct Dictionary<'t> {
    /// The table.
    pub table: &'t Translations,
    /// Whether the left document is in the table's second language.
    pub reversed: bool,
}

/// What the corpus taught the aligner about the languages of two documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct PairModel<'t> {
    /// A learnt translation table, if there was enough text to learn one.
    pub dictionary: Option<Dictionary<'t>>,
    /// The expected length of a right passage per character of its left translation,
    /// measured on the confident passages of the corpus's pairs of these two languages: the
    /// ratio of two documents' lengths says nothing when one covers only part of the other.
    pub length_ratio: Option<f32>,
    /// The corpus was learnt from and taught no table for these two languages (fewer
    /// confident passages than [`crate::lexical::MIN_TRAINING_PAIRS`]): only wording could
    /// tell a translated part from two independent reports whose leads tell one fact in one
    /// order, so pairs with too few seeds are mined, not tried as translations (see
    /// [`PassageOptions::few_anchors`]).
    pub untaught: bool,
}

/// How much of each unit translates each unit of the other document, by a learnt table.
struct Overlap {
    /// Weight of the words of each left unit, and of each right unit.
    wa: Vec<f32>,
    wb: Vec<f32>,
    /// `ma[i * m + j]`: weight of the words of left unit i that have a translation in
    /// right unit j; `mb[j * n + i]` the other way.
    ma: Vec<f32>,
    mb: Vec<f32>,
    /// Mean similarity of a left and a right unit: what unrelated sentences share.
    baseline: f32,
    /// For each left unit, the mean similarity of its nearest right units, and the other
    /// way: what a unit shares with the best of the other document, its true partner
    /// included (the margin of Artetxe & Schwenk 2019, as a difference).
    row_knn: Vec<f32>,
    col_knn: Vec<f32>,
    /// `wa`, `wb`, `row_knn` and `col_knn` over each run of 1 to [`MAX_UNITS`] units, as
    /// [`Overlap::similarity`] and [`Overlap::neighbours`] take them (see [`per_run`]):
    /// the monotonic aligner asks for the same runs for many beads.
    runs_wa: Vec<f32>,
    runs_wb: Vec<f32>,
    runs_row: Vec<f32>,
    runs_col: Vec<f32>,
}

/// The sum of the values.
fn sum_of(v: &[f32]) -> f32 {
    v.iter().sum::<f32>()
}

/// The mean of the values (0 for none).
fn mean_of(v: &[f32]) -> f32 {
    if v.is_empty() { 0.0 } else { v.iter().sum::<f32>() / v.len() as f32 }
}

/// Where the run of `len` units (1 to [`MAX_UNITS`], at most `end`) that ends before unit
/// `end` is kept in a table of every run of a document's units (`MAX_UNITS` slots a unit):
/// the layout of [`per_run`], [`RunSums`], [`Runs`] and [`CognateSets`].
fn run_slot(end: usize, len: usize) -> usize {
    (end - 1) * MAX_UNITS + len - 1
}

/// `f` of each run of 1 to [`MAX_UNITS`] of the values, at its [`run_slot`].
fn per_run(v: &[f32], f: fn(&[f32]) -> f32) -> Vec<f32> {
    let mut out = vec![0f32; v.len() * MAX_UNITS];
    for end in 1..=v.len() {
        for n in 1..=MAX_UNITS.min(end) {
            out[run_slot(end, n)] = f(&v[end - n..end]);
        }
    }
    out
}

/// `f` of `v[r]`, from `runs` (see [`per_run`]) when `r` is a run of 1 to [`MAX_UNITS`].
fn of_run(runs: &[f32], v: &[f32], r: std::ops::Range<usize>, f: fn(&[f32]) -> f32) -> f32 {
    if (1..=MAX_UNITS).contains(&r.len()) { runs[run_slot(r.end, r.len())] } else { f(&v[r]) }
}

impl Overlap {
    fn new(a: &[Unit], b: &[Unit], lex: Dictionary<'_>) -> Overlap {
        let (n, m) = (a.len(), b.len());
        let t = lex.table;
        let wa: Vec<f32> = a.iter().map(|u| u.words.iter().map(|&w| t.weight(w)).sum()).collect();
        let wb: Vec<f32> = b.iter().map(|u| u.words.iter().map(|&w| t.weight(w)).sum()).collect();
        let mut ma = vec![0f32; n * m];
        let mut mb = vec![0f32; m * n];
        // Each unit's words that have a translation, with their weight and translations,
        // looked up once rather than once per unit of the other document.
        let translatable = |units: &[Unit], reversed: bool| -> Vec<Vec<(f32, &[u32])>> {
            units
                .iter()
                .map(|u| {
                    u.words.iter().map(|&w| (t.weight(w), t.of(w, reversed))).filter(|x| !x.1.is_empty()).collect()
                })
                .collect()
        };
        let (ta, tb) = (translatable(a, lex.reversed), translatable(b, !lex.reversed));
        // `row[k]`: the weight of the words of `from` that have a translation in unit k of
        // `to`, each word's weight added once to each unit that has one of its translations,
        // in the order of `from` (the order a sum over `from` adds them in, from the same
        // start): the units that have a word are read from a list of them, rather than
        // every unit searched for every translation.
        let zero: f32 = std::iter::empty::<f32>().sum();
        let covered = |from: &[Vec<(f32, &[u32])>], to: &[Unit], out: &mut [f32]| {
            let mut units_of: crate::HashMap<u32, Vec<u32>> = crate::HashMap::default();
            for (k, u) in to.iter().enumerate() {
                for &w in &u.words {
                    units_of.entry(w).or_default().push(k as u32);
                }
            }
            let mut seen = vec![usize::MAX; to.len()];
            let mut mark = 0;
            out.fill(zero);
            for (row, words) in out.chunks_mut(to.len().max(1)).zip(from) {
                for &(weight, ts) in words {
                    for k in ts.iter().filter_map(|v| units_of.get(v)).flatten() {
                        let k = *k as usize;
                        if seen[k] != mark {
                            seen[k] = mark;
                            row[k] += weight;
                        }
                    }
                    mark += 1;
                }
            }
        };
        covered(&ta, b, &mut ma);
        covered(&tb, a, &mut mb);
        let (runs_wa, runs_wb) = (per_run(&wa, sum_of), per_run(&wb, sum_of));
        let mut o = Overlap {
            wa,
            wb,
            ma,
            mb,
            baseline: 0.0,
            row_knn: Vec::new(),
            col_knn: Vec::new(),
            runs_wa,
            runs_wb,
            runs_row: Vec::new(),
            runs_col: Vec::new(),
        };
        let mut sim = vec![0f32; n * m];
        for i in 0..n {
            for j in 0..m {
                sim[i * m + j] = o.similarity(i..i + 1, j..j + 1);
            }
        }
        o.baseline = sim.iter().sum::<f32>() / (n * m).max(1) as f32;
        o.row_knn = (0..n).map(|i| knn_mean((0..m).map(|j| sim[i * m + j]).collect())).collect();
        o.col_knn = (0..m).map(|j| knn_mean((0..n).map(|i| sim[i * m + j]).collect())).collect();
        (o.runs_row, o.runs_col) = (per_run(&o.row_knn, mean_of), per_run(&o.col_knn, mean_of));
        o
    }

    /// What the units of the two passages share with their nearest neighbours: the level
    /// their own similarity must pass to count as evidence.
    fn neighbours(&self, ra: std::ops::Range<usize>, rb: std::ops::Range<usize>) -> f32 {
        (of_run(&self.runs_row, &self.row_knn, ra, mean_of) + of_run(&self.runs_col, &self.col_knn, rb, mean_of)) / 2.0
    }

    /// The weighted share of the words of the two passages that translate a word of the other.
    fn similarity(&self, ra: std::ops::Range<usize>, rb: std::ops::Range<usize>) -> f32 {
        let (n, m) = (self.wa.len(), self.wb.len());
        let mut covered = 0f32;
        for i in ra.clone() {
            covered += rb.clone().map(|j| self.ma[i * m + j]).sum::<f32>().min(self.wa[i]);
        }
        for j in rb.clone() {
            covered += ra.clone().map(|i| self.mb[j * n + i]).sum::<f32>().min(self.wb[j]);
        }
        let total: f32 = of_run(&self.runs_wa, &self.wa, ra, sum_of) + of_run(&self.runs_wb, &self.wb, rb, sum_of);
        if total > 0.0 { covered / total } else { 0.0 }
    }
}

/// The mean of the [`MARGIN_NEIGHBOURS`] largest values (fewer when there are fewer).
fn knn_mean(mut values: Vec<f32>) -> f32 {
    values.sort_by(|x, y| y.total_cmp(x));
    let k = MARGIN_NEIGHBOURS.min(values.len());
    if k == 0 { 0.0 } else { values[..k].iter().sum::<f32>() / k as f32 }
}

/// An aligned passage pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bead {
    /// Sentence indices on the left (`left.0..left.1`).
    pub left: (usize, usize),
    /// Sentence indices on the right.
    pub right: (usize, usize),
    /// Confidence in [0, 1].
    pub score: f32,
    /// Why the two passages were paired.
    pub evidence: BeadEvidence,
}

/// What two aligned passages share.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BeadEvidence {
    /// Anchors (feature ids) both passages have.
    pub anchors: Vec<u32>,
    /// Number of words both spell with one consonant skeleton.
    pub cognates: usize,
    /// Weighted share of their words that translate each other by the learnt table, and
    /// what unrelated sentences of the two documents share (`None`: no table).
    pub lexical: Option<(f32, f32)>,
    /// How much the evidence lowered the bead's cost (anchors, words spelt alike, wording).
    pub support: f32,
    /// How the two documents were aligned.
    pub regime: Regime,
    /// Mined pairs: the support against the mean of each sentence's best neighbours.
    pub margin: Option<f32>,
    /// Mined pairs read with news words: the concepts (indices into
    /// [`crate::lists::Lists::words`]) both passages have.
    pub news: Vec<u32>,
    /// Mined pairs: the rule that printed the pair.
    pub mined_by: Option<MinedBy>,
}

/// The rule that printed a mined pair of independent reports (see `--explain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MinedBy {
    /// A one-to-one matching of the confident pairs, best margin first (two languages the
    /// corpus taught a table).
    Matching,
    /// Nearly as alike as the best pair of each of its two sentences (two languages
    /// without a table; see [`PassageOptions::mine_relative`]).
    NearBest,
    /// Among the first sentences of both reports that share anything (see
    /// [`PassageOptions::lead_sentences`]).
    Leads,
    /// One sentence tells several facts and the other tells another of them than the first's
    /// best partner does (see [`PassageOptions::mine_hub_margin`]).
    OtherFact,
    /// One sentence tells in one what several of the other report tell one by one, and the
    /// other is one of them (see [`PassageOptions::mine_fan_in`]).
    PartOfHub,
}

impl MinedBy {
    /// How `--explain` names the rule.
    pub fn label(self) -> &'static str {
        match self {
            MinedBy::Matching => "one to one",
            MinedBy::NearBest => "each near its sentences' best",
            MinedBy::Leads => "both leads",
            MinedBy::OtherFact => "another fact of a sentence that tells several",
            MinedBy::PartOfHub => "part of what one sentence tells",
        }
    }
}

/// The figures of the units, sorted, without repeats.
fn figures_in(units: &[Unit]) -> Vec<u32> {
    sorted_union(units, |u| u.figures.iter().copied())
}

/// The figures of each sentence (a range of units).
fn figures_of(units: &[Unit], sentences: &[std::ops::Range<usize>]) -> Vec<Vec<u32>> {
    sentences.iter().map(|r| figures_in(&units[r.clone()])).collect()
}

/// The specific anchors of each sentence (a range of units), sorted, without repeats.
fn named_of(units: &[Unit], sentences: &[std::ops::Range<usize>]) -> Vec<Vec<u32>> {
    sentences.iter().map(|r| sorted_union(&units[r.clone()], |u| u.specific.iter().copied())).collect()
}

/// Of each sentence's specific anchors ([`named_of`]), those rare in the two documents (see
/// [`RareAnchors`]).
fn rare_of(named: &[Vec<u32>], rare: &RareAnchors) -> Vec<Vec<u32>> {
    named.iter().map(|v| v.iter().copied().filter(|&id| rare.is_rare(id)).collect()).collect()
}

/// Whether two passages' figures (sorted) may state one fact: one of them states none, or
/// they share one.
fn figures_agree(x: &[u32], y: &[u32]) -> bool {
    x.is_empty() || y.is_empty() || x.iter().any(|f| y.binary_search(f).is_ok())
}

/// The ids `ids` gives for each of the units, sorted, without repeats.
fn sorted_union<'u, I: Iterator<Item = u32>>(units: &'u [Unit], ids: impl Fn(&'u Unit) -> I) -> Vec<u32> {
    let mut v: Vec<u32> = units.iter().flat_map(ids).collect();
    if units.len() > 1 {
        v.sort_unstable();
        v.dedup();
    }
    v
}

/// The anchor ids of the units, sorted, without repeats.
fn anchor_ids(units: &[Unit]) -> Vec<u32> {
    sorted_union(units, |u| u.anchors.iter().map(|x| x.0))
}

/// The cognates of the units, sorted, without repeats.
fn cognates_of(units: &[Unit]) -> Vec<u32> {
    sorted_union(units, |u| u.cognates.iter().copied())
}

/// The words of the units, sorted, without repeats.
pub(crate) fn words_of(units: &[Unit]) -> Vec<u32> {
    sorted_union(units, |u| u.words.iter().copied())
}

impl BeadEvidence {
    fn of(a: &[Unit], b: &[Unit], lexical: Option<(f32, f32)>) -> BeadEvidence {
        let (xa, xb) = (anchor_ids(a), anchor_ids(b));
        let (ca, cb) = (cognates_of(a), cognates_of(b));
        BeadEvidence {
            anchors: xa.into_iter().filter(|x| xb.binary_search(x).is_ok()).collect(),
            cognates: ca.iter().filter(|x| cb.binary_search(x).is_ok()).count(),
            lexical,
            support: 0.0,
            regime: Regime::Translation,
            margin: None,
            news: Vec::new(),
            mined_by: None,
        }
    }
}

/// Costs of the alignment.
#[derive(Debug, Clone, Copy)]
pub struct PassageOptions {
    /// Cost of leaving one sentence unmatched.
    pub skip: f32,
    /// Reward per unit of shared anchor weight.
    pub anchor_reward: f32,
    /// Charge per unit of anchor weight found on one side only.
    pub anchor_miss: f32,
    /// Charge when both sides carry anchors and share none.
    pub disjoint: f32,
    /// Beads aligned as translations scoring below this are not reported.
    pub min_score: f32,
    /// Mined pairs of independent reports scoring below this are not reported (0 by default:
    /// [`PassageOptions::mine_margin`] is what keeps or drops them; `--passage-min-score`
    /// given on the command line sets both thresholds).
    pub mined_min_score: f32,
    /// Share of the rare anchors two documents share (found in at most two units of each)
    /// that the monotonic alignment must put in aligned passages for the two to be aligned
    /// as translations. Translations reach 0.7 and more; a translation of a third of an
    /// article, aligned inside the longer one, 0.55 and more; independent reports of one
    /// event less (the seed reports: 0.09; two reports of one football match: 0.5).
    pub parallel: f32,
    /// Seeds: least similarity two sentences must have to be a seed of the monotonic
    /// alignment ...
    pub seed_support: f32,
    /// ... and least ratio margin against their nearest neighbours.
    pub seed_margin: f32,
    /// Share of the seeds that must follow one order for two documents to be aligned
    /// monotonically (from three seeds on).
    pub seed_order: f32,
    /// Fewest seeds in one order for two documents to be aligned as translations.
    pub seed_chain: usize,
    /// Width of the band around the seeds' path where beads may fall, in mean sentences of
    /// the right document (0: no band). Off by default: where both reports drop scattered
    /// sentences (or one adds content at either end), the true path drifts off the line the
    /// band extends beyond the first and last seed.
    pub band_width: f32,
    /// Charge on a bead whose passages share less evidence than `bare_support`.
    pub bare: f32,
    /// See `bare`.
    pub bare_support: f32,
    /// Whether independent reports get their sentence pairs mined (otherwise every pair is
    /// aligned monotonically, as a translation).
    pub mining: bool,
    /// Independent reports: least similarity two mined sentences must have ...
    pub mine_support: f32,
    /// ... and least ratio margin ...
    pub mine_margin: f32,
    /// ... and least weight of shared anchors (each weighted by the square of its rarity in
    /// the pair): evidence of one specific fact (a name, a figure, a date, a rare event
    /// word), not of the topic both reports share.
    pub mine_shared: f32,
    /// Most pairs a mined sentence may take part in (one report may tell in one sentence
    /// what the other tells in two).
    pub mine_fanout: u8,
    /// Independent reports also keep the passages of their monotonic alignment whose own
    /// evidence (their anchors weighted by rarity, the words they spell alike, and their
    /// translated wording above what unrelated sentences share, in reward units, length
    /// playing no part) reaches this and whose sentences no mined pair
    /// took: a report that translates part of another, in its order, with content of its
    /// own between, fails the test of translations but still pairs those passages
    /// (0: only mined pairs). Only for two languages the corpus taught a table (not
    /// [`PairModel::untaught`]): between independent reports in two languages it taught
    /// none, a passage of the monotonic alignment is in order by chance (web dev, the
    /// labelled Bengali–Persian pairs given: 6 such passages printed, none right).
    pub keep_supported: f32,
    /// Pairs with too few seeds in one order still get a monotonic alignment, kept when it
    /// puts at least this many rare anchors in aligned passages, and the share of them
    /// translations pair (see [`PassageOptions::parallel`]), and when it has at least
    /// [`PassageOptions::few_passages`] passages; 0: such pairs are mined.
    pub few_anchors: usize,
    /// See `few_anchors`: the fewest passages, in one order, such an alignment must have
    /// to count as a translation. Without it, two independent reports whose one shared fact
    /// is told in two passages in the same order pass for a translation of that part (the
    /// seeds' 000 and 003 did, and the passage before their thanks-to-Egypt pair was joined
    /// to it); a report that translates a third of another, with one name the two share,
    /// aligns as a run of several.
    pub few_passages: usize,
    /// Pairs with too few seeds in one order whose documents share no rare anchor at all
    /// (names and figures a whole article repeats, such as the product it is about, are
    /// not rare) still align as a translation, where the corpus taught the two languages
    /// a table, when their monotonic alignment has at least this many passages: a Persian
    /// third of an article about one breast pump, between unrelated text, names the pump
    /// in every line, and the table's reading of the wording is all that pairs its nine
    /// lines with the whole Bengali article. 0: off.
    pub few_passages_unanchored: usize,
    /// Fixed cost of a passage boundary inside a sentence (where the text may have lost a
    /// full stop).
    pub cut_base: f32,
    /// Cost per unit of -ln(probability) of such a boundary; negative: never cut a sentence.
    pub cut_weight: f32,
    /// Cost of leaving one sentence unmatched outside the content two documents share.
    pub gap_skip: f32,
    /// Cost of entering or leaving the content two documents share.
    pub switch: f32,
    /// Reward per unit of shared cognate weight.
    pub cognate_reward: f32,
    /// Shortest key (in consonant classes) a cognate must have.
    pub cognate_min_key: usize,
    /// Reward per unit of learnt lexical similarity above what unrelated sentences share.
    pub lexical_reward: f32,
    /// Whether common news words (president, arrived, at least, …; see
    /// [`crate::lists::Lists::words`]) count among the words two passages share.
    pub news_words: bool,
    /// The least similarity of the mined pairs printed for two languages the corpus taught
    /// no table, read with their news words (in place of [`PassageOptions::mine_support`]).
    pub mine_support_untaught: f32,
    /// Two languages the corpus taught no table: the pairs mining accepts are printed many
    /// to many (a headline and the lead that repeats it both pair with the other report's
    /// lead), each whose similarity is at least this share of the best pair of each of its
    /// two sentences (a long sentence that names everything is not paired with every
    /// sentence of the other report that names part of it) ...
    pub mine_relative: f32,
    /// ... or both its sentences are among the first `lead_sentences` of their reports that
    /// share anything with the other (news tells its main fact first, in the headline and
    /// the lead: two reports of one event state it there both) ...
    pub lead_sentences: usize,
    /// ... and share at least this weight of specific anchors, with a similarity within
    /// `mine_relative` of the best pair of one of the two sentences.
    pub lead_shared: f32,
    /// Two languages without a learnt table: a sentence that tells several facts in one is
    /// near every sentence of the other report that tells one of them, so the margins of
    /// its true pairs are small. A pair of such a sentence (its best partner is another)
    /// with a sentence whose best partner it is, within `mine_relative` of its best, is
    /// printed from this margin rather than [`PassageOptions::mine_margin`] when the two
    /// share a specific anchor (a name, figure or date found in at most two units of each
    /// report) that the hub's best partner does not: the sentence tells another of the
    /// hub's facts.
    pub mine_hub_margin: f32,
    /// Two languages without a learnt table: a sentence that is the best partner of at
    /// least this many sentences of the other report tells in one what they tell one by one
    /// (a headline, a summing-up lead). It is paired with each of them whose similarity
    /// reaches [`PassageOptions::mine_fan_support`], from the margin
    /// [`PassageOptions::mine_hub_margin`], when one of the two names nothing specific (a
    /// person, place, figure or date) the other does not; 0 turns the rule off.
    pub mine_fan_in: usize,
    /// The least similarity of a pair [`PassageOptions::mine_fan_in`] prints.
    pub mine_fan_support: f32,
}

impl Default for PassageOptions {
    fn default() -> PassageOptions {
        PassageOptions {
            skip: 2.2,
            anchor_reward: 1.6,
            anchor_miss: 0.5,
            disjoint: 1.0,
            min_score: 0.2,
            mined_min_score: 0.0,
            parallel: 0.55,
            seed_support: 0.4,
            seed_margin: 1.8,
            seed_order: 0.7,
            seed_chain: 2,
            band_width: 0.0,
            bare: 0.8,
            bare_support: 0.05,
            mining: true,
            mine_support: 0.3,
            mine_margin: 1.4,
            mine_shared: 0.7,
            mine_fanout: 2,
            keep_supported: 1.0,
            few_anchors: 1,
            few_passages: 3,
            few_passages_unanchored: 6,
            cut_base: 0.5,
            cut_weight: 1.0,
            gap_skip: 0.8,
            switch: 2.0,
            cognate_reward: 0.5,
            cognate_min_key: 3,
            lexical_reward: 2.0,
            news_words: true,
            mine_support_untaught: 0.25,
            mine_relative: 0.7,
            lead_sentences: 2,
            lead_shared: 0.4,
            mine_hub_margin: 1.0,
            mine_fan_in: 3,
            mine_fan_support: 0.3,
        }
    }
}

/// Shapes: (left sentences, right sentences, prior cost = -ln P), after Gale & Church (1993).
const SHAPES: &[(usize, usize, f32)] = &[(1, 1, 0.0), (1, 2, 2.0), (2, 1, 2.0), (2, 2, 3.5), (1, 3, 4.0), (3, 1, 4.0)];

/// Variance of the length difference per character (Gale & Church's s²). Their 6.8 was
/// measured on English–French and English–German; Bengali and Persian translations vary
/// much more in length (Persian leaves vowels unwritten, Bengali writes them). 25 aligned
/// better both the dev set's translations and its partial-overlap variant; 10 to 40 were
/// within 0.01 on the translations.
const S2: f32 = 25.0;

/// -ln of the two-sided tail probability of a standard normal at `d` (the length cost).
fn length_cost(la: f32, lb: f32, ratio: f32) -> f32 {
    length_deviation(la, lb, ratio).map_or(0.0, tail_cost)
}

/// How far apart two lengths are for the ratio, in standard deviations over √2 (`None`
/// when both are empty: no cost).
fn length_deviation(la: f32, lb: f32, ratio: f32) -> Option<f32> {
    scaled_deviation(la, la * ratio, lb, lb / ratio)
}

/// [`length_deviation`] of lengths `la` and `lb` given scaled to the other language
/// (`la` times the ratio, `lb` over it).
fn scaled_deviation(la: f32, la_scaled: f32, lb: f32, lb_scaled: f32) -> Option<f32> {
    if la + lb <= 0.0 {
        return None;
    }
    let mean = (la + lb_scaled) / 2.0;
    let delta = (lb - la_scaled) / (S2 * mean.max(1.0)).sqrt();
    Some(delta.abs() / std::f32::consts::SQRT_2)
}

/// -ln erfc(x), at most -ln 1e-12.
fn tail_cost(x: f32) -> f32 {
    let p = erfc(x).max(1e-12);
    -p.ln()
}

/// The square of [`scaled_deviation`], without its square root and one of its divisions
/// (the same to a few units in the last place).
fn squared_deviation(la: f32, la_scaled: f32, lb: f32, lb_scaled: f32) -> Option<f32> {
    if la + lb <= 0.0 {
        return None;
    }
    let mean = (la + lb_scaled) / 2.0;
    let d = lb - la_scaled;
    Some(d * d / (2.0 * S2 * mean.max(1.0)))
}

/// Steps per unit of squared deviation in the table of [`length_floor`] ...
const FLOOR_STEPS: f32 = 256.0;
/// ... and its entries: past a deviation of 6 (36 squared), erfc is below [`tail_cost`]'s
/// 1e-12 (from 5.1).
const FLOOR_ENTRIES: usize = 36 * 256 + 1;
/// What the table's entries leave for rounding.
const FLOOR_MARGIN: f32 = 1e-3;

/// [`tail_cost`] at each step of squared deviation, less [`FLOOR_MARGIN`].
static FLOORS: std::sync::LazyLock<Vec<f32>> = std::sync::LazyLock::new(|| {
    (0..FLOOR_ENTRIES).map(|k| tail_cost((k as f32 / FLOOR_STEPS).sqrt()) - FLOOR_MARGIN).collect()
});

/// A floor under [`length_cost`] at `squared` (see [`squared_deviation`]), without its
/// `exp`, `ln` and square root: the cost of the squared deviation rounded down to a step of
/// `floors` (the table [`FLOORS`]; the cost grows with the deviation), within a tenth of
/// the cost.
fn length_floor(squared: Option<f32>, floors: &[f32]) -> f32 {
    squared.map_or(0.0, |s| floors[((s * FLOOR_STEPS) as usize).min(FLOOR_ENTRIES - 1)])
}

/// Complementary error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7).
fn erfc(x: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y = t * (0.254_829_6 + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152_1 + t * 1.061_405_4))));
    y * (-x * x).exp()
}

/// How rare each id is among the units of two documents, in (0, 1]: an anchor or a word
/// in many units of both (the country both are about, the number two) says little about
/// which units match.
fn rarity<'u>(a: &'u [Unit], b: &'u [Unit], ids: impl Fn(&'u Unit) -> Vec<u32>) -> crate::HashMap<u32, f32> {
    let mut count: crate::HashMap<u32, u32> = crate::HashMap::default();
    for u in a.iter().chain(b) {
        for c in ids(u) {
            *count.entry(c).or_default() += 1;
        }
    }
    let total = (a.len() + b.len()) as f32;
    count.into_iter().map(|(c, n)| (c, (1.0 + total / n as f32).ln() / (1.0 + total).ln())).collect()
}

/// Weights of the cognates of two documents, by their rarity in the pair.
fn cognate_weights(a: &[Unit], b: &[Unit]) -> crate::HashMap<u32, f32> {
    rarity(a, b, |u| u.cognates.clone())
}

/// The units with their anchors' weights scaled by their rarity in the pair (their
/// cognates and words, which the anchor costs do not read, are left out).
fn rare_weighted(a: &[Unit], b: &[Unit], power: i32, news: bool) -> (Vec<Unit>, Vec<Unit>) {
    // A unit's anchors, and with `news` its news words at their own weight.
    fn anchors(u: &Unit, news: bool) -> impl Iterator<Item = (u32, f32)> + '_ {
        u.anchors.iter().copied().chain(u.news.iter().filter(move |_| news).map(|&id| (id, NEWS_WEIGHT)))
    }
    let r = rarity(a, b, |u| anchors(u, news).map(|x| x.0).collect());
    let scale = |units: &[Unit]| -> Vec<Unit> {
        units
            .iter()
            .map(|u| {
                let mut scaled: Vec<(u32, f32)> =
                    anchors(u, news).map(|(id, w)| (id, w * r[&id].powi(power))).collect();
                if news {
                    scaled.sort_by_key(|x| x.0);
                }
                Unit {
                    anchors: scaled,
                    cognates: Vec::new(),
                    words: Vec::new(),
                    news: Vec::new(),
                    figures: Vec::new(),
                    specific: Vec::new(),
                    ..*u
                }
            })
            .collect()
    };
    (scale(a), scale(b))
}

/// The units' anchors, sorted by id, without repeats (borrowed when there is one unit).
fn merged_anchors(units: &[Unit]) -> std::borrow::Cow<'_, [(u32, f32)]> {
    match units {
        [u] => std::borrow::Cow::Borrowed(&u.anchors),
        _ => {
            let mut v: Vec<(u32, f32)> = units.iter().flat_map(|u| u.anchors.iter().copied()).collect();
            v.sort_by_key(|x| x.0);
            v.dedup_by_key(|x| x.0);
            std::borrow::Cow::Owned(v)
        }
    }
}

fn anchor_balance(a: &[Unit], b: &[Unit]) -> (f32, f32) {
    anchor_balance_of(&merged_anchors(a), &merged_anchors(b))
}

/// [`anchor_balance`] of two passages' merged anchors (sorted by id, without repeats).
fn anchor_balance_of(xa: &[(u32, f32)], xb: &[(u32, f32)]) -> (f32, f32) {
    let (mut shared, mut missed) = (0f32, 0f32);
    let (mut i, mut j) = (0, 0);
    while i < xa.len() || j < xb.len() {
        match (xa.get(i), xb.get(j)) {
            (Some(p), Some(q)) if p.0 == q.0 => {
                shared += p.1;
                i += 1;
                j += 1;
            }
            (Some(p), Some(q)) if p.0 < q.0 => {
                missed += p.1;
                i += 1;
            }
            (Some(_), Some(q)) => {
                missed += q.1;
                j += 1;
            }
            (Some(p), None) => {
                missed += p.1;
                i += 1;
            }
            (None, Some(q)) => {
                missed += q.1;
                j += 1;
            }
            (None, None) => break,
        }
    }
    (shared, missed)
}

/// Aligns two documents' units; returns the aligned beads in order (unit indices).
///
/// The regime is decided per pair (see [`Regime`]). Every sentence of one document is first
/// scored against every sentence of the other by the evidence they share, and the scores
/// are normalized as a ratio margin against each sentence's nearest neighbours (Artetxe &
/// Schwenk 2019). The confident one-to-one pairs are seeds. When the seeds mostly follow
/// one order, the documents are aligned monotonically (see the module docs; inside a band
/// through the seeds when [`PassageOptions::band_width`] is set), and they count as
/// translations when, along that alignment, at least the
/// share [`PassageOptions::parallel`] of the rare anchors they share (found in at most two
/// units of each document) land in aligned units. Otherwise they are independent reports
/// of one event, whose sentences are paired one to one in any order where the margin is
/// high enough.
pub fn align_passages(a: &[Unit], b: &[Unit], opts: &PassageOptions) -> Vec<Bead> {
    align_passages_with(a, b, PairModel::default(), opts).0
}

/// How two documents were aligned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub enum Regime {
    /// Translations of each other, or of a part they share: a monotonic alignment.
    #[default]
    Translation,
    /// Independent reports of one event: sentence pairs mined in any order.
    Mined,
}

/// Like [`align_passages`], with what the corpus taught about the two documents'
/// languages; also says whether the two documents were aligned as translations.
pub fn align_passages_with(a: &[Unit], b: &[Unit], model: PairModel<'_>, opts: &PassageOptions) -> (Vec<Bead>, bool) {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return (Vec::new(), true);
    }
    let scorer = Scorer::new(a, b, model, opts);
    let (sa, sb) = (sentence_ranges(a), sentence_ranges(b));
    let mined = Mining::new(&scorer, &sa, &sb, false);
    let is_seed = |p: &SentencePair| p.similarity >= opts.seed_support && p.margin >= opts.seed_margin;
    let seeds = mined.matching(is_seed, 1);
    let chain = monotonic_chain(&seeds);
    let ordered = seeds.len() < 3 || chain.len() as f32 >= opts.seed_order * seeds.len() as f32;
    // Translations show it: several confident pairs in one order, or lengths in the ratio
    // of their languages. Otherwise the two documents are paired only where their
    // sentences share evidence.
    let few = chain.len() < opts.seed_chain && opts.mining && !same_length(a, b, model.length_ratio);
    // The seeds' band when they follow one order; without it when they do not (some
    // seeds are wrong), or when the band gives no translation.
    let band =
        if ordered && opts.band_width > 0.0 { Band::new(&scorer, &sa, &sb, &chain, opts.band_width) } else { None };
    // Without a band, where the corpus's translation table is known, a pair whose seeds
    // follow one order is aligned again inside their band when the first alignment finds
    // no shared content at all: between seeds, passages whose wording the table does not
    // know cost about what leaving them outside the shared content does, and a short
    // report contained in a long one was left out whole. Not where the table is being
    // learnt: there, passages must come from evidence alone.
    let fallback = (band.is_none() && ordered && !few && model.dictionary.is_some())
        .then(|| Band::new(&scorer, &sa, &sb, &chain, FALLBACK_BAND_WIDTH))
        .flatten();
    let tries = match (&band, few) {
        (_, true) if opts.few_anchors > 0 && !model.untaught => vec![None],
        (_, true) => vec![],
        (Some(band), false) => vec![Some(band), None],
        (None, false) => std::iter::once(None).chain(fallback.as_ref().map(Some)).collect(),
    };
    // The pairs mining would give, and the rare anchors they pair. What decides whether the
    // two documents are translations (the seeds, and the rare anchors mined pairs pair)
    // reads names, numbers, dates, event words and spellings only; the pairs given for
    // independent reports also read the news words two sentences share.
    // A seed, or a pair whose similarity reaches `support` with the margin and the shared
    // anchors mining asks for.
    let keep_from = |support: f32, margin: f32| {
        move |p: &SentencePair| {
            is_seed(p) || (p.similarity >= support && p.margin >= margin && p.shared >= opts.mine_shared)
        }
    };
    let keep = |support: f32| keep_from(support, opts.mine_margin);
    let plain = mined.matching(keep(opts.mine_support), opts.mine_fanout);
    let rare = RareAnchors::new(a, b);
    // The mined pairs' unit ranges, and the rare anchors each pairs.
    let mined_rare: Vec<(std::ops::Range<usize>, std::ops::Range<usize>, Vec<u32>)> = plain
        .iter()
        .map(|p| {
            let (ra, rb) = (sa[p.left].clone(), sb[p.right].clone());
            let shared = rare.shared(&a[ra.clone()], &b[rb.clone()]);
            (ra, rb, shared)
        })
        .collect();
    let mut monotonic: Option<Vec<Bead>> = None;
    for band in tries.into_iter().filter(|_| n * m <= MAX_CELLS) {
        if fallback.is_some() && monotonic.as_ref().is_some_and(|m| !m.is_empty()) {
            // The alignment without a band found shared content: no fallback.
            break;
        }
        let (mut beads, mut matched) = align_monotonic(&scorer, band, &rare, opts.skip);
        if let Some(skip) = adapted_skip(a, b, &beads, opts) {
            (beads, matched) = align_monotonic(&scorer, band, &rare, skip);
        }
        // Translations put almost every rare anchor some pair of sentences shares in
        // aligned passages; independent reports mention them in another order. (Anchors
        // only the parts one report does not share mention are no pair's.) Only mined pairs
        // inside the alignment's span count: one outside it lies in content the other side
        // lacks (a staggered overlap's unshared ends, which name the story's people too),
        // where no translation could pair it.
        let paired = matched.union(&mined_within(&mined_rare, &beads)).count();
        // Without seeds in one order, only rare anchors the alignment pairs can say so, in a
        // run of passages: two in one order are what independent reports sharing a fact give.
        // Where the two documents share no rare anchor at all, a longer run says it, when a
        // table read the wording (see `PassageOptions::few_passages_unanchored`).
        let unanchored = opts.few_passages_unanchored > 0
            && model.dictionary.is_some()
            && paired == 0
            && beads.len() >= opts.few_passages_unanchored;
        let parallel = if few {
            (matched.len() >= opts.few_anchors
                && matched.len() as f32 >= opts.parallel * paired as f32
                && beads.len() >= opts.few_passages)
                || unanchored
        } else {
            paired == 0 || matched.len() as f32 >= opts.parallel * paired as f32
        };
        if parallel || !opts.mining {
            return (beads, parallel);
        }
        monotonic.get_or_insert(beads);
    }
    let keep_supported = opts.keep_supported > 0.0 && !model.untaught;
    if keep_supported && monotonic.is_none() && n * m <= MAX_CELLS {
        monotonic = Some(align_monotonic(&scorer, None, &rare, opts.skip).0);
    }
    // Independent reports: the mined pairs, whole sentence to whole sentence. A question
    // states no fact, so a sentence that asks pairs only with one that asks; two sentences
    // that both state figures and share none tell different facts.
    let asks_a: Vec<bool> = sa.iter().map(|r| any_asks(&a[r.clone()])).collect();
    let asks_b: Vec<bool> = sb.iter().map(|r| any_asks(&b[r.clone()])).collect();
    let (figures_a, figures_b) = (figures_of(a, &sa), figures_of(b, &sb));
    let dateline_a: Vec<bool> = sa.iter().map(|r| any_dateline(&a[r.clone()])).collect();
    let dateline_b: Vec<bool> = sb.iter().map(|r| any_dateline(&b[r.clone()])).collect();
    let alike = |p: &SentencePair| {
        asks_a[p.left] == asks_b[p.right]
            && figures_agree(&figures_a[p.left], &figures_b[p.right])
            && !dateline_a[p.left]
            && !dateline_b[p.right]
    };
    let news_read = scorer.has_news();
    let candidates = if news_read {
        let (named_a, named_b) = (named_of(a, &sa), named_of(b, &sb));
        Mining::new(&scorer, &sa, &sb, true).retain(alike).many_to_many(
            keep(opts.mine_support_untaught),
            keep_from(opts.mine_support_untaught, opts.mine_hub_margin),
            (&rare_of(&named_a, &rare), &rare_of(&named_b, &rare)),
            (&named_a, &named_b),
            opts,
        )
    } else if plain.iter().any(|p| !alike(p)) {
        // The matching without the pairs that are not alike (the same as `plain` where
        // each pair of it is: a pair the greedy matching passed over changes nothing).
        mined.retain(alike).matching(keep(opts.mine_support), opts.mine_fanout)
    } else {
        plain
    };
    let beads = candidates
        .into_iter()
        .map(|p| {
            let (ra, rb) = (sa[p.left].clone(), sb[p.right].clone());
            let news = if news_read {
                let nb = sorted_union(&b[rb.clone()], |u| u.news.iter().copied());
                sorted_union(&a[ra.clone()], |u| u.news.iter().copied())
                    .into_iter()
                    .filter(|x| nb.binary_search(x).is_ok())
                    .rev()
                    .map(news_concept)
                    .collect()
            } else {
                Vec::new()
            };
            let evidence = BeadEvidence {
                regime: Regime::Mined,
                margin: Some(p.margin),
                support: p.support,
                news,
                mined_by: Some(p.by),
                ..BeadEvidence::of(
                    &a[ra.clone()],
                    &b[rb.clone()],
                    scorer.lexical(ra.clone(), rb.clone()).map(|l| (l.0, l.1)),
                )
            };
            let score = ((p.margin - 1.0) / (MARGIN_NEIGHBOURS as f32 - 1.0)).clamp(0.0, 1.0);
            Bead { left: (ra.start, ra.end), right: (rb.start, rb.end), score, evidence }
        })
        .filter(|bead| bead.score >= opts.mined_min_score)
        .collect::<Vec<_>>();
    let mut beads = beads;
    // Passages of the monotonic alignment with evidence of their own, where no mined pair
    // took their sentences (only where the corpus taught the two languages a table: see
    // `PassageOptions::keep_supported`), and that do not pair a question with a statement,
    // figures with others, or a dateline with anything.
    if keep_supported {
        let taken = |x: (usize, usize), y: (usize, usize)| x.0 < y.1 && y.0 < x.1;
        let kept: Vec<Bead> = monotonic
            .into_iter()
            .flatten()
            .filter(|m| m.evidence.support >= opts.keep_supported)
            .filter(|m| any_asks(&a[m.left.0..m.left.1]) == any_asks(&b[m.right.0..m.right.1]))
            .filter(|m| !any_dateline(&a[m.left.0..m.left.1]) && !any_dateline(&b[m.right.0..m.right.1]))
            .filter(|m| figures_agree(&figures_in(&a[m.left.0..m.left.1]), &figures_in(&b[m.right.0..m.right.1])))
            .filter(|m| !beads.iter().any(|b| taken(b.left, m.left) || taken(b.right, m.right)))
            .collect();
        beads.extend(kept);
    }
    beads.sort_by_key(|b| (b.left, b.right));
    (beads, false)
}

/// [`align_passages_with`] on the two documents in the order `flip` says (`b` first when
/// set), with the beads given back in the order of `a` and `b`. The aligner is not
/// symmetric (the length ratio, the band, ties between equal margins), so a caller that
/// orients every pair the same way whatever the input order (see
/// `Analysis::flipped`) gets the same passages from any order of the corpus.
pub fn align_passages_oriented(
    a: &[Unit],
    b: &[Unit],
    model: PairModel<'_>,
    opts: &PassageOptions,
    flip: bool,
) -> (Vec<Bead>, bool) {
    if !flip {
        return align_passages_with(a, b, model, opts);
    }
    let model = PairModel {
        dictionary: model.dictionary.map(|d| Dictionary { reversed: !d.reversed, ..d }),
        length_ratio: model.length_ratio.map(|r| 1.0 / r),
        untaught: model.untaught,
    };
    let (mut beads, parallel) = align_passages_with(b, a, model, opts);
    for bead in &mut beads {
        std::mem::swap(&mut bead.left, &mut bead.right);
    }
    beads.sort_by_key(|b| (b.left, b.right));
    (beads, parallel)
}

/// The rare anchors of the mined pairs (`(left units, right units, anchors)`) that lie,
/// on both sides, between the first and the last bead of a monotonic alignment: the
/// content the alignment takes the two documents to share. All of them when it has no
/// beads.
fn mined_within(
    mined: &[(std::ops::Range<usize>, std::ops::Range<usize>, Vec<u32>)],
    beads: &[Bead],
) -> crate::HashSet<u32> {
    let inside = |ra: &std::ops::Range<usize>, rb: &std::ops::Range<usize>| match (beads.first(), beads.last()) {
        (Some(f), Some(l)) => {
            ra.start >= f.left.0 && ra.end <= l.left.1 && rb.start >= f.right.0 && rb.end <= l.right.1
        }
        _ => true,
    };
    mined.iter().filter(|(ra, rb, _)| inside(ra, rb)).flat_map(|x| x.2.iter().copied()).collect()
}

/// The share of the units between the first and the last bead (weighted by their share of
/// a sentence) that no bead takes, on both sides together: how much of the content two
/// documents share one of them leaves out.
fn skipped_share(a: &[Unit], b: &[Unit], beads: &[Bead]) -> Option<f32> {
    let (first, last) = (beads.first()?, beads.last()?);
    let inside = |units: &[Unit], lo: usize, hi: usize| units[lo..hi].iter().map(|u| u.share).sum::<f32>();
    let total = inside(a, first.left.0, last.left.1) + inside(b, first.right.0, last.right.1);
    let taken: f32 = beads.iter().map(|x| inside(a, x.left.0, x.left.1) + inside(b, x.right.0, x.right.1)).sum();
    (total > 0.0).then(|| ((total - taken) / total).max(0.0))
}

/// The share of the shared content a translation's alignment usually leaves out (NTREX
/// dev: none for half of its pairs, 4 % at the ninth decile).
const USUAL_SKIPPED_SHARE: f32 = 0.1;

/// The lowest cost of leaving a sentence out that [`adapted_skip`] gives.
const ADAPTED_SKIP_FLOOR: f32 = 1.4;

/// The cost of leaving a sentence out for a second alignment of a pair whose first one left
/// out more than [`USUAL_SKIPPED_SHARE`] of what lies between its first and last passages:
/// each side dropped sentences the other keeps (interleaved deletions), so a sentence
/// without its partner is likelier than the cost assumed, and a cost is a negative log
/// probability: it falls by ln(share / usual share), to at least [`ADAPTED_SKIP_FLOOR`].
/// `None` when the share is usual. At the cost of the first alignment such a pair pairs
/// its unpartnered sentences with each other rather than leave both out.
fn adapted_skip(a: &[Unit], b: &[Unit], beads: &[Bead], opts: &PassageOptions) -> Option<f32> {
    let s = skipped_share(a, b, beads)?;
    (s > USUAL_SKIPPED_SHARE)
        .then(|| (opts.skip - (s / USUAL_SKIPPED_SHARE).ln()).max(ADAPTED_SKIP_FLOOR.min(opts.skip)))
}

/// Whether the two documents' lengths are in the ratio learnt for their languages (within
/// a quarter), as two translations of one text are.
fn same_length(a: &[Unit], b: &[Unit], learnt: Option<f32>) -> bool {
    let (la, lb): (f32, f32) = (a.iter().map(|u| u.len).sum(), b.iter().map(|u| u.len).sum());
    learnt.is_some_and(|r| la > 0.0 && (0.8..=1.25).contains(&(lb / la / r)))
}

/// The unit ranges of the sentences (a sentence is a unit that starts one and the parts
/// that follow it).
fn sentence_ranges(units: &[Unit]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        match out.last_mut() {
            Some(r) if !u.starts_sentence => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// The power of an anchor's rarity in the similarity of two sentences: an anchor in most
/// sentences of both reports (the country they are about) says almost nothing there.
const SIMILARITY_RARITY_POWER: i32 = 2;

/// What each word spelt alike (weighted by rarity) adds to two sentences' similarity.
const COGNATE_SIMILARITY: f32 = 0.1;

/// The least weight of specific anchors (scaled by rarity) a pair of a sentence with a hub
/// it fans into must share (see [`PassageOptions::mine_fan_in`]); below the 0.7 of a mined
/// pair's, since a hub's names are spread over the sentences that fan into it.
const FAN_SHARED: f32 = 0.5;

/// Neighbours each sentence's margin is measured against (the k of Artetxe & Schwenk).
const MARGIN_NEIGHBOURS: usize = 4;

/// Evidence below this (in reward units) counts as none in a margin's denominator, so that
/// a sentence whose neighbours share nothing does not make a weak pair look strong.
const MARGIN_FLOOR: f32 = 0.25;

/// A pair of sentences (indices into the sentence lists) with its evidence and margin.
#[derive(Debug, Clone, Copy)]
struct SentencePair {
    left: usize,
    right: usize,
    /// How alike the two sentences are (see [`Scorer::similarity`]).
    similarity: f32,
    /// The weight of the anchors they share (scaled steeply by rarity).
    shared: f32,
    /// The evidence both share, in reward units (anchors, words spelt alike, translated wording).
    support: f32,
    /// `support` against the mean of each sentence's best neighbours.
    margin: f32,
    /// The rule that keeps the pair (a one-to-one matching until another says otherwise).
    by: MinedBy,
}

/// Every sentence of one document scored against every sentence of the other.
struct Mining {
    /// The pairs that share anything, by left sentence, then right.
    pairs: Vec<SentencePair>,
    /// How many sentences each side has.
    n: usize,
    m: usize,
}

impl Mining {
    /// Scores every pair of sentences, with the news words they share when `news` is set.
    fn new(
        scorer: &Scorer<'_, '_>,
        sa: &[std::ops::Range<usize>],
        sb: &[std::ops::Range<usize>],
        news: bool,
    ) -> Mining {
        let (n, m) = (sa.len(), sb.len());
        let mut support = vec![0f32; n * m];
        let mut shared = vec![0f32; n * m];
        for (i, ra) in sa.iter().enumerate() {
            for (j, rb) in sb.iter().enumerate() {
                (support[i * m + j], shared[i * m + j]) = scorer.similarity(ra.clone(), rb.clone(), news);
            }
        }
        // The mean of the k best scores of each row and column.
        let knn = |values: &mut Vec<f32>| -> f32 {
            values.sort_by(|x, y| y.total_cmp(x));
            let k = MARGIN_NEIGHBOURS.min(values.len()).max(1);
            values[..k].iter().sum::<f32>() / MARGIN_NEIGHBOURS as f32
        };
        let row: Vec<f32> = (0..n).map(|i| knn(&mut support[i * m..(i + 1) * m].to_vec())).collect();
        let col: Vec<f32> = (0..m).map(|j| knn(&mut (0..n).map(|i| support[i * m + j]).collect())).collect();
        let mut pairs = Vec::new();
        for i in 0..n {
            for j in 0..m {
                let s = support[i * m + j];
                if s > 0.0 {
                    let margin = s / ((row[i] + col[j]) / 2.0).max(MARGIN_FLOOR / MARGIN_NEIGHBOURS as f32);
                    let support = scorer.evidence(sa[i].clone(), sb[j].clone());
                    pairs.push(SentencePair {
                        left: i,
                        right: j,
                        similarity: s,
                        shared: shared[i * m + j],
                        support,
                        margin,
                        by: MinedBy::Matching,
                    });
                }
            }
        }
        Mining { pairs, n, m }
    }

    /// The pairs printed for two languages without a learnt table, many to many: those
    /// `keep` accepts that are nearly as alike as the best pair of each of their sentences,
    /// those `keep_hub` accepts whose one sentence has the other as its best partner while
    /// the other has a better one, nearly as alike as that (see
    /// [`PassageOptions::mine_hub_margin`]), those of a hub with the sentences that fan into it
    /// (see [`PassageOptions::mine_fan_in`]), and those of the two reports' leads that share
    /// specific anchors (see [`PassageOptions::mine_relative`] and
    /// [`PassageOptions::lead_sentences`]). Each carries the rule that printed it.
    fn many_to_many(
        &self,
        keep: impl Fn(&SentencePair) -> bool,
        keep_hub: impl Fn(&SentencePair) -> bool,
        specific: (&[Vec<u32>], &[Vec<u32>]),
        named: (&[Vec<u32>], &[Vec<u32>]),
        opts: &PassageOptions,
    ) -> Vec<SentencePair> {
        let (mut best_a, mut best_b) = (vec![0f32; self.n], vec![0f32; self.m]);
        // Each sentence's best partner (the first of equals, in the order of the pairs).
        let (mut best_a_at, mut best_b_at) = (vec![0usize; self.n], vec![0usize; self.m]);
        for p in &self.pairs {
            if p.similarity > best_a[p.left] {
                (best_a[p.left], best_a_at[p.left]) = (p.similarity, p.right);
            }
            if p.similarity > best_b[p.right] {
                (best_b[p.right], best_b_at[p.right]) = (p.similarity, p.left);
            }
        }
        // Whether sentence `x` shares with the hub `h` something specific that the hub's best
        // partner `best` does not: it tells another of the hub's facts.
        let tells_more = |x: &[u32], h: &[u32], best: &[u32]| {
            x.iter().any(|f| h.binary_search(f).is_ok() && best.binary_search(f).is_err())
        };
        // The rank of each sentence among those of its report that share anything with the
        // other (menus, bylines and datelines share nothing and do not count).
        let rank = |best: &[f32]| -> Vec<usize> {
            best.iter()
                .scan(0usize, |k, &b| {
                    let r = *k;
                    *k += usize::from(b > 0.0);
                    Some(r)
                })
                .collect()
        };
        let (rank_a, rank_b) = (rank(&best_a), rank(&best_b));
        // How many sentences of the other report have each sentence as their best partner.
        let fan_in = |best: &[f32], best_at: &[usize], len: usize| {
            let mut fan = vec![0usize; len];
            for (i, _) in best.iter().enumerate().filter(|(_, b)| **b > 0.0) {
                fan[best_at[i]] += 1;
            }
            fan
        };
        let (fan_a, fan_b) = (fan_in(&best_b, &best_b_at, self.n), fan_in(&best_a, &best_a_at, self.m));
        // Whether every specific anchor of `x` is one of `y`'s.
        let within = |x: &[u32], y: &[u32]| x.iter().all(|f| y.binary_search(f).is_ok());
        let mut out: Vec<SentencePair> = self
            .pairs
            .iter()
            .filter_map(|p| {
                let lead = rank_a[p.left] < opts.lead_sentences
                    && rank_b[p.right] < opts.lead_sentences
                    && p.shared >= opts.lead_shared
                    && p.similarity >= opts.mine_relative * best_a[p.left].min(best_b[p.right]);
                let near_best = keep(p) && p.similarity >= opts.mine_relative * best_a[p.left].max(best_b[p.right]);
                // One sentence's best partner is the other, a hub with a better partner of its
                // own, and the first tells another of the hub's facts.
                let (a_best, b_best) = (p.similarity >= best_a[p.left], p.similarity >= best_b[p.right]);
                let (sa, sb) = specific;
                let new_fact = || {
                    if a_best {
                        tells_more(&sa[p.left], &sb[p.right], &sa[best_b_at[p.right]])
                    } else {
                        tells_more(&sb[p.right], &sa[p.left], &sb[best_a_at[p.left]])
                    }
                };
                let of_hub = (a_best != b_best)
                    && keep_hub(p)
                    && p.similarity >= opts.mine_relative * best_a[p.left].max(best_b[p.right])
                    && new_fact();
                // A sentence that tells in one what several sentences of the other report
                // tell one by one (it is the best partner of at least `mine_fan_in` of them),
                // with each of those whose specific anchors (names, places, figures, dates)
                // are all its own, or the other way round: "they talked of cooperation in
                // the UN and BRICS" names what "the ministers discussed Gaza on the forum's
                // sidelines" does not, and the hub names what it does not: another fact.
                let (na, nb) = named;
                let hub_fan = if a_best { fan_b[p.right] } else { fan_a[p.left] };
                let of_fan = opts.mine_fan_in > 0
                    && (a_best != b_best)
                    && hub_fan >= opts.mine_fan_in
                    && p.similarity >= opts.mine_fan_support
                    && p.margin >= opts.mine_hub_margin
                    && p.shared >= FAN_SHARED
                    && (within(&na[p.left], &nb[p.right]) || within(&nb[p.right], &na[p.left]));
                let by = [
                    (lead, MinedBy::Leads),
                    (near_best, MinedBy::NearBest),
                    (of_hub, MinedBy::OtherFact),
                    (of_fan, MinedBy::PartOfHub),
                ]
                .into_iter()
                .find_map(|(kept, by)| kept.then_some(by))?;
                Some(SentencePair { by, ..*p })
            })
            .collect();
        out.sort_by_key(|p| (p.left, p.right));
        out
    }

    /// The same scores with only the pairs `keep` accepts (the margins as they were).
    fn retain(mut self, keep: impl Fn(&SentencePair) -> bool) -> Mining {
        self.pairs.retain(|p| keep(p));
        self
    }

    /// A one-to-one matching of the pairs `keep` accepts, best margin first.
    fn matching(&self, keep: impl Fn(&SentencePair) -> bool, fanout: u8) -> Vec<SentencePair> {
        let mut cands: Vec<SentencePair> = self.pairs.iter().copied().filter(|p| keep(p)).collect();
        cands.sort_by(|x, y| {
            y.margin
                .total_cmp(&x.margin)
                .then(y.similarity.total_cmp(&x.similarity))
                .then((x.left, x.right).cmp(&(y.left, y.right)))
        });
        // One to one first; then, with a fanout above one, a sentence that sums up what the
        // other report tells in two may take a second partner (never both sides at once).
        let (mut used_a, mut used_b) = (vec![0u8; self.n], vec![0u8; self.m]);
        let mut out = Vec::new();
        for round in 0..2 {
            for p in &cands {
                let (ua, ub) = (used_a[p.left], used_b[p.right]);
                let take = if round == 0 {
                    ua == 0 && ub == 0
                } else {
                    (ua == 0 || ub == 0)
                        && ua < fanout
                        && ub < fanout
                        && !out.iter().any(|q: &SentencePair| (q.left, q.right) == (p.left, p.right))
                };
                if take {
                    used_a[p.left] += 1;
                    used_b[p.right] += 1;
                    out.push(*p);
                }
            }
        }
        out.sort_by_key(|p| (p.left, p.right));
        out
    }
}

/// The longest chain of pairs increasing on both sides (the pairs sorted by left sentence).
fn monotonic_chain(pairs: &[SentencePair]) -> Vec<SentencePair> {
    let n = pairs.len();
    let mut best = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if pairs[j].left < pairs[i].left && pairs[j].right < pairs[i].right && best[j] + 1 > best[i] {
                best[i] = best[j] + 1;
                prev[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (best[i], std::cmp::Reverse(i))) else { return Vec::new() };
    let mut chain = vec![pairs[at]];
    while prev[at] != usize::MAX {
        at = prev[at];
        chain.push(pairs[at]);
    }
    chain.reverse();
    chain
}

/// The width of the band through the seeds (in mean sentences of the right document) for
/// the second alignment of a pair whose first alignment, without a band, found no shared
/// content (see [`align_passages_with`]). `eval events` gained the same from 2 to 5.
const FALLBACK_BAND_WIDTH: f32 = 2.0;

/// Where the monotonic alignment may place beads: near the path through the seeds, in the
/// documents' length (in characters) — between two seeds anywhere in the rectangle they
/// span, before the first and after the last along the languages' length ratio.
struct Band {
    /// Characters before each unit boundary, on each side.
    at_a: Vec<f32>,
    at_b: Vec<f32>,
    /// The seeds' corners (left, right characters), in order.
    points: Vec<(f32, f32)>,
    ratio: f32,
    /// Tolerance, in characters of the right document.
    width: f32,
}

impl Band {
    fn new(
        scorer: &Scorer<'_, '_>,
        sa: &[std::ops::Range<usize>],
        sb: &[std::ops::Range<usize>],
        chain: &[SentencePair],
        width: f32,
    ) -> Option<Band> {
        if chain.is_empty() {
            return None;
        }
        let (at_a, at_b) = (scorer.len_a.clone(), scorer.len_b.clone());
        let mut points = Vec::new();
        for p in chain {
            let (ra, rb) = (&sa[p.left], &sb[p.right]);
            points.push((at_a[ra.start], at_b[rb.start]));
            points.push((at_a[ra.end], at_b[rb.end]));
        }
        let mean_b = at_b[at_b.len() - 1] / sb.len().max(1) as f32;
        Some(Band { at_a, at_b, points, ratio: scorer.ratio, width: width * mean_b })
    }

    /// Whether boundary (i, j) lies within the seeds' span (from the first seed's start to
    /// the last seed's end, with the band's tolerance). Beyond it, a bead needs evidence of
    /// its own: the shared content may end anywhere there.
    fn within_span(&self, i: usize, j: usize) -> bool {
        let (x, y) = (self.at_a[i], self.at_b[j]);
        let (first, last) = (self.points[0], self.points[self.points.len() - 1]);
        let width_a = self.width / self.ratio;
        x >= first.0 - width_a && x <= last.0 + width_a && y >= first.1 - self.width && y <= last.1 + self.width
    }

    /// Whether a bead may end (or start) at boundary (i, j).
    fn allows(&self, i: usize, j: usize) -> bool {
        let (x, y) = (self.at_a[i], self.at_b[j]);
        let (first, last) = (self.points[0], self.points[self.points.len() - 1]);
        if x <= first.0 {
            return (y - (first.1 + self.ratio * (x - first.0))).abs() <= self.width && y <= first.1 + self.width;
        }
        if x >= last.0 {
            return (y - (last.1 + self.ratio * (x - last.0))).abs() <= self.width && y >= last.1 - self.width;
        }
        // Between two consecutive corners: inside the rectangle they span.
        let k = self.points.partition_point(|p| p.0 <= x).clamp(1, self.points.len() - 1);
        let (p, q) = (self.points[k - 1], self.points[k]);
        y >= p.1.min(q.1) - self.width && y <= p.1.max(q.1) + self.width
    }
}

/// Pairs of documents with more units than this (left × right) are aligned inside a band
/// around the diagonal ...
const BAND_CELLS: usize = 250_000;
/// ... at least this many units wide on either side ...
const BAND_MIN: usize = 100;
/// ... or this share of the longer document.
const BAND_SHARE: f32 = 0.15;
/// Pairs with more units than this are paired by their shared anchors alone: a full
/// alignment would need too much memory.
const MAX_CELLS: usize = 4_000_000;

/// The layer of the alignment inside shared content.
const INSIDE: usize = 0;
/// The layer outside shared content, where units are left unmatched cheaply.
const OUTSIDE: usize = 1;

/// Most units one side of a bead may hold (a sentence cut in several places, or a few
/// sentences).
const MAX_UNITS: usize = 6;

/// The prior cost of a bead that touches `k` sentences on the left and `l` on the right.
fn shape_prior(k: usize, l: usize) -> Option<f32> {
    SHAPES.iter().find(|s| s.0 == k && s.1 == l).map(|s| s.2)
}

/// The expected length of a right passage per character of its left translation.
///
/// The languages' ratio learnt from the corpus when there is one, unless the documents'
/// own ratio is close to it (two translations of one text: their own ratio fits their
/// translator best). Without a learnt ratio, the documents' ratio, unless one covers only
/// part of the other: sentences that share an anchor found once in each document are most
/// likely translations of each other, and when the median of their length ratios (over at
/// least three such pairs) is far from the documents' ratio, that median is used instead.
fn length_ratio(a: &[Unit], b: &[Unit], learnt: Option<f32>) -> f32 {
    let total_a: f32 = a.iter().map(|u| u.len).sum();
    let total_b: f32 = b.iter().map(|u| u.len).sum();
    let whole = if total_a > 0.0 && total_b > 0.0 { total_b / total_a } else { 1.0 };
    if let Some(r) = learnt {
        return if (0.8..=1.25).contains(&(whole / r)) { whole } else { r }.clamp(0.3, 3.0);
    }
    let (sa, _) = whole_sentences(a);
    let (sb, _) = whole_sentences(b);
    let unique = |units: &[Unit]| {
        let mut seen: crate::HashMap<u32, Option<usize>> = crate::HashMap::default();
        for (i, u) in units.iter().enumerate() {
            for &(id, _) in &u.anchors {
                seen.entry(id).and_modify(|x| *x = None).or_insert(Some(i));
            }
        }
        seen
    };
    let (ua, ub) = (unique(&sa), unique(&sb));
    let mut ratios: Vec<f32> = ua
        .iter()
        .filter_map(|(id, i)| Some(((*i)?, ub.get(id).copied()??)))
        .filter(|&(i, j)| sa[i].len > 0.0 && sb[j].len > 0.0)
        .map(|(i, j)| sb[j].len / sa[i].len)
        .collect();
    let ratio = if ratios.len() >= 3 {
        ratios.sort_by(f32::total_cmp);
        let median = ratios[ratios.len() / 2];
        if (0.67..=1.5).contains(&(whole / median)) { whole } else { median }
    } else {
        whole
    };
    ratio.clamp(0.3, 3.0)
}

/// The number of sentences the units touch.
fn sentences_touched(units: &[Unit]) -> usize {
    1 + units.iter().skip(1).filter(|u| u.starts_sentence).count()
}

/// Sums of `f` over the first 0, 1, … n units.
fn prefix(units: &[Unit], f: impl Fn(&Unit) -> f32) -> Vec<f32> {
    let mut p = vec![0f32; units.len() + 1];
    for (i, u) in units.iter().enumerate() {
        p[i + 1] = p[i] + f(u);
    }
    p
}

type Span = std::ops::Range<usize>;

/// What the bounds of a bead's cost read of a run of units of one side, worked out once
/// per run rather than once per bead.
#[derive(Debug, Clone, Copy, Default)]
struct RunSums {
    /// The sentences the run touches.
    sentences: usize,
    /// Its length ...
    len: f32,
    /// ... and its length scaled to the other language (see [`scaled_deviation`]).
    scaled: f32,
    /// Its units' anchor weights (after rarity), summed.
    anchors: f32,
    /// Its units' cognates, counted.
    cognates: f32,
}

impl RunSums {
    /// The sums of every run of 1 to [`MAX_UNITS`] of `units`, each at its [`run_slot`],
    /// from prefix sums of the units' lengths, anchor weights and cognates, with `scale`
    /// scaling a length.
    fn of(units: &[Unit], len: &[f32], anchors: &[f32], cognates: &[f32], scale: impl Fn(f32) -> f32) -> Vec<RunSums> {
        let mut v = vec![RunSums::default(); units.len() * MAX_UNITS];
        for end in 1..=units.len() {
            for n in 1..=MAX_UNITS.min(end) {
                let range = |p: &[f32]| p[end] - p[end - n];
                v[run_slot(end, n)] = RunSums {
                    sentences: sentences_touched(&units[end - n..end]),
                    len: range(len),
                    scaled: scale(range(len)),
                    anchors: range(anchors),
                    cognates: range(cognates),
                };
            }
        }
        v
    }
}

/// What two passages share apart from their anchors: the weight of the words they spell
/// alike, and their wording by the learnt table (see [`Scorer::lexical`]).
struct Wording {
    cognates: f32,
    lexical: Option<(f32, f32, f32)>,
}

/// What a bead's cost reads apart from its length and shape.
struct BeadTerms {
    /// How much of the cost's reduction comes from evidence rather than length.
    support: f32,
    /// The charge for anchors found on one side only ...
    missed: f32,
    /// ... and for anchors on both sides that share none.
    disjoint: f32,
    /// Whether nothing but length pairs the two passages (see [`PassageOptions::bare`]).
    bare: bool,
}

impl BeadTerms {
    /// The bead's cost with this length cost and shape prior, less the charge for a bead
    /// without evidence.
    fn cost(&self, length: f32, prior: f32) -> f32 {
        length + prior - self.support + self.missed + self.disjoint
    }
}

/// Shared anchor weight (after rarity) below which a bead counts as sharing no anchor: a
/// small number written as a word in both is not evidence enough.
const BARE_ANCHOR: f32 = 0.25;

/// The merged anchors (sorted by id) of each run of 2 to [`MAX_UNITS`] units of one
/// document, made when first asked for: the monotonic aligner asks for the same run for
/// every bead that ends with it, and merging it each time (an allocation and a sort) was
/// most of the aligner's time.
struct Runs {
    anchors: Vec<std::cell::OnceCell<Vec<(u32, f32)>>>,
}

impl Runs {
    fn new(units: usize) -> Runs {
        Runs { anchors: (0..units * MAX_UNITS).map(|_| std::cell::OnceCell::new()).collect() }
    }

    /// The slot of a run of 2 to [`MAX_UNITS`] units (one unit's lists are its own).
    fn slot(r: &Span) -> Option<usize> {
        (2..=MAX_UNITS).contains(&r.len()).then(|| run_slot(r.end, r.len()))
    }

    /// The merged anchors of `units[r]`, where `units` are the units this cache is for.
    fn anchors<'s>(&'s self, units: &'s [Unit], r: &Span) -> std::borrow::Cow<'s, [(u32, f32)]> {
        match Runs::slot(r) {
            Some(i) => std::borrow::Cow::Borrowed(
                self.anchors[i].get_or_init(|| merged_anchors(&units[r.clone()]).into_owned()),
            ),
            None => merged_anchors(&units[r.clone()]),
        }
    }
}

/// The cognates both documents of a pair have, numbered in ascending order of their
/// hashes, as bit sets: one for each run of 1 to [`MAX_UNITS`] units of each document.
/// The cognates two passages share are the bits both their sets have, and adding up their
/// weights in the order of the bits adds them up in the order of the hashes, as a merge of
/// the two passages' sorted lists does: the same sum, to the last bit. (Cognates only one
/// document has are never shared, and are left out.) Merging the lists, and looking up
/// each shared cognate's weight in a hash map, took a third of the monotonic aligner's time.
struct CognateSets {
    /// 64-bit words in a set.
    words: usize,
    /// The set of a run of units starts at word `run_slot(end, len) * words`.
    runs_a: Vec<u64>,
    runs_b: Vec<u64>,
    /// The weight of each cognate both documents have (its rarity in the pair).
    weight: Vec<f32>,
}

impl CognateSets {
    fn new(a: &[Unit], b: &[Unit]) -> CognateSets {
        let cb = cognates_of(b);
        let both: Vec<u32> = cognates_of(a).into_iter().filter(|c| cb.binary_search(c).is_ok()).collect();
        let rarity = cognate_weights(a, b);
        let words = both.len().div_ceil(64);
        let runs = |units: &[Unit]| -> Vec<u64> {
            let mut v = vec![0u64; units.len() * MAX_UNITS * words];
            for (i, u) in units.iter().enumerate() {
                let one = run_slot(i + 1, 1) * words;
                for c in &u.cognates {
                    if let Ok(k) = both.binary_search(c) {
                        v[one + k / 64] |= 1 << (k % 64);
                    }
                }
                // The run of `len` units ending with unit i: the one of `len - 1` and the
                // unit before it.
                for len in 2..=MAX_UNITS.min(i + 1) {
                    let (to, from, unit) = (
                        run_slot(i + 1, len) * words,
                        run_slot(i + 1, len - 1) * words,
                        run_slot(i + 2 - len, 1) * words,
                    );
                    for w in 0..words {
                        v[to + w] = v[from + w] | v[unit + w];
                    }
                }
            }
            v
        };
        CognateSets { words, runs_a: runs(a), runs_b: runs(b), weight: both.iter().map(|c| rarity[c]).collect() }
    }

    /// Word `w` of the set of `units[r]`, where `runs` are the units' runs.
    fn word(&self, runs: &[u64], r: &Span, w: usize) -> u64 {
        if (1..=MAX_UNITS).contains(&r.len()) {
            runs[run_slot(r.end, r.len()) * self.words + w]
        } else {
            r.clone().map(|i| runs[run_slot(i + 1, 1) * self.words + w]).fold(0, |x, y| x | y)
        }
    }

    /// The summed weight of the cognates both passages have.
    fn shared(&self, ra: &Span, rb: &Span) -> f32 {
        let mut sum = 0f32;
        for w in 0..self.words {
            let mut both = self.word(&self.runs_a, ra, w) & self.word(&self.runs_b, rb, w);
            while both != 0 {
                sum += self.weight[w * 64 + both.trailing_zeros() as usize];
                both &= both - 1;
            }
        }
        sum
    }
}

/// What a passage of one document shares with a passage of the other, and what a bead of
/// the two costs.
struct Scorer<'u, 'o> {
    a: &'u [Unit],
    b: &'u [Unit],
    opts: &'o PassageOptions,
    /// The expected length of a right passage per character of the left.
    ratio: f32,
    /// The cognates both documents have, and their weights.
    cognates: CognateSets,
    overlap: Option<Overlap>,
    /// The units with their anchors' weights scaled by their rarity in the pair.
    weighted_a: Vec<Unit>,
    weighted_b: Vec<Unit>,
    /// The same, scaled more steeply, for the similarity of two sentences.
    sharp_a: Vec<Unit>,
    sharp_b: Vec<Unit>,
    /// The same with the units' news words among their anchors, when some unit has one.
    news: Option<(Vec<Unit>, Vec<Unit>)>,
    /// Prefix sums of the units' lengths.
    len_a: Vec<f32>,
    len_b: Vec<f32>,
    /// What the bounds read of each run of 1 to [`MAX_UNITS`] units (see [`Scorer::run_a`]).
    sums_a: Vec<RunSums>,
    sums_b: Vec<RunSums>,
    /// The most a bead's wording can earn.
    lexical_max: f32,
    /// [`FLOORS`], read once.
    floors: &'static [f32],
    /// Merged runs of the anchors of `weighted_a`, and the same of the right.
    runs_a: Runs,
    runs_b: Runs,
}

impl<'u, 'o> Scorer<'u, 'o> {
    fn new(a: &'u [Unit], b: &'u [Unit], model: PairModel<'_>, opts: &'o PassageOptions) -> Scorer<'u, 'o> {
        let overlap = model.dictionary.map(|l| Overlap::new(a, b, l));
        let (weighted_a, weighted_b) = rare_weighted(a, b, 1, false);
        let (sharp_a, sharp_b) = rare_weighted(a, b, SIMILARITY_RARITY_POWER, false);
        // Where the corpus taught a translation table, its wording is the evidence; where it
        // was learnt from and taught none for the two languages, the news words stand in for
        // it (not while it is being learnt: the pairs it learns from are read as before).
        let news =
            (opts.news_words && model.untaught && overlap.is_none() && a.iter().chain(b).any(|u| !u.news.is_empty()))
                .then(|| rare_weighted(a, b, SIMILARITY_RARITY_POWER, true));
        let anchor_w = |u: &Unit| u.anchors.iter().map(|x| x.1).sum::<f32>();
        let cog = |u: &Unit| u.cognates.len() as f32;
        // A share of the words is at most 1 (and its sums in two orders may differ in the
        // last place): the most is the share of all words above what unrelated units share.
        let lexical_max = overlap.as_ref().map_or(0.0, |o| opts.lexical_reward * (1.001 - o.baseline));
        let ratio = length_ratio(a, b, model.length_ratio);
        let (len_a, len_b) = (prefix(a, |u| u.len), prefix(b, |u| u.len));
        let sums_a = RunSums::of(a, &len_a, &prefix(&weighted_a, anchor_w), &prefix(a, cog), |l| l * ratio);
        let sums_b = RunSums::of(b, &len_b, &prefix(&weighted_b, anchor_w), &prefix(b, cog), |l| l / ratio);
        Scorer {
            a,
            b,
            opts,
            ratio,
            cognates: CognateSets::new(a, b),
            len_a,
            len_b,
            sums_a,
            sums_b,
            overlap,
            weighted_a,
            weighted_b,
            sharp_a,
            sharp_b,
            news,
            lexical_max,
            floors: &FLOORS,
            runs_a: Runs::new(a.len()),
            runs_b: Runs::new(b.len()),
        }
    }

    /// The bead's shared and missed anchor weight (after rarity), from the merged runs.
    fn anchor_balance(&self, ra: &Span, rb: &Span) -> (f32, f32) {
        anchor_balance_of(&self.runs_a.anchors(&self.weighted_a, ra), &self.runs_b.anchors(&self.weighted_b, rb))
    }

    /// The summed weight of the cognates both passages have.
    fn shared_cognates(&self, ra: &Span, rb: &Span) -> f32 {
        self.cognates.shared(ra, rb)
    }

    /// The share of the two passages' wording the learnt table pairs, and what unrelated
    /// sentences of the two documents share (`None`: no table).
    fn lexical(&self, ra: Span, rb: Span) -> Option<(f32, f32, f32)> {
        self.overlap.as_ref().map(|o| (o.similarity(ra.clone(), rb.clone()), o.neighbours(ra, rb), o.baseline))
    }

    /// The evidence two passages share, in reward units: their anchors (weighted by rarity),
    /// the words they spell alike, and their translated wording above what unrelated
    /// sentences share. Length plays no part.
    fn evidence(&self, ra: Span, rb: Span) -> f32 {
        let lexical = self.lexical(ra.clone(), rb.clone()).map_or(0.0, |l| self.opts.lexical_reward * (l.0 - l.2));
        let (shared, _) = self.anchor_balance(&ra, &rb);
        let cognates = self.shared_cognates(&ra, &rb);
        self.opts.anchor_reward * shared + self.opts.cognate_reward * cognates + lexical
    }

    /// How alike two passages are, in [0, 2] or so, whatever their lengths: the weighted
    /// Dice coefficient of their anchors (weighted by rarity, so that two long lists of
    /// names sharing the country both reports are about stay apart), a little for each word
    /// spelt alike, and their translated wording above their nearest neighbours'.
    /// With `news`, the news words they share count among their anchors.
    fn similarity(&self, ra: Span, rb: Span, news: bool) -> (f32, f32) {
        let (sharp_a, sharp_b) = match &self.news {
            Some((a, b)) if news => (a, b),
            _ => (&self.sharp_a, &self.sharp_b),
        };
        let (shared, missed) = anchor_balance(&sharp_a[ra.clone()], &sharp_b[rb.clone()]);
        let dice = if shared > 0.0 { 2.0 * shared / (2.0 * shared + missed) } else { 0.0 };
        let cognates = self.shared_cognates(&ra, &rb);
        let lexical = self.lexical(ra, rb).map_or(0.0, |l| (l.0 - l.1).max(0.0));
        (dice + COGNATE_SIMILARITY * cognates.min(3.0) + lexical, shared)
    }

    /// Whether sentences are also scored with their news words (see [`Scorer::new`]: two
    /// languages the corpus taught no table, and some unit has a news word).
    fn has_news(&self) -> bool {
        self.news.is_some()
    }

    /// The length cost of a bead (see [`length_cost`]).
    fn length_cost(&self, ra: &Span, rb: &Span) -> f32 {
        let range = |p: &[f32], r: &Span| p[r.end] - p[r.start];
        length_cost(range(&self.len_a, ra), range(&self.len_b, rb), self.ratio)
    }

    /// The run of `n` units of the left document that ends before unit `end`, as the
    /// bounds read it (`n` from 1 to [`MAX_UNITS`], at most `end`).
    fn run_a(&self, end: usize, n: usize) -> &RunSums {
        &self.sums_a[run_slot(end, n)]
    }

    /// The same of the right document.
    fn run_b(&self, end: usize, n: usize) -> &RunSums {
        &self.sums_b[run_slot(end, n)]
    }

    /// A floor under the length cost of a bead of two runs (see [`length_floor`]).
    fn length_floor(&self, ra: &RunSums, rb: &RunSums) -> f32 {
        length_floor(squared_deviation(ra.len, ra.scaled, rb.len, rb.scaled), self.floors)
    }

    /// What two passages share apart from their anchors.
    fn wording(&self, ra: &Span, rb: &Span) -> Wording {
        Wording { cognates: self.shared_cognates(ra, rb), lexical: self.lexical(ra.clone(), rb.clone()) }
    }

    /// A bead's support when its passages share `wording`, and anchors of weight `shared`.
    fn support(&self, wording: &Wording, shared: f32) -> f32 {
        let opts = self.opts;
        opts.anchor_reward * shared
            + opts.cognate_reward * wording.cognates
            + wording.lexical.map_or(0.0, |l| opts.lexical_reward * (l.0 - l.2))
    }

    /// What a bead's cost reads apart from its length and shape, its passages sharing
    /// `wording` (see [`Scorer::wording`]), and its support: how much of the cost's
    /// reduction comes from evidence (shared anchors, words spelt alike, translated wording)
    /// rather than length.
    fn terms(&self, ra: Span, rb: Span, wording: Wording) -> BeadTerms {
        let opts = self.opts;
        let (sa, sb) = (&self.a[ra.clone()], &self.b[rb.clone()]);
        let (shared, missed) = self.anchor_balance(&ra, &rb);
        let Wording { cognates, lexical } = wording;
        // Both sides carry anchors and share none: they tell different things.
        let disjoint =
            shared == 0.0 && sa.iter().any(|u| !u.anchors.is_empty()) && sb.iter().any(|u| !u.anchors.is_empty());
        let support = self.support(&wording, shared);
        // No anchor worth the name, no word spelt alike, and wording no closer than the
        // two passages' nearest neighbours: nothing but length pairs them.
        let bare = shared < BARE_ANCHOR && cognates == 0.0 && lexical.is_none_or(|l| l.0 - l.1 < opts.bare_support);
        BeadTerms {
            support,
            missed: opts.anchor_miss * missed,
            disjoint: if disjoint { opts.disjoint } else { 0.0 },
            bare,
        }
    }

    /// The most support the two sides of a bead could give (every anchor, word spelt alike
    /// and word shared): the length cost and prior less this is a cheap lower bound of the
    /// bead's cost, to skip computing beads that cannot win.
    fn most_support(&self, ra: &RunSums, rb: &RunSums) -> f32 {
        self.opts.anchor_reward * self.most_anchors(ra, rb)
            + self.opts.cognate_reward * ra.cognates.min(rb.cognates)
            + self.lexical_max
    }

    /// The most anchor weight the two sides of a bead could share: the lesser side's.
    fn most_anchors(&self, ra: &RunSums, rb: &RunSums) -> f32 {
        ra.anchors.min(rb.anchors)
    }
}

/// Anchors found in at most two units of each document: where translations put them in
/// corresponding sentences, independent reports of one event mention them in other places.
struct RareAnchors {
    count_a: crate::HashMap<u32, usize>,
    count_b: crate::HashMap<u32, usize>,
}

impl RareAnchors {
    fn new(a: &[Unit], b: &[Unit]) -> RareAnchors {
        let count = |units: &[Unit]| {
            let mut c: crate::HashMap<u32, usize> = crate::HashMap::default();
            for u in units {
                for &(id, _) in &u.anchors {
                    *c.entry(id).or_default() += 1;
                }
            }
            c
        };
        RareAnchors { count_a: count(a), count_b: count(b) }
    }

    fn is_rare(&self, id: u32) -> bool {
        self.count_a.get(&id).is_some_and(|&x| x <= 2) && self.count_b.get(&id).is_some_and(|&x| x <= 2)
    }

    /// The rare anchors both passages mention.
    fn shared(&self, a: &[Unit], b: &[Unit]) -> Vec<u32> {
        let ids_b = anchor_ids(b);
        anchor_ids(a).into_iter().filter(|&id| self.is_rare(id) && ids_b.binary_search(&id).is_ok()).collect()
    }
}

/// The monotonic alignment (inside `band` when given), and the rare anchors it puts in
/// aligned passages.
///
/// A boundary between passages may fall inside a sentence only where the units say a
/// sentence may end without punctuation, at the unit's `cut` cost; the shape prior counts
/// the sentences a bead touches, so that a sentence whose full stop was lost, aligned
/// against two sentences, costs a cut rather than a 1–2 bead.
fn align_monotonic(
    scorer: &Scorer<'_, '_>,
    band: Option<&Band>,
    rare: &RareAnchors,
    skip_cost: f32,
) -> (Vec<Bead>, crate::HashSet<u32>) {
    let (a, b, opts) = (scorer.a, scorer.b, scorer.opts);
    let (n, m) = (a.len(), b.len());
    // The cost of a passage boundary at position i (before unit i; the ends are free).
    let cut_a = |i: usize| a.get(i).map_or(0.0, |u| u.cut);
    let cut_b = |j: usize| b.get(j).map_or(0.0, |u| u.cut);
    // Boundaries where a sentence ends (the next unit starts one, or the document ends).
    let ends_a: Vec<bool> = (0..=n).map(|i| a.get(i).is_none_or(|u| u.starts_sentence)).collect();
    let ends_b: Vec<bool> = (0..=m).map(|j| b.get(j).is_none_or(|u| u.starts_sentence)).collect();
    // Two layers: inside shared content (beads, and skips at the full cost) and outside it
    // (skips only, at the gap cost); moving between them costs `switch`. Translations stay
    // inside; a report that shares a third of another leaves the rest outside.
    let w = m + 1;
    let cells = (n + 1) * w;
    // Long documents are aligned inside a band around the diagonal (as hunalign does).
    let diagonal = (n * m > BAND_CELLS).then(|| BAND_MIN.max((BAND_SHARE * n.max(m) as f32) as usize));
    let columns = |i: usize| match diagonal {
        Some(half) => {
            let center = (i * m + n / 2) / n;
            (center.saturating_sub(half), (center + half).min(m))
        }
        None => (0, m),
    };
    // Where beads may start and end: near the seeds' path (bit 0), and within their span
    // (bit 1), where a bead without evidence of its own costs no more than its length says.
    let cell_flags: Option<Vec<u8>> = band.map(|band| {
        let mut v = vec![0u8; cells];
        for i in 0..=n {
            let (lo, hi) = columns(i);
            for j in lo..=hi {
                v[i * w + j] = u8::from(band.allows(i, j)) | (u8::from(band.within_span(i, j)) << 1);
            }
        }
        v
    });
    let allows = |at: usize| cell_flags.as_ref().is_none_or(|v| v[at] & 1 != 0);
    let bare_at = |from: usize, to: usize| cell_flags.as_ref().is_none_or(|v| v[from] & v[to] & 2 == 0);
    let mut cost = [vec![f32::INFINITY; cells], vec![f32::INFINITY; cells]];
    // Back pointers: units taken on each side, and the layer they came from.
    let mut back = [vec![(0u8, 0u8, 0u8); cells], vec![(0u8, 0u8, 0u8); cells]];
    cost[INSIDE][0] = 0.0;
    cost[OUTSIDE][0] = 0.0;
    for i in 0..=n {
        let (lo, hi) = columns(i);
        for j in lo..=hi {
            let at = i * w + j;
            for layer in [INSIDE, OUTSIDE] {
                let skip = if layer == INSIDE { skip_cost } else { opts.gap_skip };
                let mut best = cost[layer][at];
                let mut from = back[layer][at];
                if i > 0 {
                    let c = cost[layer][at - w] + skip * a[i - 1].share + cut_a(i);
                    if c < best {
                        best = c;
                        from = (1, 0, layer as u8);
                    }
                }
                if j > 0 {
                    let c = cost[layer][at - 1] + skip * b[j - 1].share + cut_b(j);
                    if c < best {
                        best = c;
                        from = (0, 1, layer as u8);
                    }
                }
                // The rest of a sentence left out at once, to its end: no passage boundary
                // falls inside it, so none of its cuts is paid.
                if ends_a[i] {
                    let mut share = 0f32;
                    for k in 1..=i.min(u8::MAX as usize) {
                        share += a[i - k].share;
                        if k > 1 {
                            let c = cost[layer][at - k * w] + skip * share;
                            if c < best {
                                best = c;
                                from = (k as u8, 0, layer as u8);
                            }
                        }
                        if a[i - k].starts_sentence {
                            break;
                        }
                    }
                }
                if ends_b[j] {
                    let mut share = 0f32;
                    for l in 1..=j.min(u8::MAX as usize) {
                        share += b[j - l].share;
                        if l > 1 {
                            let c = cost[layer][at - l] + skip * share;
                            if c < best {
                                best = c;
                                from = (0, l as u8, layer as u8);
                            }
                        }
                        if b[j - l].starts_sentence {
                            break;
                        }
                    }
                }
                if layer == INSIDE && allows(at) {
                    let (cut_i, cut_j) = (cut_a(i), cut_b(j));
                    for k in 1..=i.min(MAX_UNITS) {
                        let run_a = scorer.run_a(i, k);
                        if run_a.sentences > 3 {
                            break;
                        }
                        for l in 1..=j.min(MAX_UNITS) {
                            let run_b = scorer.run_b(j, l);
                            if run_b.sentences > 3 {
                                break;
                            }
                            let Some(prior) = shape_prior(run_a.sentences, run_b.sentences) else { continue };
                            let start = (i - k) * w + j - l;
                            let prev = cost[INSIDE][start];
                            if !prev.is_finite() || !allows(start) {
                                continue;
                            }
                            let fixed = prev + cut_i + cut_j;
                            let (ra, rb) = (i - k..i, j - l..j);
                            // Lower bounds of the bead's cost, from floors under its length
                            // cost: with the most support its sides could give, first with
                            // the floor of any length (the table's first entry), then with
                            // the floor of theirs; then with the words they spell alike and
                            // the most their translated wording could give; then with the
                            // support of their wording and the most anchor weight they could
                            // share (their anchors are the costliest to compare); then with
                            // their support.
                            // Only a bead that may win gets its length cost (`exp` and
                            // `ln`, half the aligner's time when every bead did).
                            let most = scorer.most_support(run_a, run_b);
                            if fixed + (scorer.floors[0] + prior - most) >= best {
                                continue;
                            }
                            let floor = scorer.length_floor(run_a, run_b);
                            if fixed + (floor + prior - most) >= best {
                                continue;
                            }
                            // The words they spell alike, with the most their translated
                            // wording could give, before that wording is compared.
                            let cognates = scorer.shared_cognates(&ra, &rb);
                            let most = scorer.opts.anchor_reward * scorer.most_anchors(run_a, run_b)
                                + scorer.opts.cognate_reward * cognates
                                + scorer.lexical_max;
                            if fixed + (floor + prior - most) >= best {
                                continue;
                            }
                            let wording = Wording { cognates, lexical: scorer.lexical(ra.clone(), rb.clone()) };
                            let most = scorer.support(&wording, scorer.most_anchors(run_a, run_b));
                            if fixed + (floor + prior - most) >= best {
                                continue;
                            }
                            let t = scorer.terms(ra.clone(), rb.clone(), wording);
                            let bare = if t.bare && bare_at(start, at) { opts.bare } else { 0.0 };
                            if fixed + t.cost(floor, prior) + bare >= best {
                                continue;
                            }
                            let c = fixed + t.cost(scorer.length_cost(&ra, &rb), prior) + bare;
                            if c < best {
                                best = c;
                                from = (k as u8, l as u8, INSIDE as u8);
                            }
                        }
                    }
                }
                cost[layer][at] = best;
                back[layer][at] = from;
            }
            // Moving between the layers, at this position.
            for (to, fr) in [(INSIDE, OUTSIDE), (OUTSIDE, INSIDE)] {
                let c = cost[fr][at] + opts.switch;
                if c < cost[to][at] {
                    cost[to][at] = c;
                    back[to][at] = (0, 0, fr as u8);
                }
            }
        }
    }
    let mut beads = Vec::new();
    let mut matched: crate::HashSet<u32> = crate::HashSet::default();
    let (mut i, mut j) = (n, m);
    let mut layer = if cost[INSIDE][n * w + m] <= cost[OUTSIDE][n * w + m] { INSIDE } else { OUTSIDE };
    while i > 0 || j > 0 {
        let (k, l, from) = back[layer][i * w + j];
        let (k, l, from) = (k as usize, l as usize, from as usize);
        if k == 0 && l == 0 {
            if from == layer {
                break;
            }
            layer = from;
            continue;
        }
        if k > 0 && l > 0 {
            let (sa, sb) = (&a[i - k..i], &b[j - l..j]);
            let prior = shape_prior(sentences_touched(sa), sentences_touched(sb)).unwrap_or(0.0);
            let (ra, rb) = (i - k..i, j - l..j);
            let t = scorer.terms(ra.clone(), rb.clone(), scorer.wording(&ra, &rb));
            let support = t.support;
            let c = t.cost(scorer.length_cost(&ra, &rb), prior)
                + if t.bare && bare_at((i - k) * w + j - l, i * w + j) { opts.bare } else { 0.0 };
            matched.extend(rare.shared(sa, sb));
            // Confidence: how much cheaper the bead is than leaving its units out.
            let alternative = skip_cost * sa.iter().chain(sb).map(|u| u.share).sum::<f32>();
            let score = ((alternative - c) / alternative).clamp(0.0, 1.0);
            if score >= opts.min_score {
                let lexical = scorer.lexical(i - k..i, j - l..j);
                let evidence = BeadEvidence { support, ..BeadEvidence::of(sa, sb, lexical.map(|l| (l.0, l.1))) };
                beads.push(Bead { left: (i - k, i), right: (j - l, j), score, evidence });
            }
        }
        i -= k;
        j -= l;
        layer = from;
    }
    beads.reverse();
    (beads, matched)
}

/// The units merged back into whole sentences, and where each sentence starts among the
/// units (with the number of units at the end).
fn whole_sentences(units: &[Unit]) -> (Vec<Unit>, Vec<usize>) {
    let mut out: Vec<Unit> = Vec::new();
    let mut starts = Vec::new();
    for (i, u) in units.iter().enumerate() {
        match out.last_mut() {
            Some(s) if !u.starts_sentence => {
                s.end = u.end;
                s.len += u.len;
                s.anchors.extend_from_slice(&u.anchors);
                s.anchors.sort_by_key(|x| x.0);
                s.anchors.dedup_by_key(|x| x.0);
                for (all, more) in [(&mut s.cognates, &u.cognates), (&mut s.words, &u.words)] {
                    all.extend_from_slice(more);
                    all.sort_unstable();
                    all.dedup();
                }
            }
            _ => {
                out.push(Unit { starts_sentence: true, cut: 0.0, share: 1.0, ..u.clone() });
                starts.push(i);
            }
        }
    }
    starts.push(units.len());
    (out, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_give_every_span_s_merged_anchors() {
        // Units whose lists overlap, so that merging drops repeats and sorts.
        let units: Vec<Unit> = (0..9u32)
            .map(|i| Unit {
                cognates: vec![i % 4, 10 + i % 3, 20 + i],
                ..Unit::sentence(0, 0, 1.0, vec![(i % 5, 1.0 + i as f32), (7, 0.5 * i as f32), (9 + i, 2.0)])
            })
            .map(|mut u| {
                u.anchors.sort_by_key(|a| a.0);
                u.cognates.sort_unstable();
                u
            })
            .collect();
        let runs = Runs::new(units.len());
        // Twice: the second read comes from the cache.
        for _ in 0..2 {
            for start in 0..units.len() {
                for end in start + 1..=units.len() {
                    let r = start..end;
                    assert_eq!(runs.anchors(&units, &r).as_ref(), merged_anchors(&units[r.clone()]).as_ref(), "{r:?}");
                }
            }
        }
    }

    #[test]
    fn runs_give_every_span_s_sum_and_mean_to_the_last_bit() {
        let v: Vec<f32> = (0..15).map(|i| 0.1 + (i * 7 % 11) as f32 / 3.0).collect();
        for f in [sum_of, mean_of] {
            let runs = per_run(&v, f);
            for start in 0..v.len() {
                for end in start..=v.len() {
                    assert_eq!(of_run(&runs, &v, start..end, f).to_bits(), f(&v[start..end]).to_bits());
                }
            }
        }
    }

    #[test]
    fn cognate_sets_sum_the_shared_cognates_as_a_merge_of_the_lists_does() {
        // Cognates from a range wider than 64 (sets of several words), some in one
        // document only, some in many units; weights added up in hash order.
        let doc = |seed: u32, n: u32| -> Vec<Unit> {
            (0..n)
                .map(|i| {
                    let mut cognates: Vec<u32> = (0..16).map(|k| (seed + i * 37 + k * k * k * 11) % 220).collect();
                    cognates.sort_unstable();
                    cognates.dedup();
                    Unit { cognates, ..Unit::sentence(0, 0, 1.0, Vec::new()) }
                })
                .collect()
        };
        let (a, b) = (doc(3, 11), doc(100, 9));
        let sets = CognateSets::new(&a, &b);
        assert!(sets.words > 1, "{}", sets.words);
        let weight = cognate_weights(&a, &b);
        let plain = |ra: &Span, rb: &Span| -> f32 {
            let cb = cognates_of(&b[rb.clone()]);
            let mut sum = 0f32;
            for c in cognates_of(&a[ra.clone()]) {
                if cb.binary_search(&c).is_ok() {
                    sum += weight[&c];
                }
            }
            sum
        };
        let mut shared = 0;
        for ra in (0..a.len()).flat_map(|s| (s + 1..=a.len()).map(move |e| s..e)) {
            for rb in (0..b.len()).flat_map(|s| (s + 1..=b.len()).map(move |e| s..e)) {
                let fast = sets.shared(&ra, &rb);
                assert_eq!(fast.to_bits(), plain(&ra, &rb).to_bits(), "{ra:?} {rb:?}");
                shared += usize::from(fast > 0.0);
            }
        }
        assert!(shared > 100, "{shared}");
    }

    #[test]
    fn length_cost_stays_above_its_floor_and_near_it() {
        // The table grows: its first entry is a floor under every length cost.
        assert!(FLOORS.windows(2).all(|w| w[0] <= w[1]));
        // The deviation finely, across the table and past its end.
        for x in (0..80_000).map(|k| k as f32 * 1e-4) {
            let floor = length_floor(Some(x * x), &FLOORS);
            let cost = tail_cost(x);
            assert!(floor <= cost && cost - floor < 0.1, "{x}: {floor} {cost}");
        }
        let ratios = [0.3, 0.5, 0.77, 1.0, 1.31, 2.0, 3.0];
        for la in (0..300).map(|x| x as f32 * 0.7) {
            for lb in (0..300).map(|x| x as f32 * 0.7) {
                for ratio in ratios {
                    let floor = length_floor(squared_deviation(la, la * ratio, lb, lb / ratio), &FLOORS);
                    let cost = length_cost(la, lb, ratio);
                    assert!(floor <= cost && cost - floor < 0.1, "{la} {lb} {ratio}: {floor} {cost}");
                }
            }
        }
        // Where the lengths are in the ratio: next to nothing.
        assert!(length_cost(100.0, 131.0, 1.31).abs() < 1e-5);
    }

    fn u(len: f32, anchors: &[u32]) -> Unit {
        Unit::sentence(0, 0, len, anchors.iter().map(|&x| (x, 1.0)).collect())
    }

    /// The second part of a sentence that may end before it, at `cut`.
    fn part(len: f32, anchors: &[u32], cut: f32) -> Unit {
        Unit { starts_sentence: false, cut, ..u(len, anchors) }
    }

    /// Aligns two short documents whose lengths are in their languages' ratio (here 1), as
    /// translations are: too few anchors to tell the regime otherwise.
    fn translations(a: &[Unit], b: &[Unit]) -> Vec<Bead> {
        let model = PairModel { length_ratio: Some(1.0), ..PairModel::default() };
        align_passages_with(a, b, model, &PassageOptions::default()).0
    }

    fn with_shares(mut units: Vec<Unit>) -> Vec<Unit> {
        // Shares of each sentence's length, as the analysis computes them.
        let mut s = 0;
        while s < units.len() {
            let e = (s + 1..units.len()).find(|&k| units[k].starts_sentence).unwrap_or(units.len());
            let total: f32 = units[s..e].iter().map(|x| x.len).sum();
            for x in &mut units[s..e] {
                x.share = x.len / total;
            }
            s = e;
        }
        units
    }

    #[test]
    fn a_sentence_that_lost_its_full_stop_is_cut_where_the_other_side_ends_one() {
        // Left: one sentence in two parts (a likely cut between them); right: two sentences.
        let a = with_shares(vec![u(40.0, &[]), u(70.0, &[1]), part(50.0, &[2], 0.6), u(45.0, &[])]);
        let b = [u(44.0, &[]), u(75.0, &[1]), u(52.0, &[2]), u(47.0, &[])];
        let beads = translations(&a, &b);
        let pairs: Vec<_> = beads.iter().map(|x| (x.left, x.right)).collect();
        assert_eq!(pairs, vec![((0, 1), (0, 1)), ((1, 2), (1, 2)), ((2, 3), (2, 3)), ((3, 4), (3, 4))]);
        // The same cut is not taken when the other side keeps the sentence whole.
        let b = [u(44.0, &[]), u(127.0, &[1, 2]), u(47.0, &[])];
        let beads = translations(&a, &b);
        assert!(beads.iter().any(|x| x.left == (1, 3) && x.right == (1, 2)), "{beads:?}");
    }

    #[test]
    fn long_documents_align_inside_a_band_and_huge_ones_by_anchors() {
        // 700 sentences a side: beyond BAND_CELLS, aligned in a band; the diagonal survives.
        let doc = |scale: f32| -> Vec<Unit> {
            (0..700)
                .map(|k| {
                    let anchors: Vec<u32> = if k % 7 == 0 { vec![k as u32] } else { Vec::new() };
                    u((30 + (k * 37) % 90) as f32 * scale, &anchors)
                })
                .collect()
        };
        let (a, b) = (doc(1.0), doc(1.4));
        let beads = align_passages(&a, &b, &PassageOptions::default());
        assert!(beads.len() >= 690, "{}", beads.len());
        assert!(beads.iter().all(|x| x.left == x.right), "{:?}", beads.iter().find(|x| x.left != x.right));
        // 2,100 a side: too many cells for the dynamic programme; shared anchors pair them.
        let big = |scale: f32| -> Vec<Unit> { (0..2100).map(|k| u(40.0 * scale, &[k as u32])).collect() };
        let beads = align_passages(&big(1.0), &big(1.4), &PassageOptions::default());
        assert_eq!(beads.len(), 2100);
        assert!(beads.iter().all(|x| x.left == x.right));
    }

    #[test]
    fn a_short_report_aligns_with_the_part_of_a_long_one_it_shares() {
        // The left document shares its three sentences with the middle of the right one;
        // the right one's other sentences have anchors of their own.
        let a = [u(60.0, &[1, 2]), u(40.0, &[]), u(70.0, &[3])];
        let mut b: Vec<Unit> = (0..8).map(|k| u(50.0 + k as f32, &[10 + k])).collect();
        b.extend([u(90.0, &[1, 2]), u(60.0, &[]), u(100.0, &[3])]);
        b.extend((0..8).map(|k| u(45.0 + k as f32, &[20 + k])));
        let beads = align_passages(&a, &b, &PassageOptions::default());
        let pairs: Vec<_> = beads.iter().map(|x| (x.left, x.right)).collect();
        assert_eq!(pairs, vec![((0, 1), (8, 9)), ((1, 2), (9, 10)), ((2, 3), (10, 11))]);
    }

    #[test]
    fn an_unshared_sentence_in_many_parts_is_left_out_whole() {
        // Each side opens with four sentences of its own (their own anchors), the left ones
        // each in three parts where a full stop may be missing; then three shared ones.
        // Leaving a sentence out creates no passage boundary inside it, so its possible
        // cuts cost nothing: the openings are left out rather than paired with each other.
        let mut a = Vec::new();
        for k in 0..4 {
            a.extend([u(30.0, &[10 + k]), part(30.0, &[], 1.0), part(30.0, &[], 1.0)]);
        }
        a.extend([u(60.0, &[1]), u(50.0, &[2]), u(70.0, &[3])]);
        let a = with_shares(a);
        let mut b: Vec<Unit> = (0..4).map(|k| u(90.0, &[20 + k])).collect();
        b.extend([u(62.0, &[1]), u(52.0, &[2]), u(71.0, &[3])]);
        let beads = translations(&a, &b);
        let pairs: Vec<_> = beads.iter().map(|x| (x.left, x.right)).collect();
        assert_eq!(pairs, vec![((12, 13), (4, 5)), ((13, 14), (5, 6)), ((14, 15), (6, 7))]);
    }

    #[test]
    fn a_pair_that_leaves_much_out_is_aligned_again_with_cheaper_skips() {
        let units: Vec<Unit> = (0..10).map(|k| u(50.0, &[k])).collect();
        let bead =
            |l: (usize, usize), r: (usize, usize)| Bead { left: l, right: r, score: 1.0, evidence: Default::default() };
        // Every unit between the first and the last bead taken: nothing left out, no second pass.
        let all: Vec<Bead> = (0..10).map(|k| bead((k, k + 1), (k, k + 1))).collect();
        assert_eq!(skipped_share(&units, &units, &all), Some(0.0));
        assert_eq!(adapted_skip(&units, &units, &all, &PassageOptions::default()), None);
        // Units before the first bead and after the last do not count; inside, 4 of 12 are left out.
        let some = [bead((2, 3), (2, 3)), bead((4, 5), (3, 4)), bead((5, 6), (6, 7)), bead((7, 8), (7, 8))];
        let share = skipped_share(&units, &units, &some).unwrap();
        assert!((share - 4.0 / 12.0).abs() < 1e-6, "{share}");
        let opts = PassageOptions::default();
        assert_eq!(
            adapted_skip(&units, &units, &some, &opts),
            Some(ADAPTED_SKIP_FLOOR),
            "ln(3.3) takes 2.2 below the floor"
        );
        // 4 of 20 left out (4 and 7 on the left, 1 and 8 on the right): the cost falls by ln(0.2 / 0.1).
        let few: Vec<Bead> = [(0, 0), (1, 2), (2, 3), (3, 4), (5, 5), (6, 6), (8, 7), (9, 9)]
            .into_iter()
            .map(|(i, j)| bead((i, i + 1), (j, j + 1)))
            .collect();
        let share = skipped_share(&units, &units, &few).unwrap();
        assert!((share - 4.0 / 20.0).abs() < 1e-6, "{share}");
        let skip = adapted_skip(&units, &units, &few, &opts).expect("a second pass");
        assert!((skip - (opts.skip - 2f32.ln())).abs() < 1e-5, "{skip}");
        // Never below the floor, however much is left out.
        let sparse = [bead((0, 1), (0, 1)), bead((9, 10), (9, 10))];
        assert_eq!(adapted_skip(&units, &units, &sparse, &opts), Some(ADAPTED_SKIP_FLOOR));
        assert_eq!(skipped_share(&units, &units, &[]), None);
    }

    #[test]
    fn a_translated_part_with_one_shared_name_aligns_as_a_run_of_passages() {
        // The left report translates five sentences from the middle of the right one; only
        // one sentence carries a rare anchor both share, the others a word spelt alike each
        // (one seed at most, lengths that say nothing of the whole): a run of passages in
        // order is what tells a translation.
        let c = |len: f32, anchors: &[u32], cognate: u32| Unit { cognates: vec![cognate], ..u(len, anchors) };
        let a = [c(50.0, &[], 100), c(70.0, &[1], 101), c(40.0, &[], 102), c(60.0, &[], 103), c(45.0, &[], 104)];
        let mut b: Vec<Unit> = (0..8).map(|k| u(55.0 + k as f32, &[10 + k])).collect();
        b.extend([c(52.0, &[], 100), c(73.0, &[1], 101), c(41.0, &[], 102), c(62.0, &[], 103), c(47.0, &[], 104)]);
        b.extend((0..8).map(|k| u(48.0 + k as f32, &[20 + k])));
        let run: Vec<_> = (0..5).map(|i| ((i, i + 1), (8 + i, 9 + i))).collect();
        let opts = PassageOptions::default();
        // The ratio of the two languages' lengths, as the corpus's translations teach it.
        let model = PairModel { length_ratio: Some(1.0), ..PairModel::default() };
        let (beads, parallel) = align_passages_with(&a, &b, model, &opts);
        assert!(parallel, "{beads:?}");
        assert_eq!(beads.iter().map(|x| (x.left, x.right)).collect::<Vec<_>>(), run);
        // Asking for a longer run than the five passages, or for no monotonic try at all,
        // leaves the pair to mining, which pairs only the sentence with the shared name; so
        // does a corpus that taught no table for the two languages, where a run of leads in
        // one order is what independent reports give too.
        let untaught = PairModel { untaught: true, ..model };
        for (opts, model) in [
            (PassageOptions { few_passages: 6, ..PassageOptions::default() }, model),
            (PassageOptions { few_anchors: 0, ..PassageOptions::default() }, model),
            (PassageOptions::default(), untaught),
        ] {
            let (beads, parallel) = align_passages_with(&a, &b, model, &opts);
            assert!(!parallel);
            assert!(beads.len() < run.len(), "{beads:?}");
            assert!(beads.iter().all(|x| x.evidence.regime == Regime::Mined), "{beads:?}");
        }
    }

    #[test]
    fn a_staggered_translation_is_not_taken_for_independent_reports_by_its_unshared_ends() {
        // Left: three sentences of its own, then three it shares with the right one's start;
        // the right one ends with three of its own. Each side's own sentences name the
        // story's people (rare anchors 50, 51, 52, one sentence each), in crossed order, so
        // mining pairs them across the two unshared ends. No translation could pair those:
        // they lie outside the content the monotonic alignment finds shared, and do not
        // count against it being a translation.
        let a = [u(60.0, &[50]), u(55.0, &[51]), u(65.0, &[52]), u(70.0, &[1]), u(50.0, &[2]), u(80.0, &[3])];
        let b = [u(72.0, &[1]), u(52.0, &[2]), u(83.0, &[3]), u(62.0, &[52]), u(57.0, &[51]), u(66.0, &[50])];
        let (beads, parallel) = align_passages_with(&a, &b, PairModel::default(), &PassageOptions::default());
        assert!(parallel, "{beads:?}");
        let pairs: Vec<_> = beads.iter().map(|x| (x.left, x.right)).collect();
        assert_eq!(pairs, vec![((3, 4), (0, 1)), ((4, 5), (1, 2)), ((5, 6), (2, 3))]);
        // The anchors of mined pairs outside the alignment's span are left out.
        let mined = [(0..1, 5..6, vec![50]), (3..4, 0..1, vec![1])];
        let bead =
            |l: (usize, usize), r: (usize, usize)| Bead { left: l, right: r, score: 1.0, evidence: Default::default() };
        let inside = mined_within(&mined, &[bead((3, 4), (0, 1)), bead((5, 6), (2, 3))]);
        assert_eq!(inside.into_iter().collect::<Vec<_>>(), vec![1]);
        assert_eq!(mined_within(&mined, &[]).len(), 2, "without beads, all count");
    }

    #[test]
    fn a_contained_report_the_table_cannot_read_is_aligned_inside_its_seeds_band() {
        // The right report translates eight sentences from the middle of the left one. Only
        // the first and the last share a rare anchor (the seeds); the six between share
        // words the learnt table does not know, and their lengths differ. Without a band,
        // leaving everything outside the shared content is cheaper than pairing six
        // passages without evidence; inside the seeds' band, such passages cost only what
        // their lengths say.
        let table = Translations::learn(
            &(0..60u32)
                .map(|k| (vec![k % 20, (k + 7) % 20], vec![500 + k % 20, 500 + (k + 7) % 20]))
                .collect::<Vec<_>>(),
        )
        .expect("enough pairs");
        // Anchors of half weight: two seeds, but not cheap enough to carry the run alone.
        let w = |len: f32, anchors: &[u32], word: u32| Unit {
            words: vec![word],
            anchors: anchors.iter().map(|&x| (x, 0.5)).collect(),
            ..u(len, &[])
        };
        let shared = |side: u32| {
            let x = |k: u32| 900 + 10 * side + k;
            // The right report's sentences are longer or shorter than their originals.
            let len = |l: f32, k: u32| {
                if side == 0 {
                    l
                } else if k.is_multiple_of(2) {
                    l * 0.55
                } else {
                    l / 0.55
                }
            };
            let mut v = vec![w(80.0, &[1], x(0))];
            v.extend((1..7).map(|k| w(len(70.0, k), &[], x(k))));
            v.push(w(90.0, &[2], x(7)));
            v
        };
        let mut a: Vec<Unit> = (0..4).map(|k| w(70.0, &[10 + k], 950 + k)).collect();
        a.extend(shared(0));
        a.extend((0..4).map(|k| w(70.0, &[20 + k], 960 + k)));
        let b = shared(1);
        let opts = PassageOptions::default();
        let run: Vec<_> = (0..8).map(|i| ((4 + i, 5 + i), (i, i + 1))).collect();
        let learnt = PairModel {
            dictionary: Some(Dictionary { table: &table, reversed: false }),
            length_ratio: Some(1.0),
            untaught: false,
        };
        let (beads, parallel) = align_passages_with(&a, &b, learnt, &opts);
        assert!(parallel, "{beads:?}");
        assert_eq!(beads.iter().map(|x| (x.left, x.right)).collect::<Vec<_>>(), run);
        // Where the table is being learnt (no table yet), no second alignment.
        let (beads, _) =
            align_passages_with(&a, &b, PairModel { length_ratio: Some(1.0), ..PairModel::default() }, &opts);
        assert_ne!(beads.iter().map(|x| (x.left, x.right)).collect::<Vec<_>>(), run, "{beads:?}");
    }

    #[test]
    fn parallel_sentences_align_one_to_one() {
        let a = [u(40.0, &[]), u(80.0, &[1]), u(30.0, &[]), u(60.0, &[2])];
        let b = [u(44.0, &[]), u(85.0, &[1]), u(33.0, &[]), u(64.0, &[2])];
        let beads = align_passages(&a, &b, &PassageOptions::default());
        let shapes: Vec<_> = beads.iter().map(|b| (b.left, b.right)).collect();
        assert_eq!(shapes, vec![((0, 1), (0, 1)), ((1, 2), (1, 2)), ((2, 3), (2, 3)), ((3, 4), (3, 4))]);
    }

    #[test]
    fn a_split_sentence_becomes_a_two_to_one_bead() {
        let a = [u(40.0, &[]), u(120.0, &[3, 4]), u(50.0, &[])];
        let b = [u(42.0, &[]), u(60.0, &[3]), u(62.0, &[4]), u(52.0, &[])];
        let beads = translations(&a, &b);
        assert!(beads.iter().any(|x| x.left == (1, 2) && x.right == (1, 3)), "{beads:?}");
    }

    #[test]
    fn independent_reports_pair_sentences_by_shared_anchors_in_any_order() {
        // Shared rare anchors 1, 2, 3 sit in crossing positions: not a translation.
        let a = [u(80.0, &[1, 9]), u(30.0, &[]), u(90.0, &[2, 3]), u(40.0, &[3])];
        let b = [u(60.0, &[2, 3]), u(50.0, &[7]), u(70.0, &[1, 9]), u(20.0, &[])];
        let beads = align_passages(&a, &b, &PassageOptions::default());
        let pairs: Vec<_> = beads.iter().map(|x| (x.left.0, x.right.0)).collect();
        assert!(pairs.contains(&(0, 2)) && pairs.contains(&(2, 0)), "{pairs:?}");
        assert!(!pairs.iter().any(|&(i, _)| i == 1), "{pairs:?}");
    }

    /// Two independent reports telling two facts in crossing order (anchors 1 and 9, 2 and
    /// 3), with sentences of their own: a's first pairs with b's third, a's third with b's
    /// first.
    fn crossing_reports() -> ([Unit; 4], [Unit; 4]) {
        (
            [u(80.0, &[1, 9]), u(30.0, &[]), u(90.0, &[2, 3]), u(40.0, &[3])],
            [u(60.0, &[2, 3]), u(50.0, &[7]), u(70.0, &[1, 9]), u(20.0, &[])],
        )
    }

    /// The (left, right) first units of the passages mined between two independent reports.
    fn mined_pairs(a: &[Unit], b: &[Unit], model: PairModel<'_>) -> Vec<(usize, usize)> {
        let (beads, parallel) = align_passages_with(a, b, model, &PassageOptions::default());
        assert!(!parallel, "{beads:?}");
        beads.iter().map(|x| (x.left.0, x.right.0)).collect()
    }

    #[test]
    fn a_question_pairs_only_with_a_question_between_independent_reports() {
        // In the crossing reports, a's first sentence asks what b's third states ("Who is
        // Iran's new president, Masoud Pezeshkian?" against "Masoud Pezeshkian won the
        // election"): a question states no fact, so the two do not pair. Two questions still do.
        let (a, b) = crossing_reports();
        for model in [PairModel::default(), PairModel { untaught: true, ..PairModel::default() }] {
            let (plain, mut a, mut b) = (mined_pairs(&a, &b, model), a.clone(), b.clone());
            assert!(plain.contains(&(0, 2)), "{plain:?}");
            a[0].asks = true;
            let asked = mined_pairs(&a, &b, model);
            assert!(!asked.contains(&(0, 2)) && asked.contains(&(2, 0)), "{asked:?}");
            b[2].asks = true;
            assert_eq!(mined_pairs(&a, &b, model), plain);
        }
    }

    #[test]
    fn sentences_whose_figures_disagree_do_not_pair_between_independent_reports() {
        // In the crossing reports, a's first sentence and b's third share names (1, 9). When
        // each states a figure and they share none (10 dead against 65 dead: a later toll,
        // another count), they tell different facts and do not pair; a figure on one side
        // only, or a shared one, keeps them paired.
        let (a, b) = crossing_reports();
        for model in [PairModel::default(), PairModel { untaught: true, ..PairModel::default() }] {
            let (plain, mut a, mut b) = (mined_pairs(&a, &b, model), a.clone(), b.clone());
            assert!(plain.contains(&(0, 2)) && plain.contains(&(2, 0)), "{plain:?}");
            a[0].figures = vec![40];
            assert_eq!(mined_pairs(&a, &b, model), plain, "a figure on one side only");
            b[2].figures = vec![41];
            let clash = mined_pairs(&a, &b, model);
            assert!(!clash.contains(&(0, 2)) && clash.contains(&(2, 0)), "{clash:?}");
            b[2].figures = vec![40, 41];
            assert_eq!(mined_pairs(&a, &b, model), plain, "a shared figure");
        }
    }

    #[test]
    fn a_dateline_pairs_with_nothing_between_independent_reports() {
        // In the crossing reports, a's first sentence pairs with b's third; marked as a
        // dateline (a date and nothing else), it states no fact and pairs with nothing.
        let (a, b) = crossing_reports();
        for model in [PairModel::default(), PairModel { untaught: true, ..PairModel::default() }] {
            let (plain, mut a) = (mined_pairs(&a, &b, model), a.clone());
            assert!(plain.contains(&(0, 2)), "{plain:?}");
            a[0].dateline = true;
            let dated = mined_pairs(&a, &b, model);
            assert!(!dated.iter().any(|p| p.0 == 0) && dated.contains(&(2, 0)), "{dated:?}");
        }
    }

    #[test]
    fn a_sentence_asks_when_it_ends_with_a_question_mark() {
        assert!(asks("ইরানের নতুন প্রেসিডেন্ট কে এই মাসুদ পেজেশকিয়ান?"));
        assert!(asks("«ما یک خواسته داریم؛ حسینه کی استعفا میدهی؟» "));
        assert!(asks("Who won?\u{201d})"));
        assert!(!asks("পদত্যাগ করে দেশ ছাড়লেন শেখ হাসিনা।"));
        assert!(!asks("He asked: why? Nobody answered."));
        assert!(!asks(""));
    }

    #[test]
    fn a_sentence_that_tells_two_facts_pairs_with_each_sentence_that_tells_one() {
        // Left sentence 0 tells two facts: where the visit was and a figure. The right report
        // tells them in sentences 0 (the place: the left sentence's best partner) and 1 (the
        // figure, whose best partner is left sentence 0 too). The figure's pair has a small
        // margin, since left sentence 0 is near both; left sentence 1 is another sentence.
        let pair = |left, right, similarity: f32, margin: f32| SentencePair {
            left,
            right,
            similarity,
            shared: 0.8,
            support: 1.0,
            margin,
            by: MinedBy::Matching,
        };
        let mining =
            Mining { pairs: vec![pair(0, 0, 0.6, 1.9), pair(0, 1, 0.5, 1.2), pair(1, 1, 0.2, 0.9)], n: 2, m: 2 };
        let opts = PassageOptions { lead_sentences: 0, ..PassageOptions::default() };
        let keep = |margin: f32| move |p: &SentencePair| p.similarity >= 0.25 && p.margin >= margin;
        // Specific anchors: the place 7, the figure 9 (left sentence 1 names neither).
        let (place_and_figure, place, figure) = (vec![7, 9], vec![7], vec![9]);
        let left = [place_and_figure.clone(), Vec::new()];
        let printed = |right: &[Vec<u32>], hub_margin: f32| -> Vec<(usize, usize)> {
            mining
                .many_to_many(keep(1.4), keep(hub_margin), (&left, right), (&left, right), &opts)
                .iter()
                .map(|p| (p.left, p.right))
                .collect()
        };
        let right = [place.clone(), figure.clone()];
        assert_eq!(printed(&right, 1.0), [(0, 0), (0, 1)]);
        // Not below the hub's margin.
        assert_eq!(printed(&right, 1.3), [(0, 0)]);
        // Not when the figure's sentence shares nothing with the hub that the hub's best
        // partner does not share too.
        assert_eq!(printed(&[place_and_figure.clone(), figure.clone()], 1.0), [(0, 0)]);
        assert_eq!(printed(&[place.clone(), place.clone()], 1.0), [(0, 0)]);
    }

    #[test]
    fn a_sentence_that_tells_what_three_tell_pairs_with_those_that_name_nothing_else() {
        // Right sentence 0 (a headline: "Russia's foreign minister makes the first visit to
        // Bangladesh") is the best partner of left sentences 0, 1 and 2; its own best partner
        // is left 0. Left 1 names only what it names (the place 7); left 2 also names a
        // person 11 it does not, while it names 8 and 9, which left 2 does not: another fact.
        let pair = |left, similarity: f32, margin: f32| SentencePair {
            left,
            right: 0,
            similarity,
            shared: 0.8,
            support: 1.0,
            margin,
            by: MinedBy::Matching,
        };
        let mining = Mining { pairs: vec![pair(0, 0.6, 1.9), pair(1, 0.4, 1.1), pair(2, 0.4, 1.1)], n: 3, m: 1 };
        let keep = |margin: f32| move |p: &SentencePair| p.similarity >= 0.25 && p.margin >= margin;
        let left = [vec![7, 8, 9], vec![7], vec![7, 11]];
        let right = [vec![7, 8, 9]];
        let no_rare: [Vec<u32>; 3] = Default::default();
        let printed = |opts: &PassageOptions| -> Vec<(usize, usize)> {
            mining
                .many_to_many(keep(1.4), keep(opts.mine_hub_margin), (&no_rare, &[vec![]]), (&left, &right), opts)
                .iter()
                .map(|p| (p.left, p.right))
                .collect()
        };
        let opts = PassageOptions { lead_sentences: 0, ..PassageOptions::default() };
        assert_eq!(printed(&opts), [(0, 0), (1, 0)]);
        // `--explain` says which rule printed each.
        let rules: Vec<MinedBy> = mining
            .many_to_many(keep(1.4), keep(1.0), (&no_rare, &[vec![]]), (&left, &right), &opts)
            .iter()
            .map(|p| p.by)
            .collect();
        assert_eq!(rules, [MinedBy::NearBest, MinedBy::PartOfHub]);
        // A headline the best partner of fewer sentences is not a hub; a weaker pair, or a
        // smaller margin, is not printed.
        assert_eq!(printed(&PassageOptions { mine_fan_in: 4, ..opts }), [(0, 0)]);
        assert_eq!(printed(&PassageOptions { mine_fan_in: 0, ..opts }), [(0, 0)]);
        assert_eq!(printed(&PassageOptions { mine_fan_support: 0.45, ..opts }), [(0, 0)]);
        assert_eq!(printed(&PassageOptions { mine_hub_margin: 1.2, ..opts }), [(0, 0)]);
    }

    #[test]
    fn news_words_pair_the_sentences_of_independent_reports_where_no_table_was_taught() {
        // Every sentence names the story's subject (anchor 1); one sentence of each report
        // also says the same three common news words (arrived, first, foreign minister).
        let with =
            |len: f32, news: &[u32]| Unit { news: news.iter().map(|&c| news_anchor(c)).collect(), ..u(len, &[1]) };
        let mut a = [with(60.0, &[7]), with(50.0, &[]), with(70.0, &[2, 1, 0]), with(40.0, &[]), with(55.0, &[8])];
        let mut b = [with(50.0, &[]), with(60.0, &[9]), with(45.0, &[]), with(70.0, &[2, 1, 0]), with(50.0, &[])];
        for u in a.iter_mut().chain(b.iter_mut()) {
            u.news.sort_unstable();
        }
        let untaught = PairModel { untaught: true, ..PairModel::default() };
        let opts = PassageOptions::default();
        let (beads, parallel) = align_passages_with(&a, &b, untaught, &opts);
        assert!(!parallel);
        let pairs: Vec<_> = beads.iter().map(|x| (x.left.0, x.right.0)).collect();
        assert_eq!(pairs, [(2, 3)], "{beads:?}");
        assert_eq!(beads[0].evidence.news, [0, 1, 2]);
        // Without the news words, or where the corpus is still being learnt from (the table
        // unknown, not known to be missing), the subject alone pairs nothing.
        for (model, opts) in [(untaught, PassageOptions { news_words: false, ..opts }), (PairModel::default(), opts)] {
            let (beads, _) = align_passages_with(&a, &b, model, &opts);
            assert!(!beads.iter().any(|x| (x.left.0, x.right.0) == (2, 3)), "{beads:?}");
        }
    }

    #[test]
    fn the_leads_of_independent_reports_pair_many_to_many_where_no_table_was_taught() {
        // Both reports name their subject (anchor 1) throughout. Report a's headline and
        // lead, and report b's lead, also name where it happened (anchor 2), which a's
        // fourth sentence names too: too common to single out one pair by its margin.
        // Two facts are told in crossing order (anchors 5 and 9): not a translation.
        // The leads also share a news word (arrived).
        let arrived = |x: Unit| Unit { news: vec![news_anchor(0)], ..x };
        let a = [
            arrived(u(40.0, &[1, 2])),
            arrived(u(80.0, &[1, 2, 3])),
            u(60.0, &[1, 5]),
            u(70.0, &[1, 3]),
            u(50.0, &[1, 9]),
        ];
        let b = [arrived(u(90.0, &[1, 2, 3])), u(60.0, &[1, 9]), u(55.0, &[1, 8]), u(50.0, &[1, 5])];
        let untaught = PairModel { untaught: true, ..PairModel::default() };
        let opts = PassageOptions::default();
        let pairs = |opts: &PassageOptions| -> Vec<(usize, usize)> {
            let (beads, parallel) = align_passages_with(&a, &b, untaught, opts);
            assert!(!parallel, "{beads:?}");
            beads.iter().map(|x| (x.left.0, x.right.0)).collect()
        };
        let leads = pairs(&opts);
        // The headline and the lead both state what b's lead states; a's fourth sentence,
        // as alike as the headline but not a lead, does not pair.
        assert!(leads.contains(&(0, 0)) && leads.contains(&(1, 0)), "{leads:?}");
        assert!(!leads.contains(&(3, 0)), "{leads:?}");
        // Without the lead rule (nor the hub rule, which pairs b's lead with the sentences
        // whose best partner it is), only what mining alone accepts.
        let without = pairs(&PassageOptions { lead_sentences: 0, mine_fan_in: 0, ..opts });
        assert!(!without.contains(&(0, 0)), "{without:?}");
        assert!(without.iter().all(|p| leads.contains(p)), "{without:?} {leads:?}");
    }

    #[test]
    fn independent_reports_keep_monotonic_passages_only_where_a_table_was_taught() {
        // Anchor 3 pairs a's last sentence with b's second, out of order with what else
        // they share (anchor 7): independent reports, whose mined pair is printed. The
        // monotonic alignment also pairs the two sentences naming 7, with evidence of their
        // own; that passage is kept where the corpus taught the two languages a table, and
        // not where it taught none: there, a passage in one order between independent
        // reports is one whose order is chance (web dev: 6 such passages printed for the
        // labelled Bengali–Persian pairs, none of them right).
        let a = [u(55.0, &[]), u(87.0, &[]), u(54.0, &[4, 7]), u(55.0, &[3])];
        let b = [u(73.0, &[]), u(30.0, &[3]), u(51.0, &[1, 7]), u(71.0, &[])];
        let opts = PassageOptions::default();
        let shapes = |model: PairModel<'_>| {
            let (beads, parallel) = align_passages_with(&a, &b, model, &opts);
            assert!(!parallel, "{beads:?}");
            beads.iter().map(|x| (x.left, x.right, x.evidence.regime)).collect::<Vec<_>>()
        };
        let mined = ((3, 4), (1, 2), Regime::Mined);
        let kept = ((2, 3), (2, 3), Regime::Translation);
        assert_eq!(shapes(PairModel::default()), [kept, mined]);
        assert_eq!(shapes(PairModel { untaught: true, ..PairModel::default() }), [mined]);
        // Keeping none at all leaves the mined pair alone wherever.
        let (beads, _) =
            align_passages_with(&a, &b, PairModel::default(), &PassageOptions { keep_supported: 0.0, ..opts });
        assert_eq!(beads.iter().map(|x| (x.left, x.right, x.evidence.regime)).collect::<Vec<_>>(), [mined]);
    }

    #[test]
    fn unrelated_sentences_with_conflicting_anchors_stay_unmatched() {
        let a = [u(60.0, &[1]), u(60.0, &[5]), u(60.0, &[2])];
        let b = [u(60.0, &[1]), u(20.0, &[7, 8, 9]), u(60.0, &[2])];
        let beads = align_passages(&a, &b, &PassageOptions::default());
        assert!(!beads.iter().any(|x| x.left == (1, 2)), "{beads:?}");
        assert_eq!(beads.len(), 2);
    }
}
