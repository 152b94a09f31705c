//! Event alignment across Bengali, Persian and Latin-script news: which articles report
//! the same event, and which passages inside them say the same thing.
//!
//! ```no_run
//! use talign_corpus::Corpus;
//! use talign_events::Analysis;
//! let corpus = Corpus::load(&["corpora/seeds"]).unwrap();
//! let analysis = Analysis::new(&corpus);
//! for link in &analysis.links {
//!     println!("{} ~ {}: {}", corpus.docs()[link.left].id, corpus.docs()[link.right].id, link.evidence);
//! }
//! ```

/// Hash maps and sets with foldhash's hasher (randomly seeded per map, as std's are, so
/// nothing may depend on their order): std's SipHash was about a tenth of the CPU time of
/// clustering and passage alignment, most of it on small integer keys.
pub(crate) use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

pub mod align;
pub mod analysis;
pub mod boundaries;
pub mod cluster;
pub mod contradiction;
pub mod endings;
pub mod entities;
pub mod furniture;
pub mod keywords;
pub mod lexical;
pub mod lists;
pub mod measures;
pub mod mentions;
pub mod numbers;
pub mod pairmodel;
pub mod passages;
pub mod reprints;
mod scan;
pub mod stats;
pub mod temporal;
mod uf;
pub mod when;
pub mod window;

pub use analysis::{Analysis, DocFacts, EventIds, Options, PassagePair, Stage, extract};

/// What the crate's randomised tests share.
#[cfg(test)]
pub(crate) mod testing {
    /// A xorshift generator from `seed`: each call gives a number below its argument. The
    /// same sequence on every run and platform, so a failing case can be replayed.
    pub(crate) fn xorshift(seed: u64) -> impl FnMut(u64) -> u64 {
        let mut state = seed;
        move |m: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        }
    }
}
