//! Case endings and particles glued to names: Bengali -এর/-ের/-র/-কে/-তে/-য়/-য়ে/-ও/-ই/-সহ…,
//! Persian -ها/-های/-ی (plural, ezafe, indefinite), Russian cases, the endings of Tamil,
//! Telugu, Kannada, Malayalam and Gujarati (மோடிக்கு, మాస్కోలో, പുടിന്റെ), Marathi and Nepali
//! (मोदींनी, मस्कोमा), English -'s.
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

/// Korean particles, longest first: topic, subject, object, genitive, locative,
/// ablative, comitative, instrumental, "also", "only", honorific subject, dative.
const KO_PARTICLES: &[&str] = &[
    "에서는",
    "에서의",
    "과의",
    "와의",
    "에게",
    "께서",
    "에서",
    "으로",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "와",
    "과",
    "로",
    "도",
    "만",
];

/// Minimum number of characters a stem must keep.
const MIN_STEM_CHARS: usize = 2;

/// Russian case endings of nouns and surnames (Лаврова, Лаврову, Лавровым, Москве),
/// longest first.
const RU_SUFFIXES: &[&str] = &[
    "ыми", "ими", "ому", "ему", "ого", "его", "ой", "ей", "ом", "ем", "ым", "им", "ых", "их", "ую", "а", "у", "е", "ы",
    "и", "ю", "я",
];

/// What the letter before an Indic ending must be.
#[derive(Clone, Copy)]
enum After {
    /// A vowel or vowel sign: the ending (often with a glide, Tamil -வுக்கு, -யில்) follows
    /// a word that ends in a vowel (மாஸ்கோவுக்கு Moscow-to, மோடியின் Modi's).
    Vowel,
    /// A consonant letter: a vowel-initial ending took the place of the word's virama
    /// (புதின் + -உக்கு → புதினுக்கு), which the stem gets back.
    Consonant,
    /// Any letter.
    Any,
}

/// The kind of a letter of an Indic block (Devanagari to Malayalam share the layout).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Letter {
    Vowel,
    Consonant,
    VowelSign,
    Virama,
    Other,
}

fn indic_class(c: char) -> Option<Letter> {
    let u = c as u32;
    if !(0x0900..=0x0D7F).contains(&u) {
        return None;
    }
    Some(match u & 0x7F {
        0x04..=0x14 | 0x60 | 0x61 => Letter::Vowel,
        0x15..=0x39 | 0x58..=0x5F | 0x7A..=0x7F => Letter::Consonant,
        0x3E..=0x4C | 0x01..=0x03 | 0x62 | 0x63 => Letter::VowelSign,
        0x4D => Letter::Virama,
        _ => Letter::Other,
    })
}

