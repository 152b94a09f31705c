//! Sentence segmentation for Bengali, Persian and Latin-script news text.
//!
//! A sentence ends at a line break, or at `।` `?` `!` `؟` `.` `…` (with any closing
//! quotes or brackets after it) followed by white space, or at the full-width `。` `！` `？`
//! of Chinese and Japanese, which need no space after them. A full stop does not end a
//! sentence after a single capital of a cased script or a single Bengali letter (an
//! initial) or a common abbreviation (English, Bengali, Hindi, Russian).

use serde::Serialize;

/// One sentence: its text (trimmed) and its byte range in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence<'a> {
    /// The sentence text, without surrounding white space.
    pub text: &'a str,
    /// Byte offset of the first character in the document.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// Whether `c` ends a sentence when white space follows it (`।` `?` `!` `؟` `.` `…`).
pub fn is_terminator(c: char) -> bool {
    matches!(c, '।' | '॥' | '?' | '!' | '؟' | '.' | '…')
}

/// Whether `c` closes a quote or bracket (kept with the sentence it ends).
pub fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '›' | '」' | '』' | '）')
}

/// Whether `c` ends a Chinese or Japanese sentence, space after it or not (`。` `！` `？`).
pub fn is_full_width_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

const ABBREVIATIONS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "jr",
    "sr",
    "prof",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "rep",
    "sen",
    "gov",
    "rev",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "ডা",
    "ড",
    "মি",
    "মো",
    "মোঃ",
    "মোছা",
    "রহ",
    "সা",
    "ডঃ",
    "डॉ",
    "प्रो",
    "тыс",
    "млн",
    "млрд",
    "им",
];

/// Whether `c` is a Bengali letter (a vowel or consonant, not a sign): written alone (or
/// with its vowel sign) before a full stop, an initial (এ. কে. আব্দুল মোমেন).
fn is_bengali_letter(c: char) -> bool {
    matches!(c, '\u{0985}'..='\u{09B9}' | '\u{09DC}'..='\u{09DF}')
}

