//! Dates in running text: Gregorian dates with Bengali, Persian or English month names
//! and any of the three digit systems, Solar Hijri dates (converted with `icu_calendar`),
//! ISO dates, years with a context word, and weekdays resolved against the publication date.
//!
//! ```
//! use talign_events::temporal::{find_dates, TimeValue};
//! let d = find_dates("تاریخ انتشار: ۲۹ آذر ۱۴۰۲", None);
//! assert_eq!(d[0].value, TimeValue::Day("2023-12-20".parse().unwrap()));
//! ```

use serde::Serialize;
use talign_corpus::{Date, Weekday};

use crate::scan::{Tok, scan};

/// What a date mention says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TimeValue {
    /// A full Gregorian date.
    Day(Date),
    /// A day of a month whose year is not known (no publication date to resolve it).
    DayMonth {
        /// Month, 1–12.
        month: u32,
        /// Day, 1–31.
        day: u32,
    },
    /// A month of a year.
    MonthYear {
        /// Year.
        year: i32,
        /// Month, 1–12.
        month: u32,
    },
    /// A Gregorian year.
    Year(i32),
    /// A weekday that could not be resolved (no publication date).
    Weekday(#[serde(serialize_with = "weekday_name")] Weekday),
}

fn weekday_name<S: serde::Serializer>(w: &Weekday, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(w.name())
}

/// The calendar a mention was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    /// Gregorian month names or ISO.
    Gregorian,
    /// Persian (Solar Hijri) month names.
    SolarHijri,
    /// A weekday name.
    Weekday,
}

/// One date in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// Byte offset in the text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// What it says (resolved against the publication date where one is known).
    pub value: TimeValue,
    /// The calendar it was written in.
    pub calendar: Calendar,
}

/// Month names: (stem, month, calendar). Stems are folded like [`scan`] folds words.
const MONTHS: &[(&str, u32, Calendar)] = &[
    // Bengali, Gregorian months.
    ("জানুয়ারি", 1, Calendar::Gregorian),
    ("জানুয়ারী", 1, Calendar::Gregorian),
    ("ফেব্রুয়ারি", 2, Calendar::Gregorian),
    ("ফেব্রুয়ারী", 2, Calendar::Gregorian),
    ("মার্চ", 3, Calendar::Gregorian),
    ("এপ্রিল", 4, Calendar::Gregorian),
    ("মে", 5, Calendar::Gregorian),
    ("জুন", 6, Calendar::Gregorian),
    ("জুলাই", 7, Calendar::Gregorian),
    ("আগস্ট", 8, Calendar::Gregorian),
    ("অগাস্ট", 8, Calendar::Gregorian),
    ("আগষ্ট", 8, Calendar::Gregorian),
    ("সেপ্টেম্বর", 9, Calendar::Gregorian),
    ("অক্টোবর", 10, Calendar::Gregorian),
    ("নভেম্বর", 11, Calendar::Gregorian),
    ("ডিসেম্বর", 12, Calendar::Gregorian),
    // Persian transliterations of the Gregorian months.
    ("ژانویه", 1, Calendar::Gregorian),
    ("ژانویهٔ", 1, Calendar::Gregorian),
    ("فوریه", 2, Calendar::Gregorian),
    ("مارس", 3, Calendar::Gregorian),
    ("آوریل", 4, Calendar::Gregorian),
    ("مه", 5, Calendar::Gregorian),
    ("می", 5, Calendar::Gregorian),
    ("ژوئن", 6, Calendar::Gregorian),
    ("ژوین", 6, Calendar::Gregorian),
    ("ژوئیه", 7, Calendar::Gregorian),
    ("جولای", 7, Calendar::Gregorian),
    ("اوت", 8, Calendar::Gregorian),
    ("آگوست", 8, Calendar::Gregorian),
    ("سپتامبر", 9, Calendar::Gregorian),
    ("اکتبر", 10, Calendar::Gregorian),
    ("نوامبر", 11, Calendar::Gregorian),
    ("دسامبر", 12, Calendar::Gregorian),
    // Solar Hijri months.
    ("فروردین", 1, Calendar::SolarHijri),
    ("اردیبهشت", 2, Calendar::SolarHijri),
    ("خرداد", 3, Calendar::SolarHijri),
    ("تیر", 4, Calendar::SolarHijri),
    ("مرداد", 5, Calendar::SolarHijri),
    ("شهریور", 6, Calendar::SolarHijri),
    ("مهر", 7, Calendar::SolarHijri),
    ("آبان", 8, Calendar::SolarHijri),
    ("آذر", 9, Calendar::SolarHijri),
    ("دی", 10, Calendar::SolarHijri),
    ("بهمن", 11, Calendar::SolarHijri),
    ("اسفند", 12, Calendar::SolarHijri),
    // English.
    ("january", 1, Calendar::Gregorian),
    ("jan", 1, Calendar::Gregorian),
    ("february", 2, Calendar::Gregorian),
    ("feb", 2, Calendar::Gregorian),
    ("march", 3, Calendar::Gregorian),
    ("april", 4, Calendar::Gregorian),
    ("apr", 4, Calendar::Gregorian),
    ("may", 5, Calendar::Gregorian),
    ("june", 6, Calendar::Gregorian),
    ("july", 7, Calendar::Gregorian),
    ("august", 8, Calendar::Gregorian),
    ("aug", 8, Calendar::Gregorian),
    ("september", 9, Calendar::Gregorian),
    ("sept", 9, Calendar::Gregorian),
    ("sep", 9, Calendar::Gregorian),
    ("october", 10, Calendar::Gregorian),
    ("oct", 10, Calendar::Gregorian),
    ("november", 11, Calendar::Gregorian),
    ("nov", 11, Calendar::Gregorian),
    ("december", 12, Calendar::Gregorian),
    ("dec", 12, Calendar::Gregorian),
];

