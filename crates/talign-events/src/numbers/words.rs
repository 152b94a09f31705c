//! The words the number finder knows: number words and their endings, scale words,
//! ordinals, percent and currency words, and the counted nouns that let an ambiguous number
//! word count. All folded once into one hash map of whole words.

use crate::{HashMap, HashMapExt};
use std::sync::LazyLock;

use crate::temporal::fold;

/// How freely a cardinal word counts as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trust {
    /// Counts alone: চৌদ্দ, چهارده, fourteen.
    Sure,
    /// Also a common word (নয় "is not", نه "no", ده "village", سی in بی بی سی): counts only
    /// with a counted noun after it (নয় দিন, نه روز), a counter glued to it (নয়জন), or
    /// inside a longer number (نه هزار).
    Ambiguous,
    /// The indefinite article too (এক, یک, one): counts only inside a longer number
    /// (یک میلیارد, এক হাজার, صد و یک).
    Article,
}

/// The number-word role of a folded word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    /// 1–99 or a whole number of hundreds (পাঁচশো, پانصد); `counter` when a counter is glued
    /// to it (দুইজন, তিনটি).
    Small { value: f64, trust: Trust, counter: bool },
    /// A fraction that is a number by itself: দেড় (1.5), আড়াই (2.5).
    Fraction(f64),
    /// Adds a half to the number after it: সাড়ে তিন (3.5).
    AndAHalf,
    /// A half after "and": یک و نیم (1.5).
    Half,
    /// Multiplies by a hundred: "five hundred", পাঁচ শত; Persian صد also alone (100).
    Hundred { alone: bool },
    /// A scale word: হাজার, কোটি, میلیارد, million; Persian هزار also alone (1000).
    Scale { value: f64, alone: bool },
    /// An ordinal: ষষ্ঠ, ششمین, sixth.
    Ordinal(f64),
    /// Joins parts of one number: Persian و, English "and".
    And,
    /// English "a" before a scale: "a million".
    A,
    /// A decimal point spelt out: ৩ দশমিক ৫ (3.5).
    Point,
}

/// What one folded word means to the number finder.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Lexeme {
    pub num: Option<NumWord>,
    /// A counted noun or classifier (জন, দিন, نفر, روز): lets an ambiguous word count.
    pub counted: bool,
    /// A percent word (শতাংশ, درصد, percent).
    pub percent: bool,
    /// Bengali শতকরা, a percent word before the number (শতকরা ২০ ভাগ).
    pub percent_before: bool,
    /// A currency, as its ISO 4217 code (toman as the customary `IRT`).
    pub currency: Option<&'static str>,
    /// A word that may stand between a number and its currency (মার্কিন ডলার, US dollars).
    pub currency_adjective: bool,
    /// A currency written before the number (USD 5, Tk 500).
    pub currency_before: Option<&'static str>,
    /// A Persian word after which a number word is part of a compound word, not a number
    /// (سه شنبه is Tuesday, دو جانبه is bilateral).
    pub not_after_number: bool,
}

use NumWord::*;
use Trust::{Ambiguous, Article, Sure};

