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
//! The statistics also hold, per document (by the hash of its text), the worst of the
//! candidate partners the whole run kept for it ([`crate::align::pairs_with_floors`]), so
//! that a window scores exactly the whole run's pairs among its documents. They grow with
//! the corpus's vocabulary (its distinct spellings of names, words and features) and by
//! those floors, about 40 bytes a document in memory. Site furniture (lines repeated on a
//! site's pages) is still found in each run's own documents.
//!
//! [`Analysis::stats`]: crate::Analysis::stats
//! [`Analysis::with_stats`]: crate::Analysis::with_stats

use crate::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use talign_names::lexicon::{EntityId, Lexicon};

use crate::align::{Feature, FeatureKind};
use crate::mentions::{Mention, Source};

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
    /// Per entity key, the entity's name where it is not the key itself (a romanized
    /// form), so that evidence names an entity as the whole run does.
    pub(crate) names: HashMap<String, String>,
    /// Documents per feature.
    pub(crate) df: HashMap<Feature, u32>,
    /// Documents in the corpus.
    pub(crate) documents: usize,
    /// What agreeing in time and sharing a date are worth ([`crate::pairmodel::PairModel::chance`]).
    pub(crate) chance: (f32, f32),
    /// The base rate same-event probabilities were moved to.
    pub(crate) base_rate: f64,
    /// Per document (by content key), the worst candidate partner the whole run kept for
    /// it, as (accumulated score, content key), or `None` when it kept every document the
    /// document touched ([`crate::align::pairs_with_floors`]).
    pub(crate) floors: HashMap<u64, Option<(f32, u64)>>,
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
    /// Entity keys and the entity's name, where it is not the key (absent from files
    /// written before it was added: windows then name entities as they read them).
    #[serde(default)]
    pub names: Vec<(String, String)>,
    /// Mention keys and the feature each counts as (kind and label), if any.
    pub mentions: Vec<(String, Option<(FeatureKind, String)>)>,
    /// Features (kind, label) and the documents that have them.
    pub features: Vec<(FeatureKind, String, u32)>,
    /// Per document's content key, the worst candidate partner the run kept (score and
    /// content key), if it left some out.
    pub candidate_floors: Vec<(u64, Option<(f32, u64)>)>,
}

impl Stats {
    /// The statistics as written to a file.
    pub fn to_file(&self) -> StatsFile {
        let mut frequent_words: Vec<String> = self.frequent.iter().cloned().collect();
        frequent_words.sort_unstable();
        let mut entities: Vec<(String, bool, talign_names::Kind)> =
            self.entities.iter().map(|(k, &(l, kind))| (k.clone(), l, kind)).collect();
        entities.sort_unstable();
        let mut names: Vec<(String, String)> = self.names.iter().map(|(k, n)| (k.clone(), n.clone())).collect();
        names.sort_unstable();
        let mut mentions: Vec<(String, Option<(FeatureKind, String)>)> =
            self.mentions.iter().map(|(k, f)| (k.clone(), f.as_ref().map(|f| (f.kind, f.label.clone())))).collect();
        mentions.sort_unstable();
        let mut features: Vec<(FeatureKind, String, u32)> =
            self.df.iter().map(|(f, &n)| (f.kind, f.label.clone(), n)).collect();
        features.sort_unstable();
        let mut candidate_floors: Vec<(u64, Option<(f32, u64)>)> = self.floors.iter().map(|(&k, &f)| (k, f)).collect();
        candidate_floors.sort_unstable_by_key(|&(k, _)| k);
        StatsFile {
            format: FORMAT.to_owned(),
            documents: self.documents,
            base_rate: self.base_rate,
            time_agrees: self.chance.0,
            dates_shared: self.chance.1,
            frequent_words,
            entities,
            names,
            mentions,
            features,
            candidate_floors,
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
            names: file.names.into_iter().collect(),
            df: file.features.into_iter().map(|(kind, label, n)| (Feature { kind, label }, n)).collect(),
            documents: file.documents,
            chance: (file.time_agrees, file.dates_shared),
            base_rate: file.base_rate,
            floors: file.candidate_floors.into_iter().collect(),
        })
    }

    /// Documents in the corpus.
    pub fn documents(&self) -> usize {
        self.documents
    }
}

/// The floors of the documents with content keys `keys`, by key. Documents with one text
/// share a key; the lowest of their floors (none below all) stands for them, whatever
/// their order.
pub(crate) fn floors_by_key(keys: &[u64], floors: &[Option<(f32, u64)>]) -> HashMap<u64, Option<(f32, u64)>> {
    let mut by: HashMap<u64, Option<(f32, u64)>> = HashMap::default();
    for (&k, &f) in keys.iter().zip(floors) {
        let lower = |x: Option<(f32, u64)>, y: Option<(f32, u64)>| match (x, y) {
            (None, _) | (_, None) => None,
            (Some(a), Some(b)) => {
                Some(if (a.0, std::cmp::Reverse(a.1)) <= (b.0, std::cmp::Reverse(b.1)) { a } else { b })
            }
        };
        by.entry(k).and_modify(|e| *e = lower(*e, f)).or_insert(f);
    }
    by
}

/// What identifies a mention to entity resolution: its cleaned form, the lexicon variant it
/// matched, its surface (trimmed), lexicon entity, kind and how it was found (the fields of
/// the resolution's mention table), as one string. `text` is the text the mention was found in.
pub(crate) fn mention_key(m: &Mention, text: &str, lex: &Lexicon) -> String {
    key_of(&m.form, m.matched.as_deref(), m.surface(text).trim(), m.entity, m.kind, m.source, lex)
}

/// [`mention_key`] of a mention given by its parts (the resolution's mention table keeps
/// them so, see [`crate::entities::Resolution::mention_keys`]); `surface` trimmed.
pub(crate) fn key_of(
    form: &str,
    matched: Option<&str>,
    surface: &str,
    entity: Option<EntityId>,
    kind: talign_names::Kind,
    source: Source,
    lex: &Lexicon,
) -> String {
    let entity = entity.map_or("", |e| lex.entity(e).slug.as_str());
    format!("{form}\u{1f}{}\u{1f}{surface}\u{1f}{entity}\u{1f}{kind:?}\u{1f}{source:?}", matched.unwrap_or("\u{0}"))
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
