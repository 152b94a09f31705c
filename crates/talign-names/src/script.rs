//! Script detection: which writing system a string (or a single character) is in.

use serde::Serialize;
use std::fmt;
/// `char::is_alphabetic`, answered from a table for the first 4,096 code points (Latin,
/// Greek, Cyrillic, Arabic, Devanagari, Bengali and the other Indic blocks), where names
/// spend their letters; the standard library answers those outside ASCII by a search that
/// took 14 % of `names normalize`'s time (one test per character of every name).
pub fn is_letter(c: char) -> bool {
    static TABLE: std::sync::LazyLock<LowChars> = std::sync::LazyLock::new(|| LowChars::new(char::is_alphabetic));
    if LowChars::covers(c) { TABLE.has(c) } else { c.is_alphabetic() }
}

/// Pushes the lowercase of `c` onto `out`, as `out.extend(c.to_lowercase())` does. Below
/// U+1000 a table tells the characters lowercasing leaves alone (every letter of the
/// Arabic, Bengali, Devanagari and other Indic blocks, where news text spends most of its
/// characters): the standard library answers them by a search that took 4 % of
/// `events align`'s time on 100,000 documents.
pub fn push_lowercase(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if lowercase_keeps(c) {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `str::to_lowercase`, with each character lowercased as [`push_lowercase`] does (the
/// standard library's table search only for the characters that need it). A capital
/// sigma, which lowercases by its place in a word, goes to the standard library.
///
/// ```
/// assert_eq!(talign_names::lowercase("Лавров ΟΔΟΣ ল্যাভরভ"), "Лавров ΟΔΟΣ ল্যাভরভ".to_lowercase());
/// ```
pub fn lowercase(s: &str) -> String {
    if s.contains('Σ') {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_lowercase(c, &mut out);
    }
    out
}

/// `char::is_numeric`, answered from a table for the first 4,096 code points as
/// [`is_letter`] is.
pub fn is_number(c: char) -> bool {
    static TABLE: std::sync::LazyLock<LowChars> = std::sync::LazyLock::new(|| LowChars::new(char::is_numeric));
    if LowChars::covers(c) { TABLE.has(c) } else { c.is_numeric() }
}

/// Whether `c` is below U+1000 and lowercasing leaves it alone (false: it changes it, or
/// `c` is above the table).
pub(crate) fn lowercase_keeps(c: char) -> bool {
    static UNCHANGED: std::sync::LazyLock<LowChars> = std::sync::LazyLock::new(|| {
        LowChars::new(|c| {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        })
    });
    UNCHANGED.has(c)
}

/// Whether `c` is a precomposed Hangul syllable (U+AC00–U+D7A3): one character that
/// holds a Korean syllable's two or three letters.
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7A3)
}

/// Whether `c` is Han, Hiragana or Katakana: the scripts of Chinese and Japanese, which
/// write no spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}')
}

/// `char::is_alphanumeric`, answered from a table for the first 4,096 code points as
/// [`is_letter`] is: the passage stage counts the letters of every unit with it.
pub fn is_letter_or_digit(c: char) -> bool {
    static TABLE: std::sync::LazyLock<LowChars> = std::sync::LazyLock::new(|| LowChars::new(char::is_alphanumeric));
    if LowChars::covers(c) { TABLE.has(c) } else { c.is_alphanumeric() }
}

/// A set of characters below U+1000 (Latin to the Indic blocks, where names spend their
/// letters), one bit each: a property the standard library or a crate answers slowly,
/// tabled once.
pub(crate) struct LowChars([u64; 64]);

impl LowChars {
    /// The characters below U+1000 for which `member` holds.
    pub(crate) fn new(member: impl Fn(char) -> bool) -> LowChars {
        let mut t = [0u64; 64];
        for u in 0..0x1000u32 {
            if char::from_u32(u).is_some_and(&member) {
                t[(u >> 6) as usize] |= 1 << (u & 63);
            }
        }
        LowChars(t)
    }

    /// Whether `c` is below U+1000, where the set answers.
    pub(crate) fn covers(c: char) -> bool {
        (c as u32) < 0x1000
    }

    /// Whether `c` is in the set (never, above U+1000).
    pub(crate) fn has(&self, c: char) -> bool {
        let u = c as u32;
        u < 0x1000 && self.0[(u >> 6) as usize] >> (u & 63) & 1 == 1
    }
}

