//! Cross-script name normalization for Bengali, Persian (Arabic script) and Latin.
//!
//! The pipeline, each step usable alone:
//! 1. [`normalize`]: the cleaned native form (Unicode and letter-variant folding).
//! 2. [`romanize`]: a readable Latin form; [`key`]: the consonant-class skeleton used to
//!    find candidates.
//! 3. [`score`]: a similarity in [0, 1] with an explanation, from a curated [`Lexicon`]
//!    of exonyms first and a phonetic edit distance ([`distance`]) otherwise.
//! 4. [`NameIndex`]: many-against-many pairing that scores only a shortlist per query.
//!
//! ```
//! use talign_names::{key, romanize, score};
//! assert_eq!(key("ল্যাভরভ"), key("لاوروف"));
//! assert_eq!(key("لاوروف"), key("Lavrov"));
//! assert_eq!(romanize("ল্যাভরভ"), "Lavrov");
//! assert!(score("পেজেশকিয়ান", "پزشکیان") > 0.8);
//! assert_eq!(score("মিশর", "Egypt"), 1.0);
//! ```

pub mod affix;
mod clean;
pub mod digits;
pub mod distance;
mod index;
pub mod iso;
pub mod lexicon;
mod name;
pub mod phon;
pub mod script;
pub mod synth;
mod translit;
pub mod vowels;

pub use clean::{Folded, normalize, normalize_into, normalized_len_floor};
pub use index::{DEFAULT_SHORTLIST, Hit, NameIndex};
pub use lexicon::{Entity, EntityId, Kind, Lexicon};
pub use name::{How, Match, Name, Reading, Romanization, word_keys};
pub use script::{
    Orthography, Script, ScriptStats, is_cjk, is_hangul, is_letter, is_letter_or_digit, is_number, lowercase,
    push_lowercase,
};

/// A readable romanization of a name in any script.
pub fn romanize(name: &str) -> String {
    Name::new(name).romanize()
}

/// The comparison key of a name: its consonant skeleton in phonetic classes.
pub fn key(name: &str) -> String {
    Name::new(name).key()
}

/// The similarity of two names in [0, 1], with the built-in lexicon.
pub fn score(a: &str, b: &str) -> f32 {
    Name::new(a).score(&Name::new(b)).score
}
