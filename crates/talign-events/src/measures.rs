//! Quantities: a number followed by a unit of length, mass or temperature (`১০ ইঞ্চি`,
//! `۲۵۰ میلیمتر`, `85 miles`, `۲۹۰ کیلویی`, `80 °F`), read in metric units. Translators
//! convert units as they go (a Bengali translation keeps the story's 10 inches of rain and
//! 385 miles, the Persian one writes 250 mm and 620 km), so the figures of two translations
//! of one sentence may share no digit. A quantity also carries its value in metric units,
//! rounded as a translator rounds: see [`labels`].
//!
//! ```
//! use talign_events::measures::{labels, unit_after};
//! let text = "১০ ইঞ্চি বৃষ্টি";
//! let m = unit_after(text, "১০".len()).unwrap();
//! let fa = "۲۵۰ میلیمتر باران";
//! let n = unit_after(fa, "۲۵۰".len()).unwrap();
//! // 10 inches are 254 mm, written 250 mm: the two share a label.
//! assert!(labels(10.0, m).iter().any(|l| labels(250.0, n).contains(l)));
//! ```
//!
//! # Policies
//!
//! - Only a unit written right after the number counts (one space, a no-break space or a
//!   zero-width non-joiner between them, or none: `10km`), with the endings the languages
//!   glue onto it (ইঞ্চির, کیلومتری, километров, miles). A degree without Celsius or
//!   Fahrenheit says neither and is left alone, as are words that are also common words
//!   (Persian تن "ton" and "person", پا "foot" and "leg", Arabic قدم "foot" and "offered").
//! - A number before a range word and a number with a unit (`২ থেকে ৪ ইঞ্চি`, `۵۰ تا ۱۰۰
//!   میلیمتر`) takes that unit: see [`range_word`].
//! - Speeds are read as their distance (`ঘণ্টায় ৮৫ মাইল`, `۱۳۷ کیلومتر بر ساعت`): the
//!   hour is on both sides.

use crate::numbers::{NumberKind, NumberMention};

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// In metres.
    Length,
    /// In kilograms.
    Mass,
    /// In degrees Celsius.
    Temperature,
}

impl Dimension {
    /// A metric value of this dimension in the unit that reads best at its size (0.25 m
    /// as 250 mm, 620,000 m as 620 km, 500,000,000 kg as 500,000 t).
    fn shown(self, x: f64) -> (f64, &'static str) {
        match self {
            Dimension::Length if x.abs() >= 1000.0 => (x / 1000.0, "km"),
            Dimension::Length if x.abs() < 1.0 => (x * 1000.0, "mm"),
            Dimension::Length => (x, "m"),
            Dimension::Mass if x.abs() >= 1000.0 => (x / 1000.0, "t"),
            Dimension::Mass => (x, "kg"),
            Dimension::Temperature => (x, "°C"),
        }
    }
}

/// A unit: the metric value of `x` of it is `x * scale + offset`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// What it measures.
    pub dimension: Dimension,
    /// Metric units per unit.
    pub scale: f64,
    /// Added after scaling (Fahrenheit only).
    pub offset: f64,
}

const fn unit(dimension: Dimension, scale: f64) -> Measure {
    Measure { dimension, scale, offset: 0.0 }
}

/// The pound avoirdupois.
const POUND: Measure = unit(Dimension::Mass, 0.453_592_37);

const FAHRENHEIT: Measure = Measure { dimension: Dimension::Temperature, scale: 5.0 / 9.0, offset: -160.0 / 9.0 };
const CELSIUS: Measure = unit(Dimension::Temperature, 1.0);

