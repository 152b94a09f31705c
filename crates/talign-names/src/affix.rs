//! Case endings and particles glued to names: Bengali -এর/-ের/-র/-কে/-তে/-য়/-য়ে/-ও/-ই/-সহ…,
//! Persian -ها/-های/-ی (plural, ezafe, indefinite), English -'s.
//!
//! Stripping is never destructive: [`stems`] offers shorter readings beside the full
//! token, and the scorer takes the full token unless a stem matches clearly better
//! (a small penalty is charged for stripping), so a name that really ends in -ই or -র
//! (সের্গেই, Kashmir) keeps its ending.

use crate::script::Script;

/// Bengali endings, longest first. Written in NFC (য় is য + nukta).
const BN_SUFFIXES: &[&str] = &[
    "দেরকে",
    "গুলোর",
    "গুলির",
    "য়েরও",
    "দের",
    "গুলো",
    "গুলি",
    "টিকে",
    "য়ের",
    "েরও",
    "েরই",
    "কেও",
    "তেও",
    "তেই",
    "টির",
    "এর",
    "ের",
    "য়ে",
    "কে",
    "তে",
    "টি",
    "টা",
    "সহ",
    "রা",
    "রও",
    "য়",
    "র",
    "ে",
    "ও",
    "ই",
];

/// Persian endings, longest first.
const FA_SUFFIXES: &[&str] = &["هایی", "های", "ها", "یی", "ای", "ی"];

/// Minimum number of characters a stem must keep.
const MIN_STEM_CHARS: usize = 2;

/// Russian case endings of nouns and surnames (Лаврова, Лаврову, Лавровым, Москве),
/// longest first.
const RU_SUFFIXES: &[&str] = &[
    "ыми", "ими", "ому", "ему", "ого", "его", "ой", "ей", "ом", "ем", "ым", "им", "ых", "их", "ую", "а", "у", "е", "ы",
    "и", "ю", "я",
];

/// Candidate stems of one cleaned token, longest ending first, at most three; the token
/// itself is not included.
///
/// ```
/// use talign_names::affix::stems;
/// use talign_names::Script;
/// assert_eq!(stems("ল্যাভরভের", Script::Bengali)[0], "ল্যাভরভ");
/// assert!(stems("মস্কোর", Script::Bengali).contains(&"মস্কো".to_string()));
/// ```
pub fn stems(token: &str, script: Script) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    match script {
        Script::Bengali => {
            for suf in BN_SUFFIXES {
                if let Some(stem) = token.strip_suffix(suf) {
                    if stem.chars().count() < MIN_STEM_CHARS || stem.ends_with('\u{09CD}') {
                        continue;
                    }
                    // -র and -য় attach after a vowel; -ের after a consonant.
                    let last = stem.chars().next_back().unwrap_or(' ');
                    let after_vowel = matches!(last, '\u{09BE}'..='\u{09CC}') || matches!(last, 'অ'..='ঔ');
                    if (*suf == "র" || *suf == "য়" || *suf == "রা" || *suf == "রও") && !after_vowel {
                        continue;
                    }
                    if suf.starts_with('\u{09C7}') && after_vowel {
                        continue;
                    }
                    push_unique(&mut out, stem);
                }
            }
        }
        Script::Arabic => {
            let t = token.trim_end_matches('\u{200C}');
            // The Arabic article: العیون, الجنینه.
            if let Some(rest) = t.strip_prefix("ال")
                && rest.chars().count() >= 3
            {
                push_unique(&mut out, rest);
            }
            for suf in FA_SUFFIXES {
                if let Some(stem) = t.strip_suffix(suf) {
                    let stem = stem.trim_end_matches('\u{200C}');
                    if stem.chars().count() < MIN_STEM_CHARS + 1 {
                        continue;
                    }
                    push_unique(&mut out, stem);
                }
            }
        }
        Script::Cyrillic => {
            for suf in RU_SUFFIXES {
                if let Some(stem) = token.strip_suffix(suf)
                    && stem.chars().count() > MIN_STEM_CHARS
                {
                    push_unique(&mut out, stem);
                }
            }
        }
        Script::Latin | Script::Devanagari | Script::Indic | Script::Other => {
            for suf in ["'s", "’s", "'", "’"] {
                if let Some(stem) = token.strip_suffix(suf)
                    && stem.chars().count() >= MIN_STEM_CHARS
                {
                    push_unique(&mut out, stem);
                }
            }
        }
    }
    out.truncate(3);
    out
}

fn push_unique(out: &mut Vec<String>, s: &str) {
    if !out.iter().any(|x| x == s) {
        out.push(s.to_owned());
    }
}

/// Whether a whole token is a bare Persian ending (after a ZWNJ join: دموکرات‌ها).
pub fn is_persian_suffix_token(token: &str) -> bool {
    FA_SUFFIXES.contains(&token) && token != "ی" && token != "یی"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(s: &str) -> Vec<String> {
        stems(&crate::normalize(s), Script::Bengali)
    }

    #[test]
    fn bengali_case_endings() {
        assert!(st("পেজেশকিয়ানকে").contains(&crate::normalize("পেজেশকিয়ান")));
        assert!(st("পুতিনের").contains(&"পুতিন".to_string()));
        assert!(st("মারাকেচে").contains(&"মারাকেচ".to_string()));
        assert!(st("বেইজিংয়ে").contains(&"বেইজিং".to_string()));
        assert!(st("মস্কোয়").contains(&"মস্কো".to_string()));
        // -র only after a vowel: the র of a consonant-final name is never offered for stripping.
        assert!(!st("কাশগর").contains(&"কাশগ".to_string()));
        // Stripping only offers readings: the full name still wins where it matches.
        assert!(crate::score("কাশ্মীর", "Kashmir") > crate::score("কাশ্মীর", "Kashmi"));
    }

    #[test]
    fn persian_endings() {
        assert!(stems("آمریکایی", Script::Arabic).contains(&"آمریکا".to_string()));
        assert!(stems("ری", Script::Arabic).is_empty());
        assert_eq!(stems("Лавровым", Script::Cyrillic)[0], "Лавров");
        assert!(stems("Москве", Script::Cyrillic).contains(&"Москв".to_string()));
        assert!(is_persian_suffix_token("ها"));
    }
}
