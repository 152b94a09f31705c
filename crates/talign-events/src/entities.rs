//! Corpus-wide resolution of mentions to entities.
//!
//! Every mention is reduced to a form (its case ending dropped where the corpus
//! supports it), forms are paired across the corpus with the names index, and linked
//! forms become one entity, without the chains single linkage makes through a lexicon
//! entity (see `without_chains`). An entity counts as *confirmed* when one of its mentions
//! stands on its own evidence (lexicon, title, quote, Latin). Being written in two
//! scripts is not enough: Bengali and Persian share many Perso-Arabic loanwords
//! (দখল / دخل), which sound alike without being names.
//!
//! **Invariant:** the result depends only on the documents and their order, never on
//! thread count: forms are numbered in first-seen order and clusters by their smallest form.

use crate::{HashMap, HashMapExt, HashSet};
use std::collections::BTreeMap;
use std::sync::OnceLock;

use rayon::prelude::*;

use serde::{Serialize, Serializer, ser::SerializeStruct};
use talign_names::lexicon::{EntityId, Kind, Lexicon};
use talign_names::{Name, NameIndex, Script};

use crate::mentions::{Mention, Source};
use crate::uf::UnionFind;

/// Score at or above which two forms in different documents name the same entity.
const LINK: f32 = 0.86;
/// Within one document, translators' variants (পেজেশকিয়ান / পেজেকশিয়ান) are allowed to differ more.
const LINK_SAME_DOC: f32 = 0.62;
/// Two candidate words of one document that sound this alike are one name's variants.
const LINK_SAME_DOC_CANDIDATES: f32 = 0.85;
/// A surname alone links to a full name at this score.
const LINK_PART: f32 = 0.88;
/// A first word alone (শি for Xi Jinping) links to a full name only when it sounds the same.
const LINK_FIRST_PART: f32 = 0.97;
/// Score at or above which a form found only as a candidate word joins another form.
const LINK_CANDIDATE: f32 = 0.92;

/// Bengali endings stripped from a name whenever the stem is at least two letters long.
const STRONG_BN: &[&str] = &["ের", "এর", "কে", "দের", "য়ের", "য়ে", "কেও", "েরও", "য়"];

/// One entity of the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// What the entity's features are keyed by, unique in a resolution: its lexicon entity's
    /// canonical name, else the form its canonical name is made from (a Latin form as seen,
    /// or the native form its romanization reads). Romanizing is the costly part of naming
    /// (a beam search per word), and only a name someone reads needs it; keyed this way, what
    /// the romanizer writes never changes what is matched.
    pub key: String,
    /// The canonical Latin name, made on first use ([`Entity::canonical`]).
    canonical: OnceLock<String>,
    /// Kind.
    pub kind: Kind,
    /// Whether the entity is confirmed as a name (see the module docs).
    pub confirmed: bool,
    /// Spellings seen per script (as written, or the cleaned stem where a case ending was
    /// taken off), with their mention counts.
    pub variants: BTreeMap<Script, BTreeMap<String, usize>>,
    /// Indices of the documents mentioning it, ascending.
    pub docs: Vec<u32>,
    /// Number of mentions.
    pub mentions: usize,
    /// The lexicon entity, when it is one.
    pub lexicon: Option<EntityId>,
}

impl Serialize for Entity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Entity", 7)?;
        s.serialize_field("key", &self.key)?;
        s.serialize_field("canonical", self.canonical())?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("confirmed", &self.confirmed)?;
        s.serialize_field("variants", &self.variants)?;
        s.serialize_field("docs", &self.docs)?;
        s.serialize_field("mentions", &self.mentions)?;
        s.end()
    }
}

impl Entity {
    /// The canonical Latin name: the lexicon's, else a Latin-script form seen in the corpus,
    /// else the romanization of its fullest form (see [`Entity::canonical_from`]). Made the
    /// first time it is asked for, then kept.
    pub fn canonical(&self) -> &str {
        self.canonical.get_or_init(|| talign_names::romanize(&self.key))
    }

    /// Where the canonical name comes from, in the order `name_source` tries:
    /// `lexicon`, `corpus-latin` (a Latin-script form seen in the corpus), `bengali` (the
    /// romanization of a Bengali form), `romanized` (of a Cyrillic or Indic form), or
    /// `restored` (an Arabic-script form romanized with its vowels restored).
    pub fn canonical_from(&self) -> &'static str {
        let has = |s: Script| self.variants.get(&s).is_some_and(|m| !m.is_empty());
        if self.lexicon.is_some() {
            "lexicon"
        } else if has(Script::Latin) {
            "corpus-latin"
        } else if has(Script::Bengali) {
            "bengali"
        } else if [Script::Cyrillic, Script::Devanagari, Script::Indic].into_iter().any(has) {
            "romanized"
        } else if has(Script::Arabic) {
            "restored"
        } else {
            "romanized"
        }
    }

    /// Variants in one script, most frequent first (ties: alphabetical).
    pub fn variants_in(&self, script: Script) -> Vec<&str> {
        let Some(m) = self.variants.get(&script) else { return Vec::new() };
        let mut v: Vec<(&str, usize)> = m.iter().map(|(k, &c)| (k.as_str(), c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.into_iter().map(|x| x.0).collect()
    }
}

/// Mentions resolved to entities.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// All entities, confirmed or not, in order of first mention.
    pub entities: Vec<Entity>,
    /// For each document, for each of its mentions, the entity index.
    pub doc_entities: Vec<Vec<u32>>,
    /// Each distinct mention of the corpus, by its key (`stats::mention_key`),
    /// with its entity index.
    pub mention_keys: Vec<(String, u32)>,
}

impl Resolution {
    /// The confirmed entities, the ones a names table lists: named (on every core, romanizing
    /// being the costly part), most mentioned first, then by name.
    pub fn confirmed_by_mentions(&self) -> Vec<&Entity> {
        let mut rows: Vec<&Entity> = self.entities.iter().filter(|e| e.confirmed).collect();
        rows.par_iter().for_each(|e| {
            e.canonical();
        });
        rows.sort_by(|x, y| y.mentions.cmp(&x.mentions).then_with(|| x.canonical().cmp(y.canonical())));
        rows
    }
}

