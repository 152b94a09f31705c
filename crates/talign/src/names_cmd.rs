//! `talign names normalize` and `talign names pair`, streaming.
//!
//! Both read their list (LEFT, for `pair`) in chunks of whole lines into a few reused
//! buffers, render each chunk's rows into the chunk's own output buffer on all cores, and
//! write the buffers in input order: memory does not grow with the list, and the bytes are
//! the same whatever the thread count. `pair` reads RIGHT whole (it is the index).

use anyhow::Result;
use rayon::prelude::*;
use talign_names::{Hit, Lexicon, Name, NameIndex, Reading};

use crate::{NormalizeArgs, PairArgs};
use talign::input::{Chunk, ChunkReader, read_name_list};
use talign::table::{Cell, Rows, write_with};

/// Bytes of input per chunk: enough lines (about 14,000 names) to keep a core busy for a
/// few milliseconds, small enough that a few chunks per core stay in cache.
const CHUNK_BYTES: usize = 256 << 10;
/// Chunks per set, per thread (see [`stream`]).
const CHUNKS_PER_THREAD: usize = 2;

/// A chunk of input and the rows rendered from it.
#[derive(Debug, Default)]
struct Slot {
    input: Chunk,
    output: Vec<u8>,
    rows: usize,
    error: Option<anyhow::Error>,
}

/// Streams `path` through `render` (which renders one chunk's names into its output and
/// returns the number of rows), writing the header, the rows in input order and the footer
/// to `output`. Two sets of chunks take turns: while the cores render one, this thread
/// writes the other's rows and reads the next lines into it.
fn stream<F>(path: &std::path::Path, rows: &Rows, output: Option<&std::path::Path>, render: F) -> Result<()>
where
    F: Fn(&Chunk, &str, &mut Vec<u8>) -> Result<usize> + Sync,
{
    let mut reader = ChunkReader::open(path)?;
    let label = reader.label().to_owned();
    let per_set = rayon::current_num_threads() * CHUNKS_PER_THREAD;
    let new_set = || -> Vec<Slot> { (0..per_set).map(|_| Slot::default()).collect() };
    let (mut computing, mut writing) = (new_set(), new_set());
    let render_all = |set: &mut [Slot]| {
        set.par_iter_mut().for_each(|s| {
            s.output.clear();
            match render(&s.input, &label, &mut s.output) {
                Ok(r) => (s.rows, s.error) = (r, None),
                Err(e) => (s.rows, s.error) = (0, Some(e)),
            }
        });
    };
    let fill = |reader: &mut ChunkReader, set: &mut [Slot]| -> Result<usize> {
        let mut n = 0;
        while n < set.len() && reader.fill(&mut set[n].input, CHUNK_BYTES)? {
            n += 1;
        }
        Ok(n)
    };
    write_with(output, &mut |w| {
        let mut buf = Vec::new();
        rows.header(&mut buf);
        w.write_all(&buf)?;
        let mut written = 0;
        let (mut to_compute, mut to_write) = (fill(&mut reader, &mut computing)?, 0);
        while to_compute > 0 || to_write > 0 {
            let computing_now = &mut computing[..to_compute];
            let (wrote, filled) = std::thread::scope(|scope| {
                let worker = scope.spawn(|| render_all(computing_now));
                let mut wrote = Ok(());
                for s in writing[..to_write].iter_mut() {
                    if let Some(e) = s.error.take() {
                        wrote = Err(e);
                        break;
                    }
                    if s.rows > 0 {
                        if let Err(e) = rows.write_rendered(&s.output, written == 0, w) {
                            wrote = Err(e.into());
                            break;
                        }
                        written += s.rows;
                    }
                }
                let filled = if wrote.is_ok() && to_compute > 0 { fill(&mut reader, &mut writing) } else { Ok(0) };
                worker.join().expect("rendering does not panic");
                (wrote, filled)
            });
            wrote?;
            let filled = filled?;
            std::mem::swap(&mut computing, &mut writing);
            (to_write, to_compute) = (to_compute, filled);
        }
        buf.clear();
        rows.footer(written, &mut buf);
        w.write_all(&buf)?;
        Ok(())
    })
}

