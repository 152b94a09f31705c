//! Languages: any ISO 639 code a corpus gives, and detection from the text when it
//! gives none.
//!
//! A [`Lang`] is an open set: the 184 two-letter ISO 639-1 codes, any three-letter
//! ISO 639-2/639-3 code (mapped to its two-letter twin where there is one, `ben` → `bn`),
//! and `und` for "cannot tell". Language tags with subtags (`en-US`, `zh_Hant`) keep their
//! primary language, and the English names of common languages are understood. talign has
//! word lists for some languages only; every other language still contributes what does
//! not need words (names, numbers, dates in digits).
//!
//! Detection goes by script first (Bengali, Arabic, Devanagari, Cyrillic, Latin, Greek,
//! Hebrew, the Indic and East Asian scripts…), then, inside a script shared by several
//! languages, by letters only one of them uses (Urdu ٹ ڈ ڑ ں ے, Persian پ چ ژ گ, Arabic
//! ة ي ى) or by the `whatlang` trigram model (Latin, Cyrillic, Devanagari).

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};
use talign_names::Script;

/// The language of a document: an ISO 639 code, two letters where ISO 639-1 has one.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang {
    /// Lower-case ASCII letters, padded with zero bytes.
    code: [u8; 3],
}

#[allow(non_upper_case_globals)]
impl Lang {
    /// Bengali.
    pub const Bn: Lang = Lang::from_ascii(b"bn");
    /// Persian.
    pub const Fa: Lang = Lang::from_ascii(b"fa");
    /// Arabic.
    pub const Ar: Lang = Lang::from_ascii(b"ar");
    /// Urdu.
    pub const Ur: Lang = Lang::from_ascii(b"ur");
    /// English.
    pub const En: Lang = Lang::from_ascii(b"en");
    /// French.
    pub const Fr: Lang = Lang::from_ascii(b"fr");
    /// German.
    pub const De: Lang = Lang::from_ascii(b"de");
    /// Spanish.
    pub const Es: Lang = Lang::from_ascii(b"es");
    /// Russian.
    pub const Ru: Lang = Lang::from_ascii(b"ru");
    /// Hindi.
    pub const Hi: Lang = Lang::from_ascii(b"hi");
    /// Undetermined: no language could be told.
    pub const Und: Lang = Lang::from_ascii(b"und");

    const fn from_ascii(s: &[u8]) -> Lang {
        let mut code = [0u8; 3];
        let mut i = 0;
        while i < s.len() && i < 3 {
            code[i] = s[i];
            i += 1;
        }
        Lang { code }
    }

    /// The code: two letters (ISO 639-1) where the language has them, else three.
    pub fn code(&self) -> &str {
        let n = self.code.iter().position(|&b| b == 0).unwrap_or(3);
        std::str::from_utf8(&self.code[..n]).expect("a Lang holds ASCII letters")
    }

    /// A number standing for the language, equal for equal languages (for compact tables).
    pub fn id(self) -> u32 {
        u32::from_le_bytes([self.code[0], self.code[1], self.code[2], 0])
    }

    /// Whether this is `und`.
    pub fn is_undetermined(self) -> bool {
        self == Lang::Und
    }

    /// The script the language is usually written in, for the languages talign reads
    /// names of; [`Script::Other`] for the rest.
    pub fn script(self) -> Script {
        match self.code() {
            "bn" | "as" => Script::Bengali,
            "fa" | "ar" | "ur" | "ps" | "ckb" | "sd" | "ug" => Script::Arabic,
            "hi" | "mr" | "ne" | "sa" => Script::Devanagari,
            "ru" | "uk" | "be" | "bg" | "mk" | "sr" | "kk" | "ky" | "tg" | "mn" => Script::Cyrillic,
            c if LATIN_LANGS.contains(&c) => Script::Latin,
            _ => Script::Other,
        }
    }