/// A writing system talign knows how to handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Bengali–Assamese script (U+0980–U+09FF).
    Bengali,
    /// Arabic script: Persian, Arabic, Urdu… (U+0600–U+06FF, supplements and presentation forms).
    Arabic,
    /// Latin script, with or without diacritics.
    Latin,
    /// Devanagari (U+0900–U+097F): Hindi, Marathi, Nepali…
    Devanagari,
    /// Cyrillic (U+0400–U+052F): Russian, Ukrainian, Kazakh…
    Cyrillic,
    /// The other Brahmi scripts of India laid out like Devanagari: Gurmukhi, Gujarati,
    /// Oriya, Tamil, Telugu, Kannada, Malayalam (U+0A00–U+0D7F).
    Indic,
    /// Anything else, or no letters at all.
    #[default]
    Other,
}

impl Script {
    /// The code used in tables: `bn`, `fa`, `latin`, `hi`, `ru`, `indic` or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Script::Bengali => "bn",
            Script::Arabic => "fa",
            Script::Latin => "latin",
            Script::Devanagari => "hi",
            Script::Cyrillic => "ru",
            Script::Indic => "indic",
            Script::Other => "other",
        }
    }

    /// The script of one character, `None` for characters that belong to no
    /// script (digits, punctuation, spaces, joiners, combining marks shared by scripts).
    pub fn of_char(c: char) -> Option<Script> {
        // Below U+1000 (where names spend their letters) from a table of the answers below.
        static TABLE: std::sync::LazyLock<[Option<Script>; 0x1000]> = std::sync::LazyLock::new(|| {
            std::array::from_fn(|u| char::from_u32(u as u32).and_then(Script::of_char_uncached))
        });
        if (c as u32) < 0x1000 { TABLE[c as usize] } else { Script::of_char_uncached(c) }
    }

    fn of_char_uncached(c: char) -> Option<Script> {
        let u = c as u32;
        match u {
            0x0980..=0x09FF => {
                // Bengali digits are script-neutral for detection purposes.
                if (0x09E6..=0x09EF).contains(&u) { None } else { Some(Script::Bengali) }
            }
            0x0660..=0x0669 | 0x06F0..=0x06F9 => None,
            0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                if c == '\u{060C}' || c == '\u{061B}' || c == '\u{061F}' || c == '\u{066B}' || c == '\u{066C}' {
                    None
                } else {
                    Some(Script::Arabic)
                }
            }
            0x0900..=0x097F | 0xA8E0..=0xA8FF => {
                // Danda, double danda and the digits are shared with other Indic scripts.
                if matches!(u, 0x0964..=0x096F) || !(is_letter(c) || is_indic_mark(u)) {
                    None
                } else {
                    Some(Script::Devanagari)
                }
            }
            0x0A00..=0x0D7F => {
                // Digits and dandas are shared; everything else is a letter or a sign.
                let digit = matches!(u & 0x7F, 0x66..=0x6F);
                if digit || !(is_letter(c) || is_indic_mark(0x0900 + (u & 0x7F))) { None } else { Some(Script::Indic) }
            }
            0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
                if is_letter(c) {
                    Some(Script::Cyrillic)
                } else {
                    None
                }
            }
            _ if c.is_ascii_alphabetic() => Some(Script::Latin),
            0x00C0..=0x024F | 0x1E00..=0x1EFF => {
                if is_letter(c) {
                    Some(Script::Latin)
                } else {
                    None
                }
            }
            _ if is_letter(c) => Some(Script::Other),
            _ => None,
        }
    }

    /// The dominant script of a string: the script of most of its letters.
    /// Ties are broken in the order Bengali, Arabic, Latin, Devanagari, Cyrillic, Other.
    pub fn detect(s: &str) -> Script {
        if s.is_ascii() {
            // ASCII letters are Latin; anything else ASCII is of no script.
            return if s.bytes().any(|b| b.is_ascii_alphabetic()) { Script::Latin } else { Script::Other };
        }
        let stats = ScriptStats::of(s);
        stats.dominant()
    }
}

/// Splits a word where its letters change script (`Lavrovلاوروفল্যাভরভ` → `Lavrov`, `لاوروف`,
/// `ল্যাভরভ`), so that each part is read in its own script. Characters of no script
/// (digits, joiners, shared marks) stay with the part they follow.
pub fn split_by_script(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.is_ascii() {
            // ASCII is Latin letters and characters of no script: one part.
            return Some(std::mem::take(&mut rest));
        }
        let mut current: Option<Script> = None;
        let mut cut = rest.len();
        for (i, c) in rest.char_indices() {
            match (current, Script::of_char(c)) {
                (None, s) => current = s,
                (Some(a), Some(b)) if a != b => {
                    cut = i;
                    break;
                }
                _ => {}
            }
        }
        let (part, tail) = rest.split_at(cut);
        rest = tail;
        Some(part)
    })
}

