//! Numbers in running text: digits of the four systems with their separators
//! (`۱٬۰۰۰٫۵`, `1,000.5`, `১,০০০`, Indian grouping `১০,০০,০০০`), scale words
//! (`১৭০ কোটি` = 1.7 × 10⁹, `۲ میلیارد و ۵۰۰ میلیون`, `২ হাজার কোটি`), numbers written as
//! words (`চৌদ্দ`, `بیست و پنج`, `twenty-five`, `দেড় লাখ`), ordinals (`ষষ্ঠ`, `ششمین`,
//! `৬ষ্ঠ`, `20th`), percentages and amounts of money.
//!
//! ```
//! use talign_events::numbers::{NumberKind, find_numbers};
//! let n = find_numbers("মস্কো ও তেহরান ১৭০ কোটি ডলারের চুক্তি; ষষ্ঠ ফোরাম");
//! assert_eq!((n[0].value, n[0].kind, n[0].currency), (1.7e9, NumberKind::Money, Some("USD")));
//! assert_eq!((n[1].value, n[1].kind), (6.0, NumberKind::Ordinal));
//! ```
//!
//! # Policies
//!
//! These numbers decide whether two articles in different languages report the same
//! event, so precision comes first.
//!
//! - **Number words**: words that are only numbers (চৌদ্দ, چهارده, fourteen) count alone.
//!   The words for "one" (এক, یک, one) are also the indefinite article: they count only
//!   inside a longer number (`یک میلیارد`, `এক হাজার`, `صد و یک`, `یک و نیم`). Words that
//!   are also common words (Bengali নয় "is not", Persian نه "no", ده "village", سی as in
//!   بی بی سی) count only inside a longer number, with a counter glued to them (নয়জন) or
//!   before a counted noun (নয় দিন, ده کشور). A Persian number word before شنبه (سه شنبه,
//!   Tuesday) or جانبه (دو جانبه, bilateral) is part of that word. A scale word alone is
//!   not a number (হাজার হাজার, "thousands"), except Persian هزار and صد (هزار نفر).
//! - **Parts of one number** join as written: `۲ میلیارد و ۵۰۰ میلیون`, `৩ কোটি ৫০ লাখ`,
//!   `২ হাজার কোটি` (2 × 10¹⁰), `two hundred and fifty`, `سه هزار و پانصد`. Two numbers side
//!   by side that cannot form one stay apart (`দুই-তিন দিন` is 2 and 3).
//! - **Times** (`۱۵:۴۷`) are not numbers. Digits glued to letters keep them as a suffix:
//!   an ordinal suffix makes an ordinal (`৬ষ্ঠ`, `۶مین`), a counter (`২০টি`) or date suffix
//!   (`৭ই`) leaves a cardinal.
//! - **Dates**: [`find_numbers`] reports every number, also the day and year inside a
//!   date (`২৯` and `১৪০২` of `۲۹ آذر ۱۴۰۲`). To leave those out, pass the dates found by
//!   [`crate::temporal::find_dates`] to [`find_numbers_outside`], or any byte ranges to
//!   [`find_numbers_excluding`]: a number never reaches into an excluded range.
//! - Values that overflow `f64` (a run of 400 digits) are dropped, never reported as
//!   infinite, and nothing panics.

mod words;

#[cfg(test)]
mod tests;

use std::ops::Range;

use serde::Serialize;
use talign_names::digits::digit_value;

use crate::scan::{Tok, Token, scan};
use crate::temporal::DateMention;
use words::{Lexeme, NumWord, Trust};

/// What kind of number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    /// A count or amount.
    Cardinal,
    /// A rank (6th).
    Ordinal,
    /// A percentage (the value is the number of percent: 15 for 15%).
    Percent,
    /// An amount of money; the currency is in [`NumberMention::currency`].
    Money,
}

/// One number in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberMention {
    /// Byte offset in the text (of a currency sign or শতকরা before the number, if any).
    pub start: usize,
    /// Byte offset just past the number (and its scale word, % sign or currency).
    pub end: usize,
    /// The text as written (`&text[start..end]`).
    pub text: String,
    /// The value, scale words applied.
    pub value: f64,
    /// The kind.
    pub kind: NumberKind,
    /// For money, the ISO 4217 code of the currency (`USD`, `BDT`, `IRR`; toman as `IRT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'static str>,
}