/// Case endings and postpositions glued to names in the Indic scripts other than Bengali
/// (Tamil, Telugu, Kannada, Malayalam, Gujarati): the ending, what must precede it, and
/// what the stem gets back. Longest first within a script; a suffix of one script never
/// matches a word of another.
const INDIC_ENDINGS: &[(&str, After, &str)] = &[
    // Tamil: dative, locative, genitive, accusative, sociative, "and", ablative, instrumental.
    ("விலிருந்து", After::Vowel, ""),
    ("யிலிருந்து", After::Vowel, ""),
    ("ிலிருந்து", After::Consonant, "்"),
    ("வுக்குச்", After::Vowel, ""),
    ("வுக்கு", After::Vowel, ""),
    ("யுக்கு", After::Vowel, ""),
    ("ுக்குச்", After::Consonant, "்"),
    ("ுக்கு", After::Consonant, "்"),
    ("க்குச்", After::Vowel, ""),
    ("க்கு", After::Vowel, ""),
    ("வுடன்", After::Vowel, ""),
    ("யுடன்", After::Vowel, ""),
    ("ுடன்", After::Consonant, "்"),
    ("விடம்", After::Vowel, ""),
    ("யிடம்", After::Vowel, ""),
    ("ிடம்", After::Consonant, "்"),
    ("வோடு", After::Vowel, ""),
    ("யோடு", After::Vowel, ""),
    ("ோடு", After::Consonant, "்"),
    ("வில்", After::Vowel, ""),
    ("யில்", After::Vowel, ""),
    ("ில்", After::Consonant, "்"),
    ("வின்", After::Vowel, ""),
    ("யின்", After::Vowel, ""),
    ("ின்", After::Consonant, "்"),
    ("வும்", After::Vowel, ""),
    ("யும்", After::Vowel, ""),
    ("ும்", After::Consonant, "்"),
    ("வால்", After::Vowel, ""),
    ("யால்", After::Vowel, ""),
    ("ால்", After::Consonant, "்"),
    ("வை", After::Vowel, ""),
    ("யை", After::Vowel, ""),
    ("ை", After::Consonant, "்"),
    // Telugu: -తో with, -కు/-కి to, -లో in, -ను/-ని (object), -యొక్క of, -నుంచి from.
    ("యొక్క", After::Any, ""),
    ("నుంచి", After::Any, ""),
    ("నుండి", After::Any, ""),
    ("లోని", After::Any, ""),
    ("తో", After::Any, ""),
    ("కు", After::Any, ""),
    ("కి", After::Any, ""),
    ("లో", After::Any, ""),
    ("ను", After::Vowel, ""),
    ("ని", After::Vowel, ""),
    // Kannada: -ಯವರು (honorific), -ಯನ್ನು (object), -ಯೊಂದಿಗೆ with, -ಯಲ್ಲಿ/-ದಲ್ಲಿ in, -ಕ್ಕೆ/-ಗೆ to, -ಯ/-ದ of.
    ("ಯೊಂದಿಗೆ", After::Vowel, ""),
    ("ಯವರು", After::Vowel, ""),
    ("ಯನ್ನು", After::Vowel, ""),
    ("ಯಲ್ಲಿ", After::Vowel, ""),
    ("ದಲ್ಲಿ", After::Vowel, ""),
    ("ಕ್ಕೆ", After::Vowel, ""),
    ("ಗೆ", After::Vowel, ""),
    ("ಯ", After::Vowel, ""),
    ("ದ", After::Vowel, ""),
    // Malayalam: after a vowel (മോദിയുടെ, മോസ്കോയിൽ), and after a final n or l written as a
    // chillu in the bare word (പുടിൻ → പുടിന്റെ, പുടിനുമായി; ഇസ്രായേൽ → ഇസ്രായേലിൽ).
    ("യുമായി", After::Vowel, ""),
    ("യ്ക്ക്", After::Vowel, ""),
    ("യുടെ", After::Vowel, ""),
    ("യിലെ", After::Vowel, ""),
    ("യിൽ", After::Vowel, ""),
    ("യും", After::Vowel, ""),
    ("ക്ക്", After::Vowel, ""),
    ("യെ", After::Vowel, ""),
    ("നുമായി", After::Any, "ൻ"),
    ("ന്റെ", After::Any, "ൻ"),
    ("നിൽ", After::Any, "ൻ"),
    ("നും", After::Any, "ൻ"),
    ("നെ", After::Any, "ൻ"),
    ("ലുമായി", After::Any, "ൽ"),
    ("ലിന്റെ", After::Any, "ൽ"),
    ("ലിൽ", After::Any, "ൽ"),
    ("ലും", After::Any, "ൽ"),
    ("ിൽ", After::Consonant, "്"),
    // Gujarati: -માંથી from, -માં in, -ના/-ની/-નું/-નો of, -ને to, -થી from.
    ("માંથી", After::Any, ""),
    ("માં", After::Any, ""),
    ("નું", After::Any, ""),
    ("ના", After::Any, ""),
    ("ની", After::Any, ""),
    ("નો", After::Any, ""),
    ("ને", After::Any, ""),
    ("થી", After::Any, ""),
];

