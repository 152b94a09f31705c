//! The curated lexicon: canonical entities whose names no rule can reach (exonyms such
//! as মিশর ↔ مصر ↔ Egypt), and generic words translated inside place names
//! (দ্বীপপুঞ্জ ↔ جزایر ↔ Islands).
//!
//! Both tables are CSV files with a provenance column, embedded in the binary
//! (`crates/talign-names/data/`). They are consulted before fuzzy matching, not
//! instead of it: a name the lexicon does not know is still matched by its sounds.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::clean::normalize;
use crate::name::Name;
use crate::script::Script;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// A place: country, city, region, body of water…
    Place,
    /// An organisation.
    Org,
    /// Anything else.
    Other,
}

impl Kind {
    /// The code used in tables.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Org => "org",
            Kind::Other => "other",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Some(match s.trim() {
            "person" => Kind::Person,
            "place" => Kind::Place,
            "org" => Kind::Org,
            "other" => Kind::Other,
            _ => return None,
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Index of an entity in a [`Lexicon`].
pub type EntityId = u32;

/// One canonical entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable slug, e.g. `egypt`.
    pub slug: String,
    /// Canonical (English) name.
    pub canonical: String,
    /// Kind.
    pub kind: Kind,
    /// Cleaned variants with their script.
    pub variants: Vec<(Script, String)>,
}

/// Why a lexicon table could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A row is malformed.
    #[error("{file}:{line}: {message}")]
    Row {
        /// The table.
        file: String,
        /// The 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// [`Lexicon::extend_builtin`] came after the built-in lexicon was first read.
    #[error("the built-in lexicon is already in use: extend it before anything reads it")]
    InUse,
}

/// Canonical entities and translated generic terms.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Variants prepared for fuzzy matching, built on first use.
    prepared: OnceLock<Vec<Vec<Name>>>,
    entities: Vec<Entity>,
    by_key: HashMap<String, EntityId>,
    concepts: Vec<String>,
    terms: HashMap<String, u32>,
}

static BUILTIN: OnceLock<Lexicon> = OnceLock::new();

/// The embedded tables, with `extra` entity tables (file name, text) after them.
fn embedded(extra: &[(&str, &str)]) -> Result<Lexicon, LexiconError> {
    let mut tables = vec![
        ("entities.csv", include_str!("../data/entities.csv")),
        ("people.csv", include_str!("../data/people.csv")),
    ];
    tables.extend_from_slice(extra);
    let mut lex = Lexicon::from_tables(&tables, include_str!("../data/terms.csv"))?;
    lex.add_terms("given-names.csv", include_str!("../data/given-names.csv"))?;
    Ok(lex)
}

/// The key under which lexicon variants and names are looked up: the cleaned form,
/// lowercased, with hyphens and ZWNJ as spaces and a leading English article dropped.
pub fn lookup_key(clean: &str) -> String {
    let mut s = String::with_capacity(clean.len());
    let mut space = false;
    for c in clean.chars() {
        if c.is_whitespace() || matches!(c, '-' | '\u{200C}' | '_' | '–') {
            space = !s.is_empty();
            continue;
        }
        if matches!(c, '\'' | '’' | '.') {
            continue;
        }
        if space {
            s.push(' ');
            space = false;
        }
        crate::script::push_lowercase(c, &mut s);
    }
    match s.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => s,
    }
}

