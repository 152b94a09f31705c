//! Readable romanization learnt from name pairs: the vowels an abjad leaves unwritten.
//!
//! Persian and Arabic write long vowels with letters that are also consonants (و, ی) and
//! short vowels not at all, so a letter-by-letter reading gives "Msvd Pzshkyan". This
//! module writes the likely vowels back (Masud Pezeshkiyan) with a small memory-based
//! transducer: every letter of a native word, seen with up to two letters of context on
//! each side, emits a chunk of Latin letters (its consonant and the vowels that follow
//! it). The chunks are learnt from name pairs whose vowels are known (a native form and
//! its English form): each pair is aligned letter to chunk by a monotone dynamic program,
//! first against hand-written seed readings of each letter and then, for a few rounds of
//! hard EM, against the chunk probabilities of the previous round. Besides the letters
//! around it, a letter's context may be the classes of its neighbours (consonant, alef,
//! و, ی, ه for Arabic script; consonant, vowel for Bengali), which generalize what one letter
//! pair teaches: a word-initial consonant before another consonant takes a short vowel in
//! Persian, whatever the letters. A word seen in training is read as it was most often
//! written in English (a memory of the words the chunks would read otherwise: given names
//! and name parts recur across names). A word's final ی that the name wrote as alif maqsura ى
//! (موسى Musa), before cleaning folded it, is a letter of its own. Decoding is a beam
//! search over the chunks of the letters: each chunk scored by its Witten–Bell probability,
//! backed off from the widest context seen down to the letter alone (the narrower contexts
//! weighted up), plus (weighted) its probability under a joint-sequence model in the style
//! of Bisani and Ney's graphones (the chunk after the two (letter, chunk) pairs before it,
//! so a chunk depends on the chunks chosen before, not only on the letters), plus (weighted)
//! the probability of its Latin letters under a letter 5-gram of the Latin words learnt from
//! (so "tsu" beats "tso", and a reading keeps the shape of a name). Known Latin words
//! (the Latin words learnt from and the first names and frequent surnames of the 1990
//! United States census) are kept by their comparison key (consonant
//! classes, [`crate::word_keys`]): those with the native word's key join the beam (each
//! scored as the search scores it alone: سبنسر may be read Spencer only as far as its
//! letters can write it), and every output's letter model probability becomes that of a
//! word model half the known words, half the letter model (a name word already met beats a
//! spelling never seen: Spencer, not Sbnsr). Of the outputs left in the beam, the one of
//! least expected edit distance to the others is taken (minimum Bayes risk), the error the
//! romanization is measured by.
//!
//! The same model is learnt for Bengali (whose inherent vowel is sometimes silent). The
//! shipped tables (`data/romanize.tsv.deflate`, the text table deflated) are trained by `cargo xtask train-romanize` from
//! the development name files, the lexicon and the census name list
//! (`data/latin-names.tsv`); `cargo xtask eval romanize` measures them with cross-validation. The comparison key and the phoneme reading do not use this
//! module: it changes what a reader sees, never what is matched.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::clean::normalize;
use crate::phon;
use crate::script::Script;

/// Longest chunk a letter may emit.
const MAX_CHUNK: usize = 4;
/// One context of a letter: whether the chunk emitted by the letter before is part of it,
/// letters on the left, letters on the right, and whether those neighbours are written as
/// their classes ([`letter_class`]) rather than as letters.
#[derive(Debug, Clone, Copy)]
struct Order {
    prev: bool,
    left: usize,
    right: usize,
    classes: bool,
}

const fn order(prev: bool, left: usize, right: usize, classes: bool) -> Order {
    Order { prev, left, right, classes }
}

/// Contexts from the widest to the letter alone, the order in which the Witten–Bell
/// backoff chains them (narrowest first). The class contexts generalize what the letter
/// contexts learn one letter pair at a time: a consonant between a word's start and another
/// consonant takes a short vowel (Persian has no initial clusters), whatever the letters.
/// On persons under 5-fold cross-validation, fa → latin CER 0.180 without them, 0.175 with
/// them here (0.178 with both above the letter and its right neighbour).
const ORDERS: [Order; 8] = [
    order(true, 1, 1, false),
    order(false, 2, 2, false),
    order(false, 1, 2, false),
    order(false, 1, 1, false),
    order(false, 2, 2, true),
    order(false, 0, 1, false),
    order(false, 1, 1, true),
    order(false, 0, 0, false),
];
/// Contexts wider than a letter and its right neighbour (than two neighbour classes) are
/// kept only if seen this often.
const MIN_CONTEXT: u32 = 3;
/// [`MIN_CONTEXT`] for Bengali, whose letters write their vowels: its wide contexts add less
/// than they cost in trust of a few counts. On persons under 5-fold cross-validation, bn →
/// latin CER 0.0936 at 3, 0.0918 at 5 (fa → latin, at its own 3, 0.1579; at 2 and at 5,
/// 0.1581 and 0.1591, and bn at 2, 0.0947).
const MIN_CONTEXT_BN: u32 = 5;
/// Weight of the narrower context in the Witten–Bell backoff of the chunk model, as a
/// multiple of the number of chunk types seen in the wider one (1 is plain Witten–Bell).
/// The wide contexts are learnt from a few thousand names and trust their few counts too
/// much (branch rom15e measured fa → latin 0.180 at 1, 0.176 at 2, 0.175 at 5 before the
/// class contexts; above 2 the model dropped vowels of names it had seen).
const BACKOFF: f64 = 2.0;
/// Hypotheses kept while decoding a word.
const BEAM: usize = 16;
/// Rounds of hard EM after the seed alignment.
const EM_ROUNDS: usize = 3;
/// Letters of history of the Latin letter model (its order less one). On persons under
/// 5-fold cross-validation, with the joint model, fa → latin CER 0.1592 with 3, 0.1584
/// with 4, 0.1593 with 5 (bn 0.0939, 0.0935, 0.0940; places fa 0.2821, 0.2802, 0.2807).
const LM_HISTORY: usize = 4;
/// Histories of two or more letters are kept only if seen this often. With the 5-gram,
/// 5 rather than 3: persons fa → latin 0.1579 (from 0.1584), bn 0.0936, places fa 0.2797,
/// and 47 KB less of shipped table (772 KB).
const LM_MIN: u32 = 5;
/// Weight of the Latin letter model against the chunk model while decoding.
const LM_WEIGHT: f64 = 0.2;
/// Known Latin words of a native word's comparison key that join its beam, at most
/// ([`Model::pick`]).
const KNOWN_CANDIDATES: usize = 10;
/// Longest word the model reads, in letters ([`Model::word`]); a longer one (a run of
/// letters in an enormous line, never a name) is romanized by rule.
const MAX_WORD: usize = 64;
/// The script tag under which the name list's words are kept, for every script.
const NAMES_TAG: char = 'n';
/// Weight of the word model of known words against the other scores ([`Model::pick`]).
const KNOWN_WEIGHT: f64 = 0.7;
/// A pair whose alignment costs more than this per Latin letter (under the seed readings)
/// is not a transliteration (an exonym, a translation, a wrong pair) and is left out.
const MAX_SEED_COST: f32 = 0.2;

/// Compression level of the shipped table (miniz's best, 10): 965 KB of text to 316 KB with
/// the known Latin words (688 KB to 207 KB before them).
const PACK_LEVEL: u8 = 10;
/// The largest table [`Model::from_packed`] inflates (bytes): a corrupt or hostile input
/// stops there rather than filling memory.
const MAX_UNPACKED: usize = 64 << 20;

/// The shipped model, once loaded ([`Model::builtin`]).
static BUILTIN: OnceLock<Model> = OnceLock::new();

/// The chunks seen in one context, with their counts, sorted.
type Chunks = Vec<(String, u32)>;

/// A learnt romanizer: chunk counts per letter in context, per script.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    /// Context key → (chunk, count), chunks sorted.
    table: HashMap<String, Vec<(String, u32)>>,
}

