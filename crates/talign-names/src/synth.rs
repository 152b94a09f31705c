//! Synthetic names for benchmarks: random entities of one to three words, each word a
//! few consonant–vowel syllables, written in Bengali, Persian and Latin script the way
//! translators write foreign names (Persian drops short vowels, Bengali writes vowel
//! signs). Deterministic for a given seed, so every run measures the same input.

use crate::script::Script;

/// A syllable: Latin spelling, Bengali consonant, Persian consonant.
const CONSONANTS: &[(&str, &str, &str)] = &[
    ("b", "ব", "ب"),
    ("p", "প", "پ"),
    ("t", "ত", "ت"),
    ("d", "দ", "د"),
    ("k", "ক", "ک"),
    ("g", "গ", "گ"),
    ("m", "ম", "م"),
    ("n", "ন", "ن"),
    ("l", "ল", "ل"),
    ("r", "র", "ر"),
    ("s", "স", "س"),
    ("sh", "শ", "ش"),
    ("z", "জ", "ز"),
    ("v", "ভ", "و"),
    ("f", "ফ", "ف"),
    ("kh", "খ", "خ"),
    ("ch", "চ", "چ"),
    ("h", "হ", "ه"),
    ("j", "জ", "ج"),
    ("y", "য়", "ی"),
];

/// A vowel: Latin spelling, Bengali vowel sign (empty: inherent), Persian letter (empty: unwritten).
const VOWELS: &[(&str, &str, &str)] =
    &[("a", "া", "ا"), ("e", "ে", ""), ("i", "ি", "ی"), ("o", "ো", ""), ("u", "ু", "و"), ("o", "", "")];

/// A small deterministic generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator with this seed (0 is replaced by a fixed constant).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    /// The next number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// One synthetic entity written in the three scripts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthName {
    /// Latin spelling.
    pub latin: String,
    /// Bengali spelling.
    pub bengali: String,
    /// Persian spelling.
    pub persian: String,
}

impl SynthName {
    /// The spelling in one script (`Other` gives Latin).
    pub fn in_script(&self, s: Script) -> &str {
        match s {
            Script::Bengali => &self.bengali,
            Script::Arabic => &self.persian,
            Script::Latin | Script::Devanagari | Script::Cyrillic | Script::Indic | Script::Other => &self.latin,
        }
    }
}

/// `n` synthetic entities.
pub fn names(n: usize, seed: u64) -> Vec<SynthName> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| one(&mut rng)).collect()
}

fn one(rng: &mut Rng) -> SynthName {
    let words = 1 + rng.below(3).min(rng.below(3));
    let mut out = SynthName { latin: String::new(), bengali: String::new(), persian: String::new() };
    for w in 0..words {
        if w > 0 {
            out.latin.push(' ');
            out.bengali.push(' ');
            out.persian.push(' ');
        }
        let syllables = 2 + rng.below(3);
        for s in 0..syllables {
            let (cl, cb, cp) = CONSONANTS[rng.below(CONSONANTS.len())];
            let (vl, vb, vp) = VOWELS[rng.below(VOWELS.len())];
            let mut l = String::from(cl);
            l.push_str(vl);
            if s == 0
                && let Some(f) = l.get(..1)
            {
                let up = f.to_ascii_uppercase();
                l.replace_range(..1, &up);
            }
            out.latin.push_str(&l);
            out.bengali.push_str(cb);
            out.bengali.push_str(vb);
            out.persian.push_str(cp);
            out.persian.push_str(vp);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_in_the_right_scripts() {
        let a = names(100, 7);
        assert_eq!(a, names(100, 7));
        assert_ne!(a, names(100, 8));
        for n in &a {
            assert_eq!(Script::detect(&n.bengali), Script::Bengali);
            assert_eq!(Script::detect(&n.persian), Script::Arabic);
            assert_eq!(Script::detect(&n.latin), Script::Latin);
        }
    }
}
