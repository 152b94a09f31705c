//! The `talign` command line: names, events and bilingual tables for Bengali, Persian
//! and Latin-script news. See `docs/cli-contract.md` for the contract it keeps.

mod input;
mod names_cmd;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::table::Format;

const ABOUT: &str = "Align names, events and passages across Bengali, Persian and Latin-script news.";

const EXAMPLES: &str = "\
Examples:
  talign report                                   # all tables for the built-in seed articles
  talign names normalize names.txt
  talign names pair bengali.txt persian.txt --top 3 --explain
  talign events align corpora/seeds other.jsonl -o links.csv
  talign export names corpora/seeds --format markdown";

#[derive(Debug, Parser)]
#[command(name = "talign", version, about = ABOUT, after_help = EXAMPLES, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Clean, romanize and pair names across scripts.
    #[command(subcommand)]
    Names(NamesCommand),
}

#[derive(Debug, Subcommand)]
enum NamesCommand {
    /// One row per input name: script, cleaned form, romanization and comparison key.
    #[command(
        after_help = "Output columns: input,script,normalized,latin,key\n\nExample:\n  printf 'ল্যাভরভ\\nلاوروف\\n' | talign names normalize -"
    )]
    Normalize(NormalizeArgs),
    /// For each LEFT name, the RIGHT name that most likely names the same entity.
    #[command(
        after_help = "Output columns: left,right,score (plus rank with --top, explanation with --explain)\n\nExample:\n  talign names pair bn.txt en.txt --top 3 --min-score 0.6"
    )]
    Pair(PairArgs),
}

/// Output options shared by every table command.
#[derive(Debug, Args)]
struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Write to FILE instead of standard output (written whole, or not at all).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct NormalizeArgs {
    /// Name list: one name per line, blank lines skipped; `-` reads stdin.
    #[arg(value_name = "LIST", default_value = "-")]
    list: PathBuf,
    /// Add columns for the phonemes and the lexicon entity, if any.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    out: Output,
}

#[derive(Debug, Args)]
struct PairArgs {
    /// Names to find partners for (one per line).
    #[arg(value_name = "LEFT")]
    left: PathBuf,
    /// Candidate names (one per line).
    #[arg(value_name = "RIGHT")]
    right: PathBuf,
    /// Print the K best candidates per LEFT name, with a `rank` column.
    #[arg(long, value_name = "K")]
    top: Option<usize>,
    /// Leave `right` empty where the best score is below S.
    #[arg(long, value_name = "S")]
    min_score: Option<f32>,
    /// Add an `explanation` column saying which rule or lexicon entry matched.
    #[arg(long)]
    explain: bool,
    /// Candidates scored in full per name (more is slower and surer).
    #[arg(long, value_name = "N", default_value_t = talign_names::DEFAULT_SHORTLIST)]
    shortlist: usize,
    #[command(flatten)]
    out: Output,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Names(NamesCommand::Normalize(a)) => names_cmd::normalize(&a),
        Command::Names(NamesCommand::Pair(a)) => names_cmd::pair(&a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("talign: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
