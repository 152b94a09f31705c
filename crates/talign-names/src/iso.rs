//! Scholarly transliteration, letter for letter: Bengali by ISO 15919, Arabic script
//! (Persian, Arabic, Urdu) by DIN 31635.
//!
//! Unlike the readable romanizations ([`Name::romanize`](crate::Name::romanize),
//! [`Name::romanize_letters`](crate::Name::romanize_letters)) these write what the script
//! writes and nothing else, with the standards' diacritics, in lower case and NFC:
//!
//! - **Bengali (ISO 15919).** A consonant carries the inherent vowel `a` unless a hasanta
//!   (virama) or a vowel sign follows it, so a conjunct is its consonants in a row (ক্ত
//!   kta) and a reph is `r` before its consonant. Vowels: অ a, আ ā, ই i, ঈ ī, উ u, ঊ ū,
//!   ঋ r̥, ৠ r̥̄, ঌ l̥, এ ē, ঐ ai, ও ō, ঔ au. Consonants: ঙ ṅ, ঞ ñ, ট ṭ, ড ḍ, ণ ṇ, শ ś,
//!   ষ ṣ, য y, ড় ṛ, ঢ় ṛh, য় ẏ, ৎ t. Signs: ং ṁ (anusvara), ঁ m̐ (chandrabindu),
//!   ঃ ḥ (visarga). An inherent a before ই or উ is written a:i, a:u (not ai, au).
//! - **Arabic script (DIN 31635).** One sign a letter: ء ʾ, ب b, ت t, ث ṯ, ج ǧ, ح ḥ,
//!   خ ḫ, د d, ذ ḏ, ر r, ز z, س s, ش š, ص ṣ, ض ḍ, ط ṭ, ظ ẓ, ع ʿ, غ ġ, ف f, ق q, ک k,
//!   ل l, م m, ن n, ه h, and the Persian letters پ p, چ č, ژ ž, گ g (Urdu ٹ ṭ, ڈ ḍ, ڑ ṛ,
//!   ں ṉ). The script leaves short vowels unwritten and so does the transliteration:
//!   ا is ā (آ too), و and ی are the long vowels ū and ī between consonants and at the end
//!   of a word, and the consonants w and y at its start, next to ا or آ, or doubled. A
//!   word-initial ا carries a vowel the script does not write and is written ʾ, except
//!   before و or ی, where the pair is the long vowel (ایران īrān). The cleaned form folds
//!   Arabic letter variants to Persian ones first (ة → ه h, ي ى → ی, أ إ → ا).
//!
//! Other characters (digits, Latin letters, punctuation) are kept as they are.

use unicode_normalization::UnicodeNormalization;

/// Transliterates a cleaned name ([`normalize`](crate::normalize)): its Bengali letters by
/// ISO 15919, its Arabic-script letters by DIN 31635, everything else kept; NFC.
///
/// ```
/// use talign_names::{iso, normalize};
/// assert_eq!(iso::transliterate(&normalize("বাংলাদেশ")), "bāṁlādēśa");
/// assert_eq!(iso::transliterate(&normalize("মুক্তিযোদ্ধা")), "muktiyōddhā");
/// assert_eq!(iso::transliterate(&normalize("مسعود پزشکیان")), "msʿūd pzškyān");
/// ```
pub fn transliterate(clean: &str) -> String {
    let chars: Vec<char> = clean.chars().collect();
    let mut out = String::with_capacity(clean.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end = run_end(&chars, i, block(c));
        match block(c) {
            Block::Bengali => bengali(&chars[i..end], &mut out),
            Block::Arabic => arabic(&chars[i..end], &mut out),
            Block::Other => out.extend(&chars[i..end]),
        }
        i = end;
    }
    out.nfc().collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Bengali,
    Arabic,
    Other,
}

