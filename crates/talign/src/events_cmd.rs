//! `talign events align|cluster`, `talign export names|sentences` and `talign report`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use talign_corpus::{Corpus, LoadOptions};
use talign_events::{Analysis, Options};

use crate::{CorpusArgs, Output};
use talign::table::{self, Format, write_atomic, write_table};
use talign::tables::{align_table, cluster_table, names_table, sentences_table, sentences_table_for};

/// Loads the corpora named on the command line, or the built-in seeds when there are none.
pub(crate) fn load(args: &CorpusArgs) -> Result<Corpus> {
    let corpus = if args.corpus.is_empty() {
        talign::seeds::corpus().context("loading the built-in seed corpus")?
    } else {
        Corpus::load_with(&args.corpus, &LoadOptions { lenient_lang: args.lenient_lang })?
    };
    for w in corpus.warnings() {
        eprintln!("talign: warning: {w}");
    }
    Ok(corpus)
}

fn emit(table: &table::Table, out: &Output) -> Result<()> {
    write_table(out.output.as_deref(), table, out.format)
}

/// `talign corpus docs`.
pub(crate) fn corpus_docs(args: &CorpusArgs, out: &Output) -> Result<()> {
    let corpus = load(args)?;
    let mut t = table::Table::new(&["doc", "lang", "published", "published_from", "title", "sentences", "chars"]);
    for d in corpus.docs() {
        let (published, from) = match d.published {
            Some(p) => (Some(p), Some("corpus")),
            None => match talign_events::temporal::published_with_source(&d.text, d.url.as_deref()) {
                Some((p, talign_events::temporal::PublishedFrom::Url)) => (Some(p), Some("url")),
                Some((p, _)) => (Some(p), Some("text")),
                None => (None, None),
            },
        };
        t.push(vec![
            d.id.as_str().into(),
            d.lang.code().into(),
            published.map(|p| p.to_string()).into(),
            from.into(),
            d.title.clone().into(),
            d.sentences().len().into(),
            d.text.chars().count().into(),
        ]);
    }
    emit(&t, out)
}

/// `talign corpus sentences`.
pub(crate) fn corpus_sentences(args: &CorpusArgs, out: &Output) -> Result<()> {
    let corpus = load(args)?;
    let mut t = table::Table::new(&["doc", "index", "start", "end", "text"]);
    for d in corpus.docs() {
        for (i, s) in d.sentences().iter().enumerate() {
            t.push(vec![d.id.as_str().into(), i.into(), s.start.into(), s.end.into(), s.text.into()]);
        }
    }
    emit(&t, out)
}

/// `talign corpus cuts`.
pub(crate) fn corpus_cuts(args: &CorpusArgs, out: &Output) -> Result<()> {
    let corpus = load(args)?;
    let model = talign_events::boundaries::BoundaryModel::new(corpus.docs().iter().map(|d| (d.lang, d.text.as_str())));
    let mut t = table::Table::new(&["doc", "sentence", "offset", "probability", "before", "after"]);
    for d in corpus.docs() {
        for (i, s) in d.sentences().iter().enumerate() {
            for c in model.cuts(d.lang, s.text) {
                let before = s.text[..c.at].split_whitespace().next_back().unwrap_or_default();
                let after = s.text[c.at..].split_whitespace().next().unwrap_or_default();
                t.push(vec![
                    d.id.as_str().into(),
                    i.into(),
                    (s.start + c.at).into(),
                    c.probability.into(),
                    before.into(),
                    after.into(),
                ]);
            }
        }
    }
    emit(&t, out)
}

/// The tables the event commands print.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Table {
    /// `events align`.
    Links,
    /// `events cluster`.
    Events,
    /// `export names`, with a canonical_from column when `explain` is set.
    Names {
        /// Add the canonical_from column.
        explain: bool,
    },
    /// `export sentences`, with an evidence column when `explain` is set.
    Sentences {
        /// Add the evidence column.
        explain: bool,
    },
}

/// Loads the corpus, runs the analysis and prints one table.
pub(crate) fn run(which: Table, args: &CorpusArgs, opts: &Options, out: &Output) -> Result<()> {
    let corpus = load(args)?;
    let a = Analysis::with_options(&corpus, opts);
    let t = match which {
        Table::Links => align_table(&a),
        Table::Events => cluster_table(&a),
        Table::Names { explain } => names_table(&a, explain),
        Table::Sentences { explain } => sentences_table(&a, &opts.passages, explain),
    };
    emit(&t, out)
}

