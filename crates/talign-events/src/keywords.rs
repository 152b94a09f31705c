//! Event words (meeting, forum, ceasefire, …) in running text, from the bilingual
//! event lexicon (`data/events.csv`).
//!
//! A term matches at the start of a word, or after an Arabic article or proclitic
//! (الاجتماع, والاجتماع). What may follow it is decided per language by the tables of
//! [`crate::endings`]: in Bengali any ending (বৈঠক matches বৈঠকে, বৈঠকের); in Russian the
//! case endings (встреча, встречи, встрече); in Hindi and Urdu the oblique and plural
//! endings (बैठकें, حملوں); in Persian and English a short list (ها, های, ی; -s, -ed, -ing).
//! An Arabic, Persian or Urdu term counts only in text of its language. A Chinese or
//! Japanese term (会见, 会談) counts wherever it stands in a run of text.

use serde::Serialize;
use talign_names::Folded;

use crate::endings::arabic_script_language;
use crate::lists::{Concepts, Lists};

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

/// Letters, digits and the signs of the Indic scripts (a virama or nukta is inside a word;
/// the dandas end it).
pub(crate) fn is_word_char(c: char) -> bool {
    talign_names::is_letter_or_digit(c)
        || (('\u{0900}'..='\u{0DFF}').contains(&c) && !matches!(c, '\u{0964}' | '\u{0965}'))
}

/// Finds the event words of `text` with the built-in lists.
pub fn find_events(text: &str) -> Vec<EventMention> {
    find_events_with(text, Lists::builtin())
}

/// Finds the event words of `text`, sorted by position.
pub fn find_events_with(text: &str, lists: &Lists) -> Vec<EventMention> {
    mentions_of(text, &Folded::new(text), &lists.events)
}

/// [`find_events`] on `text` already folded (`folded` must be `Folded::new(text)`).
pub(crate) fn find_events_folded(text: &str, folded: &Folded) -> Vec<EventMention> {
    mentions_of(text, folded, &Lists::builtin().events)
}

/// Finds the common news words of `text` (see [`Lists::words`]), sorted by position, with
/// the same rules as event words.
pub fn find_news_words(text: &str) -> Vec<EventMention> {
    mentions_of(text, &Folded::new(text), &Lists::builtin().words)
}

/// [`find_terms`] with each concept by name.
fn mentions_of(text: &str, folded: &Folded, list: &Concepts) -> Vec<EventMention> {
    find_terms(text, folded, list)
        .into_iter()
        .map(|w| EventMention { start: w.start, end: w.end, concept: list.concepts[w.concept as usize].clone() })
        .collect()
}

/// A term of a concept list in a text: its byte range and its concept's index (for news
/// words, in [`Lists::words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Index of the concept.
    pub concept: u32,
}

/// [`find_news_words`] with each concept as its index.
pub fn news_words(text: &str) -> Vec<TermMatch> {
    find_terms(text, &Folded::new(text), &Lists::builtin().words)
}

/// The terms of concept list `list` in `text`, sorted by position.
fn find_terms(text: &str, folded: &Folded, list: &Concepts) -> Vec<TermMatch> {
    let f = folded.text.as_str();
    let language = arabic_script_language(text);
    let mut out = Vec::new();
    for m in list.matcher.find_iter(f) {
        let (_, concept, fit) = &list.terms[m.pattern().as_usize()];
        if !fit.language_ok(language) {
            continue;
        }
        if f[m.start()..].starts_with(talign_names::is_cjk) {
            // Chinese and Japanese write no spaces: the term itself, wherever it stands.
            let range = folded.original_range(m.start(), m.end());
            out.push(TermMatch { start: range.start, end: range.end, concept: *concept });
            continue;
        }
        let word_start = f[..m.start()].rfind(|c: char| !is_word_char(c)).map_or(0, |p| p + next_len(f, p));
        if !fit.prefix_ok(&f[word_start..m.start()]) {
            continue;
        }
        let word_end = f[m.end()..].find(|c: char| !is_word_char(c)).map_or(f.len(), |p| p + m.end());
        if !fit.ending_ok(&f[m.end()..word_end]) {
            continue;
        }
        let range = folded.original_range(m.start(), word_end);
        out.push(TermMatch { start: range.start, end: range.end, concept: *concept });
    }
    out
}