/// One training example: a native name and the Latin forms of the same entity.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The native form (any script; only Bengali and Arabic-script forms are learnt).
    pub native: String,
    /// Latin forms of the same entity; the one that aligns best is used.
    pub latin: Vec<String>,
}

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("romanization model, line {line}: {message}")]
pub struct ModelError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn script_tag(s: Script) -> Option<char> {
    match s {
        Script::Arabic => Some('a'),
        Script::Bengali => Some('b'),
        _ => None,
    }
}

/// The script of a learnt script's tag ([`script_tag`]).
fn tag_script(tag: char) -> Script {
    if tag == 'a' { Script::Arabic } else { Script::Bengali }
}

/// The key of the Latin letter model's counts after `history` (ASCII letters or `^`).
fn lm_key(tag: char, history: &[u8]) -> String {
    let mut s = String::with_capacity(2 + history.len());
    s.push(tag);
    s.push('L');
    s.extend(history.iter().map(|&b| char::from(b)));
    s
}

/// The class of a letter beside the one read, in a class context: for Arabic script the
/// letters that may write a vowel (alef, و, ی, ه, and ع with hamza), all others `C`; for
/// Bengali vowel signs and vowels `V`, the nasal and visarga signs `M`, consonants `C`;
/// the virama and the word's edges (`^`, `$`) as themselves.
fn letter_class(tag: char, c: char) -> char {
    if matches!(c, '^' | '$') {
        return c;
    }
    if tag == 'a' {
        match c {
            'ا' | 'آ' | 'أ' | 'إ' => 'A',
            'و' => 'W',
            'ی' => 'Y',
            'ى' => 'A',
            'ه' => 'H',
            'ع' | 'ء' | 'ئ' | 'ؤ' => 'E',
            _ => 'C',
        }
    } else {
        match c {
            '\u{09BE}'..='\u{09CC}' | '\u{0985}'..='\u{0994}' => 'V',
            '\u{09CD}' => c,
            'ং' | 'ঁ' | 'ঃ' => 'M',
            _ => 'C',
        }
    }
}

fn context_key(tag: char, order: usize, w: &[char], i: usize, prev: &str) -> String {
    let Order { prev: with_prev, left: l, right: r, classes } = ORDERS[order];
    let at = |k: isize| -> char {
        let c = if k < 0 { '^' } else { w.get(k as usize).copied().unwrap_or('$') };
        if classes { letter_class(tag, c) } else { c }
    };
    let mut s = String::with_capacity(16);
    s.push(tag);
    s.push(char::from(b'0' + order as u8));
    if with_prev {
        s.push_str(prev);
        s.push('>');
    }
    for k in (1..=l).rev() {
        s.push(at(i as isize - k as isize));
    }
    s.push('|');
    s.push(w[i]);
    s.push('|');
    for k in 1..=r {
        s.push(at((i + k) as isize));
    }
    s
}

/// (Letter, chunk) pairs before a letter that the joint model sees (a graphone trigram).
/// On persons under 5-fold cross-validation (weight 0.5), fa → latin CER 0.1616 without
/// the joint model, 0.1604 with one pair, 0.1594 with two, 0.1595 with three; with the
/// next letter in its contexts as well, 0.1625.
const GRAPH_ORDER: usize = 2;
/// Weight of the joint model against the chunk model while decoding: fixed at one half
/// (the chunk model already sees the letters) and checked on places, not tuned on persons'
/// rows (persons fa 0.1594 at 0.3 and 0.5, 0.1603 at 0.7, 0.1621 at 1; places fa 0.2855
/// without the joint model, 0.2823 at 0.5). Its contexts seen fewer than [`MIN_CONTEXT`]
/// times are dropped, as the chunk model's wide ones: persons fa 0.1592, bn 0.0939 (from
/// 0.0953), and 118 KB more of shipped table.
const GRAPH_WEIGHT: f64 = 0.5;

/// The key of the joint model: the `g` (letter, chunk) pairs before letter `i`, and the
/// letter.
fn graph_key<'a>(tag: char, g: usize, w: &[char], i: usize, chunk: impl Fn(usize) -> &'a str) -> String {
    let mut s = String::with_capacity(24);
    s.push(tag);
    s.push('G');
    s.push(char::from(b'0' + g as u8));
    for k in (1..=g).rev() {
        if i >= k {
            s.push(w[i - k]);
            s.push_str(chunk(i - k));
        } else {
            s.push('^');
        }
        s.push('>');
    }
    s.push('|');
    s.push(w[i]);
    s
}

/// Lower-case ASCII letters of a Latin word: diacritics dropped, ligatures spelt out.
pub fn latin_letters(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii_alphabetic() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c.is_ascii() {
            continue;
        }
        let before = out.len();
        for d in std::iter::once(c).nfd() {
            if d.is_ascii_alphabetic() {
                out.push(d.to_ascii_lowercase());
            }
        }
        if out.len() == before && crate::script::is_letter(c) {
            let mut b = Vec::new();
            phon::fold_latin(c, &mut b);
            out.extend(b.iter().filter(|x| x.is_ascii_alphabetic()).map(|&x| x as char));
        }
    }
    out
}

/// Latin words of a name, in ASCII lower case (white space, hyphens and slashes separate).
fn latin_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ',' | '_' | '–'))
        .map(latin_letters)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Native words of a name, cleaned, with their script tag.
fn native_words(name: &str) -> Option<(char, Vec<Vec<char>>)> {
    let clean = normalize(name);
    let tag = script_tag(Script::detect(&clean))?;
    let maqsura = tag == 'a' && writes_maqsura(name);
    let words: Vec<Vec<char>> = phon::tokens(&clean)
        .map(phon::bengali_letters)
        .filter(|w| !w.is_empty())
        .map(|mut w| {
            if maqsura {
                final_maqsura(&mut w);
            }
            w
        })
        .collect();
    Some((tag, words))
}

/// Whether a name as written ends its words in alif maqsura ى (موسى Musa, ليلى Laila) and
/// never in ي: cleaning folds both into ی, whose reading at a word's end is then a, not i.
pub fn writes_maqsura(raw: &str) -> bool {
    phon::Hints::of_raw(raw).maqsura()
}

/// Writes a cleaned word's final ی back as ى, a letter of its own to the model.
fn final_maqsura(w: &mut [char]) {
    if let Some(c) = w.last_mut()
        && *c == 'ی'
    {
        *c = 'ى';
    }
}

// ---------------------------------------------------------------------------------------
// Seed readings

fn seed_readings(tag: char, c: char) -> &'static [&'static str] {
    if tag == 'a' {
        match c {
            'ا' => &["a", "e", "o", "i", "u", ""],
            'آ' => &["a", "aa"],
            'ب' => &["b", "p"],
            'پ' => &["p"],
            'ت' | 'ط' => &["t"],
            'ث' => &["s", "th"],
            'ج' => &["j", "g", "dj", "zh"],
            'چ' => &["ch", "tch", "c"],
            'ح' => &["h", ""],
            'خ' => &["kh", "h", "x", "ch"],
            'د' => &["d"],
            'ذ' => &["z", "dh", "th", "d"],
            'ر' => &["r"],
            'ز' => &["z", "s"],
            'ژ' => &["zh", "j", "g"],
            'س' => &["s", "c"],
            'ش' => &["sh", "ch", "sch", "s"],
            'ص' => &["s"],
            'ض' => &["z", "d", "dh"],
            'ظ' => &["z", "dh"],
            'ع' => &["", "a", "e", "i", "o"],
            'غ' => &["gh", "g"],
            'ف' | 'ڤ' => &["f", "v", "ph"],
            'ق' => &["q", "k", "g", "gh"],
            'ک' => &["k", "c", "ck", "q"],
            'گ' => &["g", "gu"],
            'ل' => &["l"],
            'م' => &["m"],
            'ن' => &["n"],
            'و' => &["v", "w", "u", "o", "ou", "oo", "au"],
            'ه' => &["h", "e", "a", ""],
            'ی' => &["y", "i", "e", "ee", "ai", "ei"],
            'ى' => &["a", "i", "e", "y"],
            'ء' => &[""],
            _ => &[""],
        }
    } else {
        match c {
            'ক' => &["k", "c", "q", "ck"],
            'খ' => &["kh", "k"],
            'গ' => &["g"],
            'ঘ' => &["gh", "g"],
            'ঙ' => &["ng", "n"],
            'চ' => &["ch", "c"],
            'ছ' => &["ch", "chh", "s"],
            'জ' => &["j", "z", "g"],
            'ঝ' => &["jh", "j", "z"],
            'ঞ' | 'ণ' | 'ন' => &["n"],
            'ট' | 'ত' | 'ৎ' => &["t"],
            'ঠ' | 'থ' => &["th", "t"],
            'ড' | 'দ' => &["d"],
            'ঢ' | 'ধ' => &["dh", "d"],
            'প' => &["p"],
            'ফ' => &["f", "ph"],
            'ব' => &["b", "v", "w"],
            'ভ' => &["v", "bh", "w"],
            'ম' => &["m"],
            'য' => &["j", "y", "z", "", "e", "a"],
            'র' | 'ৰ' => &["r"],
            'ল' => &["l"],
            'শ' | 'ষ' => &["sh", "s"],
            'স' => &["s", "c"],
            'হ' => &["h"],
            '\u{09DC}' | '\u{09DD}' => &["r", "d"],
            '\u{09DF}' => &["y", ""],
            'ৱ' => &["w"],
            'ং' => &["ng", "n", "m"],
            'ঃ' | 'ঁ' | '্' => &[""],
            'া' | 'আ' => &["a", "aa"],
            'ি' | 'ী' | 'ই' | 'ঈ' => &["i", "e", "y", "ee"],
            'ু' | 'ূ' | 'উ' | 'ঊ' => &["u", "o", "oo"],
            'ৃ' | 'ঋ' => &["ri", "r"],
            'ে' | 'এ' => &["e", "a", "ay", "ai", "ye"],
            'ৈ' | 'ঐ' => &["oi", "ai"],
            'ো' | 'ও' => &["o", "ou", "w"],
            'ৌ' | 'ঔ' => &["ou", "au"],
            'অ' => &["a", "o", ""],
            _ => &[""],
        }
    }
}

