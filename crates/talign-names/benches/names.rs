//! Throughput of name cleaning, preparation and many-to-many pairing (divan).
//!
//! Run with `cargo bench -p talign-names`. Inputs are synthetic names in three scripts
//! (`talign_names::synth`), the same on every run.

use divan::{Bencher, black_box, counter::ItemsCount};
use talign_names::{Lexicon, Name, NameIndex, Script, normalize_into, synth};

fn main() {
    divan::main();
}

fn mixed(n: usize) -> Vec<String> {
    let scripts = [Script::Bengali, Script::Arabic, Script::Latin];
    synth::names(n, 42).iter().enumerate().map(|(i, s)| s.in_script(scripts[i % 3]).to_owned()).collect()
}

/// `normalize` over 10,000 names in three scripts, one thread.
#[divan::bench]
fn normalize_10k(b: Bencher) {
    let names = mixed(10_000);
    b.counter(ItemsCount::new(names.len())).bench(|| {
        let mut out = String::new();
        for n in &names {
            normalize_into(black_box(n), &mut out);
            black_box(&out);
        }
    });
}

/// Full preparation (cleaning, phonemes, lexicon lookup, key) over 10,000 names, one thread.
#[divan::bench]
fn prepare_10k(b: Bencher) {
    let names = mixed(10_000);
    let lex = Lexicon::builtin();
    b.counter(ItemsCount::new(names.len()))
        .bench(|| names.iter().map(|n| Name::with_lexicon(black_box(n), lex).key().len()).sum::<usize>());
}

/// Bengali names paired against 10,000 Latin names: index, prepare and query (all threads).
#[divan::bench(sample_count = 10)]
fn pair_bn_to_latin_10k_x_10k(b: Bencher) {
    let ents = synth::names(10_000, 42);
    let left: Vec<&str> = ents.iter().map(|e| e.bengali.as_str()).collect();
    let right: Vec<&str> = ents.iter().rev().map(|e| e.latin.as_str()).collect();
    let lex = Lexicon::builtin();
    b.counter(ItemsCount::new(left.len())).bench(|| {
        let index = NameIndex::new(&right, lex);
        let queries: Vec<Name> = left.iter().map(|s| Name::with_lexicon(s, lex)).collect();
        black_box(index.query_all(&queries, 1))
    });
}