/// Endings allowed after a Bengali month name (ফেব্রুয়ারিতে, অক্টোবরের) or a Persian one (ژانویهٔ).
const MONTH_ENDINGS: &[&str] = &["", "ের", "এর", "র", "তে", "ে", "েই", "ই", "য়", "\u{0654}", "ی"];

/// Weekday names: (folded name, weekday). Persian names are matched without ZWNJ; the
/// two-word spellings (پنج شنبه) are joined before matching.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("রবিবার", Weekday::Sun),
    ("রোববার", Weekday::Sun),
    ("সোমবার", Weekday::Mon),
    ("মঙ্গলবার", Weekday::Tue),
    ("বুধবার", Weekday::Wed),
    ("বৃহস্পতিবার", Weekday::Thu),
    ("বৃহষ্পতিবার", Weekday::Thu),
    ("হস্পতিবার", Weekday::Thu),
    ("বিষ্যুদবার", Weekday::Thu),
    ("শুক্রবার", Weekday::Fri),
    ("শনিবার", Weekday::Sat),
    ("یکشنبه", Weekday::Sun),
    ("دوشنبه", Weekday::Mon),
    ("سهشنبه", Weekday::Tue),
    ("چهارشنبه", Weekday::Wed),
    ("پنجشنبه", Weekday::Thu),
    ("جمعه", Weekday::Fri),
    ("شنبه", Weekday::Sat),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const WEEKDAY_ENDINGS: &[&str] = &["", "ে", "ের", "এর", "ও", "ই", "েই", "s", "ها"];

/// Words that make a bare four-digit number a year: "২০১৯ সালে", "سال ۲۰۱۹", "in 2019".
const YEAR_AFTER: &[&str] = &["সাল", "সালে", "সালের", "সালেই", "খ্রিস্টাব্দ", "খ্রিস্টাব্দে", "খ্রিস্টাব্দের", "ميلادی", "میلادی"];
const YEAR_BEFORE: &[&str] = &["سال", "in", "since", "year"];

/// Suffixes a day number may carry: Bengali ৭ই, ১লা, ২রা, ৪ঠা, ২২শে; English 1st; Persian ۶م.
const DAY_SUFFIXES: &[&str] = &["", "ই", "লা", "রা", "ঠা", "শে", "st", "nd", "rd", "th", "م", "ام"];

