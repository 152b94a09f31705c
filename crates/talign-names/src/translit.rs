//! Latin spellings of the scripts the phoneme readers have no rules for, so that their
//! names get a reading, a key and a romanization like any other: Greek (Λαβρόφ → lavrof,
//! Πούτιν → putin, Χαμάς → hamas) and Korean Hangul (푸틴 → putin, 평양 → pyeongyang).
//!
//! Greek is spelt as Greek writes foreign names, which is how news names reach it: the
//! digraphs for b, d, g (μπ, ντ, γκ) and for the vowels (ου u, αι e, ει and οι i), accents
//! dropped. Hangul syllables are split into their letters (initial, vowel, final) and spelt
//! in the Revised Romanization of Korean, syllable by syllable (the sound changes across
//! syllables are left out: a key does not need them). Particles glued to a Korean name
//! (푸틴은, 푸틴이) are not taken off here.

use unicode_normalization::UnicodeNormalization;

use crate::script::is_hangul;

/// Whether `c` is a Greek letter (basic or extended block).
fn is_greek(c: char) -> bool {
    matches!(c as u32, 0x0370..=0x03FF | 0x1F00..=0x1FFF)
}

/// The Latin spelling of `token` when it holds Greek letters or Hangul syllables (other
/// characters are kept as they are), lower-cased; `None` when it holds neither.
pub(crate) fn as_latin(token: &str) -> Option<String> {
    if !token.chars().any(|c| is_greek(c) || is_hangul(c)) {
        return None;
    }
    let mut out = String::with_capacity(token.len());
    let mut greek: Vec<(char, u8)> = Vec::new();
    let chars: Vec<char> = token.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if is_greek(c) {
            // Lower case, accents off but remembered: an accent on the first vowel of a pair
            // (έι) or a diaeresis on the second (αϊ) makes two vowels of it.
            for d in c.to_lowercase().flat_map(|l| std::iter::once(l).nfd()) {
                match d as u32 {
                    0x0301 | 0x0341 | 0x0300 | 0x0342 => {
                        if let Some(last) = greek.last_mut() {
                            last.1 |= ACCENT;
                        }
                    }
                    0x0308 => {
                        if let Some(last) = greek.last_mut() {
                            last.1 |= DIAERESIS;
                        }
                    }
                    _ if is_greek(d) && !matches!(d as u32, 0x0300..=0x036F) => greek.push((d, 0)),
                    _ => {}
                }
            }
            continue;
        }
        flush_greek(&mut greek, &mut out);
        if is_hangul(c) {
            hangul(c, i.checked_sub(1).map(|p| chars[p]), chars.get(i + 1).copied(), &mut out);
        } else {
            crate::script::push_lowercase(c, &mut out);
        }
    }
    flush_greek(&mut greek, &mut out);
    Some(out)
}

/// A Greek letter bears an accent.
const ACCENT: u8 = 1;
/// A Greek letter bears a diaeresis.
const DIAERESIS: u8 = 2;

fn flush_greek(word: &mut Vec<(char, u8)>, out: &mut String) {
    if !word.is_empty() {
        greek(word, out);
        word.clear();
    }
}

/// Spells a run of lower-case Greek letters (with what accents they bore).
fn greek(w: &[(char, u8)], out: &mut String) {
    let mut i = 0;
    while i < w.len() {
        let next = w.get(i + 1).copied();
        let last = i + 2 == w.len();
        // Two vowels, not a digraph: έι, αϊ.
        let apart = w[i].1 & ACCENT != 0 || next.is_some_and(|n| n.1 & DIAERESIS != 0);
        let pair = match (w[i].0, next.map(|n| n.0)) {
            ('ο' | 'α' | 'ε' | 'υ', Some('υ' | 'ι')) if apart => None,
            ('ο', Some('υ')) => Some("u"),
            ('α', Some('ι')) => Some("e"),
            ('ε' | 'ο' | 'υ', Some('ι')) => Some("i"),
            ('α', Some('υ')) => Some("av"),
            ('ε', Some('υ')) => Some("ev"),
            ('μ', Some('π')) => Some(if last { "mp" } else { "b" }),
            ('ν', Some('τ')) => Some(if last { "nt" } else { "d" }),
            ('γ', Some('κ')) => Some("g"),
            ('γ', Some('γ')) => Some("ng"),
            ('τ', Some('σ')) => Some("ts"),
            ('τ', Some('ζ')) => Some("tz"),
            ('σ', Some('χ')) => Some("sk"),
            _ => None,
        };
        if let Some(p) = pair {
            out.push_str(p);
            i += 2;
            continue;
        }
        out.push_str(match w[i].0 {
            'α' => "a",
            'β' => "v",
            'γ' => "g",
            'δ' => "d",
            'ε' => "e",
            'ζ' => "z",
            'η' | 'ι' | 'υ' => "i",
            'θ' => "th",
            'κ' => "k",
            'λ' => "l",
            'μ' => "m",
            'ν' => "n",
            'ξ' => "x",
            'ο' | 'ω' => "o",
            'π' => "p",
            'ρ' => "r",
            'σ' | 'ς' | 'ϲ' => "s",
            'τ' => "t",
            'φ' => "f",
            // χ writes foreign h as often as kh (Χαμάς Hamas, Τεχεράνη Tehran, Χαμενεΐ Khamenei).
            'χ' => "h",
            'ψ' => "ps",
            _ => "",
        });
        i += 1;
    }
}