fn block(c: char) -> Block {
    match c as u32 {
        // Bengali digits are ASCII after cleaning; keep any that are not.
        0x09E6..=0x09EF => Block::Other,
        0x0980..=0x09FF => Block::Bengali,
        0x0600..=0x06FF | 0x0750..=0x077F => Block::Arabic,
        // ZWNJ is kept by cleaning only inside an Arabic-script word.
        0x200C => Block::Arabic,
        _ => Block::Other,
    }
}

fn run_end(chars: &[char], start: usize, b: Block) -> usize {
    let mut end = start;
    while end < chars.len() && block(chars[end]) == b {
        end += 1;
    }
    end
}

const NUKTA: char = '\u{09BC}';
const HASANTA: char = '\u{09CD}';

/// A Bengali consonant's letters, without the inherent vowel.
fn bengali_consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'ক' => "k",
        'খ' => "kh",
        'গ' => "g",
        'ঘ' => "gh",
        'ঙ' => "ṅ",
        'চ' => "c",
        'ছ' => "ch",
        'জ' => "j",
        'ঝ' => "jh",
        'ঞ' => "ñ",
        'ট' => "ṭ",
        'ঠ' => "ṭh",
        'ড' => "ḍ",
        'ঢ' => "ḍh",
        'ণ' => "ṇ",
        'ত' => "t",
        'থ' => "th",
        'দ' => "d",
        'ধ' => "dh",
        'ন' => "n",
        'প' => "p",
        'ফ' => "ph",
        'ব' => "b",
        'ভ' => "bh",
        'ম' => "m",
        'য' => "y",
        'র' | 'ৰ' => "r",
        'ল' => "l",
        'ৱ' => "v",
        'শ' => "ś",
        'ষ' => "ṣ",
        'স' => "s",
        'হ' => "h",
        // ড় ঢ় য় precomposed (cleaning decomposes them; see [`with_nukta`]).
        '\u{09DC}' => "ṛ",
        '\u{09DD}' => "ṛh",
        '\u{09DF}' => "ẏ",
        _ => return None,
    })
}

/// A consonant with a nukta: ড় ṛ, ঢ় ṛh, য় ẏ (others keep their plain value).
fn with_nukta(c: char) -> Option<&'static str> {
    Some(match c {
        'ড' => "ṛ",
        'ঢ' => "ṛh",
        'য' => "ẏ",
        _ => return None,
    })
}

fn bengali_vowel_sign(c: char) -> Option<&'static str> {
    Some(match c {
        'া' => "ā",
        'ি' => "i",
        'ী' => "ī",
        'ু' => "u",
        'ূ' => "ū",
        'ৃ' => "r\u{0325}",
        'ৄ' => "r\u{0325}\u{0304}",
        'ৢ' => "l\u{0325}",
        'ৣ' => "l\u{0325}\u{0304}",
        'ে' => "ē",
        'ৈ' => "ai",
        'ো' => "ō",
        'ৌ' => "au",
        // The au length mark alone (ে + ৗ not composed).
        'ৗ' => "u",
        _ => return None,
    })
}

fn bengali_independent_vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'অ' => "a",
        'আ' => "ā",
        'ই' => "i",
        'ঈ' => "ī",
        'উ' => "u",
        'ঊ' => "ū",
        'ঋ' => "r\u{0325}",
        'ৠ' => "r\u{0325}\u{0304}",
        'ঌ' => "l\u{0325}",
        'ৡ' => "l\u{0325}\u{0304}",
        'এ' => "ē",
        'ঐ' => "ai",
        'ও' => "ō",
        'ঔ' => "au",
        _ => return None,
    })
}

