//! The whole pipeline over a corpus: extraction per document (in parallel), entity
//! resolution over the corpus, document links, events, and passages on demand.
//!
//! The facts of a document (every mention with its strings, dates, numbers, event words)
//! are many times the size of its text, so they are never all held at once: documents are
//! extracted a chunk at a time, and each chunk is reduced at once to what the rest of the
//! pipeline needs (interned mentions for resolution, feature labels and their offsets).
//! [`Analysis::facts`] extracts one document's facts again when they are wanted.

use crate::{HashMap, HashMapExt, HashSet, HashSetExt};

use rayon::prelude::*;
use talign_corpus::{Corpus, Date, Document, Lang};
use talign_names::lexicon::Lexicon;
use talign_names::{Name, NameIndex};

use crate::align::{self, AlignOptions, Feature, FeatureKind, FeatureSpace, Link, Relation};
use crate::boundaries::BoundaryModel;
use crate::cluster::{self, ClusterOptions};
use crate::entities::{self, Resolution};
use crate::keywords::{self, EventMention};
use crate::lexical::{self, PassageWords, Translations, Vocabulary};
use crate::measures;
use crate::mentions::{self, Mention};
use crate::numbers::{self, NumberMention};
use crate::passages::{self, Bead, Dictionary, PassageOptions, Unit, news_anchor};
use crate::stats::{self, Stats};
use crate::temporal::{self, DateMention, TimeValue};
use crate::when::When;
use crate::{furniture, reprints};

/// The feature a mention of `ent` counts as: a confirmed entity, or an unconfirmed word
/// only where it is written in two scripts (a likely transliteration; inside one language, a
/// shared rare word says "same topic", not "same event").
fn mention_feature(ent: &entities::Entity) -> Option<Feature> {
    let kind = if ent.confirmed {
        FeatureKind::Entity
    } else if ent.variants.len() >= 2 {
        FeatureKind::Candidate
    } else {
        return None;
    };
    Some(Feature { kind, label: ent.key.clone() })
}

/// What was found in one document.
#[derive(Debug, Clone)]
pub struct DocFacts {
    /// The publication date: given by the corpus, or read from the text.
    pub published: Option<Date>,
    /// Whether `published` was read from the text.
    pub published_inferred: bool,
    /// Name mentions.
    pub mentions: Vec<Mention>,
    /// Dates.
    pub dates: Vec<DateMention>,
    /// Numbers (those inside dates excluded).
    pub numbers: Vec<NumberMention>,
    /// The unit of each of `numbers`, if it has one (see [`measures::units_of`]).
    pub units: Vec<Option<measures::Measure>>,
    /// Event words.
    pub events: Vec<EventMention>,
}

/// Extracts the facts of one document.
pub fn extract(doc: &Document) -> DocFacts {
    extract_with(doc, &HashSet::new())
}

/// Words used by so many documents of one language that they cannot be names of one
/// event: in at least [`FREQUENT_MIN_DOCS`] documents and [`FREQUENT_SHARE`] of them.
pub fn frequent_words(corpus: &Corpus) -> HashSet<String> {
    // Document frequencies per language and word, counted per thread and merged. A word is
    // looked up as a slice of the folded text and copied only the first time a thread sees it.
    type Counts = HashMap<Lang, HashMap<String, usize>>;
    let df: Counts = corpus
        .docs()
        .par_iter()
        .fold(Counts::default, |mut acc, d| {
            let folded = talign_names::Folded::new(&d.text);
            let mut ws = mentions::word_slices(&folded.text);
            ws.sort_unstable();
            ws.dedup();
            let counts = acc.entry(d.lang).or_default();
            for w in ws {
                match counts.get_mut(w) {
                    Some(n) => *n += 1,
                    None => {
                        counts.insert(w.to_owned(), 1);
                    }
                }
            }
            acc
        })
        .reduce(Counts::default, |mut a, b| {
            for (lang, b) in b {
                let a = a.entry(lang).or_default();
                for (k, v) in b {
                    *a.entry(k).or_default() += v;
                }
            }
            a
        });
    let mut docs_per_lang: HashMap<Lang, usize> = HashMap::new();
    for d in corpus.docs() {
        *docs_per_lang.entry(d.lang).or_default() += 1;
    }
    let frequent: Vec<String> = df
        .into_iter()
        .flat_map(|(lang, counts)| {
            let docs = docs_per_lang[&lang];
            counts
                .into_iter()
                .filter(move |&(_, n)| n >= FREQUENT_MIN_DOCS && n as f32 >= FREQUENT_SHARE * docs as f32)
                .map(|(w, _)| w)
        })
        .collect();
    // In a script the lexicon has no variants in, a name is found only as a candidate,
    // and a language of a few documents about a few stories uses its names in most of them
    // (மாஸ்கோ, மோடி, ரஷ்யா, ஜெய்சங்கர் in 4 or more of the web development set's 7 Tamil
    // pages): a word that sounds like a name the lexicon knows is not one of the language's
    // common words.
    let uncovered: Vec<&String> = frequent
        .iter()
        .filter(|w| {
            matches!(talign_names::Script::detect(w), talign_names::Script::Indic | talign_names::Script::Other)
        })
        .collect();
    if uncovered.is_empty() {
        return frequent.into_iter().collect();
    }
    let queries: Vec<Name> =
        uncovered.iter().map(|w| Name::from_clean(talign_names::normalize(w), Lexicon::builtin())).collect();
    let hits = known_names().query_all(&queries, 1);
    let named: HashSet<String> = uncovered
        .into_iter()
        .zip(queries.iter().zip(&hits))
        .filter(|(_, (q, hs))| {
            hs.first().is_some_and(|h| h.matched.score >= SOUNDS_LIKE_KNOWN_NAME) && entities::key_consonants(q) >= 2
        })
        .map(|(w, _)| w.clone())
        .collect();
    frequent.into_iter().filter(|w| !named.contains(w)).collect()
}

/// How well a frequent word must sound like a name the lexicon knows to be kept as a name.
/// Lower than a candidate needs to join a lexicon form when resolving (0.92): Tamil
/// writes d as t and g as k (மோடி Moti ~ Modi 0.84, மாஸ்கோ Masko ~ Moscow 0.81); kept, the
/// word is still only a candidate. On web dev this keeps 5 names and 1 common word
/// (நாட்டு, "of the country").
const SOUNDS_LIKE_KNOWN_NAME: f32 = 0.8;

/// The lexicon's names in Latin script, and the last word of its people's: what a word of
/// a script without variants is compared with.
fn known_names() -> &'static NameIndex<'static> {
    static INDEX: std::sync::LazyLock<NameIndex<'static>> = std::sync::LazyLock::new(|| {
        let lex = Lexicon::builtin();
        let mut forms: Vec<String> = Vec::new();
        for e in lex.entities() {
            for (script, v) in &e.variants {
                if *script != talign_names::Script::Latin {
                    continue;
                }
                forms.push(v.clone());
                if e.kind == talign_names::Kind::Person
                    && let Some(last) = v.rsplit(' ').next()
                    && last.len() < v.len()
                {
                    forms.push(last.to_owned());
                }
            }
        }
        forms.sort_unstable();
        forms.dedup();
        NameIndex::new(&forms, lex)
    });
    &INDEX
}

/// See [`frequent_words`].
pub const FREQUENT_MIN_DOCS: usize = 4;
/// See [`frequent_words`].
pub const FREQUENT_SHARE: f32 = 0.08;

/// Extracts the facts of one document, with the corpus's frequent words.
pub fn extract_with(doc: &Document, frequent: &HashSet<String>) -> DocFacts {
    read_doc(doc, &[], frequent).0
}

/// The mentions of the documents `which` (indices into `corpus`), read as a run over
/// `corpus` reads them: its site furniture found among its documents and blanked, words too
/// common to be names taken from `stats` (the whole corpus's) or else from `corpus`. For
/// each document of `which`, in that order, its mentions as entity resolution takes them
/// ([`entities::MentionTable::push_records`]). Whoever resolves them all in stream order
/// gets the names a run over the whole stream would, wherever furniture and frequent words
/// agree (`export names --window-days` resolves each document's mentions, read in its home
/// window).
pub fn mentions_of(corpus: &Corpus, stats: Option<&Stats>, which: &[usize]) -> Vec<Vec<entities::MentionRecord>> {
    let docs = corpus.docs();
    let frequent = frequent_for(corpus, stats);
    let furniture = furniture::find(docs);
    which
        .par_iter()
        .map(|&d| {
            let doc = &docs[d];
            let (facts, blanked) = read_doc(doc, &furniture[d], &frequent);
            let text = blanked.as_deref().unwrap_or(&doc.text);
            facts.mentions.iter().map(|m| entities::MentionRecord::of(m, text)).collect()
        })
        .collect()
}

/// The words a run over `corpus` takes as too common to be names: the whole corpus's, from
/// `stats`, when given; else `corpus`'s own ([`frequent_words`]).
fn frequent_for(corpus: &Corpus, stats: Option<&Stats>) -> HashSet<String> {
    stats.map_or_else(|| frequent_words(corpus), |s| s.frequent.clone())
}

/// `doc`'s facts as a run reads them: from its text with its furniture lines (`ranges`) and
/// its web addresses ([`furniture::urls`]) blanked, with the corpus's frequent words; and
/// that blanked text, if anything was blanked.
fn read_doc(doc: &Document, ranges: &[(usize, usize)], frequent: &HashSet<String>) -> (DocFacts, Option<String>) {
    let (facts, blanked, _) = read_doc_folded(doc, ranges, frequent);
    (facts, blanked)
}

/// [`read_doc`], and the text it read folded (for its shingles).
fn read_doc_folded(
    doc: &Document,
    ranges: &[(usize, usize)],
    frequent: &HashSet<String>,
) -> (DocFacts, Option<String>, talign_names::Folded) {
    let urls = furniture::urls(&doc.text);
    let blanked =
        (!ranges.is_empty() || !urls.is_empty()).then(|| furniture::blank(&doc.text, &[ranges, &urls[..]].concat()));
    let text = blanked.as_deref().unwrap_or(&doc.text);
    let folded = talign_names::Folded::new(text);
    let facts = extract_folded(doc, text, &folded, frequent);
    (facts, blanked, folded)
}

/// The facts of `doc` read from `text` in place of its own (its furniture and web addresses
/// blanked), with `text` already folded (`folded` is `Folded::new(text)`): names and
/// event words are both read from it.
fn extract_folded(doc: &Document, text: &str, folded: &talign_names::Folded, frequent: &HashSet<String>) -> DocFacts {
    let (published, published_inferred) = match doc.published {
        Some(d) => (Some(d), false),
        None => match temporal::infer_published_with_url(text, doc.url.as_deref()) {
            Some(d) => (Some(d), true),
            None => (None, false),
        },
    };
    let dates = temporal::find_dates(text, published);
    let numbers: Vec<NumberMention> = numbers::find_numbers(text)
        .into_iter()
        .filter(|n| !dates.iter().any(|d| d.start < n.end && n.start < d.end))
        .collect();
    let units = measures::units_of(text, &numbers);
    DocFacts {
        published,
        published_inferred,
        mentions: mentions::find_mentions_folded(
            text,
            folded,
            Lexicon::builtin(),
            mentions::LexiconMatcher::builtin(),
            crate::lists::Lists::builtin(),
            frequent,
        ),
        dates,
        numbers,
        units,
        events: keywords::find_events_folded(text, folded),
    }
}

/// A passage pair of two linked documents.
#[derive(Debug, Clone, PartialEq)]
pub struct PassagePair {
    /// Left passage text (as in the document).
    pub left: String,
    /// Right passage text.
    pub right: String,
    /// Confidence in [0, 1].
    pub score: f32,
    /// Sentence indices.
    pub bead: Bead,
    /// Byte range of the left passage in the left document's text (from the start of its
    /// first unit to the end of its last).
    pub left_span: (usize, usize),
    /// Byte range of the right passage in the right document's text.
    pub right_span: (usize, usize),
}

/// A stage of [`Analysis::with_progress`], for showing progress on long runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Facts extracted from `done` of `total` documents.
    Extracted {
        /// Documents done.
        done: usize,
        /// All documents.
        total: usize,
    },
    /// Names resolved into entities across the corpus.
    Resolved,
    /// Candidate pairs scored and linked.
    Linked,
    /// Documents grouped into events.
    Grouped,
}

/// The analysis of a corpus.
#[derive(Debug)]
pub struct Analysis<'c> {
    /// The corpus.
    pub corpus: &'c Corpus,
    /// Publication date per document (given by the corpus, or read from the text), in
    /// corpus order.
    pub published: Vec<Option<Date>>,
    /// Entities and which mention resolved to which.
    pub resolution: Resolution,
    /// Document features.
    pub space: FeatureSpace,
    /// The entity each feature stands for (`u32::MAX`: none), to name it in evidence.
    feature_entity: Vec<u32>,
    /// With a whole corpus's statistics, the name of each entity feature as the whole
    /// run names it (its entity there), which this part of the corpus may name otherwise
    /// (it may lack the Latin form, or not confirm the entity).
    feature_names: HashMap<u32, String>,
    /// Links between documents, sorted.
    pub links: Vec<Link>,
    /// Event number per document.
    pub events: Vec<usize>,
    /// When the happening each document reports took place, where it says.
    pub whens: Vec<Option<When>>,
    /// Every pair of documents scored (each document's best candidates), sorted.
    pub pairs: Vec<align::ScoredPair>,
    /// Per pair, whether the same-event model (before the base-rate shift) leaves it
    /// possible as one event and prefers no other partner (see [`MUTUAL_SAME_EVENT`] and
    /// [`LIKELIER_PARTNER`]).
    not_ruled_out: Vec<bool>,
    /// The weights pairs were scored with.
    weights: align::Weights,
    /// The same-event model.
    model: crate::pairmodel::PairModel,
    /// The options of the analysis.
    options: Options,
    /// Where sentences may end without punctuation, learnt from the corpus on first use.
    boundaries: std::sync::OnceLock<BoundaryModel>,
    /// Word translations learnt from a first alignment of the linked pairs, on first use.
    learnt: std::sync::OnceLock<Learnt>,
    /// The corpus's frequent words (see [`frequent_words`]), to extract facts again.
    frequent: HashSet<String>,
    /// Per document, its facts that are features, in the order passage anchors are taken:
    /// mentions, numbers, dates, event words.
    anchors: Vec<Vec<Anchor>>,
    /// Per document, the byte ranges of its furniture lines.
    furniture: Vec<Vec<(usize, usize)>>,
    /// The base rate the same-event probabilities were moved to.
    base_rate: f64,
    /// Per document, the worst candidate partner kept (see [`align::pairs_with_floors`]).
    floors: Vec<Option<(f32, u64)>>,
    /// The reprint pairs found.
    pub reprints: Vec<reprints::Reprint>,
    /// How the event ids are written, so that every id of the corpus has the same width.
    event_ids: EventIds,
}

