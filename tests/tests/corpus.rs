//! Snapshot tests over every corpus document, one snapshot per document (named by its
//! path under `corpora/` and its id, so adding a document renames nothing), and over the
//! seed corpus's tables. Review with `cargo xtask snapshots`; CI runs `--check`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use talign_events::Analysis;
use talign_tests::{SEED_TABLES, corpora, document_report, expected_snapshots, root, suffix};

fn snapshot_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(root().join("tests/tests/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// Runs every assertion, then fails once, listing every snapshot that did not match.
fn collect_failures(checks: Vec<(String, Box<dyn FnOnce() + '_>)>) {
    let mut failed = Vec::new();
    for (name, check) in checks {
        if catch_unwind(AssertUnwindSafe(check)).is_err() {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "{} snapshot(s) differ: {}", failed.len(), failed.join(", "));
}

#[test]
fn every_corpus_document() {
    let all = corpora();
    let mut checks: Vec<(String, Box<dyn FnOnce()>)> = Vec::new();
    let analyses: Vec<(String, Vec<(String, String)>)> = all
        .iter()
        .map(|c| {
            let a = Analysis::new(&c.corpus);
            let reports =
                (0..c.corpus.len()).map(|d| (c.corpus.docs()[d].id.clone(), document_report(&a, d))).collect();
            (c.name.clone(), reports)
        })
        .collect();
    for (corpus, reports) in analyses {
        for (id, report) in reports {
            let sfx = suffix(&corpus, &id);
            let name = format!("doc@{sfx}");
            checks.push((
                name,
                Box::new(move || {
                    let mut s = snapshot_settings();
                    s.set_snapshot_suffix(sfx);
                    s.bind(|| insta::assert_snapshot!("doc", report));
                }),
            ));
        }
    }
    collect_failures(checks);
}

#[test]
fn seed_tables() {
    let corpus = talign::seeds::corpus().expect("the built-in seeds load");
    let a = Analysis::new(&corpus);
    let opts = talign_events::passages::PassageOptions::default();
    let tables = [
        talign::tables::align_table(&a),
        talign::tables::cluster_table(&a),
        talign::tables::names_table(&a),
        talign::tables::sentences_table(&a, &opts),
    ];
    let mut checks: Vec<(String, Box<dyn FnOnce()>)> = Vec::new();
    for (name, t) in SEED_TABLES.iter().zip(tables) {
        let csv = String::from_utf8(t.render(talign::table::Format::Csv).expect("renders")).expect("UTF-8");
        let csv = csv.replace("\r\n", "\n");
        checks.push((
            format!("seed_tables__{name}"),
            Box::new(move || snapshot_settings().bind(|| insta::assert_snapshot!(format!("seed_tables__{name}"), csv))),
        ));
    }
    collect_failures(checks);
}

/// A snapshot no test writes is an orphan: it fails the suite. With
/// `TALIGN_DELETE_ORPHANS=1` (what `cargo xtask snapshots --accept` sets) orphans are deleted instead.
#[test]
fn no_orphaned_snapshots() {
    let expected = expected_snapshots(&corpora());
    let dir = root().join("tests/tests/snapshots");
    let mut orphans = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries {
            let p = e.expect("entry").path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            if name.ends_with(".snap") && expected.binary_search(&name).is_err() {
                orphans.push((name, p));
            }
        }
    }
    orphans.sort();
    if std::env::var_os("TALIGN_DELETE_ORPHANS").is_some() {
        for (_, p) in &orphans {
            std::fs::remove_file(p).expect("orphan can be deleted");
        }
        return;
    }
    let names: Vec<&str> = orphans.iter().map(|o| o.0.as_str()).collect();
    assert!(names.is_empty(), "orphaned snapshot(s), no test writes them: {}", names.join(", "));
}

#[test]
fn corpora_load_with_the_expected_documents() {
    let all = corpora();
    let seeds = all.iter().find(|c| c.name == "seeds").expect("seed corpus");
    let langs: Vec<&str> = seeds.corpus.docs().iter().map(|d| d.lang.code()).collect();
    assert_eq!(langs, ["bn", "bn", "bn", "fa", "bn"]);
    let ntrex = all.iter().find(|c| c.name == "ntrex-dev/articles.jsonl").expect("NTREX corpus");
    assert_eq!(ntrex.corpus.len(), 126);
    assert_eq!(ntrex.corpus.docs().iter().filter(|d| d.lang.code() == "bn").count(), 63);
}