fn strong_stem(form: &str) -> Option<String> {
    if Script::detect(form) != Script::Bengali {
        return None;
    }
    for suf in STRONG_BN {
        if let Some(stem) = form.strip_suffix(suf) {
            let last_word = stem.rsplit(' ').next().unwrap_or(stem);
            if last_word.chars().count() >= 3 && !stem.ends_with('\u{09CD}') {
                // -য়/-য়ে/-তে attach after a vowel; -ের after a consonant.
                let last = last_word.chars().next_back().unwrap_or(' ');
                // -য়/-য়ে follow a or o (মস্কোয়, বেইজিংয়ে), never i (সক্রিয় is one word).
                let after_vowel = matches!(last, 'া' | 'ো' | 'ং');
                let needs_vowel = matches!(*suf, "য়" | "য়ে");
                if needs_vowel && !after_vowel || suf.starts_with('\u{09C7}') && after_vowel {
                    continue;
                }
                return Some(stem.to_owned());
            }
        }
    }
    None
}

/// The consonants of a name's key (its uppercase letters): a link needs two, so that a
/// short common word does not join a name on one shared sound.
pub(crate) fn key_consonants(name: &Name) -> usize {
    name.key().chars().filter(char::is_ascii_uppercase).count()
}

/// Shorter readings of a form without a case ending on its last word, strongest first.
fn stems_of(form: &str) -> Vec<String> {
    let (head, last) = match form.rfind(' ') {
        Some(i) => (&form[..=i], &form[i + 1..]),
        None => ("", form),
    };
    talign_names::affix::stems(last, Script::detect(last)).into_iter().map(|s| format!("{head}{s}")).collect()
}

/// What resolution needs of a mention, its strings interned: the mentions of a corpus
/// that agree in all of these share one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct MentionKey {
    /// The cleaned form.
    form: u32,
    /// For lexicon mentions, the variant that matched.
    matched: Option<u32>,
    /// The mention as written, trimmed.
    surface: u32,
    entity: Option<EntityId>,
    kind: Kind,
    source: Source,
}

/// A mention as resolution needs it, without the text it was found in: what a run over
/// part of a stream keeps of a document's mentions until they join the [`MentionTable`]
/// in stream order (`export names --window-days`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRecord {
    /// The cleaned form.
    pub form: String,
    /// For lexicon mentions, the variant that matched.
    pub matched: Option<String>,
    /// The mention as written, trimmed.
    pub surface: String,
    /// The lexicon entity, for lexicon mentions.
    pub entity: Option<EntityId>,
    /// What the context says it is.
    pub kind: Kind,
    /// How it was found.
    pub source: Source,
}

impl MentionRecord {
    /// What resolution needs of `m`, found in `text`.
    pub fn of(m: &Mention, text: &str) -> MentionRecord {
        MentionRecord {
            form: m.form.clone(),
            matched: m.matched.clone(),
            surface: m.surface(text).trim().to_owned(),
            entity: m.entity,
            kind: m.kind,
            source: m.source,
        }
    }
}

/// The mentions of a corpus, document by document, as resolution needs them: each mention
/// is the number of its key (form, matched variant, surface, lexicon entity, kind and
/// source), and every string is stored once. A corpus repeats its names, so this is much
/// smaller than the mentions themselves, and the documents can be added as they are read.
#[derive(Debug, Default)]
pub struct MentionTable {
    strings: HashMap<String, u32>,
    key_ids: HashMap<MentionKey, u32>,
    keys: Vec<MentionKey>,
    docs: Vec<Vec<u32>>,
}

impl MentionTable {
    /// An empty table.
    pub fn new() -> MentionTable {
        MentionTable::default()
    }

    fn string(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.strings.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.insert(s.to_owned(), id);
        id
    }

    /// Adds the mentions of the next document; `text` is the text they were found in.
    pub fn push_doc(&mut self, text: &str, mentions: &[Mention]) {
        let doc = mentions
            .iter()
            .map(|m| self.key(&m.form, m.matched.as_deref(), m.surface(text).trim(), m.entity, m.kind, m.source))
            .collect();
        self.docs.push(doc);
    }

    /// Adds the mentions of the next document, as [`MentionRecord::of`] kept them.
    pub fn push_records(&mut self, mentions: &[MentionRecord]) {
        let doc = mentions
            .iter()
            .map(|m| self.key(&m.form, m.matched.as_deref(), &m.surface, m.entity, m.kind, m.source))
            .collect();
        self.docs.push(doc);
    }