/// Event ids as every table writes them: `E` and the event's number from 1, zero-padded to
/// at least three digits and to as many as a run's largest number needs (`E007`, `E1234`),
/// so that every id of a run has the same width. Windowed runs number their events as a
/// whole run does and write them with this too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventIds {
    width: usize,
}

impl EventIds {
    /// The ids of a run of `events` events.
    pub fn new(events: usize) -> EventIds {
        EventIds { width: events.to_string().len().max(3) }
    }

    /// The id of event number `n` (from 0).
    pub fn id(self, n: usize) -> String {
        format!("E{:0width$}", n + 1, width = self.width)
    }
}

/// A fact of a document that is a feature, as a passage anchor.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    /// Byte offset in the text.
    start: u32,
    /// Byte offset just past the fact.
    end: u32,
    /// The feature.
    feature: u32,
    /// Its weight as an anchor.
    weight: f32,
}

/// The same-event probability a pair the link rule keeps counts for at least, when
/// documents are grouped into events.
const LINKED_SAME_EVENT: f32 = 0.95;

/// Fewest passages aligned as a translation that verify a candidate pair (see
/// [`Analysis::with_stats`]). Measured on the partial-overlap variants of `cargo xtask
/// eval events` and on web dev, 3 passages linked the most partial translations (staggered
/// passage F1 0.809 / 0.764) but also pages of two events that share the people and tell
/// three facts in one order (web dev pair F1 0.809 → 0.802); 5 keeps most of the first
/// (0.781 / 0.747) and web dev at 0.808.
pub const VERIFY_PASSAGES: usize = 5;

/// Fewest passages aligned as a translation that verify a candidate pair when the corpus
/// taught the two languages a translation table (see [`Analysis::with_stats`]). The table
/// reads the wording, not only the names, dates and numbers two reports of one story's
/// people share, so fewer passages are needed: on the partial-overlap variants of `cargo
/// xtask eval events` every best candidate with three or four such passages was a gold
/// pair (third padded, 25 % overlap, partial: 26 of 26), and web dev, whose languages no
/// table joins, is unchanged (there three or four passages of names also joined two
/// events four times in 26).
///
/// Two passages are enough: a third kept of a short article shares only a few sentences
/// with the whole, and the two documents must still be each other's best candidate. From
/// 3 to 2, over the variants of `cargo xtask eval events` and its rotations 1 and 2 (other
/// documents in each variant): document F1 rose in 16 rows (partial 0.951 → 0.968, third
/// 0.952 → 0.969, 25 % overlap with the Persian window 0.857 → 0.897 in rotation 1) and
/// fell in one (rotation 1, staggered, 0.967 → 0.951: one false link); passage F1 followed
/// (partial 0.778 → 0.786); NTREX dev and web dev unchanged. One passage links pairs that
/// are not gold (contained Persian third 1.000 → 0.966 document precision).
pub const VERIFY_PASSAGES_TAUGHT: usize = 2;

/// A preview is linked to a report from this same-event probability.
const PREVIEW_SAME_EVENT: f32 = 0.5;

/// A pair the link rule keeps only as each other's best partners (a weak score) counts for
/// [`LINKED_SAME_EVENT`] only where the same-event model does not rule it out. With many
/// languages of few pages each, a lone page's best partner in another language is mutual
/// almost by construction: on the web set a Persian report of the Raisi crash and a Tamil
/// report of Modi in Moscow were each other's best (score 0.16, a shared "2" and a
/// candidate name), at a same-event probability of 0.04. A floor of 0.05 gave pair F1
/// 0.730 → 0.741 and Bengali–Persian 0.761 → 0.788 there, every NTREX figure unchanged and
/// the variants' document F1 within ±0.02 (one staggered variant 0.921 → 0.903, one 10 %
/// overlap 0.679 → 0.691); 0.3 cost the partial-overlap variants 0.05–0.06.
const MUTUAL_SAME_EVENT: f32 = 0.05;

/// Nor where the model prefers another partner: one of the two documents has a partner, in
/// any language, that the model finds at least this likely one event…
///
/// On the web set a Persian report of Hasina's resignation was the best partner by score of
/// a 2018 election report in Bengali, and it of the Persian (score 0.13, Hasina, Bangladesh
/// and two small numbers; probability 0.20), while four Bengali reports of the resignation
/// were likelier (0.53–0.86). Both its mutual pairs counted 0.95, and which one grouped it
/// was a tie. Over 30 samples of 40 % of the events, pair F1 0.831 → 0.837 (higher in 12,
/// lower in 2), B-cubed 0.845 → 0.850 (13 and 1), Bengali–Persian 0.858 → 0.864 (4 and 0);
/// the whole set 0.810 → 0.810 and Bengali–Persian 0.799 → 0.844. NTREX and every variant
/// unchanged but one: overlap 10 % with the Persian window, document F1 0.714 → 0.691. A
/// floor of 0.5 grouped the web alike but cost three more variants 0.02–0.03.
///
/// The likelier partner was first looked for only in the other document's language. A
/// Tamil report of Modi in Moscow had a Tamil report of the same visit at 0.66, yet its
/// mutual pairs with a Bengali and an Arabic report of Putin in Pyongyang (scores 0.16 and
/// 0.13, probabilities 0.26 and 0.19: Putin and a "2") counted 0.95, and it was grouped
/// with Pyongyang. A likelier partner in any language now counts, when the model rules it
/// out as one event with the pair's other document (below [`MUTUAL_SAME_EVENT`], or never
/// scored): then the two pairs pull the document two ways. A likelier partner that may be
/// one event with both is no conflict: a Persian report of Haniyeh's killing held to its
/// event only by its weak mutual pair with a Bengali report, whose likeliest partner is a
/// Hindi report of the same killing. Web dev pair F1 0.811 → 0.826, Bengali–Persian
/// 0.844 → 0.862, B-cubed 0.787 → 0.813, hard negatives in another event's cluster
/// 58 → 51; 30 samples of 40 % of the events 0.839 → 0.855 (B-cubed 0.852 → 0.863); 30
/// samples of 80 % of the pages 0.779 → 0.789. NTREX dev unchanged; every variant
/// unchanged but the contained third (one document pair fewer, document F1 0.951 → 0.933).
/// Any likelier partner, conflicting or not: 0.816, and the Haniyeh pair lost; one in
/// conflict below 0.1: 0.827; below 0.2: 0.812.
const LIKELIER_PARTNER: f32 = 0.6;

/// …and at least this much likelier than the pair (see [`LIKELIER_PARTNER`]).
const LIKELIER_MARGIN: f32 = 0.4;

/// Per scored pair, whether the same-event model prefers, for one of its documents, another
/// partner that it rules out as one event with the pair's other document (see
/// [`LIKELIER_PARTNER`]). `pairs` sorted by (left, right), as
/// [`align::pairs_with_floors`] gives them; `docs` is how many documents there are.
fn model_prefers_another(pairs: &[align::ScoredPair], docs: usize) -> Vec<bool> {
    // Per document, the partners likely enough to be preferred.
    let mut likely: Vec<Vec<(u32, f32)>> = vec![Vec::new(); docs];
    for p in pairs.iter().filter(|p| p.same_event >= LIKELIER_PARTNER) {
        likely[p.left as usize].push((p.right, p.same_event));
        likely[p.right as usize].push((p.left, p.same_event));
    }
    let probability = |a: u32, b: u32| {
        pairs.binary_search_by_key(&(a.min(b), a.max(b)), |p| (p.left, p.right)).map_or(0.0, |i| pairs[i].same_event)
    };
    pairs
        .iter()
        .map(|p| {
            [(p.left, p.right), (p.right, p.left)].iter().any(|&(d, o)| {
                likely[d as usize].iter().any(|&(x, t)| {
                    x != o && t >= p.same_event + LIKELIER_MARGIN && probability(o, x) < MUTUAL_SAME_EVENT
                })
            })
        })
        .collect()
}

/// The same-event probability of a reprint pair.
const REPRINT_SAME_EVENT: f32 = 0.99;

/// A pair at least this likely one event overrules a weak window that disagrees with its
/// other document's ([`yield_weak_windows`]).
const YIELD_SAME_EVENT: f32 = 0.8;

/// The windows with every weak one (`weak(d)`) that disagrees, beyond `tolerance`, with
/// the window of a document it is paired with at [`YIELD_SAME_EVENT`] or more replaced by
/// its `fallback` (none, or the days before its publication). Both of a pair's windows may
/// go; strong windows are kept. Depends on the set of edges only, not on their order.
fn yield_weak_windows(
    edges: &[(u32, u32, f32)],
    mut windows: Vec<Option<cluster::Window>>,
    weak: impl Fn(usize) -> bool,
    fallback: impl Fn(usize) -> Option<cluster::Window>,
    tolerance: i64,
) -> Vec<Option<cluster::Window>> {
    let mut drop: Vec<usize> = Vec::new();
    for &(a, b, s) in edges {
        let (a, b) = (a as usize, b as usize);
        if s < YIELD_SAME_EVENT {
            continue;
        }
        if let (Some(x), Some(y)) = (windows[a], windows[b])
            && !cluster::windows_agree(x, y, tolerance)
        {
            drop.extend([a, b].into_iter().filter(|&d| weak(d)));
        }
    }
    for d in drop {
        windows[d] = fallback(d);
    }
    windows
}

/// How much a window says, by where it was read (larger: more).
fn when_rank(w: &Option<When>) -> u8 {
    use crate::when::WhenSource;
    match w.map(|w| w.source) {
        None => 0,
        Some(WhenSource::Url) => 1,
        Some(WhenSource::Published) => 2,
        Some(WhenSource::Month) => 3,
        Some(WhenSource::DayOfYear) => 4,
        Some(WhenSource::Stated | WhenSource::Announced) => 5,
    }
}

/// Gives every document of a group of reprints the window of the member that says most
/// about the happening (ties: by content), so that one text's copies, which report one
/// happening, are never kept apart by what each site's page says of its own date.
fn share_reprint_whens(whens: &mut [Option<When>], reprints: &[reprints::Reprint], keys: &[u64]) {
    if reprints.is_empty() {
        return;
    }
    let mut uf = crate::uf::UnionFind::new(whens.len());
    for r in reprints {
        uf.union(r.left, r.right);
    }
    let mut best: HashMap<u32, usize> = HashMap::new();
    for r in reprints {
        for d in [r.left as usize, r.right as usize] {
            let root = uf.find(d as u32);
            let better = |o: usize| (when_rank(&whens[d]), keys[d]) > (when_rank(&whens[o]), keys[o]);
            match best.get(&root) {
                Some(&o) if !better(o) => {}
                _ => {
                    best.insert(root, d);
                }
            }
        }
    }
    let members: Vec<(usize, usize)> = reprints
        .iter()
        .flat_map(|r| [r.left as usize, r.right as usize])
        .map(|d| (d, best[&uf.find(d as u32)]))
        .collect();
    for (d, b) in members {
        whens[d] = whens[b];
    }
}

/// Keeps in `best[d]` the partner of `d` with the highest `score`, ties going to the
/// smaller content key (so that neither input order nor ids decide).
fn keep_best<K: std::hash::Hash + Eq>(
    best: &mut HashMap<K, (f32, u64, u32)>,
    d: K,
    score: f32,
    keys: &[u64],
    partner: u32,
) {
    let cand = (score, keys[partner as usize], partner);
    let e = best.entry(d).or_insert(cand);
    if (cand.0, std::cmp::Reverse(cand.1)) > (e.0, std::cmp::Reverse(e.1)) {
        *e = cand;
    }
}

/// Largest event whose documents without a scored partner in another language are scored
/// against all its documents in that language for [`Analysis::shown_pairs`] (a larger event
/// is not one happening's reports, and scoring it whole would cost the square of its size).
const MAX_EVENT_SCAN: usize = 200;

/// Documents extracted at a time (in parallel) before their facts are reduced.
const EXTRACT_CHUNK: usize = 2048;

/// A byte offset in a document, kept as 32 bits: the pipeline keeps millions of them, and
/// a news article is far shorter than 4 GiB.
fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("the loader rejects documents of 4 GiB and more (MAX_DOCUMENT_BYTES)")
}

/// A number, date or event word of a document, its label interned, until it becomes a feature.
#[derive(Debug, Clone, Copy)]
struct LabelledFact {
    kind: FeatureKind,
    /// A figure with a unit (its digits as written, or its metric value).
    measured: bool,
    label: u32,
    start: u32,
    end: u32,
}

/// What the pipeline keeps of a document's facts while the corpus is resolved.
#[derive(Debug)]
struct Kept {
    published: Option<Date>,
    /// Byte ranges of the mentions (their strings are in the mention table).
    mentions: Vec<(u32, u32)>,
    /// Numbers, dates with a label, and event words, in this order.
    labelled: Vec<LabelledFact>,
    /// Day dates (days since epoch).
    days: Vec<i64>,
    /// When the happening it reports took place.
    when: Option<When>,
    /// The weekdays it names, one bit each.
    weekdays: u8,
}

/// Labels numbered in first-seen order.
#[derive(Debug, Default)]
struct Labels {
    ids: HashMap<String, u32>,
}

impl Labels {
    fn id(&mut self, label: &str) -> u32 {
        if let Some(&id) = self.ids.get(label) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(label.to_owned(), id);
        id
    }

    /// The labels, by id.
    fn into_list(self) -> Vec<String> {
        let mut list = vec![String::new(); self.ids.len()];
        for (l, id) in self.ids {
            list[id as usize] = l;
        }
        list
    }
}

