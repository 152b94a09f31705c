//! Diagnostic: every pair's score on a labelled corpus (not part of the library).
use std::collections::HashMap;
use talign_corpus::Corpus;
use talign_events::Analysis;
use talign_events::align::{AlignOptions, Weights};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let corpus = Corpus::load(&[std::path::PathBuf::from(&args[1])]).unwrap();
    let gold: HashMap<String, (String, String, String)> = std::fs::read_to_string(&args[2])
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let v: Vec<&str> = l.split(',').collect();
            (v[0].to_owned(), (v[1].to_owned(), v[2].to_owned(), v[3].to_owned()))
        })
        .collect();
    let a = Analysis::new(&corpus);
    let docs = corpus.docs();
    if args.get(3).map(String::as_str) == Some("when") {
        for (d, doc) in docs.iter().enumerate() {
            let g = &gold[&doc.id];
            println!("{}\t{}\t{}\t{}\t{:?}", doc.id, g.0, g.1, g.2, a.whens[d]);
        }
        return;
    }
    let same: HashMap<(u32, u32), f32> = a.pairs.iter().map(|p| ((p.left, p.right), p.same_event)).collect();
    let w = Weights::new(&a.space);
    let opts = AlignOptions::default();
    for x in 0..docs.len() {
        for y in x + 1..docs.len() {
            let (s, ev) = w.explain(&a.space, &opts, x, y, &|f| a.feature_name(f));
            if ev == "nothing shared" {
                continue;
            }
            let (gx, gy) = (&gold[&docs[x].id], &gold[&docs[y].id]);
            println!(
                "{}\t{:.3}\t{}\t{}\t{}\t{}\t{}\t{}\t{:?}\t{:?}\t{}\t{}\t{:?}",
                if gx.0 == gy.0 { "SAME" } else { "diff" },
                s,
                gx.0,
                gy.0,
                gx.2,
                gy.2,
                ev,
                if a.events[x] == a.events[y] { "together" } else { "apart" },
                a.whens[x].map(|w| w.window),
                a.whens[y].map(|w| w.window),
                docs[x].id,
                docs[y].id,
                same.get(&(x as u32, y as u32))
            );
        }
    }
}