/// Units by their written forms (compared as [`crate::lists::key`] folds them: see
/// [`keyed`]).
const UNITS: &[(&str, Measure)] = {
    use Dimension::{Length, Mass};
    const MM: Measure = unit(Length, 0.001);
    const CM: Measure = unit(Length, 0.01);
    const M: Measure = unit(Length, 1.0);
    const KM: Measure = unit(Length, 1000.0);
    const INCH: Measure = unit(Length, 0.0254);
    const FOOT: Measure = unit(Length, 0.3048);
    const YARD: Measure = unit(Length, 0.9144);
    const MILE: Measure = unit(Length, 1609.344);
    const KG: Measure = unit(Mass, 1.0);
    const TON: Measure = unit(Mass, 1000.0);
    &[
        // Length.
        ("mm", MM),
        ("millimeter", MM),
        ("millimetre", MM),
        ("মিলিমিটার", MM),
        ("মিমি", MM),
        ("میلیمتر", MM),
        ("ملیمتر", MM),
        ("مللیمتر", MM),
        ("ملم", MM),
        ("мм", MM),
        ("миллиметр", MM),
        ("मिलीमीटर", MM),
        ("मिमी", MM),
        ("cm", CM),
        ("centimeter", CM),
        ("centimetre", CM),
        ("সেন্টিমিটার", CM),
        ("সেমি", CM),
        ("سانتیمتر", CM),
        ("سانتی", CM),
        ("سنتیمتر", CM),
        ("سم", CM),
        ("см", CM),
        ("сантиметр", CM),
        ("सेंटीमीटर", CM),
        ("meter", M),
        ("metre", M),
        ("মিটার", M),
        ("متر", M),
        ("метр", M),
        ("मीटर", M),
        ("km", KM),
        ("kilometer", KM),
        ("kilometre", KM),
        ("কিলোমিটার", KM),
        ("কিমি", KM),
        ("کیلومتر", KM),
        ("کم", KM),
        ("км", KM),
        ("километр", KM),
        ("किलोमीटर", KM),
        ("किमी", KM),
        ("inch", INCH),
        ("inches", INCH),
        ("ইঞ্চি", INCH),
        ("اینچ", INCH),
        ("إنش", INCH),
        ("انش", INCH),
        ("بوصة", INCH),
        ("дюйм", INCH),
        ("इंच", INCH),
        ("foot", FOOT),
        ("feet", FOOT),
        ("ft", FOOT),
        ("ফুট", FOOT),
        ("فوت", FOOT),
        ("фут", FOOT),
        ("फुट", FOOT),
        ("फीट", FOOT),
        ("yard", YARD),
        ("গজ", YARD),
        ("یارد", YARD),
        ("ярд", YARD),
        ("mile", MILE),
        ("mph", MILE),
        ("মাইল", MILE),
        ("مایل", MILE),
        ("میل", MILE),
        ("امیال", MILE),
        ("миля", MILE),
        ("миль", MILE),
        ("мили", MILE),
        ("मील", MILE),
        ("मैल", MILE),
        // Mass.
        ("kg", KG),
        ("kgs", KG),
        ("kilogram", KG),
        ("kilogramme", KG),
        ("kilo", KG),
        ("কেজি", KG),
        ("কিলোগ্রাম", KG),
        ("کیلوگرم", KG),
        ("کیلوگرام", KG),
        ("کیلو", KG),
        ("کغ", KG),
        ("کجم", KG),
        ("кг", KG),
        ("килограмм", KG),
        ("किलो", KG),
        ("किलोग्राम", KG),
        ("ton", TON),
        ("tonne", TON),
        ("টন", TON),
        ("طن", TON),
        ("اطنان", TON),
        ("тонн", TON),
        ("टन", TON),
        ("pound", POUND),
        ("lb", POUND),
        ("lbs", POUND),
        ("পাউন্ড", POUND),
        ("پوند", POUND),
        ("رطل", POUND),
        ("фунт", POUND),
        // Temperature, where the scale is named.
        ("°c", CELSIUS),
        ("℃", CELSIUS),
        ("celsius", CELSIUS),
        ("সেলসিয়াস", CELSIUS),
        ("سانتیگراد", CELSIUS),
        ("سلسیوس", CELSIUS),
        ("مئویة", CELSIUS),
        ("цельсия", CELSIUS),
        ("°f", FAHRENHEIT),
        ("℉", FAHRENHEIT),
        ("fahrenheit", FAHRENHEIT),
        ("ফারেনহাইট", FAHRENHEIT),
        ("فارنهایت", FAHRENHEIT),
        ("фаренгейт", FAHRENHEIT),
    ]
};

/// Words for "degree", after which the scale may be named (`27 درجه سانتیگراد`).
const DEGREES: &[&str] =
    &["degree", "degrees", "ডিগ্রি", "درجه", "درجة", "درجات", "градус", "градуса", "градусов", "डिग्री"];