impl Kept {
    fn new(f: &DocFacts, text: &str, url: Option<&str>, labels: &mut Labels) -> Kept {
        let mut labelled = Vec::with_capacity(f.numbers.len() + f.dates.len() + f.events.len());
        let mut fact = |kind, label: &str, start, end, measured| {
            labelled.push(LabelledFact {
                kind,
                measured,
                label: labels.id(label),
                start: offset(start),
                end: offset(end),
            });
        };
        // A figure with a unit is also its metric value as a translator rounds it (10 inches
        // and 250 mm share a label).
        for (n, &unit) in f.numbers.iter().zip(&f.units) {
            fact(FeatureKind::Number, &number_label(n.value), n.start, n.end, unit.is_some());
            for label in unit.map(|m| measures::labels(n.value, m)).unwrap_or_default() {
                fact(FeatureKind::Number, &label, n.start, n.end, true);
            }
        }
        let mut days = Vec::new();
        for dm in &f.dates {
            if let Some((label, day)) = date_label(&dm.value) {
                fact(FeatureKind::Date, &label, dm.start, dm.end, false);
                days.extend(day);
            }
        }
        for e in &f.events {
            fact(FeatureKind::Event, &e.concept, e.start, e.end, false);
        }
        labelled.shrink_to_fit();
        let mentions = f.mentions.iter().map(|m| (offset(m.start), offset(m.end))).collect();
        let when = crate::when::when_in_page(text, url, &f.dates, f.published);
        let weekdays = weekdays_named(&f.dates);
        Kept { published: f.published, mentions, labelled, days, when, weekdays }
    }
}

/// The weekdays named by `dates` (resolved against a publication date or not), bit `i`
/// for [`talign_corpus::Weekday::ALL`]`[i]`: two reports of one happening name its day alike.
fn weekdays_named(dates: &[DateMention]) -> u8 {
    dates.iter().filter_map(crate::when::weekday_of).fold(0u8, |m, w| m | 1 << w.index() as u32)
}

/// The weight of a fact of this kind as a passage anchor.
fn anchor_weight(kind: FeatureKind) -> f32 {
    match kind {
        FeatureKind::Entity | FeatureKind::Number | FeatureKind::Date => 1.0,
        FeatureKind::Candidate => 0.5,
        FeatureKind::Event => 0.7,
    }
}

/// The weight of a number as a passage anchor: a number below ten is as often a word
/// ("first half", "two sides", দুই, دوم) as a figure, and says little about which
/// sentences match.
fn number_anchor_weight(label: &str) -> f32 {
    if label.len() == 1 { SMALL_NUMBER_WEIGHT } else { anchor_weight(FeatureKind::Number) }
}

/// The weight as a passage anchor of each label of a figure with a unit, its digits as
/// written and its metric values (see [`measures::labels`]): a figure with a unit weighs 1 to
/// 1.5 where it is not converted, and a converted one shares one or two of its three.
const MEASURE_WEIGHT: f32 = 0.5;

/// See [`number_anchor_weight`].
const SMALL_NUMBER_WEIGHT: f32 = 0.3;

/// What the passage aligner learns from the corpus: its words, and per pair of languages
/// (in `Lang` order) a translation table, where there was enough text to learn one.
#[derive(Debug, Default)]
struct Learnt {
    vocabulary: Vocabulary,
    tables: HashMap<(Lang, Lang), Translations>,
    /// Per pair of languages (in `Lang` order), the length of the second language's
    /// passages per character of the first's: the median over the confident passages of
    /// the first alignment.
    ratios: HashMap<(Lang, Lang), f32>,
}

/// Options of the whole pipeline.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Document alignment.
    pub align: AlignOptions,
    /// Grouping documents into events.
    pub cluster: ClusterOptions,
    /// Passage alignment.
    pub passages: PassageOptions,
}

/// Appends the hashes of the keys of a word (a token cleaned by `normalize`) that may have
/// a twin spelt alike in another script (see [`Unit::cognates`]): keys of at least
/// `min_key` consonant classes, of words that are neither numbers nor common words (কিন্তু
/// and کرد share a skeleton by chance, and are everywhere).
fn cognate_keys(word: &str, min_key: usize, out: &mut Vec<u32>) {
    let lists = crate::lists::Lists::builtin();
    if word.is_empty()
        || word.chars().any(|c| c.is_ascii_digit())
        || lists.is_common(&talign_names::lexicon::lookup_key(word))
    {
        return;
    }
    let script = talign_names::Script::detect(word);
    for key in talign_names::word_keys(word, script) {
        if key.len() >= min_key {
            out.push(fnv1a(&key));
        }
    }
}

/// What a unit takes from one of its tokens: the hashes of its cognate keys (a range of a
/// list of them) and its word's id (see [`cognate_keys`] and [`lexical::word_form`]).
#[derive(Clone, Copy)]
struct TokenKeys {
    cognates: (u32, u32),
    word: Option<u32>,
}

/// The [`TokenKeys`] of the tokens of one document, each distinct token cleaned and looked
/// up once however often the document repeats it.
struct TokenTable<'t, 'v> {
    vocabulary: Option<&'v Vocabulary>,
    min_key: usize,
    of: HashMap<&'t str, TokenKeys>,
    cognates: Vec<u32>,
}

impl<'t, 'v> TokenTable<'t, 'v> {
    fn new(vocabulary: Option<&'v Vocabulary>, min_key: usize) -> TokenTable<'t, 'v> {
        TokenTable { vocabulary, min_key, of: HashMap::default(), cognates: Vec::new() }
    }

    fn keys(&mut self, token: &'t str) -> TokenKeys {
        if let Some(&k) = self.of.get(token) {
            return k;
        }
        let normalized = talign_names::normalize(token);
        let from = self.cognates.len() as u32;
        cognate_keys(&normalized, self.min_key, &mut self.cognates);
        let word = self.vocabulary.and_then(|v| lexical::word_form(&normalized).and_then(|w| v.get(&w)));
        let k = TokenKeys { cognates: (from, self.cognates.len() as u32), word };
        self.of.insert(token, k);
        k
    }

    /// A piece of text's cognate hashes and word ids (empty without a vocabulary), each
    /// sorted, without repeats.
    fn unit(&mut self, piece: &'t str) -> (Vec<u32>, Vec<u32>) {
        let (mut cognates, mut words) = (Vec::new(), Vec::new());
        for token in piece.split_whitespace() {
            let k = self.keys(token);
            cognates.extend_from_slice(&self.cognates[k.cognates.0 as usize..k.cognates.1 as usize]);
            words.extend(k.word);
        }
        for v in [&mut cognates, &mut words] {
            v.sort_unstable();
            v.dedup();
        }
        (cognates, words)
    }
}

/// What a link's units are read with besides their anchors and spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Reading {
    /// Nothing more.
    Plain,
    /// Their common news words: two languages the corpus taught no table.
    News,
    /// Their words, as ids of the vocabulary of the corpus's tables.
    Words,
}

impl Reading {
    /// How a link is read with `vocabulary` (where it has a table) and `model`.
    fn of(vocabulary: Option<&Vocabulary>, model: &passages::PairModel<'_>) -> Reading {
        match (vocabulary, model.untaught) {
            (Some(_), _) => Reading::Words,
            (None, true) => Reading::News,
            (None, false) => Reading::Plain,
        }
    }
}

/// FNV-1a, 32 bits: a stable hash (the same on every run and platform).
fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The byte range a passage covers: from its first unit's start to its last unit's end.
fn span(units: &[Unit]) -> (usize, usize) {
    match (units.first(), units.last()) {
        (Some(a), Some(b)) => (a.start, b.end),
        _ => (0, 0),
    }
}

/// The sentences of a passage joined with one space (the document may break lines between them).
fn join(text: &str, units: &[Unit]) -> String {
    units.iter().map(|u| text[u.start..u.end].trim()).collect::<Vec<_>>().join(" ")
}

/// How common a feature is in news at large, as a share of documents: places and event
/// words are everywhere, small numbers and years in many articles, a named person or an
/// exact date in few.
fn prior(f: &Feature, entity_kinds: &HashMap<&str, (bool, talign_names::Kind)>) -> (f32, Option<talign_names::Kind>) {
    use talign_names::Kind;
    match f.kind {
        FeatureKind::Entity => match entity_kinds.get(f.label.as_str()).copied() {
            Some((true, Kind::Place)) => (0.08, Some(Kind::Place)),
            Some((true, Kind::Person)) => (0.02, Some(Kind::Person)),
            Some((true, k)) => (0.05, Some(k)),
            Some((false, k)) => (0.01, Some(k).filter(|&k| k != Kind::Other)),
            None => (0.01, None),
        },
        FeatureKind::Candidate => (0.02, None),
        FeatureKind::Number => match f.label.parse::<f64>() {
            Ok(x) if x.fract() == 0.0 && x.abs() < 100.0 => (0.15, None),
            Ok(x) if x.fract() == 0.0 && (1900.0..=2100.0).contains(&x) => (0.1, None),
            _ => (0.01, None),
        },
        FeatureKind::Date => match f.label.len() {
            4 => (0.1, None),
            7 => (0.03, None),
            _ => (0.01, None),
        },
        FeatureKind::Event => (0.15, None),
    }
}

fn number_label(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 { format!("{x:.0}") } else { format!("{}", (x * 1e4).round() / 1e4) }
}

fn date_label(v: &TimeValue) -> Option<(String, Option<i64>)> {
    Some(match v {
        TimeValue::Day(d) => (d.to_string(), Some(d.days_since_epoch())),
        TimeValue::MonthYear { year, month } => (format!("{year:04}-{month:02}"), None),
        TimeValue::Year(y) => (format!("{y:04}"), None),
        TimeValue::DayMonth { month, day } => (format!("--{month:02}-{day:02}"), None),
        TimeValue::Weekday(_) => return None,
    })
}