    /// The number of a mention's key, interned.
    fn key(
        &mut self,
        form: &str,
        matched: Option<&str>,
        surface: &str,
        entity: Option<EntityId>,
        kind: Kind,
        source: Source,
    ) -> u32 {
        let key = MentionKey {
            form: self.string(form),
            matched: matched.map(|x| self.string(x)),
            surface: self.string(surface),
            entity,
            kind,
            source,
        };
        let next = self.keys.len() as u32;
        let id = *self.key_ids.entry(key).or_insert(next);
        if id == next {
            self.keys.push(key);
        }
        id
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

/// Resolves the mentions of every document (in corpus order) to entities.
///
/// `texts[d]` is the text document `d`'s mentions were found in.
pub fn resolve<M: AsRef<[Mention]>>(texts: &[&str], doc_mentions: &[M], lex: &Lexicon) -> Resolution {
    let mut table = MentionTable::new();
    for (text, ms) in texts.iter().zip(doc_mentions) {
        table.push_doc(text, ms.as_ref());
    }
    resolve_table(&table, lex)
}

/// Resolves the mentions of a table (documents in corpus order) to entities; the same as
/// [`resolve`] over the mentions the table was built from.
pub fn resolve_table(table: &MentionTable, lex: &Lexicon) -> Resolution {
    let mut strings: Vec<&str> = vec![""; table.strings.len()];
    for (s, &id) in &table.strings {
        strings[id as usize] = s;
    }
    let keys = &table.keys;
    // Forms seen as whole mentions anywhere: a stem that is also seen whole is a safe reading.
    let mut whole = vec![false; strings.len()];
    for k in keys {
        whole[k.form as usize] = true;
    }
    let is_whole = |s: &str| table.strings.get(s).is_some_and(|&id| whole[id as usize]);
    let chosen: Vec<String> = keys
        .par_iter()
        .map(|k| {
            if let Some(matched) = k.matched {
                return strings[matched as usize].to_owned();
            }
            let form = strings[k.form as usize];
            if let Some(s) = stems_of(form).into_iter().find(|s| is_whole(s)) {
                return s;
            }
            strong_stem(form).unwrap_or_else(|| form.to_owned())
        })
        .collect();

    // Number the distinct chosen forms in the order of their strings, so that pairing them
    // (and every tie it breaks) does not depend on the order of the documents.
    let mut forms: Vec<String> = chosen.clone();
    forms.sort_unstable();
    forms.dedup();
    let form_ids: HashMap<&str, u32> = forms.iter().enumerate().map(|(i, f)| (f.as_str(), i as u32)).collect();
    let key_form: Vec<u32> = chosen.iter().map(|c| form_ids[c.as_str()]).collect();
    drop(form_ids);
    drop(chosen);

    let n = forms.len();
    let names: Vec<Name> = forms.par_iter().map(|f| Name::from_clean(f.clone(), lex)).collect();

    // Per form: lexicon entity (from a lexicon mention or the form itself), documents, confirmation.
    let mut form_lex: Vec<Option<EntityId>> = names.iter().map(Name::entity).collect();
    let mut form_docs: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut form_mentions = vec![0usize; n];
    let mut form_confirmed = vec![false; n];
    // Forms that name a person (by the lexicon, or a person title before them).
    let mut form_person = vec![false; n];
    for (d, ks) in table.docs.iter().enumerate() {
        for &k in ks {
            let m = &keys[k as usize];
            let id = key_form[k as usize];
            form_mentions[id as usize] += 1;
            if m.entity.is_some() {
                form_lex[id as usize] = m.entity;
            }
            if m.source.is_confirmed() {
                form_confirmed[id as usize] = true;
            }
            if m.kind == Kind::Person && matches!(m.source, Source::Lexicon | Source::Title) {
                form_person[id as usize] = true;
            }
            let v = &mut form_docs[id as usize];
            if v.last() != Some(&(d as u32)) {
                v.push(d as u32);
            }
        }
    }

    let form_table = FormTable {
        names: &names,
        forms: &forms,
        lex: &form_lex,
        mentions: &form_mentions,
        confirmed: &form_confirmed,
    };

    // A surname alone names a person of the lexicon even where the corpus never writes the
    // full name (the surname rule below lends the words of the corpus's full names); it
    // names the entity it ends up in (see below).
    let mut surname_of: Vec<Option<EntityId>> = vec![None; n];
    for (i, e) in lexicon_surnames(&form_table, lex) {
        surname_of[i] = Some(e);
    }

    // Lexicon forms of one entity are one entity.
    let mut first_of_lex: HashMap<EntityId, u32> = HashMap::new();
    let mut lex_edges: Vec<(u32, u32)> = Vec::new();
    for (i, e) in form_lex.iter().enumerate() {
        if let Some(e) = e {
            let first = *first_of_lex.entry(*e).or_insert(i as u32);
            lex_edges.push((first, i as u32));
        }
    }
    // Pairs of forms that sound alike enough to be one entity's (joined below, see
    // `without_chains`).
    let mut edges: Vec<(u32, u32)> = Vec::new();
    // Sound-alike forms: query each non-lexicon form against all forms the lexicon does not
    // know. (Letting them join lexicon forms too was tried: on the web development set it
    // gained a little and on NTREX it joined common words to countries, তারিখ "date" to Turkey.)
    let fuzzy: Vec<usize> = (0..n).filter(|&i| form_lex[i].is_none() && !names[i].phonemes().is_empty()).collect();
    let fuzzy_names: Vec<Name> = fuzzy.iter().map(|&i| names[i].clone()).collect();
    let index = NameIndex::from_prepared(fuzzy_names.clone(), lex);
    let hits = index.query_all(&fuzzy_names, 6);
    let share_doc = |a: usize, b: usize| {
        let (x, y) = (&form_docs[a], &form_docs[b]);
        x.iter().any(|d| y.binary_search(d).is_ok())
    };
    for (qi, hs) in hits.iter().enumerate() {
        let a = fuzzy[qi];
        for h in hs {
            let b = fuzzy[h.index];
            if a == b {
                continue;
            }
            let s = h.matched.score;
            let consonants = key_consonants(&names[a]).min(key_consonants(&names[b]));
            // The looser same-document threshold is for variant spellings of one whole name,
            // not for a word that is part of a longer name.
            let same_shape = names[a].phonemes().len() == names[b].phonemes().len();
            // A word found only as a candidate must sound almost the same to join another form
            // of its own script.
            // (Across scripts, sounding alike is the evidence we want: a transliteration.)
            let same_script = names[a].script() == names[b].script();
            let link = if same_script && !(form_confirmed[a] && form_confirmed[b]) { LINK_CANDIDATE } else { LINK };
            let ok = consonants >= 2
                && (s >= link
                    || (same_shape
                        && share_doc(a, b)
                        && (s >= LINK_SAME_DOC_CANDIDATES
                            || (s >= LINK_SAME_DOC && (form_confirmed[a] || form_confirmed[b])))));
            if ok {
                edges.push((a as u32, b as u32));
            }
        }
    }
    // Scripts the lexicon has no variants in (Tamil, Telugu, Kannada, Malayalam, Gujarati…;
    // Greek and Korean, read in their Latin spelling) never find a lexicon mention, so their
    // names would never meet the lexicon forms of other documents: such a form joins a
    // lexicon form of a script with written vowels it sounds almost the same as.
    let uncovered: Vec<usize> =
        fuzzy.iter().copied().filter(|&i| matches!(names[i].script(), Script::Indic | Script::Other)).collect();
    // Only lexicon forms that write their vowels: an Arabic-script form leaves its short
    // vowels out, so a word sounds like it that is no name (the Telugu పార్టీ, "party", scored
    // 0.93 against the Urdu بھارتی, "Indian", and brought পার্টি and پارٹی with it: 26
    // mentions of "party" were India on the web development set).
    let known: Vec<usize> = (0..n)
        .filter(|&i| form_lex[i].is_some() && !names[i].phonemes().is_empty() && names[i].script() != Script::Arabic)
        .collect();
    if !uncovered.is_empty() && !known.is_empty() {
        let known_names: Vec<Name> = known.iter().map(|&i| names[i].clone()).collect();
        let kindex = NameIndex::from_prepared(known_names, lex);
        let queries: Vec<Name> = uncovered.iter().map(|&i| names[i].clone()).collect();
        for (&a, hs) in uncovered.iter().zip(kindex.query_all(&queries, 1)) {
            if let Some(h) = hs.first() {
                let b = known[h.index];
                if h.matched.score >= LINK_CANDIDATE && key_consonants(&names[a]) >= 2 {
                    edges.push((a as u32, b as u32));
                }
            }
        }
    }
    // A surname (or a first word such as Xi) alone names the same entity as the full name
    // of a person.
    let singles: Vec<usize> = fuzzy.iter().copied().filter(|&i| !forms[i].contains(' ')).collect();
    if !singles.is_empty() {
        let single_names: Vec<Name> = singles.iter().map(|&i| names[i].clone()).collect();
        let sindex = NameIndex::from_prepared(single_names, lex);
        let parts: Vec<(usize, Name, f32)> = (0..n)
            .filter(|&i| form_person[i] && forms[i].contains(' '))
            .flat_map(|i| {
                let words: Vec<&str> = forms[i].split(' ').collect();
                let mut v = vec![(i, Name::from_clean(words[words.len() - 1].to_owned(), lex), LINK_PART)];
                if words.len() > 1 {
                    v.push((i, Name::from_clean(words[0].to_owned(), lex), LINK_FIRST_PART));
                }
                v
            })
            .collect();
        let part_names: Vec<Name> = parts.iter().map(|p| p.1.clone()).collect();
        let part_hits = sindex.query_all(&part_names, 3);
        for ((full, _, min), hs) in parts.iter().zip(&part_hits) {
            for h in hs {
                let s = singles[h.index];
                let min = if form_confirmed[s] { *min } else { min.max(LINK_CANDIDATE) };
                if h.matched.score >= min && !names[s].key().is_empty() {
                    edges.push((*full as u32, s as u32));
                }
            }
        }
    }

    let mut uf = without_chains(&form_table, &lex_edges, &edges, lex);
    // Clusters, numbered in order of first mention.
    let roots = uf.numbering();
    let mut number = vec![usize::MAX; roots.iter().max().map_or(0, |m| m + 1)];
    let mut clusters = 0;
    for &k in table.docs.iter().flatten() {
        let r = roots[key_form[k as usize] as usize];
        if number[r] == usize::MAX {
            number[r] = clusters;
            clusters += 1;
        }
    }
    let cluster_of: Vec<usize> = roots.iter().map(|&r| number[r]).collect();
    let mut entities: Vec<Entity> = (0..clusters)
        .map(|_| Entity {
            key: String::new(),
            canonical: OnceLock::new(),
            kind: Kind::Other,
            confirmed: false,
            variants: BTreeMap::new(),
            docs: Vec::new(),
            mentions: 0,
            lexicon: None,
        })
        .collect();
    let mut kind_votes: Vec<BTreeMap<Kind, usize>> = vec![BTreeMap::new(); entities.len()];
    let mut key_mentions = vec![0usize; keys.len()];
    // Per entity: the lexicon person one of its forms is the surname of, and whether one of
    // its forms has several words (a full name of its own).
    let mut surname_entity: Vec<Option<EntityId>> = vec![None; entities.len()];
    let mut full_name = vec![false; entities.len()];
    let mut doc_entities = Vec::with_capacity(table.docs.len());
    for (d, ks) in table.docs.iter().enumerate() {
        let mut de = Vec::with_capacity(ks.len());
        for &k in ks {
            let m = &keys[k as usize];
            let id = key_form[k as usize];
            let c = cluster_of[id as usize];
            let e = &mut entities[c];
            e.mentions += 1;
            if e.docs.last() != Some(&(d as u32)) {
                e.docs.push(d as u32);
            }
            key_mentions[k as usize] += 1;
            if m.source.is_confirmed() {
                e.confirmed = true;
            }
            if let Some(l) = form_lex[id as usize] {
                e.lexicon.get_or_insert(l);
            }
            if let Some(l) = surname_of[id as usize] {
                surname_entity[c].get_or_insert(l);
            }
            full_name[c] |= forms[id as usize].contains(' ');
            if matches!(m.source, Source::Title | Source::Lexicon) {
                *kind_votes[c].entry(m.kind).or_default() += 1;
            }
            de.push(c as u32);
        }
        doc_entities.push(de);
    }
    // An entity that holds a lexicon person's surname, no lexicon entity and no full name of
    // its own (Haris in a corpus that writes Dwi Haris is not Kamala Harris) is that person,
    // when the corpus has no other entity of theirs: a corpus that writes only اردوغان and
    // এরদোগান names Recep Tayyip Erdoğan, not a romanized surname.
    let held: HashSet<EntityId> = entities.iter().filter_map(|e| e.lexicon).collect();
    for ((e, l), full) in entities.iter_mut().zip(surname_entity).zip(full_name) {
        if let Some(l) = l
            && e.lexicon.is_none()
            && !full
            && !held.contains(&l)
        {
            e.lexicon = Some(l);
        }
    }
    // Variants are shown as written (سرگئی, not the folded سرگیی), unless a case ending was
    // taken off, in which case the cleaned stem is shown. Mentions of one key show the same.
    let shown: Vec<&str> = keys
        .par_iter()
        .zip(&key_form)
        .map(|(m, &id)| {
            let form = &forms[id as usize];
            let surface = strings[m.surface as usize];
            if talign_names::normalize(surface) == *form { surface } else { form.as_str() }
        })
        .collect();
    for (k, &count) in key_mentions.iter().enumerate() {
        let id = key_form[k] as usize;
        let e = &mut entities[cluster_of[id]];
        *e.variants.entry(names[id].script()).or_default().entry(shown[k].to_owned()).or_default() += count;
    }
    // Entities are keyed here and named when a name is asked for (`Entity::canonical`): a
    // lexicon entity and a Latin form are their own names, and only the others need the
    // romanizer.
    entities.par_iter_mut().zip(&kind_votes).for_each(|(e, votes)| {
        e.docs.dedup();
        e.docs.shrink_to_fit();
        if let Some(l) = e.lexicon {
            let le = lex.entity(l);
            e.key = le.canonical.clone();
            e.kind = le.kind;
            let _ = e.canonical.set(le.canonical.clone());
        } else {
            e.kind = votes.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map_or(Kind::Other, |(k, _)| *k);
            let (key, latin) = name_source(e);
            e.key = key;
            if latin {
                let _ = e.canonical.set(e.key.clone());
            }
        }
    });
    let mention_keys = keys
        .iter()
        .zip(&key_form)
        .map(|(m, &id)| {
            let matched = m.matched.map(|x| strings[x as usize]);
            let key = crate::stats::key_of(
                strings[m.form as usize],
                matched,
                strings[m.surface as usize],
                m.entity,
                m.kind,
                m.source,
                lex,
            );
            (key, cluster_of[id as usize] as u32)
        })
        .collect();
    Resolution { entities, doc_entities, mention_keys }
}

/// Least score a form must reach against its entity's core (see [`without_chains`]).
const CORE_LINK: f32 = 0.7;
/// Least score against a core form (or word) of two consonants or fewer: a short name (NATO,
/// NT) sounds like many common words. At [`CORE_LINK`], NATO kept অন্তত ("at least", 0.71),
/// அந்த ("that") and أنتو, chained to it through the Tamil நாட்டு ("of the country"), which
/// sounds like it (0.95) and joined it as a name of a script the lexicon lacks; on the web
/// development set these 15 mentions were all the rule changed (0.8 to 0.85 alike).
const CORE_LINK_SHORT: f32 = 0.85;
/// Rounds of [`without_chains`]: forms taken out of one entity may chain again among
/// themselves, and are checked again.
const CORE_ROUNDS: usize = 10;
/// Core forms a form is compared with (the most mentioned).
const CORE_FORMS: usize = 6;

/// The single-word forms that are the surname of one person of the lexicon, as written
/// in one of its variants of several words (اردوغان of رجب طیب اردوغان, Erdogan of Recep
/// Tayyip Erdogan), with that person: forms the lexicon does not know, of at least two
/// consonants, confirmed by a mention of their own (a title before them: a candidate word
/// that sounds like a surname is as often a common word, শূকর "pig" for Shoukry, پزشکان
/// "doctors" for Pezeshkian), sounding the same as the surname ([`LINK_FIRST_PART`]: alone,
/// a surname is less sure than beside a full name of the corpus) and like no other
/// person's. First words are left out: they are given names many people share (Ali, Abbas,
/// Mohammad) or titles (Sheikh).
fn lexicon_surnames(table: &FormTable<'_>, lex: &Lexicon) -> Vec<(usize, EntityId)> {
    let FormTable { names, forms, lex: form_lex, confirmed: form_confirmed, .. } = *table;
    let mut surnames: Vec<(EntityId, String)> = lex
        .entities()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::Person)
        .flat_map(|(id, e)| {
            e.variants.iter().filter_map(move |(_, v)| {
                let (rest, last) = v.rsplit_once(' ')?;
                (!rest.is_empty() && !last.is_empty()).then(|| (id as EntityId, last.to_owned()))
            })
        })
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    if surnames.is_empty() {
        return Vec::new();
    }
    let owner: Vec<EntityId> = surnames.iter().map(|s| s.0).collect();
    let index = NameIndex::from_prepared(surnames.into_iter().map(|(_, s)| Name::from_clean(s, lex)).collect(), lex);
    let singles: Vec<usize> = (0..forms.len())
        .filter(|&i| {
            form_lex[i].is_none()
                && form_confirmed[i]
                && !forms[i].contains(' ')
                && !names[i].phonemes().is_empty()
                && key_consonants(&names[i]) >= 2
        })
        .collect();
    let queries: Vec<Name> = singles.iter().map(|&i| names[i].clone()).collect();
    singles
        .iter()
        .zip(index.query_all(&queries, 4))
        .filter_map(|(&i, hits)| {
            let mut people = hits.iter().filter(|h| h.matched.score >= LINK_FIRST_PART).map(|h| owner[h.index]);
            let first = people.next()?;
            people.all(|p| p == first).then_some((i, first))
        })
        .collect()
}

/// What [`without_chains`] and [`lexicon_surnames`] know of each form (all indexed by form).
#[derive(Clone, Copy)]
struct FormTable<'a> {
    /// The form's name.
    names: &'a [Name],
    /// The form as written (cleaned).
    forms: &'a [String],
    /// Its lexicon entity.
    lex: &'a [Option<EntityId>],
    /// How many mentions it has.
    mentions: &'a [usize],
    /// Whether a mention of it stands on its own evidence.
    confirmed: &'a [bool],
}

