//! Event words (meeting, forum, ceasefire, …) in running text, from the bilingual
//! event lexicon (`data/events.csv`).
//!
//! A term matches at the start of a word. In Bengali the rest of the word may be any
//! ending (বৈঠক matches বৈঠকে, বৈঠকের); in Persian and English the term must be the whole
//! word or be followed by a known ending (ها, های, ی; -s, -ed, -ing).

use serde::Serialize;
use talign_names::{Folded, Script};

use crate::lists::Lists;

/// One event word in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventMention {
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The concept (English keyword).
    pub concept: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0980}'..='\u{09FF}').contains(&c)
}

const FA_ENDINGS: &[&str] = &["ها", "های", "هایی", "ی", "ای", "یی", "\u{200C}ها", "\u{200C}های"];
const EN_ENDINGS: &[&str] = &["s", "es", "ed", "d", "ing", "ings"];

/// Finds the event words of `text` with the built-in lists.
pub fn find_events(text: &str) -> Vec<EventMention> {
    find_events_with(text, Lists::builtin())
}

/// Finds the event words of `text`, sorted by position.
pub fn find_events_with(text: &str, lists: &Lists) -> Vec<EventMention> {
    let folded = Folded::new(text);
    let f = folded.text.as_str();
    let mut out = Vec::new();
    for m in lists.event_matcher.find_iter(f) {
        if f[..m.start()].chars().next_back().is_some_and(is_word_char) {
            continue;
        }
        let word_end = f[m.end()..].find(|c: char| !is_word_char(c)).map_or(f.len(), |p| p + m.end());
        let rest = &f[m.end()..word_end];
        let script = Script::detect(&f[m.start()..m.end()]);
        let ok = rest.is_empty()
            || match script {
                Script::Bengali => true,
                Script::Arabic => FA_ENDINGS.contains(&rest),
                _ => EN_ENDINGS.contains(&rest),
            };
        if !ok {
            continue;
        }
        let range = folded.original_range(m.start(), word_end);
        let concept = lists.concepts[lists.event_terms[m.pattern().as_usize()].1 as usize].clone();
        out.push(EventMention { start: range.start, end: range.end, concept });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_event_words_with_endings() {
        let c = |t: &str| find_events(t).into_iter().map(|e| e.concept).collect::<Vec<_>>();
        assert!(c("বৈঠকের সময়").contains(&"meeting".to_string()));
        assert!(c("دو طرف در جریان این دیدار").contains(&"meeting".to_string()));
        assert!(c("بر لزوم برقراری آتش بس تاکید کردند").contains(&"ceasefire".to_string()));
        assert!(c("গাজায় যুদ্ধবিরতির বিষয়ে").contains(&"ceasefire".to_string()));
    }
}