impl<'c> Analysis<'c> {
    /// Runs the pipeline with default options.
    pub fn new(corpus: &'c Corpus) -> Analysis<'c> {
        Analysis::with_options(corpus, &Options::default())
    }

    /// Runs the pipeline.
    pub fn with_options(corpus: &'c Corpus, opts: &Options) -> Analysis<'c> {
        Analysis::with_progress(corpus, opts, &|_| {})
    }

    /// Runs the pipeline, telling `progress` as each stage ends (on the calling thread).
    /// The result is that of [`Analysis::with_options`].
    pub fn with_progress(corpus: &'c Corpus, opts: &Options, progress: &dyn Fn(Stage)) -> Analysis<'c> {
        Analysis::with_stats(corpus, opts, None, progress)
    }

    /// Runs the pipeline on a part of a corpus as the whole corpus's run would weigh it:
    /// with `stats` (from [`Analysis::stats`] of the whole run), its frequent words, the
    /// entity each mention resolves to, how rare each feature is, what agreeing in time and
    /// sharing a date are worth, and its base rate, instead of this corpus's own (see
    /// [`crate::stats`]). A mention or feature the statistics do not know is weighed by this
    /// corpus alone. Without `stats`, the same as [`Analysis::with_progress`].
    ///
    /// **Verified links.** Names and numbers cannot tell a report that translates a third of
    /// another from a neighbouring story on the same subject, which shares more names with
    /// it. So each document has its [`AlignOptions::verify`] best candidates in other
    /// languages aligned passage by passage (with the translation table learnt from the
    /// pairs the link rule keeps), and two documents that are each other's best candidate
    /// with at least [`VERIFY_PASSAGES`] passages aligned as a translation
    /// ([`VERIFY_PASSAGES_TAUGHT`] where the corpus taught their two languages a table) are
    /// linked as the link rule links. The verification needs only the scored pairs, so the
    /// documents are grouped into events once, with the verified pairs; the table it learnt
    /// is kept for the passages.
    pub fn with_stats(
        corpus: &'c Corpus,
        opts: &Options,
        stats: Option<&Stats>,
        progress: &dyn Fn(Stage),
    ) -> Analysis<'c> {
        let mut analysis = Analysis::run(corpus, opts, stats, progress);
        // A pair the link rule keeps (a translation, a rewrite of one wire story) is one
        // event whatever the model says; the model weighs the rest.
        let decided = align::decide(&analysis.space, &analysis.pairs, &opts.align);
        let verified = (opts.align.verify > 0).then(|| {
            // The pairs the link rule keeps stand for the links while the table is learnt:
            // learning it from the links of a first grouping (the links are those pairs
            // inside one event) and grouping again with the verified pairs cost a whole
            // grouping, 7–8 of the 85 s `events align` took for 100,000 documents, and
            // moved no figure of web dev, NTREX dev or the partial-overlap variants by more
            // than 0.004.
            analysis.links = analysis
                .pairs
                .iter()
                .zip(&decided)
                .filter(|(_, d)| **d)
                .map(|(p, _)| Link {
                    left: p.left as usize,
                    right: p.right as usize,
                    score: p.score,
                    evidence: String::new(),
                    relation: Relation::Report,
                })
                .collect();
            analysis.verified_pairs(&opts.passages)
        });
        analysis.group(decided, verified.as_ref(), progress);
        analysis
    }

    /// Pairs of documents (smaller index first) that are each other's best candidate in
    /// another language with at least [`VERIFY_PASSAGES`] passages aligned as a translation
    /// ([`VERIFY_PASSAGES_TAUGHT`] with a table),
    /// among each document's [`AlignOptions::verify`] best candidates in other languages
    /// (see [`Analysis::with_stats`]).
    fn verified_pairs(&self, opts: &PassageOptions) -> HashSet<(u32, u32)> {
        let docs = self.corpus.docs();
        let keys = &self.space.keys;
        let cross = |p: &align::ScoredPair| docs[p.left as usize].lang != docs[p.right as usize].lang;
        let mut candidates: Vec<Vec<(f32, u64, u32)>> = vec![Vec::new(); docs.len()];
        for p in self.pairs.iter().filter(|p| cross(p)) {
            candidates[p.left as usize].push((p.score, keys[p.right as usize], p.right));
            candidates[p.right as usize].push((p.score, keys[p.left as usize], p.left));
        }
        // The pairs to check, with their scores.
        let mut checked: std::collections::BTreeMap<(u32, u32), f32> = Default::default();
        for (d, c) in candidates.iter_mut().enumerate() {
            c.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            c.truncate(self.options.align.verify);
            checked.extend(c.iter().map(|&(s, _, o)| (((d as u32).min(o), (d as u32).max(o)), s)));
        }
        let links: Vec<Link> = checked
            .keys()
            .map(|&(a, b)| Link {
                left: a as usize,
                right: b as usize,
                score: 0.0,
                evidence: String::new(),
                relation: Relation::Report,
            })
            .collect();
        // Per checked pair with enough of them to verify it, its passages aligned as a
        // translation.
        let mut translated: Vec<(u32, u32, usize)> = Vec::with_capacity(links.len());
        // Only how many passages each pair aligns as a translation is needed; a pair with
        // fewer units than that on a side cannot have them (each passage holds a unit of
        // each side), and is not aligned. Where a table reads the wording, fewer verify it.
        let count = |l: &Link, ua: &[Unit], ub: &[Unit], model: passages::PairModel<'_>| {
            let needed = if model.dictionary.is_some() { VERIFY_PASSAGES_TAUGHT } else { VERIFY_PASSAGES };
            if ua.len().min(ub.len()) < needed {
                return None;
            }
            let (beads, _) = passages::align_passages_oriented(ua, ub, model, opts, self.flipped(l));
            let n = beads.iter().filter(|b| b.evidence.regime == passages::Regime::Translation).count();
            (n >= needed).then_some(n)
        };
        let done: Result<(), std::convert::Infallible> =
            self.each_link_aligned(&links, opts, LINK_CHUNK, count, |l, n| {
                translated.extend(n.map(|n| (l.left as u32, l.right as u32, n)));
                Ok(())
            });
        let Ok(()) = done;
        // Each document's best verified pair: most translated passages, then score, then
        // the partner's content key.
        let mut best: HashMap<u32, (usize, f32, std::cmp::Reverse<u64>, u32)> = HashMap::new();
        for &(a, b, n) in &translated {
            let s = checked[&(a, b)];
            for (d, o) in [(a, b), (b, a)] {
                let cand = (n, s, std::cmp::Reverse(keys[o as usize]), o);
                let e = best.entry(d).or_insert(cand);
                if (cand.0, cand.1, cand.2) > (e.0, e.1, e.2) {
                    *e = cand;
                }
            }
        }
        best.iter()
            .filter(|&(&d, &(_, _, _, o))| best.get(&o).is_some_and(|x| x.3 == d))
            .map(|(&d, &(_, _, _, o))| (d.min(o), d.max(o)))
            .collect()
    }

    /// The pipeline up to the scored pairs: facts, entities, features, the pairs and their
    /// probabilities. No links or events yet ([`Analysis::group`] makes them, see
    /// [`Analysis::with_stats`]).
    fn run(corpus: &'c Corpus, opts: &Options, stats: Option<&Stats>, progress: &dyn Fn(Stage)) -> Analysis<'c> {
        let lex = Lexicon::builtin();
        let docs = corpus.docs();
        let frequent = frequent_for(corpus, stats);
        // Site furniture is blanked before anything is read; reprints are found on what is left.
        let furniture = furniture::find(docs);
        let mut table = entities::MentionTable::new();
        let mut labels = Labels::default();
        let mut kept: Vec<Kept> = Vec::with_capacity(docs.len());
        let mut shingles: Vec<Vec<u64>> = Vec::with_capacity(docs.len());
        // With statistics: per document, per mention, the feature the whole corpus counts it
        // as (the outer `None` where the statistics do not know the mention).
        let mut given: Vec<Vec<Option<Option<Feature>>>> = Vec::new();
        // Each chunk is extracted on every core while the chunk before it is reduced on
        // one, in the order of the documents: the reduction (mentions interned, facts
        // labelled) is serial, and would otherwise leave the other cores waiting.
        type Extracted = Vec<(DocFacts, Vec<u64>, Option<String>)>;
        let chunks: Vec<&[Document]> = docs.chunks(EXTRACT_CHUNK).collect();
        let extract_chunk = |c: usize| -> Extracted {
            let first = c * EXTRACT_CHUNK;
            chunks[c]
                .par_iter()
                .enumerate()
                .map(|(i, d)| {
                    let (facts, blanked, folded) = read_doc_folded(d, &furniture[first + i], &frequent);
                    let shingles = reprints::shingles_folded(&folded);
                    (facts, shingles, blanked)
                })
                .collect()
        };
        let mut pending: Option<(usize, Extracted)> = None;
        for c in 0..=chunks.len() {
            let mut reduce = |pending: Option<(usize, Extracted)>| {
                let (p, facts) = pending?;
                for (i, (f, s, blanked)) in facts.into_iter().enumerate() {
                    let doc = &chunks[p][i];
                    let text = blanked.as_deref().unwrap_or(&doc.text);
                    if let Some(s) = stats {
                        given.push(
                            f.mentions
                                .iter()
                                .map(|m| s.mentions.get(&stats::mention_key(m, text, lex)).cloned())
                                .collect(),
                        );
                    }
                    table.push_doc(text, &f.mentions);
                    kept.push(Kept::new(&f, text, doc.url.as_deref(), &mut labels));
                    shingles.push(s);
                }
                Some(p * EXTRACT_CHUNK + chunks[p].len())
            };
            let taken = pending.take();
            let (done, next) = rayon::join(|| reduce(taken), || (c < chunks.len()).then(|| extract_chunk(c)));
            if let Some(done) = done {
                progress(Stage::Extracted { done, total: docs.len() });
            }
            pending = next.map(|facts| (c, facts));
        }
        let reprint_pairs = reprints::find(&shingles);
        drop(shingles);
        let resolution = entities::resolve_table(&table, lex);
        drop(table);
        progress(Stage::Resolved);
        let labels = labels.into_list();
        let mut space = FeatureSpace::new();
        for (d, k) in kept.iter().enumerate() {
            let mut feats = Vec::new();
            for (i, (&(start, _), &e)) in k.mentions.iter().zip(&resolution.doc_entities[d]).enumerate() {
                let feature = match given.get(d).and_then(|g| g[i].as_ref()) {
                    Some(f) => f.clone(),
                    None => mention_feature(&resolution.entities[e as usize]),
                };
                if let Some(f) = feature {
                    feats.push((f, start as usize));
                }
            }
            for l in &k.labelled {
                feats.push((Feature { kind: l.kind, label: labels[l.label as usize].clone() }, l.start as usize));
            }
            let doc = &docs[d];
            space.push_doc_at(
                doc.lang.id(),
                feats,
                doc.text.len(),
                k.published.map(Date::days_since_epoch),
                k.days.clone(),
            );
        }
        space.number_by_label();
        // Passage anchors: a mention anchors as its entity's feature (unconfirmed ones as a
        // candidate), where some document has that feature.
        let entity_anchor: Vec<Option<(u32, f32)>> = resolution
            .entities
            .iter()
            .map(|ent| {
                let kind = if ent.confirmed { FeatureKind::Entity } else { FeatureKind::Candidate };
                space.id_of(&Feature { kind, label: ent.key.clone() }).map(|id| (id, anchor_weight(kind)))
            })
            .collect();
        let mut feature_entity = vec![u32::MAX; space.feature_count()];
        for (e, anchor) in entity_anchor.iter().enumerate() {
            if let Some((f, _)) = anchor {
                feature_entity[*f as usize] = e as u32;
            }
        }
        let mut feature_names: HashMap<u32, String> = HashMap::new();
        if let Some(s) = stats {
            for f in 0..space.feature_count() as u32 {
                let feature = space.feature(f);
                if matches!(feature.kind, FeatureKind::Entity | FeatureKind::Candidate)
                    && s.entities.contains_key(&feature.label)
                {
                    let name = s.names.get(&feature.label).unwrap_or(&feature.label);
                    feature_names.insert(f, name.clone());
                }
            }
        }
        let mut label_feature: HashMap<(FeatureKind, u32), Option<u32>> = HashMap::new();
        let anchors: Vec<Vec<Anchor>> = kept
            .iter()
            .zip(&resolution.doc_entities)
            .map(|(k, ents)| {
                let mut anchors: Vec<Anchor> = k
                    .mentions
                    .iter()
                    .zip(ents)
                    .filter_map(|(&(start, end), &e)| {
                        entity_anchor[e as usize].map(|(feature, weight)| Anchor { start, end, feature, weight })
                    })
                    .collect();
                for l in &k.labelled {
                    let id = *label_feature.entry((l.kind, l.label)).or_insert_with(|| {
                        space.id_of(&Feature { kind: l.kind, label: labels[l.label as usize].clone() })
                    });
                    if let Some(feature) = id {
                        let weight = match l.kind {
                            FeatureKind::Number if l.measured => MEASURE_WEIGHT,
                            FeatureKind::Number => number_anchor_weight(&labels[l.label as usize]),
                            kind => anchor_weight(kind),
                        };
                        anchors.push(Anchor { start: l.start, end: l.end, feature, weight });
                    }
                }
                anchors.shrink_to_fit();
                anchors
            })
            .collect();
        space.set_weekdays(kept.iter().map(|k| k.weekdays).collect());
        let published: Vec<Option<Date>> = kept.iter().map(|k| k.published).collect();
        let mut whens: Vec<Option<When>> = kept.iter().map(|k| k.when).collect();
        let keys: Vec<u64> = docs.par_iter().map(|d| align::fnv64(d.text.as_bytes())).collect();
        share_reprint_whens(&mut whens, &reprint_pairs, &keys);
        drop(kept);
        space.set_keys(keys);
        let mut entity_kinds: HashMap<&str, (bool, talign_names::Kind)> =
            resolution.entities.iter().rev().map(|e| (e.key.as_str(), (e.lexicon.is_some(), e.kind))).collect();
        if let Some(s) = stats {
            entity_kinds.extend(s.entities.iter().map(|(k, &v)| (k.as_str(), v)));
        }
        space.set_priors(|f| prior(f, &entity_kinds));
        if let Some(s) = stats {
            let (own, _) = space.df();
            let df =
                own.iter().enumerate().map(|(f, &n)| s.df.get(space.feature(f as u32)).copied().unwrap_or(n)).collect();
            space.corpus_df = Some((df, s.documents));
            space.corpus_chance = Some(s.chance);
        }
        let windows: Vec<Option<cluster::Window>> = whens.iter().map(|w| w.map(|w| w.window)).collect();
        space.set_context(windows, docs.par_iter().map(|d| talign_names::Script::detect(&d.text)).collect());
        let weights = align::Weights::new(&space);
        let model = crate::pairmodel::PairModel::new(&space);
        if let Some(s) = stats {
            space.candidate_floor = Some(space.keys.iter().map(|k| s.floors.get(k).copied()).collect());
        }
        let (mut pairs, floors) = align::pairs_with_floors(&space, &weights, &model, &opts.align);
        // Whether the model rules out a pair the link rule may keep is read before the
        // base-rate shift below: the shift weighs the pairs left to the grouping.
        let prefers_another = model_prefers_another(&pairs, docs.len());
        let not_ruled_out: Vec<bool> =
            pairs.iter().zip(prefers_another).map(|(p, other)| p.same_event >= MUTUAL_SAME_EVENT && !other).collect();
        // A corpus of many stories with one report each (a day's coverage) holds far fewer
        // same-event pairs than the pages the model was fitted on: its probabilities follow.
        let mut probabilities: Vec<f32> = pairs.iter().map(|p| p.same_event).collect();
        let base_rate = crate::pairmodel::adapt_to_base_rate_with(&mut probabilities, stats.map(|s| s.base_rate));
        for (p, x) in pairs.iter_mut().zip(probabilities) {
            p.same_event = x;
        }
        Analysis {
            corpus,
            published,
            resolution,
            space,
            feature_entity,
            feature_names,
            links: Vec::new(),
            events: Vec::new(),
            whens,
            pairs,
            not_ruled_out,
            weights,
            model,
            options: *opts,
            boundaries: std::sync::OnceLock::new(),
            learnt: std::sync::OnceLock::new(),
            frequent,
            anchors,
            furniture,
            reprints: reprint_pairs,
            event_ids: EventIds::new(0),
            base_rate,
            floors,
        }
    }

    /// The part of the pipeline that pairs verified by their passages change: the link
    /// decision, the grouping into events and the links, made once, after the verification
    /// (see [`Analysis::with_stats`]). Everything before it (facts, entities, features,
    /// scored pairs) is the same with and without them. `decided[i]`: whether the link rule
    /// keeps `self.pairs[i]` ([`align::decide`]).
    fn group(&mut self, mut decided: Vec<bool>, verified: Option<&HashSet<(u32, u32)>>, progress: &dyn Fn(Stage)) {
        let opts = &self.options;
        let space = &self.space;
        let pairs = &self.pairs[..];
        let not_ruled_out = &self.not_ruled_out[..];
        let reprint_pairs = &self.reprints[..];
        let whens = &self.whens[..];
        let published = &self.published[..];
        let weights = &self.weights;
        let windows: Vec<Option<cluster::Window>> = whens.iter().map(|w| w.map(|w| w.window)).collect();
        let is_verified = |p: &align::ScoredPair| verified.is_some_and(|v| v.contains(&(p.left, p.right)));
        for (p, d) in pairs.iter().zip(decided.iter_mut()) {
            *d |= is_verified(p);
        }
        progress(Stage::Linked);
        let reprinted: HashMap<(u32, u32), f32> =
            reprint_pairs.iter().map(|r| ((r.left, r.right), r.containment)).collect();
        // A reprint is one event whatever else is found.
        let mut edges: Vec<(u32, u32, f32)> = pairs
            .iter()
            .zip(&decided)
            .zip(not_ruled_out)
            .map(|((p, &d), &not_ruled_out)| {
                let s = if reprinted.contains_key(&(p.left, p.right)) {
                    REPRINT_SAME_EVENT
                } else if d && (p.raw >= opts.align.link || not_ruled_out || is_verified(p)) {
                    p.same_event.max(LINKED_SAME_EVENT)
                } else {
                    p.same_event
                };
                (p.left, p.right, s)
            })
            .collect();
        let scored: HashSet<(u32, u32)> = pairs.iter().map(|p| (p.left, p.right)).collect();
        edges.extend(
            reprint_pairs
                .iter()
                .filter(|r| !scored.contains(&(r.left, r.right)))
                .map(|r| (r.left, r.right, REPRINT_SAME_EVENT)),
        );
        // A day and month read without a year is the weakest window: it yields to a strong
        // pair whose other document's window disagrees (a slip of the month, 7 October
        // written for 7 September, would otherwise keep a report out of its event).
        let day_of_year = |d: usize| whens[d].is_some_and(|w| w.source == crate::when::WhenSource::DayOfYear);
        let windows = yield_weak_windows(&edges, windows, day_of_year, |_| None, opts.cluster.tolerance);
        // Two texts alike enough for the link rule to join on their score alone (a
        // translation, one wire story rewritten) report one happening: where their windows
        // disagree, one of the two readings is wrong (a "Sunday" read as last Sunday in one
        // language and as next Sunday in the other), and each falls back on the days before
        // its publication, where known. (Whether the link rule kept the pair cannot decide:
        // its best partners must agree in time.)
        let translations: Vec<(u32, u32, f32)> =
            pairs.iter().filter(|p| p.score >= opts.align.link).map(|p| (p.left, p.right, 1.0)).collect();
        let published_window = |d: usize| published[d].map(crate::when::published_window);
        let windows = yield_weak_windows(&translations, windows, |_| true, published_window, opts.cluster.tolerance);
        let grouping = cluster::Grouping::new(&edges, &windows, &space.keys, &opts.cluster);
        let mut events = grouping.numbered();
        // A dated intruder that kept two groups of one event apart loses its pairs with them;
        // only the parts of the pair graph that lost pairs are grouped again.
        let intruders = crate::contradiction::intruders(&edges, &windows, &events, &opts.cluster);
        if !intruders.is_empty() {
            edges.retain(|&(a, b, _)| !intruders.contains(&(a.min(b), a.max(b))));
            let touched: Vec<u32> = intruders.iter().flat_map(|&(a, b)| [a, b]).collect();
            events = grouping.update(&touched, &edges, &windows, &space.keys, &opts.cluster).numbered();
        }
        // Greedy merging can leave a document in a group it fits less well than another.
        if opts.cluster.refine_rounds > 0 {
            events = cluster::refine(&edges, &windows, &space.keys, &events, &opts.cluster);
        }
        progress(Stage::Grouped);
        // Copies of one text are linked each to its closest copy (highest containment, ties
        // by content), not each to every other: a story on thirty sites is thirty links,
        // not 435, and their passages are the same sentences. The other copies' pairs still
        // hold the event together.
        let mut closest: HashMap<u32, (f32, u64, u32)> = HashMap::new();
        for r in reprint_pairs {
            for (d, o) in [(r.left, r.right), (r.right, r.left)] {
                keep_best(&mut closest, d, r.containment, &space.keys, o);
            }
        }
        let reprint_links: HashSet<(u32, u32)> = closest.iter().map(|(&d, &(_, _, o))| (d.min(o), d.max(o))).collect();
        // A link is a pair the link rule keeps (unless it is a copy linked otherwise) or a
        // copy's closest copy, inside one event.
        let mut linked: Vec<(u32, u32)> = pairs
            .iter()
            .zip(decided)
            .filter(|(p, d)| *d && !reprinted.contains_key(&(p.left, p.right)))
            .map(|(p, _)| (p.left, p.right))
            .chain(reprint_links.iter().copied())
            .filter(|&(a, b)| events[a as usize] == events[b as usize])
            .collect();
        // A preview joins the report it announces: its most likely partner in its event,
        // among documents that do not announce, when the link rule kept none.
        let announces = |d: usize| is_announcement(whens, d);
        let mut best_report: HashMap<u32, (f32, u64, u32)> = HashMap::new();
        for p in pairs {
            let (a, b) = (p.left as usize, p.right as usize);
            if events[a] != events[b] || announces(a) == announces(b) || p.same_event < PREVIEW_SAME_EVENT {
                continue;
            }
            let (preview, report) = if announces(a) { (p.left, p.right) } else { (p.right, p.left) };
            keep_best(&mut best_report, preview, p.same_event, &space.keys, report);
        }
        let has_report: HashSet<u32> = linked
            .iter()
            .filter(|&&(a, b)| announces(a as usize) != announces(b as usize))
            .flat_map(|&(a, b)| [a, b])
            .collect();
        for (&preview, &(_, _, report)) in &best_report {
            if !has_report.contains(&preview) {
                linked.push((preview.min(report), preview.max(report)));
            }
        }
        linked.sort_unstable();
        linked.dedup();
        let show = |f: u32| self.feature_name(f);
        // Explained on every core (each link's evidence is a string of its own), in order.
        let links: Vec<Link> = linked
            .into_par_iter()
            .map(|(a, b)| {
                let (a, b) = (a as usize, b as usize);
                let (score, evidence) = weights.explain(space, &opts.align, a, b, &show);
                if let Some(&containment) = reprinted.get(&(a as u32, b as u32)) {
                    let evidence =
                        format!("reprint: {:.0}% of the shorter text's word 4-grams in the other", containment * 100.0);
                    Link { left: a, right: b, score: score.max(containment), evidence, relation: Relation::Reprint }
                } else {
                    let relation = unprinted_relation(whens, space, &opts.align, a, b, score);
                    Link { left: a, right: b, score, evidence, relation }
                }
            })
            .collect();
        self.event_ids = EventIds::new(events.iter().max().map_or(0, |m| m + 1));
        self.links = links;
        self.events = events;
    }

    /// What this run learnt from its corpus, to weigh a part of it as this run does
    /// ([`Analysis::with_stats`]).
    pub fn stats(&self) -> Stats {
        let (df, documents) = self.space.df();
        Stats {
            frequent: self.frequent.clone(),
            mentions: self
                .resolution
                .mention_keys
                .iter()
                .map(|(k, e)| (k.clone(), mention_feature(&self.resolution.entities[*e as usize])))
                .collect(),
            entities: self
                .resolution
                .entities
                .iter()
                .rev()
                .map(|e| (e.key.clone(), (e.lexicon.is_some(), e.kind)))
                .collect(),
            names: self
                .resolution
                .entities
                .iter()
                .filter(|e| e.canonical() != e.key)
                .map(|e| (e.key.clone(), e.canonical().to_owned()))
                .collect(),
            df: df.iter().enumerate().map(|(f, &n)| (self.space.feature(f as u32).clone(), n)).collect(),
            documents,
            chance: self.model.chance(),
            base_rate: self.base_rate,
            floors: stats::floors_by_key(&self.space.keys, &self.floors),
        }
    }

    /// The facts of document `d`, extracted again from its text with the corpus's frequent
    /// words: the same facts the pipeline saw (it keeps only the features it needs), with
    /// `mentions[i]` resolved to `resolution.doc_entities[d][i]`.
    pub fn facts(&self, d: usize) -> DocFacts {
        read_doc(&self.corpus.docs()[d], &self.furniture[d], &self.frequent).0
    }

    /// The byte ranges of document `d`'s furniture lines (see [`crate::furniture`]).
    pub fn furniture(&self, d: usize) -> &[(usize, usize)] {
        &self.furniture[d]
    }

    /// Why documents `a` and `b` scored as they did, in words.
    pub fn pair_evidence(&self, a: usize, b: usize) -> String {
        self.weights.explain(&self.space, &self.options.align, a, b, &|f| self.feature_name(f)).1
    }

    /// The name of the entity feature `f` stands for, if it stands for one.
    pub fn feature_name(&self, f: u32) -> Option<&str> {
        self.feature_names
            .get(&f)
            .map(String::as_str)
            .or_else(|| entity_name(&self.feature_entity, &self.resolution, f))
    }

    /// The inputs of the same-event model for documents `a` and `b` (see
    /// [`crate::pairmodel::INPUTS`]).
    pub fn pair_inputs(&self, a: usize, b: usize) -> [f32; crate::pairmodel::N_INPUTS] {
        self.model.inputs(&self.space, a, b, self.weights.order(&self.space, a, b))
    }

    /// The id of event number `n`, e.g. `E007`.
    pub fn event_id(&self, n: usize) -> String {
        self.event_ids.id(n)
    }

    /// Every pair of documents the aligner scored inside one event, as links: the links
    /// themselves and the event's other scored pairs (`export sentences --within-events`).
    ///
    /// The links of an event are a choice of its pairs (those the link rule keeps, each copy
    /// to its closest copy, a preview to its report): two reports that the event holds
    /// through other documents get no link, so no passages. Here they do, with the relation
    /// and evidence a link would have. Copies stay linked to their closest copy only (a
    /// story on thirty sites is thirty pairs, not 435). Pairs the aligner never scored (no
    /// shared rare feature) are not added. Sorted by document pair: the same pairs, in the
    /// same order, for any order of the corpus. A document the aligner scored against none
    /// of its event's documents in a language the corpus taught it no table for gets its
    /// best partner there, as in [`Analysis::shown_pairs`], so that every pair shown is here
    /// too. Empty after [`Analysis::release_pair_scoring`] apart from the links.
    pub fn event_pairs(&self, opts: &PassageOptions) -> Vec<Link> {
        let mut out = self.links_and_event_pairs(|_, _| true);
        self.add_unscored_partners(&mut out, &self.best_event_partners(), opts);
        out
    }

    /// The pairs whose passages `export sentences` and `report` show: the links, and the
    /// *unlinked reports*: pairs of documents scored inside one event, in two languages,
    /// where neither document has a link into the other's language.
    ///
    /// Independent reports of one event (two newsrooms, each telling the facts its own way)
    /// rarely pass the link rule: their event holds them through other documents. On web
    /// dev's 53 hand-labelled Bengali–Persian pairs of independent reports, the links alone
    /// joined 7 (`cargo xtask eval passages-web`). A document with a link into the other
    /// language (a translation, or a report the link rule joined) has its passages from
    /// that link, so a corpus of translations (NTREX and each of its overlap variants,
    /// where every partnered document is linked) gets no pair more; pairs where only one side
    /// has such a link (aligned in `--within-events`) lowered the variants' passage F1 by up
    /// to 0.02.
    ///
    /// For two languages the corpus was learnt from and taught no translation table (fewer
    /// confident passages than [`lexical::MIN_TRAINING_PAIRS`]: few translations between
    /// them), a pair of one event is also shown where one document is the other's
    /// best-scored partner of the event in that language, whatever their links: such
    /// documents are mostly independent reports, and a link into the other language is one
    /// report the link rule joined, not the translation that gives a document its passages
    /// (web dev's labelled pairs: 16 → 23 of 53 get passages). Every pair of the event,
    /// rather than the best partners, lowered the 10 % overlap variants, whose few
    /// translations teach no table either and whose events hold several stories. A
    /// document the candidate search scored against none of its event's documents in that
    /// language is scored against all of them (in events of at most `MAX_EVENT_SCAN` = 200
    /// documents), so that it has a best partner too (web dev: 30 → 37 of 53). Deciding
    /// it runs the learning pass of [`Analysis::passages`] (with `opts`) if some pair needs
    /// it. Empty after [`Analysis::release_pair_scoring`] apart from the links.
    pub fn shown_pairs(&self, opts: &PassageOptions) -> Vec<Link> {
        let docs = self.corpus.docs();
        let mut linked_into: HashSet<(usize, Lang)> = HashSet::new();
        for l in &self.links {
            linked_into.insert((l.left, docs[l.right].lang));
            linked_into.insert((l.right, docs[l.left].lang));
        }
        let best = self.best_event_partners();
        let is_best = |a: usize, b: usize| {
            best.get(&(a, docs[b].lang)).is_some_and(|e| e.2 as usize == b)
                || best.get(&(b, docs[a].lang)).is_some_and(|e| e.2 as usize == a)
        };
        let mut out = self.links_and_event_pairs(|a, b| {
            let (la, lb) = (docs[a].lang, docs[b].lang);
            la != lb
                && ((!linked_into.contains(&(a, lb)) && !linked_into.contains(&(b, la)))
                    || (is_best(a, b) && self.untaught(la, lb, opts)))
        });
        self.add_unscored_partners(&mut out, &best, opts);
        out
    }

    /// Adds to `out` (and sorts it) each document's best partner of its event in another
    /// language where the candidate search scored it against none of the event's documents
    /// in that language (none in `best`, each document's best scored partner per language)
    /// and the corpus taught the two languages no table: scored now against all of them,
    /// in events of up to [`MAX_EVENT_SCAN`] documents (the search keeps each document's
    /// best candidates in the whole corpus, and an event holds its reports through others).
    fn add_unscored_partners(
        &self,
        out: &mut Vec<Link>,
        best: &HashMap<(usize, Lang), (f32, u64, u32)>,
        opts: &PassageOptions,
    ) {
        let docs = self.corpus.docs();
        let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (d, &e) in self.events.iter().enumerate() {
            members.entry(e).or_default().push(d);
        }
        // Whether the corpus taught no table for two languages, asked once per pair.
        let mut untaught_pairs: HashMap<(Lang, Lang), bool> = HashMap::new();
        let mut fallback: HashMap<(usize, Lang), (f32, u64, u32)> = HashMap::new();
        for docs_of in members.values().filter(|m| m.len() > 1 && m.len() <= MAX_EVENT_SCAN) {
            for &a in docs_of {
                for &b in docs_of {
                    let (la, lb) = (docs[a].lang, docs[b].lang);
                    if la == lb || best.contains_key(&(a, lb)) {
                        continue;
                    }
                    if *untaught_pairs.entry((la, lb)).or_insert_with(|| self.untaught(la, lb, opts)) {
                        let score = self.weights.score(&self.space, &self.options.align, a, b);
                        keep_best(&mut fallback, (a, lb), score, &self.space.keys, b as u32);
                    }
                }
            }
        }
        // None of these pairs was scored: a scored pair of the event would have put each of
        // its documents in `best` for the other's language.
        let mut extra: Vec<(usize, usize)> = fallback
            .iter()
            .filter(|(_, e)| e.0 > 0.0)
            .map(|(&(a, _), e)| (a.min(e.2 as usize), a.max(e.2 as usize)))
            .collect();
        extra.sort_unstable();
        extra.dedup();
        out.extend(extra.into_iter().map(|(a, b)| self.unlinked_pair(a, b)));
        out.sort_by_key(|l| (l.left, l.right));
    }

    /// A pair of documents the link rule did not link, explained as a link is.
    fn unlinked_pair(&self, a: usize, b: usize) -> Link {
        let (score, evidence) = self.weights.explain(&self.space, &self.options.align, a, b, &|f| self.feature_name(f));
        let relation = unprinted_relation(&self.whens, &self.space, &self.options.align, a, b, score);
        Link { left: a, right: b, score, evidence, relation }
    }

    /// Each document's best-scored partner of its event in each other language, over the
    /// scored pairs (ties broken by content key).
    fn best_event_partners(&self) -> HashMap<(usize, Lang), (f32, u64, u32)> {
        let docs = self.corpus.docs();
        let mut best: HashMap<(usize, Lang), (f32, u64, u32)> = HashMap::new();
        for p in &self.pairs {
            let (a, b) = (p.left as usize, p.right as usize);
            if self.events[a] != self.events[b] || docs[a].lang == docs[b].lang {
                continue;
            }
            for (x, y) in [(p.left, p.right), (p.right, p.left)] {
                keep_best(&mut best, (x as usize, docs[y as usize].lang), p.score, &self.space.keys, y);
            }
        }
        best
    }

    /// The links, and the pairs scored inside one event (neither linked nor reprints) that
    /// `keep` accepts, as links, sorted by document pair.
    fn links_and_event_pairs(&self, keep: impl Fn(usize, usize) -> bool) -> Vec<Link> {
        let linked: HashSet<(usize, usize)> = self.links.iter().map(|l| (l.left, l.right)).collect();
        let reprinted: HashSet<(u32, u32)> = self.reprints.iter().map(|r| (r.left, r.right)).collect();
        let mut out = self.links.clone();
        for p in &self.pairs {
            let (a, b) = (p.left as usize, p.right as usize);
            if self.events[a] != self.events[b]
                || linked.contains(&(a, b))
                || reprinted.contains(&(p.left, p.right))
                || !keep(a, b)
            {
                continue;
            }
            out.push(self.unlinked_pair(a, b));
        }
        out.sort_by_key(|l| (l.left, l.right));
        out
    }

    /// Frees what scoring the document pairs needed and nothing after it reads: the scored
    /// pairs and each document's feature vector, positions and dates. For a caller that
    /// only aligns the linked pairs' passages next (`export sentences` at scale): those read
    /// the documents' anchors, and a feature's label only to explain an anchor. After it
    /// [`Analysis::pairs`] is empty and pairs can no longer be explained.
    pub fn release_pair_scoring(&mut self) {
        self.pairs = Vec::new();
        self.space.docs = Vec::new();
        self.space.positions = Vec::new();
        self.space.days = Vec::new();
    }

    /// The units of a document that take part in passage alignment, with their anchors:
    /// its sentences, cut where a sentence may have lost its full stop (see
    /// [`crate::boundaries`]). A sentence that is the document's title (alone, or followed by
    /// the outlet's name) is left out: titles are shown elsewhere.
    pub fn units(&self, d: usize, opts: &PassageOptions) -> Vec<Unit> {
        self.units_with(d, opts, Reading::Plain, None)
    }

    /// Where sentences may end without punctuation, learnt from the whole corpus on first use.
    fn boundary_model(&self) -> &BoundaryModel {
        self.boundaries.get_or_init(|| BoundaryModel::new(self.corpus.docs().iter().map(|d| (d.lang, d.text.as_str()))))
    }

    /// [`Analysis::units`], with their words as ids of `vocabulary` when given.
    fn units_with(
        &self,
        d: usize,
        opts: &PassageOptions,
        reading: Reading,
        vocabulary: Option<&Vocabulary>,
    ) -> Vec<Unit> {
        let vocabulary = vocabulary.filter(|_| reading == Reading::Words);
        let doc = &self.corpus.docs()[d];
        let title = doc.title.as_deref().map(talign_names::normalize);
        let model = (opts.cut_weight >= 0.0).then(|| self.boundary_model());
        // The ids of a unit's anchors (sorted, each once) whose kind `kind` accepts.
        let of_kind = |anchors: &[(u32, f32)], kind: fn(FeatureKind) -> bool| -> Vec<u32> {
            anchors.iter().filter(|a| kind(self.space.feature(a.0).kind)).map(|a| a.0).collect()
        };
        let anchors_in = |start: usize, end: usize| {
            let mut anchors: Vec<(u32, f32)> = self.anchors[d]
                .iter()
                .filter(|a| start <= a.start as usize && a.end as usize <= end)
                .map(|a| (a.feature, a.weight))
                .collect();
            anchors.sort_by_key(|a| a.0);
            anchors.dedup_by_key(|a| a.0);
            anchors
        };
        let letters = |t: &str| t.chars().filter(|&c| talign_names::is_letter_or_digit(c)).count() as f32;
        let mut tokens = TokenTable::new(vocabulary, opts.cognate_min_key);
        let mut words = crate::boundaries::Words::default();
        // Common news words, each as its concept's anchor id; not one inside an event word
        // (the security of নিরাপত্তা পরিষদ, the Security Council, is the event word's), for two
        // languages the corpus taught no table.
        let news: Vec<(usize, usize, u32)> = if opts.news_words && reading == Reading::News {
            let events: Vec<(usize, usize)> = self.anchors[d]
                .iter()
                .filter(|a| self.space.feature(a.feature).kind == FeatureKind::Event)
                .map(|a| (a.start as usize, a.end as usize))
                .collect();
            keywords::news_words(&doc.text)
                .into_iter()
                .filter(|w| !events.iter().any(|&(s, e)| s < w.end && w.start < e))
                .map(|w| (w.start, w.end, news_anchor(w.concept)))
                .collect()
        } else {
            Vec::new()
        };
        // The dates the text states, for its datelines.
        let dates: Vec<(usize, usize)> = self.anchors[d]
            .iter()
            .filter(|a| self.space.feature(a.feature).kind == FeatureKind::Date)
            .map(|a| (a.start as usize, a.end as usize))
            .collect();
        let mut out = Vec::new();
        for s in doc.sentences() {
            // The title, alone or as a page heading with the outlet's name after it.
            let is_title = title.as_deref().is_some_and(|t| {
                // A sentence whose letters alone are 40 bytes longer than the title is
                // neither the title nor a heading that starts with it: not normalized.
                if talign_names::normalized_len_floor(s.text) >= t.len() + 40 {
                    return false;
                }
                let n = talign_names::normalize(s.text);
                n == t || (t.split(' ').count() >= 3 && n.starts_with(t) && n.len() < t.len() + 40)
            });
            if is_title {
                continue;
            }
            let asks = passages::asks(s.text);
            // A date and no word outside it: a dateline (`16 شهریور 1402 - 18:53`).
            let in_date = |i: usize| dates.iter().any(|&(a, b)| a <= i && i < b);
            let dateline = dates.iter().any(|&(a, b)| s.start <= a && b <= s.start + s.text.len())
                && s.text.char_indices().filter(|(_, c)| c.is_alphabetic()).all(|(i, _)| in_date(s.start + i));
            let cuts = model.map(|m| m.cuts_with(doc.lang, s.text, &mut words)).unwrap_or_default();
            let total = letters(s.text).max(1.0);
            let mut from = (0usize, 0.0f32);
            for (k, (at, cut)) in cuts
                .iter()
                .map(|c| (c.at, opts.cut_base - opts.cut_weight * c.probability.ln()))
                .chain([(s.text.len(), 0.0)])
                .enumerate()
            {
                let piece = s.text[from.0..at].trim_end();
                let (cognates, words) = tokens.unit(piece);
                let (start, end) = (s.start + from.0, s.start + from.0 + piece.len());
                let mut news: Vec<u32> = news.iter().filter(|w| start <= w.0 && w.1 <= end).map(|w| w.2).collect();
                news.sort_unstable();
                news.dedup();
                let len = letters(piece);
                let anchors = anchors_in(start, end);
                let (figures, specific) =
                    (of_kind(&anchors, |k| k == FeatureKind::Number), of_kind(&anchors, |k| k != FeatureKind::Event));
                out.push(Unit {
                    start,
                    end,
                    len,
                    anchors,
                    starts_sentence: k == 0,
                    cut: from.1,
                    share: len / total,
                    cognates,
                    words,
                    news,
                    asks,
                    figures,
                    specific,
                    dateline,
                });
                from = (at, cut);
            }
        }
        out
    }

    /// What the passage aligner learns from the corpus (see [`crate::lexical`]): the first
    /// call aligns every linked pair of two languages without a table, and trains one per
    /// language pair on the passages of the pairs aligned as translations.
    fn learnt(&self, opts: &PassageOptions) -> &Learnt {
        self.learnt.get_or_init(|| {
            let docs = self.corpus.docs();
            let mut linked: Vec<usize> = self.links.iter().flat_map(|l| [l.left, l.right]).collect();
            linked.sort_unstable();
            linked.dedup();
            // Words are read in parallel and numbered in document order, as one thread would.
            let mut vocabulary = Vocabulary::new();
            for chunk in linked.chunks(EXTRACT_CHUNK) {
                let words: Vec<Vec<String>> = chunk.par_iter().map(|&d| lexical::words(&docs[d].text)).collect();
                for w in words.iter().flatten() {
                    vocabulary.intern(w);
                }
            }
            let cross: Vec<&Link> = self.links.iter().filter(|l| docs[l.left].lang != docs[l.right].lang).collect();
            type Aligned = ((Lang, Lang), Vec<PassageWords>, Vec<f32>);
            let learn = |_: usize, l: &Link, ua: &[Unit], ub: &[Unit]| -> Aligned {
                let flip = self.flipped(l);
                let (beads, parallel) =
                    passages::align_passages_oriented(ua, ub, passages::PairModel::default(), opts, flip);
                let (la, lb) = (docs[l.left].lang, docs[l.right].lang);
                // Confident passages of translations, and the confidently mined pairs of
                // independent reports.
                let confident: Vec<&Bead> = beads
                    .iter()
                    .filter(|b| {
                        if parallel {
                            b.score >= LEARN_MIN_SCORE
                        } else {
                            b.evidence.margin.is_some_and(|m| m >= LEARN_MIN_MARGIN)
                        }
                    })
                    .collect();
                let pairs = confident
                    .iter()
                    .map(|b| {
                        let (x, y) = (
                            passages::words_of(&ua[b.left.0..b.left.1]),
                            passages::words_of(&ub[b.right.0..b.right.1]),
                        );
                        if la <= lb { (x, y) } else { (y, x) }
                    })
                    .collect();
                let len = |units: &[Unit]| units.iter().map(|u| u.len).sum::<f32>();
                let ratios = confident
                    .iter()
                    .map(|b| (len(&ua[b.left.0..b.left.1]), len(&ub[b.right.0..b.right.1])))
                    .filter(|&(x, y)| x > 0.0 && y > 0.0)
                    .map(|(x, y)| if la <= lb { y / x } else { x / y })
                    .collect();
                ((la.min(lb), la.max(lb)), pairs, ratios)
            };
            let mut by_langs: std::collections::BTreeMap<(Lang, Lang), Vec<PassageWords>> = Default::default();
            let mut ratios_by_langs: std::collections::BTreeMap<(Lang, Lang), Vec<f32>> = Default::default();
            let cross: Vec<(&Link, Reading)> = cross.into_iter().map(|l| (l, Reading::Words)).collect();
            let done: Result<(), std::convert::Infallible> =
                self.each_aligned(&cross, Some(&vocabulary), opts, LINK_CHUNK, learn, |_, (k, pairs, ratios)| {
                    by_langs.entry(k).or_default().extend(pairs);
                    ratios_by_langs.entry(k).or_default().extend(ratios);
                    Ok(())
                });
            let Ok(()) = done;
            let ratios = ratios_by_langs
                .into_iter()
                .filter(|(_, r)| r.len() >= MIN_RATIO_PASSAGES)
                .map(|(k, mut r)| {
                    r.sort_by(f32::total_cmp);
                    (k, r[r.len() / 2])
                })
                .collect();
            let tables: HashMap<(Lang, Lang), Translations> =
                by_langs.into_iter().filter_map(|(k, pairs)| Translations::learn(&pairs).map(|t| (k, t))).collect();

            Learnt { vocabulary, tables, ratios }
        })
    }

    /// Learns what passage alignment learns from the corpus (the boundary model, the
    /// translation tables and length ratios), which the first call to
    /// [`Analysis::passages`] would otherwise do: for timing alignment apart from learning.
    pub fn prepare_passages(&self, opts: &PassageOptions) {
        if opts.cut_weight >= 0.0 {
            self.boundary_model();
        }
        if opts.lexical_reward > 0.0 {
            self.learnt(opts);
        }
    }

    /// What a link is aligned with besides its units: the translation table and length
    /// ratio learnt for its two languages (learnt on first use), and the vocabulary its
    /// units' words are read with, where there is a table.
    fn pair_model(&self, link: &Link, opts: &PassageOptions) -> (Option<&Vocabulary>, passages::PairModel<'_>) {
        let docs = self.corpus.docs();
        self.pair_model_of(docs[link.left].lang, docs[link.right].lang, opts)
    }

    /// Whether the corpus taught languages `la` and `lb` no translation table.
    fn untaught(&self, la: Lang, lb: Lang, opts: &PassageOptions) -> bool {
        self.pair_model_of(la, lb, opts).1.untaught
    }

    /// [`Analysis::pair_model`] of a pair whose left document is in `la` and right in `lb`.
    fn pair_model_of(
        &self,
        la: Lang,
        lb: Lang,
        opts: &PassageOptions,
    ) -> (Option<&Vocabulary>, passages::PairModel<'_>) {
        if opts.lexical_reward <= 0.0 || la == lb {
            return (None, passages::PairModel::default());
        }
        let learnt = self.learnt(opts);
        let key = (la.min(lb), la.max(lb));
        let table = learnt.tables.get(&key);
        let model = passages::PairModel {
            dictionary: table.map(|table| Dictionary { table, reversed: la > lb }),
            length_ratio: learnt.ratios.get(&key).map(|&r| if la <= lb { r } else { 1.0 / r }),
            untaught: table.is_none(),
        };
        (table.map(|_| &learnt.vocabulary), model)
    }

    /// The aligned passages of a linked pair.
    pub fn passages(&self, link: &Link, opts: &PassageOptions) -> Vec<PassagePair> {
        let (vocabulary, model) = self.pair_model(link, opts);
        let reading = Reading::of(vocabulary, &model);
        let (ua, ub) = (
            self.units_with(link.left, opts, reading, vocabulary),
            self.units_with(link.right, opts, reading, vocabulary),
        );
        self.passage_pairs(link, &ua, &ub, model, opts)
    }

    /// The aligned passages of every link, handed to `each` in the order of
    /// [`Analysis::links`]: the same as [`Analysis::passages`] on each link in turn, computed
    /// on every core (see `Analysis::each_aligned`). Stops at the first error `each` returns.
    pub fn each_passages<E>(
        &self,
        opts: &PassageOptions,
        each: impl FnMut(&Link, Vec<PassagePair>) -> Result<(), E>,
    ) -> Result<(), E> {
        self.each_passages_in_chunks(&self.links, opts, LINK_CHUNK, each)
    }

    /// [`Analysis::each_passages`] for the given pairs of documents instead of the linked ones.
    pub fn each_passages_of<'l, E>(
        &self,
        links: &'l [Link],
        opts: &PassageOptions,
        each: impl FnMut(&'l Link, Vec<PassagePair>) -> Result<(), E>,
    ) -> Result<(), E> {
        self.each_passages_in_chunks(links, opts, LINK_CHUNK, each)
    }

    /// [`Analysis::each_passages_of`], `chunk` links at a time.
    fn each_passages_in_chunks<'l, E>(
        &self,
        links: &'l [Link],
        opts: &PassageOptions,
        chunk: usize,
        each: impl FnMut(&'l Link, Vec<PassagePair>) -> Result<(), E>,
    ) -> Result<(), E> {
        let align = |l: &Link, ua: &[Unit], ub: &[Unit], model: passages::PairModel<'_>| {
            self.passage_pairs(l, ua, ub, model, opts)
        };
        self.each_link_aligned(links, opts, chunk, align, each)
    }

    /// Runs `align(link, left units, right units, what the corpus taught about the two
    /// languages)` on each link, `chunk` links at a time on every core, and hands `each` the
    /// results in the order of the links.
    fn each_link_aligned<'l, T: Send, E>(
        &self,
        links: &'l [Link],
        opts: &PassageOptions,
        chunk: usize,
        align: impl Fn(&Link, &[Unit], &[Unit], passages::PairModel<'_>) -> T + Sync,
        mut each: impl FnMut(&'l Link, T) -> Result<(), E>,
    ) -> Result<(), E> {
        // The learning pass, if a link needs it, runs here, before the links are aligned.
        let models: Vec<(Option<&Vocabulary>, passages::PairModel<'_>)> =
            links.iter().map(|l| self.pair_model(l, opts)).collect();
        let links: Vec<(&Link, Reading)> =
            links.iter().zip(&models).map(|(l, m)| (l, Reading::of(m.0, &m.1))).collect();
        let vocabulary = models.iter().find_map(|m| m.0);
        let align = |i: usize, l: &Link, ua: &[Unit], ub: &[Unit]| align(l, ua, ub, models[i].1);
        self.each_aligned(&links, vocabulary, opts, chunk, align, &mut each)
    }

    /// Whether a link's passages are aligned with its right document first: every pair is
    /// aligned in one orientation, by the documents' languages and then their texts, so that
    /// neither the order of the corpus nor its ids change the passages.
    fn flipped(&self, link: &Link) -> bool {
        let docs = self.corpus.docs();
        let key = |d: usize| (docs[d].lang, align::fnv64(docs[d].text.as_bytes()), docs[d].text.len());
        key(link.right) < key(link.left)
    }

    /// The passage pairs of a link, aligned on its documents' units.
    fn passage_pairs(
        &self,
        link: &Link,
        ua: &[Unit],
        ub: &[Unit],
        model: passages::PairModel<'_>,
        opts: &PassageOptions,
    ) -> Vec<PassagePair> {
        let docs = self.corpus.docs();
        let (ta, tb) = (&docs[link.left].text, &docs[link.right].text);
        passages::align_passages_oriented(ua, ub, model, opts, self.flipped(link))
            .0
            .into_iter()
            .map(|b| PassagePair {
                left: join(ta, &ua[b.left.0..b.left.1]),
                right: join(tb, &ub[b.right.0..b.right.1]),
                score: b.score,
                left_span: span(&ua[b.left.0..b.left.1]),
                right_span: span(&ub[b.right.0..b.right.1]),
                bead: b,
            })
            .collect()
    }

    /// Runs `align(i, link, left units, right units)` on every link `links[i] = (link,
    /// reading)`, on every core, `chunk` links at a time, and hands the results to `each`
    /// in the order of `links`. A link is aligned on its documents' units read as its
    /// [`Reading`] says (words as ids of `vocabulary`); the units of a document are built
    /// once for each reading it is needed in, in parallel, and kept only until the last link
    /// that needs them has been aligned.
    fn each_aligned<'l, T: Send, E>(
        &self,
        links: &[(&'l Link, Reading)],
        vocabulary: Option<&Vocabulary>,
        opts: &PassageOptions,
        chunk: usize,
        align: impl Fn(usize, &Link, &[Unit], &[Unit]) -> T + Sync,
        mut each: impl FnMut(&'l Link, T) -> Result<(), E>,
    ) -> Result<(), E> {
        debug_assert!(vocabulary.is_some() || links.iter().all(|x| x.1 != Reading::Words));
        // The corpus's boundary model is learnt here, not by whichever thread first needs it.
        if opts.cut_weight >= 0.0 {
            self.boundary_model();
        }
        // The units a link needs: its two documents', with or without words.
        let keys = |i: usize| [(links[i].0.left, links[i].1), (links[i].0.right, links[i].1)];
        let mut last_use: HashMap<(usize, Reading), usize> = HashMap::new();
        for i in 0..links.len() {
            for k in keys(i) {
                last_use.insert(k, i);
            }
        }
        let mut units: HashMap<(usize, Reading), Vec<Unit>> = HashMap::new();
        for from in (0..links.len()).step_by(chunk.max(1)) {
            let to = (from + chunk.max(1)).min(links.len());
            let mut wanted: Vec<(usize, Reading)> =
                (from..to).flat_map(keys).filter(|k| !units.contains_key(k)).collect();
            wanted.sort_unstable();
            wanted.dedup();
            let built: Vec<Vec<Unit>> =
                wanted.par_iter().map(|&(d, reading)| self.units_with(d, opts, reading, vocabulary)).collect();
            units.extend(wanted.into_iter().zip(built));
            let results: Vec<T> = (from..to)
                .into_par_iter()
                .map(|i| {
                    let [ka, kb] = keys(i);
                    align(i, links[i].0, &units[&ka], &units[&kb])
                })
                .collect();
            for (i, r) in (from..to).zip(results) {
                each(links[i].0, r)?;
            }
            units.retain(|k, _| last_use[k] >= to);
        }
        Ok(())
    }
}

/// Links aligned at a time by [`Analysis::each_passages`] and the learning pass: enough to keep every core busy,
/// few enough that their passages are a small part of the memory.
const LINK_CHUNK: usize = 1024;

/// Whether document `d` announces a happening to come (a preview).
fn is_announcement(whens: &[Option<When>], d: usize) -> bool {
    whens[d].is_some_and(|w| w.source == crate::when::WhenSource::Announced)
}

/// How two documents of one event relate when neither reprints the other: a preview and
/// what it announces, else as their wording says ([`align::written_relation`]).
fn unprinted_relation(
    whens: &[Option<When>],
    space: &FeatureSpace,
    opts: &AlignOptions,
    a: usize,
    b: usize,
    score: f32,
) -> Relation {
    if is_announcement(whens, a) != is_announcement(whens, b) {
        Relation::Preview
    } else {
        align::written_relation(space, opts, a, b, score)
    }
}

/// The name of the entity feature `f` stands for (`feature_entity` as in [`Analysis`]).
fn entity_name<'r>(feature_entity: &[u32], resolution: &'r Resolution, f: u32) -> Option<&'r str> {
    match feature_entity.get(f as usize) {
        Some(&e) if e != u32::MAX => Some(resolution.entities[e as usize].canonical()),
        _ => None,
    }
}

impl Analysis<'_> {
    /// Why two passages were paired, in words: the names, numbers, dates and event words
    /// they share, the words spelt alike, the news words both have (mined pairs read with
    /// them), and the share of their wording the learnt table
    /// pairs (against what unrelated sentences of the two documents share).
    pub fn passage_evidence(&self, bead: &Bead) -> String {
        let e = &bead.evidence;
        let mut parts = vec![match (e.regime, e.margin) {
            (passages::Regime::Mined, m) => {
                let by = e.mined_by.map(|b| format!(" ({})", b.label())).unwrap_or_default();
                let margin = m.map(|m| format!(", margin {m:.2}")).unwrap_or_default();
                format!("independent reports: mined{by}{margin}")
            }
            (passages::Regime::Translation, _) => "translation: monotonic".to_owned(),
        }];
        if !e.anchors.is_empty() {
            let mut labels: Vec<&str> = e
                .anchors
                .iter()
                .map(|&id| self.feature_name(id).unwrap_or(self.space.feature(id).label.as_str()))
                .collect();
            labels.sort_unstable();
            parts.push(format!("shared: {}", labels.join(", ")));
        }
        if e.cognates > 0 {
            parts.push(format!("spelt alike: {}", e.cognates));
        }
        if !e.news.is_empty() {
            let words = &crate::lists::Lists::builtin().words.concepts;
            let mut labels: Vec<String> = e.news.iter().map(|&c| words[c as usize].replace('_', " ")).collect();
            labels.sort_unstable();
            parts.push(format!("news words: {}", labels.join(", ")));
        }
        if let Some((sim, base)) = e.lexical {
            parts.push(format!("wording {:.0}% (nearest other sentences {:.0}%)", 100.0 * sim, 100.0 * base));
        }
        if parts.len() == 1 {
            parts.push("length and position".into());
        }
        parts.join("; ")
    }
}

/// Passages of the first alignment scoring at least this teach the translation table ...
const LEARN_MIN_SCORE: f32 = 0.5;

/// ... and mined sentence pairs of independent reports with at least this margin.
const LEARN_MIN_MARGIN: f32 = 2.0;

/// Fewer confident passages than this of a pair of languages say nothing reliable about
/// their length ratio.
const MIN_RATIO_PASSAGES: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mutual_pair_yields_where_the_model_prefers_another_partner() {
        let pair = |left, right, same_event| align::ScoredPair { left, right, score: 0.2, raw: 0.2, same_event };
        let pairs = [pair(0, 1, 0.2), pair(0, 2, 0.7), pair(0, 3, 0.1), pair(3, 4, 0.15)];
        // 0 ~ 1 and 0 ~ 3 yield to 0 ~ 2 (0.7 ≥ 0.6 and 0.2 + 0.4), whatever the languages
        // of 1, 2 and 3: 2 was never scored with 1 or 3. 0 ~ 2 is the likeliest itself, and
        // 3 ~ 4 has no likelier partner.
        assert_eq!(model_prefers_another(&pairs, 5), [true, false, true, false]);
        // A likelier partner that may be one event with the other document is no conflict:
        // 2 ~ 3 at 0.35 leaves 0 ~ 3 alone; 1 ~ 2 just under the floor does not.
        let pairs = [pair(0, 1, 0.2), pair(0, 2, 0.7), pair(0, 3, 0.1), pair(1, 2, 0.04), pair(2, 3, 0.35)];
        assert_eq!(model_prefers_another(&pairs, 4), [true, false, false, false, false]);
        // A likelier partner within the margin, or under the floor, does not count.
        assert_eq!(model_prefers_another(&[pair(0, 1, 0.35), pair(0, 2, 0.7)], 3), [false, false]);
        assert_eq!(model_prefers_another(&[pair(0, 1, 0.0), pair(0, 2, 0.55)], 3), [false, false]);
    }

    #[test]
    fn a_weak_window_yields_to_a_strong_pair_that_disagrees() {
        use cluster::Window;
        // 0 and 1: a strong pair whose windows disagree (1 is a day and month: weak).
        // 2 and 3: a weak pair; 3's weak window stays. 4: weak, agrees with 0.
        let windows = vec![
            Some(Window::Days(19_607, 19_607)),
            Some(Window::DaysOfYear(280, 280)),
            Some(Window::Days(19_000, 19_000)),
            Some(Window::DaysOfYear(10, 10)),
            Some(Window::DaysOfYear(250, 250)),
        ];
        let weak = |d: usize| matches!(windows[d], Some(Window::DaysOfYear(..)));
        let edges = [(0, 1, 0.9), (2, 3, 0.5), (0, 4, 0.9)];
        let got = yield_weak_windows(&edges, windows.clone(), weak, |_| None, 3);
        assert_eq!(got, vec![windows[0], None, windows[2], windows[3], windows[4]]);
        // The order of the edges does not matter; a strong window never yields.
        let reversed: Vec<_> = edges.iter().rev().map(|&(a, b, s)| (b, a, s)).collect();
        assert_eq!(yield_weak_windows(&reversed, windows.clone(), weak, |_| None, 3), got);
        assert_eq!(yield_weak_windows(&edges, windows.clone(), |_| false, |_| None, 3), windows);
        // Two translations whose readings disagree fall back on their publication days.
        let published = |d: usize| Some(Window::Days(19_600 + d as i64, 19_603 + d as i64));
        let got = yield_weak_windows(&[(0, 1, 1.0)], windows.clone(), |_| true, published, 3);
        assert_eq!(got[..2], [published(0), published(1)]);
        assert_eq!(got[2..], windows[2..]);
    }

    /// A report the candidate search never scored against the other language's report of its
    /// event (here each document keeps one candidate, and the Bengali reports are each
    /// other's) is still shown with it, as its best partner of the event in that language.
    #[test]
    fn a_report_never_scored_against_its_events_other_language_is_shown_with_its_best_partner() {
        let bn = [
            "রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ বৃহস্পতিবার ঢাকায় পৌঁছেছেন। ঢাকায় তিনি পররাষ্ট্রমন্ত্রী আব্দুল মোমেনের সঙ্গে বৈঠক করবেন। এটি রাশিয়ার কোনো পররাষ্ট্রমন্ত্রীর প্রথম বাংলাদেশ সফর।",
            "সের্গেই ল্যাভরভ বৃহস্পতিবার সন্ধ্যায় ঢাকায় এসেছেন। আব্দুল মোমেনের সঙ্গে তাঁর বৈঠক হবে। রাশিয়ার পররাষ্ট্রমন্ত্রীর এটি প্রথম বাংলাদেশ সফর।",
            "ল্যাভরভ ঢাকায় এসেছেন, প্রথম বাংলাদেশ সফরে। রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ আব্দুল মোমেনের সঙ্গে বৈঠক করবেন।",
        ];
        let fa = "سرگئی لاوروف وزیر خارجه روسیه پنجشنبه وارد داکا شد. لاوروف با عبدالمومن دیدار خواهد کرد. این نخستین سفر وزیر خارجه روسیه به بنگلادش است.";
        let mut docs: Vec<Document> =
            bn.iter().enumerate().map(|(i, t)| Document::new(format!("bn-{i}"), *t)).collect();
        docs.push(Document::new("fa", fa));
        let corpus = Corpus::from_docs(docs).expect("distinct ids");
        let mut opts = Options::default();
        opts.align.candidates = 1;
        let a = Analysis::with_options(&corpus, &opts);
        let fa = 3;
        assert!(a.events.iter().all(|&e| e == a.events[0]), "one event: {:?}", a.events);
        let scored: Vec<usize> =
            a.pairs.iter().filter_map(|p| (p.right as usize == fa).then_some(p.left as usize)).collect();
        assert!(scored.len() < 3, "some Bengali report was never scored against the Persian one: {scored:?}");
        let shown: Vec<(usize, usize)> =
            a.shown_pairs(&opts.passages).iter().map(|l| (l.left, l.right)).filter(|p| p.1 == fa).collect();
        assert_eq!(shown, [(0, fa), (1, fa), (2, fa)], "{:?}", a.pairs);
        // `--within-events` shows them too.
        let within: Vec<(usize, usize)> =
            a.event_pairs(&opts.passages).iter().map(|l| (l.left, l.right)).filter(|p| p.1 == fa).collect();
        assert_eq!(within, shown);
    }

    #[test]
    fn reports_that_name_different_weekdays_are_less_likely_one_event() {
        // Three reports of a missile attack, none dated: two name its day as Tuesday (one in
        // Bengali, one in Persian), the third (another attack) as Friday.
        let docs = vec![
            Document::new(
                "a",
                "ইরান মঙ্গলবার রাতে ইসরায়েলের তেল আবিবে ক্ষেপণাস্ত্র হামলা চালিয়েছে। নেতানিয়াহু পাল্টা জবাবের হুমকি দিয়েছেন।",
            ),
            Document::new("b", "ایران سه‌شنبه شب به تل‌آویو در اسرائیل حمله موشکی کرد. نتانیاهو به پاسخ تهدید کرد."),
            Document::new(
                "c",
                "ইরান শুক্রবার রাতে ইসরায়েলের তেল আবিবে ক্ষেপণাস্ত্র হামলা চালিয়েছে। নেতানিয়াহু পাল্টা জবাবের হুমকি দিয়েছেন।",
            ),
        ];
        let corpus = Corpus::from_docs(docs).expect("distinct ids");
        let analysis = Analysis::new(&corpus);
        let conflict = crate::pairmodel::INPUTS.iter().position(|&i| i == "weekday_conflicts").unwrap();
        assert_eq!(analysis.space.weekdays(0), 1 << 1, "Tuesday");
        assert_eq!(analysis.space.weekdays(1), 1 << 1, "سه‌شنبه is Tuesday");
        assert_eq!(analysis.space.weekdays(2), 1 << 4, "Friday");
        assert_eq!(analysis.pair_inputs(0, 1)[conflict], 0.0);
        assert_eq!(analysis.pair_inputs(1, 2)[conflict], 1.0);
        assert_eq!(analysis.pair_inputs(0, 2)[conflict], 1.0);
        // Everything else equal, a weekday that differs lowers the probability.
        let same = analysis.pair_inputs(0, 1);
        let mut other = same;
        other[conflict] = 1.0;
        assert!(analysis.model.probability_of(&other) < analysis.model.probability_of(&same) - 0.05);
    }

    #[test]
    fn a_sentence_that_is_only_a_date_is_a_dateline() {
        // A Persian page's dateline (a Solar Hijri date and a time) stands alone; the next
        // sentence states the same day with words around it.
        let docs = vec![Document::new(
            "a",
            "16 شهریور 1402 - 18:53\n\n«سرگئی لاوروف» وزیر امور خارجه روسیه روز پنجشنبه ۱۶ شهریور وارد داکا شد.",
        )];
        let corpus = Corpus::from_docs(docs).expect("distinct ids");
        let analysis = Analysis::new(&corpus);
        let units = analysis.units(0, &PassageOptions::default());
        let datelines: Vec<bool> = units.iter().filter(|u| u.starts_sentence).map(|u| u.dateline).collect();
        assert_eq!(datelines, [true, false], "{units:?}");
    }

    /// In a language of a few pages about a few stories (Tamil, which the lexicon has no
    /// variants in), the names are in most of them: a frequent word that sounds like a name
    /// the lexicon knows stays a name, the other frequent words do not.
    #[test]
    fn frequent_words_keep_the_names_of_uncovered_scripts() {
        let texts = [
            "பிரதமர் மோடி மாஸ்கோ சென்றடைந்தார். அரசு முறை பயணம்.",
            "பிரதமர் மோடி இன்று மாஸ்கோ வந்தார். அரசு பேச்சுவார்த்தை.",
            "பிரதமர் மோடி மாஸ்கோ நகரில் பேசினார். அரசு விருந்து.",
            "பிரதமர் மோடி மாஸ்கோ விமான நிலையம். அரசு மரியாதை.",
            "பிரதமர் மோடி மாஸ்கோ பயணம் நிறைவு. அரசு அறிக்கை.",
        ];
        let docs = texts.iter().enumerate().map(|(i, t)| Document::new(format!("ta{i}"), *t));
        let corpus = Corpus::from_docs(docs).expect("distinct ids");
        let frequent = frequent_words(&corpus);
        let folded = |w: &str| talign_names::Folded::new(w).text;
        assert!(frequent.contains(&folded("அரசு")), "{frequent:?}");
        assert!(frequent.contains(&folded("பிரதமர்")), "{frequent:?}");
        assert!(!frequent.contains(&folded("மோடி")), "{frequent:?}");
        assert!(!frequent.contains(&folded("மாஸ்கோ")), "{frequent:?}");
    }

    #[test]
    fn a_web_address_in_the_text_gives_no_names_and_no_figures() {
        let text = "Sergei Lavrov met Sheikh Hasina in Dhaka on Friday.\nSource: https://www.irna.ir/news/85531176/%D8%A7%DB%8C%D8%B1 and www.example.com/2024/DB7";
        let facts = extract(&Document::new("d", text));
        let named: Vec<&str> = facts.mentions.iter().map(|m| &text[m.start..m.end]).collect();
        assert!(named.contains(&"Sergei Lavrov") && named.contains(&"Dhaka"), "{named:?}");
        assert!(facts.mentions.iter().all(|m| m.end <= text.find("Source").unwrap()), "{named:?}");
        assert!(facts.numbers.is_empty(), "{:?}", facts.numbers);
    }

    /// Ten NTREX articles in Bengali and their Persian translations (enough for a learnt
    /// table), and a copy of three of the Bengali ones: those are linked both to a document
    /// of their language (aligned without words) and to one of the other (with words).
    fn ntrex_with_reprints() -> Corpus {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/ntrex-dev/articles.jsonl");
        let ntrex = Corpus::load(&[path]).expect("NTREX dev loads");
        let bn: Vec<&Document> = ntrex.docs().iter().filter(|d| d.id.starts_with("bn-")).take(10).collect();
        let mut docs: Vec<Document> = Vec::new();
        for d in &bn {
            docs.push((*d).clone());
            docs.push(ntrex.get(&d.id.replacen("bn-", "fa-", 1)).expect("a translation").clone());
        }
        for d in bn.iter().take(3) {
            docs.push(Document { id: format!("copy-{}", d.id), ..(*d).clone() });
        }
        Corpus::from_docs(docs).expect("distinct ids")
    }

    #[test]
    fn a_staggered_translation_beside_a_neighbouring_story_is_linked_by_its_passages() {
        // NTREX dev, with Reuters' North Korea-at-the-UN story staggered (the Persian keeps
        // its first two thirds, the Bengali its last two: they share the middle third) and
        // the Persian of CNBC's story on the same speech removed: its Bengali shares more
        // names with the Persian Reuters than the Bengali Reuters does.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/ntrex-dev");
        let ntrex = Corpus::load(&[dir.join("articles.jsonl")]).expect("NTREX dev loads");
        let mut gold = csv::Reader::from_path(dir.join("gold_sentences.csv")).expect("gold loads");
        let lines: Vec<(String, String)> = gold
            .records()
            .map(|r| r.expect("a gold row"))
            .filter(|r| &r[0] == "bn-reuters.218861")
            .map(|r| (r[2].to_owned(), r[3].to_owned()))
            .collect();
        let (n, third) = (lines.len(), lines.len() / 3);
        let start = (n - third).div_ceil(2);
        let text =
            |d: &Document, body: Vec<&str>| format!("{}\n\n{}", d.title.clone().unwrap_or_default(), body.join(" "));
        let mut docs: Vec<Document> = Vec::new();
        for d in ntrex.docs() {
            let d = match d.id.as_str() {
                "fa-cnbc.com.6769" => continue,
                "fa-reuters.218861" => Document {
                    text: text(d, lines[..start + third].iter().map(|l| l.1.as_str()).collect()),
                    ..d.clone()
                },
                "bn-reuters.218861" => {
                    Document { text: text(d, lines[start..].iter().map(|l| l.0.as_str()).collect()), ..d.clone() }
                }
                _ => d.clone(),
            };
            docs.push(d);
        }
        let corpus = Corpus::from_docs(docs).expect("distinct ids");
        let index = |id: &str| corpus.docs().iter().position(|d| d.id == id).expect("in the corpus");
        let (fa, bn) = (index("fa-reuters.218861"), index("bn-reuters.218861"));
        let linked = |a: &Analysis<'_>| {
            a.links.iter().any(|l| (l.left.min(l.right), l.left.max(l.right)) == (fa.min(bn), fa.max(bn)))
        };
        let mut opts = Options::default();
        assert!(linked(&Analysis::with_options(&corpus, &opts)));
        opts.align.verify = 0;
        assert!(!linked(&Analysis::with_options(&corpus, &opts)));
    }

