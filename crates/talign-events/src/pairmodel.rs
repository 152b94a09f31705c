//! How likely two documents report the same event: a logistic model over what they share.
//!
//! Reports of one event written by different newsrooms share few words and, across
//! languages, only what survives translation: names, numbers, dates, event words. Each
//! kind of feature says something different (two shared names of ministers mean more than
//! two shared small numbers), and each says more when it is rare in the corpus. The model
//! reads, per kind of feature, how much the two documents share (a cosine over the features
//! at least two documents have, each weighted by its rarity `ln(1 + N'/df') / ln(1 + N')`,
//! where `N'` and `df'` add a hundred imagined news documents in which the feature has its
//! prior share, so that neither the scale nor a small corpus's chance counts decide), how
//! much in absolute terms,
//! and the rarest shared feature; then whether their time windows agree or conflict, the
//! order in which they mention their rarest shared features, whether they are in one
//! language or one script (documents of one language share more by chance), how much of
//! what their leads state they share, and the rarest name of either lead that the other
//! document never mentions, and whether each lead's rarest place (or person) is one the
//! other document never mentions (a different who or where); and whether both name
//! weekdays but none alike (undated reports of one happening name its day alike: "on
//! Tuesday night"; a strike on a Friday is another strike).
//!
//! The weights were fitted once, by logistic regression, on the scored pairs of the
//! real-web development set (`corpora/web-dev/`; `cargo xtask eval web --fit` prints them),
//! and are constants here: nothing is learnt at run time, and nothing from gold files.

use crate::align::{FeatureKind, FeatureSpace};

/// How many inputs the model reads.
pub const N_INPUTS: usize = 25;

/// The names of the model's inputs, in order.
pub const INPUTS: [&str; N_INPUTS] = [
    "entity_cos",
    "entity_mass",
    "entity_max",
    "name_cos",
    "name_mass",
    "name_max",
    "number_cos",
    "number_mass",
    "number_max",
    "date_cos",
    "date_mass",
    "date_max",
    "event_cos",
    "event_mass",
    "event_max",
    "order",
    "time_agrees",
    "time_conflicts",
    "same_language",
    "same_script",
    "lead_cos",
    "lead_unshared",
    "where_differs",
    "who_differs",
    "weekday_conflicts",
];

/// Fitted weights of [`INPUTS`], and the intercept. `weekday_conflicts` came last: fitted
/// with the others (they refit to within ±0.5 of these and it to −1.81, cross-validated
/// pair F1 at p ≥ 0.5 0.650 → 0.665), then added alone to these weights, because the
/// whole refit grouped events worse (web dev pair F1 0.783, against 0.788 with these);
/// −1.0 to −2.5 group alike there.
const WEIGHTS: [f32; N_INPUTS] = [
    2.183, -0.803, 2.759, 1.050, 0.030, -0.012, -0.728, 2.568, 0.851, 1.383, 0.963, 1.421, 1.950, -1.121, 1.032, 0.992,
    3.459, -1.667, -0.195, -0.304, 1.527, 0.911, -1.971, -0.435, -1.8,
];
const INTERCEPT: f32 = -4.063;

/// How many imagined documents the prior shares of features count for (see
/// [`FeatureSpace::set_priors`]).
const PRIOR_DOCUMENTS: f32 = 100.0;

/// Per-document sums the model needs, computed once for a corpus.
#[derive(Debug)]
pub struct PairModel {
    /// Rarity of each feature; 0 for features only one document has.
    rarity: Vec<f32>,
    /// Per document and kind, the sum of squared rarities.
    norms: Vec<[f32; 5]>,
    /// Per document, the sum of squared rarities of the names, numbers and dates of its lead.
    lead_norms: Vec<f32>,
    /// What `time_agrees` is worth in this corpus, 0 to 1 (see [`chance_worth`]).
    time_agrees: f32,
    /// What sharing dates is worth in this corpus, 0 to 1 (see [`chance_worth`]).
    dates_shared: f32,
}

/// The lead of a document: the part before this fraction of its length (in units of
/// 1/65535, as feature positions are kept), where news names who, where and when.
const LEAD: u16 = 65535 / 4;