/// The spelling convention a name was read in: the script, and for Arabic script whether
/// the letters are Arabic, Persian or Urdu ones. Shown by `names normalize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Orthography {
    /// Bengali script.
    Bengali,
    /// Arabic script with Arabic letters (ي ك ة ى أ إ ؤ) and no Persian or Urdu ones.
    Arabic,
    /// Arabic script with Persian letters (پ چ ژ گ ک ی), or none that tell the three apart.
    Persian,
    /// Arabic script with Urdu letters (ٹ ڈ ڑ ں ھ ہ ے).
    Urdu,
    /// Devanagari.
    Devanagari,
    /// Cyrillic.
    Cyrillic,
    /// The other Brahmi scripts of India ([`Script::Indic`]).
    Indic,
    /// Latin script.
    Latin,
    /// Anything else.
    #[default]
    Other,
}

impl Orthography {
    /// The code shown in tables: `bn`, `ar`, `fa`, `ur`, `hi`, `ru`, `indic`, `latin` or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Orthography::Bengali => "bn",
            Orthography::Arabic => "ar",
            Orthography::Persian => "fa",
            Orthography::Urdu => "ur",
            Orthography::Devanagari => "hi",
            Orthography::Cyrillic => "ru",
            Orthography::Indic => "indic",
            Orthography::Latin => "latin",
            Orthography::Other => "other",
        }
    }

    /// The orthography of a name as written (before [`crate::normalize`], which folds
    /// Arabic letters to Persian ones): Urdu letters first, then Persian, then Arabic;
    /// an Arabic-script name with none of them (محمد) counts as Persian.
    pub fn detect(s: &str) -> Orthography {
        Orthography::of_script(Script::detect(s), s)
    }

    /// [`Orthography::detect`] for a string whose script is known to be `script`.
    pub(crate) fn of_script(script: Script, s: &str) -> Orthography {
        match script {
            Script::Bengali => Orthography::Bengali,
            Script::Devanagari => Orthography::Devanagari,
            Script::Cyrillic => Orthography::Cyrillic,
            Script::Indic => Orthography::Indic,
            Script::Latin => Orthography::Latin,
            Script::Other => Orthography::Other,
            Script::Arabic => {
                let has = |set: &[char]| s.chars().any(|c| set.contains(&c));
                if has(&['ٹ', 'ڈ', 'ڑ', 'ں', 'ھ', 'ہ', 'ے', 'ۓ']) {
                    Orthography::Urdu
                } else if has(&['پ', 'چ', 'ژ', 'گ', 'ک', 'ی']) {
                    Orthography::Persian
                } else if has(&['ي', 'ك', 'ة', 'ى', 'أ', 'إ', 'ؤ', 'ئ']) {
                    Orthography::Arabic
                } else {
                    Orthography::Persian
                }
            }
        }
    }
}

