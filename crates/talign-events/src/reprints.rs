//! Reprints: one text published again under another address, in any language.
//!
//! A wire story reprinted by a dozen sites keeps its sentences word for word while each
//! site adds its own menus, related headlines and footers, and a page may be cut at a
//! different point. So two documents are a reprint pair when most of the word 4-grams
//! ("shingles") of the shorter one are in the longer one: containment, not resemblance of
//! the whole pages. Lines that many documents share (site furniture, see
//! [`crate::furniture`]) are left out before the shingles are taken.
//!
//! Only a sample of the shingles is kept (those whose hash is 0 modulo [`SAMPLE`]: two
//! documents that share a long passage share sampled shingles too, in proportion), in an
//! inverted index that gives the candidate pairs and, by counting, their containment. A
//! shingle found in more than [`MAX_POSTING`] documents is boilerplate (a standard
//! paragraph, a sentence every page of a generated corpus repeats) and counts for nothing. No crate was used: the maintained MinHash crates
//! estimate resemblance (Jaccard), which a page cut short or padded with furniture fails,
//! and sampling by value keeps containment estimable in a hundred lines.

use crate::{HashMap, HashMapExt};

use rayon::prelude::*;

use crate::align::{FNV64_START, fnv64_extend};

/// Words per shingle.
pub const SHINGLE: usize = 4;
/// One shingle in this many is indexed.
pub const SAMPLE: u64 = 4;
/// Sampled shingles in more documents than this are boilerplate.
pub const MAX_POSTING: usize = 64;
/// Share of the shorter document's shingles found in the longer one for a reprint.
pub const MIN_CONTAINMENT: f32 = 0.5;
/// Documents with fewer shingles than this are too short to call copies.
pub const MIN_SHINGLES: usize = 12;
/// Documents with fewer sampled shingles (boilerplate aside) than this are too short too.
pub const MIN_SAMPLED: usize = 3;

/// A reprint pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reprint {
    /// One document (corpus index).
    pub left: u32,
    /// The other, later in the corpus.
    pub right: u32,
    /// Share of the shorter document's shingles found in the longer one.
    pub containment: f32,
}

/// The sorted, distinct shingle hashes of a text (its words folded: lower case, Arabic
/// letters to their Persian forms, digits to ASCII).
pub fn shingles(text: &str) -> Vec<u64> {
    shingles_folded(&talign_names::Folded::new(text))
}

/// [`shingles`] of a text already folded.
pub(crate) fn shingles_folded(folded: &talign_names::Folded) -> Vec<u64> {
    let words = crate::mentions::word_slices(&folded.text);
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| w.iter().fold(FNV64_START, |h, word| fnv64_extend(fnv64_extend(h, word.as_bytes()), b" ")))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The reprint pairs among documents with these shingle sets, sorted.
pub fn find(shingles: &[Vec<u64>]) -> Vec<Reprint> {
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (d, s) in shingles.iter().enumerate() {
        if s.len() < MIN_SHINGLES {
            continue;
        }
        for &h in s.iter().filter(|&&h| h % SAMPLE == 0) {
            postings.entry(h).or_default().push(d as u32);
        }
    }
    // A shingle in many documents is boilerplate: it is neither indexed nor counted.
    let boilerplate: crate::HashSet<u64> =
        postings.iter().filter(|(_, docs)| docs.len() > MAX_POSTING).map(|(&h, _)| h).collect();
    postings.retain(|_, docs| docs.len() > 1 && docs.len() <= MAX_POSTING);
    let sampled = |d: usize| -> usize {
        if shingles[d].len() < MIN_SHINGLES {
            return 0;
        }
        shingles[d].iter().filter(|&&h| h % SAMPLE == 0 && !boilerplate.contains(&h)).count()
    };
    let counts: Vec<usize> = (0..shingles.len()).into_par_iter().map(sampled).collect();
    let mut out: Vec<Reprint> = (0..shingles.len())
        .into_par_iter()
        .flat_map_iter(|a| {
            let mut seen: HashMap<u32, u32> = HashMap::new();
            for h in shingles[a].iter().filter(|&&h| h % SAMPLE == 0) {
                for &b in postings.get(h).map_or(&[][..], Vec::as_slice) {
                    if b as usize > a {
                        *seen.entry(b).or_default() += 1;
                    }
                }
            }
            let mut found: Vec<Reprint> = seen
                .into_iter()
                .filter(|&(_, n)| n >= 2)
                .filter_map(|(b, n)| {
                    let shorter = counts[a].min(counts[b as usize]);
                    let containment = n as f32 / shorter.max(1) as f32;
                    (shorter >= MIN_SAMPLED && containment >= MIN_CONTAINMENT).then_some(Reprint {
                        left: a as u32,
                        right: b,
                        containment,
                    })
                })
                .collect();
            found.sort_unstable_by_key(|r| r.right);
            found.into_iter()
        })
        .collect();
    out.sort_unstable_by_key(|r| (r.left, r.right));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ দুই দিনের সফরে বৃহস্পতিবার সন্ধ্যায় ঢাকায় পৌঁছেছেন। \
        বিমানবন্দরে তাকে স্বাগত জানান পররাষ্ট্রমন্ত্রী ড. এ কে আব্দুল মোমেন। স্বাধীনতার পর এটিই রাশিয়ার কোনো \
        পররাষ্ট্রমন্ত্রীর প্রথম বাংলাদেশ সফর। সফরে তিনি প্রধানমন্ত্রী শেখ হাসিনার সঙ্গে সৌজন্য সাক্ষাৎ করবেন।";

    #[test]
    fn a_copy_with_other_furniture_and_cut_short_is_a_reprint() {
        let reprint = format!("প্রচ্ছদ | জাতীয় | আন্তর্জাতিক\n{}\nআরও পড়ুন: অন্য খবর", &STORY[..STORY.len() * 3 / 4]);
        let other = "মস্কোয় বৈঠকে বসছেন ল্যাভরভ ও জয়শঙ্কর। ভারতের পররাষ্ট্রমন্ত্রী এস. জয়শঙ্কর ও রাশিয়ার \
            পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ বুধবার মস্কোতে বৈঠক করবেন। তাদের আলোচনায় ইউক্রেন ও গাজা যুদ্ধ স্থান পাবে।";
        let s: Vec<Vec<u64>> = [STORY, reprint.as_str(), other].iter().map(|t| shingles(t)).collect();
        let r = find(&s);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!((r[0].left, r[0].right), (0, 1));
        assert!(r[0].containment > 0.7, "{r:?}");
    }

    #[test]
    fn short_texts_are_never_reprints() {
        let s: Vec<Vec<u64>> = ["ল্যাভরভ ঢাকায়", "ল্যাভরভ ঢাকায়"].iter().map(|t| shingles(t)).collect();
        assert!(find(&s).is_empty());
    }
}