impl NumberMention {
    /// The byte range of the mention.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Finds the numbers of `text`, sorted by position and non-overlapping, including the
/// numbers inside dates (see [`find_numbers_outside`]). Never panics.
///
/// ```
/// use talign_events::numbers::find_numbers;
/// let values = |t: &str| find_numbers(t).into_iter().map(|n| n.value).collect::<Vec<_>>();
/// assert_eq!(values("1,000,000 and ۱٬۰۰۰٫۵"), [1e6, 1000.5]);
/// assert_eq!(values("چهارده وزیر، ۳ روز"), [14.0, 3.0]);
/// assert_eq!(values("یک موش"), [] as [f64; 0]);
/// ```
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    find_numbers_excluding(text, &[])
}

/// Like [`find_numbers`], leaving out the numbers that touch the given dates.
///
/// ```
/// use talign_events::{numbers::find_numbers_outside, temporal::find_dates};
/// let text = "۲۹ آذر ۱۴۰۲: ۳ روز";
/// let numbers = find_numbers_outside(text, &find_dates(text, None));
/// assert_eq!(numbers.len(), 1);
/// assert_eq!(numbers[0].value, 3.0);
/// ```
pub fn find_numbers_outside(text: &str, dates: &[DateMention]) -> Vec<NumberMention> {
    let ranges: Vec<Range<usize>> = dates.iter().map(DateMention::range).collect();
    find_numbers_excluding(text, &ranges)
}

/// Like [`find_numbers`], leaving out every number that would overlap one of the byte
/// ranges in `exclude` (in any order). A number stops before an excluded range rather than
/// reaching into it.
pub fn find_numbers_excluding(text: &str, exclude: &[Range<usize>]) -> Vec<NumberMention> {
    Finder::new(text, exclude).run()
}

/// Currency signs written before a number.
fn currency_sign(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '£' => "GBP",
        '€' => "EUR",
        '৳' => "BDT",
        '₽' => "RUB",
        '¥' => "CNY",
        '₹' => "INR",
        '﷼' => "IRR",
        _ => return None,
    })
}

fn is_persian_digit(c: char) -> bool {
    matches!(c, '۰'..='۹' | '٠'..='٩')
}

/// Thousands separators the scanner does not read: `,` in Indian grouping
/// (`১০,০০,০০০`) and the Arabic comma `،` (`15،000`).
const GROUP_SEPARATORS: &[char] = &[',', '،', '٬'];

/// A grouped number at the start of `s` that the scanner leaves in pieces: Indian grouping
/// (one or two digits, groups of two, a last group of three: `১০,০০,০০০`) with `,`, or
/// groups of three with `،` or `٬` (`15،000`), with an optional decimal part. Returns its
/// byte length and value; `None` for anything else, such as a list `1,2,3`.
fn grouped(s: &str) -> Option<(usize, f64)> {
    const LIMIT: usize = 64;
    let cs: Vec<(usize, char)> = s.char_indices().take(LIMIT).collect();
    let digit = |k: usize| cs.get(k).and_then(|&(_, c)| digit_value(c));
    let mut k = 0;
    let mut value = 0.0;
    while let Some(d) = digit(k) {
        value = value * 10.0 + f64::from(d);
        k += 1;
    }
    let lead = k;
    let sep = cs.get(k).map(|x| x.1).filter(|c| GROUP_SEPARATORS.contains(c))?;
    let mut groups = Vec::new();
    while cs.get(k).is_some_and(|x| x.1 == sep) {
        let run = (1..=4).take_while(|&o| digit(k + o).is_some()).count();
        if !(2..=3).contains(&run) {
            return None;
        }
        for o in 1..=run {
            value = value * 10.0 + f64::from(digit(k + o)?);
        }
        groups.push(run);
        k += run + 1;
    }
    let western = (1..=3).contains(&lead) && groups.iter().all(|&g| g == 3);
    let indian = sep == ','
        && (1..=2).contains(&lead)
        && groups.len() >= 2
        && groups.last() == Some(&3)
        && groups[..groups.len() - 1].iter().all(|&g| g == 2);
    if !(western || indian) {
        return None;
    }
    if cs.get(k).is_some_and(|x| matches!(x.1, '.' | '٫')) && digit(k + 1).is_some() {
        let mut scale = 0.1;
        k += 1;
        while let Some(d) = digit(k) {
            value += f64::from(d) * scale;
            scale /= 10.0;
            k += 1;
        }
    }
    // The number must end inside the window.
    if k >= cs.len() && cs.len() == LIMIT {
        return None;
    }
    Some((cs.get(k).map_or(s.len(), |x| x.0), value))
}

