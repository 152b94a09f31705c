//! Sentence boundaries the punctuation does not show, learnt from the corpus itself.
//!
//! News text loses sentence ends: a Bengali line that ends in its verb without a danda, a
//! headline run into the first paragraph, a quote set off by a colon. The segmenter
//! cannot see those boundaries, but the passage aligner can use them when the other
//! document of a pair marks its sentence end there. This module says where a sentence
//! *may* end and how likely that is, in the unsupervised manner of Punkt (Kiss & Strunk
//! 2006): a word that usually ends sentences in this corpus (`করেছে`, `کرد`) is likely to
//! end one where the full stop is missing, and a word that usually starts them (`তবে`,
//! `وی`) is likely to start one. The two are combined as independent evidence, with the
//! last two letters of a word standing in for words seen too rarely.

use crate::{HashMap, HashMapExt};

use rayon::prelude::*;

use talign_corpus::Lang;
// The marks the segmenter ends sentences at, so that what counts as a sentence end here is
// what it cuts at.
use talign_corpus::segment::{is_closer, is_terminator};
use unicode_normalization::char::is_combining_mark;

/// How often a word (or word ending) ends and starts a sentence.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Counts {
    total: u32,
    last: u32,
    first: u32,
}

impl Counts {
    fn add(&mut self, last: bool, first: bool) {
        self.total += 1;
        self.last += u32::from(last);
        self.first += u32::from(first);
    }

    fn merge(&mut self, other: Counts) {
        self.total += other.total;
        self.last += other.last;
        self.first += other.first;
    }
}

#[derive(Debug, Default, PartialEq)]
struct LangStats {
    words: HashMap<String, Counts>,
    endings: HashMap<String, Counts>,
    beginnings: HashMap<String, Counts>,
    all: Counts,
}

impl LangStats {
    /// Number of distinct words, endings and beginnings counted.
    fn len(&self) -> usize {
        self.words.len() + self.endings.len() + self.beginnings.len()
    }
}

/// Fewest documents counted at a time by one thread while the model is learnt.
const LEARN_CHUNK: usize = 1024;

/// Weight of the back-off estimate, in pseudo-occurrences.
const SMOOTHING: f32 = 2.0;

/// How likely a sentence is to end after a colon, whatever the words around it.
const CUE_COLON: f32 = 0.3;
/// How likely a sentence is to end after a closing quote or bracket.
const CUE_CLOSER: f32 = 0.3;

/// Boundaries less likely than this are not offered to the aligner.
pub const MIN_PROBABILITY: f32 = 0.08;

/// A place inside a sentence where another sentence may start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cut {
    /// Byte offset (in the sentence) of the first character of the next sentence.
    pub at: usize,
    /// Estimated probability that a sentence ends here.
    pub probability: f32,
}

/// Per-language statistics of the words that end and start sentences.
#[derive(Debug, Default)]
pub struct BoundaryModel {
    langs: HashMap<Lang, LangStats>,
}

/// Letters, digits, combining marks (Bengali vowel signs) and the joiners.
fn is_word_char(c: char) -> bool {
    talign_names::is_letter_or_digit(c) || is_combining_mark(c) || c == '\u{200C}' || c == '\u{200D}'
}

/// The word inside a token, folded: punctuation trimmed, lower case, letters as `normalize` writes them.
fn core(token: &str) -> String {
    let t = token.trim_matches(|c: char| !is_word_char(c));
    talign_names::lowercase(&talign_names::normalize(t))
}

/// Whether a token ends a sentence by its punctuation.
fn ends_sentence(token: &str) -> bool {
    token.trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminator)
}

/// White-space separated tokens with their byte ranges.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |t| (t.as_ptr() as usize - text.as_ptr() as usize, t))
}

/// The last two characters of a word (the whole word when shorter).
fn suffix(word: &str) -> &str {
    &word[word.char_indices().rev().nth(1).map_or(0, |(i, _)| i)..]
}

/// The first two characters of a word (the whole word when shorter).
fn prefix(word: &str) -> &str {
    &word[..word.char_indices().nth(2).map_or(word.len(), |(i, _)| i)]
}

/// Counts one occurrence of `key`, copying it only the first time it is seen.
fn count(counts: &mut HashMap<String, Counts>, key: &str, last: bool, first: bool) {
    match counts.get_mut(key) {
        Some(c) => c.add(last, first),
        None => counts.entry(key.to_owned()).or_default().add(last, first),
    }
}

/// `(hits + SMOOTHING * prior) / (total + SMOOTHING)`.
fn smoothed(hits: u32, total: u32, prior: f32) -> f32 {
    (hits as f32 + SMOOTHING * prior) / (total as f32 + SMOOTHING)
}