/// The edit distance (Levenshtein, unit costs) of two byte strings; also the character
/// error rate's distance in `cargo xtask eval romanize`.
pub fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The seed cost of letter `c` emitting `chunk`: a reading, possibly misspelt, then vowels.
fn seed_cost(tag: char, c: char, chunk: &[u8]) -> f32 {
    let mut best = f32::MAX;
    for r in seed_readings(tag, c) {
        for split in 0..=chunk.len() {
            let (core, tail) = chunk.split_at(split);
            let mut cost = edit_distance(core, r.as_bytes()) as f32;
            for &t in tail {
                cost += if matches!(t, b'a' | b'e' | b'i' | b'o' | b'u') { 0.3 } else { 1.2 };
            }
            best = best.min(cost);
        }
    }
    best
}

// ---------------------------------------------------------------------------------------
// Training

/// Chunk counts per (script tag, letter), the alignment model of one EM round.
type Emission = HashMap<(char, char), HashMap<String, u32>>;
/// Seed costs already computed, per (script tag, letter, chunk).
type SeedCache = HashMap<(char, char, Vec<u8>), f32>;

/// Aligns one native word to one Latin word; returns the cost and the chunks.
fn align(tag: char, w: &[char], latin: &[u8], em: Option<&Emission>, cache: &mut SeedCache) -> (f32, Vec<String>) {
    let (n, m) = (w.len(), latin.len());
    let mut cost = vec![f32::MAX; (n + 1) * (m + 1)];
    let mut back = vec![0usize; (n + 1) * (m + 1)];
    cost[0] = 0.0;
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in 0..n {
        let counts = em.and_then(|e| e.get(&(tag, w[i])));
        let total: u32 = counts.map_or(0, |c| c.values().sum());
        for j in 0..=m {
            let base = cost[at(i, j)];
            if base == f32::MAX {
                continue;
            }
            for k in 0..=MAX_CHUNK.min(m - j) {
                let chunk = &latin[j..j + k];
                let seed = *cache.entry((tag, w[i], chunk.to_vec())).or_insert_with(|| seed_cost(tag, w[i], chunk));
                let c = match em {
                    None => seed,
                    Some(_) => {
                        let n_c = counts
                            .and_then(|c| c.get(std::str::from_utf8(chunk).unwrap_or_default()))
                            .copied()
                            .unwrap_or(0);
                        let prior = (-2.0 * seed).exp();
                        -((n_c as f32 + prior) / (total as f32 + 1.0)).ln()
                    }
                };
                let t = at(i + 1, j + k);
                if base + c < cost[t] {
                    cost[t] = base + c;
                    back[t] = k;
                }
            }
        }
    }
    let total = cost[at(n, m)];
    let mut chunks = vec![String::new(); n];
    let mut j = m;
    for i in (1..=n).rev() {
        let k = back[at(i, j)];
        chunks[i - 1] = String::from_utf8_lossy(&latin[j - k..j]).into_owned();
        j -= k;
    }
    (total, chunks)
}

/// A word pair of the training data: script tag, native letters, Latin letters.
type WordPair = (char, Vec<char>, Vec<u8>);

/// Word pairs of the training data.
fn word_pairs(pairs: &[Pair], cache: &mut SeedCache) -> Vec<WordPair> {
    let mut out = Vec::new();
    for p in pairs {
        let Some((tag, words)) = native_words(&p.native) else { continue };
        // The Latin form with the same number of words that aligns most cheaply.
        let mut best: Option<(f32, Vec<WordPair>)> = None;
        for l in &p.latin {
            let lw = latin_words(l);
            if lw.len() != words.len() || lw.is_empty() {
                continue;
            }
            let mut cost = 0.0;
            let mut len = 0;
            let mut ws = Vec::new();
            for (nw, l) in words.iter().zip(&lw) {
                cost += align(tag, nw, l.as_bytes(), None, cache).0;
                len += l.len();
                ws.push((tag, nw.clone(), l.as_bytes().to_vec()));
            }
            let per = cost / len.max(1) as f32;
            if per <= MAX_SEED_COST && best.as_ref().is_none_or(|(b, _)| per < *b) {
                best = Some((per, ws));
            }
        }
        if let Some((_, ws)) = best {
            out.extend(ws);
        }
    }
    out
}

impl Model {
    /// Learns a model from name pairs (see the module documentation). Deterministic: the
    /// same pairs in the same order give the same model.
    pub fn train(pairs: &[Pair]) -> Model {
        Model::train_with_names(pairs, &[])
    }