/// Whether a feature of this kind is a fact a lead states (names, numbers, dates).
fn lead_kind(k: FeatureKind) -> bool {
    matches!(k, FeatureKind::Entity | FeatureKind::Candidate | FeatureKind::Number | FeatureKind::Date)
}

/// Whether a time window is narrow enough for agreeing with it to say "the same days" (a
/// publication date's few days, a stated day), not a month.
fn narrow(w: crate::cluster::Window) -> bool {
    let (lo, hi) = match w {
        crate::cluster::Window::Days(lo, hi) | crate::cluster::Window::DaysOfYear(lo, hi) => (lo, hi),
    };
    hi - lo <= NARROW_DAYS
}

/// How many documents [`chance_rate`] looks at, at most.
const RATE_SAMPLE: usize = 2000;

/// The share of pairs of documents that `agree`, among the documents `of` gives something
/// for, and how many pairs it was measured on: how common a kind of agreement is by chance
/// in this corpus. Measured on the first (at most [`RATE_SAMPLE`]) such documents of
/// `by_key` (the documents in the order of their keys), so that it depends neither on the
/// order of the corpus nor on its ids; `of` is asked only until the sample is full.
fn chance_rate<T>(by_key: &[usize], of: impl Fn(usize) -> Option<T>, agree: impl Fn(&T, &T) -> bool) -> (f32, usize) {
    let docs: Vec<T> = by_key.iter().filter_map(|&d| of(d)).take(RATE_SAMPLE).collect();
    let (mut agreeing, mut pairs) = (0usize, 0usize);
    for (i, x) in docs.iter().enumerate() {
        for y in &docs[i + 1..] {
            pairs += 1;
            agreeing += usize::from(agree(x, y));
        }
    }
    (if pairs == 0 { 0.0 } else { agreeing as f32 / pairs as f32 }, pairs)
}

/// [`chance_rate`] of narrow windows that agree.
fn agreement_rate(space: &FeatureSpace, by_key: &[usize]) -> (f32, usize) {
    let tolerance = crate::cluster::ClusterOptions::default().tolerance;
    // Each window's span is made once, not once for each of the ~2 million pairs.
    chance_rate(
        by_key,
        |d| space.window(d).filter(|&w| narrow(w)).map(|w| crate::cluster::Span::of(Some(w))),
        |x, y| x.merge(*y).consistent(tolerance),
    )
}

/// [`chance_rate`] of sharing a date.
fn date_sharing_rate(space: &FeatureSpace, by_key: &[usize]) -> (f32, usize) {
    let dates = |d: usize| -> Option<Vec<u32>> {
        let v: Vec<u32> =
            space.docs[d].iter().copied().filter(|&f| space.feature(f).kind == FeatureKind::Date).collect();
        (!v.is_empty()).then_some(v)
    };
    // Feature ids are sorted.
    chance_rate(by_key, dates, |x, y| x.iter().any(|f| y.binary_search(f).is_ok()))
}

/// The share of pairs of documents with narrow windows that agree in the web pages the
/// weights were fitted on (0.072 on web dev, whose 42 events lie years apart). This,
/// [`FITTED_DATE_SHARING`] and [`FITTED_BASE_RATE`] belong to the weights: a refit on other
/// pages (`cargo xtask eval web --fit`) must measure them again on those pages.
const FITTED_AGREEMENT: f32 = 0.07;

/// The share of pairs of documents with dates that share one, there (0.020).
const FITTED_DATE_SHARING: f32 = 0.02;

/// Pairs of documents at the fitted rate the measured one is pooled with, so that a corpus
/// of a few dated pages does not decide alone.
const PRIOR_PAIRS: f32 = 100.0;

/// What a kind of agreement says in a corpus where a share `rate` of the pairs agree by
/// chance (measured on `pairs` pairs), against what it said in the pages the weights were
/// fitted on, where a share `fitted` did: agreeing is worth the log of how unlikely it is by
/// chance, ln(1/rate), so the weights' inputs are scaled by ln(rate)/ln(fitted) (1 there,
/// never more). In a day's coverage every pair agrees in time and all name the same
/// "yesterday": agreeing says nothing (0), and the stories of one day are not one event.
fn chance_worth((rate, pairs): (f32, usize), fitted: f32) -> f32 {
    let pairs = pairs as f32;
    let rate = (rate * pairs + fitted * PRIOR_PAIRS) / (pairs + PRIOR_PAIRS);
    (rate.ln() / fitted.ln()).clamp(0.0, 1.0)
}

