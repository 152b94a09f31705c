//! The tables of `talign events` and `talign export`, built from an [`Analysis`]. Each is
//! produced a row at a time ([`EventTable::rows`]), so that a command can write it as it
//! goes ([`crate::table::write_rows`]) instead of holding it; the `*_table` functions
//! collect one into a [`Table`].

use talign_events::Analysis;
use talign_events::align::Link;
use talign_events::entities::Resolution;
use talign_events::passages::PassageOptions;
use talign_names::Script;

use crate::table::{Cell, Table};

/// The tables the event commands print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTable {
    /// `events align`: left,right,score,evidence (the contract's columns), then relation.
    Links,
    /// `events cluster`: event,doc,lang,published,title.
    Events,
    /// `events pairs`: left,right,score,raw,same_event,event,linked,evidence, and the
    /// model's inputs when `inputs` is set.
    Pairs {
        /// Add the inputs.
        inputs: bool,
    },
    /// `export names`: canonical,kind,bn,fa,docs,mentions (and canonical_from, with
    /// `explain`).
    Names {
        /// Add the canonical_from column.
        explain: bool,
    },
    /// `export sentences`: event,left_doc,right_doc,left,right,score (and evidence, with
    /// `explain`).
    Sentences {
        /// Add the evidence column.
        explain: bool,
        /// Every pair the aligner scored inside one event, not only the links
        /// ([`Analysis::event_pairs`]).
        within_events: bool,
    },
}

impl EventTable {
    /// The column names.
    pub fn columns(self) -> Vec<&'static str> {
        match self {
            EventTable::Links => vec!["left", "right", "score", "evidence", "relation"],
            EventTable::Events => vec!["event", "doc", "lang", "published", "title"],
            EventTable::Pairs { inputs } => {
                let mut cols = vec!["left", "right", "score", "raw", "same_event", "event", "linked", "evidence"];
                if inputs {
                    cols.extend(talign_events::pairmodel::INPUTS);
                }
                cols
            }
            EventTable::Names { explain } => {
                let mut cols = vec!["canonical", "kind", "bn", "fa", "docs", "mentions"];
                if explain {
                    cols.push("canonical_from");
                }
                cols
            }
            EventTable::Sentences { explain, .. } => {
                let mut cols = vec!["event", "left_doc", "right_doc", "left", "right", "score"];
                if explain {
                    cols.push("evidence");
                }
                cols
            }
        }
    }

    /// Hands the rows to `row` in order; stops at the first error it returns.
    pub fn rows<'a, E>(
        self,
        a: &'a Analysis<'_>,
        opts: &PassageOptions,
        row: impl FnMut(Vec<Cell<'a>>) -> Result<(), E>,
    ) -> Result<(), E> {
        match self {
            EventTable::Links => link_rows(a, row),
            EventTable::Events => event_rows(a, row),
            EventTable::Pairs { inputs } => pair_rows(a, inputs, row),
            EventTable::Names { explain } => name_rows(a, explain, row),
            EventTable::Sentences { explain, within_events: false } => {
                sentence_rows(a, &a.shown_pairs(opts), opts, explain, row)
            }
            EventTable::Sentences { explain, within_events: true } => {
                sentence_rows(a, &a.event_pairs(opts), opts, explain, row)
            }
        }
    }

    /// The whole table in memory.
    pub fn table<'a>(self, a: &'a Analysis<'_>, opts: &PassageOptions) -> Table<'a> {
        let mut t = Table::new(&self.columns());
        let done: Result<(), std::convert::Infallible> = self.rows(a, opts, |r| {
            t.push(r);
            Ok(())
        });
        let Ok(()) = done;
        t
    }
}

/// `events align`: left,right,score,evidence (the contract's columns), then relation.
pub fn align_table<'a>(a: &'a Analysis<'_>) -> Table<'a> {
    EventTable::Links.table(a, &PassageOptions::default())
}

/// `events pairs`: left,right,score,raw,same_event,event,linked,evidence, and the model's inputs.
pub fn pairs_table<'a>(a: &'a Analysis<'_>, inputs: bool) -> Table<'a> {
    EventTable::Pairs { inputs }.table(a, &PassageOptions::default())
}

/// `events cluster`: event,doc,lang,published,title.
pub fn cluster_table<'a>(a: &'a Analysis<'_>) -> Table<'a> {
    EventTable::Events.table(a, &PassageOptions::default())
}

/// `export names`: canonical,kind,bn,fa,docs,mentions (and canonical_from, with `explain`).
pub fn names_table<'a>(a: &'a Analysis<'_>, explain: bool) -> Table<'a> {
    EventTable::Names { explain }.table(a, &PassageOptions::default())
}

/// `export sentences`: event,left_doc,right_doc,left,right,score (and evidence, with `explain`).
pub fn sentences_table<'a>(a: &'a Analysis<'_>, opts: &PassageOptions, explain: bool) -> Table<'a> {
    EventTable::Sentences { explain, within_events: false }.table(a, opts)
}