/// Endings Marathi and Nepali glue to names in Devanagari (Hindi writes its postpositions
/// apart): मोदींनी, मॉस्कोमध्ये, रशियाच्या; मोदीले, मस्कोमा, रसियाको.
const DEVANAGARI_ENDINGS: &[(&str, After, &str)] = &[
    ("ंच्या", After::Vowel, ""),
    ("मध्ये", After::Any, ""),
    ("ंनी", After::Vowel, ""),
    ("ंना", After::Vowel, ""),
    ("ंचे", After::Vowel, ""),
    ("ंचा", After::Vowel, ""),
    ("ंची", After::Vowel, ""),
    ("ंशी", After::Vowel, ""),
    ("च्या", After::Any, ""),
    ("लाई", After::Any, ""),
    ("सँग", After::Any, ""),
    ("बाट", After::Any, ""),
    ("चे", After::Any, ""),
    ("चा", After::Any, ""),
    ("ची", After::Any, ""),
    ("ला", After::Any, ""),
    ("शी", After::Any, ""),
    ("ने", After::Any, ""),
    ("नी", After::Any, ""),
    ("ले", After::Any, ""),
    ("को", After::Any, ""),
    ("मा", After::Any, ""),
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
        Script::Devanagari | Script::Indic => {
            let rules = if script == Script::Devanagari { DEVANAGARI_ENDINGS } else { INDIC_ENDINGS };
            for &(suf, after, put) in rules {
                let Some(rest) = token.strip_suffix(suf) else { continue };
                let rest = rest.trim_end_matches(['\u{200C}', '\u{200D}']);
                let Some(last) = rest.chars().next_back() else { continue };
                let fits = match after {
                    After::Vowel => matches!(indic_class(last), Some(Letter::Vowel | Letter::VowelSign)),
                    After::Consonant => indic_class(last) == Some(Letter::Consonant),
                    After::Any => indic_class(last).is_some(),
                };
                if !fits || rest.chars().count() < MIN_STEM_CHARS || indic_class(last) == Some(Letter::Virama) {
                    continue;
                }
                push_unique(&mut out, &format!("{rest}{put}"));
            }
            possessive_stems(token, &mut out);
        }
        Script::Other if token.chars().all(crate::script::is_hangul) => {
            // Korean particles after a name (푸틴은, 푸틴과의, 평양에서): the stem keeps two
            // syllables at least.
            for suf in KO_PARTICLES {
                if let Some(stem) = token.strip_suffix(suf)
                    && stem.chars().count() >= 2
                {
                    push_unique(&mut out, stem);
                }
            }
        }
        Script::Latin | Script::Other => {
            possessive_stems(token, &mut out);
            // Turkish writes a name's case ending after an apostrophe (Putin'in, Moskova'da,
            // Rusya'nın): the name is what comes before it.
            if let Some(i) = token.find(['\'', '’'])
                && token[..i].chars().count() > MIN_STEM_CHARS
                && token[i..].chars().skip(1).all(char::is_alphabetic)
                && (1..=5).contains(&token[i..].chars().count().saturating_sub(1))
            {
                push_unique(&mut out, &token[..i]);
            }
        }
    }
    out.truncate(3);
    out
}

/// The English possessive (Kavanaugh's, Lavrov’s) and a trailing apostrophe, taken off.
fn possessive_stems(token: &str, out: &mut Vec<String>) {
    for suf in ["'s", "’s", "'", "’"] {
        if let Some(stem) = token.strip_suffix(suf)
            && stem.chars().count() >= MIN_STEM_CHARS
        {
            push_unique(out, stem);
        }
    }
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

    #[test]
    fn indic_endings() {
        let has = |w: &str, script: Script, stem: &str| stems(w, script).iter().any(|s| s == stem);
        // Tamil: after a vowel the glide goes with the ending; after a consonant the virama comes back.
        assert!(has("மோடிக்கு", Script::Indic, "மோடி"));
        assert!(has("மாஸ்கோவுக்கு", Script::Indic, "மாஸ்கோ"));
        assert!(has("மோடியின்", Script::Indic, "மோடி"));
        assert!(has("புதினுக்கு", Script::Indic, "புதின்"));
        assert!(has("புதினுடன்", Script::Indic, "புதின்"));
        assert!(!has("மோடிக்கு", Script::Indic, "மோடிக்"));
        // Telugu, Malayalam (the chillu comes back), Kannada, Gujarati.
        assert!(has("మాస్కోలో", Script::Indic, "మాస్కో"));
        assert!(has("പുടിന്റെ", Script::Indic, "പുടിൻ"));
        assert!(has("മോസ്കോയിൽ", Script::Indic, "മോസ്കോ"));
        assert!(has("ಮಾಸ್ಕೋದಲ್ಲಿ", Script::Indic, "ಮಾಸ್ಕೋ"));
        assert!(has("મોસ્કોમાં", Script::Indic, "મોસ્કો"));
        // Marathi and Nepali.
        assert!(has("मोदींनी", Script::Devanagari, "मोदी"));
        assert!(has("मॉस्कोमध्ये", Script::Devanagari, "मॉस्को"));
        // Turkish: the case ending after an apostrophe.
        assert!(has("Putin'in", Script::Latin, "Putin"));
        assert!(has("Moskova’da", Script::Latin, "Moskova"));
        assert!(!has("O'Brien", Script::Latin, "O"));
        // Korean particles, a stem of two syllables at least.
        assert!(has("푸틴은", Script::Other, "푸틴"));
        assert!(has("평양에서", Script::Other, "평양"));
        assert!(stems("푸틴", Script::Other).is_empty());
        // Never a stem that ends in a virama, nor one letter long.
        assert!(stems("कला", Script::Devanagari).iter().all(|s| s.chars().count() >= 2));
        // The endings are offered, not imposed: the romanized stem matches the Latin name.
        assert!(crate::score("மோடிக்கு", "Modi") > crate::score("மோடிக்கு", "Moscow"));
    }
}