fn folded(s: &str) -> String {
    scan(s)
        .into_iter()
        .filter_map(|t| match t.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        })
        .collect::<Vec<_>>()
        .concat()
}

/// The month stems folded the way the scanner folds words, built once.
static FOLDED_MONTHS: std::sync::LazyLock<Vec<(String, u32, Calendar)>> =
    std::sync::LazyLock::new(|| MONTHS.iter().map(|&(s, m, c)| (folded(s), m, c)).collect());

fn month_of(word: &str) -> Option<(u32, Calendar)> {
    // Longest stem first, so that "مه" does not take "مهر".
    let mut best: Option<(usize, u32, Calendar)> = None;
    for (stem, m, cal) in FOLDED_MONTHS.iter() {
        let (m, cal) = (*m, *cal);
        if let Some(rest) = word.strip_prefix(stem.as_str())
            && MONTH_ENDINGS.contains(&rest)
            && best.is_none_or(|b| stem.len() > b.0)
        {
            best = Some((stem.len(), m, cal));
        }
    }
    best.map(|b| (b.1, b.2))
}

fn weekday_of(word: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find_map(|&(name, w)| {
        let rest = word.strip_prefix(name)?;
        WEEKDAY_ENDINGS.contains(&rest).then_some(w)
    })
}

fn day_of(t: &Tok) -> Option<u32> {
    match t {
        Tok::Num { value, int_digits, plain: true, suffix }
            if *int_digits <= 2 && DAY_SUFFIXES.contains(&suffix.as_str()) =>
        {
            let d = *value as u32;
            (1..=31).contains(&d).then_some(d)
        }
        _ => None,
    }
}

fn year_of(t: &Tok, cal: Calendar) -> Option<i32> {
    match t {
        Tok::Num { value, int_digits: 4, plain: true, suffix } if suffix.is_empty() || suffix == "ের" => {
            let y = *value as i32;
            let ok = match cal {
                Calendar::SolarHijri => (1200..=1500).contains(&y),
                _ => (1800..=2200).contains(&y),
            };
            ok.then_some(y)
        }
        _ => None,
    }
}

