//! The curated word lists embedded in the crate (`crates/talign-events/data/`, each
//! with a provenance column): common words that are not names, title words that
//! announce a name, head nouns that follow one, event concepts, and the news words
//! passages share (see [`Lists::words`]).

use crate::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use talign_names::lexicon::lookup_key;
use talign_names::{Kind, Script};

use crate::endings::{self, Family, Fit};

/// One row of a list that failed to parse.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ListError {
    /// The file.
    pub file: &'static str,
    /// 1-based line.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// The word lists, parsed and indexed.
#[derive(Debug)]
pub struct Lists {
    common: HashSet<String>,
    /// Title phrases before a name, by folded key.
    pub titles: Vec<(String, Kind)>,
    /// Matcher over the folded title phrases (same order as `titles`).
    pub title_matcher: AhoCorasick,
    after_titles: HashMap<String, Kind>,
    /// Event concepts (meeting, ceasefire, …; `data/events.csv`).
    pub events: Concepts,
    /// Common news words by concept (president, arrived, first, at least, …), in the
    /// format of the event concepts (`data/news_words.csv`): not evidence that two
    /// documents report one event, but that two of their sentences say the same thing.
    pub words: Concepts,
}

/// Concepts and the forms of their terms as searched.
#[derive(Debug)]
pub struct Concepts {
    /// Concept names.
    pub concepts: Vec<String>,
    /// Each searched form (a term, or the stem of an inflected term, see
    /// [`crate::endings`]) with its concept index and what may surround it.
    pub terms: Vec<(String, u32, Fit)>,
    /// Matcher over the forms (same order as `terms`).
    pub matcher: AhoCorasick,
}

impl Concepts {
    /// Parses a `concept,lang,term,source` table.
    fn parse(file: &'static str, text: &str) -> Result<Concepts, ListError> {
        let mut concepts: Vec<String> = Vec::new();
        let mut terms: Vec<(String, u32, Fit)> = Vec::new();
        for (_, r) in rows(file, text, &["concept", "lang", "term", "source"])? {
            let c = r[0].to_lowercase();
            let id = match concepts.iter().position(|x| *x == c) {
                Some(i) => i,
                None => {
                    concepts.push(c);
                    concepts.len() - 1
                }
            } as u32;
            let t = key(&r[2]);
            if !t.is_empty() {
                let family = Family::of(&r[1], Script::detect(&t));
                terms.extend(endings::forms(&t, family, true).into_iter().map(|(f, fit)| (f, id, fit)));
            }
        }
        // One entry per form: the first concept in form order keeps it, the fits are merged.
        terms.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let mut merged: Vec<(String, u32, Fit)> = Vec::with_capacity(terms.len());
        for (form, id, fit) in terms {
            match merged.last_mut() {
                Some(last) if last.0 == form => last.2.merge(&fit),
                _ => merged.push((form, id, fit)),
            }
        }
        let matcher = matcher(&merged.iter().map(|t| t.0.clone()).collect::<Vec<_>>());
        Ok(Concepts { concepts, terms: merged, matcher })
    }
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    Lists::parse(
        include_str!("../data/common_words.csv"),
        include_str!("../data/titles.csv"),
        include_str!("../data/after_titles.csv"),
        include_str!("../data/events.csv"),
        include_str!("../data/news_words.csv"),
    )
    .expect("the embedded word lists are valid (checked by a unit test)")
});

fn rows(file: &'static str, text: &str, header: &[&str]) -> Result<Vec<(u64, Vec<String>)>, ListError> {
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let h = rdr.headers().map_err(|e| ListError { file, line: 1, message: e.to_string() })?.clone();
    if h.iter().collect::<Vec<_>>() != header {
        return Err(ListError { file, line: 1, message: format!("expected header `{}`", header.join(",")) });
    }
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec =
            rec.map_err(|e| ListError { file, line: e.position().map_or(0, |p| p.line()), message: e.to_string() })?;
        let line = rec.position().map_or(0, |p| p.line());
        out.push((line, rec.iter().map(|s| s.trim().to_owned()).collect()));
    }
    Ok(out)
}

fn kind(file: &'static str, line: u64, s: &str) -> Result<Kind, ListError> {
    match s {
        "person" => Ok(Kind::Person),
        "place" => Ok(Kind::Place),
        "org" => Ok(Kind::Org),
        "other" => Ok(Kind::Other),
        _ => Err(ListError { file, line, message: format!("unknown kind `{s}`") }),
    }
}

/// The form a word list's entry and a word of a text are compared in: cleaned as names are
/// (`talign_names::normalize`: NFC, Arabic-script letters in their Persian forms, no
/// tatweel) and folded as lexicon keys are (lower case, no zero-width non-joiner).
pub(crate) fn key(s: &str) -> String {
    lookup_key(&talign_names::normalize(s))
}

fn matcher(patterns: &[String]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("word-list patterns are small enough for aho-corasick")
}

impl Lists {
    /// The lists embedded in the crate.
    pub fn builtin() -> &'static Lists {
        &LISTS
    }

    /// Parses the five tables.
    pub fn parse(common: &str, titles: &str, after: &str, events: &str, words: &str) -> Result<Lists, ListError> {
        let mut common_set = HashSet::new();
        for (_, r) in rows("common_words.csv", common, &["lang", "word", "source"])? {
            common_set.insert(key(&r[1]));
        }
        let mut title_list = Vec::new();
        for (line, r) in rows("titles.csv", titles, &["lang", "title", "kind", "source"])? {
            let k = key(&r[1]);
            if !k.is_empty() {
                title_list.push((k, kind("titles.csv", line, &r[2])?));
            }
        }
        title_list.sort();
        title_list.dedup_by(|a, b| a.0 == b.0);
        let mut after_titles = HashMap::new();
        for (line, r) in rows("after_titles.csv", after, &["lang", "word", "kind", "source"])? {
            after_titles.insert(key(&r[1]), kind("after_titles.csv", line, &r[2])?);
        }
        let events = Concepts::parse("events.csv", events)?;
        let words = Concepts::parse("news_words.csv", words)?;
        let title_matcher = matcher(&title_list.iter().map(|t| t.0.clone()).collect::<Vec<_>>());
        Ok(Lists { common: common_set, titles: title_list, title_matcher, after_titles, events, words })
    }

    /// Whether a folded word is a common (non-name) word.
    pub fn is_common(&self, folded_word: &str) -> bool {
        self.common.contains(folded_word)
    }

    /// The kind a head noun after a name announces.
    pub fn after_title(&self, folded_word: &str) -> Option<Kind> {
        self.after_titles.get(folded_word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load() {
        let l = Lists::builtin();
        assert!(l.is_common("এবং"));
        assert!(l.is_common("در"));
        assert!(!l.titles.is_empty());
        assert!(l.events.concepts.iter().any(|c| c == "meeting"));
        assert!(l.words.concepts.iter().any(|c| c == "president"));
    }

    #[test]
    fn bad_rows_name_their_line() {
        let e = Lists::parse(
            "lang,word,source\n",
            "lang,title,kind,source\nbn,মন্ত্রী,person,x\nbn,শহর,planet,x\n",
            "lang,word,kind,source\n",
            "concept,lang,term,source\n",
            "concept,lang,term,source\n",
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "titles.csv:3: unknown kind `planet`");
    }
}