/// The length in bytes of the character at byte `i` of `s`.
fn next_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(0, char::len_utf8)
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

    fn concepts(text: &str) -> Vec<String> {
        find_events(text).into_iter().map(|e| e.concept).collect()
    }

    #[test]
    fn news_words_are_found_with_their_endings_in_each_script() {
        let c = |t: &str| find_news_words(t).into_iter().map(|e| e.concept).collect::<Vec<_>>();
        assert_eq!(c("ঢাকায় এসেছেন রাশিয়ার পররাষ্ট্রমন্ত্রী"), ["foreign_minister"]);
        assert_eq!(c("وزیر امور خارجه روسیه وارد داکا شد"), ["foreign_minister", "arrive"]);
        assert_eq!(c("পেজেশকিয়ান প্রেসিডেন্ট নির্বাচিত হয়েছেন"), ["president", "elected"]);
        assert_eq!(c("Министр иностранных дел прибыл в Дакку"), ["foreign_minister", "arrive"]);
        // A longer word that only starts like a listed one is another word.
        assert!(c("দায়িত্ব পালন করছেন").is_empty());
        // What the lead of a report of an interception or a flight from the country says, in
        // both scripts (thirty-ninth session's words).
        assert_eq!(c("বেশিরভাগ ক্ষেপণাস্ত্র প্রতিহত করা হয়েছে"), ["intercept"]);
        assert_eq!(c("بیشتر موشک‌ها رهگیری شدند"), ["intercept"]);
        assert_eq!(c("টানা চতুর্থবার"), ["consecutive"]);
        assert_eq!(c("برای چهارمین دور پیاپی"), ["consecutive"]);
        assert_eq!(c("দেশ ছেড়েছেন"), ["country", "depart"]);
        assert_eq!(c("کشور را ترک کرد"), ["country", "depart"]);
    }

    #[test]
    fn russian_case_endings() {
        let c = concepts(
            "В Москве прошли переговоры Лаврова и Шукри. По итогам встречи стороны подписали соглашение о прекращении огня.",
        );
        for want in ["talks", "meeting", "agreement"] {
            assert!(c.contains(&want.to_string()), "{want}: {c:?}");
        }
        // A stem followed by letters that are no case ending is another word.
        assert!(!concepts("встречный поезд").contains(&"meeting".to_string()));
    }

    #[test]
    fn arabic_article_and_proclitics() {
        let c = concepts("وعقد الوزيران اجتماعا في القاهرة، وبحثا خلال الاجتماع وقف إطلاق النار والمساعدات الإنسانية.");
        for want in ["meeting", "ceasefire", "aid"] {
            assert!(c.contains(&want.to_string()), "{want}: {c:?}");
        }
        // The nisba adjective is another word: social, not a meeting.
        assert!(!concepts("الضمان الاجتماعي").contains(&"meeting".to_string()));
    }

    #[test]
    fn arabic_and_urdu_terms_count_only_in_their_language() {
        // Arabic اجتماع is a meeting; Persian اجتماع is society.
        assert!(concepts("عقد الوزيران اجتماعا في القاهرة").contains(&"meeting".to_string()));
        assert!(!concepts("او در اجتماع ترس را کنار گذاشت و به خانه رفت").contains(&"meeting".to_string()));
        // A word both languages list counts in both.
        assert!(concepts("انفجار در بندر").contains(&"explosion".to_string()));
        assert!(concepts("وقع انفجار في الميناء").contains(&"explosion".to_string()));
    }

    #[test]
    fn urdu_oblique_and_plural() {
        let c = concepts("دونوں وزرائے خارجہ کی ملاقات میں غزہ پر اسرائیلی حملوں اور جنگ بندی پر بات چیت ہوئی۔");
        for want in ["meeting", "attack", "ceasefire", "talks"] {
            assert!(c.contains(&want.to_string()), "{want}: {c:?}");
        }
    }

    #[test]
    fn hindi_oblique_and_plural() {
        let c = concepts("दोनों विदेश मंत्रियों की बैठकों में गाजा पर हमलों और युद्धविराम पर बातचीत हुई।");
        for want in ["meeting", "attack", "ceasefire", "talks"] {
            assert!(c.contains(&want.to_string()), "{want}: {c:?}");
        }
        // A virama inside the word does not end it: प्रतिबंधों is one word.
        let e = find_events("प्रतिबंधों");
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].start, e[0].end, e[0].concept.as_str()), (0, "प्रतिबंधों".len(), "sanctions"));
    }
}