/// Rounds away the binary noise of decimal arithmetic (5.69 million is 5690000, not
/// 5689999.999999999): non-integers are rounded to 12 significant digits.
fn tidy(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 || v.fract() == 0.0 {
        return v;
    }
    let p = 11 - v.abs().log10().floor() as i32;
    if !(0..=300).contains(&p) {
        return v;
    }
    let f = 10f64.powi(p);
    let r = (v * f).round() / f;
    if r.is_finite() { r } else { v }
}

/// The fractional value of a digit run read as decimals: ৫ → 0.5, ০৫ → 0.05.
fn fraction(value: f64, digits: usize) -> Option<f64> {
    (digits <= 15).then(|| value / 10f64.powi(digits as i32))
}

/// `cur` plus `v` as one number written in words: "twenty five", بیست و پنج, একশো পঁচিশ.
fn can_add(cur: f64, v: f64) -> bool {
    let r = cur % 100.0;
    (r == 0.0 && cur >= 100.0 && v < 100.0) || (r >= 20.0 && r % 10.0 == 0.0 && v < 10.0)
}

/// A number read from digits (one or more tokens).
#[derive(Debug, Clone, Copy)]
struct Digits<'a> {
    value: f64,
    last: usize,
    suffix: &'a str,
}

/// A number parsed from the tokens, before its percent or currency.
#[derive(Debug, Clone, Copy)]
struct Body {
    last: usize,
    value: f64,
    ordinal: bool,
    /// The only part was one word of this trust (None for digits and longer numbers).
    single_word: Option<Trust>,
    /// A counter was glued to the last part (নয়জন, ২০টি).
    counter: bool,
}

struct Finder<'t> {
    text: &'t str,
    toks: Vec<Token>,
    lex: Vec<Option<&'static Lexeme>>,
    blocked: Vec<bool>,
    /// The excluded ranges (non-empty ones).
    excluded: Vec<Range<usize>>,
    out: Vec<NumberMention>,
}

impl<'t> Finder<'t> {
    fn new(text: &'t str, exclude: &[Range<usize>]) -> Finder<'t> {
        let toks = scan(text);
        let lex = toks
            .iter()
            .map(|t| match &t.tok {
                Tok::Word(w) => words::lookup(w),
                _ => None,
            })
            .collect();
        let mut ranges: Vec<&Range<usize>> = exclude.iter().filter(|r| r.start < r.end).collect();
        ranges.sort_by_key(|r| r.start);
        let mut r = 0;
        let blocked = toks
            .iter()
            .map(|t| {
                while r < ranges.len() && ranges[r].end <= t.start {
                    r += 1;
                }
                // Ranges sorted by start may nest: check the few that start before this token.
                ranges[r..].iter().take_while(|x| x.start < t.end).any(|x| x.end > t.start)
            })
            .collect();
        let excluded = ranges.into_iter().cloned().collect();
        Finder { text, toks, lex, blocked, excluded, out: Vec::new() }
    }

    fn ok(&self, k: usize) -> bool {
        k < self.toks.len() && !self.blocked[k]
    }

    fn lex(&self, k: usize) -> Option<&'static Lexeme> {
        if !self.ok(k) {
            return None;
        }
        self.lex[k]
    }

    fn num_word(&self, k: usize) -> Option<NumWord> {
        self.lex(k)?.num
    }

    fn word(&self, k: usize) -> Option<&str> {
        match self.toks.get(k).map(|t| &t.tok) {
            Some(Tok::Word(w)) if self.ok(k) => Some(w),
            _ => None,
        }
    }

    fn punct(&self, k: usize) -> Option<char> {
        match self.toks.get(k).map(|t| &t.tok) {
            Some(Tok::Punct(c)) if self.ok(k) => Some(*c),
            _ => None,
        }
    }

    fn num_tok(&self, k: usize) -> Option<(f64, usize, bool, &str)> {
        match self.toks.get(k).map(|t| &t.tok) {
            Some(Tok::Num { value, int_digits, plain, suffix }) if self.ok(k) => {
                Some((*value, *int_digits, *plain, suffix.as_str()))
            }
            _ => None,
        }
    }

    fn touching(&self, k: usize) -> bool {
        matches!((self.toks.get(k), self.toks.get(k + 1)), (Some(a), Some(b)) if a.end == b.start)
    }

    fn first_char(&self, k: usize) -> Option<char> {
        self.text[self.toks.get(k)?.start..].chars().next()
    }