/// Whether the full stop at byte `dot` of `text` belongs to an abbreviation or initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before.rfind(|c: char| c.is_whitespace() || c == '(' || c == '"').map_or(0, |i| i + 1);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(c), None, _) if c.is_uppercase() || is_bengali_letter(c) => return true,
        // A Bengali letter with its vowel sign (কে. for K, জে. for J).
        (Some(c), Some(v), None) if is_bengali_letter(c) && matches!(v, '\u{09BE}'..='\u{09CC}') => return true,
        _ => {}
    }
    let lower = talign_names::lowercase(word);
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Takes the characters `more` accepts off the front of `iter` (the terminators and closing
/// quotes after a sentence's end), and gives the byte offset past the last one (`end` if none).
fn take_while(
    iter: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    mut end: usize,
    more: impl Fn(char) -> bool,
) -> usize {
    while let Some(&(j, d)) = iter.peek() {
        if !more(d) {
            break;
        }
        end = j + d.len_utf8();
        iter.next();
    }
    end
}

/// Splits `text` into sentences, in order; empty sentences are never returned.
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let mut cut: Option<usize> = None;
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            cut = Some(i);
        } else if is_full_width_terminator(c) {
            cut = Some(take_while(&mut iter, i + c.len_utf8(), |d| is_full_width_terminator(d) || is_closer(d)));
        } else if is_terminator(c) {
            // “ right after a full stop closes a quote in Bengali typesetting.
            let mut end = take_while(&mut iter, i + c.len_utf8(), |d| is_terminator(d) || is_closer(d) || d == '“');
            let followed_by_space = match iter.peek() {
                None => true,
                Some(&(_, d)) => d.is_whitespace(),
            };
            if followed_by_space && !(c == '.' && is_abbreviation(text, i)) {
                // A closing quote set off by a space (`ছিল। " সর্বশেষ`) still belongs to this
                // sentence.
                end = detached_closer(text, end).unwrap_or(end);
                while iter.peek().is_some_and(|&(j, _)| j < end) {
                    iter.next();
                }
                cut = Some(end);
            }
        }
        if let Some(end) = cut {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The end of a quote mark that stands alone (white space on both sides) right after a
/// sentence end at `end`: such a mark closes the quote of the sentence before it, not one
/// that opens the next (an opening mark is written against its first word). Counting
/// marks to tell open from closed fails in long paragraphs with unbalanced quotes.
fn detached_closer(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\u{00A0}']);
    if trimmed.len() == rest.len() {
        return None;
    }
    let q = trimmed.chars().next()?;
    if !matches!(q, '"' | '”' | '’' | '\'' | '»') {
        return None;
    }
    let after = &trimmed[q.len_utf8()..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    Some(end + (rest.len() - trimmed.len()) + q.len_utf8())
}

fn push_trimmed<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Sentence<'a>>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        out.push(Sentence { text: trimmed, start: s, end: s + trimmed.len() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        sentences(s).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_chinese_and_japanese_at_full_width_stops() {
        assert_eq!(
            texts("习近平会见拉夫罗夫。他说：“合作很重要！”王毅参加会见？是的"),
            ["习近平会见拉夫罗夫。", "他说：“合作很重要！”", "王毅参加会见？", "是的"]
        );
        assert_eq!(
            texts("ラブロフ外相と会談した。「協力する。」と述べた。"),
            ["ラブロフ外相と会談した。", "「協力する。」", "と述べた。"]
        );
    }

    #[test]
    fn splits_bengali_and_persian() {
        assert_eq!(
            texts("ল্যাভরভ পৌঁছেছেন। তিনি বলেন, “শান্তি চাই।” তারপর"),
            ["ল্যাভরভ পৌঁছেছেন।", "তিনি বলেন, “শান্তি চাই।”", "তারপর"]
        );
        assert_eq!(
            texts("لاوروف وارد شد. آیا می‌آید؟ «بله.» پایان"),
            ["لاوروف وارد شد.", "آیا می‌آید؟", "«بله.»", "پایان"]
        );
    }

    #[test]
    fn detached_closing_quotes() {
        assert_eq!(texts("তিনি বলেন, \"ঝড় ছিল। \" সর্বশেষ মডেল"), ["তিনি বলেন, \"ঝড় ছিল। \"", "সর্বশেষ মডেল"]);
        assert_eq!(texts("এটা ছিল। \"নতুন কথা\""), ["এটা ছিল।", "\"নতুন কথা\""]);
        assert_eq!(texts("ফেরত যাবে।“ তিনি আরও বলেন"), ["ফেরত যাবে।“", "তিনি আরও বলেন"]);
        assert_eq!(texts("او می‌گوید: «من چیزی را رها نکرده‌ام»"), ["او می‌گوید: «من چیزی را رها نکرده‌ام»"]);
        assert_eq!(texts("Time: 10:30"), ["Time: 10:30"]);
        // A lone mark after a sentence end closes that sentence's quote, even where the
        // marks of a long paragraph do not pair up.
        assert_eq!(texts("«او گفت» و \"رفت. \" وی اضافه کرد."), ["«او گفت» و \"رفت. \"", "وی اضافه کرد."]);
    }

    #[test]
    fn keeps_initials_abbreviations_and_decimals() {
        assert_eq!(
            texts("Mr. J. Smith paid 2.5 dollars. Then he left."),
            ["Mr. J. Smith paid 2.5 dollars.", "Then he left."]
        );
        assert_eq!(texts("Washington, D.C.خانم Jean گفت."), ["Washington, D.C.خانم Jean گفت."]);
        // Initials in any cased script, and in Bengali; the Bengali, Hindi and Russian
        // abbreviations news writes before names and figures.
        assert_eq!(texts("В. В. Путин прибыл. Он выступил."), ["В. В. Путин прибыл.", "Он выступил."]);
        assert_eq!(
            texts("তিনি পররাষ্ট্রমন্ত্রী ড. এ. কে. আব্দুল মোমেনের সঙ্গে বৈঠক করবেন। পরে ফিরবেন।"),
            ["তিনি পররাষ্ট্রমন্ত্রী ড. এ. কে. আব্দুল মোমেনের সঙ্গে বৈঠক করবেন।", "পরে ফিরবেন।"]
        );
        assert_eq!(
            texts("শাহজালাল (রহ.) আন্তর্জাতিক বিমানবন্দরে নামেন। পরে ফিরবেন।"),
            ["শাহজালাল (রহ.) আন্তর্জাতিক বিমানবন্দরে নামেন।", "পরে ফিরবেন।"]
        );
        assert_eq!(texts("डॉ. सिंह आए. वे बोले."), ["डॉ. सिंह आए.", "वे बोले."]);
        assert_eq!(texts("Погибли 5 тыс. человек. Это много."), ["Погибли 5 тыс. человек.", "Это много."]);
        // A word of two letters still ends a sentence.
        assert_eq!(texts("Встретился с Ким Чен Ын. В Москве."), ["Встретился с Ким Чен Ын.", "В Москве."]);
    }

    #[test]
    fn line_breaks_end_sentences_and_offsets_are_exact() {
        let t = "Title line\n\n  Body one. Body two.";
        let s = sentences(t);
        assert_eq!(s.len(), 3);
        for x in &s {
            assert_eq!(&t[x.start..x.end], x.text);
        }
        assert!(sentences("  \n\n ").is_empty());
    }
}