    /// [`Model::train`], with a list of Latin name words besides the words of the pairs:
    /// `(word, weight)`, the word in lower-case ASCII letters, the weight its frequency
    /// among names (1 or more). An Arabic-script or Bengali word of the same comparison key
    /// may be read as one of them (`Model::pick`); they teach the chunks nothing.
    pub fn train_with_names(pairs: &[Pair], names: &[(String, u32)]) -> Model {
        let mut cache = SeedCache::new();
        let words = word_pairs(pairs, &mut cache);
        let mut em: Option<Emission> = None;
        let mut aligned: Vec<Vec<String>> = Vec::new();
        for _ in 0..=EM_ROUNDS {
            aligned = words.iter().map(|(tag, w, l)| align(*tag, w, l, em.as_ref(), &mut cache).1).collect();
            let mut next: Emission = HashMap::new();
            for ((tag, w, _), chunks) in words.iter().zip(&aligned) {
                for (c, ch) in w.iter().zip(chunks) {
                    *next.entry((*tag, *c)).or_default().entry(ch.clone()).or_default() += 1;
                }
            }
            em = Some(next);
        }
        let mut table: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        for ((tag, w, _), chunks) in words.iter().zip(&aligned) {
            for (i, ch) in chunks.iter().enumerate() {
                let prev = if i == 0 { "^" } else { chunks[i - 1].as_str() };
                for order in 0..ORDERS.len() {
                    *table.entry(context_key(*tag, order, w, i, prev)).or_default().entry(ch.clone()).or_default() += 1;
                }
            }
        }
        // The joint model: each chunk after the (letter, chunk) pairs before it.
        for ((tag, w, _), chunks) in words.iter().zip(&aligned) {
            for (i, ch) in chunks.iter().enumerate() {
                for g in 1..=GRAPH_ORDER {
                    let key = graph_key(*tag, g, w, i, |j| chunks[j].as_str());
                    *table.entry(key).or_default().entry(ch.clone()).or_default() += 1;
                }
            }
        }
        // Contexts seen once teach little beyond their narrower contexts: dropping them
        // keeps the shipped table small.
        let keep = |k: &str, v: &BTreeMap<String, u32>| {
            // The joint model's contexts as well (its histories back off to the letter).
            if k.as_bytes().get(1) == Some(&b'G') {
                return v.values().sum::<u32>() >= MIN_CONTEXT;
            }
            let order = k.as_bytes().get(1).map_or(0, |b| b.wrapping_sub(b'0')) as usize;
            let o = ORDERS[order.min(ORDERS.len() - 1)];
            let min = if k.starts_with('b') { MIN_CONTEXT_BN } else { MIN_CONTEXT };
            o.left + o.right <= if o.classes { 2 } else { 1 } || v.values().sum::<u32>() >= min
        };
        let mut table: HashMap<String, Vec<(String, u32)>> =
            table.into_iter().filter(|(k, v)| keep(k, v)).map(|(k, v)| (k, v.into_iter().collect())).collect();
        // The Latin letter model: the letters of the Latin words that were learnt from, each
        // after up to LM_HISTORY letters (`^` before the word), and the word's end (an empty
        // chunk), per script.
        let mut lm: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        for (tag, _, l) in &words {
            let padded: Vec<u8> = std::iter::repeat_n(b'^', LM_HISTORY).chain(l.iter().copied()).collect();
            for i in LM_HISTORY..=padded.len() {
                let next = padded.get(i).map_or(String::new(), |&b| char::from(b).to_string());
                for h in 0..=LM_HISTORY {
                    *lm.entry(lm_key(*tag, &padded[i - h..i])).or_default().entry(next.clone()).or_default() += 1;
                }
            }
        }
        table.extend(
            lm.into_iter()
                .filter(|(k, v)| k.len() < 4 || v.values().sum::<u32>() >= LM_MIN)
                .map(|(k, v)| (k, v.into_iter().collect())),
        );
        // The words learnt from, each with the Latin words it was paired with: a word seen
        // is read as it was most often written. Only words the chunks read otherwise are
        // kept (the answer is the same, the table smaller).
        let mut seen: BTreeMap<(char, String), BTreeMap<String, u32>> = BTreeMap::new();
        for (tag, w, l) in &words {
            let latin = String::from_utf8_lossy(l).into_owned();
            *seen.entry((*tag, w.iter().collect())).or_default().entry(latin).or_default() += 1;
        }
        // The known Latin words by their comparison key ([`Model::pick`]): the words learnt
        // from, per script, and the name list, once for both.
        let mut dictionary: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        let known = words
            .iter()
            .map(|(tag, _, l)| (*tag, String::from_utf8_lossy(l).into_owned(), 1))
            .chain(names.iter().map(|(w, n)| (NAMES_TAG, w.clone(), (*n).max(1))));
        for (tag, latin, n) in known {
            if let Some(key) = latin_key(&latin) {
                *dictionary.entry(dictionary_key(tag, &key)).or_default().entry(latin).or_default() += n;
            }
        }
        table.extend(dictionary.into_iter().map(|(k, v)| (k, v.into_iter().collect())));
        let mut model = Model { table };
        let mut memory = Vec::new();
        for ((tag, w), latin) in seen {
            let v: Vec<(String, u32)> = latin.into_iter().collect();
            let script = tag_script(tag);
            if model.word(&w, script, false).as_deref() != most_frequent(&v) {
                memory.push((memory_key(tag, &w.chars().collect::<Vec<_>>()), v));
            }
        }
        model.table.extend(memory);
        model
    }

    /// The model as a table: one `context<TAB>chunk:count chunk:count…` line per context,
    /// sorted (an empty chunk is written as nothing before its colon).
    pub fn to_tsv(&self) -> String {
        let mut keys: Vec<&String> = self.table.keys().collect();
        keys.sort();
        let mut s = String::new();
        for k in keys {
            s.push_str(k);
            s.push('\t');
            for (j, (chunk, n)) in self.table[k].iter().enumerate() {
                if j > 0 {
                    s.push(' ');
                }
                let _ = write!(s, "{chunk}:{n}");
            }
            s.push('\n');
        }
        s
    }