/// The widest window (in days, last minus first) that [`narrow`] takes.
const NARROW_DAYS: i64 = 7;

impl PairModel {
    /// The model's per-feature and per-document weights for `space`.
    pub fn new(space: &FeatureSpace) -> PairModel {
        let (df, n) = space.df();
        // The corpus and PRIOR_DOCUMENTS imagined news documents, in which each feature has
        // its prior share.
        let all = n as f32 + PRIOR_DOCUMENTS;
        let scale = (1.0 + all).ln();
        let rarity: Vec<f32> = df
            .iter()
            .enumerate()
            .map(|(f, &x)| {
                if x < 2 {
                    0.0
                } else {
                    let expected = x as f32 + PRIOR_DOCUMENTS * space.prior(f as u32);
                    (1.0 + all / expected).ln() / scale
                }
            })
            .collect();
        let norms = space
            .docs
            .iter()
            .map(|fs| {
                let mut s = [0f32; 5];
                for &f in fs {
                    s[space.feature(f).kind as usize] += rarity[f as usize] * rarity[f as usize];
                }
                s
            })
            .collect();
        let lead_norms = space
            .docs
            .iter()
            .zip(&space.positions)
            .map(|(fs, ps)| {
                fs.iter()
                    .zip(ps)
                    .filter(|&(&f, &p)| p < LEAD && lead_kind(space.feature(f).kind))
                    .map(|(&f, _)| rarity[f as usize] * rarity[f as usize])
                    .sum()
            })
            .collect();
        let mut by_key: Vec<usize> = (0..space.docs.len()).collect();
        by_key.sort_unstable_by_key(|&d| space.key(d));
        let (time_agrees, dates_shared) = space.corpus_chance.unwrap_or_else(|| {
            (
                chance_worth(agreement_rate(space, &by_key), FITTED_AGREEMENT),
                chance_worth(date_sharing_rate(space, &by_key), FITTED_DATE_SHARING),
            )
        });
        PairModel { rarity, norms, lead_norms, time_agrees, dates_shared }
    }

    /// What agreeing in time and sharing a date are worth in this corpus: the scales of the
    /// model's `time_agrees` and `dates_shared` inputs (see `chance_worth`).
    pub fn chance(&self) -> (f32, f32) {
        (self.time_agrees, self.dates_shared)
    }

