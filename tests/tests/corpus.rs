//! Snapshot tests over every corpus document, one snapshot per document (named by its
//! path under `corpora/` and its id, so adding a document renames nothing), and over the
//! seed corpus's tables. Review with `cargo xtask snapshots`; CI runs `--check`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use talign_events::Analysis;
use talign_tests::{SEED_TABLES, corpora, document_report, root, suffix};

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
            let reports = (0..c.corpus.len())
                .map(|d| (c.corpus.docs()[d].id.clone(), document_report(&a, d).to_string()))
                .collect();
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
        talign::tables::names_table(&a, false),
        talign::tables::sentences_table(&a, &opts, true),
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

#[test]
fn corpora_load_with_the_expected_documents() {
    let all = corpora();
    let names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["ntrex-dev/articles.jsonl", "seeds"]);

    let seeds = all.iter().find(|c| c.name == "seeds").expect("seed corpus");
    let langs: Vec<&str> = seeds.corpus.docs().iter().map(|d| d.lang.code()).collect();
    assert_eq!(langs, ["bn", "bn", "bn", "fa", "bn"]);
    assert!(seeds.corpus.docs().iter().all(|d| !d.lang_detected), "the manifest gives every language");

    let ntrex = all.iter().find(|c| c.name == "ntrex-dev/articles.jsonl").expect("NTREX corpus");
    assert_eq!(ntrex.corpus.len(), 126);
    assert_eq!(ntrex.corpus.docs().iter().filter(|d| d.lang.code() == "bn").count(), 63);
    assert_eq!(ntrex.corpus.docs().iter().filter(|d| d.lang.code() == "fa").count(), 63);
}

/// Every id a manifest names is loaded, and every `.txt` file is a document.
#[test]
fn manifests_and_text_files_agree_with_the_loaded_corpora() {
    for c in corpora().iter().filter(|c| !c.name.ends_with(".jsonl")) {
        let dir = root().join("corpora").join(&c.name);
        let mut ids: Vec<&str> = c.corpus.docs().iter().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        let mut stems: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        stems.sort_unstable();
        assert_eq!(ids, stems, "{}: documents and .txt files", c.name);
        if let Ok(manifest) = std::fs::read_to_string(dir.join("manifest.csv")) {
            for id in manifest.lines().skip(1).filter_map(|l| l.split(',').next()).filter(|id| !id.is_empty()) {
                assert!(c.corpus.get(id).is_some(), "{}: manifest id `{id}` did not load", c.name);
            }
        }
    }
}

/// Every document of the NTREX gold pairs is in the NTREX corpus, in the language of its column.
#[test]
fn ntrex_gold_pairs_name_loaded_documents() {
    let all = corpora();
    let ntrex = &all.iter().find(|c| c.name == "ntrex-dev/articles.jsonl").expect("NTREX corpus").corpus;
    let gold = std::fs::read_to_string(root().join("corpora/ntrex-dev/gold_documents.csv")).unwrap();
    let mut pairs = 0;
    for line in gold.lines().skip(1) {
        let (bn, fa) = line.split_once(',').expect("two columns");
        assert_eq!(ntrex.get(bn).map(|d| d.lang.code()), Some("bn"), "{bn}");
        assert_eq!(ntrex.get(fa).map(|d| d.lang.code()), Some("fa"), "{fa}");
        pairs += 1;
    }
    assert_eq!(pairs, 63);
}

/// The self-written web sample (`tests/fixtures/web-sample`, see its SOURCE.md): a wire
/// story on two sites with their own furniture, a preview, an independent Bengali report
/// and a hard negative (the same ministers at another meeting a year earlier).
#[test]
fn web_sample_events() {
    let corpus =
        talign_corpus::Corpus::load(&[root().join("tests/fixtures/web-sample")]).expect("the web sample loads");
    let a = Analysis::new(&corpus);
    let id = |d: usize| corpus.docs()[d].id.as_str();
    let relation =
        |l: &str, r: &str| a.links.iter().find(|k| (id(k.left), id(k.right)) == (l, r)).map(|k| k.relation.as_str());
    assert_eq!(relation("wire-a", "wire-b"), Some("reprint"), "the two sites' copies are a reprint");
    assert_eq!(relation("wire-a", "preview"), Some("preview"), "the preview joins the report it announces");
    let event = |name: &str| a.events[corpus.docs().iter().position(|d| d.id == name).unwrap()];
    for d in ["wire-b", "preview", "bn-report"] {
        assert_eq!(event(d), event("wire-a"), "{d} reports the Dhaka meeting");
    }
    assert_ne!(event("negative"), event("wire-a"), "the Moscow meeting a year earlier is another event");
    // Each site's menu and footer is furniture: blanked, so it names nothing.
    let wire_b = corpus.docs().iter().position(|d| d.id == "wire-b").unwrap();
    let furniture: Vec<&str> =
        a.furniture(wire_b).iter().map(|&(s, e)| corpus.docs()[wire_b].text[s..e].trim()).collect();
    assert!(furniture.iter().any(|l| l.starts_with("Contact us")), "footer: {furniture:?}");
    assert!(!furniture.iter().any(|l| l.contains("Rooppur")), "story lines are not furniture: {furniture:?}");
    let mut checks: Vec<(String, Box<dyn FnOnce()>)> = Vec::new();
    for (name, t) in [("links", talign::tables::align_table(&a)), ("events", talign::tables::cluster_table(&a))] {
        let csv = String::from_utf8(t.render(talign::table::Format::Csv).expect("renders")).expect("UTF-8");
        let csv = csv.replace("\r\n", "\n");
        checks.push((
            format!("web_sample__{name}"),
            Box::new(move || snapshot_settings().bind(|| insta::assert_snapshot!(format!("web_sample__{name}"), csv))),
        ));
    }
    collect_failures(checks);
}