/// Spells one Hangul syllable (Revised Romanization, letter by letter; `next` is the
/// character after it). Korean writes a foreign consonant without its vowel as a syllable
/// with ㅡ (eu): 페스코프 Peskov, 라브로프 Lavrov, 크렘린 Kremlin. Such an eu is left out
/// (peskop, rabrop, kremrin, against peseukopeu), as is the eu of ㄹ before ㄹ, which
/// writes an l in a cluster (블라디미르 bladimir, 클린턴 klinteon).
fn hangul(c: char, prev: Option<char>, next: Option<char>, out: &mut String) {
    const INITIAL: [&str; 19] =
        ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
    const VOWEL: [&str; 21] = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
        "eu", "ui", "i",
    ];
    const FINAL: [&str; 28] = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
        "t", "t", "k", "t", "p", "t",
    ];
    const EU: u32 = 18;
    const SILENT: u32 = 11;
    const RIEUL_INITIAL: u32 = 5;
    const RIEUL_FINAL: u32 = 8;
    let parts = |c: char| {
        let s = c as u32 - 0xAC00;
        (s / 588, (s % 588) / 28, s % 28)
    };
    let (initial, vowel, last) = parts(c);
    let next_rieul = next.filter(|&n| is_hangul(n)).is_some_and(|n| parts(n).0 == RIEUL_INITIAL);
    // ㄹㄹ across two syllables is one l, written as the first one's final.
    let after_rieul =
        initial == RIEUL_INITIAL && prev.filter(|&p| is_hangul(p)).is_some_and(|p| parts(p).2 == RIEUL_FINAL);
    let epenthetic = vowel == EU && initial != SILENT && (last == 0 || (last == RIEUL_FINAL && next_rieul));
    if !after_rieul {
        out.push_str(INITIAL[initial as usize]);
    }
    if !epenthetic {
        out.push_str(VOWEL[vowel as usize]);
    }
    out.push_str(FINAL[last as usize]);
}

#[cfg(test)]
mod tests {
    use super::as_latin;

    #[test]
    fn greek_names_are_spelt_as_greek_writes_foreign_names() {
        let cases = [
            ("Λαβρόφ", "lavrof"),
            ("Πούτιν", "putin"),
            ("Σεργκέι", "sergei"),
            ("Μπάιντεν", "baiden"),
            ("Τραμπ", "tramp"),
            ("Ντόναλντ", "donalnt"),
            ("Μόσχα", "moska"),
            ("Τεχεράνη", "teherani"),
            ("Χαμάς", "hamas"),
            ("ΑΘΗΝΑ", "athina"),
        ];
        for (greek, latin) in cases {
            assert_eq!(as_latin(greek).as_deref(), Some(latin), "{greek}");
        }
    }

    #[test]
    fn hangul_syllables_are_spelt_letter_by_letter() {
        for (korean, latin) in [
            ("푸틴", "putin"),
            ("평양", "pyeongyang"),
            ("김정은", "gimjeongeun"),
            ("러시아", "reosia"),
            ("페스코프", "peskop"),
            ("라브로프", "rabrop"),
            ("블라디미르", "bladimir"),
            ("크렘린", "kremrin"),
            ("은", "eun"),
        ] {
            assert_eq!(as_latin(korean).as_deref(), Some(latin), "{korean}");
        }
    }

    #[test]
    fn greek_and_korean_names_share_the_keys_of_their_latin_forms() {
        use crate::Name;
        for (other, latin) in
            [("Λαβρόφ", "Lavrov"), ("Πούτιν", "Putin"), ("Σεργκέι Λαβρόφ", "Sergei Lavrov"), ("푸틴", "Putin")]
        {
            assert_eq!(Name::new(other).key(), Name::new(latin).key(), "{other}");
        }
    }

    #[test]
    fn other_scripts_are_left_alone() {
        assert_eq!(as_latin("Lavrov"), None);
        assert_eq!(as_latin("ল্যাভরভ"), None);
        assert_eq!(as_latin("プーチン"), None);
        // Mixed: the Greek part spelt, the rest kept.
        assert_eq!(as_latin("Λαβρόφ-2").as_deref(), Some("lavrof-2"));
    }
}
