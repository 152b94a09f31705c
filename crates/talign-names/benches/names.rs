//! Throughput of name cleaning, preparation and many-to-many pairing.
//!
//! Run with `cargo bench -p talign-names`. Inputs are synthetic names in three scripts
//! (`talign_names::synth`), the same on every run.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use talign_names::{Lexicon, Name, NameIndex, Script, normalize, synth};

fn mixed(n: usize) -> Vec<String> {
    let scripts = [Script::Bengali, Script::Arabic, Script::Latin];
    synth::names(n, 42).iter().enumerate().map(|(i, s)| s.in_script(scripts[i % 3]).to_owned()).collect()
}

fn bench_normalize(c: &mut Criterion) {
    let names = mixed(10_000);
    let mut g = c.benchmark_group("names");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("normalize_10k", |b| {
        b.iter(|| {
            let mut out = String::new();
            for n in &names {
                talign_names::normalize_into(black_box(n), &mut out);
                black_box(&out);
            }
        })
    });
    g.bench_function("normalize_alloc_10k", |b| {
        b.iter(|| names.iter().map(|n| normalize(black_box(n)).len()).sum::<usize>())
    });
    g.bench_function("prepare_10k", |b| {
        let lex = Lexicon::builtin();
        b.iter(|| names.iter().map(|n| Name::with_lexicon(black_box(n), lex).key().len()).sum::<usize>())
    });
    g.finish();
}

fn bench_pair(c: &mut Criterion) {
    let ents = synth::names(10_000, 42);
    let left: Vec<&str> = ents.iter().map(|e| e.bengali.as_str()).collect();
    let mut right: Vec<&str> = ents.iter().map(|e| e.latin.as_str()).collect();
    right.reverse();
    let lex = Lexicon::builtin();
    let mut g = c.benchmark_group("pair");
    g.sample_size(10);
    g.throughput(Throughput::Elements(left.len() as u64));
    g.bench_function("bn_to_latin_10k_x_10k", |b| {
        b.iter(|| {
            let index = NameIndex::new(&right, lex);
            let queries: Vec<Name> = left.iter().map(|s| Name::with_lexicon(s, lex)).collect();
            black_box(index.query_all(&queries, 1))
        })
    });
    g.finish();
}

criterion_group!(benches, bench_normalize, bench_pair);
criterion_main!(benches);