    /// Guesses the language from the text: by script, then by letters or a trigram model
    /// inside a script several languages share. `None` when the text has no letters.
    pub fn detect(text: &str) -> Option<Lang> {
        let counts = ScriptCounts::of(text);
        let (script, n) = counts.dominant()?;
        if n == 0 {
            return None;
        }
        Some(match script {
            Wide::Bengali => Lang::Bn,
            Wide::Arabic => arabic_script_lang(text),
            Wide::Devanagari => by_model(text, &[("hin", "hi"), ("mar", "mr"), ("nep", "ne")]).unwrap_or(Lang::Hi),
            Wide::Cyrillic => by_model(
                text,
                &[("rus", "ru"), ("ukr", "uk"), ("bel", "be"), ("bul", "bg"), ("srp", "sr"), ("mkd", "mk")],
            )
            .unwrap_or(Lang::Ru),
            Wide::Latin => latin_lang(text),
            Wide::Other(code) => Lang::from_ascii(code.as_bytes()),
        })
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A language code talign cannot read as one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown language `{0}` (expected an ISO 639 code such as bn, fa, ar, ur, hi, ru, en, or `und` when it is not known)"
)]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        let err = || UnknownLang(s.to_owned());
        let lower = s.trim().to_ascii_lowercase();
        if let Some(&(_, code)) = NAMES.iter().find(|(name, _)| *name == lower) {
            return Ok(Lang::from_ascii(code.as_bytes()));
        }
        // A language tag: the primary subtag decides (en-US, zh_Hant, sr-Latn).
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        if !primary.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(err());
        }
        match primary.len() {
            2 if ISO_639_1.contains(&primary) => Ok(Lang::from_ascii(primary.as_bytes())),
            3 => Ok(match ISO_639_2.iter().find(|(three, _)| *three == primary) {
                Some(&(_, two)) => Lang::from_ascii(two.as_bytes()),
                None => Lang::from_ascii(primary.as_bytes()),
            }),
            _ => Err(err()),
        }
    }
}

/// The scripts detection tells apart, wider than the ones names are read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wide {
    Bengali,
    Arabic,
    Devanagari,
    Cyrillic,
    Latin,
    /// A script written by one main language: its code.
    Other(&'static str),
}

/// Scripts with one main language, by code-point range.
const OTHER_SCRIPTS: &[(u32, u32, &str)] = &[
    (0x0370, 0x03FF, "el"),
    (0x1F00, 0x1FFF, "el"),
    (0x0530, 0x058F, "hy"),
    (0x0590, 0x05FF, "he"),
    (0x0700, 0x074F, "syc"),
    (0x0780, 0x07BF, "dv"),
    (0x0A00, 0x0A7F, "pa"),
    (0x0A80, 0x0AFF, "gu"),
    (0x0B00, 0x0B7F, "or"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0C00, 0x0C7F, "te"),
    (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"),
    (0x0D80, 0x0DFF, "si"),
    (0x0E00, 0x0E7F, "th"),
    (0x0E80, 0x0EFF, "lo"),
    (0x0F00, 0x0FFF, "bo"),
    (0x1000, 0x109F, "my"),
    (0x10A0, 0x10FF, "ka"),
    (0x1100, 0x11FF, "ko"),
    (0x1200, 0x139F, "am"),
    (0x1780, 0x17FF, "km"),
    (0x1800, 0x18AF, "mn"),
    (0x3040, 0x30FF, "ja"),
    (0x3130, 0x318F, "ko"),
    (0x3400, 0x4DBF, "zh"),
    (0x4E00, 0x9FFF, "zh"),
    (0xAC00, 0xD7AF, "ko"),
];

/// Letter counts per wide script.
#[derive(Debug, Default)]
struct ScriptCounts {
    named: [usize; 5],
    other: Vec<(&'static str, usize)>,
}

impl ScriptCounts {
    fn of(text: &str) -> ScriptCounts {
        let mut c = ScriptCounts::default();
        for ch in text.chars() {
            match Script::of_char(ch) {
                Some(Script::Bengali) => c.named[0] += 1,
                Some(Script::Arabic) => c.named[1] += 1,
                Some(Script::Devanagari) => c.named[2] += 1,
                Some(Script::Cyrillic) => c.named[3] += 1,
                Some(Script::Latin) => c.named[4] += 1,
                Some(Script::Other | Script::Indic) => {
                    let u = ch as u32;
                    if let Some(&(_, _, code)) = OTHER_SCRIPTS.iter().find(|&&(lo, hi, _)| (lo..=hi).contains(&u)) {
                        match c.other.iter_mut().find(|(k, _)| *k == code) {
                            Some((_, n)) => *n += 1,
                            None => c.other.push((code, 1)),
                        }
                    }
                }
                None => {}
            }
        }
        c
    }

    /// The script with the most letters (ties go to the earlier script), and its count.
    fn dominant(&self) -> Option<(Wide, usize)> {
        let named = [Wide::Bengali, Wide::Arabic, Wide::Devanagari, Wide::Cyrillic, Wide::Latin];
        let mut best: Option<(Wide, usize)> = None;
        for (w, &n) in named.iter().zip(&self.named) {
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((*w, n));
            }
        }
        // Japanese text mixes kana and Han: any kana makes it Japanese, any hangul Korean.
        let get = |code: &str| self.other.iter().find(|(k, _)| *k == code).map_or(0, |&(_, n)| n);
        for &(code, n) in &self.other {
            let (code, n) = match code {
                "zh" if get("ja") > 0 => ("ja", n + get("ja")),
                "zh" if get("ko") > 0 => ("ko", n + get("ko")),
                "ja" | "ko" if get("zh") > 0 => (code, n + get("zh")),
                _ => (code, n),
            };
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((Wide::Other(code), n));
            }
        }
        best
    }
}