/// What the languages glue onto a unit: plurals, case endings and the Persian adjectival
/// ی (کیلومتری "of … kilometres").
const ENDINGS: &[&str] = &[
    "", "s", "es", "ের", "র", "ে", "ও", "েই", "ی", "یی", "های", "ها", "ای", "ا", "ات", "ов", "а", "ы", "ах", "е", "ом",
    "ами",
];

/// Persian first halves of a unit written as two words (`میلی متر`, `کیلو متر`).
const FIRST_HALVES: &[&str] = &["میلی", "سانتی", "کیلو"];

/// The unit table, [`DEGREES`] and [`FIRST_HALVES`] in the form words of a text are
/// compared in ([`crate::lists::key`]: `بوصة` and `بوصه`, `إنش` and `انش`, a precomposed
/// and a decomposed য় alike).
struct Keyed {
    units: Vec<(String, Measure)>,
    degrees: Vec<String>,
    first_halves: Vec<String>,
}

fn keyed() -> &'static Keyed {
    static KEYED: std::sync::LazyLock<Keyed> = std::sync::LazyLock::new(|| {
        let key = crate::lists::key;
        Keyed {
            units: UNITS.iter().map(|&(form, m)| (key(form), m)).collect(),
            degrees: DEGREES.iter().map(|d| key(d)).collect(),
            first_halves: FIRST_HALVES.iter().map(|h| key(h)).collect(),
        }
    });
    &KEYED
}

/// Whether a keyed word is `form` with one of the [`ENDINGS`] after it.
fn is_form(word: &str, form: &str) -> bool {
    word.strip_prefix(form).is_some_and(|rest| ENDINGS.contains(&rest))
}

/// The unit a keyed word names, endings aside.
fn lookup(word: &str) -> Option<Measure> {
    keyed().units.iter().find_map(|(form, m)| is_form(word, form).then_some(*m))
}

/// The next word of `text` from `at`, after at most one separator (`None` past two
/// separators or at punctuation), and where it ends.
fn next_word(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = text.get(at..)?;
    let skipped = rest.chars().take_while(|&c| matches!(c, ' ' | '\u{a0}' | '\u{200c}' | '\u{202f}')).count();
    if skipped > 1 {
        return None;
    }
    let start = at + rest.chars().take(skipped).map(char::len_utf8).sum::<usize>();
    let word_len: usize = text[start..]
        .chars()
        .take_while(|&c| !c.is_whitespace() && (!c.is_ascii_punctuation() || c == '°') && !matches!(c, '،' | '؛' | '।'))
        .map(char::len_utf8)
        .sum();
    (word_len > 0).then(|| (&text[start..start + word_len], start + word_len))
}

/// The unit written right after a number that ends at byte `end` of `text` (see the
/// module's policies), if any.
pub fn unit_after(text: &str, end: usize) -> Option<Measure> {
    let key = crate::lists::key;
    let (w1, e1) = next_word(text, end)?;
    let f1 = key(w1);
    let second = || next_word(text, e1).map(|(w, _)| key(w));
    if keyed().first_halves.contains(&f1)
        && let Some(m) = second().and_then(|f2| lookup(&format!("{f1}{f2}")))
    {
        return Some(m);
    }
    if keyed().degrees.iter().any(|d| is_form(&f1, d)) {
        return second().and_then(|f2| lookup(&f2)).filter(|m| m.dimension == Dimension::Temperature);
    }
    lookup(&f1)
}

/// Whether the text between two numbers makes them a range (`2 to 4`, `২ থেকে ৪`, `۵۰ تا
/// ۱۰۰`, `50-100`, `من 50 إلى 100`), so that the first takes the second's unit. A word is
/// compared keyed (`lists::key`), so Arabic إلى reads as الی.
pub fn range_word(between: &str) -> bool {
    let t = between.trim();
    matches!(t, "-" | "–" | "—")
        || matches!(
            crate::lists::key(t).as_str(),
            "to" | "and" | "or" | "থেকে" | "تا" | "الی" | "و" | "یا" | "до" | "и" | "से"
        )
}