/// A Solar Hijri date in the Gregorian calendar (through `icu_calendar`).
pub fn solar_hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<Date> {
    let p = icu_calendar::Date::try_new_persian(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()?;
    let iso = p.to_calendar(icu_calendar::Iso);
    Date::from_ymd(iso.year().extended_year(), u32::from(iso.month().ordinal), u32::from(iso.day_of_month().0))
}

/// The Solar Hijri year a Gregorian date falls in.
fn solar_year_of(d: Date) -> Option<i32> {
    let iso =
        icu_calendar::Date::try_new_iso(d.year(), u8::try_from(d.month()).ok()?, u8::try_from(d.day()).ok()?).ok()?;
    Some(iso.to_calendar(icu_calendar::cal::Persian).year().extended_year())
}

fn make_day(cal: Calendar, year: i32, month: u32, day: u32) -> Option<Date> {
    match cal {
        Calendar::SolarHijri => solar_hijri_to_gregorian(year, month, day),
        _ => Date::from_ymd(year, month, day),
    }
}

/// A day and month without a year, placed in the year that puts it nearest the publication date.
fn nearest(cal: Calendar, month: u32, day: u32, published: Date) -> Option<Date> {
    let base = match cal {
        Calendar::SolarHijri => solar_year_of(published)?,
        _ => published.year(),
    };
    (base - 1..=base + 1)
        .filter_map(|y| make_day(cal, y, month, day))
        .min_by_key(|d| (d.days_from(published).abs(), d.days_since_epoch()))
}

/// Finds the dates of `text`, sorted by position and non-overlapping. Day–month mentions
/// and weekdays are resolved against `published` when it is given.
pub fn find_dates(text: &str, published: Option<Date>) -> Vec<DateMention> {
    let toks = scan(text);
    let mut out = Vec::new();
    let mut i = 0;
    let word = |k: usize| -> Option<&str> {
        match toks.get(k).map(|t| &t.tok) {
            Some(Tok::Word(w)) => Some(w.as_str()),
            _ => None,
        }
    };
    let punct = |k: usize, c: char| matches!(toks.get(k).map(|t| &t.tok), Some(Tok::Punct(p)) if *p == c);
    let push = |out: &mut Vec<DateMention>, a: usize, b: usize, value: TimeValue, calendar: Calendar| {
        let (s, e) = (toks[a].start, toks[b].end);
        out.push(DateMention { start: s, end: e, text: text[s..e].to_owned(), value, calendar });
    };
    while i < toks.len() {
        let t = &toks[i].tok;
        // ISO: 2023-12-20 or 2023/12/20.
        if let Tok::Num { value, int_digits: 4, plain: true, suffix } = t
            && suffix.is_empty()
            && (punct(i + 1, '-') || punct(i + 1, '/'))
        {
            let sep = if punct(i + 1, '-') { '-' } else { '/' };
            if let (
                Some(Tok::Num { value: m, int_digits: 1..=2, .. }),
                true,
                Some(Tok::Num { value: d, int_digits: 1..=2, plain: true, .. }),
            ) = (toks.get(i + 2).map(|t| &t.tok), punct(i + 3, sep), toks.get(i + 4).map(|t| &t.tok))
                && let Some(date) = Date::from_ymd(*value as i32, *m as u32, *d as u32)
            {
                push(&mut out, i, i + 4, TimeValue::Day(date), Calendar::Gregorian);
                i += 5;
                continue;
            }
            // A range of years: ২০২৪-২০২৬.
            if let (Some(y1), Some(y2)) =
                (year_of(t, Calendar::Gregorian), toks.get(i + 2).and_then(|x| year_of(&x.tok, Calendar::Gregorian)))
                && sep == '-'
                && y2 > y1
                && y2 - y1 <= 50
            {
                push(&mut out, i, i, TimeValue::Year(y1), Calendar::Gregorian);
                push(&mut out, i + 2, i + 2, TimeValue::Year(y2), Calendar::Gregorian);
                i += 3;
                continue;
            }
        }
        // Year Month Day (2023 December 20).
        if let Some((month, cal)) = word(i + 1).and_then(month_of)
            && let (Some(y), Some(day)) = (year_of(t, cal), toks.get(i + 2).and_then(|x| day_of(&x.tok)))
            && let Some(d) = make_day(cal, y, month, day)
        {
            push(&mut out, i, i + 2, TimeValue::Day(d), cal);
            i += 3;
            continue;
        }
        // Day Month [Year].
        if let Some(day) = day_of(t)
            && let Some((month, cal)) = word(i + 1).and_then(month_of)
        {
            // "دی" (Dey) is also a common word: only with a year after it.
            let year = toks.get(i + 2).and_then(|x| year_of(&x.tok, cal));
            let risky = cal == Calendar::SolarHijri && word(i + 1) == Some("دی") && year.is_none();
            if !risky {
                if let Some(y) = year {
                    if let Some(d) = make_day(cal, y, month, day) {
                        push(&mut out, i, i + 2, TimeValue::Day(d), cal);
                        i += 3;
                        continue;
                    }
                } else {
                    let value = match published.and_then(|p| nearest(cal, month, day, p)) {
                        Some(d) => TimeValue::Day(d),
                        None if cal == Calendar::Gregorian && Date::from_ymd(2000, month, day).is_some() => {
                            TimeValue::DayMonth { month, day }
                        }
                        None => {
                            i += 1;
                            continue;
                        }
                    };
                    push(&mut out, i, i + 1, value, cal);
                    i += 2;
                    continue;
                }
            }
        }
        if let Some(w) = word(i) {
            // Month Day[,] Year (December 20, 2023) and Month Year (آوریل ۲۰۱۹).
            if let Some((month, cal)) = month_of(w) {
                let short_english = w.len() <= 4 && w.is_ascii();
                if let Some(day) = toks.get(i + 1).and_then(|x| day_of(&x.tok)) {
                    let k = if punct(i + 2, ',') { i + 3 } else { i + 2 };
                    if let Some(y) = toks.get(k).and_then(|x| year_of(&x.tok, cal))
                        && let Some(d) = make_day(cal, y, month, day)
                    {
                        push(&mut out, i, k, TimeValue::Day(d), cal);
                        i = k + 1;
                        continue;
                    }
                }
                if let Some(y) = toks.get(i + 1).and_then(|x| year_of(&x.tok, cal))
                    && (!short_english || w == "may" || w.len() == 3)
                {
                    let value = match cal {
                        Calendar::SolarHijri => match solar_hijri_to_gregorian(y, month, 15) {
                            Some(d) => TimeValue::MonthYear { year: d.year(), month: d.month() },
                            None => {
                                i += 1;
                                continue;
                            }
                        },
                        _ => TimeValue::MonthYear { year: y, month },
                    };
                    push(&mut out, i, i + 1, value, cal);
                    i += 2;
                    continue;
                }
            }
            // Weekdays; Persian two-word spellings (پنج شنبه) first.
            let two = word(i + 1).map(|n| format!("{w}{n}"));
            let (wd, span) = match two.as_deref().and_then(weekday_of) {
                Some(x) if matches!(w, "یک" | "دو" | "سه" | "چهار" | "پنج") => (Some(x), 1),
                _ => (weekday_of(w), 0),
            };
            if let Some(wd) = wd {
                let value = match published {
                    Some(p) => TimeValue::Day(p.latest_on_or_before(wd)),
                    None => TimeValue::Weekday(wd),
                };
                push(&mut out, i, i + span, value, Calendar::Weekday);
                i += span + 1;
                continue;
            }
            // A year announced by a word before it: سال ۲۰۱۹, in 2019.
            if YEAR_BEFORE.contains(&w)
                && let Some(y) = toks.get(i + 1).and_then(|x| year_of(&x.tok, Calendar::Gregorian))
            {
                push(&mut out, i + 1, i + 1, TimeValue::Year(y), Calendar::Gregorian);
                i += 2;
                continue;
            }
        }
        // A year announced by a word after it: ২০১৯ সালে.
        if let Some(y) = year_of(t, Calendar::Gregorian)
            && word(i + 1).is_some_and(|w| YEAR_AFTER.contains(&w))
        {
            push(&mut out, i, i, TimeValue::Year(y), Calendar::Gregorian);
            i += 2;
            continue;
        }
        i += 1;
    }
    out
}

/// Labels that introduce a publication date.
const PUBLISHED_LABELS: &[&str] = &["تاریخ انتشار", "انتشار", "প্রকাশিত", "প্রকাশ", "আপডেট", "published", "updated"];

/// The publication date a text states: a full date on a line with a label such as
/// `تاریخ انتشار` or `প্রকাশিত`, else a full date (with its year) in the first three lines
/// (a dateline). `None` when the text states none; day–month mentions without a year are
/// not taken for a publication date.
pub fn infer_published(text: &str) -> Option<Date> {
    let full = |line: &str| {
        find_dates(line, None).into_iter().find_map(|d| match (d.value, d.calendar) {
            (TimeValue::Day(x), Calendar::Gregorian | Calendar::SolarHijri) => Some(x),
            _ => None,
        })
    };
    for line in text.lines() {
        let lower = line.to_lowercase();
        if PUBLISHED_LABELS.iter().any(|l| lower.contains(l))
            && let Some(d) = full(line)
        {
            return Some(d);
        }
    }
    text.lines().filter(|l| !l.trim().is_empty()).take(3).find_map(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn values(text: &str, published: Option<&str>) -> Vec<TimeValue> {
        find_dates(text, published.map(d)).into_iter().map(|m| m.value).collect()
    }

    #[test]
    fn solar_hijri() {
        assert_eq!(values("۲۹ آذر ۱۴۰۲", None), vec![TimeValue::Day(d("2023-12-20"))]);
        assert_eq!(solar_hijri_to_gregorian(1403, 1, 1), Some(d("2024-03-20")));
        assert_eq!(values("۲۹ آذر", Some("2023-12-25")), vec![TimeValue::Day(d("2023-12-20"))]);
        // دی is also a word: not a month without a year.
        assert!(values("۳ دی گفت", None).is_empty());
        assert_eq!(values("۱۰ دی ۱۴۰۲", None), vec![TimeValue::Day(d("2023-12-31"))]);
    }

    #[test]
    fn gregorian_in_three_scripts() {
        assert_eq!(
            values("امروز (چهارشنبه، ۲۰ دسامبر)", Some("2023-12-20")),
            vec![TimeValue::Day(d("2023-12-20")), TimeValue::Day(d("2023-12-20"))]
        );
        assert_eq!(values("یکشنبه هفته پیش(۱۰ دسامبر)", Some("2023-12-20"))[1], TimeValue::Day(d("2023-12-10")));
        assert_eq!(values("در آوریل ۲۰۱۹ در مسکو", None), vec![TimeValue::MonthYear { year: 2019, month: 4 }]);
        assert_eq!(values("৭ই অক্টোবরের সন্ত্রাসী হামলার", None), vec![TimeValue::DayMonth { month: 10, day: 7 }]);
        assert_eq!(values("২৯ ফেব্রুয়ারি ২০২৪ থেকে", None), vec![TimeValue::Day(d("2024-02-29"))]);
        assert_eq!(
            values("December 20, 2023 and 2023 December 20", None),
            vec![TimeValue::Day(d("2023-12-20")), TimeValue::Day(d("2023-12-20"))]
        );
        assert_eq!(values("on 2023-12-20.", None), vec![TimeValue::Day(d("2023-12-20"))]);
    }

    #[test]
    fn years_and_weekdays() {
        assert_eq!(values("২০১৯ সালে মস্কোতে", None), vec![TimeValue::Year(2019)]);
        assert_eq!(values("২০২৪-২০২৬ এর জন্য", None), vec![TimeValue::Year(2024), TimeValue::Year(2026)]);
        assert!(values("১৭০ কোটি ডলারের 2500 people", None).is_empty());
        assert_eq!(values("ল্যাভরভ বুধবার", Some("2023-12-20")), vec![TimeValue::Day(d("2023-12-20"))]);
        assert_eq!(
            values("হস্পতিবার (১৫ ফেব্রুয়ারি)", None),
            vec![TimeValue::Weekday(Weekday::Thu), TimeValue::DayMonth { month: 2, day: 15 }]
        );
        for thu in ["پنج‌شنبه", "پنج شنبه", "پنجشنبه"] {
            assert_eq!(values(thu, None), vec![TimeValue::Weekday(Weekday::Thu)], "{thu}");
        }
        assert_eq!(values("شنبه", None), vec![TimeValue::Weekday(Weekday::Sat)]);
        assert_eq!(values("سه‌شنبه", None), vec![TimeValue::Weekday(Weekday::Tue)]);
    }

    #[test]
    fn publication_dates() {
        let seed = include_str!("../../../corpora/seeds/fa-lavrov-shoukry-gaza.txt");
        assert_eq!(infer_published(seed), Some(d("2023-12-20")));
        for bn in [
            include_str!("../../../corpora/seeds/bn-lavrov-marrakech.txt"),
            include_str!("../../../corpora/seeds/bn-xi-lavrov-beijing.txt"),
            include_str!("../../../corpora/seeds/bn-putin-invites-hamas.txt"),
            include_str!("../../../corpora/seeds/bn-putin-pezeshkian-ashgabat.txt"),
        ] {
            assert_eq!(infer_published(bn), None);
        }
    }

    #[test]
    fn offsets_are_exact() {
        let t = "তারিখ: ২৯ আজ ৭ই অক্টোবরের পর ۲۹ آذر ۱۴۰۲ ও বুধবার";
        for m in find_dates(t, None) {
            assert_eq!(&t[m.start..m.end], m.text);
        }
    }
}
