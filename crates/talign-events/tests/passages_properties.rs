//! Properties of the passage aligner over arbitrary units: it never panics, its beads are
//! in order, inside both documents and disjoint, and the same input gives the same beads.

use proptest::prelude::*;
use talign_events::passages::{PairModel, PassageOptions, Unit, align_passages, align_passages_with};

/// A document: units with lengths, a few anchors from a small alphabet (so that the two
/// documents share some), and now and then a unit that continues its sentence.
fn doc() -> impl Strategy<Value = Vec<Unit>> {
    prop::collection::vec((0u32..200, prop::collection::vec(0u32..12, 0..3), any::<bool>(), 0.0f32..3.0), 0..40)
        .prop_map(|raw| {
            raw.into_iter()
                .enumerate()
                .map(|(i, (len, anchors, part, cut))| {
                    let mut anchors: Vec<(u32, f32)> = anchors.into_iter().map(|a| (a, 1.0)).collect();
                    anchors.sort_by_key(|x| x.0);
                    anchors.dedup_by_key(|x| x.0);
                    let mut u = Unit::sentence(i * 10, i * 10 + 9, len as f32, anchors);
                    if part && i > 0 {
                        u.starts_sentence = false;
                        u.cut = cut;
                        u.share = 0.5;
                    }
                    u
                })
                .collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn beads_are_ordered_disjoint_and_inside(a in doc(), b in doc()) {
        let opts = PassageOptions::default();
        let (beads, parallel) = align_passages_with(&a, &b, PairModel::default(), &opts);
        if parallel {
            for w in beads.windows(2) {
                prop_assert!(w[0].left.1 <= w[1].left.0 && w[0].right.1 <= w[1].right.0, "{:?}", w);
            }
        }
        for x in &beads {
            prop_assert!(x.left.0 < x.left.1 && x.left.1 <= a.len(), "{x:?}");
            prop_assert!(x.right.0 < x.right.1 && x.right.1 <= b.len(), "{x:?}");
            prop_assert!((0.0..=1.0).contains(&x.score), "{x:?}");
        }
        // Monotonic beads follow each other; beads of independent reports are sorted and
        // may share a sentence, but never repeat a pair.
        let mut pairs: Vec<_> = beads.iter().map(|x| (x.left, x.right)).collect();
        let n = pairs.len();
        pairs.dedup();
        prop_assert_eq!(pairs.len(), n);
        prop_assert_eq!(align_passages(&a, &b, &opts), beads);
    }
}
