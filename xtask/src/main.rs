//! Project automation: `cargo xtask <command>`. See `cargo xtask help`.

mod eval;
mod eval_passages;
mod eval_romanize;
mod eval_web;
mod fit;
mod gen_corpus;
mod snapshots;
mod variants;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  test                     every test of the workspace, snapshots checked (what CI runs)
  snapshots                run the snapshot suite; list new, changed and orphaned snapshots
  snapshots --accept       accept every new or changed snapshot, delete orphans
  snapshots --check        fail on a changed, missing or orphaned snapshot; write nothing
  eval names [--check] [--no-lexicon] [--data DIR]
                           top-1 pairing accuracy on ../shared/data/names-dev
  eval events [--check] [--data DIR] [-- TALIGN FLAGS]
                           document and passage F1 on ../shared/data/ntrex-dev and every
                           overlap variant built from it; flags after -- go to talign
  eval romanize [--check] [--data DIR] [--set FILE]
                           CER of the `latin` romanization on names-dev (bn and fa → latin), beside
                           the letter rules, uroman, and the learnt model under cross-validation;
                           rows with errors go to target/eval-romanize-errors.tsv; --set FILE
                           measures one file (persons.tsv or places.tsv) only
  train-romanize [--data DIR]
                           train the romanization model into crates/talign-names/data/romanize.tsv.deflate
                           (the same table as text in target/romanize.tsv, to read)
  eval web [--check] [--fit] [--windows D,O]... [--samples N] [--event-samples N] [-- TALIGN FLAGS]
                           event clusters on the real web pages of corpora/web-dev/manifest.csv
                           (texts from $TALIGN_WEB_CACHE or ~/.cache/talign/web-dev); --fit
                           fits the same-event model's weights on them and prints them;
                           --windows D,O also clusters the pages as a stream in date order in
                           windows of D days overlapping by O, against gold and the whole run
                           (a page that states no date arrives, still undated, with its labelled
                           event, as from a crawler), with the manifest's dates and with every
                           page dated from its event;
                           --samples N also scores N random samples of 80 % of the pages (mean
                           and range: a steadier judge of a change than the one whole-set
                           figure); --event-samples N scores N random samples of 40 % of the
                           events, each with all its pages and its hard negatives (about the
                           size of the held-back set: other events than the whole set's);
                           flags after -- go to `talign events cluster`
  eval passages-web [--check] [-- TALIGN FLAGS]
                           sentence pairs of independent bn–fa reports against
                           corpora/web-dev/passages-gold.csv, with the monotonic baseline;
                           flags after -- go to talign
  gen-corpus N OUT.jsonl [--per-day R]
                           a corpus of N documents recombined from the sentences of corpora/,
                           written as it is made; with --per-day, R documents a day from
                           2024-01-01 on, in date order (`published`)
  bench-events [N] [--small M] [--baseline BIN]
                           time `events align`, `export sentences` and `report` on M (10000)
                           and N (100000) generated documents (wall, CPU, peak memory; the
                           passage stage's cost per link and per linked sentence), each also
                           by BIN when given; and
                           `events align` on 5000 against brute-force all-pairs scoring
  fuzz [--minutes M] [--target T]
                           randomized runs over corpus loading, dates and numbers, normalize and
                           the CSV writer for M minutes in all (default 30), outside CI; failures
                           are kept in crates/talign/tests/fuzz-regressions/ as regression cases
  help                     this message";

/// The repository root, from this crate's manifest directory.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ has a parent").to_path_buf()
}

/// `cargo` as invoked by the user (the `CARGO` variable), run from the repository root.
pub fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = root();
    match args.first().map(String::as_str) {
        Some("test") => snapshots::test(&root),
        Some("snapshots") => snapshots::run(&root, &args[1..]),
        Some("eval") => match args.get(1).map(String::as_str) {
            Some("names") => eval::names(&root, &eval::EvalArgs::parse(&args[2..])?),
            Some("events") => eval::events(&root, &eval::EvalArgs::parse(&args[2..])?),
            Some("web") => {
                // Everything after `--` is passed to `talign events cluster` (to try tuning flags).
                let extra: Vec<String> = args.iter().skip_while(|a| *a != "--").skip(1).cloned().collect();
                let own: Vec<&String> = args[2..].iter().take_while(|a| *a != "--").collect();
                // --windows D,O (repeatable): also cluster the pages as a dated stream in windows.
                let mut windows = Vec::new();
                for w in own.windows(2).filter(|w| w[0] == "--windows") {
                    let (d, o) = w[1].split_once(',').context("--windows D,O")?;
                    windows.push((d.parse().context("--windows D,O")?, o.parse().context("--windows D,O")?));
                }
                let count = |flag: &str| -> Result<usize> {
                    match own.iter().position(|a| *a == flag) {
                        Some(i) => own
                            .get(i + 1)
                            .with_context(|| format!("{flag} N"))?
                            .parse()
                            .with_context(|| format!("{flag} N: a number")),
                        None => Ok(0),
                    }
                };
                let samples = count("--samples")?;
                let event_samples = count("--event-samples")?;
                eval_web::web(
                    &root,
                    &eval_web::WebArgs {
                        check: own.iter().any(|a| *a == "--check"),
                        refit: own.iter().any(|a| *a == "--fit"),
                        extra,
                        windows,
                        samples,
                        event_samples,
                    },
                )
            }
            Some("romanize") => {
                // --set FILE: measure that names-dev file only (a quicker loop while tuning).
                let mut rest: Vec<String> = args[2..].to_vec();
                let set = match rest.iter().position(|a| a == "--set") {
                    Some(i) => {
                        let f = rest.get(i + 1).context("--set needs a file name (persons.tsv or places.tsv)")?.clone();
                        rest.drain(i..i + 2);
                        Some(f)
                    }
                    None => None,
                };
                let a = eval::EvalArgs::parse(&rest)?;
                eval_romanize::eval(&root, &a.data_dir(&root), a.check, set.as_deref())
            }
            Some("passages-web") => {
                // Everything after `--` is passed to every talign run (to try tuning flags).
                let extra: Vec<String> = args.iter().skip_while(|a| *a != "--").skip(1).cloned().collect();
                let own = args[2..].iter().take_while(|a| *a != "--");
                eval_passages::passages_web(&root, own.clone().any(|a| a == "--check"), &extra)
            }
            _ => bail!("usage: cargo xtask eval names|events|romanize|web [--check]"),
        },
        Some("train-romanize") => {
            let a = eval::EvalArgs::parse(&args[1..])?;
            eval_romanize::train(&root, &a.data_dir(&root))
        }
        Some("gen-corpus") => {
            let n: usize = args.get(1).context("gen-corpus needs N")?.parse().context("N must be a number")?;
            let out = PathBuf::from(args.get(2).context("gen-corpus needs an output file")?);
            let per_day = match args.get(3).map(String::as_str) {
                Some("--per-day") => {
                    Some(args.get(4).context("--per-day needs a number")?.parse().context("--per-day R")?)
                }
                Some(other) => bail!("unexpected argument `{other}`"),
                None => None,
            };
            gen_corpus::generate_dated(&root, n, per_day, &out)
        }
        Some("bench-events") => gen_corpus::bench(&root, &gen_corpus::BenchArgs::parse(&args[1..])?),
        Some("fuzz") => fuzz(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

/// `cargo xtask fuzz`: the long run of `crates/talign/tests/fuzz.rs`, the minutes shared
/// among its targets, one test thread (the machine is shared).
fn fuzz(args: &[String]) -> Result<()> {
    let (mut minutes, mut target) = (30.0f64, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--minutes" => minutes = it.next().context("--minutes needs a number")?.parse().context("--minutes")?,
            "--target" => target = Some(it.next().context("--target needs a name")?.clone()),
            other => bail!("unknown argument `{other}`"),
        }
    }
    if !(minutes.is_finite() && minutes > 0.0) {
        bail!("--minutes must be positive");
    }
    let targets = if target.is_some() { 1.0 } else { 5.0 };
    let seconds = (minutes * 60.0 / targets).ceil() as u64;
    let mut c = cargo();
    c.args(["test", "--release", "-p", "talign", "--test", "fuzz", "--", "--ignored", "--exact", "fuzz_long"])
        .args(["--nocapture", "--test-threads", "1"])
        .env("TALIGN_FUZZ_SECONDS", seconds.to_string());
    if let Some(t) = target {
        c.env("TALIGN_FUZZ_TARGET", t);
    }
    let status = c.status().context("running cargo test")?;
    if !status.success() {
        bail!("the fuzz run failed; new cases are in crates/talign/tests/fuzz-regressions/");
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