impl Lexicon {
    /// The lexicon embedded in the crate, with the tables [`Lexicon::extend_builtin`] added.
    pub fn builtin() -> &'static Lexicon {
        BUILTIN.get_or_init(|| embedded(&[]).expect("the embedded lexicon is valid (checked by a unit test)"))
    }

    /// Adds entity tables (file name, text; the columns of `people.csv`) to the built-in
    /// lexicon, for the rest of the process: an analyst's own list of the people and places
    /// they follow, read as the curated ones are (a row may add a spelling to a curated
    /// entity by using its id and canonical name). Must come before anything reads the
    /// built-in lexicon; a malformed row, or a variant that already names another entity,
    /// is an error naming the file and line, and leaves the lexicon as it was.
    pub fn extend_builtin(tables: &[(&str, &str)]) -> Result<(), LexiconError> {
        let lex = embedded(tables)?;
        BUILTIN.set(lex).map_err(|_| LexiconError::InUse)
    }

    /// An empty lexicon (fuzzy matching only).
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// Reads the two tables: `entities` with columns `id,canonical,kind,lang,variant,source`
    /// and `terms` with columns `concept,lang,term,source`.
    pub fn from_csv(entities: &str, terms: &str) -> Result<Lexicon, LexiconError> {
        Lexicon::from_tables(&[("entities.csv", entities)], terms)
    }

    /// Like [`Lexicon::from_csv`], with several entity tables given as (file name, text).
    pub fn from_tables(entity_tables: &[(&str, &str)], terms: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        let mut slug_index: HashMap<String, EntityId> = HashMap::new();
        let header = ["id", "canonical", "kind", "lang", "variant", "source"];
        let mut rows = Vec::new();
        for (file, text) in entity_tables {
            rows.extend(read_rows(file, text, &header)?.into_iter().map(|(line, rec)| (*file, line, rec)));
        }
        for (file, line, rec) in rows {
            let err = |message: String| LexiconError::Row { file: file.into(), line, message };
            let (slug, canonical, kind, variant) = (&rec[0], &rec[1], &rec[2], &rec[4]);
            let kind = Kind::parse(kind).ok_or_else(|| err(format!("unknown kind `{kind}`")))?;
            if rec[5].trim().is_empty() {
                return Err(err("every row needs a source".into()));
            }
            let id = *slug_index.entry(slug.clone()).or_insert_with(|| {
                lex.entities.push(Entity {
                    slug: slug.clone(),
                    canonical: canonical.clone(),
                    kind,
                    variants: Vec::new(),
                });
                (lex.entities.len() - 1) as EntityId
            });
            let entity = &mut lex.entities[id as usize];
            if entity.canonical != *canonical {
                return Err(err(format!("`{slug}` has two canonical names: `{}` and `{canonical}`", entity.canonical)));
            }
            let clean = normalize(variant);
            if clean.is_empty() {
                return Err(err("empty variant".into()));
            }
            let script = Script::detect(&clean);
            if !entity.variants.iter().any(|(_, v)| *v == clean) {
                entity.variants.push((script, clean.clone()));
            }
            let key = lookup_key(&clean);
            match lex.by_key.get(&key) {
                Some(&other) if other != id => {
                    return Err(err(format!(
                        "variant `{variant}` already names `{}`",
                        lex.entities[other as usize].slug
                    )));
                }
                _ => {
                    lex.by_key.insert(key, id);
                }
            }
        }
        lex.add_terms("terms.csv", terms)?;
        Ok(lex)
    }

    /// Adds a table of terms (columns `concept,lang,term,source`): words that stand for one
    /// concept in every language (দ্বীপ, جزیره, island), or cognate given names (ইউসুফ,
    /// یوسف, Joseph), which no sound rule reaches.
    fn add_terms(&mut self, file: &str, terms: &str) -> Result<(), LexiconError> {
        let lex = self;
        for (line, rec) in read_rows(file, terms, &["concept", "lang", "term", "source"])? {
            let concept = rec[0].trim().to_lowercase();
            let cid = match lex.concepts.iter().position(|c| *c == concept) {
                Some(i) => i as u32,
                None => {
                    lex.concepts.push(concept);
                    (lex.concepts.len() - 1) as u32
                }
            };
            let clean = normalize(&rec[2]);
            if clean.is_empty() {
                return Err(LexiconError::Row { file: file.into(), line, message: "empty term".into() });
            }
            if rec[3].trim().is_empty() {
                return Err(LexiconError::Row { file: file.into(), line, message: "every row needs a source".into() });
            }
            lex.terms.insert(lookup_key(&clean), cid);
        }
        Ok(())
    }

    /// Whether the lexicon has no entries (as [`Lexicon::empty`]).
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty() && self.terms.is_empty()
    }

    /// The entity a cleaned name (whole) is a variant of.
    pub fn lookup(&self, clean: &str) -> Option<EntityId> {
        if self.by_key.is_empty() {
            return None;
        }
        self.by_key.get(&lookup_key(clean)).copied()
    }

    /// The concept a single cleaned token stands for (`north`, `island`…).
    pub fn concept(&self, token: &str) -> Option<u32> {
        if self.terms.is_empty() {
            return None;
        }
        self.terms.get(&lookup_key(token)).copied()
    }

    /// The concept's English keyword.
    pub fn concept_name(&self, id: u32) -> &str {
        &self.concepts[id as usize]
    }

    /// The variants of an entity prepared for fuzzy matching (with an empty lexicon), in
    /// the order of [`Entity::variants`].
    pub(crate) fn variant_names(&self, id: EntityId) -> &[Name] {
        let all = self.prepared.get_or_init(|| {
            let empty = Lexicon::empty();
            self.entities
                .iter()
                .map(|e| e.variants.iter().map(|(_, v)| Name::from_clean(v.clone(), &empty)).collect())
                .collect()
        });
        all.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id as usize]
    }

    /// All entities.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Every (cleaned variant, entity) pair, for building text matchers.
    pub fn variants(&self) -> impl Iterator<Item = (&str, EntityId, Script)> {
        self.entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.variants.iter().map(move |(s, v)| (v.as_str(), i as EntityId, *s)))
    }
}

