//! `talign names normalize` and `talign names pair`.

use anyhow::{Result, bail};
use rayon::prelude::*;
use talign_names::{Lexicon, Name, NameIndex};

use crate::input::read_name_list;
use crate::{NormalizeArgs, Output, PairArgs};
use talign::table::{Cell, Table, write_table};

fn emit(table: &Table, out: &Output) -> Result<()> {
    write_table(out.output.as_deref(), table, out.format)
}

pub(crate) fn normalize(args: &NormalizeArgs) -> Result<()> {
    let lines = read_name_list(&args.list)?;
    let lex = Lexicon::builtin();
    let names: Vec<Name> = lines.par_iter().map(|l| Name::with_lexicon(&l.text, lex)).collect();
    let mut headers = vec!["input", "script", "normalized", "latin", "key"];
    if args.explain {
        headers.extend(["phonemes", "entity"]);
    }
    let mut t = Table::new(&headers);
    for (l, n) in lines.iter().zip(&names) {
        let mut row: Vec<Cell> = vec![
            l.text.as_str().into(),
            n.orthography().code().into(),
            n.clean().into(),
            n.romanize().into(),
            n.key().into(),
        ];
        if args.explain {
            row.push(n.phonemes().join(" ").into());
            row.push(n.entity().map(|e| lex.entity(e).canonical.clone()).into());
        }
        t.push(row);
    }
    emit(&t, &args.out)
}

pub(crate) fn pair(args: &PairArgs) -> Result<()> {
    if let Some(s) = args.min_score
        && !(0.0..=1.0).contains(&s)
    {
        bail!("--min-score must be between 0 and 1, got {s}");
    }
    if args.top == Some(0) {
        bail!("--top must be at least 1");
    }
    let left = read_name_list(&args.left)?;
    let right = read_name_list(&args.right)?;
    let empty = Lexicon::empty();
    let lex = if args.no_lexicon { &empty } else { Lexicon::builtin() };
    let right_texts: Vec<&str> = right.iter().map(|l| l.text.as_str()).collect();
    let index = NameIndex::new(&right_texts, lex).with_shortlist(args.shortlist);
    let queries: Vec<Name> = left.par_iter().map(|l| Name::with_lexicon(&l.text, lex)).collect();
    let k = args.top.unwrap_or(1);
    let results = index.query_all(&queries, k);

    let mut headers = vec!["left", "right", "score"];
    if args.top.is_some() {
        headers.push("rank");
    }
    if args.explain {
        headers.push("explanation");
    }
    let mut t = Table::new(&headers);
    let mut pending: Vec<Vec<Cell>> = Vec::new();
    for (l, hits) in left.iter().zip(&results) {
        // One row per name, or K with --top K: ranks without a candidate have an empty `right`.
        let rows_wanted = if args.top.is_some() { k.min(right.len()).max(1) } else { 1 };
        for rank in hits.len()..rows_wanted {
            let mut row: Vec<Cell> = vec![l.text.as_str().into(), Cell::Null, Cell::Null];
            if args.top.is_some() {
                row.push(Cell::Int(rank as i64 + 1));
            }
            if args.explain {
                row.push(if hits.is_empty() { "no candidate shares a sound" } else { "no further candidate" }.into());
            }
            pending.push(row);
        }
        for (rank, h) in hits.iter().enumerate() {
            let below = args.min_score.is_some_and(|s| h.matched.score < s);
            let right_cell: Cell = if below { Cell::Null } else { right[h.index].text.as_str().into() };
            let mut row: Vec<Cell> = vec![l.text.as_str().into(), right_cell, h.matched.score.into()];
            if args.top.is_some() {
                row.push(Cell::Int(rank as i64 + 1));
            }
            if args.explain {
                row.push(h.matched.explain().into());
            }
            t.push(row);
        }
        for row in pending.drain(..) {
            t.push(row);
        }
    }
    emit(&t, &args.out)
}
