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
//! order in which they mention their rarest shared features, and whether they are in one
//! language or one script (documents of one language share more by chance).
//!
//! The weights were fitted once, by logistic regression, on the scored pairs of the
//! real-web development set (`corpora/web-dev/`; `cargo xtask eval web --fit` prints them),
//! and are constants here: nothing is learnt at run time, and nothing from gold files.

use crate::align::{FeatureKind, FeatureSpace};

/// The names of the model's inputs, in order.
pub const INPUTS: [&str; 20] = [
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
];

/// Fitted weights of [`INPUTS`], and the intercept.
const WEIGHTS: [f32; 20] = [4.521, 0.307, 0.908, 1.067, 1.798, -1.176, -0.617, 3.049, 0.856, 1.255, 0.791, 1.249, 1.817, -0.840, 1.129, 1.207, 3.281, -1.520, -0.206, -0.324];
const INTERCEPT: f32 = -3.890;

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
}

impl PairModel {
    /// The model's per-feature and per-document weights for `space`.
    pub fn new(space: &FeatureSpace) -> PairModel {
        let n = space.docs.len();
        let mut df = vec![0u32; space.feature_count()];
        for d in &space.docs {
            for &f in d {
                df[f as usize] += 1;
            }
        }
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
        PairModel { rarity, norms }
    }

    /// The model's inputs for documents `a` and `b`; `order` is Kendall's tau of their
    /// rarest shared features as a z score (0 when unknown).
    pub fn inputs(&self, space: &FeatureSpace, a: usize, b: usize, order: f32) -> [f32; 20] {
        let (fa, fb) = (&space.docs[a], &space.docs[b]);
        let mut mass = [0f32; 5];
        let mut max = [0f32; 5];
        let (mut i, mut j) = (0, 0);
        while i < fa.len() && j < fb.len() {
            match fa[i].cmp(&fb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let f = fa[i];
                    let k = space.feature(f).kind as usize;
                    let r = self.rarity[f as usize];
                    mass[k] += r * r;
                    max[k] = max[k].max(r);
                    i += 1;
                    j += 1;
                }
            }
        }
        let mut x = [0f32; 20];
        for k in FeatureKind::ALL {
            let k = k as usize;
            let den = (self.norms[a][k] * self.norms[b][k]).sqrt();
            x[3 * k] = if den > 0.0 { (mass[k] / den).min(1.0) } else { 0.0 };
            x[3 * k + 1] = (1.0 + mass[k]).ln();
            x[3 * k + 2] = max[k];
        }
        x[15] = order.clamp(-3.0, 4.0) / 4.0;
        if let (Some(wa), Some(wb)) = (space.window(a), space.window(b)) {
            if crate::cluster::windows_agree(wa, wb, crate::cluster::ClusterOptions::default().tolerance) {
                x[16] = 1.0;
            } else {
                x[17] = 1.0;
            }
        }
        x[18] = f32::from(space.groups[a] == space.groups[b]);
        x[19] = f32::from(space.script(a) == space.script(b));
        x
    }

    /// The probability that documents `a` and `b` report the same event.
    pub fn probability(&self, space: &FeatureSpace, a: usize, b: usize, order: f32) -> f32 {
        let x = self.inputs(space, a, b, order);
        let z: f32 = INTERCEPT + x.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}