    /// Reads a model written by [`Model::to_tsv`]; lines starting with `#` are comments.
    pub fn from_tsv(text: &str) -> Result<Model, ModelError> {
        let mut table: HashMap<String, Vec<(String, u32)>> = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| ModelError { line: i + 1, message: message.to_owned() };
            let Some((k, entries)) = line.split_once('\t') else {
                return Err(err("expected a context, a tab and chunk:count entries"));
            };
            let mut v = Vec::new();
            for e in entries.split(' ') {
                let Some((chunk, n)) = e.rsplit_once(':') else {
                    return Err(err("an entry is not chunk:count"));
                };
                let n: u32 = n.parse().map_err(|_| err("count is not a number"))?;
                if !chunk.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Err(err("chunk is not lower-case ASCII letters"));
                }
                v.push((chunk.to_owned(), n));
            }
            v.sort();
            if table.insert(k.to_owned(), v).is_some() {
                return Err(err("context listed twice"));
            }
        }
        Ok(Model { table })
    }

    /// A table written by [`Model::to_tsv`] (with any `#` comment lines), deflated as it is
    /// shipped: the text compresses to under a third, and inflating it takes a few
    /// milliseconds of the model's load.
    pub fn pack(tsv: &str) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec(tsv.as_bytes(), PACK_LEVEL)
    }

    /// Reads a model written by [`Model::pack`].
    pub fn from_packed(bytes: &[u8]) -> Result<Model, ModelError> {
        let err = |message: String| ModelError { line: 0, message };
        let text = miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_UNPACKED)
            .map_err(|e| err(format!("not a deflated table: {e}")))?;
        let text = String::from_utf8(text).map_err(|_| err("the inflated table is not UTF-8".to_owned()))?;
        Model::from_tsv(&text)
    }

    /// The shipped model (`data/romanize.tsv.deflate`, the table of [`Model::to_tsv`]
    /// deflated).
    pub fn builtin() -> &'static Model {
        BUILTIN.get_or_init(|| {
            Model::from_packed(include_bytes!("../data/romanize.tsv.deflate"))
                .expect("the shipped romanization model is valid")
        })
    }

    /// Whether this is the shipped model (without loading it: a model being trained is not).
    fn is_builtin(&self) -> bool {
        BUILTIN.get().is_some_and(|m| std::ptr::eq(self, m))
    }

    /// [`Model::word`], remembered per thread for the shipped model: the words of a long
    /// list repeat, and decoding one costs far more than reading it. The answer is the same.
    pub fn word_remembered(&self, word: &str, script: Script, maqsura: bool) -> Option<String> {
        thread_local! {
            static SEEN: std::cell::RefCell<HashMap<(Script, bool, String), Option<String>>> =
                std::cell::RefCell::new(HashMap::new());
        }
        if !self.is_builtin() {
            return self.word(word, script, maqsura);
        }
        let key = (script, maqsura, word.to_owned());
        if let Some(hit) = SEEN.with(|m| m.borrow().get(&key).cloned()) {
            return hit;
        }
        let out = self.word(word, script, maqsura);
        SEEN.with(|m| {
            let mut m = m.borrow_mut();
            // Bounded: a list of mostly new words is not held whole.
            if m.len() >= 1 << 16 {
                m.clear();
            }
            m.insert(key, out.clone());
        });
        out
    }

    /// Whether the model knows nothing.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    fn count(&self, key: &str, chunk: &str) -> (u32, u32, u32) {
        match self.table.get(key) {
            None => (0, 0, 0),
            Some(v) => {
                let total: u32 = v.iter().map(|x| x.1).sum();
                let c = v.iter().find(|x| x.0 == chunk).map_or(0, |x| x.1);
                (c, total, v.len() as u32)
            }
        }
    }

    /// The Witten–Bell step of one context for `chunk`: `p` from the narrower contexts,
    /// raised by what `v` (the context's chunks and counts) says; `None` for a context never
    /// seen, which leaves `p` as it is.
    fn witten_bell(v: Option<&Chunks>, chunk: &str, p: f64) -> f64 {
        Model::witten_bell_by(v, chunk, p, BACKOFF)
    }

    /// [`Model::witten_bell`] with the context's chunk types counted `backoff` times (1:
    /// plain Witten–Bell).
    fn witten_bell_by(v: Option<&Chunks>, chunk: &str, p: f64, backoff: f64) -> f64 {
        match v {
            None => p,
            Some(v) => {
                let total: u32 = v.iter().map(|x| x.1).sum();
                if total == 0 {
                    return p;
                }
                let c = v.iter().find(|x| x.0 == chunk).map_or(0, |x| x.1);
                let types = backoff * v.len() as f64;
                (f64::from(c) + types * p) / (f64::from(total) + types)
            }
        }
    }

    /// A chunk's probability under the joint model: `p` (its probability after the letter
    /// alone) raised by plain Witten–Bell through the contexts of one and two
    /// (letter, chunk) pairs before (`graph`, narrowest first).
    fn graph_p(graph: &[Option<&Chunks>], chunk: &str, p: f64) -> f64 {
        graph.iter().fold(p, |p, v| Model::witten_bell_by(*v, chunk, p, 1.0))
    }

    /// The Witten–Bell log probability of the Latin letter `next` (`None`: the word's end)
    /// after `out` (the letters so far, `^` padded).
    fn lm_logp(&self, tag: char, out: &[u8], next: Option<u8>) -> f64 {
        let next = next.map_or(String::new(), |b| char::from(b).to_string());
        let mut p = 1.0 / 27.0;
        for h in 0..=LM_HISTORY {
            let (c, total, types) = self.count(&lm_key(tag, &out[out.len() - h..]), &next);
            if total == 0 {
                break;
            }
            p = (f64::from(c) + f64::from(types) * p) / f64::from(total + types);
        }
        p.ln()
    }

    /// Romanizes one cleaned native word of the given script, lower case; `None` when the
    /// script is not learnt, a letter was never seen or the word is longer than
    /// 64 letters (`MAX_WORD`) (no name is; the pick of least Bayes risk compares whole
    /// outputs, quadratic in their length). A beam search over the chunks of
    /// the letters, each chunk conditioned on its letter's context and the chunk before.
    /// `maqsura`: the name as written ends its words in ى, not ي ([`writes_maqsura`]), so a
    /// final ی is read as that letter.
    ///
    /// Each chunk's probability is computed once per letter from the contexts that do not
    /// involve the chunk before (they are the same for every hypothesis of the beam), and the
    /// letter model's answers are remembered for the word: the arithmetic is that of
    /// scoring every hypothesis from scratch, done once.
    pub fn word(&self, word: &str, script: Script, maqsura: bool) -> Option<String> {
        let tag = script_tag(script)?;
        let mut w = phon::bengali_letters(word);
        if w.len() > MAX_WORD {
            return None;
        }
        if maqsura {
            final_maqsura(&mut w);
        }
        if let Some(v) = self.table.get(&memory_key(tag, &w)) {
            return most_frequent(v).map(str::to_owned);
        }
        let beam = self.search(tag, &w, None)?;
        self.pick(tag, word, &w, beam)
    }

    /// The beam search of [`Model::word`]: the hypotheses left after the last letter (log
    /// probability, output after `LM_HISTORY` bytes of padding, its letter model log
    /// probability), best first; with `only` (a padded output), only that output's.
    fn search(&self, tag: char, w: &[char], only: Option<&[u8]>) -> Option<Vec<(f64, String, f64)>> {
        /// Letter-model answers remembered per thread, at most.
        const LM_REMEMBERED: usize = 1 << 18;
        thread_local! {
            /// The shipped model's letter-model answers (see `lm_key_bits`).
            static LM: std::cell::RefCell<HashMap<u64, f64>> = std::cell::RefCell::new(HashMap::new());
        }
        let pad = "^".repeat(LM_HISTORY);
        // (log probability, output, the last chunks, latest first, letter model log probability)
        let mut beam: Vec<(f64, String, [&str; GRAPH_ORDER], f64)> = vec![(0.0, pad, ["^"; GRAPH_ORDER], 0.0)];
        // The letter model's answers depend on the last LM_HISTORY letters and the next one
        // only: for the shipped model they are kept per thread, for another model per word.
        let builtin = self.is_builtin();
        let mut local: HashMap<u64, f64> = HashMap::new();
        let mut lm_logp = |out: &[u8], next: Option<u8>| -> f64 {
            let h = &out[out.len() - LM_HISTORY..];
            let key = h.iter().fold(u64::from(u32::from(tag)), |k, &b| k << 8 | u64::from(b)) << 8
                | u64::from(next.unwrap_or(0));
            let compute = || self.lm_logp(tag, out, next);
            if builtin {
                LM.with(|m| {
                    let mut m = m.borrow_mut();
                    if let Some(&p) = m.get(&key) {
                        return p;
                    }
                    // Bounded: a corpus of many names would otherwise keep every history
                    // the 5-gram met (85 MB more at 10,000 documents).
                    if m.len() >= LM_REMEMBERED {
                        m.clear();
                    }
                    let p = compute();
                    m.insert(key, p);
                    p
                })
            } else {
                *local.entry(key).or_insert_with(compute)
            }
        };
        // Only the widest context involves the chunk before.
        debug_assert!(ORDERS[0].prev && ORDERS[1..].iter().all(|o| !o.prev));
        for i in 0..w.len() {
            let cands = self.table.get(&context_key(tag, ORDERS.len() - 1, w, i, ""))?;
            // Each chunk's probability under the contexts without the chunk before, from the
            // letter alone up to the widest, as `prob` chained them.
            let narrow: Vec<Option<&Chunks>> =
                (1..ORDERS.len()).rev().map(|order| self.table.get(&context_key(tag, order, w, i, ""))).collect();
            // With `only`, a chunk that extends no hypothesis towards it is not scored.
            let fits = |chunk: &str| {
                only.is_none_or(|t| {
                    beam.iter().any(|h| t.get(h.1.len()..).is_some_and(|r| r.starts_with(chunk.as_bytes())))
                })
            };
            let partial: Vec<f64> =
                cands
                    .iter()
                    .map(|(chunk, _)| {
                        if fits(chunk) { narrow.iter().fold(0.0, |p, v| Model::witten_bell(*v, chunk, p)) } else { 0.0 }
                    })
                    .collect();
            // The widest context, looked up once per distinct chunk before.
            let mut widest: Vec<(&str, Option<&Chunks>)> = Vec::new();
            let cand_total: f64 = cands.iter().map(|x| f64::from(x.1)).sum();
            let mut next: Vec<(f64, String, [&str; GRAPH_ORDER], f64)> = Vec::with_capacity(beam.len() * cands.len());
            for (score, out, hist, lm) in &beam {
                let prev = hist[0];
                let ctx = match widest.iter().find(|x| x.0 == prev) {
                    Some(x) => x.1,
                    None => {
                        let v = self.table.get(&context_key(tag, 0, w, i, prev));
                        widest.push((prev, v));
                        v
                    }
                };
                // The joint model's contexts of this hypothesis, narrowest first.
                let graph: [Option<&Chunks>; GRAPH_ORDER] =
                    std::array::from_fn(|g| self.table.get(&graph_key(tag, g + 1, w, i, |j| hist[i - 1 - j])));
                for ((chunk, n), &partial) in cands.iter().zip(&partial) {
                    let p = Model::witten_bell(ctx, chunk, partial);
                    if p > 0.0 {
                        let mut o = String::with_capacity(out.len() + chunk.len());
                        o.push_str(out);
                        o.push_str(chunk);
                        if let Some(t) = only
                            && (!t.starts_with(o.as_bytes()) || (i + 1 == w.len() && t.len() != o.len()))
                        {
                            continue;
                        }
                        let mut s = score + p.ln();
                        s += GRAPH_WEIGHT * Model::graph_p(&graph, chunk, f64::from(*n) / cand_total).ln();
                        let mut l = *lm;
                        let start = o.len() - chunk.len();
                        for j in start..o.len() {
                            let x = lm_logp(&o.as_bytes()[..j], Some(o.as_bytes()[j]));
                            s += LM_WEIGHT * x;
                            l += x;
                        }
                        if i + 1 == w.len() {
                            let x = lm_logp(o.as_bytes(), None);
                            s += LM_WEIGHT * x;
                            l += x;
                        }
                        let mut h = [chunk.as_str(); GRAPH_ORDER];
                        h[1..].copy_from_slice(&hist[..GRAPH_ORDER - 1]);
                        next.push((s, o, h, l));
                    }
                }
            }
            prune(&mut next);
            if next.is_empty() {
                return None;
            }
            beam = next;
        }
        Some(beam.into_iter().map(|(s, o, _, l)| (s, o, l)).collect())
    }

    /// The output of [`Model::word`] from the hypotheses of its beam search (log
    /// probability, padded output, letter model log probability, best first): the known
    /// Latin words with the native word's comparison key ([`crate::word_keys`]: consonant
    /// classes, so سبنسر finds spencer) join the beam, the [`KNOWN_CANDIDATES`] most
    /// frequent, each scored as the search scores it alone; every output is then scored by
    /// a Latin word model, half the known words (their relative frequencies) and half the
    /// letter model, in place of the letter model alone (weighted [`KNOWN_WEIGHT`]); then
    /// the pick of least Bayes risk.
    ///
    /// Persons under 5-fold cross-validation (thirteenth session, branches rom17/rom18): fa →
    /// latin CER 0.1579, bn 0.0918 without known words; the Latin words learnt from, found
    /// by their vowelless spelling (branch rom16), fa 0.1576, bn 0.0917; found by the
    /// comparison key, with the 24,003 census name words (`data/latin-names.tsv`) for
    /// Arabic script: fa 0.1530 at weight 0.2 (the letter model's), 0.1474 at 0.4, 0.1426 at
    /// 0.7, 0.1420 at 1.0; for Bengali too, at 0.7, bn 0.0817. With 9,523 words (the 5,000
    /// most frequent surnames) fa 0.1481 at 0.4, with 43,615 (40,000 surnames) 0.1466: the
    /// list's size matters little past 20,000 surnames. Not kept (same measure): the census
    /// words in the letter 5-gram instead, fa 0.160 (the letter model then writes Arabic
    /// names the English way); 20 candidates instead of 10, 0.1530 at 0.2; the words learnt
    /// from weighted 5 against the census weights, 0.1531 at 0.2.
    fn pick(&self, tag: char, word: &str, w: &[char], mut beam: Vec<(f64, String, f64)>) -> Option<String> {
        let pad = LM_HISTORY;
        let words = f64::from(self.count(&lm_key(tag, b""), "").0);
        let script = tag_script(tag);
        // The known words of each key met, looked up once: outputs that differ only in their
        // vowels share a key, and the candidates have the native word's.
        let mut by_key: Vec<(String, Vec<(&str, u32)>)> = Vec::new();
        let mut known_of = |key: String| -> Vec<(&str, u32)> {
            if let Some((_, v)) = by_key.iter().find(|(k, _)| *k == key) {
                return v.clone();
            }
            let v = self.known(tag, &key);
            by_key.push((key, v.clone()));
            v
        };
        if let Some(key) = crate::word_keys(word, script).into_iter().next() {
            let mut known = known_of(key);
            known.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            for (latin, _) in known.into_iter().take(KNOWN_CANDIDATES) {
                if beam.iter().any(|h| &h.1[pad..] == latin) {
                    continue;
                }
                let target = format!("{}{latin}", "^".repeat(pad));
                if let Some(best) = self.search(tag, w, Some(target.as_bytes())).and_then(|b| b.into_iter().next()) {
                    beam.push(best);
                }
            }
        }
        if words > 0.0 {
            for (s, o, l) in &mut beam {
                let o = &o[pad..];
                let c = latin_key(o).map_or(0, |k| known_of(k).iter().filter(|x| x.0 == o).map(|x| x.1).sum());
                if c > 0 {
                    // ln(c / words + p) − ln p, from logs: p underflows for long words.
                    let d = (f64::from(c) / words).ln() - *l;
                    *s += KNOWN_WEIGHT * if d > 30.0 { d } else { d.exp().ln_1p() };
                }
            }
        }
        beam.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        minimum_bayes_risk(&beam, pad)
    }

    /// The known Latin words of a comparison key for the script `tag` (the words learnt
    /// from it and the name list's), each with its count (summed for a word in both), in
    /// the order of the words.
    fn known(&self, tag: char, key: &str) -> Vec<(&str, u32)> {
        let mut known: Vec<(&str, u32)> = [tag, NAMES_TAG]
            .iter()
            .filter_map(|&t| self.table.get(&dictionary_key(t, key)))
            .flatten()
            .map(|(w, n)| (w.as_str(), *n))
            .collect();
        known.sort_unstable();
        known.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 += b.1;
            }
            same
        });
        known
    }
}