/// `export sentences --pairs FILE` (the passages of the given document pairs, linked or
/// not) and `--timing` (how long alignment took, apart from loading, linking and learning).
pub(crate) fn sentences_for_pairs(
    args: &CorpusArgs,
    opts: &Options,
    pairs: Option<&Path>,
    explain: bool,
    timing: bool,
    out: &Output,
) -> Result<()> {
    let start = std::time::Instant::now();
    let corpus = load(args)?;
    let given = pairs.map(|p| read_pairs(&corpus, p)).transpose()?;
    let a = Analysis::with_options(&corpus, opts);
    let links = given.as_deref().unwrap_or(&a.links);
    if timing {
        let analysed = start.elapsed();
        a.prepare_passages(&opts.passages);
        let learnt = start.elapsed() - analysed;
        let t = std::time::Instant::now();
        let mut sentences = 0;
        for l in links {
            let pairs = a.passages(l, &opts.passages);
            std::hint::black_box(&pairs);
        }
        let aligned = t.elapsed();
        for l in links {
            sentences += corpus.docs()[l.left].sentences().len() + corpus.docs()[l.right].sentences().len();
        }
        let secs = aligned.as_secs_f64();
        eprintln!(
            "talign: timing: load+extract+link {:.3} s; learning {:.3} s; alignment of {} pairs ({} sentences) {:.3} s: {:.3} ms per pair, {:.0} sentences/s",
            analysed.as_secs_f64(),
            learnt.as_secs_f64(),
            links.len(),
            sentences,
            secs,
            1000.0 * secs / links.len().max(1) as f64,
            sentences as f64 / secs.max(1e-9)
        );
    }
    emit(&sentences_table_for(&a, links, &opts.passages, explain), out)
}

/// Reads a `left,right` CSV of document ids; an unknown id is an error naming file and line.
fn read_pairs(corpus: &Corpus, pairs: &Path) -> Result<Vec<talign_events::align::Link>> {
    let index: std::collections::HashMap<&str, usize> =
        corpus.docs().iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let mut rdr = csv::Reader::from_path(pairs).with_context(|| format!("reading {}", pairs.display()))?;
    let headers = rdr.headers().with_context(|| format!("{}: line 1", pairs.display()))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("{}: line 1: no `{name}` column", pairs.display()))
    };
    let (left, right) = (col("left")?, col("right")?);
    let mut links = Vec::new();
    for (k, rec) in rdr.records().enumerate() {
        let line = k + 2;
        let rec = rec.with_context(|| format!("{}: line {line}", pairs.display()))?;
        let doc = |c: usize| -> Result<usize> {
            let id = rec.get(c).unwrap_or_default();
            index.get(id).copied().with_context(|| format!("{}: line {line}: no document `{id}`", pairs.display()))
        };
        let (l, r) = (doc(left)?, doc(right)?);
        links.push(talign_events::align::Link {
            left: l.min(r),
            right: l.max(r),
            score: 0.0,
            evidence: "given".into(),
        });
    }
    Ok(links)
}

pub(crate) fn report(args: &CorpusArgs, opts: &Options, dir: &Path, format: Format) -> Result<()> {
    let corpus = load(args)?;
    let a = Analysis::with_options(&corpus, opts);
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let tables: [(&str, table::Table); 4] = [
        ("links", align_table(&a)),
        ("events", cluster_table(&a)),
        ("names", names_table(&a, false)),
        ("sentences", sentences_table(&a, &opts.passages, false)),
    ];
    // Render everything first, so that an error leaves no half-written report.
    let mut rendered: Vec<(PathBuf, Vec<u8>, usize)> = Vec::new();
    for (name, t) in &tables {
        rendered.push((dir.join(format!("{name}.{}", format.extension())), t.render(format)?, t.rows()));
    }
    for (path, bytes, _) in &rendered {
        write_atomic(path, bytes)?;
    }
    eprintln!(
        "talign: {} documents, {} links, {} events, {} names, {} passage pairs → {}",
        corpus.len(),
        a.links.len(),
        a.events.iter().max().map_or(0, |m| m + 1),
        rendered[2].2,
        rendered[3].2,
        dir.display()
    );
    Ok(())
}