/// [`sentences_table`] for the given pairs of documents instead of the linked ones.
pub fn sentences_table_for<'a>(a: &'a Analysis<'_>, links: &[Link], opts: &PassageOptions, explain: bool) -> Table<'a> {
    let mut t = Table::new(&EventTable::Sentences { explain, within_events: false }.columns());
    let done: Result<(), std::convert::Infallible> = sentence_rows(a, links, opts, explain, |r| {
        t.push(r);
        Ok(())
    });
    let Ok(()) = done;
    t
}

fn link_rows<'a, E>(a: &'a Analysis<'_>, mut row: impl FnMut(Vec<Cell<'a>>) -> Result<(), E>) -> Result<(), E> {
    let docs = a.corpus.docs();
    for l in &a.links {
        row(vec![
            docs[l.left].id.as_str().into(),
            docs[l.right].id.as_str().into(),
            l.score.into(),
            l.evidence.as_str().into(),
            l.relation.as_str().into(),
        ])?;
    }
    Ok(())
}

fn pair_rows<'a, E>(
    a: &'a Analysis<'_>,
    inputs: bool,
    mut row: impl FnMut(Vec<Cell<'a>>) -> Result<(), E>,
) -> Result<(), E> {
    let docs = a.corpus.docs();
    let linked: std::collections::HashSet<(usize, usize)> = a.links.iter().map(|l| (l.left, l.right)).collect();
    for p in &a.pairs {
        let (l, r) = (p.left as usize, p.right as usize);
        let mut cells = vec![
            docs[l].id.as_str().into(),
            docs[r].id.as_str().into(),
            p.score.into(),
            p.raw.into(),
            p.same_event.into(),
            if a.events[l] == a.events[r] { "same" } else { "apart" }.into(),
            if linked.contains(&(l, r)) { "yes" } else { "no" }.into(),
            a.pair_evidence(l, r).into(),
        ];
        if inputs {
            cells.extend(a.pair_inputs(l, r).into_iter().map(Into::into));
        }
        row(cells)?;
    }
    Ok(())
}

fn event_rows<'a, E>(a: &'a Analysis<'_>, mut row: impl FnMut(Vec<Cell<'a>>) -> Result<(), E>) -> Result<(), E> {
    let mut order: Vec<usize> = (0..a.corpus.len()).collect();
    order.sort_by_key(|&d| (a.events[d], d));
    for d in order {
        let doc = &a.corpus.docs()[d];
        let published = a.published[d].map(|p| p.to_string());
        row(vec![
            a.event_id(a.events[d]).into(),
            doc.id.as_str().into(),
            doc.lang.code().into(),
            published.into(),
            doc.title.as_deref().into(),
        ])?;
    }
    Ok(())
}

fn name_rows<'a, E>(
    a: &'a Analysis<'_>,
    explain: bool,
    row: impl FnMut(Vec<Cell<'a>>) -> Result<(), E>,
) -> Result<(), E> {
    entity_rows(&a.resolution, |d| a.corpus.docs()[d as usize].id.as_str(), explain, row)
}

/// The rows of `export names` for a resolution whose document `d` has the id `id(d)`.
pub fn entity_rows<'a, E>(
    resolution: &'a Resolution,
    id: impl Fn(u32) -> &'a str,
    explain: bool,
    mut row: impl FnMut(Vec<Cell<'a>>) -> Result<(), E>,
) -> Result<(), E> {
    for e in resolution.confirmed_by_mentions() {
        let docs: Vec<&str> = e.docs.iter().map(|&d| id(d)).collect();
        let mut cells = vec![
            e.canonical().into(),
            e.kind.code().into(),
            e.variants_in(Script::Bengali).join("|").into(),
            e.variants_in(Script::Arabic).join("|").into(),
            docs.join("|").into(),
            e.mentions.into(),
        ];
        if explain {
            cells.push(e.canonical_from().into());
        }
        row(cells)?;
    }
    Ok(())
}

/// The rows of `export sentences` for these pairs of documents (the links, or pairs given).
pub fn sentence_rows<'a, E>(
    a: &'a Analysis<'_>,
    links: &[Link],
    opts: &PassageOptions,
    explain: bool,
    row: impl FnMut(Vec<Cell<'a>>) -> Result<(), E>,
) -> Result<(), E> {
    sentence_rows_counted(a, links, opts, explain, &mut || {}, row)
}

/// [`sentence_rows`], calling `on_link` after each link's rows (for progress).
pub fn sentence_rows_counted<'a, E>(
    a: &'a Analysis<'_>,
    links: &[Link],
    opts: &PassageOptions,
    explain: bool,
    on_link: &mut dyn FnMut(),
    mut row: impl FnMut(Vec<Cell<'a>>) -> Result<(), E>,
) -> Result<(), E> {
    let docs = a.corpus.docs();
    a.each_passages_of(links, opts, |l, pairs| {
        on_link();
        let event = a.event_id(a.events[l.left]);
        for p in pairs {
            let mut cells = vec![
                event.as_str().to_owned().into(),
                docs[l.left].id.as_str().into(),
                docs[l.right].id.as_str().into(),
                p.left.into(),
                p.right.into(),
                p.score.into(),
            ];
            if explain {
                cells.push(a.passage_evidence(&p.bead).into());
            }
            row(cells)?;
        }
        Ok(())
    })
}