/// A run of Bengali characters by ISO 15919.
fn bengali(w: &[char], out: &mut String) {
    let mut i = 0;
    while i < w.len() {
        let c = w[i];
        let nukta = w.get(i + 1) == Some(&NUKTA);
        let consonant = if nukta { with_nukta(c).or(bengali_consonant(c)) } else { bengali_consonant(c) };
        if let Some(letters) = consonant {
            out.push_str(letters);
            i += 1 + nukta as usize;
            // The inherent vowel, unless a hasanta or a vowel sign follows.
            match w.get(i) {
                Some(&HASANTA) => i += 1,
                Some(&s) if bengali_vowel_sign(s).is_some() => {}
                // a:i, a:u: an inherent a before ই or উ, told apart from ai and au.
                Some('ই' | 'উ') => out.push_str("a:"),
                _ => out.push('a'),
            }
            continue;
        }
        if let Some(v) = bengali_independent_vowel(c).or(bengali_vowel_sign(c)) {
            out.push_str(v);
        } else {
            match c {
                'ং' => out.push('ṁ'),
                'ঁ' => out.push_str("m\u{0310}"),
                'ঃ' => out.push('ḥ'),
                'ৎ' => out.push('t'),
                'ঽ' => out.push('’'),
                // Hasanta after no consonant, nukta alone: nothing to write.
                HASANTA | NUKTA => {}
                _ => out.push(c),
            }
        }
        i += 1;
    }
}

/// An Arabic-script consonant letter by DIN 31635 (و ی ا آ are handled apart).
fn arabic_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ء' => "ʾ",
        'ب' => "b",
        'پ' => "p",
        'ت' => "t",
        'ٹ' => "ṭ",
        'ث' => "ṯ",
        'ج' => "ǧ",
        'چ' => "č",
        'ح' => "ḥ",
        'خ' => "ḫ",
        'د' => "d",
        'ڈ' => "ḍ",
        'ذ' => "ḏ",
        'ر' => "r",
        'ڑ' => "ṛ",
        'ز' => "z",
        'ژ' => "ž",
        'س' => "s",
        'ش' => "š",
        'ص' => "ṣ",
        'ض' => "ḍ",
        'ط' => "ṭ",
        'ظ' => "ẓ",
        'ع' => "ʿ",
        'غ' => "ġ",
        'ف' => "f",
        'ق' => "q",
        'ک' | 'ك' => "k",
        'گ' => "g",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'ں' => "ṉ",
        'ه' | 'ة' | 'ہ' | 'ھ' => "h",
        _ => return None,
    })
}

fn is_alef(c: char) -> bool {
    matches!(c, 'ا' | 'آ' | 'أ' | 'إ' | 'ٱ')
}

/// A run of Arabic-script characters by DIN 31635, word by word (no vowels added).
fn arabic(run: &[char], out: &mut String) {
    // Letters only: ZWNJ and any mark left are not written.
    let w: Vec<char> = run.iter().copied().filter(|&c| c != '\u{200C}' && !is_mark(c)).collect();
    for (i, &c) in w.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| w[p]);
        let next = w.get(i + 1).copied();
        match c {
            'ا' | 'أ' | 'إ' | 'ٱ' if i == 0 => {
                if !matches!(next, Some('و' | 'ی' | 'ي' | 'ى')) {
                    out.push('ʾ');
                }
            }
            'ا' | 'أ' | 'إ' | 'ٱ' | 'آ' | 'ى' if c != 'ى' || next.is_none() => out.push('ā'),
            'و' | 'ی' | 'ي' | 'ى' | 'ؤ' | 'ئ' => {
                // A consonant at the start of a word (after an initial ا, the long vowel),
                // next to ا or آ, or doubled; the long vowel between consonants and last.
                let initial_alef = i == 1 && prev.is_some_and(is_alef) && !matches!(prev, Some('آ'));
                let consonant = !initial_alef
                    && (prev.is_none()
                        || prev.is_some_and(is_alef)
                        || next.is_some_and(is_alef)
                        || prev == Some(c)
                        || next == Some(c));
                let long = matches!(c, 'و' | 'ؤ');
                out.push(match (long, consonant) {
                    (true, true) => 'w',
                    (true, false) => 'ū',
                    (false, true) => 'y',
                    (false, false) => 'ī',
                });
            }
            _ => match arabic_letter(c) {
                Some(l) => out.push_str(l),
                None => out.push(c),
            },
        }
    }
}