/// Joins the forms linked by `lex_edges` (forms of one lexicon entity) and `edges` (pairs
/// that sound alike) without letting a chain of sound-alike pairs carry other people and
/// common words into an entity. Single linkage did: حسین (Hossein) sounds like
/// হাসিনা (Hasina), امیر (Amir) stood beside حسین in one name and عبداللهیان beside امیر, so
/// Hossein Amir-Abdollahian, Hassan Nasrallah and آیت الله joined Sheikh Hasina; বোন
/// ("sister") and Faisal bin Abdulrahman joined Masoud Pezeshkian; পার্টি ("party") India;
/// and, without a lexicon entity in the chain, মারা ("died") and Amir-Abdollahian joined
/// Maria Zakharova. An entity that holds a lexicon entity's forms (the one most mentioned,
/// where a chain met two) keeps a joined form only if it scores at least [`CORE_LINK`]
/// against one of those forms, or word against word by their place in the two forms (a
/// surname alone, a full name whose surname is the entity's; see [`Part::need`]); another
/// lexicon entity's form always leaves. An entity without one is checked the same way
/// against its anchor (see [`core_check`]). The forms that left are joined again by the
/// pairs between them, and checked again, for up to [`CORE_ROUNDS`] rounds; against a short
/// name (two consonants or fewer) a form needs [`CORE_LINK_SHORT`]. The result depends on
/// the forms and pairs, not on their order.
fn without_chains(table: &FormTable<'_>, lex_edges: &[(u32, u32)], edges: &[(u32, u32)], lex: &Lexicon) -> UnionFind {
    let n = table.names.len();
    // Per form, the round it left its entity in (0: never).
    let mut left = vec![0usize; n];
    // Per form, the core form it was kept beside.
    let mut kept_with: Vec<Option<u32>> = vec![None; n];
    let build = |left: &[usize], kept_with: &[Option<u32>]| {
        let mut uf = UnionFind::new(n);
        for &(a, b) in lex_edges {
            uf.union(a, b);
        }
        for (f, k) in kept_with.iter().enumerate() {
            if let Some(k) = k {
                uf.union(f as u32, *k);
            }
        }
        // A pair joins only forms that left in the same round (or never), and a form kept
        // in an entity is held by its core, not by the pairs that chained.
        for &(a, b) in edges {
            let (x, y) = (a as usize, b as usize);
            if left[x] == left[y] && kept_with[x].is_none() && kept_with[y].is_none() {
                uf.union(a, b);
            }
        }
        uf
    };
    let mut uf = build(&left, &kept_with);
    for round in 1..=CORE_ROUNDS {
        let mut groups: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for f in 0..n as u32 {
            groups.entry(uf.find(f)).or_default().push(f);
        }
        let decisions: Vec<Vec<(u32, Option<u32>)>> = groups
            .into_values()
            .filter(|g| g.len() > 1)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|g| core_check(&g, table, lex))
            .collect();
        let mut changed = false;
        for (f, kept) in decisions.into_iter().flatten() {
            match kept {
                Some(core) => kept_with[f as usize] = Some(core),
                None => {
                    left[f as usize] = round;
                    kept_with[f as usize] = None;
                    changed = true;
                }
            }
        }
        uf = build(&left, &kept_with);
        if !changed {
            break;
        }
    }
    uf
}