fn odds(p: f32) -> f32 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    p / (1.0 - p)
}

impl BoundaryModel {
    /// Learns from documents (language, text), on every core: chunks of documents are
    /// counted apart and their counts added, which gives the same model whatever the thread
    /// count.
    pub fn new<'a>(docs: impl IntoIterator<Item = (Lang, &'a str)>) -> BoundaryModel {
        let docs: Vec<(Lang, &str)> = docs.into_iter().collect();
        // Few chunks, since adding a chunk's counts to the others' costs about as much as
        // counting it: two per thread, of at least LEARN_CHUNK documents.
        let chunk = docs.len().div_ceil(2 * rayon::current_num_threads()).max(LEARN_CHUNK);
        docs.par_chunks(chunk)
            .map(|chunk| {
                let mut model = BoundaryModel::default();
                let mut words = HashMap::new();
                for &(lang, text) in chunk {
                    model.learn(lang, text, &mut words);
                }
                model
            })
            .reduce(BoundaryModel::default, BoundaryModel::merge)
    }

    /// Counts the words of one document; `words` keeps the word of each token seen so far
    /// (most tokens of a corpus recur, and folding one costs more than looking it up).
    fn learn<'t>(&mut self, lang: Lang, text: &'t str, words: &mut HashMap<&'t str, String>) {
        let stats = self.langs.entry(lang).or_default();
        for line in text.lines() {
            let mut first = true;
            for (_, tok) in tokens(line) {
                let w = words.entry(tok).or_insert_with(|| core(tok));
                let last = ends_sentence(tok);
                if !w.is_empty() {
                    count(&mut stats.endings, suffix(w), last, first);
                    count(&mut stats.beginnings, prefix(w), last, first);
                    count(&mut stats.words, w, last, first);
                    stats.all.add(last, first);
                }
                first = last;
            }
        }
    }

    /// The counts of two models added.
    fn merge(mut self, mut other: BoundaryModel) -> BoundaryModel {
        if self.langs.values().map(LangStats::len).sum::<usize>() < other.langs.values().map(LangStats::len).sum() {
            std::mem::swap(&mut self, &mut other);
        }
        for (lang, theirs) in other.langs {
            let ours = self.langs.entry(lang).or_default();
            for (all, more) in [
                (&mut ours.words, theirs.words),
                (&mut ours.endings, theirs.endings),
                (&mut ours.beginnings, theirs.beginnings),
            ] {
                for (k, c) in more {
                    all.entry(k).or_default().merge(c);
                }
            }
            ours.all.merge(theirs.all);
        }
        self
    }

    /// Probability that a sentence ends after the token `before` and a new one starts with
    /// the token `after`.
    /// `a` and `b` are the two tokens' words ([`core`]).
    fn probability(&self, lang: Lang, before: &str, a: &str, b: &str) -> Option<f32> {
        let s = self.langs.get(&lang)?;
        let base_last = smoothed(s.all.last, s.all.total, 0.05);
        let base_first = smoothed(s.all.first, s.all.total, 0.05);
        if b.is_empty() {
            return None;
        }
        let get = |m: &HashMap<String, Counts>, k: &str| m.get(k).copied().unwrap_or_default();
        let end = get(&s.endings, suffix(a));
        let word = get(&s.words, a);
        let mut p_last = if a.is_empty() {
            base_last
        } else {
            smoothed(word.last, word.total, smoothed(end.last, end.total, base_last))
        };
        // Punctuation that often ends a line of news copy without ending a sentence by
        // itself: a colon before a quote or a list, a closing quote or bracket.
        let mark = before.trim_end_matches([',', '،']).chars().next_back();
        if let Some(c) = mark {
            let cue = match c {
                ':' => CUE_COLON,
                c if is_closer(c) => CUE_CLOSER,
                _ => 0.0,
            };
            p_last = p_last.max(cue);
        }
        let beg = get(&s.beginnings, prefix(b));
        let word = get(&s.words, b);
        let p_first = smoothed(word.first, word.total, smoothed(beg.first, beg.total, base_first));
        // Naive Bayes: the two words as independent evidence over the base rate.
        let o = odds(p_last) * odds(p_first) / odds(base_last);
        Some(o / (1.0 + o))
    }

    /// The places inside `sentence` (one sentence as segmented) where a sentence may end,
    /// at least [`MIN_PROBABILITY`] likely, in order.
    pub fn cuts(&self, lang: Lang, sentence: &str) -> Vec<Cut> {
        self.cuts_with(lang, sentence, &mut Words::default())
    }

    /// [`BoundaryModel::cuts`], with the words of the tokens taken from `words` (and kept
    /// there): the sentences of one document repeat many of their tokens.
    pub fn cuts_with<'t>(&self, lang: Lang, sentence: &'t str, words: &mut Words<'t>) -> Vec<Cut> {
        // Each token's word once: it is the word after one gap and before the next.
        let toks: Vec<(usize, &str, u32)> = tokens(sentence).map(|(at, t)| (at, t, words.of(t))).collect();
        let mut out = Vec::new();
        for w in toks.windows(2) {
            let ((_, before, a), (at, after, b)) = (&w[0], &w[1]);
            // A comma-joined list or a bracket is not a sentence end.
            if before.ends_with([',', '،', '-', '–']) || after.starts_with('(') {
                continue;
            }
            let (a, b) = (&words.words[*a as usize], &words.words[*b as usize]);
            if let Some(p) = self.probability(lang, before, a, b)
                && p >= MIN_PROBABILITY
            {
                out.push(Cut { at: *at, probability: p });
            }
        }
        out
    }
}

