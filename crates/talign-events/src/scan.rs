//! A small scanner shared by the date and number finders: the text as a list of
//! number runs, words and punctuation, with byte offsets into the original text.
//! Digits of the four systems are read as one; letters glued to a number (৭ই, 6th,
//! ۶مین) stay with it as its suffix.

use talign_names::digits::digit_value;

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// A run of digits, possibly with separators: its integer part, the value, the number of
    /// digits before any separator, and the letters glued after it.
    Num { value: f64, int_digits: usize, plain: bool, suffix: String },
    /// A word, folded (Arabic letters to Persian, lowercase Latin, ZWNJ removed).
    Word(String),
    /// Any other character that is not white space.
    Punct(char),
}

/// A token with its byte range in the original text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

fn is_letter(c: char) -> bool {
    // Fast paths for the scripts of the corpus; the Unicode tables only for the rest.
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0980}'..='\u{09FF}' => !('\u{09E6}'..='\u{09EF}').contains(&c) && !matches!(c, '\u{09F2}'..='\u{09FB}'),
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{065F}' | '\u{0670}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}' => true,
        // Devanagari and the other Brahmi scripts: signs such as the virama are not
        // alphabetic in Unicode but belong inside words; digits and dandas do not.
        '\u{0900}'..='\u{0D7F}' => digit_value(c).is_none() && !matches!(c as u32 & 0x7F, 0x64..=0x6F),
        _ if c.is_ascii() => false,
        _ => talign_names::is_letter(c) && digit_value(c).is_none(),
    }
}

fn fold_letter(c: char, out: &mut String) {
    match c {
        'ي' | 'ى' | 'ئ' => out.push('ی'),
        'ك' => out.push('ک'),
        'ة' => out.push('ه'),
        'أ' | 'إ' | 'ٱ' => out.push('ا'),
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
        '\u{09DF}' => out.push_str("\u{09AF}\u{09BC}"),
        '\u{09DC}' => out.push_str("\u{09A1}\u{09BC}"),
        '\u{09DD}' => out.push_str("\u{09A2}\u{09BC}"),
        _ => talign_names::push_lowercase(c, out),
    }
}

/// Splits `text` into tokens. Never panics; offsets are always on character boundaries.
pub(crate) fn scan(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        if let Some(d) = digit_value(c) {
            // Integer digits, then groups of three after a thousands separator, then a decimal part.
            let mut int = f64::from(d);
            let mut int_digits = 1;
            let mut plain = true;
            let mut j = i + 1;
            while j < n {
                match digit_value(chars[j].1) {
                    Some(d) => {
                        int = int * 10.0 + f64::from(d);
                        int_digits += 1;
                        j += 1;
                    }
                    None => break,
                }
            }
            loop {
                let sep = chars.get(j).map(|x| x.1);
                let three = (1..=3).all(|k| chars.get(j + k).is_some_and(|x| digit_value(x.1).is_some()))
                    && chars.get(j + 4).is_none_or(|x| digit_value(x.1).is_none());
                if matches!(sep, Some(',' | '٬')) && three {
                    for k in 1..=3 {
                        int = int * 10.0 + f64::from(digit_value(chars[j + k].1).unwrap_or(0));
                    }
                    plain = false;
                    j += 4;
                } else {
                    break;
                }
            }
            let mut value = int;
            if matches!(chars.get(j).map(|x| x.1), Some('.' | '٫'))
                && chars.get(j + 1).is_some_and(|x| digit_value(x.1).is_some())
            {
                let mut scale = 0.1;
                j += 1;
                while let Some(d) = chars.get(j).and_then(|x| digit_value(x.1)) {
                    value += f64::from(d) * scale;
                    scale /= 10.0;
                    j += 1;
                }
                plain = false;
            }
            let mut suffix = String::new();
            while j < n && is_letter(chars[j].1) {
                fold_letter(chars[j].1, &mut suffix);
                j += 1;
            }
            out.push(Token { tok: Tok::Num { value, int_digits, plain, suffix }, start, end: end_of(j) });
            i = j;
        } else if is_letter(c) {
            let mut w = String::new();
            let mut j = i;
            while j < n {
                let d = chars[j].1;
                if is_letter(d) {
                    fold_letter(d, &mut w);
                } else if d == '\u{200C}' || d == '\u{200D}' {
                    // ZWNJ inside a Persian word (سه‌شنبه): dropped, so all three spellings meet.
                } else {
                    break;
                }
                j += 1;
            }
            out.push(Token { tok: Tok::Word(w), start, end: end_of(j) });
            i = j;
        } else {
            if !c.is_whitespace() {
                out.push(Token { tok: Tok::Punct(c), start, end: end_of(i + 1) });
            }
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_three_digit_systems() {
        let t = scan("۱٬۰۰۰٫۵ আর ১,০০০ and 2.5 ৭ই");
        let nums: Vec<(f64, String)> = t
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Num { value, suffix, .. } => Some((*value, suffix.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            nums,
            vec![(1000.5, String::new()), (1000.0, String::new()), (2.5, String::new()), (7.0, "ই".into())]
        );
    }

    #[test]
    fn zwnj_words_meet() {
        let w = |s: &str| scan(s).into_iter().map(|t| t.tok).collect::<Vec<_>>();
        assert_eq!(w("سه‌شنبه"), w("سهشنبه"));
    }
}
