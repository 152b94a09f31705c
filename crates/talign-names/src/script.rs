//! Script detection: which writing system a string (or a single character) is in.

use serde::Serialize;
use std::fmt;

/// A writing system talign knows how to handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Bengali–Assamese script (U+0980–U+09FF).
    Bengali,
    /// Arabic script: Persian, Arabic, Urdu… (U+0600–U+06FF, supplements and presentation forms).
    Arabic,
    /// Latin script, with or without diacritics.
    Latin,
    /// Anything else, or no letters at all.
    Other,
}

impl Script {
    /// The code used in tables: `bn`, `fa`, `latin` or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Script::Bengali => "bn",
            Script::Arabic => "fa",
            Script::Latin => "latin",
            Script::Other => "other",
        }
    }

    /// The script of one character, `None` for characters that belong to no
    /// script (digits, punctuation, spaces, joiners, combining marks shared by scripts).
    pub fn of_char(c: char) -> Option<Script> {
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
            _ if c.is_ascii_alphabetic() => Some(Script::Latin),
            0x00C0..=0x024F | 0x1E00..=0x1EFF => {
                if c.is_alphabetic() {
                    Some(Script::Latin)
                } else {
                    None
                }
            }
            _ if c.is_alphabetic() => Some(Script::Other),
            _ => None,
        }
    }

    /// The dominant script of a string: the script of most of its letters.
    /// Ties are broken in the order Bengali, Arabic, Latin, Other.
    pub fn detect(s: &str) -> Script {
        let stats = ScriptStats::of(s);
        stats.dominant()
    }
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
        self.bengali + self.arabic + self.latin + self.other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_script() {
        assert_eq!(Script::detect("ল্যাভরভ"), Script::Bengali);
        assert_eq!(Script::detect("لاوروف"), Script::Arabic);
        assert_eq!(Script::detect("بزشكيان"), Script::Arabic);
        assert_eq!(Script::detect("Besançon"), Script::Latin);
        assert_eq!(Script::detect("Москва"), Script::Other);
        assert_eq!(Script::detect("۱۴۰۲"), Script::Other);
        assert_eq!(Script::detect(""), Script::Other);
    }

    #[test]
    fn mixed_scripts_take_the_majority() {
        assert_eq!(Script::detect("رسوایی بزرگ Kavanaugh"), Script::Arabic);
        assert_eq!(Script::detect("MI5 এমআই ফাইভ"), Script::Bengali);
    }
}
