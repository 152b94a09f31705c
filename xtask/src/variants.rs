//! Overlap variants of a translated dev set, for `cargo xtask eval events`: every shape in
//! which two reports of one event can share part of their content, built deterministically
//! from the gold sentence pairs so that the gold of each variant is known.
//!
//! Each gold document pair (in the order of its Bengali id) has a position k. Pairs with
//! k % 4 == 2 leave the corpus and lend their sentences as filler; pairs with k % 4 == 3
//! lose the cut side's article (the other one has no partner); the others take the
//! variant's shape. A shape says which gold lines each side keeps and whether the cut
//! side is padded with unrelated filler to its old length; gold keeps the lines both
//! sides kept, and a document pair stays gold when it shares at least one. Every shape
//! exists in both directions: the Bengali side cut, or the Persian side.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::{Context, Result};

use crate::eval::{Article, EvalSet};

/// Which side of each pair a shape cuts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Bn,
    Fa,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Bn => "bn",
            Side::Fa => "fa",
        }
    }
}

/// How the two sides of a pair overlap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// The cut side keeps one contiguous third; the other side whole.
    Third { pad: bool },
    /// The cut side keeps its first two thirds or so, the other side its last: they share
    /// the middle third, and each has content the other lacks at one end.
    Staggered,
    /// Each side loses scattered lines of its own (about 3 in 10), so the shared lines are
    /// interleaved with lines found on one side only, on both sides.
    Interleaved,
    /// The cut side keeps a contiguous share of its lines, padded with unrelated filler to
    /// its old length; the other side whole (so each side has content the other lacks).
    Fraction(f32),
    /// Half of the pairs lose the cut side's article; the rest stay whole translations.
    Unpartnered,
}

impl Shape {
    /// Every shape the evaluation reports, in the table's order.
    pub fn all() -> Vec<Shape> {
        let mut v = vec![Shape::Third { pad: false }, Shape::Third { pad: true }, Shape::Staggered, Shape::Interleaved];
        v.extend([0.1, 0.25, 0.5, 0.75, 1.0].map(Shape::Fraction));
        v.push(Shape::Unpartnered);
        v
    }

    /// A short name, for file names.
    pub fn slug(self, side: Side) -> String {
        let s = match self {
            Shape::Third { pad: false } => "third".to_owned(),
            Shape::Third { pad: true } => "third-padded".to_owned(),
            Shape::Staggered => "staggered".to_owned(),
            Shape::Interleaved => "interleaved".to_owned(),
            Shape::Fraction(f) => format!("fraction{:03.0}", f * 100.0),
            Shape::Unpartnered => "unpartnered".to_owned(),
        };
        format!("v-{s}-{}", side.code())
    }

    /// A label for the table.
    pub fn label(self, side: Side) -> String {
        let (s, o) = (side.code(), if side == Side::Bn { "fa" } else { "bn" });
        match self {
            Shape::Third { pad: false } => format!("contained: {s} ⅓ kept, {o} whole, ¼ unpartnered"),
            Shape::Third { pad: true } => format!("contained: {s} ⅓ kept and padded, {o} whole, ¼ unpartnered"),
            Shape::Staggered => format!("staggered: {s} first ⅔ vs {o} last ⅔, ¼ unpartnered"),
            Shape::Interleaved => format!("interleaved: {s} and {o} each drop ~30% of lines, ¼ unpartnered"),
            Shape::Fraction(f) => {
                format!("overlap {:.0}%: {s} window padded, {o} whole, ¼ unpartnered", f * 100.0)
            }
            Shape::Unpartnered => format!("unpartnered: ½ of {s} articles removed, rest whole"),
        }
    }

    /// Whether a pair of the shape shares only part of its content (the targets of the
    /// issue apply to these).
    pub fn is_partial(self) -> bool {
        !matches!(self, Shape::Unpartnered | Shape::Fraction(1.0))
    }
}

/// A gold document pair with its line pairs (Bengali, Persian), in order.
struct Pair {
    bn: String,
    fa: String,
    lines: Vec<(String, String)>,
}