/// For one joined group of forms: each form outside its core with the core form it stays
/// beside, or `None` when it leaves (see [`without_chains`]). The core is the forms of the
/// group's most mentioned lexicon entity (at most [`CORE_FORMS`] of them are compared); in
/// a group without one, its anchor, the most mentioned confirmed form of several words
/// (else the most mentioned confirmed form). A group with neither is left as joined (an
/// empty list).
fn core_check(group: &[u32], table: &FormTable<'_>, lex: &Lexicon) -> Vec<(u32, Option<u32>)> {
    let FormTable { names, forms, lex: form_lex, mentions, confirmed } = *table;
    // The lexicon entity most mentioned in the group (ties: the smaller id).
    let mut by_lex: BTreeMap<EntityId, usize> = BTreeMap::new();
    for &f in group {
        if let Some(e) = form_lex[f as usize] {
            *by_lex.entry(e).or_default() += mentions[f as usize];
        }
    }
    let entity = by_lex.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(e, _)| *e);
    let weight = |f: &u32| (mentions[*f as usize], std::cmp::Reverse(forms[*f as usize].as_str()));
    let core: Vec<u32> = match entity {
        Some(entity) => {
            let mut core: Vec<u32> = group.iter().copied().filter(|&f| form_lex[f as usize] == Some(entity)).collect();
            core.sort_by_key(|f| std::cmp::Reverse(weight(f)));
            core.truncate(CORE_FORMS);
            core
        }
        // Without a lexicon entity, the group's anchor is its most mentioned confirmed full
        // name (else confirmed form): ماریا زاخارووا, not মারা ("died") that sounds like
        // ماریا, nor امیر عبدالهیان that shares امیر with it.
        None => match group
            .iter()
            .copied()
            .filter(|&f| confirmed[f as usize])
            .max_by_key(|f| (forms[*f as usize].contains(' '), weight(f)))
        {
            Some(anchor) => vec![anchor],
            None => return Vec::new(),
        },
    };
    let in_core = |f: u32| match entity {
        Some(entity) => form_lex[f as usize] == Some(entity),
        None => core.contains(&f),
    };
    // A form's name and, where it has several words, its first and last words, each with
    // its place in the form.
    let readings = |f: u32| {
        let words: Vec<&str> = forms[f as usize].split(' ').collect();
        let mut r = vec![(names[f as usize].clone(), Part::Whole)];
        if let [first, .., last] = words[..] {
            r.push((Name::from_clean(first.to_owned(), lex), Part::First));
            r.push((Name::from_clean(last.to_owned(), lex), Part::Last));
        }
        r
    };
    // Each probe with the score a form needs against it.
    let probes: Vec<(u32, Name, Part, f32)> = core
        .iter()
        .flat_map(|&c| readings(c).into_iter().map(move |(r, part)| (c, r, part)))
        .map(|(c, r, part)| {
            let need = if key_consonants(&r) <= 2 { CORE_LINK_SHORT } else { CORE_LINK };
            (c, r, part, need)
        })
        .collect();
    group
        .iter()
        .copied()
        .filter(|&f| !in_core(f))
        .map(|f| {
            if form_lex[f as usize].is_some() {
                // Another lexicon entity's form.
                return (f, None);
            }
            let own = readings(f);
            let best = probes
                .iter()
                .flat_map(|(c, p, part, need)| {
                    own.iter().filter_map(move |(o, own_part)| {
                        let need = Part::need(*own_part, *part, *need)?;
                        Some((o.score_value(p, lex) - need, std::cmp::Reverse(*c)))
                    })
                })
                .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            match best {
                Some((s, std::cmp::Reverse(c))) if s >= 0.0 => (f, Some(c)),
                _ => (f, None),
            }
        })
        .collect()
}