    #[test]
    fn pair_probabilities_and_statistics_do_not_follow_the_order_of_the_corpus() {
        // Every same-event probability to the last bit, and the statistics file to the
        // byte: feature sums run in the order of the features' labels, not of the documents.
        let docs: Vec<Document> = ntrex_with_reprints().docs().to_vec();
        let forward = Corpus::from_docs(docs.clone()).expect("distinct ids");
        let reversed = Corpus::from_docs(docs.into_iter().rev()).expect("distinct ids");
        let run = |c: &Corpus| {
            let a = Analysis::new(c);
            let docs = c.docs();
            let mut pairs: Vec<(String, String, u32, u32)> = a
                .pairs
                .iter()
                .map(|p| {
                    let (x, y) = (docs[p.left as usize].id.clone(), docs[p.right as usize].id.clone());
                    let (x, y) = if x < y { (x, y) } else { (y, x) };
                    (x, y, p.same_event.to_bits(), p.score.to_bits())
                })
                .collect();
            pairs.sort();
            (pairs, a.stats().to_file())
        };
        let (pf, sf) = run(&forward);
        let (pr, sr) = run(&reversed);
        assert!(pf.len() > 20, "{}", pf.len());
        assert_eq!(pf, pr);
        assert_eq!(sf, sr);
    }