/// A small stable mix of three numbers, for scattered deletions.
fn mix(a: usize, b: usize, c: usize) -> usize {
    let mut h = (a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (b as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    h ^= (c as u64).wrapping_mul(0x1656_67B1_9E37_79F9);
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 32;
    h as usize
}

/// Builds the variant of the dev set of this shape, cutting `side`. The pair at position k
/// is a donor of filler, unpartnered or padded by `(k + rotate) % 4` (`rotate` 0: the
/// standard assignment; others draw the same shape from other pairs).
pub fn build(
    docs: &[Article],
    gs: &[HashMap<String, String>],
    shape: Shape,
    side: Side,
    rotate: usize,
) -> Result<EvalSet> {
    let mut by_bn: BTreeMap<String, Pair> = BTreeMap::new();
    for r in gs {
        let p = by_bn.entry(r["bn_doc"].clone()).or_insert_with(|| Pair {
            bn: r["bn_doc"].clone(),
            fa: r["fa_doc"].clone(),
            lines: Vec::new(),
        });
        p.lines.push((r["bn"].clone(), r["fa"].clone()));
    }
    let pairs: Vec<Pair> = by_bn.into_values().collect();
    let article =
        |id: &str| docs.iter().find(|d| d.id == id).with_context(|| format!("gold names a missing document {id}"));
    let cut_line = |l: &(String, String), s: Side| if s == Side::Bn { l.0.clone() } else { l.1.clone() };
    let ids = |p: &'_ Pair| -> (String, String) {
        if side == Side::Bn { (p.bn.clone(), p.fa.clone()) } else { (p.fa.clone(), p.bn.clone()) }
    };
    let other = if side == Side::Bn { Side::Fa } else { Side::Bn };

    // Filler: the cut side's lines of the pairs that leave the corpus, in order; each padded
    // article takes the next run of it, so no two padded articles share text.
    let donor = |k: usize| shape != Shape::Unpartnered && (k + rotate) % 4 == 2;
    let pool: Vec<String> = pairs
        .iter()
        .enumerate()
        .filter(|(k, _)| donor(*k))
        .flat_map(|(_, p)| p.lines.iter().map(|l| cut_line(l, side)))
        .collect();
    let padded = |k: usize| matches!(shape, Shape::Third { pad: true } | Shape::Fraction(_)) && (k + rotate) % 4 < 2;
    let recipients = (0..pairs.len()).filter(|&k| padded(k)).count().max(1);
    let quota = pool.len() / recipients;
    let mut next_filler = 0;

    let mut out = EvalSet { docs: Vec::new(), gold_docs: BTreeSet::new(), gold_sents: Vec::new() };
    let rebuilt = |a: &Article, body: &[String]| Article {
        id: a.id.clone(),
        lang: a.lang.clone(),
        title: a.title.clone(),
        text: format!("{}\n\n{}", a.title, body.join(" ")),
    };
    for (k, p) in pairs.iter().enumerate() {
        let (cut_id, other_id) = ids(p);
        let (cut_doc, other_doc) = (article(&cut_id)?, article(&other_id)?);
        let n = p.lines.len();
        if donor(k) {
            continue;
        }
        let unpartnered = if shape == Shape::Unpartnered { (k + rotate) % 2 == 1 } else { (k + rotate) % 4 == 3 };
        if unpartnered {
            out.docs.push(other_doc.clone());
            continue;
        }
        // Lines kept by the cut side and by the other side.
        let all: Vec<usize> = (0..n).collect();
        let window = |t: usize| {
            let t = t.clamp(1, n);
            let start = (k * 5) % (n - t + 1);
            (start..start + t).collect::<Vec<usize>>()
        };
        let (cut_keep, other_keep): (Vec<usize>, Vec<usize>) = match shape {
            Shape::Third { .. } => (window(n / 3), all.clone()),
            Shape::Fraction(f) => (window((f * n as f32).round() as usize), all.clone()),
            Shape::Staggered => {
                let t = (n / 3).max(1);
                let s = (n - t).div_ceil(2);
                ((0..s + t).collect(), (s..n).collect())
            }
            Shape::Interleaved => {
                let drop = |i: usize, salt: usize| mix(k, i, salt) % 10 < 3;
                let (c, o): (Vec<usize>, Vec<usize>) =
                    ((0..n).filter(|&i| !drop(i, 1)).collect(), (0..n).filter(|&i| !drop(i, 2)).collect());
                if c.iter().any(|i| o.contains(i)) { (c, o) } else { (all.clone(), o) }
            }
            Shape::Unpartnered => (all.clone(), all.clone()),
        };
        let mut cut_body: Vec<String> = cut_keep.iter().map(|&i| cut_line(&p.lines[i], side)).collect();
        if padded(k) {
            let want = (n - cut_keep.len()).min(quota).min(pool.len() - next_filler);
            let filler = &pool[next_filler..next_filler + want];
            next_filler += want;
            let mut body: Vec<String> = filler[..want / 2].to_vec();
            body.append(&mut cut_body);
            body.extend(filler[want / 2..].iter().cloned());
            cut_body = body;
        }
        let cut_art =
            if cut_body.len() == n && cut_keep.len() == n { cut_doc.clone() } else { rebuilt(cut_doc, &cut_body) };
        let other_art = if other_keep.len() == n {
            other_doc.clone()
        } else {
            rebuilt(other_doc, &other_keep.iter().map(|&i| cut_line(&p.lines[i], other)).collect::<Vec<_>>())
        };
        out.docs.push(cut_art);
        out.docs.push(other_art);
        let shared: Vec<usize> = cut_keep.iter().copied().filter(|i| other_keep.contains(i)).collect();
        if !shared.is_empty() {
            out.gold_docs.insert(if p.bn < p.fa { (p.bn.clone(), p.fa.clone()) } else { (p.fa.clone(), p.bn.clone()) });
        }
        out.gold_sents.extend(shared.iter().map(|&i| p.lines[i].clone()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight gold pairs of six lines each, the articles and gold rows `build` reads.
    fn dev() -> (Vec<Article>, Vec<HashMap<String, String>>) {
        let mut docs = Vec::new();
        let mut gs = Vec::new();
        for k in 0..8 {
            let (bn, fa) = (format!("bn{k}"), format!("fa{k}"));
            let lines: Vec<(String, String)> = (0..6).map(|i| (format!("b{k}.{i}"), format!("f{k}.{i}"))).collect();
            for (id, lang, side) in [(&bn, "bn", 0), (&fa, "fa", 1)] {
                let body: Vec<&str> =
                    lines.iter().map(|l| if side == 0 { l.0.as_str() } else { l.1.as_str() }).collect();
                docs.push(Article { id: id.clone(), lang: lang.into(), title: id.clone(), text: body.join(" ") });
            }
            for (b, f) in &lines {
                let row = [("bn_doc", &bn), ("fa_doc", &fa), ("bn", b), ("fa", f)];
                gs.push(row.iter().map(|(k, v)| ((*k).to_owned(), (*v).clone())).collect());
            }
        }
        (docs, gs)
    }

    #[test]
    fn a_rotation_draws_the_same_shape_from_other_pairs() {
        let (docs, gs) = dev();
        let ids = |set: &EvalSet| -> BTreeSet<String> { set.docs.iter().map(|d| d.id.clone()).collect() };
        let standard = build(&docs, &gs, Shape::Staggered, Side::Bn, 0).unwrap();
        let rotated = build(&docs, &gs, Shape::Staggered, Side::Bn, 1).unwrap();
        // As many partnered pairs and gold lines in both draws (of eight pairs, two donate
        // filler and two lose their partner), but not the same pairs.
        assert_eq!(standard.gold_docs.len(), 4);
        assert_eq!(rotated.gold_docs.len(), standard.gold_docs.len());
        assert_eq!(rotated.gold_sents.len(), standard.gold_sents.len());
        assert_ne!(rotated.gold_docs, standard.gold_docs);
        assert_eq!(ids(&rotated).len(), ids(&standard).len());
        assert_ne!(ids(&rotated), ids(&standard));
        // A rotation by four is the standard draw again.
        assert_eq!(build(&docs, &gs, Shape::Staggered, Side::Bn, 4).unwrap().gold_docs, standard.gold_docs);
    }
}