/// The comparison key of a Latin word ([`crate::word_keys`]), by which the known words are
/// kept ([`dictionary_key`]).
fn latin_key(latin: &str) -> Option<String> {
    crate::word_keys(latin, Script::Latin).into_iter().next()
}

/// The key of the known Latin words with the comparison key `key`.
fn dictionary_key(tag: char, key: &str) -> String {
    let mut s = String::with_capacity(2 + key.len());
    s.push(tag);
    s.push('D');
    s.push_str(key);
    s
}

/// The key of a word's entry in the memory of words learnt from.
fn memory_key(tag: char, w: &[char]) -> String {
    let mut s = String::with_capacity(2 + 3 * w.len());
    s.push(tag);
    s.push('W');
    s.extend(w);
    s
}

/// The Latin word most often paired with a word; of equally frequent ones the first in byte
/// order.
fn most_frequent(v: &[(String, u32)]) -> Option<&str> {
    v.iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|x| x.0.as_str())
}

/// Keeps the [`BEAM`] best hypotheses (score, output, last chunk), best first; ties by the
/// output and the chunk, so the result does not depend on table order.
fn prune<C: Ord, X>(next: &mut Vec<(f64, String, C, X)>) {
    next.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)).then_with(|| a.2.cmp(&b.2)));
    next.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
    next.truncate(BEAM);
}