    /// Passages follow neither the order of the corpus nor its ids: with the documents in
    /// the reverse order (so that links swap their left and right), every link gets the
    /// same passages, sides swapped, and the same scores to the four decimals printed.
    #[test]
    fn passages_do_not_follow_the_order_of_the_corpus() {
        type ByLink = std::collections::BTreeMap<(String, String), Vec<(String, String, u32)>>;
        // The translations alone (which of two copies is the reprint follows the order).
        let docs: Vec<Document> =
            ntrex_with_reprints().docs().iter().filter(|d| !d.id.starts_with("copy-")).cloned().collect();
        let corpus = Corpus::from_docs(docs.clone()).expect("distinct ids");
        let reversed = Corpus::from_docs(docs.into_iter().rev()).expect("distinct ids");
        let opts = PassageOptions::default();
        let passages = |c: &Corpus| -> (ByLink, Vec<(String, String)>) {
            let a = Analysis::new(c);
            let docs = c.docs();
            let mut oriented = Vec::new();
            let by_link = a
                .links
                .iter()
                .map(|l| {
                    let (x, y) = (docs[l.left].id.clone(), docs[l.right].id.clone());
                    oriented.push((x.clone(), y.clone()));
                    let mut pairs: Vec<(String, String, u32)> = a
                        .passages(l, &opts)
                        .into_iter()
                        .map(|p| {
                            // Scores as printed: anchors are summed in the order of their
                            // ids, which follow the corpus, so the last bits may differ.
                            let s = (p.score * 1e4).round() as u32;
                            if x < y { (p.left, p.right, s) } else { (p.right, p.left, s) }
                        })
                        .collect();
                    pairs.sort();
                    if x < y { ((x, y), pairs) } else { ((y, x), pairs) }
                })
                .collect();
            (by_link, oriented)
        };
        let ((one, sides), (other, other_sides)) = (passages(&corpus), passages(&reversed));
        assert!(sides.iter().any(|s| !other_sides.contains(s)), "some link swaps its sides");
        assert!(one.values().map(Vec::len).sum::<usize>() >= 20, "passages are found");
        assert!(one.keys().eq(other.keys()), "the same links in either order");
        for (link, pairs) in &one {
            assert!(pairs == &other[link], "the same passages in either order for {link:?}");
        }
    }

