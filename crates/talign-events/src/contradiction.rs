//! A second look at merges that one document's date forbade.
//!
//! Average linkage merges greedily, and a group of undated reports takes the window of the
//! first dated document that joins it. When that document is an intruder (a page about
//! the same people a year earlier, correctly dated, drawn in by the names it shares), the
//! group can no longer join the dated reports of its own event: one document vetoes the
//! merge of two groups that belong together.
//!
//! [`intruders`] looks, after a clustering, at every pair of groups whose windows disagree.
//! When exactly one dated document stands in the way (without it, every pair of windows
//! across both groups agrees), and without it the two groups are ones average linkage
//! merges (the average score between the rest of its group and the other, and their
//! strongest pair, above their thresholds), it is taken for an intruder: its scored pairs
//! with both groups are dropped and the documents are grouped again, once (more rounds,
//! which an earlier version ran, changed nothing on the web development set, NTREX or
//! 10,000 generated documents, and cost a whole grouping each on 100,000). Two dated
//! documents that agree with each other and not with the other group are an event of
//! their own, and keep it apart.
//!
//! **Invariant:** the result does not depend on the order of the documents or on their ids:
//! every group pair is judged on the first clustering, and the drops are a set.

use crate::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::cluster::{Across, ClusterOptions, Span, Window, consistent_without_each};

/// The scored pairs to drop: each intruder's pairs with the two groups it kept apart.
/// `edges` as for [`crate::cluster::average_linkage`], `groups[d]` document `d`'s group in
/// a first clustering of them.
pub fn intruders(
    edges: &[(u32, u32, f32)],
    windows: &[Option<Window>],
    groups: &[usize],
    opts: &ClusterOptions,
) -> HashSet<(u32, u32)> {
    let mut members: HashMap<usize, Vec<u32>> = HashMap::new();
    // Each group's windows folded into one span: whether two groups' windows all agree
    // is then read from their two spans, without going through their members.
    let mut spans: HashMap<usize, Span> = HashMap::new();
    for (d, &g) in groups.iter().enumerate() {
        members.entry(g).or_default().push(d as u32);
        let span = spans.entry(g).or_insert(Span::of(None));
        *span = span.merge(Span::of(windows[d]));
    }
    // Each document's scored partners, and the pairs of groups joined by some score.
    let mut partners: Vec<Vec<(u32, f32)>> = vec![Vec::new(); groups.len()];
    // (Each pair of groups is judged on the first clustering alone, into a set: the order
    // they are looked at in changes nothing.)
    let mut between: HashMap<(usize, usize), Across> = HashMap::new();
    for &(a, b, s) in edges {
        if !opts.counts(a, b, s) {
            continue;
        }
        partners[a as usize].push((b, s));
        partners[b as usize].push((a, s));
        let (ga, gb) = (groups[a as usize], groups[b as usize]);
        if ga != gb {
            between.entry((ga.min(gb), ga.max(gb))).or_default().add(s, opts);
        }
    }
    let mut drop = HashSet::new();
    for (&(ga, gb), across) in &between {
        if !across.may_merge(opts) {
            continue;
        }
        if spans[&ga].merge(spans[&gb]).consistent(opts.tolerance) {
            continue;
        }
        let (a, b) = (&members[&ga], &members[&gb]);
        let dated: Vec<(u32, Window)> =
            a.iter().chain(b).filter_map(|&d| windows[d as usize].map(|w| (d, w))).collect();
        let dated_windows: Vec<Window> = dated.iter().map(|x| x.1).collect();
        // The documents without whose window the others agree.
        let culprits: Vec<u32> = dated
            .iter()
            .zip(consistent_without_each(&dated_windows, opts.tolerance))
            .filter(|(_, agree)| *agree)
            .map(|(x, _)| x.0)
            .collect();
        let [x] = culprits[..] else { continue };
        // Without the intruder, the two groups must be ones average linkage merges.
        let (own, other) = if groups[x as usize] == ga { (a, gb) } else { (b, ga) };
        let rest = own.len() - 1;
        let mut without = Across::default();
        for &d in own.iter().filter(|&&d| d != x) {
            for &(o, s) in &partners[d as usize] {
                if groups[o as usize] == other {
                    without.add(s, opts);
                }
            }
        }
        let others = members[&other].len();
        if rest == 0 || !without.may_merge(opts) || without.sum / ((rest * others) as f32) < opts.threshold {
            continue;
        }
        for &o in a.iter().chain(b) {
            if o != x {
                drop.insert((x.min(o), x.max(o)));
            }
        }
    }
    drop
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::average_linkage;

    fn opts() -> ClusterOptions {
        ClusterOptions::default()
    }

    #[test]
    fn a_dated_intruder_no_longer_keeps_an_event_apart() {
        // 0, 1, 2: undated reports of one event; 3, 4: dated reports of it (day 100);
        // 5: a page about the same people a year earlier (day 465 before), drawn to 0 by
        // shared names.
        let w = [
            None,
            None,
            None,
            Some(Window::Days(100, 100)),
            Some(Window::Days(100, 100)),
            Some(Window::Days(-365, -365)),
        ];
        let keys: Vec<u64> = (0..6).map(|k| k * 7919 % 1000).collect();
        let e = vec![
            (0, 1, 0.8),
            (1, 2, 0.8),
            (0, 2, 0.8),
            (0, 5, 0.95),
            (1, 5, 0.2),
            (3, 4, 0.9),
            (0, 3, 0.75),
            (1, 3, 0.6),
            (2, 4, 0.6),
            (1, 4, 0.5),
        ];
        let first = average_linkage(&e, &w, &keys, &opts());
        assert_ne!(first[0], first[3], "the intruder joined first and keeps the event apart");
        let drop = intruders(&e, &w, &first, &opts());
        assert!(drop.contains(&(0, 5)) && drop.contains(&(3, 5)), "{drop:?}");
        let kept: Vec<(u32, u32, f32)> =
            e.iter().copied().filter(|&(a, b, _)| !drop.contains(&(a.min(b), a.max(b)))).collect();
        let second = average_linkage(&kept, &w, &keys, &opts());
        assert!((1..5).all(|d| second[d] == second[0]), "{second:?}");
        assert_ne!(second[5], second[0]);
    }

    #[test]
    fn two_dated_documents_that_agree_keep_their_event_apart() {
        // 0, 1, 2, 5, 6: one event (5 and 6 dated alike); 3, 4: another, a year later, similar
        // enough to merge were it not for the dates.
        let w = [
            None,
            None,
            None,
            Some(Window::Days(400, 400)),
            Some(Window::Days(400, 400)),
            Some(Window::Days(30, 30)),
            Some(Window::Days(31, 31)),
        ];
        let keys: Vec<u64> = (0..7).map(|k| k * 7919 % 1000).collect();
        let e = vec![
            (0, 1, 0.9),
            (1, 2, 0.9),
            (0, 2, 0.9),
            (0, 5, 0.9),
            (1, 6, 0.9),
            (5, 6, 0.9),
            (3, 4, 0.9),
            (0, 3, 0.75),
            (1, 4, 0.5),
        ];
        let first = average_linkage(&e, &w, &keys, &opts());
        assert_ne!(first[0], first[3]);
        assert!(intruders(&e, &w, &first, &opts()).is_empty());
    }
}
