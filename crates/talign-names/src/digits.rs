//! Digits of the five systems found in the news talign reads: ASCII, Bengali (০–৯),
//! Extended Arabic-Indic used by Persian and Urdu (۰–۹), Arabic-Indic (٠–٩) and
//! Devanagari (०–९).

/// The value of a decimal digit in any of the five systems.
pub fn digit_value(c: char) -> Option<u32> {
    let u = c as u32;
    match u {
        0x30..=0x39 => Some(u - 0x30),
        0x09E6..=0x09EF => Some(u - 0x09E6),
        0x06F0..=0x06F9 => Some(u - 0x06F0),
        0x0660..=0x0669 => Some(u - 0x0660),
        0x0966..=0x096F => Some(u - 0x0966),
        _ => None,
    }
}

/// Replaces every Bengali, Persian, Arabic-Indic or Devanagari digit by its ASCII digit.
pub fn fold_digits(s: &str) -> String {
    s.chars()
        .map(|c| match digit_value(c) {
            Some(v) => char::from(b'0' + v as u8),
            None => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_all_digit_systems() {
        assert_eq!(fold_digits("۲۹ آذر ۱۴۰۲"), "29 آذر 1402");
        assert_eq!(fold_digits("২০২৪-২০২৬"), "2024-2026");
        assert_eq!(fold_digits("٢٠١٩"), "2019");
        assert_eq!(fold_digits("२०२४"), "2024");
        assert_eq!(digit_value('x'), None);
    }
}