    #[test]
    fn releasing_pair_scoring_leaves_the_passages_as_they_were() {
        let corpus = ntrex_with_reprints();
        let mut a = Analysis::new(&corpus);
        let opts = PassageOptions::default();
        assert!(!a.pairs.is_empty());
        let before: Vec<Vec<PassagePair>> = a.links.iter().map(|l| a.passages(l, &opts)).collect();
        let explain = |a: &Analysis<'_>| -> Vec<String> {
            before.iter().flatten().map(|p| a.passage_evidence(&p.bead)).collect()
        };
        let explained = explain(&a);
        assert!(explained.iter().any(|e| !e.is_empty()));
        a.release_pair_scoring();
        assert!(a.pairs.is_empty() && a.space.docs.is_empty());
        assert_eq!(a.links.iter().map(|l| a.passages(l, &opts)).collect::<Vec<_>>(), before);
        assert_eq!(explain(&a), explained);
    }

    /// The passages of every link, aligned on every core with each document's units built
    /// once and dropped after their last link, are those of each link aligned alone, in
    /// link order, whatever the chunk size and the thread count.
    #[test]
    fn passages_of_all_links_are_those_of_each_link_alone() {
        let corpus = ntrex_with_reprints();
        let a = Analysis::new(&corpus);
        let opts = PassageOptions::default();
        let with_words: Vec<bool> = a.links.iter().map(|l| a.pair_model(l, &opts).0.is_some()).collect();
        let shared = a.links.iter().zip(&with_words).any(|(l, &w)| {
            !w && a.links.iter().zip(&with_words).any(|(m, &v)| v && (m.left == l.left || m.right == l.left))
        });
        assert!(shared, "a document is aligned both with and without words");
        let alone: Vec<(usize, usize, Vec<PassagePair>)> =
            a.links.iter().map(|l| (l.left, l.right, a.passages(l, &opts))).collect();
        assert!(alone.iter().filter(|x| !x.2.is_empty()).count() >= 10, "passages are found");
        let worded = alone.iter().flat_map(|x| &x.2).filter(|p| p.bead.evidence.lexical.is_some_and(|l| l.0 > 0.0));
        assert!(worded.count() >= 10, "the learnt table pairs words");
        for (threads, chunk) in [(1, 1), (2, 1), (2, 4), (2, LINK_CHUNK)] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
            {
                let mut all = Vec::new();
                let done: Result<(), std::convert::Infallible> = pool.install(|| {
                    a.each_passages_in_chunks(&a.links, &opts, chunk, |l, pairs| {
                        all.push((l.left, l.right, pairs));
                        Ok(())
                    })
                });
                let Ok(()) = done;
                assert!(all == alone, "{threads} threads, chunks of {chunk}");
            }
        }
    }
}