/// The unit of each of `numbers` (as found in `text`, in order): the unit written right
/// after a count ([`unit_after`]), or for the first number of a range the unit of the
/// second (`২ থেকে ৪ ইঞ্চি`: both in inches). Ordinals, percentages and money have none,
/// but for pounds written as a word, which weigh as often as they pay.
pub fn units_of(text: &str, numbers: &[NumberMention]) -> Vec<Option<Measure>> {
    // An amount of pounds written with the word, not the sign, may weigh (a 550-pound pig,
    // `৫৫০ পাউন্ড`, read as money): it is read both ways.
    let unit = |n: &NumberMention| match n.kind {
        NumberKind::Cardinal => unit_after(text, n.end),
        NumberKind::Money if n.currency == Some("GBP") && !n.text.contains('£') => Some(POUND),
        _ => None,
    };
    let mut units: Vec<Option<Measure>> = numbers.iter().map(unit).collect();
    for i in (0..numbers.len().saturating_sub(1)).rev() {
        let (n, next) = (&numbers[i], &numbers[i + 1]);
        if units[i].is_none()
            && n.kind == NumberKind::Cardinal
            && units[i + 1].is_some()
            && text.get(n.end..next.start).is_some_and(range_word)
        {
            units[i] = units[i + 1];
        }
    }
    units
}

/// A value rounded to `digits` significant digits.
fn significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// A value rounded to the nearest half of its leading digit's place (254 → 250, 76.2 → 75,
/// 64.4 → 65, 50.8 → 50), where that moves it by at most [`HALF_STEP_SLACK`] of itself
/// (321.9 is not 300, nor 136.8 150).
fn half_step(x: f64) -> Option<f64> {
    if x == 0.0 || !x.is_finite() {
        return None;
    }
    let step = 5.0 * 10f64.powi(x.abs().log10().floor() as i32 - 1);
    let y = (x / step).round() * step;
    ((y - x).abs() <= HALF_STEP_SLACK * x.abs()).then_some(y)
}

/// How far (as a share of the value) a translator's rounding to a half step may move a
/// converted figure: 2.5 % keeps 50.8 → 50 and 76.2 → 75, and leaves the coarse steps of
/// a leading 1 to 3 (a 200-mile coast read as "300 km" shared a label with another story's
/// 300 km).
const HALF_STEP_SLACK: f64 = 0.025;