/// Minimum Bayes risk: of the outputs left in the beam (best first, each after `pad` bytes
/// of padding), the one of least expected edit distance to the others, each weighted by
/// its probability. The character error rate is an edit distance, and the beam's outputs
/// often agree on most letters.
///
/// Rerankers of the beam did not beat it (branch rom15i, persons under 5-fold CV, fa → latin
/// 0.162 with this pick): on the 1,111 one-word rows the memory does not answer, the English
/// form is in the beam for 835, first for 467, this pick for 477; the misses are mostly
/// vowels (i for e, u for o and o for u, a vowel left out). Linear rerankers with weights
/// fitted on the other folds' beams, over the log posterior, this risk, a letter trigram of
/// the Latin forms of the 20 training words nearest in native letter n-grams, whether the
/// output is a Latin word learnt from, length, vowel and consonant-run counts: 0.162 to 0.165
/// (argmax or this risk under the reranked scores); a whole-word class (ع ح ص ض ط ظ ق ث ذ ة;
/// else پ چ ژ گ; else neither) as a context beside the letter and its neighbours: 0.164.
///
/// Branch rom15j, same measure, before the joint model (0.1616): this pick over
/// probabilities raised to the power 0.5, 0.1628, to the power 2, 0.1644; a beam of 32,
/// 0.1608 (0.1594 with the joint model, as with 16); 6 rounds of hard EM, 0.1621; merging
/// hypotheses of the same output and last chunk (log-sum-exp) before pruning, no change;
/// with the joint model, the letter model's weight 0.1 or 0.3, 0.1616 and 0.1607.
///
/// Branch rom15k, same measure, from fa → latin 0.1579 (bn 0.0936), none kept: the name's
/// spelling (Arabic, Urdu or Persian letters, [`crate::Orthography::detect`] before
/// cleaning) in two more contexts, the letter alone and the letter between its neighbours,
/// 0.1578; with a Latin letter model per spelling on top of the shared one as well, 0.1604;
/// a bonus per Latin vowel written of ±0.3 (in log probability), 0.1591 and 0.1587, per
/// Latin letter +0.3, 0.1589; the letter model's word end weighted 0.5, 0.1610; absolute
/// discounting (0.7) in the letter model instead of Witten–Bell, 0.1592; learning from
/// every Latin form of a pair that aligns cheaply enough, not the cheapest, 0.1668 (bn
/// 0.0964); choosing each pair's Latin form anew under each EM round's chunk model, 0.1580
/// (bn 0.0924); a seed cost limit of 0.3, 0.1581; learning from persons and the lexicon
/// alone, 0.1591; of the beam, only outputs keeping the rules' vowel groups, 0.1585 (the
/// rules' reading when none is: 0.1579); no check of vowel groups at all, 0.1588 (bn
/// 0.0922). After Bengali's pruning (bn 0.0918): the chunk before as a class (vowel,
/// consonant, none) in one more context, 0.1583 (bn 0.0925); the seed prior of the EM
/// rounds e^(−1 × cost) or e^(−4 × cost), not e^(−2 × cost), 0.1590 and 0.1580; 1 or 2
/// rounds of EM, 0.1578 and 0.1574 (bn 0.0925 and 0.0917; places fa 0.2798 at 2, from
/// 0.2797).
///
/// Branch rom16, same measure, from fa → latin 0.1579 (bn 0.0918): a mixture of Latin letter
/// models by the names' origin, none kept. The Latin words learnt from were clustered
/// without labels by soft EM over a mixture of letter n-gram models, each class given a
/// 5-gram of its own words, and a reading scored by their mixture (each class weighted by
/// its share of the words and by how well it reads the whole output, so the letters of a
/// word agree on one origin). With letter trigram clusters (4 classes, 20 rounds from
/// near-uniform starts; they came out mixed, not by origin, and so after 60 rounds from
/// less uniform starts), 0.1591 (bn 0.0923). With letter bigram clusters (60 rounds from
/// hashed random starts; one class plainly Japanese, nagatani, sumidagawa, tomonobu, one
/// mostly Arabic, one mostly English and Chinese, one mostly European): 4 classes
/// 0.1598 (bn 0.0928); each class's model averaged with the shared one, 0.1603 (bn 0.0927);
/// 2 classes, 0.1604 (bn 0.0923); one class, the shared model, 0.1579 (the check of the
/// mixture's code). Splitting the letter model's counts costs more than the agreement on
/// one origin gains. Also on rom16: the Latin words learnt from (training folds only)
/// joining the beam where their consonants (vowels dropped, doubles written once) match an
/// output's, each scored by a search limited to that word, and the Latin score half their
/// frequency, half the letter 5-gram: 0.1576 (bn 0.0917; places fa 0.2794 from 0.2797),
/// the known words at full weight 0.1577, from every Latin form of a pair 0.1579, y and w
/// as vowels in the key 0.1576. Not merged then: 0.0003 for a shipped table of 239 KB
/// instead of 207 KB and 25 % more CPU in `names normalize --vowels`; only 66 of the rows it
/// misses have an English form seen in another row. The census name list and the
/// comparison key are what made known words pay ([`Model::pick`]).
fn minimum_bayes_risk(beam: &[(f64, String, f64)], pad: usize) -> Option<String> {
    let mut outs: BTreeMap<&str, f64> = BTreeMap::new();
    let top = beam.first()?.0;
    for (sc, o, _) in beam {
        *outs.entry(&o[pad..]).or_default() += (sc - top).exp();
    }
    let mut best: Option<(f64, &str)> = None;
    for h in outs.keys() {
        let risk: f64 = outs.iter().map(|(o, p)| p * edit_distance(h.as_bytes(), o.as_bytes()) as f64).sum();
        // Ties go to the first output in byte order: the same answer on every run.
        if best.is_none_or(|(r, _)| risk < r - 1e-12) {
            best = Some((risk, h));
        }
    }
    best.map(|b| b.1.to_owned())
}

/// Whether a learnt romanization keeps at least the vowel groups of the letter rules' one:
/// a word whose model reading drops a written vowel (ল্যাভরভ read "Lavrv") is not shown.
pub fn keeps_vowels(learnt: &str, rules: &str) -> bool {
    fn groups(s: &str) -> usize {
        let mut n = 0;
        let mut in_vowel = false;
        for c in s.bytes().map(|b| b.to_ascii_lowercase()) {
            let v = matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
            if v && !in_vowel {
                n += 1;
            }
            in_vowel = v;
        }
        n
    }
    groups(learnt) >= groups(rules)
}

