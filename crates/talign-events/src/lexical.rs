//! Word translations learnt from the corpus itself, for passage alignment.
//!
//! Lengths, names and numbers leave most sentences of a translation without evidence of
//! which sentence of the other language they match. Following Moore (2002, "Fast and
//! accurate sentence alignment of bilingual corpora"), the passages of a first alignment
//! that are most likely right train IBM Model 1 (Brown et al. 1993) in both directions, and
//! the word pairs it is confident about (পুলিশ ↔ پلیس, বলেন ↔ گفت, ঝড় ↔ طوفان) then tell
//! how much of two passages translates each other. No dictionary is shipped: what is
//! learnt comes from the documents at hand, so it adapts to any corpus and language pair
//! and needs enough aligned text to say anything ([`MIN_TRAINING_PAIRS`]).
//!
//! **Determinism:** counts are summed in the order of the training pairs and words, never
//! in the order of a hash map, so the same corpus learns the same table on every run.

use crate::{HashMap, HashMapExt};

/// Fewer aligned passage pairs than this teach nothing reliable; no table is learnt.
pub const MIN_TRAINING_PAIRS: usize = 40;

/// EM iterations of Model 1.
const ITERATIONS: usize = 5;

/// A word pair is kept when either direction gives it at least this probability ...
const MIN_PROBABILITY: f32 = 0.15;

/// ... and the pair is expected to co-occur at least this often in the training passages.
const MIN_EXPECTED_COUNT: f32 = 1.5;

/// The empty word of Model 1 (a word that translates to nothing).
const NULL: u32 = u32::MAX;

/// Words as ids: every distinct folded word of the documents that take part in links.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    /// An empty vocabulary.
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// The id of a folded word, adding it if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word.to_owned()).or_insert(next)
    }

    /// The id of a folded word, if known.
    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The words of a text as the translation table sees them: lower case, letters folded as
/// `normalize` writes them, Bengali case endings and Persian plural endings stripped,
/// numbers left out (they are anchors already).
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace().filter_map(|t| word_form(&talign_names::normalize(t))).collect()
}

/// The form [`words`] gives a token already cleaned by `normalize`; `None` for numbers and
/// tokens without letters.
pub fn word_form(normalized: &str) -> Option<String> {
    let w = talign_names::lowercase(normalized);
    if w.is_empty() || w.chars().any(talign_names::is_number) || !w.chars().any(talign_names::is_letter) {
        return None;
    }
    let script = talign_names::Script::detect(&w);
    let stem = match script {
        talign_names::Script::Bengali => talign_names::affix::stems(&w, script).into_iter().next(),
        talign_names::Script::Arabic => ["\u{200C}های", "\u{200C}ها", "های", "ها"]
            .iter()
            .find_map(|s| w.strip_suffix(s).filter(|x| x.chars().count() >= 2).map(str::to_owned)),
        _ => None,
    };
    Some(stem.unwrap_or(w))
}

/// The words of two passages that translate each other (first language, second), as ids.
pub type PassageWords = (Vec<u32>, Vec<u32>);

/// Word pairs of two languages that translate each other, with the weight of each word.
#[derive(Debug, Default, Clone)]
pub struct Translations {
    /// For each word of the first language, the words of the second it translates to, sorted.
    forward: HashMap<u32, Vec<u32>>,
    /// The same, from the second language to the first.
    backward: HashMap<u32, Vec<u32>>,
    /// Inverse passage frequency of each word seen in training (rare words say more).
    weight: HashMap<u32, f32>,
    /// Weight of a word not seen in training.
    unseen: f32,
}

/// Model 1 translation probabilities t(f | e), learnt from (e words, f words) pairs, with
/// the expected count of each pair in the last iteration.
///
/// Every (e, f) pair that co-occurs gets a slot once; the iterations then run over the
/// slots of each training pair in a flat table, without hashing (they dominated the time
/// of `export sentences` when they hashed).
fn model1(pairs: &[(&[u32], &[u32])]) -> HashMap<(u32, u32), (f32, f32)> {
    let mut slot: HashMap<(u32, u32), u32> = HashMap::new();
    let mut keys: Vec<(u32, u32)> = Vec::new();
    // Per training pair, per f word: the slots of (e, f) for each e and the empty word.
    let mut rows: Vec<u32> = Vec::new();
    let mut row_len: Vec<u32> = Vec::new();
    for (e, f) in pairs {
        for &fw in *f {
            for &ew in e.iter().chain([&NULL]) {
                let next = keys.len() as u32;
                let s = *slot.entry((ew, fw)).or_insert_with(|| {
                    keys.push((ew, fw));
                    next
                });
                rows.push(s);
            }
            row_len.push(e.len() as u32 + 1);
        }
    }
    let source: Vec<u32> = {
        // The e word of each slot, as a dense index for the totals.
        let mut ids: HashMap<u32, u32> = HashMap::new();
        keys.iter()
            .map(|&(ew, _)| {
                let next = ids.len() as u32;
                *ids.entry(ew).or_insert(next)
            })
            .collect()
    };
    let n_sources = source.iter().map(|&x| x as usize + 1).max().unwrap_or(0);
    let mut t = vec![1f32; keys.len()];
    let mut counts = vec![0f32; keys.len()];
    for _ in 0..ITERATIONS {
        counts.iter_mut().for_each(|c| *c = 0.0);
        let mut totals = vec![0f32; n_sources];
        let mut at = 0usize;
        for &len in &row_len {
            let row = &rows[at..at + len as usize];
            at += len as usize;
            let denom: f32 = row.iter().map(|&s| t[s as usize]).sum();
            if denom <= 0.0 {
                continue;
            }
            for &s in row {
                let c = t[s as usize] / denom;
                counts[s as usize] += c;
                totals[source[s as usize] as usize] += c;
            }
        }
        for (k, v) in t.iter_mut().enumerate() {
            let total = totals[source[k] as usize];
            *v = if total > 0.0 { counts[k] / total } else { 0.0 };
        }
    }
    keys.into_iter().zip(t.into_iter().zip(counts)).collect()
}

