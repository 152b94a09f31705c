//! Shared helpers for the integration tests: every corpus under `corpora/`, the snapshot
//! name of each document, and [`DocReport`], what a document's snapshot shows.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use talign_corpus::{Corpus, Date, Lang};
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
/// not belong in a file name replaced by `_` (`seeds/bn-x` becomes `seeds_bn-x`).
pub fn suffix(corpus: &str, id: &str) -> String {
    format!("{corpus}/{id}").chars().map(|c| if c.is_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect()
}

/// The seed-corpus tables that have snapshots.
pub const SEED_TABLES: &[&str] = &["links", "events", "names", "sentences"];

/// What the snapshot of one document shows: its metadata, script statistics, what the
/// toolkit extracts from it, and its sentences. [`fmt::Display`] renders it as the
/// snapshot text.
///
/// To show something new, add a field, fill it in [`document_report`] and print it in
/// the `Display` impl; then review the changed snapshots with `cargo xtask snapshots`.
#[derive(Debug, Clone, Serialize)]
pub struct DocReport {
    /// The document id.
    pub id: String,
    /// The language.
    pub lang: Lang,
    /// Whether the language was detected rather than given.
    pub lang_detected: bool,
    /// The publication date, given or read from the text.
    pub published: Option<Date>,
    /// Whether `published` was read from the text.
    pub published_inferred: bool,
    /// The title, where known.
    pub title: Option<String>,
    /// Letter counts per script.
    pub script: ScriptStats,
    /// Mentions of confirmed entities.
    pub mentions: Vec<MentionRow>,
    /// How many mentions are of entities not confirmed as names.
    pub unconfirmed_candidates: usize,
    /// Dates.
    pub dates: Vec<DateRow>,
    /// Numbers.
    pub numbers: Vec<NumberRow>,
    /// Event words (concepts), in order of occurrence.
    pub event_words: Vec<String>,
    /// The sentences.
    pub sentences: Vec<SentenceRow>,
}

/// A mention of a confirmed entity.
#[derive(Debug, Clone, Serialize)]
pub struct MentionRow {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The mention as written.
    pub surface: String,
    /// How it was found (`lexicon`, `title`, `quote`, `latin`, `candidate`).
    pub source: &'static str,
    /// The entity's canonical name.
    pub entity: String,
    /// The entity's kind.
    pub kind: String,
}

/// A date mention.
#[derive(Debug, Clone, Serialize)]
pub struct DateRow {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// As written.
    pub text: String,
    /// The value, as JSON.
    pub value: String,
}

/// A number mention.
#[derive(Debug, Clone, Serialize)]
pub struct NumberRow {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// As written.
    pub text: String,
    /// The value.
    pub value: f64,
    /// The kind (cardinal, ordinal, …).
    pub kind: String,
}

/// A sentence.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceRow {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The sentence.
    pub text: String,
}

/// The report of document `d` of the analysed corpus `a`. It takes the analysis, not the
/// document alone, because which mentions are confirmed names is decided over the corpus.
pub fn document_report(a: &Analysis, d: usize) -> DocReport {
    let doc = &a.corpus.docs()[d];
    let facts = a.facts(d);
    let entities =
        facts.mentions.iter().zip(&a.resolution.doc_entities[d]).map(|(m, &e)| (m, &a.resolution.entities[e as usize]));
    DocReport {
        id: doc.id.clone(),
        lang: doc.lang,
        lang_detected: doc.lang_detected,
        published: facts.published,
        published_inferred: facts.published_inferred,
        title: doc.title.clone(),
        script: ScriptStats::of(&doc.text),
        mentions: entities
            .clone()
            .filter(|(_, ent)| ent.confirmed)
            .map(|(m, ent)| MentionRow {
                start: m.start,
                end: m.end,
                surface: m.surface(&doc.text).to_owned(),
                source: source(m.source),
                entity: ent.canonical().to_owned(),
                kind: ent.kind.to_string(),
            })
            .collect(),
        unconfirmed_candidates: entities.filter(|(_, ent)| !ent.confirmed).count(),
        dates: facts
            .dates
            .iter()
            .map(|x| DateRow {
                start: x.start,
                end: x.end,
                text: x.text.clone(),
                value: serde_json::to_string(&x.value).unwrap_or_default(),
            })
            .collect(),
        numbers: facts
            .numbers
            .iter()
            .map(|x| NumberRow {
                start: x.start,
                end: x.end,
                text: x.text.clone(),
                value: x.value,
                kind: format!("{:?}", x.kind),
            })
            .collect(),
        event_words: facts.events.iter().map(|e| e.concept.clone()).collect(),
        sentences: doc
            .sentences()
            .iter()
            .map(|s| SentenceRow { start: s.start, end: s.end, text: s.text.to_owned() })
            .collect(),
    }
}

impl fmt::Display for DocReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "id: {}", self.id)?;
        writeln!(f, "lang: {}{}", self.lang, if self.lang_detected { " (detected)" } else { "" })?;
        match (self.published, self.published_inferred) {
            (Some(p), true) => writeln!(f, "published: {p} (read from the text)")?,
            (Some(p), false) => writeln!(f, "published: {p}")?,
            (None, _) => writeln!(f, "published: unknown")?,
        }
        if let Some(t) = &self.title {
            writeln!(f, "title: {t}")?;
        }
        let s = &self.script;
        writeln!(
            f,
            "script: bengali {} arabic {} latin {} other {} digits {} -> {}",
            s.bengali,
            s.arabic,
            s.latin,
            s.other,
            s.digits,
            s.dominant().code()
        )?;
        writeln!(f, "\nmentions:")?;
        for m in &self.mentions {
            writeln!(f, "  {}..{} {:?} [{}] -> {} ({})", m.start, m.end, m.surface, m.source, m.entity, m.kind)?;
        }
        writeln!(f, "  ({} unconfirmed candidate words)", self.unconfirmed_candidates)?;
        writeln!(f, "\ndates:")?;
        for x in &self.dates {
            writeln!(f, "  {}..{} {:?} -> {}", x.start, x.end, x.text, x.value)?;
        }
        writeln!(f, "\nnumbers:")?;
        for x in &self.numbers {
            writeln!(f, "  {}..{} {:?} -> {} ({})", x.start, x.end, x.text, x.value, x.kind)?;
        }
        writeln!(f, "\nevent words:")?;
        writeln!(f, "  {}", self.event_words.join(", "))?;
        writeln!(f, "\nsentences:")?;
        for (i, x) in self.sentences.iter().enumerate() {
            writeln!(f, "  {i:>3} {}..{} {}", x.start, x.end, x.text)?;
        }
        Ok(())
    }
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
