//! Passage alignment inside two documents that report the same event: a monotonic
//! alignment in the spirit of Gale–Church and hunalign.
//!
//! Beads join one or two sentences on each side (1–1, 1–2, 2–1, 2–2, 1–3, 3–1) or skip
//! a sentence on either side (1–0, 0–1), so that reports sharing only part of their
//! content leave the rest unmatched. A bead's cost adds:
//! - the Gale–Church length cost, with the length ratio estimated from the two documents;
//! - the prior cost of its shape;
//! - a reward for each anchor both sides share (entity, number, date, event concept,
//!   weighted by rarity) and a charge for each anchor found on one side only.
//!
//! Skips have a fixed cost, so a pair of sentences is aligned only when aligning them is
//! cheaper than leaving both out.

use serde::Serialize;

/// One sentence as the aligner sees it.
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
    /// Beads scoring below this are not reported.
    pub min_score: f32,
}

impl Default for PassageOptions {
    fn default() -> PassageOptions {
        PassageOptions { skip: 2.2, anchor_reward: 1.6, anchor_miss: 0.5, min_score: 0.2 }
    }
}

/// Shapes: (left sentences, right sentences, prior cost = -ln P), after Gale & Church (1993).
const SHAPES: &[(usize, usize, f32)] = &[(1, 1, 0.0), (1, 2, 2.0), (2, 1, 2.0), (2, 2, 3.5), (1, 3, 4.0), (3, 1, 4.0)];

/// Variance of the length difference per character (Gale & Church's s²).
const S2: f32 = 6.8;

/// -ln of the two-sided tail probability of a standard normal at `d` (the length cost).
fn length_cost(la: f32, lb: f32, ratio: f32) -> f32 {
    if la + lb <= 0.0 {
        return 0.0;
    }
    let mean = (la + lb / ratio) / 2.0;
    let delta = (lb - la * ratio) / (S2 * mean.max(1.0)).sqrt();
    let p = erfc(delta.abs() / std::f32::consts::SQRT_2).max(1e-12);
    -p.ln()
}

/// Complementary error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7).
fn erfc(x: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y = t * (0.254_829_6 + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152_1 + t * 1.061_405_4))));
    y * (-x * x).exp()
}

fn anchor_balance(a: &[Unit], b: &[Unit]) -> (f32, f32) {
    let mut xa: Vec<(u32, f32)> = a.iter().flat_map(|u| u.anchors.iter().copied()).collect();
    let mut xb: Vec<(u32, f32)> = b.iter().flat_map(|u| u.anchors.iter().copied()).collect();
    xa.sort_by_key(|x| x.0);
    xa.dedup_by_key(|x| x.0);
    xb.sort_by_key(|x| x.0);
    xb.dedup_by_key(|x| x.0);
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

/// Aligns two documents' sentences; returns the aligned beads in order.
pub fn align_passages(a: &[Unit], b: &[Unit], opts: &PassageOptions) -> Vec<Bead> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let total_a: f32 = a.iter().map(|u| u.len).sum();
    let total_b: f32 = b.iter().map(|u| u.len).sum();
    let ratio = if total_a > 0.0 && total_b > 0.0 { (total_b / total_a).clamp(0.3, 3.0) } else { 1.0 };
    let bead_cost = |i: usize, j: usize, k: usize, l: usize, prior: f32| -> f32 {
        let sa = &a[i - k..i];
        let sb = &b[j - l..j];
        let la: f32 = sa.iter().map(|u| u.len).sum();
        let lb: f32 = sb.iter().map(|u| u.len).sum();
        let (shared, missed) = anchor_balance(sa, sb);
        length_cost(la, lb, ratio) + prior - opts.anchor_reward * shared + opts.anchor_miss * missed
    };
    let w = m + 1;
    let mut cost = vec![f32::INFINITY; (n + 1) * w];
    let mut back = vec![(0u8, 0u8); (n + 1) * w];
    cost[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f32::INFINITY;
            let mut from = (0u8, 0u8);
            if i > 0 {
                let c = cost[(i - 1) * w + j] + opts.skip;
                if c < best {
                    best = c;
                    from = (1, 0);
                }
            }
            if j > 0 {
                let c = cost[i * w + j - 1] + opts.skip;
                if c < best {
                    best = c;
                    from = (0, 1);
                }
            }
            for &(k, l, prior) in SHAPES {
                if i >= k && j >= l {
                    let prev = cost[(i - k) * w + j - l];
                    if prev.is_finite() {
                        let c = prev + bead_cost(i, j, k, l, prior);
                        if c < best {
                            best = c;
                            from = (k as u8, l as u8);
                        }
                    }
                }
            }
            cost[i * w + j] = best;
            back[i * w + j] = from;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (k, l) = back[i * w + j];
        let (k, l) = (k as usize, l as usize);
        if k > 0 && l > 0 {
            let prior = SHAPES.iter().find(|s| s.0 == k && s.1 == l).map_or(0.0, |s| s.2);
            let c = bead_cost(i, j, k, l, prior);
            // Confidence: how much cheaper the bead is than leaving its sentences out.
            let alternative = opts.skip * (k + l) as f32;
            let score = ((alternative - c) / alternative).clamp(0.0, 1.0);
            if score >= opts.min_score {
                beads.push(Bead { left: (i - k, i), right: (j - l, j), score });
            }
        }
        if k == 0 && l == 0 {
            break;
        }
        i -= k;
        j -= l;
    }
    beads.reverse();
    beads
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(len: f32, anchors: &[u32]) -> Unit {
        Unit { start: 0, end: 0, len, anchors: anchors.iter().map(|&x| (x, 1.0)).collect() }
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
        let beads = align_passages(&a, &b, &PassageOptions::default());
        assert!(beads.iter().any(|x| x.left == (1, 2) && x.right == (1, 3)), "{beads:?}");
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