/// Persian, Arabic, Urdu, Pashto, Sorani Kurdish, Sindhi or Uyghur, by the letters only
/// one of them uses; Persian when nothing tells.
fn arabic_script_lang(text: &str) -> Lang {
    let has = |set: &[char]| text.chars().filter(|c| set.contains(c)).count();
    let urdu = has(&['ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ۓ', 'ھ', 'ہ']);
    let pashto = has(&['ټ', 'ډ', 'ړ', 'ږ', 'ښ', 'ګ', 'ڼ', 'ۍ', 'ې']);
    let sorani = has(&['ڵ', 'ێ', 'ۆ', 'ڕ', 'ە']);
    let uyghur = has(&['ۈ', 'ۇ', 'ۋ', 'ۆ', 'ې', 'ئ']);
    // ی and ک are typed by Arabic keyboards too; پ چ ژ گ are Persian's own.
    let persian = has(&['پ', 'چ', 'ژ', 'گ']);
    let arabic = has(&['ة', 'ي', 'ى', 'ك']);
    let letters = text.chars().filter(|&c| Script::of_char(c) == Some(Script::Arabic)).count().max(1);
    // A few marked letters in a long text can be quotations; ask for 0.5 % of the letters.
    let marked = |n: usize| n >= 2 && n * 200 >= letters;
    if marked(urdu) && urdu >= pashto {
        Lang::Ur
    } else if marked(pashto) {
        Lang::from_ascii(b"ps")
    } else if marked(sorani) && sorani > uyghur {
        Lang::from_ascii(b"ckb")
    } else if marked(uyghur) && uyghur > 4 * persian.max(1) {
        Lang::from_ascii(b"ug")
    } else if arabic > 0 && !(marked(persian) || persian > 0 && letters < 400) {
        Lang::Ar
    } else {
        Lang::Fa
    }
}

