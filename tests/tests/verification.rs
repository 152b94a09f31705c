//! Verified links on a corpus that teaches a translation table: a report that translates a
//! few sentences of another, padded with text of its own, is linked from two passages
//! aligned as a translation (not five, as where no table reads the wording).

use std::collections::BTreeMap;

use talign_corpus::{Corpus, Document};
use talign_events::align::Link;
use talign_events::analysis::{VERIFY_PASSAGES, VERIFY_PASSAGES_TAUGHT};
use talign_events::passages::{PassageOptions, Regime};
use talign_events::{Analysis, Options};
use talign_tests::root;

/// A gold document pair's Persian id and its (Bengali, Persian) lines, by Bengali id.
type GoldPairs = BTreeMap<String, (String, Vec<(String, String)>)>;

/// NTREX dev's articles by id, and its gold line pairs by Bengali document.
fn ntrex() -> (BTreeMap<String, Document>, GoldPairs) {
    let dir = root().join("corpora/ntrex-dev");
    let corpus = Corpus::load(&[dir.join("articles.jsonl")]).expect("NTREX dev loads");
    let docs = corpus.docs().iter().map(|d| (d.id.clone(), d.clone())).collect();
    let mut pairs = GoldPairs::new();
    let mut gold = csv::Reader::from_path(dir.join("gold_sentences.csv")).expect("gold lines");
    for row in gold.records() {
        let row = row.expect("a gold row");
        let e = pairs.entry(row[0].to_owned()).or_insert_with(|| (row[1].to_owned(), Vec::new()));
        e.1.push((row[2].to_owned(), row[3].to_owned()));
    }
    (docs, pairs)
}

/// The corpus without the pair of `donor` (its Persian lines pad the cut article), with the
/// Persian article of `cut` reduced to its title and `keep` of its lines, between filler.
fn cut_corpus(cut: usize, donor: usize, keep: std::ops::Range<usize>) -> (Corpus, String, String) {
    let (docs, pairs) = ntrex();
    let (bn, (fa, lines)) = pairs.iter().nth(cut).expect("the cut pair");
    let (dbn, (dfa, filler)) = pairs.iter().nth(donor).expect("the donor pair");
    let filler: Vec<&str> = filler.iter().map(|l| l.1.as_str()).collect();
    let kept: Vec<&str> = lines[keep].iter().map(|l| l.1.as_str()).collect();
    let half = filler.len() / 2;
    let body = [&filler[..half], &kept[..], &filler[half..]].concat().join(" ");
    let mut out = Vec::new();
    for (id, d) in &docs {
        if id == dbn || id == dfa {
            continue;
        }
        let mut d = d.clone();
        if id == fa {
            d.text = format!("{}\n\n{body}", d.title.as_deref().unwrap_or_default());
        }
        out.push(d);
    }
    (Corpus::from_docs(out).expect("a corpus"), bn.clone(), fa.clone())
}

/// The link between the documents with ids `x` and `y`, if the analysis made one.
fn link_between<'a>(corpus: &Corpus, a: &'a Analysis, x: &str, y: &str) -> Option<&'a Link> {
    let id = |l: usize| corpus.docs()[l].id.as_str();
    a.links.iter().find(|l| (id(l.left), id(l.right)) == (x, y) || (id(l.left), id(l.right)) == (y, x))
}

/// How many of the passages `a` prints for `link` with `opts` were aligned as a translation.
fn translated(a: &Analysis, link: &Link, opts: &PassageOptions) -> usize {
    a.passages(link, opts).iter().filter(|p| p.bead.evidence.regime == Regime::Translation).count()
}

/// The passages aligned as a translation between a pair's Bengali article and the Persian
/// one cut to `keep` of its lines (see [`cut_corpus`]), after checking that the two are
/// linked, and only through the verification: names and numbers alone do not link them.
fn verified_passages(cut: usize, keep: std::ops::Range<usize>) -> usize {
    let (corpus, bn, fa) = cut_corpus(cut, 20, keep.clone());
    let a = Analysis::with_options(&corpus, &Options::default());
    let link =
        link_between(&corpus, &a, &bn, &fa).unwrap_or_else(|| panic!("{bn} and lines {keep:?} of {fa} are linked"));
    let mut unverified = Options::default();
    unverified.align.verify = 0;
    let b = Analysis::with_options(&corpus, &unverified);
    assert!(link_between(&corpus, &b, &bn, &fa).is_none(), "without verification {bn} and {fa} are not linked");
    translated(&a, link, &PassageOptions::default())
}

#[test]
fn a_report_that_translates_four_lines_of_another_is_linked_where_a_table_was_taught() {
    // The fourteenth pair's Persian article keeps its title and four of its thirteen lines,
    // between the Persian lines of another pair, which leaves the corpus. The rest of NTREX
    // dev teaches the Bengali–Persian table. Fewer passages verify them than the five needed
    // where no table reads the wording.
    let translated = verified_passages(13, 4..8);
    assert!(
        (VERIFY_PASSAGES_TAUGHT..VERIFY_PASSAGES).contains(&translated),
        "{translated} passages aligned as a translation"
    );
}

#[test]
fn a_report_that_translates_two_lines_of_another_is_linked_where_a_table_was_taught() {
    // The eighteenth pair's Persian article keeps its title and two of its lines (the
    // seventh and eighth), between the same filler: two passages aligned as a translation,
    // fewer than the three the verification once asked for, still verify the two documents
    // as each other's best candidates.
    let translated = verified_passages(17, 6..8);
    assert!((VERIFY_PASSAGES_TAUGHT..3).contains(&translated), "{translated} passages aligned as a translation");
}

#[test]
fn a_third_that_shares_no_rare_anchor_with_its_article_is_aligned_as_a_translation() {
    // The Persian side of the article about the Elvie breast pump keeps nine of its
    // twenty-seven lines, between another pair's lines. Every line of both names the pump,
    // so the two share no rare anchor: only the table's reading of the wording says that the
    // nine lines translate part of the Bengali article, in its order.
    let (corpus, bn, fa) = cut_corpus(32, 20, 8..17);
    let a = Analysis::with_options(&corpus, &Options::default());
    let link = link_between(&corpus, &a, &bn, &fa).unwrap_or_else(|| panic!("{bn} and the third of {fa} are linked"));
    let defaults = PassageOptions::default();
    let (with_rule, needed) = (translated(&a, link, &defaults), defaults.few_passages_unanchored);
    assert!(needed > 0 && with_rule >= needed.max(6), "{with_rule} passages of the nine lines");
    // Without the rule the pair is mined, and only the passage that names the pump twice over
    // is kept from the monotonic alignment.
    let off = PassageOptions { few_passages_unanchored: 0, ..defaults };
    let without = translated(&a, link, &off);
    assert!(without < 3, "{without} passages without the rule");
}