/// The labels of `value` of unit `m`: its metric value rounded to two significant digits
/// and, where that is close (see `half_step`), to the nearest half of its leading place,
/// as `≈250 mm` (one label when the two agree). A translator who converts rounds one way
/// or the other: 10 inches (254 mm) is written 250 mm, 2 to 3 inches (50.8 and 76.2 mm) 50
/// to 75 mm, 85 miles (136.8 km) 137 km, 80 °F (26.7 °C) 27 °C, and each pair shares a
/// label.
pub fn labels(value: f64, m: Measure) -> Vec<String> {
    let metric = value * m.scale + m.offset;
    if !metric.is_finite() {
        return Vec::new();
    }
    let show = |x: f64| {
        let (x, unit) = m.dimension.shown(x);
        let x = (x * 1e6).round() / 1e6;
        let x = if x == 0.0 { 0.0 } else { x };
        format!("≈{x} {unit}")
    };
    let mut out = vec![show(significant(metric, 2))];
    if let Some(half) = half_step(metric).map(show).filter(|h| *h != out[0]) {
        out.push(half);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shares(a: &str, b: &str) -> bool {
        let read = |t: &str| {
            let digits: String = t.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            let m = unit_after(t, digits.len()).unwrap_or_else(|| panic!("no unit in {t}"));
            labels(digits.parse().unwrap(), m)
        };
        let (la, lb) = (read(a), read(b));
        la.iter().any(|l| lb.contains(l))
    }

    #[test]
    fn converted_figures_share_a_label() {
        assert!(shares("10 ইঞ্চি", "250 میلیمتر"));
        assert!(shares("2 inches", "50 mm"));
        assert!(shares("3 inches", "75 میلی متر"));
        assert!(shares("85 মাইল", "137 کیلومتر"));
        assert!(shares("385 miles", "620 کیلومتری"));
        assert!(shares("40 miles", "65 km"));
        assert!(shares("550 পাউন্ড", "250 کیلوگرمی"));
        assert!(shares("650 pounds", "290 کیلویی"));
        assert!(shares("80 °F", "27 درجه سانتیگراد"));
        assert!(shares("250 mm", "250 میلیمتر"));
        assert!(shares("25 मैल", "40 किलोमीटर"));
    }

    #[test]
    fn labels_read_in_the_unit_that_suits_their_size() {
        let m = |t: &str| unit_after(t, 2).unwrap();
        assert_eq!(labels(10.0, m("10 inches")), ["≈250 mm"]);
        assert_eq!(labels(85.0, m("85 miles")), ["≈140 km"]);
        assert_eq!(labels(50.0, m("50 mm")), ["≈50 mm"]);
        assert_eq!(labels(2.0, m("2 inches")), ["≈51 mm", "≈50 mm"]);
        assert_eq!(labels(12.0, m("12 feet")), ["≈3.7 m"]);
        assert_eq!(labels(50.0, m("50 টন")), ["≈50 t"]);
        assert_eq!(labels(80.0, m("80 °F")), ["≈27 °C"]);
        assert_eq!(labels(-40.0, m("-4 °F")), ["≈-40 °C"]);
    }

    #[test]
    fn other_quantities_do_not() {
        assert!(!shares("10 ইঞ্চি", "100 میلیمتر"));
        assert!(!shares("10 miles", "10 km"));
        assert!(!shares("10 kg", "10 km"));
        assert!(!shares("80 °F", "80 °C"));
        assert!(!shares("200 miles", "300 km"), "322 km");
    }

    #[test]
    fn only_a_unit_right_after_the_number_counts() {
        assert_eq!(unit_after("11 ফুটবলার", 2), None);
        assert_eq!(unit_after("20 تن کشته", 2), None);
        assert_eq!(unit_after("27 درجه", 2), None, "a degree of no named scale");
        assert_eq!(unit_after("10  km", 2), None, "two spaces");
        assert_eq!(unit_after("10, km", 2), None);
        assert_eq!(unit_after("10km", 2).map(|m| m.scale), Some(1000.0));
        assert_eq!(unit_after("10 كيلومترات", 2).map(|m| m.scale), Some(1000.0));
        assert_eq!(unit_after("10 ইঞ্চির", 2).map(|m| m.scale), Some(0.0254));
        // য় precomposed (U+09DF) or as য with a nukta, and Arabic ة, read alike.
        for text in ["30 সেলসি\u{9df}াস", "30 সেলসি\u{9af}\u{9bc}াস"] {
            assert_eq!(unit_after(text, 2).map(|m| m.dimension), Some(Dimension::Temperature), "{text}");
        }
        assert_eq!(unit_after("10 بوصة", 2).map(|m| m.scale), Some(0.0254));
        assert_eq!(unit_after("5 километров", 1).map(|m| m.scale), Some(1000.0));
        assert_eq!(unit_after("10", 2), None);
        assert_eq!(unit_after("10 ", 5), None, "past the end");
    }

    #[test]
    fn a_range_takes_the_unit_of_its_second_number() {
        for text in ["২ থেকে ৪ ইঞ্চি বৃষ্টি", "۵۰ تا ۱۰۰ میلیمتر", "from 2-4 inches", "١٠ إلى ٢٠ كم"]
        {
            let numbers = crate::numbers::find_numbers(text);
            let units = units_of(text, &numbers);
            assert_eq!(units.len(), 2, "{text}");
            assert!(units[0].is_some() && units[0] == units[1], "{text}: {units:?}");
        }
        let text = "৫ জন নিহত, ১০ কিলোমিটার দূরে";
        let units = units_of(text, &crate::numbers::find_numbers(text));
        assert!(units[0].is_none() && units[1].is_some(), "{units:?}");
        for (text, weighs) in [("৫৫০ পাউন্ড ওজনের", true), ("550 pounds", true), ("£550", false), ("550 dollars", false)]
        {
            let units = units_of(text, &crate::numbers::find_numbers(text));
            assert_eq!(units.first().copied().flatten() == Some(POUND), weighs, "{text}");
        }
    }

    #[test]
    fn range_words() {
        for w in [" to ", " থেকে ", " تا ", "-", " إلى ", " до "] {
            assert!(range_word(w), "{w}");
        }
        assert!(!range_word(" people and "));
    }
}