pub(crate) fn normalize(args: &NormalizeArgs) -> Result<()> {
    let lex = Lexicon::builtin();
    let mut headers = vec!["input", "script", "normalized", "latin", "key"];
    if args.explain {
        headers.extend(["phonemes", "entity"]);
    }
    let rows = Rows::new(&headers, args.out.format);
    let romanization = args.romanization();
    stream(&args.list, &rows, args.out.output.as_deref(), |chunk, label, out| {
        let mut count = 0;
        // Without --explain, a name is only read (cleaned, romanized, keyed): nothing of what
        // scoring needs is prepared, and the buffers serve the whole chunk.
        let mut reading = Reading::default();
        for name in chunk.names(label) {
            let (_, text) = name?;
            if args.explain {
                let n = Name::with_lexicon(text, lex);
                let latin = n.romanize_as(romanization);
                let key = n.key();
                let row: [Cell; 7] = [
                    text.into(),
                    n.orthography().code().into(),
                    n.clean().into(),
                    latin.into(),
                    key.into(),
                    n.phonemes().join(" ").into(),
                    n.entity().map(|e| lex.entity(e).canonical.as_str()).into(),
                ];
                rows.row(&row, out);
            } else {
                Name::read_into_as(text, &mut reading, romanization);
                let r = &reading;
                let row: [Cell; 5] = [
                    text.into(),
                    r.orthography.code().into(),
                    r.clean.as_str().into(),
                    r.latin.as_str().into(),
                    r.key.as_str().into(),
                ];
                rows.row(&row, out);
            }
            count += 1;
        }
        Ok(count)
    })
}

pub(crate) fn pair(args: &PairArgs) -> Result<()> {
    // --min-score (0 to 1) and --top (1 or more) are checked by the argument parser.
    let right = read_name_list(&args.right)?;
    let empty = Lexicon::empty();
    let lex = if args.no_lexicon { &empty } else { Lexicon::builtin() };
    let right_texts: Vec<&str> = right.iter().map(|l| l.text.as_str()).collect();
    let index = NameIndex::new(&right_texts, lex).with_shortlist(args.shortlist);
    let k = args.top.unwrap_or(1);
    // One row per name, or K with --top K: ranks without a candidate have an empty `right`.
    let rows_wanted = if args.top.is_some() { k.min(right.len()).max(1) } else { 1 };

    let mut headers = vec!["left", "right", "score"];
    if args.top.is_some() {
        headers.push("rank");
    }
    if args.explain {
        headers.push("explanation");
    }
    let rows = Rows::new(&headers, args.out.format);
    stream(&args.left, &rows, args.out.output.as_deref(), |chunk, label, out| {
        let mut texts: Vec<&str> = Vec::new();
        for name in chunk.names(label) {
            texts.push(name?.1);
        }
        let queries: Vec<Name> = texts.iter().map(|t| Name::with_lexicon(t, lex)).collect();
        let results: Vec<Vec<Hit>> = index.query_all(&queries, k);
        let mut count = 0;
        for (text, hits) in texts.iter().zip(&results) {
            for (rank, h) in hits.iter().enumerate() {
                let below = args.min_score.is_some_and(|s| h.matched.score < s);
                let right_cell: Cell = if below { Cell::Null } else { right[h.index].text.as_str().into() };
                let mut row: Vec<Cell> = vec![(*text).into(), right_cell, h.matched.score.into()];
                if args.top.is_some() {
                    row.push(Cell::Int(rank as i64 + 1));
                }
                if args.explain {
                    row.push(h.matched.explain().into());
                }
                rows.row(&row, out);
                count += 1;
            }
            for rank in hits.len()..rows_wanted {
                let mut row: Vec<Cell> = vec![(*text).into(), Cell::Null, Cell::Null];
                if args.top.is_some() {
                    row.push(Cell::Int(rank as i64 + 1));
                }
                if args.explain {
                    row.push(
                        if hits.is_empty() { "no candidate shares a sound" } else { "no further candidate" }.into(),
                    );
                }
                rows.row(&row, out);
                count += 1;
            }
        }
        Ok(count)
    })
}