    fn run(mut self) -> Vec<NumberMention> {
        let mut i = 0;
        while i < self.toks.len() {
            if !self.ok(i) {
                i += 1;
                continue;
            }
            if let Some(after) = self.time_of_day(i) {
                i = after;
                continue;
            }
            i = match self.mention(i) {
                Some(last) => last + 1,
                None => i + 1,
            };
        }
        self.out
    }

    /// `۱۵:۴۷`, `10:15:30`, `১৯ঃ৩০` (the visarga as a colon): skipped whole; returns the
    /// index after it.
    fn time_of_day(&self, i: usize) -> Option<usize> {
        self.num_tok(i)?;
        let mut k = i;
        loop {
            if self.punct(k + 1) == Some(':')
                && self.touching(k)
                && self.touching(k + 1)
                && self.num_tok(k + 2).is_some()
            {
                k += 2;
            } else if self.num_tok(k).is_some_and(|n| n.3 == "ঃ") && self.touching(k) && self.num_tok(k + 1).is_some()
            {
                k += 1;
            } else {
                break;
            }
        }
        (k > i).then_some(k + 1)
    }

    /// A number starting at token `i` (with what comes before or after it); pushes it and
    /// returns its last token.
    fn mention(&mut self, i: usize) -> Option<usize> {
        // What may come before the number: a currency sign or word, or শতকরা.
        let mut body_at = i;
        let mut currency = None;
        let mut percent = false;
        if let Some(c) = self.punct(i).and_then(currency_sign) {
            currency = Some(c);
            body_at = i + 1;
        } else if self.word(i) == Some("us") && self.punct(i + 1) == Some('$') && self.touching(i) {
            currency = Some("USD");
            body_at = i + 2;
        } else if let Some(l) = self.lex(i)
            && (l.currency_before.is_some() || l.percent_before)
            && self.num_tok(i + 1).is_some()
        {
            currency = l.currency_before;
            percent = l.percent_before;
            body_at = i + 1;
        }
        if body_at != i && (self.num_tok(body_at).is_none() || body_at == i + 1 && !self.near(i)) {
            return None;
        }
        let body = self.body(body_at, currency.is_some())?;
        let mut last = body.last;
        let value = tidy(body.value);
        // Precision policy for single words.
        if let Some(trust) = body.single_word {
            let next = self.lex(last + 1);
            if next.is_some_and(|l| l.not_after_number) {
                return None;
            }
            let supported = body.counter || next.is_some_and(|l| l.counted || l.percent || l.currency.is_some());
            match trust {
                Trust::Article => return None,
                Trust::Ambiguous if !supported => return None,
                _ => {}
            }
        }
        let mut kind = if body.ordinal { NumberKind::Ordinal } else { NumberKind::Cardinal };
        if !body.ordinal {
            // What may come after: a percent sign or word, a currency.
            let sign = matches!(self.punct(last + 1), Some('%' | '٪')) && self.near(last);
            if sign || self.lex(last + 1).is_some_and(|l| l.percent) {
                kind = NumberKind::Percent;
                last += 1;
            } else if self.word(last + 1) == Some("per") && self.word(last + 2) == Some("cent") {
                kind = NumberKind::Percent;
                last += 2;
            } else if percent {
                kind = NumberKind::Percent;
                if self.word(last + 1) == Some("ভাগ") {
                    last += 1;
                }
            } else if let Some(code) = self.currency_after(last) {
                currency = Some(code.0);
                last = code.1;
            }
            if kind == NumberKind::Cardinal && currency.is_some() {
                kind = NumberKind::Money;
            }
        }
        if kind != NumberKind::Money {
            currency = None;
        }
        if !value.is_finite() {
            return None;
        }
        let (start, end) = (self.toks[i].start, self.toks[last].end);
        // Tokens are blocked when they touch an excluded range; one lying between two tokens
        // (the space of `نه ডলার` in a date's span) is found here.
        if self.excluded.iter().any(|r| r.start < end && start < r.end) {
            return None;
        }
        self.out.push(NumberMention { start, end, text: self.text[start..end].to_owned(), value, kind, currency });
        Some(last)
    }

    /// Whether token `k` and the next are at most one space apart.
    fn near(&self, k: usize) -> bool {
        match (self.toks.get(k), self.toks.get(k + 1)) {
            (Some(a), Some(b)) => self.text.get(a.end..b.start).is_some_and(|gap| gap.chars().count() <= 1),
            _ => false,
        }
    }