fn read_rows(file: &str, text: &str, header: &[&str]) -> Result<Vec<(u64, Vec<String>)>, LexiconError> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let h =
        rdr.headers().map_err(|e| LexiconError::Row { file: file.into(), line: 1, message: e.to_string() })?.clone();
    let got: Vec<&str> = h.iter().collect();
    if got != header {
        return Err(LexiconError::Row {
            file: file.into(),
            line: 1,
            message: format!("expected header `{}`, found `{}`", header.join(","), got.join(",")),
        });
    }
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| LexiconError::Row {
            file: file.into(),
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        rows.push((line, rec.iter().map(str::to_owned).collect()));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_loads() {
        let lex = Lexicon::builtin();
        assert!(lex.entities().len() > 50);
        let egypt = lex.lookup("মিশর").expect("মিশর is in the lexicon");
        assert_eq!(lex.lookup("مصر"), Some(egypt));
        assert_eq!(lex.lookup("Egypt"), Some(egypt));
        assert_eq!(lex.entity(egypt).canonical, "Egypt");
        assert!(lex.concept("জাজিরা").is_none());
    }

    #[test]
    fn cognate_given_names_are_one_concept() {
        let lex = Lexicon::builtin();
        let joseph = lex.concept("Joseph").expect("Joseph is a cognate given name");
        assert_eq!(lex.concept("یوسف"), Some(joseph));
        assert_eq!(lex.concept(&normalize("يوسف")), Some(joseph));
        assert_eq!(lex.concept("ইউসুফ"), Some(joseph));
        assert_ne!(lex.concept("Moses"), Some(joseph));
        let e = "id,canonical,kind,lang,variant,source\n";
        let err = Lexicon::from_csv(e, "concept,lang,term,source\nx,en,X,\n").unwrap_err().to_string();
        assert!(err.contains("terms.csv:2") && err.contains("source"), "{err}");
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let e = "id,canonical,kind,lang,variant,source\nx,X,place,en,X,me\ny,Y,planet,en,Y,me\n";
        let err = Lexicon::from_csv(e, "concept,lang,term,source\n").unwrap_err().to_string();
        assert_eq!(err, "entities.csv:3: unknown kind `planet`");
        let e = "id,canonical,kind,lang,variant,source\nx,X,place,en,X,me\ny,Y,place,en,x,me\n";
        let err = Lexicon::from_csv(e, "concept,lang,term,source\n").unwrap_err().to_string();
        assert!(err.contains("already names `x`"), "{err}");
        let err = Lexicon::from_csv("a,b\n", "").unwrap_err().to_string();
        assert!(err.contains("expected header"), "{err}");
    }
}
