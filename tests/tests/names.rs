//! Snapshots of what `talign names normalize` prints (script, cleaned form, romanization,
//! key) for the seed names and a sample of the development names, so that any change in
//! keys shows up in review.

use talign_names::{Lexicon, Name};
use talign_tests::root;

fn table(names: impl Iterator<Item = String>) -> String {
    let lex = Lexicon::builtin();
    let mut out = String::from("input | script | normalized | latin | key\n");
    for n in names {
        let p = Name::with_lexicon(&n, lex);
        out.push_str(&format!("{n} | {} | {} | {} | {}\n", p.script().code(), p.clean(), p.romanize(), p.key()));
    }
    out
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(root().join("tests/tests/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn seed_names() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/names/seed-names.txt")).unwrap();
    let t = table(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned));
    settings().bind(|| insta::assert_snapshot!("names__seed_names", t));
}

#[test]
fn places_sample() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/names/places-sample.tsv")).unwrap();
    let names = text.lines().skip(1).flat_map(|l| l.split('\t').skip(2).map(str::to_owned).collect::<Vec<_>>());
    let t = table(names);
    settings().bind(|| insta::assert_snapshot!("names__places_sample", t));
}
