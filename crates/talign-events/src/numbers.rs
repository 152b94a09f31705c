//! Numbers in running text: digits of the four systems with Persian and Latin
//! separators (۱٬۰۰۰٫۵, 1,000.5, ১,০০০), scale words (১৭০ কোটি = 1.7 × 10⁹, یک میلیارد),
//! percentages, small numbers and ordinals written as words (চৌদ্দ = 14, ষষ্ঠ and ششمین = 6th).
//!
//! Policy for number words: the words for "one" (এক, یک, one) are also the indefinite
//! article, so they count only before a scale word. Other number words count alone.
//! Times (۱۵:۴۷) are not numbers. Numbers inside dates are reported too; the caller
//! removes the ones a date covers (see [`crate::analysis::extract`]).
//!
//! ```
//! use talign_events::numbers::find_numbers;
//! let n = find_numbers("মস্কো ও তেহরান ১৭০ কোটি ডলারের একটি চুক্তি");
//! assert_eq!(n[0].value, 1.7e9);
//! ```

use serde::Serialize;

use crate::scan::{Tok, scan};

/// What kind of number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    /// A count or amount.
    Cardinal,
    /// A rank (6th).
    Ordinal,
    /// A percentage.
    Percent,
}

/// One number in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberMention {
    /// Byte offset in the text.
    pub start: usize,
    /// Byte offset just past the number (and its scale word or % sign).
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// The value.
    pub value: f64,
    /// The kind.
    pub kind: NumberKind,
}