/// Harakat and other combining marks of the Arabic block (cleaning removes most).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

#[cfg(test)]
mod tests {
    use super::transliterate;
    use crate::normalize;

    fn t(s: &str) -> String {
        transliterate(&normalize(s))
    }

    #[test]
    fn bengali_is_iso_15919() {
        let cases = [
            ("বাংলাদেশ", "bāṁlādēśa"),
            ("কলকাতা", "kalakātā"),
            ("ঢাকা", "ḍhākā"),
            // Conjuncts through the hasanta: ক্ত kt, দ্ধ ddh.
            ("মুক্তিযোদ্ধা", "muktiyōddhā"),
            // Reph: র্ before its consonant.
            ("সর্বনাম", "sarbanāma"),
            // ড় ṛa, য় ẏa, ৎ t, chandrabindu m̐, visarga ḥ.
            ("বড়", "baṛa"),
            ("আষাঢ়", "āṣāṛha"),
            ("রায়", "rāẏa"),
            ("শরৎ", "śarat"),
            ("চাঁদ", "cām\u{0310}da"),
            ("দুঃখ", "duḥkha"),
            // ঋ is r̥, ya-phala y, independent vowels, ঐ ai and ঔ au.
            ("ঋষি", "r\u{0325}ṣi"),
            ("ল্যাভরভ", "lyābharabha"),
            ("ঐক্য", "aikya"),
            ("মৌলভী", "maulabhī"),
            ("শেখ হাসিনা", "śēkha hāsinā"),
            ("কই", "ka:i"),
            ("বউ", "ba:u"),
        ];
        for (bn, iso) in cases {
            assert_eq!(t(bn), iso, "{bn}");
        }
    }

    #[test]
    fn nukta_letters_read_the_same_in_either_spelling() {
        // Precomposed U+09DC/U+09DF and the decomposed spelling.
        assert_eq!(t("\u{09AC}\u{09DC}"), "baṛa");
        assert_eq!(t("\u{09AC}\u{09A1}\u{09BC}"), "baṛa");
        assert_eq!(t("\u{09B0}\u{09BE}\u{09DF}"), "rāẏa");
    }

    #[test]
    fn arabic_script_is_din_31635() {
        let cases = [
            ("پزشکیان", "pzškyān"),
            ("شکری", "škrī"),
            ("محمد", "mḥmd"),
            ("مسعود پزشکیان", "msʿūd pzškyān"),
            ("لاوروف", "lāwrūf"),
            ("ایران", "īrān"),
            ("احمد", "ʾḥmd"),
            ("آذربایجان", "āḏrbāyǧān"),
            ("خامنه‌ای", "ḫāmnhāy"),
            ("عباس عراقچی", "ʿbās ʿrāqčī"),
            ("ژاله", "žālh"),
            ("گیلان", "gīlān"),
            // Arabic spellings are folded to Persian letters first: ة h, ي ی.
            ("مكة", "mkh"),
            ("علي", "ʿlī"),
            ("صدام حسين", "ṣdām ḥsīn"),
            ("ظريف", "ẓrīf"),
            ("غزة", "ġzh"),
            ("ثروت", "ṯrūt"),
            ("ضياء", "ḍyāʾ"),
        ];
        for (ar, din) in cases {
            assert_eq!(t(ar), din, "{ar}");
        }
    }

    #[test]
    fn output_is_nfc_and_keeps_other_characters() {
        use unicode_normalization::UnicodeNormalization;
        for s in ["চাঁদ ২০২৪", "ঋষি", "محمد 5", "Lavrov"] {
            let out = t(s);
            assert_eq!(out, out.nfc().collect::<String>(), "{s}");
        }
        assert_eq!(t("محمد 5"), "mḥmd 5");
        assert_eq!(t("চাঁদ ২০২৪"), "cām\u{0310}da 2024");
        assert_eq!(t("Lavrov"), "Lavrov");
    }
}