/// Bengali 1–99: every number has its own word. Spellings with ঊন- also take উন-.
const BN_SMALL: &[(&str, f64, Trust)] = &[
    ("এক", 1.0, Article),
    ("দুই", 2.0, Sure),
    ("দু", 2.0, Sure),
    ("তিন", 3.0, Sure),
    ("চার", 4.0, Sure),
    ("পাঁচ", 5.0, Sure),
    ("ছয়", 6.0, Sure),
    ("ছয়", 6.0, Sure),
    ("সাত", 7.0, Sure),
    ("আট", 8.0, Sure),
    ("নয়", 9.0, Ambiguous),
    ("দশ", 10.0, Sure),
    ("এগারো", 11.0, Sure),
    ("এগার", 11.0, Sure),
    ("বারো", 12.0, Sure),
    ("তেরো", 13.0, Sure),
    ("তের", 13.0, Sure),
    ("চৌদ্দ", 14.0, Sure),
    ("চোদ্দ", 14.0, Sure),
    ("পনেরো", 15.0, Sure),
    ("পনের", 15.0, Sure),
    ("ষোলো", 16.0, Sure),
    ("ষোল", 16.0, Sure),
    ("সতেরো", 17.0, Sure),
    ("সতের", 17.0, Sure),
    ("আঠারো", 18.0, Sure),
    ("আঠার", 18.0, Sure),
    ("ঊনিশ", 19.0, Sure),
    ("বিশ", 20.0, Sure),
    ("কুড়ি", 20.0, Sure),
    ("একুশ", 21.0, Sure),
    ("বাইশ", 22.0, Sure),
    ("তেইশ", 23.0, Sure),
    ("চব্বিশ", 24.0, Sure),
    ("পঁচিশ", 25.0, Sure),
    ("ছাব্বিশ", 26.0, Sure),
    ("সাতাশ", 27.0, Sure),
    ("আঠাশ", 28.0, Sure),
    ("ঊনত্রিশ", 29.0, Sure),
    ("ত্রিশ", 30.0, Sure),
    ("তিরিশ", 30.0, Sure),
    ("একত্রিশ", 31.0, Sure),
    ("বত্রিশ", 32.0, Sure),
    ("তেত্রিশ", 33.0, Sure),
    ("চৌত্রিশ", 34.0, Sure),
    ("পঁয়ত্রিশ", 35.0, Sure),
    ("ছত্রিশ", 36.0, Sure),
    ("সাঁইত্রিশ", 37.0, Sure),
    ("আটত্রিশ", 38.0, Sure),
    ("ঊনচল্লিশ", 39.0, Sure),
    ("চল্লিশ", 40.0, Sure),
    ("একচল্লিশ", 41.0, Sure),
    ("বিয়াল্লিশ", 42.0, Sure),
    ("তেতাল্লিশ", 43.0, Sure),
    ("চুয়াল্লিশ", 44.0, Sure),
    ("পঁয়তাল্লিশ", 45.0, Sure),
    ("ছেচল্লিশ", 46.0, Sure),
    ("সাতচল্লিশ", 47.0, Sure),
    ("আটচল্লিশ", 48.0, Sure),
    ("ঊনপঞ্চাশ", 49.0, Sure),
    ("পঞ্চাশ", 50.0, Sure),
    ("একান্ন", 51.0, Sure),
    ("বাহান্ন", 52.0, Sure),
    ("তিপ্পান্ন", 53.0, Sure),
    ("চুয়ান্ন", 54.0, Sure),
    ("পঞ্চান্ন", 55.0, Sure),
    ("ছাপ্পান্ন", 56.0, Sure),
    ("সাতান্ন", 57.0, Sure),
    ("আটান্ন", 58.0, Sure),
    ("ঊনষাট", 59.0, Sure),
    ("ষাট", 60.0, Sure),
    ("একষট্টি", 61.0, Sure),
    ("বাষট্টি", 62.0, Sure),
    ("তেষট্টি", 63.0, Sure),
    ("চৌষট্টি", 64.0, Sure),
    ("পঁয়ষট্টি", 65.0, Sure),
    ("ছেষট্টি", 66.0, Sure),
    ("সাতষট্টি", 67.0, Sure),
    ("আটষট্টি", 68.0, Sure),
    ("ঊনসত্তর", 69.0, Sure),
    ("সত্তর", 70.0, Sure),
    ("একাত্তর", 71.0, Sure),
    ("বাহাত্তর", 72.0, Sure),
    ("তিয়াত্তর", 73.0, Sure),
    ("চুয়াত্তর", 74.0, Sure),
    ("পঁচাত্তর", 75.0, Sure),
    ("ছিয়াত্তর", 76.0, Sure),
    ("সাতাত্তর", 77.0, Sure),
    ("আটাত্তর", 78.0, Sure),
    ("ঊনআশি", 79.0, Sure),
    ("আশি", 80.0, Sure),
    ("একাশি", 81.0, Sure),
    ("বিরাশি", 82.0, Sure),
    ("তিরাশি", 83.0, Sure),
    ("চুরাশি", 84.0, Sure),
    ("পঁচাশি", 85.0, Sure),
    ("ছিয়াশি", 86.0, Sure),
    ("সাতাশি", 87.0, Sure),
    ("অষ্টাশি", 88.0, Sure),
    ("ঊননব্বই", 89.0, Sure),
    ("নব্বই", 90.0, Sure),
    ("একানব্বই", 91.0, Sure),
    ("বিরানব্বই", 92.0, Sure),
    ("তিরানব্বই", 93.0, Sure),
    ("চুরানব্বই", 94.0, Sure),
    ("পঁচানব্বই", 95.0, Sure),
    ("ছিয়ানব্বই", 96.0, Sure),
    ("সাতানব্বই", 97.0, Sure),
    ("আটানব্বই", 98.0, Sure),
    ("নিরানব্বই", 99.0, Sure),
];

