//! The tables of `talign events` and `talign export`, built from an [`Analysis`].

use talign_events::Analysis;
use talign_events::passages::PassageOptions;
use talign_names::Script;

use crate::table::Table;

/// `events align`: left,right,score,evidence.
pub fn align_table<'a>(a: &'a Analysis<'_>) -> Table<'a> {
    let docs = a.corpus.docs();
    let mut t = Table::new(&["left", "right", "score", "evidence"]);
    for l in &a.links {
        t.push(vec![
            docs[l.left].id.as_str().into(),
            docs[l.right].id.as_str().into(),
            l.score.into(),
            l.evidence.as_str().into(),
        ]);
    }
    t
}

/// `events cluster`: event,doc,lang,published,title.
pub fn cluster_table<'a>(a: &'a Analysis<'_>) -> Table<'a> {
    let mut t = Table::new(&["event", "doc", "lang", "published", "title"]);
    let mut order: Vec<usize> = (0..a.corpus.len()).collect();
    order.sort_by_key(|&d| (a.events[d], d));
    for d in order {
        let doc = &a.corpus.docs()[d];
        let published = a.published[d].map(|p| p.to_string());
        t.push(vec![
            a.event_id(a.events[d]).into(),
            doc.id.as_str().into(),
            doc.lang.code().into(),
            published.into(),
            doc.title.clone().into(),
        ]);
    }
    t
}

/// `export names`: canonical,kind,bn,fa,docs,mentions (and canonical_from, with `explain`).
pub fn names_table<'a>(a: &'a Analysis<'_>, explain: bool) -> Table<'a> {
    let mut cols = vec!["canonical", "kind", "bn", "fa", "docs", "mentions"];
    if explain {
        cols.push("canonical_from");
    }
    let mut t = Table::new(&cols);
    let mut rows: Vec<&talign_events::entities::Entity> =
        a.resolution.entities.iter().filter(|e| e.confirmed).collect();
    rows.sort_by(|x, y| y.mentions.cmp(&x.mentions).then(x.canonical.cmp(&y.canonical)));
    for e in rows {
        let docs: Vec<&str> = e.docs.iter().map(|&d| a.corpus.docs()[d as usize].id.as_str()).collect();
        let mut row = vec![
            e.canonical.as_str().into(),
            e.kind.code().into(),
            e.variants_in(Script::Bengali).join("|").into(),
            e.variants_in(Script::Arabic).join("|").into(),
            docs.join("|").into(),
            e.mentions.into(),
        ];
        if explain {
            row.push(e.canonical_from().into());
        }
        t.push(row);
    }
    t
}

/// `export sentences`: event,left_doc,right_doc,left,right,score (and evidence, with `explain`).
pub fn sentences_table<'a>(a: &'a Analysis<'_>, opts: &PassageOptions, explain: bool) -> Table<'a> {
    sentences_table_for(a, &a.links, opts, explain)
}

/// [`sentences_table`] for the given pairs of documents instead of the linked ones.
pub fn sentences_table_for<'a>(
    a: &'a Analysis<'_>,
    links: &[talign_events::align::Link],
    opts: &PassageOptions,
    explain: bool,
) -> Table<'a> {
    let mut cols = vec!["event", "left_doc", "right_doc", "left", "right", "score"];
    if explain {
        cols.push("evidence");
    }
    let mut t = Table::new(&cols);
    let docs = a.corpus.docs();
    for l in links {
        for p in a.passages(l, opts) {
            let mut row = vec![
                a.event_id(a.events[l.left]).into(),
                docs[l.left].id.as_str().into(),
                docs[l.right].id.as_str().into(),
                p.left.into(),
                p.right.into(),
                p.score.into(),
            ];
            if explain {
                row.push(a.passage_evidence(&p.bead).into());
            }
            t.push(row);
        }
    }
    t
}
