//! Average linkage over a scored-pair graph shaped like a large corpus's (divan).
//!
//! Run with `cargo bench -p talign-events --bench grouping`. The grouping of the largest
//! part of the strong-pair graph runs on one core, four times in a run of `events align`
//! (two groupings, each with its intruder round), so its time adds to the wall time
//! whatever the number of cores. On the generated 100,000 documents that part holds 98 %
//! of the documents and 1.8 M pairs; the graph here is synthetic and the same on every
//! run: events of 1–8 documents whose pairs score high, and every document's other
//! candidates (from events that share its names) scoring low, a few of them strongly
//! enough to chain the events into one part.

use divan::{Bencher, black_box, counter::ItemsCount};
use talign_events::cluster::{ClusterOptions, Grouping, Window};
use talign_names::synth::Rng;

fn main() {
    divan::main();
}

/// A score in [0, 1) in steps of 1/10,000.
fn unit(rng: &mut Rng) -> f32 {
    rng.below(10_000) as f32 / 10_000.0
}

/// A graph to group: scored pairs, each document's window and its content key.
struct Graph {
    edges: Vec<(u32, u32, f32)>,
    windows: Vec<Option<Window>>,
    keys: Vec<u64>,
}

/// `n` documents: their scored pairs (about 18 a document), windows (a third dated, on
/// their event's day give or take one) and content keys.
fn graph(n: usize) -> Graph {
    let mut rng = Rng::new(20261206);
    let mut event = Vec::with_capacity(n);
    let mut members: Vec<Vec<u32>> = Vec::new();
    while event.len() < n {
        let size = (1 + rng.below(8)).min(n - event.len());
        let e = members.len();
        members.push((event.len() as u32..(event.len() + size) as u32).collect());
        event.extend(std::iter::repeat_n(e, size));
    }
    let day: Vec<i64> = (0..members.len()).map(|_| 19_000 + rng.below(700) as i64).collect();
    let windows = (0..n)
        .map(|d| {
            (rng.below(3) == 0).then(|| {
                let x = day[event[d]] + rng.below(3) as i64 - 1;
                Window::Days(x, x)
            })
        })
        .collect();
    let keys = (0..n).map(|_| (rng.below(1 << 31) as u64) << 31 | rng.below(1 << 31) as u64).collect();
    let mut edges = Vec::with_capacity(n * 18);
    for m in &members {
        for (i, &a) in m.iter().enumerate() {
            for &b in &m[i + 1..] {
                edges.push((a, b, 0.3 + 0.65 * unit(&mut rng)));
            }
        }
    }
    for a in 0..n as u32 {
        for _ in 0..15 {
            let b = rng.below(n) as u32;
            if event[b as usize] == event[a as usize] {
                continue;
            }
            // Most cross-event candidates score low; one in fifty strongly.
            let s = if rng.below(50) == 0 { 0.7 + 0.2 * unit(&mut rng) } else { 0.2 * unit(&mut rng) };
            edges.push((a.min(b), a.max(b), s));
        }
    }
    // Each pair once, as the aligner scores it.
    edges.sort_by_key(|&(a, b, _)| (a, b));
    edges.dedup_by_key(|&mut (a, b, _)| (a, b));
    Graph { edges, windows, keys }
}

/// `Grouping::new` over the synthetic graph of `n` documents.
#[divan::bench(args = [10_000, 50_000], sample_count = 10)]
fn average_linkage(b: Bencher, n: usize) {
    let Graph { edges, windows, keys } = graph(n);
    // The options `events cluster` runs with.
    let opts = ClusterOptions::default();
    b.counter(ItemsCount::new(edges.len())).bench(|| {
        let g = Grouping::new(black_box(&edges), &windows, &keys, &opts);
        black_box(g.numbered())
    });
}