/// Bengali unit stems that take a fused hundred (দুশো, পাঁচশ, তিনশত).
const BN_HUNDRED_STEMS: &[(&str, f64)] = &[
    ("এক", 1.0),
    ("দু", 2.0),
    ("দুই", 2.0),
    ("তিন", 3.0),
    ("চার", 4.0),
    ("পাঁচ", 5.0),
    ("ছয়", 6.0),
    ("ছ", 6.0),
    ("সাত", 7.0),
    ("আট", 8.0),
    ("নয়", 9.0),
];
const BN_HUNDRED_SUFFIXES: &[&str] = &["শো", "শ", "শত", "শ'"];

/// Counters glued to a Bengali number word (দুইজন, তিনটি) or a number (২০টি).
const BN_COUNTER_ENDINGS: &[&str] =
    &["টি", "টা", "টো", "জন", "জনের", "জনকে", "জনই", "জনও", "টির", "টিতে", "টিই", "টিও", "টার", "দিন", "দিনের"];

const FA_SMALL: &[(&str, f64, Trust)] = &[
    ("یک", 1.0, Article),
    ("دو", 2.0, Sure),
    ("سه", 3.0, Sure),
    ("چهار", 4.0, Sure),
    ("پنج", 5.0, Sure),
    ("شش", 6.0, Sure),
    ("هفت", 7.0, Sure),
    ("هشت", 8.0, Sure),
    ("نه", 9.0, Ambiguous),
    ("ده", 10.0, Ambiguous),
    ("یازده", 11.0, Sure),
    ("دوازده", 12.0, Sure),
    ("سیزده", 13.0, Sure),
    ("چهارده", 14.0, Sure),
    ("پانزده", 15.0, Sure),
    ("پونزده", 15.0, Sure),
    ("شانزده", 16.0, Sure),
    ("هفده", 17.0, Sure),
    ("هجده", 18.0, Sure),
    ("هیجده", 18.0, Sure),
    ("نوزده", 19.0, Sure),
    ("بیست", 20.0, Sure),
    ("سی", 30.0, Ambiguous),
    ("چهل", 40.0, Sure),
    ("پنجاه", 50.0, Sure),
    ("شصت", 60.0, Sure),
    ("هفتاد", 70.0, Sure),
    ("هشتاد", 80.0, Sure),
    ("نود", 90.0, Sure),
    ("یکصد", 100.0, Sure),
    ("دویست", 200.0, Sure),
    ("سیصد", 300.0, Sure),
    ("چهارصد", 400.0, Sure),
    ("پانصد", 500.0, Sure),
    ("ششصد", 600.0, Sure),
    ("هفتصد", 700.0, Sure),
    ("هشتصد", 800.0, Sure),
    ("نهصد", 900.0, Sure),
];

/// Persian ordinals are the cardinal + م / مین; these are the irregular ones.
const FA_ORDINALS: &[(&str, f64)] = &[
    ("اول", 1.0),
    ("اولین", 1.0),
    ("نخستین", 1.0),
    ("نخست", 1.0),
    ("یکم", 1.0),
    ("سوم", 3.0),
    ("سومین", 3.0),
    ("سیام", 30.0),
    ("سیامین", 30.0),
    ("صدم", 100.0),
    ("صدمین", 100.0),
];

