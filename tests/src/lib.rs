//! Shared helpers for the integration tests: how each corpus document is rendered for
//! its snapshot, and the name of every snapshot the suite writes (so that orphans can be
//! found).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use talign_corpus::Corpus;
use talign_events::Analysis;
use talign_names::ScriptStats;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// A corpus under `corpora/`: its path relative to `corpora/` and the corpus.
#[derive(Debug)]
pub struct NamedCorpus {
    /// E.g. `seeds` or `ntrex-dev/articles.jsonl`.
    pub name: String,
    /// The documents.
    pub corpus: Corpus,
}

/// Every corpus under `corpora/`: each directory with `.txt` files is one corpus, and
/// each `.jsonl` file is one corpus. Sorted by name.
pub fn corpora() -> Vec<NamedCorpus> {
    let base = root().join("corpora");
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .expect("corpora/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(&dir).expect("readable corpus directory").map(|e| e.expect("entry").path()).collect();
        entries.sort();
        let rel = |p: &Path| p.strip_prefix(&base).expect("under corpora/").to_string_lossy().replace('\\', "/");
        if entries.iter().any(|p| p.extension().is_some_and(|e| e == "txt")) {
            let corpus = Corpus::load(&[&dir]).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            out.push(NamedCorpus { name: rel(&dir), corpus });
        }
        for p in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "jsonl")) {
            let corpus = Corpus::load(&[p]).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            out.push(NamedCorpus { name: rel(p), corpus });
        }
    }
    out
}

/// The snapshot suffix of a document: its corpus path and id, with characters that do
/// not belong in a file name replaced.
pub fn suffix(corpus: &str, id: &str) -> String {
    format!("{corpus}/{id}").chars().map(|c| if c.is_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect()
}

/// The file names of every snapshot the suite writes.
pub fn expected_snapshots(corpora: &[NamedCorpus]) -> Vec<String> {
    let mut v: Vec<String> = corpora
        .iter()
        .flat_map(|c| c.corpus.docs().iter().map(move |d| format!("doc@{}.snap", suffix(&c.name, &d.id))))
        .collect();
    v.extend(SEED_TABLES.iter().map(|t| format!("seed_tables__{t}.snap")));
    v.extend(NAME_SNAPSHOTS.iter().map(|t| format!("{t}.snap")));
    v.sort();
    v
}

/// The name-table snapshots of `tests/names.rs`.
pub const NAME_SNAPSHOTS: &[&str] = &["names__seed_names", "names__places_sample"];

/// The seed-corpus tables that have snapshots.
pub const SEED_TABLES: &[&str] = &["links", "events", "names", "sentences"];

/// A readable rendering of what the toolkit extracts from document `d` of an analysis.
pub fn document_report(a: &Analysis, d: usize) -> String {
    let doc = &a.corpus.docs()[d];
    let facts = &a.facts[d];
    let mut s = String::new();
    let stats = ScriptStats::of(&doc.text);
    let _ = writeln!(s, "id: {}", doc.id);
    let _ = writeln!(s, "lang: {}{}", doc.lang, if doc.lang_detected { " (detected)" } else { "" });
    let published = match (facts.published, facts.published_inferred) {
        (Some(p), true) => format!("{p} (read from the text)"),
        (Some(p), false) => p.to_string(),
        (None, _) => "unknown".into(),
    };
    let _ = writeln!(s, "published: {published}");
    if let Some(t) = &doc.title {
        let _ = writeln!(s, "title: {t}");
    }
    let _ = writeln!(
        s,
        "script: bengali {} arabic {} latin {} other {} digits {} -> {}",
        stats.bengali,
        stats.arabic,
        stats.latin,
        stats.other,
        stats.digits,
        stats.dominant().code()
    );
    let _ = writeln!(s, "\nmentions:");
    for (m, &e) in facts.mentions.iter().zip(&a.resolution.doc_entities[d]) {
        let ent = &a.resolution.entities[e];
        if !ent.confirmed {
            continue;
        }
        let _ = writeln!(
            s,
            "  {}..{} {:?} [{}] -> {} ({})",
            m.start,
            m.end,
            m.surface(&doc.text),
            source(m.source),
            ent.canonical,
            ent.kind
        );
    }
    let candidates = facts
        .mentions
        .iter()
        .zip(&a.resolution.doc_entities[d])
        .filter(|(_, e)| !a.resolution.entities[**e].confirmed)
        .count();
    let _ = writeln!(s, "  ({candidates} unconfirmed candidate words)");
    let _ = writeln!(s, "\ndates:");
    for x in &facts.dates {
        let _ = writeln!(
            s,
            "  {}..{} {:?} -> {}",
            x.start,
            x.end,
            x.text,
            serde_json::to_string(&x.value).unwrap_or_default()
        );
    }
    let _ = writeln!(s, "\nnumbers:");
    for x in &facts.numbers {
        let _ = writeln!(s, "  {}..{} {:?} -> {} ({:?})", x.start, x.end, x.text, x.value, x.kind);
    }
    let _ = writeln!(s, "\nevent words:");
    let concepts: Vec<&str> = facts.events.iter().map(|e| e.concept.as_str()).collect();
    let _ = writeln!(s, "  {}", concepts.join(", "));
    let _ = writeln!(s, "\nsentences:");
    for (i, x) in doc.sentences().iter().enumerate() {
        let _ = writeln!(s, "  {i:>3} {}..{} {}", x.start, x.end, x.text);
    }
    s
}

fn source(s: talign_events::mentions::Source) -> &'static str {
    use talign_events::mentions::Source::*;
    match s {
        Lexicon => "lexicon",
        Title => "title",
        Quote => "quote",
        Latin => "latin",
        Candidate => "candidate",
    }
}
