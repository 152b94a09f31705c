//! What a run learns from its whole corpus, carried to runs over parts of it.
//!
//! The pipeline weighs evidence by what it learns from the corpus it is given: which words
//! are too common to be names ([`crate::analysis::frequent_words`]), which spellings name
//! one entity and whether the corpus confirms it ([`crate::entities`]), how rare each
//! feature is, how often documents agree in time or share a date by chance, and the base
//! rate of same-event pairs ([`crate::pairmodel`]). A window of a few days clustered on its
//! own learns all of these from its own documents, and its events then differ from the
//! whole run's. [`Stats`] holds the whole corpus's: [`Analysis::stats`] takes them from a
//! whole run, [`Analysis::with_stats`] weighs a part of the corpus with them. A window's
//! documents are then read and weighed as the whole run reads and weighs them, so that
//! where every event lies inside a window the windows give the whole run's events (`talign
//! corpus stats` writes them, `talign events cluster --stats` reads them).
//!
//! What the statistics hold grows with the corpus's vocabulary (its distinct spellings of
//! names, words and features), not with its documents. Site furniture (lines repeated on a
//! site's pages) is still found in each run's own documents, and the candidate partners of
//! a document are still its best among the documents of the run (see the README, Scale).
//!
//! [`Analysis::stats`]: crate::Analysis::stats
//! [`Analysis::with_stats`]: crate::Analysis::with_stats

use crate::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use talign_names::lexicon::Lexicon;

use crate::align::{Feature, FeatureKind};
use crate::mentions::Mention;

/// The first line of a statistics file says what it is; a file of another version is
/// refused rather than misread.
pub const FORMAT: &str = "talign corpus stats 1";

/// A corpus's statistics, ready to weigh a part of it (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Words too common to be names, per [`crate::analysis::frequent_words`].
    pub(crate) frequent: HashSet<String>,
    /// Per mention key ([`mention_key`]), the feature its mentions count as (`None`: none).
    pub(crate) mentions: HashMap<String, Option<Feature>>,
    /// Per entity key: whether it is a lexicon entity, and its kind.
    pub(crate) entities: HashMap<String, (bool, talign_names::Kind)>,
    /// Documents per feature.
    pub(crate) df: HashMap<Feature, u32>,
    /// Documents in the corpus.
    pub(crate) documents: usize,
    /// What agreeing in time and sharing a date are worth ([`crate::pairmodel::PairModel::chance`]).
    pub(crate) chance: (f32, f32),
    /// The base rate same-event probabilities were moved to.
    pub(crate) base_rate: f64,
}

/// [`Stats`] as written to a file: JSON, every list sorted, so that one corpus gives the
/// same bytes whatever the order of its documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsFile {
    /// [`FORMAT`].
    pub format: String,
    /// Documents in the corpus.
    pub documents: usize,
    /// The base rate of same-event pairs.
    pub base_rate: f64,
    /// What agreeing in time is worth.
    pub time_agrees: f32,
    /// What sharing a date is worth.
    pub dates_shared: f32,
    /// Frequent words.
    pub frequent_words: Vec<String>,
    /// Entities: key, whether from the lexicon, kind.
    pub entities: Vec<(String, bool, talign_names::Kind)>,
    /// Mention keys and the feature each counts as (kind and label), if any.
    pub mentions: Vec<(String, Option<(FeatureKind, String)>)>,
    /// Features (kind, label) and the documents that have them.
    pub features: Vec<(FeatureKind, String, u32)>,
}

impl Stats {
    /// The statistics as written to a file.
    pub fn to_file(&self) -> StatsFile {
        let mut frequent_words: Vec<String> = self.frequent.iter().cloned().collect();
        frequent_words.sort_unstable();
        let mut entities: Vec<(String, bool, talign_names::Kind)> =
            self.entities.iter().map(|(k, &(l, kind))| (k.clone(), l, kind)).collect();
        entities.sort_unstable();
        let mut mentions: Vec<(String, Option<(FeatureKind, String)>)> =
            self.mentions.iter().map(|(k, f)| (k.clone(), f.as_ref().map(|f| (f.kind, f.label.clone())))).collect();
        mentions.sort_unstable();
        let mut features: Vec<(FeatureKind, String, u32)> =
            self.df.iter().map(|(f, &n)| (f.kind, f.label.clone(), n)).collect();
        features.sort_unstable();
        StatsFile {
            format: FORMAT.to_owned(),
            documents: self.documents,
            base_rate: self.base_rate,
            time_agrees: self.chance.0,
            dates_shared: self.chance.1,
            frequent_words,
            entities,
            mentions,
            features,
        }
    }

    /// The statistics of a file; `None` if it is of another format.
    pub fn from_file(file: StatsFile) -> Option<Stats> {
        (file.format == FORMAT).then(|| Stats {
            frequent: file.frequent_words.into_iter().collect(),
            mentions: file
                .mentions
                .into_iter()
                .map(|(k, f)| (k, f.map(|(kind, label)| Feature { kind, label })))
                .collect(),
            entities: file.entities.into_iter().map(|(k, l, kind)| (k, (l, kind))).collect(),
            df: file.features.into_iter().map(|(kind, label, n)| (Feature { kind, label }, n)).collect(),
            documents: file.documents,
            chance: (file.time_agrees, file.dates_shared),
            base_rate: file.base_rate,
        })
    }

    /// Documents in the corpus.
    pub fn documents(&self) -> usize {
        self.documents
    }
}

/// What identifies a mention to entity resolution: its cleaned form, the lexicon variant it
/// matched, its surface (trimmed), lexicon entity, kind and how it was found (the fields of
/// the resolution's mention table), as one string. `text` is the text the mention was found in.
pub(crate) fn mention_key(m: &Mention, text: &str, lex: &Lexicon) -> String {
    let entity = m.entity.map_or("", |e| lex.entity(e).slug.as_str());
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{:?}\u{1f}{:?}",
        m.form,
        m.matched.as_deref().unwrap_or("\u{0}"),
        m.surface(text).trim(),
        entity,
        m.kind,
        m.source
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gives_back_the_statistics_it_was_written_from_and_refuses_another_version() {
        let docs: Vec<talign_corpus::Document> =
            ["Lavrov met Shoukry in Cairo on Sunday.", "Shoukry and Lavrov spoke in Cairo."]
                .iter()
                .enumerate()
                .map(|(i, t)| talign_corpus::Document::new(format!("d{i}"), *t))
                .collect();
        let corpus = talign_corpus::Corpus::from_docs(docs).expect("distinct ids");
        let stats = crate::Analysis::new(&corpus).stats();
        assert_eq!(stats.documents(), 2);
        let cairo = Feature { kind: FeatureKind::Entity, label: "Cairo".into() };
        assert_eq!(stats.df.get(&cairo), Some(&2), "{:?}", stats.df);
        let file = stats.to_file();
        assert_eq!(Stats::from_file(file.clone()), Some(stats));
        assert_eq!(Stats::from_file(StatsFile { format: "talign corpus stats 0".into(), ..file }), None);
    }
}