/// The words ([`core`]) of tokens seen so far, each token folded once.
#[derive(Debug, Default)]
pub struct Words<'t> {
    index: HashMap<&'t str, u32>,
    words: Vec<String>,
}

impl<'t> Words<'t> {
    /// The number of the word of `token` in `self.words`.
    fn of(&mut self, token: &'t str) -> u32 {
        if let Some(&i) = self.index.get(token) {
            return i;
        }
        let i = self.words.len() as u32;
        self.words.push(core(token));
        self.index.insert(token, i);
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_end_sentences_mark_likely_boundaries() {
        let text = "তিনি বাড়ি গেছেন। আমরা খেয়েছি। তারা স্কুলে গেছেন। সে বই পড়েছে। তিনি বাজারে গেছেন।";
        let model = BoundaryModel::new([(Lang::Bn, text)]);
        let sentence = "তিনি অফিসে গেছেন তারা বাড়ি ফিরেছে";
        let cuts = model.cuts(Lang::Bn, sentence);
        let best = cuts.iter().max_by(|a, b| a.probability.total_cmp(&b.probability)).expect("a cut");
        assert_eq!(&sentence[best.at..], "তারা বাড়ি ফিরেছে", "{cuts:?}");
        assert!(best.probability > 0.5, "{cuts:?}");
        // After a word that never ends a sentence, a cut is much less likely.
        assert!(cuts.iter().filter(|c| c.at != best.at).all(|c| c.probability < 0.3), "{cuts:?}");
    }

    /// The model is counted in chunks of documents on several threads: it must be the model
    /// one pass over the documents in order counts.
    #[test]
    fn counting_in_chunks_gives_the_model_of_one_pass() {
        let texts = ["তিনি বাড়ি গেছেন। আমরা খেয়েছি।", "او رفت. ما ماندیم: «نه»", "তারা স্কুলে গেছেন\nসে বই পড়েছে।"];
        let docs: Vec<(Lang, String)> = (0..3 * LEARN_CHUNK + 7)
            .map(|i| {
                let lang = if i % 3 == 1 { Lang::Fa } else { Lang::Bn };
                (lang, format!("{} {}", texts[i % 3], i % 17))
            })
            .collect();
        let mut one = BoundaryModel::default();
        for (lang, text) in &docs {
            one.learn(*lang, text, &mut HashMap::new());
        }
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let chunked = pool.install(|| BoundaryModel::new(docs.iter().map(|(l, t)| (*l, t.as_str()))));
        assert_eq!(chunked.langs, one.langs);
        // 1027 documents of six words and numbers, 1026 of seven.
        assert_eq!(one.langs[&Lang::Bn].all.total, 1027 * 6 + 1026 * 7);
    }

    #[test]
    fn endings_and_beginnings_are_two_characters() {
        assert_eq!(suffix("করেছে"), "ছে");
        assert_eq!(prefix("করেছে"), "কর");
        assert_eq!(suffix("کرد"), "رد");
        assert_eq!(prefix("وی"), "وی");
        assert_eq!(suffix("a"), "a");
        assert_eq!(prefix(""), "");
    }

    #[test]
    fn unknown_languages_and_empty_sentences_have_no_cuts() {
        let model = BoundaryModel::new([(Lang::Fa, "او رفت. ما ماندیم.")]);
        assert!(model.cuts(Lang::Bn, "তিনি গেছেন তারা ফিরেছে").is_empty());
        assert!(model.cuts(Lang::Fa, "").is_empty());
        assert!(model.cuts(Lang::Fa, "«").is_empty());
    }
}