/// Asks the trigram model, and keeps its answer only if it is one of `allowed`
/// (whatlang code, our code).
fn by_model(text: &str, allowed: &[(&str, &'static str)]) -> Option<Lang> {
    let sample = sample(text);
    let info = whatlang::detect(sample)?;
    let code = info.lang().code();
    allowed.iter().find(|(w, _)| *w == code).map(|&(_, ours)| Lang::from_ascii(ours.as_bytes()))
}

/// The first 2,000 bytes (on a character boundary): enough for the model, and the cost
/// does not grow with the document.
fn sample(text: &str) -> &str {
    if text.len() <= 2000 {
        return text;
    }
    let mut end = 2000;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A Latin-script language from the trigram model; English when it cannot tell.
fn latin_lang(text: &str) -> Lang {
    const LATIN: &[(&str, &str)] = &[
        ("eng", "en"),
        ("fra", "fr"),
        ("deu", "de"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("nld", "nl"),
        ("tur", "tr"),
        ("aze", "az"),
        ("ind", "id"),
        ("pol", "pl"),
        ("ron", "ro"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("fin", "fi"),
        ("hun", "hu"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("hrv", "hr"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("est", "et"),
        ("vie", "vi"),
        ("uzb", "uz"),
        ("tuk", "tk"),
        ("tgl", "tl"),
        ("cat", "ca"),
        ("afr", "af"),
        ("jav", "jv"),
        ("zul", "zu"),
        ("lat", "la"),
        ("epo", "eo"),
    ];
    let sample = sample(text);
    // The model needs words; a name or two is English by convention.
    if sample.split_whitespace().count() < 4 {
        return Lang::En;
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() || info.confidence() > 0.5 => LATIN
            .iter()
            .find(|(w, _)| *w == info.lang().code())
            .map_or(Lang::En, |&(_, ours)| Lang::from_ascii(ours.as_bytes())),
        _ => Lang::En,
    }
}

/// Latin-script languages (for [`Lang::script`]).
const LATIN_LANGS: &[&str] = &[
    "en", "fr", "de", "es", "it", "pt", "nl", "tr", "az", "id", "ms", "pl", "ro", "sv", "da", "nb", "nn", "no", "fi",
    "hu", "cs", "sk", "sl", "hr", "bs", "lt", "lv", "et", "vi", "uz", "tk", "tl", "ca", "af", "jv", "zu", "la", "eo",
    "sq", "ga", "cy", "is", "mt", "so", "sw", "ha", "yo", "ig", "eu", "gl", "lb",
];

/// English names of common languages, and the names the corpus format used before
/// codes were required.
const NAMES: &[(&str, &str)] = &[
    ("bengali", "bn"),
    ("bangla", "bn"),
    ("persian", "fa"),
    ("farsi", "fa"),
    ("dari", "prs"),
    ("arabic", "ar"),
    ("urdu", "ur"),
    ("english", "en"),
    ("french", "fr"),
    ("german", "de"),
    ("spanish", "es"),
    ("russian", "ru"),
    ("hindi", "hi"),
    ("italian", "it"),
    ("portuguese", "pt"),
    ("turkish", "tr"),
    ("azerbaijani", "az"),
    ("chinese", "zh"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("greek", "el"),
    ("hebrew", "he"),
    ("pashto", "ps"),
    ("ukrainian", "uk"),
    ("undetermined", "und"),
    ("unknown", "und"),
];

/// ISO 639-2/B and 639-2/T codes of the languages that have a 639-1 code.
const ISO_639_2: &[(&str, &str)] = &[
    ("aar", "aa"),
    ("abk", "ab"),
    ("afr", "af"),
    ("aka", "ak"),
    ("alb", "sq"),
    ("sqi", "sq"),
    ("amh", "am"),
    ("ara", "ar"),
    ("arg", "an"),
    ("arm", "hy"),
    ("hye", "hy"),
    ("asm", "as"),
    ("ava", "av"),
    ("ave", "ae"),
    ("aym", "ay"),
    ("aze", "az"),
    ("bak", "ba"),
    ("bam", "bm"),
    ("baq", "eu"),
    ("eus", "eu"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bis", "bi"),
    ("bos", "bs"),
    ("bre", "br"),
    ("bul", "bg"),
    ("bur", "my"),
    ("mya", "my"),
    ("cat", "ca"),
    ("cha", "ch"),
    ("che", "ce"),
    ("chi", "zh"),
    ("zho", "zh"),
    ("cmn", "zh"),
    ("chu", "cu"),
    ("chv", "cv"),
    ("cor", "kw"),
    ("cos", "co"),
    ("cre", "cr"),
    ("cze", "cs"),
    ("ces", "cs"),
    ("dan", "da"),
    ("div", "dv"),
    ("dut", "nl"),
    ("nld", "nl"),
    ("dzo", "dz"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("ewe", "ee"),
    ("fao", "fo"),
    ("fij", "fj"),
    ("fin", "fi"),
    ("fre", "fr"),
    ("fra", "fr"),
    ("fry", "fy"),
    ("ful", "ff"),
    ("geo", "ka"),
    ("kat", "ka"),
    ("ger", "de"),
    ("deu", "de"),
    ("gla", "gd"),
    ("gle", "ga"),
    ("glg", "gl"),
    ("glv", "gv"),
    ("gre", "el"),
    ("ell", "el"),
    ("grn", "gn"),
    ("guj", "gu"),
    ("hat", "ht"),
    ("hau", "ha"),
    ("heb", "he"),
    ("her", "hz"),
    ("hin", "hi"),
    ("hmo", "ho"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("ibo", "ig"),
    ("ice", "is"),
    ("isl", "is"),
    ("ido", "io"),
    ("iii", "ii"),
    ("iku", "iu"),
    ("ile", "ie"),
    ("ina", "ia"),
    ("ind", "id"),
    ("ipk", "ik"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kal", "kl"),
    ("kan", "kn"),
    ("kas", "ks"),
    ("kau", "kr"),
    ("kaz", "kk"),
    ("khm", "km"),
    ("kik", "ki"),
    ("kin", "rw"),
    ("kir", "ky"),
    ("kom", "kv"),
    ("kon", "kg"),
    ("kor", "ko"),
    ("kua", "kj"),
    ("kur", "ku"),
    ("lao", "lo"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lim", "li"),
    ("lin", "ln"),
    ("lit", "lt"),
    ("ltz", "lb"),
    ("lub", "lu"),
    ("lug", "lg"),
    ("mac", "mk"),
    ("mkd", "mk"),
    ("mah", "mh"),
    ("mal", "ml"),
    ("mao", "mi"),
    ("mri", "mi"),
    ("mar", "mr"),
    ("may", "ms"),
    ("msa", "ms"),
    ("mlg", "mg"),
    ("mlt", "mt"),
    ("mon", "mn"),
    ("nau", "na"),
    ("nav", "nv"),
    ("nbl", "nr"),
    ("nde", "nd"),
    ("ndo", "ng"),
    ("nep", "ne"),
    ("nno", "nn"),
    ("nob", "nb"),
    ("nor", "no"),
    ("nya", "ny"),
    ("oci", "oc"),
    ("oji", "oj"),
    ("ori", "or"),
    ("orm", "om"),
    ("oss", "os"),
    ("pan", "pa"),
    ("per", "fa"),
    ("fas", "fa"),
    ("pes", "fa"),
    ("pli", "pi"),
    ("pol", "pl"),
    ("por", "pt"),
    ("pus", "ps"),
    ("pbt", "ps"),
    ("que", "qu"),
    ("roh", "rm"),
    ("rum", "ro"),
    ("ron", "ro"),
    ("run", "rn"),
    ("rus", "ru"),
    ("sag", "sg"),
    ("san", "sa"),
    ("sin", "si"),
    ("slo", "sk"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sme", "se"),
    ("smo", "sm"),
    ("sna", "sn"),
    ("snd", "sd"),
    ("som", "so"),
    ("sot", "st"),
    ("spa", "es"),
    ("srd", "sc"),
    ("srp", "sr"),
    ("ssw", "ss"),
    ("sun", "su"),
    ("swa", "sw"),
    ("swe", "sv"),
    ("tah", "ty"),
    ("tam", "ta"),
    ("tat", "tt"),
    ("tel", "te"),
    ("tgk", "tg"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tib", "bo"),
    ("bod", "bo"),
    ("tir", "ti"),
    ("ton", "to"),
    ("tsn", "tn"),
    ("tso", "ts"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("twi", "tw"),
    ("uig", "ug"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("ven", "ve"),
    ("vie", "vi"),
    ("vol", "vo"),
    ("wel", "cy"),
    ("cym", "cy"),
    ("wln", "wa"),
    ("wol", "wo"),
    ("xho", "xh"),
    ("yid", "yi"),
    ("yor", "yo"),
    ("zha", "za"),
    ("zul", "zu"),
];

/// The two-letter codes of ISO 639-1.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn",
    "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en",
    "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he",
    "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv",
    "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li",
    "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne",
    "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm",
    "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st",
    "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk",
    "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<String, UnknownLang> {
        s.parse::<Lang>().map(|l| l.code().to_owned())
    }

    #[test]
    fn reads_codes_tags_and_names() {
        assert_eq!(parse("bn").unwrap(), "bn");
        assert_eq!(parse("RU").unwrap(), "ru");
        assert_eq!(parse("ben").unwrap(), "bn");
        assert_eq!(parse("fas").unwrap(), "fa");
        assert_eq!(parse("en-US").unwrap(), "en");
        assert_eq!(parse("zh_Hant").unwrap(), "zh");
        assert_eq!(parse("Persian").unwrap(), "fa");
        assert_eq!(parse("und").unwrap(), "und");
        // A three-letter code without a two-letter twin is kept.
        assert_eq!(parse("ckb").unwrap(), "ckb");
        assert_eq!(parse("rhg").unwrap(), "rhg");
        for bad in ["xx", "e", "english language", "12", "b-n", "abcd"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_iso_639_1_code_is_accepted() {
        for code in ISO_639_1 {
            assert_eq!(parse(code).unwrap(), *code);
        }
        for (three, two) in ISO_639_2 {
            assert_eq!(parse(three).unwrap(), *two, "{three}");
        }
    }

    #[test]
    fn detects_by_script_and_letters() {
        let d = |s: &str| Lang::detect(s).map(|l| l.code().to_owned());
        assert_eq!(d("ল্যাভরভ মারাকেচে পৌঁছেছেন।").as_deref(), Some("bn"));
        assert_eq!(d("لاوروف در مراکش با وزیر خارجه مصر دیدار کرد.").as_deref(), Some("fa"));
        assert_eq!(d("التقى وزير الخارجية الروسي سيرغي لافروف نظيره المصري في مراكش.").as_deref(), Some("ar"));
        assert_eq!(d("روسی وزیر خارجہ نے مراکش میں مصری ہم منصب سے ملاقات کی۔").as_deref(), Some("ur"));
        assert_eq!(d("रूस के विदेश मंत्री सर्गेई लावरोव ने मोरक्को में मिस्र के विदेश मंत्री से मुलाकात की।").as_deref(), Some("hi"));
        assert_eq!(
            d("Министр иностранных дел России Сергей Лавров встретился с египетским коллегой.").as_deref(),
            Some("ru")
        );
        assert_eq!(
            d("Міністр закордонних справ України зустрівся з колегою у Києві в понеділок.").as_deref(),
            Some("uk")
        );
        assert_eq!(
            d("The Russian foreign minister met his Egyptian counterpart in Marrakesh on Wednesday.").as_deref(),
            Some("en")
        );
        assert_eq!(
            d("Il ministro degli esteri russo ha incontrato il suo omologo egiziano a Marrakech.").as_deref(),
            Some("it")
        );
        assert_eq!(d("Ο Ρώσος υπουργός Εξωτερικών συναντήθηκε με τον Αιγύπτιο ομόλογό του.").as_deref(), Some("el"));
        assert_eq!(d("普京与伊朗总统会晤").as_deref(), Some("zh"));
        assert_eq!(d("プーチン大統領とイラン大統領が会談した").as_deref(), Some("ja"));
        assert_eq!(d("Lavrov").as_deref(), Some("en"));
        assert_eq!(d("۱۴۰۲ - 2024"), None);
        assert_eq!(d(""), None);
    }
}
