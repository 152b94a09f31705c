//! Mentions of people, places and organisations in running text, in both scripts.
//!
//! Found in one pass each, on the text folded for search ([`Folded`]):
//! - **lexicon** matches (aho-corasick over every lexicon variant), a case ending allowed after them;
//! - **title** matches: up to three name-like words after a title word (পররাষ্ট্রমন্ত্রী,
//!   رئیس‌جمهور, President), or one or two before a head noun that follows names (রাফাহ শহরে);
//! - **quotes**: one to four name-like words inside «…»;
//! - **Latin** capitalised words inside Bengali or Persian text (Persian often keeps English names in Latin);
//! - **candidates**: any other word that is not a common word or a number; these count only
//!   once the corpus confirms them (a transliteration in another script, or a confirmed
//!   mention of the same name), see [`crate::entities`].
//!
//! Case endings are kept in `surface` and `form`; the corpus decides which reading to use (see [`crate::entities`]).

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;
use talign_names::lexicon::{EntityId, Kind, Lexicon, lookup_key};
use talign_names::{Folded, Script, affix};

use crate::lists::Lists;

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A lexicon variant.
    Lexicon,
    /// After a title word, or before a head noun.
    Title,
    /// Inside «…».
    Quote,
    /// Capitalised Latin words in non-Latin text, or in English text.
    Latin,
    /// Any other uncommon word; needs corpus confirmation.
    Candidate,
}

impl Source {
    /// Whether the mention stands on its own evidence (everything but [`Source::Candidate`]).
    pub fn is_confirmed(self) -> bool {
        self != Source::Candidate
    }
}

/// One mention in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The cleaned form (see [`talign_names::normalize`]).
    pub form: String,
    /// For lexicon mentions, the variant that matched (the form without its case ending).
    #[serde(skip)]
    pub matched: Option<String>,
    /// The lexicon entity, for lexicon mentions.
    #[serde(skip)]
    pub entity: Option<EntityId>,
    /// What the context says it is.
    pub kind: Kind,
    /// How it was found.
    pub source: Source,
}

impl Mention {
    /// The mention as written in `text` (the text it was found in).
    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or_default()
    }
}

/// Matches every variant of a lexicon in folded text.
#[derive(Debug)]
pub struct LexiconMatcher {
    ac: AhoCorasick,
    ids: Vec<EntityId>,
}

impl LexiconMatcher {
    /// Builds the matcher for `lex`.
    pub fn new(lex: &Lexicon) -> LexiconMatcher {
        let mut pats: Vec<(String, EntityId)> = Vec::new();
        for (v, id, script) in lex.variants() {
            let key = lookup_key(v);
            if key.is_empty() {
                continue;
            }
            // Russian declines a name's last vowel away (Россия → России, Москва → Москвы):
            // its stem is a pattern too, matched only with a case ending after it.
            if script == Script::Cyrillic
                && let Some(stem) = key.strip_suffix(['а', 'я', 'ь', 'й', 'о'])
                && stem.chars().count() >= 3
            {
                pats.push((stem.to_owned(), id));
            }
            pats.push((key, id));
        }
        pats.sort();
        pats.dedup_by(|a, b| a.0 == b.0);
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(pats.iter().map(|p| p.0.as_str()))
            .expect("lexicon patterns are small enough for aho-corasick");
        LexiconMatcher { ac, ids: pats.into_iter().map(|p| p.1).collect() }
    }

    /// The matcher for the built-in lexicon.
    pub fn builtin() -> &'static LexiconMatcher {
        static M: LazyLock<LexiconMatcher> = LazyLock::new(|| LexiconMatcher::new(Lexicon::builtin()));
        &M
    }
}

/// A word of the folded text.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    script: Script,
    numeric: bool,
}

fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{0980}'..='\u{09FF}' | '\u{200D}' => true,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{0669}' | '\u{0670}'..='\u{06D3}' | '\u{06F0}'..='\u{06FC}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphanumeric(),
    }
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = (c == '\'' || c == '’')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, d)| d.is_alphabetic() && Script::of_char(d) == Some(Script::Latin));
        if is_word_char(c) || inner_apostrophe {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(make_word(text, s, i));
        }
    }
    if let Some(s) = start {
        out.push(make_word(text, s, text.len()));
    }
    out
}