impl fmt::Display for Orthography {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Devanagari vowel signs, virama, nukta and the nasal signs, which are marks rather than letters.
fn is_indic_mark(u: u32) -> bool {
    matches!(u, 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962 | 0x0963)
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Letter counts per script, for detection and for corpus statistics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ScriptStats {
    /// Bengali letters and signs.
    pub bengali: usize,
    /// Arabic-script letters and signs.
    pub arabic: usize,
    /// Latin letters.
    pub latin: usize,
    /// Devanagari letters and signs.
    pub devanagari: usize,
    /// Cyrillic letters.
    pub cyrillic: usize,
    /// Letters and signs of the other Brahmi scripts of India.
    pub indic: usize,
    /// Letters of any other script.
    pub other: usize,
    /// Digits of any of the digit systems talign reads (ASCII, Bengali, Persian, Arabic-Indic).
    pub digits: usize,
}

impl ScriptStats {
    /// Counts the characters of `s` by script.
    pub fn of(s: &str) -> ScriptStats {
        let mut st = ScriptStats::default();
        for c in s.chars() {
            match Script::of_char(c) {
                Some(Script::Bengali) => st.bengali += 1,
                Some(Script::Arabic) => st.arabic += 1,
                Some(Script::Latin) => st.latin += 1,
                Some(Script::Devanagari) => st.devanagari += 1,
                Some(Script::Cyrillic) => st.cyrillic += 1,
                Some(Script::Indic) => st.indic += 1,
                Some(Script::Other) => st.other += 1,
                None => {
                    if crate::digits::digit_value(c).is_some() {
                        st.digits += 1;
                    }
                }
            }
        }
        st
    }

    /// The script with the most letters; [`Script::Other`] when there are none.
    pub fn dominant(&self) -> Script {
        let mut best = (0usize, Script::Other);
        for (n, s) in [
            (self.bengali, Script::Bengali),
            (self.arabic, Script::Arabic),
            (self.latin, Script::Latin),
            (self.devanagari, Script::Devanagari),
            (self.cyrillic, Script::Cyrillic),
            (self.indic, Script::Indic),
            (self.other, Script::Other),
        ] {
            if n > best.0 {
                best = (n, s);
            }
        }
        best.1
    }

    /// Total number of letters counted.
    pub fn letters(&self) -> usize {
        self.bengali + self.arabic + self.latin + self.devanagari + self.cyrillic + self.indic + self.other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_where_the_script_changes() {
        let parts: Vec<&str> = split_by_script("Lavrovلاوروفল্যাভরভ").collect();
        assert_eq!(parts, ["Lavrov", "لاوروف", "ল্যাভরভ"]);
        let parts: Vec<&str> = split_by_script("MI5").collect();
        assert_eq!(parts, ["MI5"]);
        let parts: Vec<&str> = split_by_script("১২ابc").collect();
        assert_eq!(parts, ["১২اب", "c"]);
        assert_eq!(split_by_script("").count(), 0);
    }

    #[test]
    fn detects_each_script() {
        assert_eq!(Script::detect("ল্যাভরভ"), Script::Bengali);
        assert_eq!(Script::detect("لاوروف"), Script::Arabic);
        assert_eq!(Script::detect("بزشكيان"), Script::Arabic);
        assert_eq!(Script::detect("Besançon"), Script::Latin);
        assert_eq!(Script::detect("Москва"), Script::Cyrillic);
        assert_eq!(Script::detect("लावरोव"), Script::Devanagari);
        assert_eq!(Script::detect("Αθήνα"), Script::Other);
        assert_eq!(Script::detect("రైసీ"), Script::Indic);
        assert_eq!(Script::detect("ரைசி"), Script::Indic);
        assert_eq!(Script::detect("२०२४"), Script::Other);
        assert_eq!(Script::detect("۱۴۰۲"), Script::Other);
        assert_eq!(Script::detect(""), Script::Other);
    }

    #[test]
    fn arabic_script_orthographies() {
        assert_eq!(Orthography::detect("بزشكيان"), Orthography::Arabic);
        assert_eq!(Orthography::detect("پزشکیان"), Orthography::Persian);
        assert_eq!(Orthography::detect("موہن داس"), Orthography::Urdu);
        assert_eq!(Orthography::detect("محمد"), Orthography::Persian);
        assert_eq!(Orthography::detect("Лавров").code(), "ru");
        assert_eq!(Orthography::detect("लावरोव").code(), "hi");
    }

    #[test]
    fn mixed_scripts_take_the_majority() {
        assert_eq!(Script::detect("رسوایی بزرگ Kavanaugh"), Script::Arabic);
        assert_eq!(Script::detect("MI5 এমআই ফাইভ"), Script::Bengali);
    }
}

#[cfg(test)]
mod letter_tests {

    #[test]
    fn push_lowercase_is_to_lowercase_for_every_character() {
        let mut fast = String::new();
        let mut slow = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            fast.clear();
            slow.clear();
            super::push_lowercase(c, &mut fast);
            slow.extend(c.to_lowercase());
            assert_eq!(fast, slow, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn of_char_is_its_table() {
        for u in 0..0x1100u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(super::Script::of_char(c), super::Script::of_char_uncached(c), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn the_tables_answer_as_the_standard_library() {
        for u in 0..0x3_0000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(super::is_letter(c), c.is_alphabetic(), "U+{u:04X}");
                assert_eq!(super::is_letter_or_digit(c), c.is_alphanumeric(), "U+{u:04X}");
                assert_eq!(super::is_number(c), c.is_numeric(), "U+{u:04X}");
                // Between letters, at a word's end and alone (a capital sigma's cases).
                for s in [format!("a{c}b"), format!("ab{c}"), format!("{c}")] {
                    assert_eq!(super::lowercase(&s), s.to_lowercase(), "U+{u:04X}");
                }
            }
        }
    }
}