/// A word romanized by [`Model::word`], capitalised.
pub fn capitalised(word: Option<String>) -> Option<String> {
    let w = word?;
    let mut chars = w.chars();
    let first = chars.next()?;
    Some(first.to_ascii_uppercase().to_string() + chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Name;

    fn pair(native: &str, latin: &str) -> Pair {
        Pair { native: native.to_owned(), latin: vec![latin.to_owned()] }
    }

    #[test]
    fn learns_unwritten_vowels_from_pairs() {
        let pairs = [
            pair("مسعود", "Masoud"),
            pair("محمود", "Mahmoud"),
            pair("مسعود رجوی", "Massoud Rajavi"),
            pair("مراکش", "Marrakesh"),
            pair("مصر", "Egypt"),
        ];
        let m = Model::train(&pairs);
        assert_eq!(m.word("مسعود", Script::Arabic, false).as_deref(), Some("masoud"));
        // The exonym pair is not a transliteration and teaches nothing.
        assert!(!m.to_tsv().contains("egypt") && !m.to_tsv().contains("gypt"));
        // A letter never seen gives no reading.
        assert_eq!(m.word("ژ", Script::Arabic, false), None);
        assert_eq!(Model::from_tsv(&m.to_tsv()).unwrap(), m);
        assert_eq!(Model::from_packed(&Model::pack(&m.to_tsv())).unwrap(), m);
    }

    #[test]
    fn a_word_seen_is_read_as_most_often_written() {
        // ف is f in every other word, so the chunks alone read ژوزف with an f; the pairs
        // write it Joseph twice and Josef once.
        let pairs = [
            pair("ژوزف", "Joseph"),
            pair("ژوزف", "Joseph"),
            pair("ژوزف", "Josef"),
            pair("فرید", "Farid"),
            pair("یوسف", "Yusuf"),
            pair("شریف", "Sharif"),
            pair("فرزاد", "Farzad"),
            pair("نجف", "Najaf"),
        ];
        let m = Model::train(&pairs);
        assert_eq!(m.word("ژوزف", Script::Arabic, false).as_deref(), Some("joseph"));
        // Only words the chunks read otherwise are remembered.
        let chunks_only = Model {
            table: m.table.iter().filter(|(k, _)| !k.starts_with("aW")).map(|(k, v)| (k.clone(), v.clone())).collect(),
        };
        for (k, v) in m.table.iter().filter(|(k, _)| k.starts_with("aW")) {
            let w: String = k.chars().skip(2).collect();
            assert_ne!(chunks_only.word(&w, Script::Arabic, false).as_deref(), most_frequent(v), "{k}");
        }
        // A remembered word is read as most often written, whatever the chunks say; equally
        // frequent forms go to the first in byte order.
        let mut with = chunks_only.clone();
        with.table.insert(memory_key('a', &['ن', 'ج', 'ف']), vec![("nadjaf".into(), 3), ("nedjef".into(), 1)]);
        assert_eq!(with.word("نجف", Script::Arabic, false).as_deref(), Some("nadjaf"));
        with.table.insert(memory_key('a', &['ن', 'ج', 'ف']), vec![("nadjaf".into(), 2), ("nedjef".into(), 2)]);
        assert_eq!(with.word("نجف", Script::Arabic, false).as_deref(), Some("nadjaf"));
        assert_eq!(chunks_only.word("نجف", Script::Arabic, false).as_deref(), Some("najaf"));
        assert_eq!(Model::from_tsv(&with.to_tsv()).unwrap(), with);
    }

    #[test]
    fn a_final_alif_maqsura_is_a_letter_of_its_own() {
        // Cleaning folds ى and ي into ی; written ى, a word's final letter reads a.
        let pairs = [
            pair("موسى", "Musa"),
            pair("ليلى", "Laila"),
            pair("منى", "Mona"),
            pair("سلمى", "Salma"),
            pair("ناجي", "Naji"),
            pair("سامي", "Sami"),
            pair("هاني", "Hani"),
            pair("رامي", "Rami"),
        ];
        let m = Model::train(&pairs);
        assert!(writes_maqsura("موسى") && !writes_maqsura("سامي") && !writes_maqsura("سامی"));
        // Words not learnt from: only the final letter is asked about.
        let last = |w: Option<String>| w.and_then(|w| w.chars().last());
        assert_eq!(last(m.word("رانی", Script::Arabic, true)), Some('a'));
        assert_eq!(last(m.word("رانی", Script::Arabic, false)), Some('i'));
        assert_eq!(last(Some(Name::new("رانى").romanize_with(&m))), Some('a'));
        assert_eq!(last(Some(Name::new("راني").romanize_with(&m))), Some('i'));
    }

    #[test]
    fn known_words_are_kept_by_their_comparison_key() {
        let key = latin_key("hermann").unwrap();
        assert_eq!(latin_key("herman").as_ref(), Some(&key));
        assert_eq!(latin_key("aoi"), None);
        let names = [("herman".to_owned(), 3)];
        let m = Model::train_with_names(&[pair("هرمان", "Hermann"), pair("مسعود", "Masoud")], &names);
        // The name list is known once for both scripts, beside the words learnt from each.
        assert_eq!(m.table.get(&dictionary_key('a', &key)), Some(&vec![("hermann".to_owned(), 1)]));
        assert_eq!(m.table.get(&dictionary_key(NAMES_TAG, &key)), Some(&vec![("herman".to_owned(), 3)]));
        assert_eq!(m.known('a', &key), [("herman", 3), ("hermann", 1)]);
        assert_eq!(m.known('b', &key), [("herman", 3)]);
    }

    #[test]
    fn class_contexts_name_the_neighbours_by_kind() {
        let w: Vec<char> = "سلمان".chars().collect();
        let class_order = ORDERS.iter().position(|o| o.classes && o.left == 2).unwrap();
        assert_eq!(context_key('a', class_order, &w, 0, ""), format!("a{class_order}^^|س|CC"));
        assert_eq!(context_key('a', class_order, &w, 2, ""), format!("a{class_order}CC|م|AC"));
    }

    /// The decoder as first written: every hypothesis scored from scratch, every context
    /// looked up anew. [`Model::word`] must give exactly its answers.
    fn reference_word(m: &Model, word: &str, script: Script) -> Option<String> {
        let prob = |tag: char, w: &[char], i: usize, prev: &str, chunk: &str| -> f64 {
            let mut p = 0.0f64;
            for order in (0..ORDERS.len()).rev() {
                let (c, total, types) = m.count(&context_key(tag, order, w, i, prev), chunk);
                if total == 0 {
                    continue;
                }
                let t = BACKOFF * f64::from(types);
                p = (f64::from(c) + t * p) / (f64::from(total) + t);
            }
            p
        };
        let tag = script_tag(script)?;
        let w = phon::bengali_letters(word);
        if let Some(v) = m.table.get(&memory_key(tag, &w)) {
            return most_frequent(v).map(str::to_owned);
        }
        // The joint model: the letter alone, then one and two (letter, chunk) pairs before;
        // `hist` holds the chunks before letter `i`, latest first.
        let graph = |tag: char, w: &[char], i: usize, hist: &[String], chunk: &str| -> f64 {
            let (c, total, _) = m.count(&context_key(tag, ORDERS.len() - 1, w, i, ""), chunk);
            let mut p = f64::from(c) / f64::from(total);
            for g in 1..=GRAPH_ORDER {
                let (c, total, types) = m.count(&graph_key(tag, g, w, i, |j| hist[i - 1 - j].as_str()), chunk);
                if total > 0 {
                    p = (f64::from(c) + f64::from(types) * p) / f64::from(total + types);
                }
            }
            p
        };
        let pad = "^".repeat(LM_HISTORY);
        // (log probability, output, the last chunks, letter model log probability)
        let mut beam: Vec<(f64, String, Vec<String>, f64)> =
            vec![(0.0, pad.clone(), vec!["^".to_owned(); GRAPH_ORDER], 0.0)];
        for i in 0..w.len() {
            let cands = m.table.get(&context_key(tag, ORDERS.len() - 1, &w, i, ""))?;
            let mut next: Vec<(f64, String, Vec<String>, f64)> = Vec::new();
            for (score, out, hist, lm) in &beam {
                for (chunk, _) in cands {
                    let p = prob(tag, &w, i, &hist[0], chunk);
                    if p > 0.0 {
                        let o = format!("{out}{chunk}");
                        let mut s = score + p.ln();
                        s += GRAPH_WEIGHT * graph(tag, &w, i, hist, chunk).ln();
                        let mut l = *lm;
                        for j in o.len() - chunk.len()..o.len() {
                            let x = m.lm_logp(tag, &o.as_bytes()[..j], Some(o.as_bytes()[j]));
                            s += LM_WEIGHT * x;
                            l += x;
                        }
                        if i + 1 == w.len() {
                            let x = m.lm_logp(tag, o.as_bytes(), None);
                            s += LM_WEIGHT * x;
                            l += x;
                        }
                        let mut h = vec![chunk.clone()];
                        h.extend(hist[..GRAPH_ORDER - 1].iter().cloned());
                        next.push((s, o, h, l));
                    }
                }
            }
            prune(&mut next);
            if next.is_empty() {
                return None;
            }
            beam = next;
        }
        // The words learnt from and the pick: those of the decoder, which only rescore and
        // add to the beam.
        m.pick(tag, word, &w, beam.into_iter().map(|(s, o, _, l)| (s, o, l)).collect())
    }

    #[test]
    fn decoding_once_per_letter_gives_the_reference_answers() {
        // Bengali and Arabic-script words of the lexicon and of synthetic names, with the
        // shipped model (whose letter-model answers are kept per thread) and a small trained
        // one (kept per word); each word twice, so remembered answers are checked too.
        let lex = crate::lexicon::Lexicon::builtin();
        let mut words: Vec<(String, Script)> = Vec::new();
        let synth = crate::synth::names(400, 7);
        let forms = lex.variants().map(|(v, _, s)| (v.to_owned(), s)).chain(
            synth.iter().flat_map(|n| [Script::Bengali, Script::Arabic].map(|s| (n.in_script(s).to_owned(), s))),
        );
        for (form, script) in forms {
            if matches!(script, Script::Bengali | Script::Arabic) {
                words.extend(phon::tokens(&normalize(&form)).map(|t| (t.to_owned(), script)));
            }
        }
        // An even sample, to keep the unoptimized test build quick.
        let step = words.len() / 600 + 1;
        let words: Vec<(String, Script)> = words.into_iter().step_by(step).collect();
        assert!(words.len() > 300, "{}", words.len());
        let trained =
            Model::train(&[pair("مسعود", "Masoud"), pair("محمود", "Mahmoud"), pair("مسعود رجوی", "Massoud Rajavi")]);
        let mut some = 0;
        for _ in 0..2 {
            for (w, s) in &words {
                let want = reference_word(Model::builtin(), w, *s);
                some += usize::from(want.is_some());
                assert_eq!(Model::builtin().word(w, *s, false), want, "{w}");
                assert_eq!(trained.word(w, *s, false), reference_word(&trained, w, *s), "{w}");
            }
        }
        assert!(some > words.len(), "{some} of {}", 2 * words.len());
    }

    #[test]
    fn bad_model_lines_are_located() {
        let e = Model::from_tsv("a5|x|\tab:3 :1\nbroken line\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(Model::from_tsv("k\tAB:1\n").is_err());
        assert!(Model::from_tsv("k\tab:x\n").is_err());
        // A shipped table that is not deflated, or not a table once inflated.
        assert!(Model::from_packed(b"not deflated").is_err());
        assert!(Model::from_packed(&Model::pack("broken line\n")).is_err());
        assert!(Model::from_packed(&[]).is_err());
    }
}