fn make_word(text: &str, start: usize, end: usize) -> Word {
    let w = &text[start..end];
    let script = Script::detect(w);
    let numeric = w.chars().all(|c| c.is_numeric() || c == '.' || c == ',');
    Word { start, end, script, numeric }
}

/// Whether the text between two words is only white space (no punctuation breaks the name).
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    text[a.end..b.start].chars().all(char::is_whitespace)
}

/// Finds the mentions of `text` with the built-in lexicon and lists.
pub fn find_mentions(text: &str) -> Vec<Mention> {
    find_mentions_with(text, Lexicon::builtin(), LexiconMatcher::builtin(), Lists::builtin(), &HashSet::new())
}

/// The words of a folded text (see [`Folded`]), in order.
pub(crate) fn word_slices(folded: &str) -> Vec<&str> {
    words(folded).iter().map(|w| &folded[w.start..w.end]).collect()
}

/// Finds the mentions of `text`, sorted by position, non-overlapping. `frequent` holds
/// words (folded) that the corpus uses too widely to be names, on top of the common-word list.
pub fn find_mentions_with(
    text: &str,
    lex: &Lexicon,
    lm: &LexiconMatcher,
    lists: &Lists,
    frequent: &HashSet<String>,
) -> Vec<Mention> {
    let folded = Folded::new(text);
    let f = folded.text.as_str();
    let ws = words(f);
    let doc_script = {
        let st = talign_names::ScriptStats::of(f);
        st.dominant()
    };
    let word_at_start = |pos: usize| ws.binary_search_by_key(&pos, |w| w.start).ok();
    let word_containing = |pos: usize| ws.partition_point(|w| w.end <= pos);
    let mut used = vec![false; ws.len()];
    let mut lex_place = vec![false; ws.len()];
    let mut out: Vec<Mention> = Vec::new();

    let emit = |out: &mut Vec<Mention>, first: usize, last: usize, entity, kind, source, stem_of_last: Option<&str>| {
        let (s, e) = (ws[first].start, ws[last].end);
        let range = folded.original_range(s, e);
        let form = talign_names::normalize(&text[range.clone()]);
        let matched = stem_of_last.map(|st| {
            let head = talign_names::normalize(&f[s..ws[last].start]);
            let st = talign_names::normalize(st);
            if head.is_empty() { st } else { format!("{head} {st}") }
        });
        out.push(Mention { start: range.start, end: range.end, form, matched, entity, kind, source });
    };

    // 1. Lexicon variants.
    for m in lm.ac.find_iter(f) {
        let Some(first) = word_at_start(m.start()) else { continue };
        let last = word_containing(m.end() - 1);
        if last >= ws.len() || used[first..=last].iter().any(|&u| u) {
            continue;
        }
        let w = ws[last];
        let matched_last = &f[w.start..m.end()];
        let stem_of_last = if m.end() == w.end {
            None
        } else {
            // A case ending may follow; anything else means the variant is only the start of a longer word.
            let whole = &f[w.start..w.end];
            let ok = affix::stems(whole, w.script).iter().any(|s| s == matched_last);
            if !ok {
                continue;
            }
            Some(matched_last)
        };
        let id = lm.ids[m.pattern().as_usize()];
        let kind = lex.entity(id).kind;
        used[first..=last].iter_mut().for_each(|u| *u = true);
        if kind == Kind::Place {
            lex_place[first..=last].iter_mut().for_each(|u| *u = true);
        }
        emit(&mut out, first, last, Some(id), kind, Source::Lexicon, stem_of_last.or(Some(matched_last)));
    }

    let common = |word: &str, script: Script| -> bool {
        lists.is_common(word)
            || frequent.contains(word)
            || affix::stems(word, script).iter().any(|s| lists.is_common(s) || frequent.contains(s))
    };
    let name_like = |i: usize, used: &[bool]| -> bool {
        let w = ws[i];
        !used[i] && !w.numeric && w.end - w.start >= 2 && !common(&f[w.start..w.end], w.script)
    };

    // 2. Title words before names.
    for m in lists.title_matcher.find_iter(f) {
        let Some(first_t) = word_at_start(m.start()) else { continue };
        let last_t = word_containing(m.end() - 1);
        if last_t >= ws.len() || ws[last_t].end != m.end() || used[first_t..=last_t].iter().any(|&u| u) {
            continue;
        }
        let kind = lists.titles[m.pattern().as_usize()].1;
        let mut j = last_t + 1;
        // Persian "رئیس جمهور مقدونیه جورج ایوانف" (President of Macedonia G. I.): a place named by
        // the lexicon may stand between the title and the name; in any script, a comma may.
        while doc_script == Script::Arabic && j < ws.len() && lex_place[j] && j - last_t <= 2 {
            j += 1;
        }
        let gap_ok = |a: usize, b: usize| {
            let gap = f[ws[a].end..ws[b].start].trim();
            gap.is_empty() || gap == "," || gap == "،"
        };
        if j >= ws.len() || !gap_ok(j - 1, j) {
            continue;
        }
        // Names after a title are one or two words: a third is more often the verb.
        let mut taken = Vec::new();
        while j < ws.len()
            && taken.len() < 2
            && name_like(j, &used)
            && (taken.is_empty() || joined(f, &ws[j - 1], &ws[j]))
        {
            taken.push(j);
            j += 1;
        }
        if let (Some(&a), Some(&b)) = (taken.first(), taken.last()) {
            used[a..=b].iter_mut().for_each(|u| *u = true);
            emit(&mut out, a, b, None, kind, Source::Title, None);
        }
    }
    // Head nouns after names (রাফাহ শহরে).
    for i in 1..ws.len() {
        let w = ws[i];
        let Some(kind) = lists.after_title(&f[w.start..w.end]) else { continue };
        let mut a = i;
        while a > 0 && i - a < 2 && joined(f, &ws[a - 1], &ws[a]) && name_like(a - 1, &used) {
            a -= 1;
        }
        if a < i {
            used[a..i].iter_mut().for_each(|u| *u = true);
            emit(&mut out, a, i - 1, None, kind, Source::Title, None);
        }
    }

    // 3. «…» quotes of one to four name-like words.
    let mut from = 0;
    while let Some(open) = f[from..].find('«').map(|p| p + from) {
        let Some(close) = f[open..].find('»').map(|p| p + open) else { break };
        from = close + '»'.len_utf8();
        let a = ws.partition_point(|w| w.start < open);
        let b = ws.partition_point(|w| w.end <= close);
        if a < b
            && b - a <= 4
            && (a..b).all(|i| name_like(i, &used))
            && (a + 1..b).all(|i| joined(f, &ws[i - 1], &ws[i]))
        {
            used[a..b].iter_mut().for_each(|u| *u = true);
            emit(&mut out, a, b - 1, None, Kind::Other, Source::Quote, None);
        }
    }

    // 4. Capitalised Latin words (in any text; in English text not at the start of a sentence).
    // In a language that capitalises every noun (German), a capital says nothing: such
    // words are only candidates, for the corpus to confirm.
    let capital_at = |w: &Word| text[folded.original(w.start)..].chars().next().is_some_and(char::is_uppercase);
    let nouns_capitalised = doc_script == Script::Latin && {
        let inner: Vec<&Word> = ws
            .iter()
            .enumerate()
            .filter(|&(i, w)| {
                w.script == Script::Latin && i > 0 && !f[..w.start].trim_end().ends_with(['.', '!', '?', '\n'])
            })
            .map(|(_, w)| w)
            .collect();
        inner.len() >= 20 && inner.iter().filter(|w| capital_at(w)).count() * 10 > inner.len() * 3
    };
    let latin_source = if nouns_capitalised { Source::Candidate } else { Source::Latin };
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        let orig_first = text[folded.original(w.start)..].chars().next();
        let capital = orig_first.is_some_and(char::is_uppercase);
        let sentence_start = i == 0 || f[..w.start].trim_end().ends_with(['.', '!', '?', '\n', '"', '“']);
        if w.script == Script::Latin
            && capital
            && name_like(i, &used)
            && !(doc_script == Script::Latin && sentence_start)
        {
            let mut j = i;
            while j + 1 < ws.len()
                && j + 1 - i < 4
                && ws[j + 1].script == Script::Latin
                && joined(f, &ws[j], &ws[j + 1])
            {
                let next_cap = text[folded.original(ws[j + 1].start)..].chars().next().is_some_and(char::is_uppercase);
                if !next_cap || !name_like(j + 1, &used) {
                    break;
                }
                j += 1;
            }
            used[i..=j].iter_mut().for_each(|u| *u = true);
            emit(&mut out, i, j, None, Kind::Other, latin_source, None);
            i = j + 1;
            continue;
        }
        i += 1;
    }

    // 5. Everything else that could be a name.
    if doc_script != Script::Latin {
        for i in 0..ws.len() {
            let w = ws[i];
            if w.script != Script::Latin
                && w.script != Script::Other
                && name_like(i, &used)
                && f[w.start..w.end].chars().count() >= 3
            {
                used[i] = true;
                emit(&mut out, i, i, None, Kind::Other, Source::Candidate, None);
            }
        }
    }

    out.sort_by_key(|m| (m.start, m.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Source)> {
        find_mentions(text)
            .into_iter()
            .filter(|m| m.source != Source::Candidate)
            .map(|m| (talign_names::normalize(m.surface(text)), m.source))
            .collect()
    }

    fn n(s: &str) -> String {
        talign_names::normalize(s)
    }

    #[test]
    fn titles_quotes_and_lexicon() {
        let m = found("রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ আশা প্রকাশ করেছেন। তিনি মস্কোয় ফিরেছেন।");
        assert!(m.contains(&(n("সের্গেই ল্যাভরভ"), Source::Lexicon)), "{m:?}");
        assert!(m.contains(&(n("মস্কোয়"), Source::Lexicon)), "{m:?}");
        let m = found("উজবেক পররাষ্ট্রমন্ত্রী বখতিয়ার সাইদভ আশা প্রকাশ করেছেন।");
        assert!(m.contains(&(n("বখতিয়ার সাইদভ"), Source::Title)), "{m:?}");
        let m = found("به گزارش راهبرد معاصر، «سرگئی لاوروف» و «بختیار سعیدوف» وزرای خارجه روسیه و مصر");
        assert!(m.contains(&(n("سرگئی لاوروف"), Source::Lexicon)), "{m:?}");
        assert!(m.contains(&(n("بختیار سعیدوف"), Source::Quote)), "{m:?}");
        assert!(m.contains(&(n("مصر"), Source::Lexicon)), "{m:?}");
        let m = found("نامزد دادگاه عالی Brett Kavanaugh می‌پردازند");
        assert!(m.contains(&(n("Brett Kavanaugh"), Source::Latin)), "{m:?}");
    }

    #[test]
    fn declined_russian_names_meet_their_lexicon_entry() {
        let lex = Lexicon::from_csv(
            "id,canonical,kind,lang,variant,source\nrussia,Russia,place,ru,Россия,t\nmoscow,Moscow,place,ru,Москва,t\n",
            "concept,lang,term,source\n",
        )
        .unwrap();
        let lm = LexiconMatcher::new(&lex);
        let ms = find_mentions_with(
            "Президент России прибыл в Москву, а не в Россиянино.",
            &lex,
            &lm,
            Lists::builtin(),
            &HashSet::new(),
        );
        let ents: Vec<Option<EntityId>> = ms.iter().filter(|m| m.source == Source::Lexicon).map(|m| m.entity).collect();
        assert_eq!(ents, [Some(0), Some(1)], "{ms:?}");
    }

    #[test]
    fn capitals_in_german_are_nouns_not_names() {
        let de = "Der russische Außenminister Sergej Lawrow hat bei seinem Besuch in Bangladesch Gespräche \
                  über die Entwicklung des Handels, die Umsetzung des Kernkraftwerksprojekts und die \
                  Lieferungen von Flüssigerdgas geführt, sagte die Premierministerin am Freitag in Dhaka.";
        assert!(found(de).iter().all(|(_, s)| *s != Source::Latin), "{:?}", found(de));
        let en = "The Uzbek envoy Bakhtiyor Saidov arrived in Dhaka on Thursday for talks with \
                  his counterpart on trade, the nuclear power plant and supplies of liquefied gas, the \
                  ministry said in a statement on Friday after the meeting in the capital.";
        assert!(found(en).contains(&(n("Bakhtiyor Saidov"), Source::Latin)), "{:?}", found(en));
    }

    #[test]
    fn offsets_point_into_the_original() {
        let t = "«سرگئي لاوروف» وارد مراکش شد";
        for m in find_mentions(t) {
            assert_eq!(talign_names::normalize(m.surface(t)), m.form);
        }
    }
}