    /// The model's inputs for documents `a` and `b`; `order` is Kendall's tau of their
    /// rarest shared features as a z score (0 when unknown).
    pub fn inputs(&self, space: &FeatureSpace, a: usize, b: usize, order: f32) -> [f32; N_INPUTS] {
        let (fa, fb) = (&space.docs[a], &space.docs[b]);
        let (pa, pb) = (&space.positions[a], &space.positions[b]);
        let mut mass = [0f32; 5];
        let mut max = [0f32; 5];
        let mut lead_mass = 0f32;
        // The rarest lead name of either document that the other does not have at all.
        let mut unshared = 0f32;
        let lead_name =
            |f: u32, p: u16| p < LEAD && matches!(space.feature(f).kind, FeatureKind::Entity | FeatureKind::Candidate);
        let (mut i, mut j) = (0, 0);
        while i < fa.len() || j < fb.len() {
            let ord = match (fa.get(i), fb.get(j)) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            match ord {
                std::cmp::Ordering::Less => {
                    if lead_name(fa[i], pa[i]) {
                        unshared = unshared.max(self.rarity[fa[i] as usize]);
                    }
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    if lead_name(fb[j], pb[j]) {
                        unshared = unshared.max(self.rarity[fb[j] as usize]);
                    }
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    let f = fa[i];
                    let kind = space.feature(f).kind;
                    let k = kind as usize;
                    let r = self.rarity[f as usize];
                    mass[k] += r * r;
                    max[k] = max[k].max(r);
                    if pa[i] < LEAD && pb[j] < LEAD && lead_kind(kind) {
                        lead_mass += r * r;
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        let mut x = [0f32; N_INPUTS];
        for k in FeatureKind::ALL {
            let k = k as usize;
            let den = (self.norms[a][k] * self.norms[b][k]).sqrt();
            x[3 * k] = if den > 0.0 { (mass[k] / den).min(1.0) } else { 0.0 };
            x[3 * k + 1] = (1.0 + mass[k]).ln();
            x[3 * k + 2] = max[k];
        }
        for v in &mut x[9..12] {
            *v *= self.dates_shared;
        }
        x[15] = order.clamp(-3.0, 4.0) / 4.0;
        if let (Some(wa), Some(wb)) = (space.window(a), space.window(b)) {
            if !crate::cluster::windows_agree(wa, wb, crate::cluster::ClusterOptions::default().tolerance) {
                x[17] = 1.0;
            } else if narrow(wa) && narrow(wb) {
                // Two windows of a month agree on little: only days count as agreeing.
                x[16] = self.time_agrees;
            }
        }
        x[18] = f32::from(space.groups[a] == space.groups[b]);
        x[19] = f32::from(space.script(a) == space.script(b));
        let lead_den = (self.lead_norms[a] * self.lead_norms[b]).sqrt();
        x[20] = if lead_den > 0.0 { (lead_mass / lead_den).min(1.0) } else { 0.0 };
        x[21] = unshared;
        x[22] = f32::from(self.differ(space, a, b, talign_names::Kind::Place));
        x[23] = f32::from(self.differ(space, a, b, talign_names::Kind::Person));
        let (wa, wb) = (space.weekdays(a), space.weekdays(b));
        x[24] = f32::from(wa != 0 && wb != 0 && wa & wb == 0);
        x
    }

    /// The rarest name of this kind in a document's lead (its who or where), if any.
    fn lead_name(&self, space: &FeatureSpace, d: usize, kind: talign_names::Kind) -> Option<u32> {
        space.docs[d]
            .iter()
            .zip(&space.positions[d])
            .filter(|&(&f, &p)| p < LEAD && space.named(f) == Some(kind) && self.rarity[f as usize] > 0.0)
            .map(|(&f, _)| f)
            .max_by(|&x, &y| self.rarity[x as usize].total_cmp(&self.rarity[y as usize]).then(y.cmp(&x)))
    }

    /// Whether both leads name a place (or a person) of this kind that the other document
    /// never mentions: two meetings of the same people in two cities.
    fn differ(&self, space: &FeatureSpace, a: usize, b: usize, kind: talign_names::Kind) -> bool {
        match (self.lead_name(space, a, kind), self.lead_name(space, b, kind)) {
            (Some(x), Some(y)) => space.docs[b].binary_search(&x).is_err() && space.docs[a].binary_search(&y).is_err(),
            _ => false,
        }
    }

    /// The probability that documents `a` and `b` report the same event.
    pub fn probability(&self, space: &FeatureSpace, a: usize, b: usize, order: f32) -> f32 {
        self.probability_of(&self.inputs(space, a, b, order))
    }

    /// The probability the model gives to the inputs `x` (as [`PairModel::inputs`] gives them).
    pub fn probability_of(&self, x: &[f32; N_INPUTS]) -> f32 {
        let z: f32 = INTERCEPT + x.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The share of scored pairs that report one event in the pages the weights were fitted
/// on: the mean same-event probability over web dev's scored pairs (0.306; 0.331 by its
/// labels).
pub const FITTED_BASE_RATE: f64 = 0.31;

/// How far below [`FITTED_BASE_RATE`] a corpus's estimated base rate must be before the
/// probabilities follow it: 80 % samples of web dev estimate 0.23 to 0.27 (fewer partners
/// leave a document's candidate places to other stories), the whole set 0.30; NTREX's 63
/// stories, most with no second report, 0.06.
pub const BASE_RATE_SLACK: f64 = 2.0;

/// Scored pairs at the fitted base rate an estimate is pooled with, so that a corpus of a
/// few pairs does not decide alone.
pub const BASE_RATE_PRIOR_PAIRS: f64 = 100.0;

/// One in the fixed point [`adapt_to_base_rate_with`] sums probabilities in (2^32: a sum
/// of 4·10^9 pairs fits in 64 bits).
const FIXED_ONE: f64 = 4_294_967_296.0;

/// The same-event probabilities of a corpus's scored pairs, moved to the base rate of that
/// corpus where it is far below the one the weights were fitted on: a day's coverage of
/// many stories with one report each is not the web development set, where most pages
/// have several. The base rate is estimated by the EM procedure of Saerens, Latinne and
/// Decaestecker (2002, "Adjusting the outputs of a classifier to new a priori
/// probabilities"), pooled with [`BASE_RATE_PRIOR_PAIRS`] pairs at the fitted rate; each
/// probability's odds are then scaled by the ratio of the two priors' odds, using twice the
/// estimate ([`BASE_RATE_SLACK`], at most the fitted rate: estimates within a factor of two
/// leave the probabilities as they are). Returns the base rate used.
pub fn adapt_to_base_rate(probabilities: &mut [f32]) -> f64 {
    adapt_to_base_rate_with(probabilities, None)
}

/// [`adapt_to_base_rate`], or with the base rate `given` (that of a corpus these pairs are
/// part of) instead of the one estimated from them. Returns the base rate used.
pub fn adapt_to_base_rate_with(probabilities: &mut [f32], given: Option<f64>) -> f64 {
    let fitted = FITTED_BASE_RATE;
    // Read in place (a copy would be 8 bytes a scored pair, 15 MB at 100,000 documents).
    let p = |x: f32| f64::from(x).clamp(1e-6, 1.0 - 1e-6);
    let adjust = |p: f64, prior: f64| {
        let a = prior / fitted * p;
        let b = (1.0 - prior) / (1.0 - fitted) * (1.0 - p);
        a / (a + b)
    };
    let n = probabilities.len() as f64;
    let mut prior = fitted;
    for _ in 0..if given.is_some() { 0 } else { 200 } {
        // Summed in fixed point (units of 2^-32), exactly, so that the estimate (and where
        // the slow iteration stops) does not depend on the order of the pairs, which follows
        // the order of the documents: summed as floats, two orders of NTREX dev with dates
        // gave base rates 1.4e-5 apart.
        let units: u64 = probabilities.iter().map(|&x| (adjust(p(x), prior) * FIXED_ONE).round() as u64).sum();
        let next = units as f64 / FIXED_ONE / n.max(1.0);
        let done = (next - prior).abs() < 1e-7;
        prior = next;
        if done {
            break;
        }
    }
    let pooled = (prior * n + fitted * BASE_RATE_PRIOR_PAIRS) / (n + BASE_RATE_PRIOR_PAIRS);
    let used = given.unwrap_or((pooled * BASE_RATE_SLACK).min(fitted));
    if used < fitted {
        for x in probabilities.iter_mut() {
            *x = adjust(p(*x), used) as f32;
        }
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::Window;

    #[test]
    fn only_windows_of_days_count_as_agreeing() {
        // A stated day, a publication date's few days, a week: narrow. A month: not.
        assert!(narrow(Window::Days(100, 100)));
        assert!(narrow(Window::Days(97, 100)));
        assert!(narrow(Window::DaysOfYear(10, 17)));
        assert!(!narrow(Window::Days(100, 130)));
        let mut s = FeatureSpace::new();
        for _ in 0..3 {
            s.push_doc(0, [], None, vec![]);
        }
        let scripts = vec![talign_names::Script::Latin; 3];
        let model = PairModel::new(&s);
        let agrees = INPUTS.iter().position(|&i| i == "time_agrees").unwrap();
        let conflicts = INPUTS.iter().position(|&i| i == "time_conflicts").unwrap();
        s.set_context(
            vec![Some(Window::Days(97, 100)), Some(Window::Days(100, 100)), Some(Window::Days(71, 101))],
            scripts,
        );
        let x = |a, b| model.inputs(&s, a, b, 0.0);
        assert_eq!((x(0, 1)[agrees], x(0, 1)[conflicts]), (1.0, 0.0));
        // A month that holds the day neither agrees nor conflicts.
        assert_eq!((x(1, 2)[agrees], x(1, 2)[conflicts]), (0.0, 0.0));
    }

    #[test]
    fn probabilities_follow_a_base_rate_far_below_the_fitted_one() {
        // Web-dev-like: as many likely pairs as fitted on; nothing moves.
        let mut web: Vec<f32> = (0..1000).map(|i| if i % 10 < 3 { 0.95 } else { 0.02 }).collect();
        let before = web.clone();
        assert_eq!(adapt_to_base_rate(&mut web), FITTED_BASE_RATE);
        assert_eq!(web, before);
        // A day's coverage: one pair in twenty likely, the rest unlikely (0.12; NTREX's
        // mean is 0.16). The base rate is far lower (EM: 0.058, pooled 0.070, used twice
        // that), so the unlikely pairs fall further, the likely ones stay likely.
        let mut day: Vec<f32> = (0..2000).map(|i| if i % 20 == 0 { 0.97 } else { 0.12 }).collect();
        let used = adapt_to_base_rate(&mut day);
        assert!((used - 0.1408).abs() < 0.001, "{used}");
        assert!(day[1] < 0.05 && day[0] > 0.9, "{} {}", day[1], day[0]);
        // A handful of pairs says little about the corpus: pooled with the fitted rate.
        let mut few = vec![0.3f32, 0.3, 0.3];
        assert_eq!(adapt_to_base_rate(&mut few), FITTED_BASE_RATE);
        assert_eq!(few, vec![0.3, 0.3, 0.3]);
        assert_eq!(adapt_to_base_rate(&mut []), FITTED_BASE_RATE);
    }

    #[test]
    fn agreeing_is_worth_what_it_is_unlikely_by_chance() {
        // As often as in the pages the weights were fitted on: full worth.
        assert!((chance_worth((FITTED_AGREEMENT, 5000), FITTED_AGREEMENT) - 1.0).abs() < 1e-6);
        // Rarer: never more than full worth.
        assert_eq!(chance_worth((0.001, 5000), FITTED_AGREEMENT), 1.0);
        // Every pair agrees (a day's coverage): nothing.
        assert!(chance_worth((1.0, 100_000), FITTED_AGREEMENT) < 0.01);
        // Half the pairs: ln 2 / ln(1/0.07), about a quarter.
        let half = chance_worth((0.5, 100_000), FITTED_AGREEMENT);
        assert!((half - 0.2606).abs() < 0.01, "{half}");
        // Three pages that agree say little about the corpus: pooled with the fitted rate.
        let few = chance_worth((1.0, 3), FITTED_AGREEMENT);
        assert!(few > 0.8 && few < 1.0, "{few}");
        // No pair measured: full worth.
        assert_eq!(chance_worth((0.0, 0), FITTED_DATE_SHARING), 1.0);
    }

    #[test]
    fn documents_of_one_day_agree_in_time_by_chance() {
        // Forty documents: all on one day, or ten days apart each.
        let model_of = |spread: i64| {
            let mut s = FeatureSpace::new();
            for _ in 0..40 {
                s.push_doc(0, [], None, vec![]);
            }
            // Documents 0 and 1 on one day, the others `spread` days apart from there.
            let windows =
                (0..40).map(|d: i64| Some(Window::Days(spread * (d - 1).max(0), spread * (d - 1).max(0)))).collect();
            s.set_context(windows, vec![talign_names::Script::Latin; 40]);
            let model = PairModel::new(&s);
            let agrees = INPUTS.iter().position(|&i| i == "time_agrees").unwrap();
            model.inputs(&s, 0, 1, 0.0)[agrees]
        };
        // On one day, documents 0 and 1 agreeing says little; spread over 400 days (no
        // other two agree), agreeing says what it said when fitted. A day apart each, a
        // document agrees with its neighbours within the tolerance: in between.
        assert!(model_of(0) < 0.2, "{}", model_of(0));
        assert!(model_of(1) > 0.5 && model_of(1) < 1.0, "{}", model_of(1));
        assert_eq!(model_of(10), 1.0);
    }
}