/// English only has a safe zero: শূন্য is also "empty", صفر also the month Safar.
const EN_SMALL: &[(&str, f64, Trust)] = &[
    ("zero", 0.0, Sure),
    ("one", 1.0, Article),
    ("two", 2.0, Sure),
    ("three", 3.0, Sure),
    ("four", 4.0, Sure),
    ("five", 5.0, Sure),
    ("six", 6.0, Sure),
    ("seven", 7.0, Sure),
    ("eight", 8.0, Sure),
    ("nine", 9.0, Sure),
    ("ten", 10.0, Sure),
    ("eleven", 11.0, Sure),
    ("twelve", 12.0, Sure),
    ("thirteen", 13.0, Sure),
    ("fourteen", 14.0, Sure),
    ("fifteen", 15.0, Sure),
    ("sixteen", 16.0, Sure),
    ("seventeen", 17.0, Sure),
    ("eighteen", 18.0, Sure),
    ("nineteen", 19.0, Sure),
    ("twenty", 20.0, Sure),
    ("thirty", 30.0, Sure),
    ("forty", 40.0, Sure),
    ("fifty", 50.0, Sure),
    ("sixty", 60.0, Sure),
    ("seventy", 70.0, Sure),
    ("eighty", 80.0, Sure),
    ("ninety", 90.0, Sure),
];

const ORDINALS: &[(&str, f64)] = &[
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
    ("একাদশ", 11.0),
    ("দ্বাদশ", 12.0),
    ("ত্রয়োদশ", 13.0),
    ("চতুর্দশ", 14.0),
    ("পঞ্চদশ", 15.0),
    ("ষোড়শ", 16.0),
    ("সপ্তদশ", 17.0),
    ("অষ্টাদশ", 18.0),
    ("ঊনবিংশ", 19.0),
    ("বিংশ", 20.0),
    ("একবিংশ", 21.0),
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
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("hundredth", 100.0),
];
/// Endings of Bengali ordinals: প্রথমবার (the first time), দ্বিতীয়টি (the second one).
/// Not -ে or -ত: প্রথমে and প্রথমত are adverbs ("at first", "firstly").
const BN_ORDINAL_ENDINGS: &[&str] = &["", "বার", "বারের", "বারে", "বারও", "টি", "টা", "টির", "টিতে", "তম"];