const SCALES: &[(&str, f64)] = &[
    ("হাজার", 1e3),
    ("লাখ", 1e5),
    ("লক্ষ", 1e5),
    ("কোটি", 1e7),
    ("মিলিয়ন", 1e6),
    ("বিলিয়ন", 1e9),
    ("ট্রিলিয়ন", 1e12),
    ("هزار", 1e3),
    ("میلیون", 1e6),
    ("میلیارد", 1e9),
    ("بیلیون", 1e9),
    ("تریلیون", 1e12),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

const CARDINAL_WORDS: &[(&str, f64)] = &[
    ("এক", 1.0),
    ("দুই", 2.0),
    ("দু", 2.0),
    ("তিন", 3.0),
    ("চার", 4.0),
    ("পাঁচ", 5.0),
    ("ছয়", 6.0),
    ("সাত", 7.0),
    ("আট", 8.0),
    ("দশ", 10.0),
    ("এগারো", 11.0),
    ("বারো", 12.0),
    ("তেরো", 13.0),
    ("চৌদ্দ", 14.0),
    ("পনেরো", 15.0),
    ("ষোল", 16.0),
    ("সতেরো", 17.0),
    ("আঠারো", 18.0),
    ("উনিশ", 19.0),
    ("বিশ", 20.0),
    ("ত্রিশ", 30.0),
    ("চল্লিশ", 40.0),
    ("পঞ্চাশ", 50.0),
    ("একশ", 100.0),
    ("শত", 100.0),
    ("یک", 1.0),
    ("دو", 2.0),
    ("سه", 3.0),
    ("چهار", 4.0),
    ("پنج", 5.0),
    ("شش", 6.0),
    ("هفت", 7.0),
    ("هشت", 8.0),
    ("نه", 9.0),
    ("ده", 10.0),
    ("یازده", 11.0),
    ("دوازده", 12.0),
    ("سیزده", 13.0),
    ("چهارده", 14.0),
    ("پانزده", 15.0),
    ("شانزده", 16.0),
    ("هفده", 17.0),
    ("هجده", 18.0),
    ("نوزده", 19.0),
    ("بیست", 20.0),
    ("سی", 30.0),
    ("چهل", 40.0),
    ("پنجاه", 50.0),
    ("صد", 100.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
];

/// Words that are numbers only before a scale word (they are also "a"/"an").
const ONLY_BEFORE_SCALE: &[&str] = &["এক", "یک", "one", "سی", "نه", "ده"];

const ORDINAL_WORDS: &[(&str, f64)] = &[
    ("প্রথম", 1.0),
    ("দ্বিতীয়", 2.0),
    ("তৃতীয়", 3.0),
    ("চতুর্থ", 4.0),
    ("পঞ্চম", 5.0),
    ("ষষ্ঠ", 6.0),
    ("সপ্তম", 7.0),
    ("অষ্টম", 8.0),
    ("নবম", 9.0),
    ("দশম", 10.0),
    ("نخستین", 1.0),
    ("اولین", 1.0),
    ("دومین", 2.0),
    ("سومین", 3.0),
    ("چهارمین", 4.0),
    ("پنجمین", 5.0),
    ("ششمین", 6.0),
    ("هفتمین", 7.0),
    ("هشتمین", 8.0),
    ("نهمین", 9.0),
    ("دهمین", 10.0),
    ("دوم", 2.0),
    ("سوم", 3.0),
    ("چهارم", 4.0),
    ("پنجم", 5.0),
    ("ششم", 6.0),
    ("هفتم", 7.0),
    ("هشتم", 8.0),
    ("نهم", 9.0),
    ("دهم", 10.0),
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
];

/// Endings after a Bengali number word or ordinal (ষষ্ঠতম? no: -টি, -জন, -এর…).
const WORD_ENDINGS: &[&str] = &["", "টি", "টা", "জন", "ের", "এর", "তে", "ে"];

/// Suffixes after digits that make an ordinal: ৬ষ্ঠ, ২০তম, 6th, ۶م, ۶مین.
const ORDINAL_SUFFIXES: &[&str] = &["তম", "ষ্ঠ", "ম", "য়", "র্থ", "st", "nd", "rd", "th", "م", "مین", "ام", "امین"];

const PERCENT_WORDS: &[&str] = &["শতাংশ", "শতাংশের", "درصد", "percent", "per"];

fn word_value<'a>(w: &str, table: &'a [(&'a str, f64)]) -> Option<(&'a str, f64)> {
    table.iter().find_map(|&(stem, v)| {
        let rest = w.strip_prefix(stem)?;
        WORD_ENDINGS.contains(&rest).then_some((stem, v))
    })
}

fn scale_of(w: &str) -> Option<f64> {
    SCALES.iter().find_map(|&(s, v)| {
        let rest = w.strip_prefix(s)?;
        (rest.is_empty() || matches!(rest, "ের" | "এর" | "ی" | "s" | "ها" | "টি")).then_some(v)
    })
}

/// Finds the numbers of `text`, sorted by position and non-overlapping.
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    let toks = scan(text);
    let mut out = Vec::new();
    let word = |k: usize| match toks.get(k).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let punct = |k: usize, c: char| matches!(toks.get(k).map(|t| &t.tok), Some(Tok::Punct(p)) if *p == c);
    let mut i = 0;
    while i < toks.len() {
        let start = toks[i].start;
        let mut end_tok = i;
        let (mut value, mut kind) = match &toks[i].tok {
            Tok::Num { value, suffix, .. } => {
                // A time of day (۱۵:۴۷) is not a number.
                if punct(i + 1, ':') && matches!(toks.get(i + 2).map(|t| &t.tok), Some(Tok::Num { .. })) {
                    i += 3;
                    continue;
                }
                if ORDINAL_SUFFIXES.contains(&suffix.as_str()) && !suffix.is_empty() {
                    (*value, NumberKind::Ordinal)
                } else {
                    (*value, NumberKind::Cardinal)
                }
            }
            Tok::Word(w) => {
                if let Some((_, v)) = word_value(w, ORDINAL_WORDS) {
                    (v, NumberKind::Ordinal)
                } else if let Some((stem, v)) = word_value(w, CARDINAL_WORDS) {
                    let before_scale = word(i + 1).and_then(scale_of).is_some();
                    if ONLY_BEFORE_SCALE.contains(&stem) && !before_scale {
                        i += 1;
                        continue;
                    }
                    (v, NumberKind::Cardinal)
                } else {
                    i += 1;
                    continue;
                }
            }
            Tok::Punct(_) => {
                i += 1;
                continue;
            }
        };
        if kind == NumberKind::Cardinal {
            if let Some(s) = word(i + 1).and_then(scale_of) {
                value *= s;
                end_tok = i + 1;
            }
            let percent_sign = punct(end_tok + 1, '%') || punct(end_tok + 1, '٪');
            if percent_sign || word(end_tok + 1).is_some_and(|w| PERCENT_WORDS.contains(&w)) {
                kind = NumberKind::Percent;
                end_tok += 1;
            }
        }
        if value.is_finite() {
            let end = toks[end_tok].end;
            out.push(NumberMention { start, end, text: text[start..end].to_owned(), value, kind });
        }
        i = end_tok + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn vals(t: &str) -> Vec<(f64, NumberKind)> {
        find_numbers(t).into_iter().map(|n| (n.value, n.kind)).collect()
    }

    #[test]
    fn digits_separators_and_scales() {
        assert_eq!(vals("১৭০ কোটি ডলারের"), vec![(1.7e9, NumberKind::Cardinal)]);
        assert_eq!(vals("قرارداد یک میلیارد دلاری"), vec![(1e9, NumberKind::Cardinal)]);
        assert_eq!(vals("1,000,000 and ۱٬۰۰۰٫۵"), vec![(1e6, NumberKind::Cardinal), (1000.5, NumberKind::Cardinal)]);
        assert_eq!(vals("۳ روز پس از"), vec![(3.0, NumberKind::Cardinal)]);
        assert_eq!(vals("২০ টি ষড়যন্ত্র"), vec![(20.0, NumberKind::Cardinal)]);
        assert_eq!(vals("১৫% and ۲۰ درصد"), vec![(15.0, NumberKind::Percent), (20.0, NumberKind::Percent)]);
        assert!(vals("ساعت ۱۵:۴۷").is_empty());
    }

    #[test]
    fn words_and_ordinals() {
        assert_eq!(vals("ষষ্ঠ রাশিয়ান-আরব সহযোগিতা ফোরামে"), vec![(6.0, NumberKind::Ordinal)]);
        assert_eq!(vals("ششمین نشست"), vec![(6.0, NumberKind::Ordinal)]);
        assert_eq!(vals("চৌদ্দ জন পররাষ্ট্রমন্ত্রী"), vec![(14.0, NumberKind::Cardinal)]);
        assert_eq!(vals("چهارده وزیر"), vec![(14.0, NumberKind::Cardinal)]);
        assert_eq!(vals("৬ষ্ঠ and 6th"), vec![(6.0, NumberKind::Ordinal), (6.0, NumberKind::Ordinal)]);
        // "یک" and "এক" alone are the indefinite article.
        assert!(vals("یک موش").is_empty());
        assert!(vals("একটি প্রস্তাব").is_empty());
    }

    proptest! {
        #[test]
        fn never_panics_and_offsets_are_exact(s in "[0-9০-৯۰-۹٠-٩,.٫٬:% a-zকোটিهزار]{0,40}") {
            let ns = find_numbers(&s);
            let mut last = 0;
            for n in &ns {
                prop_assert_eq!(&s[n.start..n.end], n.text.as_str());
                prop_assert!(n.start >= last);
                last = n.end;
            }
        }

        #[test]
        fn huge_digit_runs_do_not_panic(n in 1usize..2000) {
            let s = "۹".repeat(n);
            let _ = find_numbers(&s);
            let _ = crate::temporal::find_dates(&s, None);
        }
    }
}