/// Where a reading of a form stands in it (see [`core_check`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The whole form.
    Whole,
    /// The first word of a form of several.
    First,
    /// The last word of a form of several.
    Last,
}

impl Part {
    /// The score a reading in place `own` needs against a core reading in place `core`
    /// whose own need is `need`, or `None` when the two are not compared. A surname alone
    /// or a full name with the entity's surname compares last words (or a whole form with
    /// a last word); a given name, or a family name written first (শি for Xi Jinping),
    /// must sound the same ([`LINK_FIRST_PART`]); a first word is never compared with a
    /// last one. Comparing every word with every word let امیر عبدالهیان (Amir-Abdollahian)
    /// into Maria Zakharova by امیر against ماریا, and মারা ("died") with it.
    fn need(own: Part, core: Part, need: f32) -> Option<f32> {
        match (own, core) {
            (Part::First, Part::Last) | (Part::Last, Part::First) => None,
            (Part::First, _) | (_, Part::First) => Some(need.max(LINK_FIRST_PART)),
            _ => Some(need),
        }
    }
}

/// The form a Latin name for an entity without a lexicon entry is made from, and whether it
/// is Latin already: its Latin-script form if it has one, else its fullest form to be
/// romanized (scripts that write vowels first: Bengali, Cyrillic, Devanagari and the other
/// Indic scripts, then Arabic script).
fn name_source(e: &Entity) -> (String, bool) {
    let pick = |script: Script| -> Option<&str> {
        let m = e.variants.get(&script)?;
        m.iter()
            .max_by(|a, b| {
                let wa = a.0.split(' ').count();
                let wb = b.0.split(' ').count();
                wa.cmp(&wb).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
            })
            .map(|(k, _)| k.as_str())
    };
    if let Some(l) = pick(Script::Latin) {
        return (l.to_owned(), true);
    }
    for s in [Script::Bengali, Script::Cyrillic, Script::Devanagari, Script::Indic, Script::Arabic, Script::Other] {
        if let Some(f) = pick(s) {
            return (f.to_owned(), false);
        }
    }
    (String::new(), true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::find_mentions;

    #[test]
    fn variants_of_one_name_across_documents_and_scripts_meet() {
        let docs = [
            "ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান বলেন। পরে পেজেকশিয়ান বলেন। পুতিন পেজেশকিয়ানকে বলেন।",
            "رئیس‌جمهور پزشکیان با پوتین دیدار کرد.",
        ];
        let ms: Vec<Vec<Mention>> = docs.iter().map(|d| find_mentions(d)).collect();
        let r = resolve(&docs, &ms, Lexicon::builtin());
        let pz = r
            .entities
            .iter()
            .find(|e| e.variants_in(Script::Arabic).contains(&"پزشکیان"))
            .expect("Pezeshkian is an entity");
        let bn = pz.variants_in(Script::Bengali);
        assert!(bn.contains(&"পেজেশকিয়ান") && bn.contains(&"পেজেকশিয়ান"), "{bn:?}");
        assert!(pz.confirmed);
        assert_eq!(pz.docs, vec![0, 1]);
    }

    #[test]
    fn a_surname_alone_names_its_lexicon_person_where_the_corpus_never_writes_the_full_name() {
        let lex = Lexicon::builtin();
        let slug_of = |docs: &[&str], written: &str| {
            let ms: Vec<Vec<Mention>> = docs.iter().map(|d| find_mentions(d)).collect();
            let r = resolve(docs, &ms, lex);
            let e = r.entities.iter().find(|e| e.variants.values().any(|v| v.contains_key(written)));
            e.expect(written).lexicon.map(|id| lex.entity(id).slug.clone())
        };
        // A title confirms the surname: Erdogan, though no text writes Recep Tayyip.
        let erdogan = ["رئیس جمهور اردوغان به کلن رفت.", "কোলোনে গেলেন প্রেসিডেন্ট এরদোগান। এরদোগান সেখানে ছিলেন।"];
        assert_eq!(slug_of(&erdogan, "اردوغان").as_deref(), Some("recep-tayyip-erdogan"));
        assert_eq!(slug_of(&erdogan, "এরদোগান").as_deref(), Some("recep-tayyip-erdogan"));
        // A corpus that writes another full name ending so keeps it apart from the lexicon's
        // Kamala Harris.
        let haris = ["Spokesman Dwi Haris said the pig was found.", "The pig was alive, said spokesman Haris."];
        assert_eq!(slug_of(&haris, "Haris"), None);
        // An unconfirmed word that sounds like a surname is not the person: শূকর is a pig,
        // not Sameh Shoukry.
        let pig = ["খামারে একটি শূকর পাওয়া গেছে। শূকর টি বড়।", "در مزرعه یک خوک پیدا شد."];
        assert_eq!(slug_of(&pig, "শূকর"), None);
    }

    #[test]
    fn a_chain_of_sound_alike_pairs_does_not_carry_other_names_into_a_lexicon_entity() {
        // Single linkage over these pairs made one entity of all five: حسینه sounds like
        // Hasina, امیر stood beside it in a name, عبداللهیان beside امیر, and a pair joined
        // عبداللهیان to a form of Pezeshkian.
        let lex = Lexicon::builtin();
        let forms: Vec<String> = ["শেখ হাসিনা", "حسینه", "امیر", "عبداللهیان", "মাসুদ পেজেশকিয়ান"]
            .iter()
            .map(|f| talign_names::normalize(f))
            .collect();
        let names: Vec<Name> = forms.iter().map(|f| Name::from_clean(f.clone(), lex)).collect();
        let form_lex: Vec<Option<EntityId>> = names.iter().map(Name::entity).collect();
        assert!(form_lex[0].is_some() && form_lex[4].is_some() && form_lex[0] != form_lex[4]);
        assert!(form_lex[1..4].iter().all(Option::is_none));
        let edges = [(0, 1), (1, 2), (2, 3), (3, 4)];
        let table = FormTable {
            names: &names,
            forms: &forms,
            lex: &form_lex,
            mentions: &[5, 2, 1, 1, 3],
            confirmed: &[false; 5],
        };
        let mut uf = without_chains(&table, &[], &edges, lex);
        let mut same = |a: u32, b: u32| uf.find(a) == uf.find(b);
        // Hasina keeps the form that sounds like her name; the two words of another name
        // stay together, apart from both people; Pezeshkian is not Hasina.
        assert!(same(0, 1));
        assert!(same(2, 3));
        assert!(!same(0, 2) && !same(0, 4) && !same(2, 4));
        // Without a lexicon entity in the chain, sound-alike pairs join as before.
        let part = FormTable {
            names: &names[1..4],
            forms: &forms[1..4],
            lex: &form_lex[1..4],
            mentions: &[2, 1, 1],
            confirmed: &[false; 3],
        };
        let mut uf = without_chains(&part, &[], &[(0, 1), (1, 2)], lex);
        assert!(uf.find(0) == uf.find(2));
    }

    #[test]
    fn a_chain_without_a_lexicon_entity_keeps_only_what_sounds_like_its_anchor() {
        // On the web development set single linkage made one "Maria Zakharova" (not in the
        // built-in lexicon) of her name, মারা ("died"), which sounds like ماریا, and
        // Amir-Abdollahian's name, which shares امیر ("Amir") with a word that sounds like
        // ماریا. The confirmed full name anchors the group; only its variants and its
        // surname stay.
        let lex = Lexicon::builtin();
        let forms: Vec<String> = ["ماریا زاخارووا", "মারিয়া জাখারোভা", "زاخارووا", "ماریا", "মারা", "امیر", "امیر عبدالهیان"]
            .iter()
            .map(|f| talign_names::normalize(f))
            .collect();
        let names: Vec<Name> = forms.iter().map(|f| Name::from_clean(f.clone(), lex)).collect();
        let form_lex: Vec<Option<EntityId>> = names.iter().map(Name::entity).collect();
        assert!(form_lex.iter().all(Option::is_none), "none of these is in the built-in lexicon");
        let table = FormTable {
            names: &names,
            forms: &forms,
            lex: &form_lex,
            mentions: &[2, 1, 1, 1, 9, 3, 1],
            confirmed: &[true, true, false, false, false, false, true],
        };
        let chain = [(0, 1), (0, 2), (0, 3), (3, 4), (3, 5), (5, 6)];
        let mut uf = without_chains(&table, &[], &chain, lex);
        let mut same = |a: u32, b: u32| uf.find(a) == uf.find(b);
        assert!(same(0, 1) && same(0, 2), "her name in two scripts, and her surname alone");
        assert!(!same(0, 4), "মারা is a verb, however often it is written");
        assert!(!same(0, 5) && !same(0, 6), "Amir-Abdollahian is another person");
        // What left is anchored in turn: his title-confirmed name keeps its first word.
        assert!(same(5, 6));
        // Unconfirmed, the same chain is one group, as before (no anchor to check against).
        let unconfirmed = FormTable { confirmed: &[false; 7], ..table };
        let mut uf = without_chains(&unconfirmed, &[], &chain, lex);
        assert_eq!(uf.find(0), uf.find(6));
    }

    #[test]
    fn a_first_word_is_compared_with_a_first_word_and_only_when_it_sounds_the_same() {
        assert_eq!(Part::need(Part::Whole, Part::Whole, 0.7), Some(0.7));
        // A surname alone, and a full name ending in the entity's surname.
        assert_eq!(Part::need(Part::Whole, Part::Last, 0.7), Some(0.7));
        assert_eq!(Part::need(Part::Last, Part::Last, 0.7), Some(0.7));
        assert_eq!(Part::need(Part::Last, Part::Whole, 0.85), Some(0.85));
        // A given name, or a family name written first, must sound the same.
        assert_eq!(Part::need(Part::Whole, Part::First, 0.7), Some(LINK_FIRST_PART));
        assert_eq!(Part::need(Part::First, Part::First, 0.7), Some(LINK_FIRST_PART));
        assert_eq!(Part::need(Part::First, Part::Whole, 0.7), Some(LINK_FIRST_PART));
        // A first word against a last one says nothing.
        assert_eq!(Part::need(Part::First, Part::Last, 0.7), None);
        assert_eq!(Part::need(Part::Last, Part::First, 0.7), None);
    }

    #[test]
    fn a_short_lexicon_name_keeps_only_forms_that_sound_almost_like_it() {
        // NATO (key NT): the Tamil நாட்டு sounds like it (0.95) and joined it; অন্তত ("at
        // least", 0.71) and the Tamil இந்த ("this") chained on to it.
        let lex = Lexicon::builtin();
        let forms: Vec<String> = ["ন্যাটো", "நாட்டு", "অন্তত", "இந்த"].iter().map(|f| talign_names::normalize(f)).collect();
        let names: Vec<Name> = forms.iter().map(|f| Name::from_clean(f.clone(), lex)).collect();
        let form_lex: Vec<Option<EntityId>> = names.iter().map(Name::entity).collect();
        assert!(form_lex[0].is_some() && form_lex[1..].iter().all(Option::is_none));
        let table =
            FormTable { names: &names, forms: &forms, lex: &form_lex, mentions: &[3, 2, 5, 2], confirmed: &[false; 4] };
        let mut uf = without_chains(&table, &[], &[(0, 1), (1, 2), (2, 3)], lex);
        assert_eq!(uf.find(0), uf.find(1));
        assert_ne!(uf.find(0), uf.find(2));
        assert_ne!(uf.find(0), uf.find(3));
        // The common words that left are joined again by the pair between them.
        assert_eq!(uf.find(2), uf.find(3));
    }

    #[test]
    fn a_word_of_an_uncovered_script_does_not_join_a_name_written_without_vowels() {
        // Telugu పార్టీ ("party") sounds like the Urdu بھارتی ("Indian") with its short vowels
        // unwritten; the Telugu పుతిన్ is Putin.
        let docs = [
            "ఆ పార్టీ నాయకుడు పుతిన్ గురించి మాట్లాడారు.",
            "بھارتی وزیر اعظم نے پیوٹن سے ملاقات کی۔",
            "Vladimir Putin met the Indian prime minister.",
        ];
        let ms: Vec<Vec<Mention>> = docs.iter().map(|d| find_mentions(d)).collect();
        let r = resolve(&docs, &ms, Lexicon::builtin());
        let entity_of = |d: usize, surface: &str| {
            ms[d].iter().position(|m| m.surface(docs[d]) == surface).map(|k| &r.entities[r.doc_entities[d][k] as usize])
        };
        let party = entity_of(0, "పార్టీ").expect("a candidate");
        assert!(party.lexicon.is_none(), "{party:?}");
        let putin = entity_of(0, "పుతిన్").expect("a candidate");
        assert_eq!(putin.key, "Vladimir Putin");
    }

    #[test]
    fn names_in_a_script_the_lexicon_lacks_meet_its_entities() {
        // Tamil and Greek have no lexicon variants: their forms are candidates that join the
        // lexicon entities found in the English report by their sound (Greek read in its
        // Latin spelling, see talign_names).
        let cases = [
            (
                ["ரஷ்ய அதிபர் புடின் நேற்று ஈரான் சென்றார்.", "Vladimir Putin arrived in Iran on Monday."],
                Script::Indic,
                [("புடின்", "Vladimir Putin"), ("ஈரான்", "Iran")],
            ),
            (
                [
                    "Ο υπουργός Σεργκέι Λαβρόφ δήλωσε ότι η Ρωσία στηρίζει το Ιράν.",
                    "Sergei Lavrov said Russia supports Iran.",
                ],
                Script::Other,
                [("Ρωσία", "Russia"), ("Ιράν", "Iran")],
            ),
        ];
        for (docs, script, names) in cases {
            let ms: Vec<Vec<Mention>> = docs.iter().map(|d| find_mentions(d)).collect();
            let r = resolve(&docs, &ms, Lexicon::builtin());
            for (form, name) in names {
                let e = r
                    .entities
                    .iter()
                    .find(|e| e.variants_in(script).contains(&form))
                    .unwrap_or_else(|| panic!("{form} is a mention"));
                assert_eq!(
                    (e.canonical(), e.lexicon.is_some(), e.docs.clone()),
                    (name, true, vec![0, 1]),
                    "{form}: {e:?}"
                );
            }
        }
    }
}