    /// A currency after token `k`: (code, its last token). `১০ মার্কিন ডলার`, `۵ دلار`.
    fn currency_after(&self, k: usize) -> Option<(&'static str, usize)> {
        let l = self.lex(k + 1)?;
        if let Some(c) = l.currency {
            return Some((c, k + 1));
        }
        if l.currency_adjective {
            return Some((self.lex(k + 2)?.currency?, k + 2));
        }
        None
    }

    /// A number read from digits at `k`: Indian grouping, `৩ দশমিক ৫`, `۲/۵ درصد`.
    fn digits(&self, k: usize) -> Option<Digits<'_>> {
        let (mut value, digits, plain, mut suffix) = self.num_tok(k)?;
        let mut last = k;
        if digits <= 3 && plain && self.punct(k + 1).is_some_and(|c| GROUP_SEPARATORS.contains(&c)) && self.touching(k)
        {
            let start = self.toks[k].start;
            if let Some((len, v)) = grouped(&self.text[start..]) {
                let end = start + len;
                let mut j = k;
                while j + 1 < self.toks.len() && self.toks[j + 1].start < end {
                    j += 1;
                }
                let covered = (k..=j).all(|x| {
                    self.ok(x)
                        && (self.num_tok(x).is_some() || self.punct(x).is_some_and(|c| GROUP_SEPARATORS.contains(&c)))
                });
                if let (true, Some((_, _, _, s))) = (covered, self.num_tok(j))
                    && self.toks[j].end >= end
                {
                    value = v;
                    last = j;
                    suffix = s;
                }
            }
        }
        if suffix.is_empty() {
            // ৩ দশমিক ৫: a decimal point spelt out.
            if self.num_word(last + 1) == Some(NumWord::Point)
                && let Some((f, fd, true, s)) = self.num_tok(last + 2)
                && let Some(f) = fraction(f, fd)
            {
                return Some(Digits { value: value + f, last: last + 2, suffix: s });
            }
            // ۲/۵ درصد, ۲٬۵۲ میلیون, 2,5 million: a slash between Persian digits, or a
            // separator not followed by a group of three, is a decimal point before a
            // percent or scale word (never in a date, where another slash follows).
            if let Some(sep) = self.punct(last + 1).filter(|c| *c == '/' || GROUP_SEPARATORS.contains(c))
                && self.touching(last)
                && self.touching(last + 1)
                && let Some((f, fd, true, "")) = self.num_tok(last + 2)
                && fd != 3
                && (sep != '/'
                    || self.first_char(last).is_some_and(is_persian_digit)
                        && self.first_char(last + 2).is_some_and(is_persian_digit))
                && self.lex(last + 3).is_some_and(|l| l.percent || matches!(l.num, Some(NumWord::Scale { .. })))
                && let Some(f) = fraction(f, fd)
            {
                return Some(Digits { value: value + f, last: last + 2, suffix: "" });
            }
        }
        Some(Digits { value, last, suffix })
    }

    /// Whether the part ending at `k` is followed by a scale smaller than `than`, or by a
    /// hundred: `৩ কোটি ৫০ লাখ`, `two thousand five hundred`.
    fn smaller_scale_after(&self, k: usize, than: f64) -> bool {
        match self.num_word(k + 1) {
            Some(NumWord::Scale { value, .. }) => value < than,
            Some(NumWord::Hundred { .. }) => true,
            _ => false,
        }
    }

    /// Whether the part ending at `k` is followed by a scale at least `than`: then it is a
    /// new number (`۲٫۸۹ میلیون و ۲٫۵۲ میلیون` is a list of two).
    fn larger_scale_after(&self, k: usize, than: f64) -> bool {
        matches!(self.num_word(k + 1), Some(NumWord::Scale { value, .. }) if value >= than)
    }

    /// The number itself from token `b`: digits and number words joined into one value.
    fn body(&self, b: usize, after_currency: bool) -> Option<Body> {
        let mut total = 0.0f64;
        let mut cur: Option<f64> = None;
        let mut cur_words = false;
        let mut last_scale = f64::INFINITY;
        let mut parts = 0usize;
        let mut single_word = None;
        let mut counter = false;
        let mut last = b;
        let mut k = b;
        let mut and = false;
        let mut half = false;
        let mut ordinal = false;
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        loop {
            if !self.ok(k) {
                break;
            }
            let after_scale = parts > 0 && cur.is_none();
            if let Some(d) = self.digits(k) {
                let joins = parts == 0
                    || after_scale
                        && d.value < last_scale
                        && (and || self.smaller_scale_after(d.last, last_scale))
                        && !self.larger_scale_after(d.last, last_scale);
                if !joins {
                    break;
                }
                cur = Some(d.value + if half { 0.5 } else { 0.0 });
                cur_words = false;
                half = false;
                parts += 1;
                last = d.last;
                k = d.last + 1;
                and = false;
                if d.suffix.is_empty() {
                    continue;
                }
                // Glued letters end the number: an ordinal, a counter, a date suffix, $5bn.
                if words::is_ordinal_suffix(d.suffix) && parts == 1 {
                    ordinal = true;
                } else if let Some(s) = words::glued_scale(d.suffix)
                    && (after_currency || matches!(d.suffix, "bn" | "tn"))
                {
                    total += cur.take().unwrap_or(0.0) * s;
                } else {
                    counter = true;
                }
                break;
            }
            let Some(w) = self.num_word(k) else { break };
            match w {
                NumWord::Small { value, trust, counter: glued } => {
                    if let Some(c) = cur {
                        if !(cur_words && can_add(c, value)) {
                            break;
                        }
                        cur = Some(c + value);
                    } else {
                        let joins = parts == 0
                            || after_scale
                                && value < last_scale
                                && (and || value >= 100.0 || self.smaller_scale_after(k, last_scale))
                                && !self.larger_scale_after(k, last_scale);
                        if !joins {
                            break;
                        }
                        cur = Some(value + if half { 0.5 } else { 0.0 });
                        half = false;
                    }
                    single_word = if parts == 0 { Some(trust) } else { None };
                    cur_words = true;
                    parts += 1;
                    last = k;
                    if glued {
                        counter = true;
                        break;
                    }
                }
                NumWord::Fraction(v) if parts == 0 => {
                    cur = Some(v);
                    parts += 1;
                    last = k;
                }
                NumWord::AndAHalf if parts == 0 && !half => {
                    // সাড়ে তিন: the half waits for the number after it.
                    half = true;
                    k += 1;
                    continue;
                }
                NumWord::Half if and && cur.is_some() => {
                    cur = cur.map(|c| c + 0.5);
                    parts += 1;
                    last = k;
                }
                NumWord::Hundred { alone } => match cur {
                    Some(c) if c < 100.0 => {
                        cur = Some(c * 100.0);
                        cur_words = true;
                        parts += 1;
                        last = k;
                    }
                    None if parts == 0 && alone => {
                        cur = Some(100.0);
                        cur_words = true;
                        parts += 1;
                        last = k;
                    }
                    _ => break,
                },
                NumWord::Scale { value: s, alone } => {
                    if let Some(c) = cur.take() {
                        total = if s < last_scale { total + c * s } else { (total + c) * s };
                    } else if parts > 0 && total > 0.0 && s > last_scale && !and {
                        total *= s;
                    } else if parts == 0 && alone {
                        total = s;
                    } else {
                        break;
                    }
                    last_scale = s;
                    parts += 1;
                    last = k;
                }
                NumWord::Ordinal(v) => {
                    let joined = match cur {
                        None if parts == 0 => Some(v),
                        Some(c) if cur_words && can_add(c, v) => Some(c + v),
                        _ => None,
                    };
                    let Some(v) = joined else { break };
                    // نخست وزیر is the prime minister.
                    if self.word(k) == Some("نخست") && self.word(k + 1).is_some_and(|w| w.starts_with("وزیر")) {
                        return None;
                    }
                    cur = Some(v);
                    parts += 1;
                    last = k;
                    ordinal = true;
                    break;
                }
                NumWord::A if parts == 0 => {
                    if !matches!(self.num_word(k + 1), Some(NumWord::Scale { .. } | NumWord::Hundred { .. })) {
                        break;
                    }
                    cur = Some(1.0);
                    cur_words = true;
                    parts += 1;
                    last = k;
                }
                NumWord::And if parts > 0 && !and => {
                    and = true;
                    k += 1;
                    continue;
                }
                _ => break,
            }
            if single_word.is_some() && parts > 1 {
                single_word = None;
            }
            and = false;
            k += 1;
            // English "twenty-five": a hyphen between two Latin number words joins them.
            if self.punct(k) == Some('-')
                && self.touching(k - 1)
                && self.touching(k)
                && latin(self.first_char(k - 1))
                && latin(self.first_char(k + 1))
            {
                and = true;
                k += 1;
            }
        }
        if parts == 0 || half {
            return None;
        }
        if parts > 1 {
            single_word = None;
        }
        Some(Body { last, value: total + cur.unwrap_or(0.0), ordinal, single_word, counter })
    }
}