const SCALES: &[(&str, f64)] = &[
    ("হাজার", 1e3),
    ("লাখ", 1e5),
    ("লক্ষ", 1e5),
    ("কোটি", 1e7),
    ("মিলিয়ন", 1e6),
    ("বিলিয়ন", 1e9),
    ("ট্রিলিয়ন", 1e12),
    ("ডজন", 12.0),
    ("هزار", 1e3),
    ("میلیون", 1e6),
    ("میلیارد", 1e9),
    ("بیلیون", 1e9),
    ("تریلیون", 1e12),
    ("thousand", 1e3),
    ("million", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
    ("dozen", 12.0),
];
/// Bengali scale endings: কোটির, হাজারেরও, লাখে. Not -ো: হাজারো is "thousands of".
const BN_SCALE_ENDINGS: &[&str] = &["", "ের", "র", "এর", "েরও", "রও", "ে", "তে", "ও", "ই", "েরই"];
/// Persian: میلیاردی (adjective). Not -ها: میلیون‌ها is "millions of".
const FA_SCALE_ENDINGS: &[&str] = &["", "ی"];

const PERCENT: &[&str] = &["শতাংশ", "শতাংশের", "শতাংশে", "শতাংশই", "শতাংশেরও", "শতাংশও", "درصد", "درصدی", "percent"];

const CURRENCIES: &[(&str, &str)] = &[
    ("ডলার", "USD"),
    ("টাকা", "BDT"),
    ("ইউরো", "EUR"),
    ("রুবল", "RUB"),
    ("রুপি", "INR"),
    ("রুপী", "INR"),
    ("পাউন্ড", "GBP"),
    ("ইউয়ান", "CNY"),
    ("রিয়াল", "IRR"),
    ("دلار", "USD"),
    ("ریال", "IRR"),
    ("تومان", "IRT"),
    ("یورو", "EUR"),
    ("روبل", "RUB"),
    ("پوند", "GBP"),
    ("یوان", "CNY"),
    ("روپیه", "INR"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("taka", "BDT"),
    ("rial", "IRR"),
    ("rials", "IRR"),
    ("toman", "IRT"),
    ("tomans", "IRT"),
    ("yuan", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
];
const BN_CURRENCY_ENDINGS: &[&str] = &["", "ের", "র", "এর", "ে", "য়", "তে", "েরও", "রও"];
const FA_CURRENCY_ENDINGS: &[&str] = &["", "ی"];
const CURRENCY_ADJECTIVES: &[&str] = &["মার্কিন", "আমেরিকান", "us", "american"];
/// Currencies written before the number as a word; symbols ($ £ € ৳ ₽ ¥ ₹ ﷼) are punctuation.
const CURRENCY_BEFORE: &[(&str, &str)] =
    &[("usd", "USD"), ("eur", "EUR"), ("tk", "BDT"), ("bdt", "BDT"), ("rs", "INR"), ("inr", "INR"), ("rub", "RUB")];

/// Counted nouns after which an ambiguous number word counts (নয় দিন, نه روز, ده کشور).
const COUNTED: &[&str] = &[
    "জন",
    "টি",
    "টা",
    "দিন",
    "বছর",
    "মাস",
    "সপ্তাহ",
    "ঘণ্টা",
    "ঘন্টা",
    "মিনিট",
    "সেকেন্ড",
    "ব্যক্তি",
    "মানুষ",
    "দেশ",
    "বার",
    "কিলোমিটার",
    "মাইল",
    "نفر",
    "روز",
    "سال",
    "ماه",
    "هفته",
    "ساعت",
    "دقیقه",
    "ثانیه",
    "کشور",
    "بار",
    "تن",
    "عدد",
    "کیلومتر",
    "متر",
    "مایل",
    "دستگاه",
    "فروند",
    "نوبت",
    "مرحله",
];
const BN_COUNTED_ENDINGS: &[&str] = &["", "ের", "র", "ে", "ই", "ও", "েই", "েও"];

/// Persian words that make a number word before them part of a compound (سه شنبه, دو جانبه).
const NOT_AFTER_NUMBER: &[&str] = &["شنبه", "شنبهها", "شنبهی", "جانبه", "جانبهای", "جانبهی", "گانه", "گانهای"];

fn is_bengali(s: &str) -> bool {
    s.starts_with(|c: char| ('\u{0980}'..='\u{09FF}').contains(&c))
}

fn is_latin(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii())
}

static LEXICON: LazyLock<HashMap<String, Lexeme>> = LazyLock::new(build);

fn build() -> HashMap<String, Lexeme> {
    let mut map: HashMap<String, Lexeme> = HashMap::new();
    let mut add = |word: &str, endings: &[&str], set: &dyn Fn(&mut Lexeme, bool)| {
        for e in endings {
            set(map.entry(fold(&format!("{word}{e}"))).or_default(), !e.is_empty());
        }
    };
    let small = |value: f64, trust: Trust| {
        move |l: &mut Lexeme, ending: bool| {
            l.num.get_or_insert(Small { value, trust, counter: ending });
        }
    };
    let mut bn_small: Vec<(String, f64, Trust)> = BN_SMALL.iter().map(|&(w, v, t)| (w.to_owned(), v, t)).collect();
    for &(w, v, t) in BN_SMALL {
        if let Some(rest) = w.strip_prefix('ঊ') {
            bn_small.push((format!("উ{rest}"), v, t));
        }
    }
    for &(stem, v) in BN_HUNDRED_STEMS {
        for s in BN_HUNDRED_SUFFIXES {
            bn_small.push((format!("{stem}{s}"), v * 100.0, Sure));
        }
    }
    for (w, v, t) in &bn_small {
        let mut endings = vec![""];
        endings.extend_from_slice(BN_COUNTER_ENDINGS);
        add(w, &endings, &small(*v, *t));
    }
    for &(w, v, t) in FA_SMALL {
        add(w, &["", "تا"], &small(v, t));
    }
    for &(w, v, t) in EN_SMALL {
        add(w, &[""], &small(v, t));
    }
    // Persian ordinals: the cardinal + م / مین (ششم, ششمین, بیستم, پانصدمین).
    for &(w, v) in FA_ORDINALS {
        add(w, &[""], &|l, _| {
            l.num.get_or_insert(Ordinal(v));
        });
    }
    for &(w, v, _) in FA_SMALL {
        if w == "سه" || w == "سی" {
            continue;
        }
        add(w, &["م", "مین"], &|l, _| {
            l.num.get_or_insert(Ordinal(v));
        });
    }
    for &(w, v) in ORDINALS {
        let endings = if is_bengali(w) { BN_ORDINAL_ENDINGS } else { &[""] };
        add(w, endings, &|l, _| {
            l.num.get_or_insert(Ordinal(v));
        });
    }
    for &(w, v) in &[("দেড়", 1.5), ("আড়াই", 2.5)] {
        add(w, &["", "শো"], &|l, e| {
            l.num.get_or_insert(Fraction(if e { v * 100.0 } else { v }));
        });
    }
    add("সাড়ে", &[""], &|l, _| l.num = Some(AndAHalf));
    add("نیم", &[""], &|l, _| l.num = Some(Half));
    add("و", &[""], &|l, _| l.num = Some(And));
    add("and", &[""], &|l, _| l.num = Some(And));
    add("a", &[""], &|l, _| l.num = Some(A));
    add("দশমিক", &[""], &|l, _| l.num = Some(Point));
    add("ممیز", &[""], &|l, _| l.num = Some(Point));
    add("point", &[""], &|l, _| l.num = Some(Point));
    add("صد", &[""], &|l, _| l.num = Some(Hundred { alone: true }));
    for w in ["শত", "শো", "hundred"] {
        add(w, &[""], &|l, _| l.num = Some(Hundred { alone: false }));
    }
    for &(w, value) in SCALES {
        let endings = if is_bengali(w) {
            BN_SCALE_ENDINGS
        } else if is_latin(w) {
            &[""]
        } else {
            FA_SCALE_ENDINGS
        };
        let alone = w == "هزار";
        add(w, endings, &|l, _| {
            l.num.get_or_insert(Scale { value, alone });
        });
    }
    for w in PERCENT {
        add(w, &[""], &|l, _| l.percent = true);
    }
    add("শতকরা", &[""], &|l, _| l.percent_before = true);
    for &(w, code) in CURRENCIES {
        let endings = if is_bengali(w) {
            BN_CURRENCY_ENDINGS
        } else if is_latin(w) {
            &[""]
        } else {
            FA_CURRENCY_ENDINGS
        };
        add(w, endings, &|l, _| l.currency = Some(code));
    }
    for w in CURRENCY_ADJECTIVES {
        add(w, &[""], &|l, _| l.currency_adjective = true);
    }
    for &(w, code) in CURRENCY_BEFORE {
        add(w, &[""], &|l, _| l.currency_before = Some(code));
    }
    for w in COUNTED {
        let endings = if is_bengali(w) { BN_COUNTED_ENDINGS } else { &[""] };
        add(w, endings, &|l, _| l.counted = true);
    }
    for w in NOT_AFTER_NUMBER {
        add(w, &[""], &|l, _| l.not_after_number = true);
    }
    map
}

/// What a folded word means, if anything.
pub(crate) fn lookup(word: &str) -> Option<&'static Lexeme> {
    LEXICON.get(word)
}

/// Folded suffixes glued to digits that make an ordinal: ৬ষ্ঠ, ২০তম, ২য়, ৪র্থ, ৫ম, 6th,
/// ۶م, ۶مین, ۶ام, ۶امین.
pub(crate) fn is_ordinal_suffix(s: &str) -> bool {
    static SUFFIXES: LazyLock<Vec<String>> = LazyLock::new(|| {
        ["তম", "তমো", "ষ্ঠ", "ম", "য়", "র্থ", "st", "nd", "rd", "th", "م", "مین", "ام", "امین"]
            .iter()
            .map(|s| fold(s))
            .collect()
    });
    SUFFIXES.iter().any(|x| x == s)
}

/// Suffixes glued to digits that scale them after a currency sign: $5bn, £3m.
pub(crate) fn glued_scale(s: &str) -> Option<f64> {
    match s {
        "bn" | "b" => Some(1e9),
        "m" | "mn" => Some(1e6),
        "k" => Some(1e3),
        "tn" => Some(1e12),
        _ => None,
    }
}