impl Translations {
    /// Learns from aligned passage pairs (words of the first language, of the second).
    /// Returns `None` with fewer than [`MIN_TRAINING_PAIRS`] pairs.
    pub fn learn(pairs: &[PassageWords]) -> Option<Translations> {
        if pairs.len() < MIN_TRAINING_PAIRS {
            return None;
        }
        let fwd: Vec<(&[u32], &[u32])> = pairs.iter().map(|(a, b)| (a.as_slice(), b.as_slice())).collect();
        let bwd: Vec<(&[u32], &[u32])> = pairs.iter().map(|(a, b)| (b.as_slice(), a.as_slice())).collect();
        let (tf, tb) = rayon::join(|| model1(&fwd), || model1(&bwd));
        let mut links: Vec<(u32, u32)> = Vec::new();
        let keep = |(p, c): (f32, f32)| p >= MIN_PROBABILITY && c >= MIN_EXPECTED_COUNT;
        links.extend(tf.iter().filter(|(k, v)| k.0 != NULL && keep(**v)).map(|(k, _)| *k));
        links.extend(tb.iter().filter(|(k, v)| k.0 != NULL && keep(**v)).map(|(k, _)| (k.1, k.0)));
        links.sort_unstable();
        links.dedup();
        let mut forward: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut backward: HashMap<u32, Vec<u32>> = HashMap::new();
        for &(a, b) in &links {
            forward.entry(a).or_default().push(b);
            backward.entry(b).or_default().push(a);
        }
        for v in backward.values_mut() {
            v.sort_unstable();
        }
        // Passage frequencies, per side (the two languages' words never share an id but
        // for names in Latin script, which count on both sides).
        let mut df: HashMap<u32, u32> = HashMap::new();
        for (a, b) in pairs {
            for side in [a, b] {
                let mut seen = side.clone();
                seen.sort_unstable();
                seen.dedup();
                for w in seen {
                    *df.entry(w).or_default() += 1;
                }
            }
        }
        let n = 2.0 * pairs.len() as f32;
        let weight = df.into_iter().map(|(w, d)| (w, (1.0 + n / d as f32).ln())).collect();
        Some(Translations { forward, backward, weight, unseen: (1.0 + n).ln() })
    }

    /// The translations of a word of the first language (`reversed`: of the second).
    pub fn of(&self, word: u32, reversed: bool) -> &[u32] {
        let m = if reversed { &self.backward } else { &self.forward };
        m.get(&word).map_or(&[], Vec::as_slice)
    }

    /// The weight of a word.
    pub fn weight(&self, word: u32) -> f32 {
        self.weight.get(&word).copied().unwrap_or(self.unseen)
    }

    /// Number of word pairs kept.
    pub fn len(&self) -> usize {
        self.forward.values().map(Vec::len).sum()
    }

    /// Whether no word pair was kept.
    pub fn is_empty(&self) -> bool {
        self.forward.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_keep_meeting_in_aligned_passages_are_learnt() {
        // Word 1 always faces word 11, 2 faces 12; 3 and 13 are everywhere.
        let mut pairs = Vec::new();
        for k in 0..60u32 {
            let mut a = vec![3, 100 + k];
            let mut b = vec![13, 200 + k];
            if k % 2 == 0 {
                a.push(1);
                b.push(11);
            } else {
                a.push(2);
                b.push(12);
            }
            pairs.push((a, b));
        }
        let t = Translations::learn(&pairs).expect("enough pairs");
        assert!(t.of(1, false).contains(&11), "{:?}", t.of(1, false));
        assert!(t.of(12, true).contains(&2), "{:?}", t.of(12, true));
        // Words that never meet are never paired.
        assert!(!t.of(1, false).contains(&12));
        assert!(!t.of(11, true).contains(&2));
        // Words seen once are not trusted.
        assert!(t.of(100, false).is_empty());
        assert!(t.weight(100) > t.weight(3));
    }

    #[test]
    fn too_little_text_learns_nothing() {
        assert!(Translations::learn(&[(vec![1], vec![2])]).is_none());
    }

    #[test]
    fn words_are_folded_and_stripped() {
        assert_eq!(words("পুলিশের ১২ জন, «পুলিশ»"), ["পুলিশ", "জন", "পুলিশ"]);
        assert_eq!(words("خبرنگاران رسانه‌ها 2018"), ["خبرنگاران", "رسانه"]);
    }
}
